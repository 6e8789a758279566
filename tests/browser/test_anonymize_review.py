"""The 导出为共享范文 review in a real Chromium, in Voila and in JupyterLab: a 替换
checkbox per text, the example downloaded with the choice, the choice remembered."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from browser.test_workbook_browser import resume_latest, run_all_lab
from partybook.draft import Draft, Meta, conform
from partybook.genre import load_genre
from partybook.storage import load, save

Server = object  # tests/browser/conftest.py: url, port, token, drafts, root

pytestmark = pytest.mark.browser

OPENING = "我和宋立群、蒋可欣等同事到枫川县调研，学习焦裕禄精神。"


def _put_draft(server: Server, name: str) -> Path:
    genre = load_genre("dangxing-fenxi")
    draft = Draft(
        genre=genre.id,
        meta=Meta(author="程雨岚", unit="云岚市委办公室"),
        sections={"title": "党性分析", "opening": [OPENING]},
    )
    path = save(
        conform(draft, genre), server.drafts / name
    )  # the newest file: 继续最近的草稿 opens it
    return path


def _open_review(page) -> None:
    page.locator(".pb-tabs .lm-TabBar-tab", has_text="导出").last.click()
    page.locator(".pb-export-example").last.click()
    page.locator(".pb-anon-row").first.wait_for(timeout=30_000)


def _box(page, original: str):
    row = page.locator(f".pb-anon-row:has(.pb-anon-orig:text-is('{original}'))").last
    return row.locator("input[type=checkbox]")


def _download_example(page, artifacts: Path, prefix: str) -> dict:
    page.locator(".pb-anon-make").last.click()
    link = page.locator("a.pb-download-example").last
    link.wait_for(timeout=30_000)
    with page.expect_download() as info:
        link.click()
    target = artifacts / f"{prefix}-example.json"
    info.value.save_as(target)
    return json.loads(target.read_text(encoding="utf-8"))


def _wait_decisions(path: Path, timeout: float = 15) -> Draft:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            draft = load(path)
            if (draft.model_extra or {}).get("anonymize_decisions"):
                return draft
        except Exception:  # being replaced: read again
            pass
        time.sleep(0.2)
    raise AssertionError("the review's decisions never reached the draft file")


def _review_and_export(page, artifacts: Path, prefix: str) -> None:
    _open_review(page)
    rows = page.locator(".pb-anon-row .pb-anon-orig").all_inner_texts()
    assert rows == ["宋立群", "蒋可欣", "枫川县"], rows  # 焦裕禄精神 is public: no row
    box = _box(page, "枫川县")
    assert box.is_checked()
    box.uncheck()
    page.screenshot(path=str(artifacts / f"{prefix}-anon-review.png"), full_page=True)
    example = _download_example(page, artifacts, prefix)
    assert example["example"] is True and "anonymize_decisions" not in example
    assert example["sections"]["opening"] == ["我和某某、某某等同事到枫川县调研，学习焦裕禄精神。"]


def test_voila_review_toggle_download_and_remember(
    voila_server: Server, page, artifacts_dir: Path
) -> None:
    path = _put_draft(voila_server, "匿名化核对-voila.json")
    page.goto(voila_server.url)
    resume_latest(page)
    _review_and_export(page, artifacts_dir, "voila")
    saved = _wait_decisions(path)
    assert saved.model_extra["anonymize_decisions"]["keep"] == ["枫川县"]
    # a new page (new kernel) shows the remembered choice
    page.goto(voila_server.url)
    resume_latest(page)
    _open_review(page)
    assert not _box(page, "枫川县").is_checked() and _box(page, "宋立群").is_checked()


def test_jupyterlab_review_toggle_and_download(
    lab_server: Server, page, artifacts_dir: Path
) -> None:
    path = _put_draft(lab_server, "匿名化核对-lab.json")
    run_all_lab(page, lab_server, selector=".pb-resume")
    resume_latest(page)
    _review_and_export(page, artifacts_dir, "lab")
    assert _wait_decisions(path).model_extra["anonymize_decisions"]["keep"] == ["枫川县"]
