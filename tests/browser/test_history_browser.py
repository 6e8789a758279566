"""Version history and earlier drafts in a real Chromium (issue 16): a paragraph deleted
before a kernel restart comes back from the 历史版本 page, after the side-by-side view
showed it; a passage carried over from last year's draft is shown beside the old text and
as PB650 in its section's panel."""

from __future__ import annotations

import os
import time

import pytest
from playwright.sync_api import expect

from partybook.draft import new_draft
from partybook.genre import load_genre
from partybook.storage import save

from .test_workbook_browser import resume_latest, run_all_lab, wait_saved_with

pytestmark = pytest.mark.browser

AUTHOR = "覃玉兰"
KEPT = "我2008年参加工作，先后在乡镇和县直部门任职。"
DELETED = "2019年到南岭县扶贫办工作后，我牵头建立了易地搬迁台账，走访农户三百余户。"
OLDER = (
    "乡村振兴项目验收时我只听汇报不看现场，两个村的路灯安装数量与台账对不上，直到群众反映才发现。"
)
OLD = "我在防汛物资管理中只看台账不下仓库，去年汛前检查时才发现三处仓库的冲锋舟发动机无法启动，险些误事。"


def last_years_draft(server) -> None:
    """Last year's draft of the same author in the drafts folder, saved long ago."""
    d = new_draft(load_genre("dangxing-fenxi"), author=AUTHOR)
    d.meta.date = "2025-11"
    d.sections["opening"] = [OLD]
    path = server.drafts / "覃玉兰的党性分析-2025.json"
    save(d, path)
    old = time.time() - 365 * 86400
    os.utime(path, (old, old))


def test_restore_after_a_kernel_restart_and_carried_over_passages(
    lab_server, page, artifacts_dir
) -> None:
    last_years_draft(lab_server)
    run_all_lab(page, lab_server)
    page.locator(".pb-new-author input").fill(AUTHOR)
    page.click(".pb-new")
    basic = page.locator(".pb-editor-basic textarea")
    basic.fill(f"{KEPT}\n{DELETED}")
    wait_saved_with(lab_server, lambda d: d.paragraphs("basic") == [KEPT, DELETED])
    basic.fill(KEPT)
    path, _ = wait_saved_with(lab_server, lambda d: d.paragraphs("basic") == [KEPT])

    # a new kernel: only the files are left
    page.locator(".jp-NotebookPanel-toolbar [data-command='notebook:restart-run-all']").click()
    page.locator(".jp-Dialog .jp-Dialog-button.jp-mod-accept").click()
    resume_latest(page)
    expect(page.locator(".pb-editor-basic textarea").last).to_have_value(KEPT, timeout=20_000)

    page.locator(".pb-tabs .lm-TabBar-tab", has_text="历史版本").click()
    rows = page.locator(".pb-history-row")
    rows.first.wait_for(timeout=20_000)
    expect(rows.first).to_contain_text("当前")
    expect(rows.first).to_contain_text("删除了")
    rows.nth(1).locator(".pb-history-compare-btn").click()
    removed = page.locator(".pb-history-diff .pb-diff-removed")
    removed.wait_for(timeout=20_000)
    expect(removed.locator(".pb-diff-old")).to_contain_text(DELETED)
    expect(removed.locator(".pb-diff-new")).to_contain_text("已删除")
    # side by side: the two columns share the row
    old_box = removed.locator(".pb-diff-old").bounding_box()
    new_box = removed.locator(".pb-diff-new").bounding_box()
    assert old_box and new_box and new_box["x"] > old_box["x"] + old_box["width"] - 1
    assert abs(new_box["y"] - old_box["y"]) < 2
    page.screenshot(path=str(artifacts_dir / "history-1-side-by-side.png"), full_page=True)

    page.click(".pb-history-restore")
    page.locator(".pb-messages").filter(has_text="已恢复到").wait_for(timeout=20_000)
    wait_saved_with(lab_server, lambda d: d.paragraphs("basic") == [KEPT, DELETED])
    page.locator(".pb-tabs .lm-TabBar-tab", has_text="撰写").click()
    expect(page.locator(".pb-editor-basic textarea").last).to_have_value(
        f"{KEPT}\n{DELETED}", timeout=20_000
    )
    page.screenshot(path=str(artifacts_dir / "history-2-restored.png"), full_page=True)

    # last year's passage typed again: beside the old text, and PB650 in the panel
    page.locator(".pb-editor-signoff-date input").last.fill("2026-11")
    page.locator(".pb-editor-opening textarea").last.fill(f"{OLD}\n{OLDER}")
    wait_saved_with(lab_server, lambda d: d.paragraphs("opening") == [OLD, OLDER])
    pb650 = page.locator(".pb-panel-opening .pb-section-findings .pb-code", has_text="PB650")
    pb650.first.wait_for(timeout=20_000)
    page.locator(".pb-tabs .lm-TabBar-tab", has_text="与往年对照").click()
    row = page.locator(".pb-carried .pb-carried-row").first
    row.wait_for(timeout=20_000)
    expect(row).to_contain_text("2025年")
    expect(row.locator(".pb-diff-old")).to_contain_text(OLD[:20])
    expect(page.locator(".pb-earlier-list")).to_contain_text("覃玉兰的党性分析-2025.json")
    expect(page.locator(".pb-carried .pb-carried-row")).to_have_count(1)
    # the year before's material, added as a file: its passage joins the list
    older = artifacts_dir / "前年的材料.txt"
    older.write_text(f"二、存在的问题和不足\n（一）联系群众不够。\n{OLDER}\n", encoding="utf-8")
    then = time.mktime((2024, 12, 1, 9, 0, 0, 0, 0, -1))  # undated: the file's time tells
    os.utime(older, (then, then))
    with page.expect_file_chooser() as chooser:
        page.click(".pb-earlier-upload")
    chooser.value.set_files(str(older))
    expect(page.locator(".pb-earlier-added")).to_contain_text("前年的材料.txt", timeout=20_000)
    expect(page.locator(".pb-earlier-added")).to_contain_text("2024年")
    expect(page.locator(".pb-carried .pb-carried-row")).to_have_count(2, timeout=20_000)
    page.screenshot(path=str(artifacts_dir / "history-3-carried-over.png"), full_page=True)
    assert path.exists()
