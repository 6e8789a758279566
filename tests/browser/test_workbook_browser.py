"""The workbook driven in a real Chromium, in JupyterLab and in Voila (issue 6).

The smoke path: create a draft, type Chinese into several sections, add a problem (its
cause and measure appear), watch a finding appear and disappear, wait for the autosave and
read the JSON on disk, reload and resume, export .docx and open it with python-docx.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from urllib.parse import quote

import docx
import pytest
from playwright.sync_api import expect

from partybook.storage import load

WORKBOOK = "党性分析工作簿.ipynb"
Server = object  # tests/browser/conftest.py: url, port, token, drafts, root

pytestmark = pytest.mark.browser

TITLE = "2026年春季科级干部任职培训班党性分析"
OPENING = "按照组织安排，我参加了东湖区委党校春季培训班，系统学习了党章党规，收获很大。"
BASIC = "我1988年5月出生，2010年7月参加工作，2009年12月加入中国共产党。\n现任东湖区水务局副局长。"
PROBLEM = "调查研究不够深入。"
PROBLEM_BODY = "去年编制河道整治方案时，我只到现场看了两次，方案被退回修改。"


def wait_text(page, selector: str, text: str, timeout: float = 20) -> None:
    page.locator(selector).filter(has_text=text).first.wait_for(timeout=timeout * 1000)


def draft_files(server: Server) -> list[Path]:
    return sorted(server.drafts.glob("*.json"), key=lambda p: p.stat().st_mtime)


def wait_saved_with(server: Server, predicate, timeout: float = 15):
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        files = draft_files(server)
        if files:
            try:
                last = load(files[-1])
                if predicate(last):
                    return files[-1], last
            except Exception:  # a file being replaced: read it again
                pass
        time.sleep(0.2)
    summary = {k: len(last.text_of(k)) for k in last.sections} if last else None
    raise AssertionError(f"autosave never wrote the expected text; section sizes: {summary}")


def run_all_lab(page, server: Server | None = None, selector: str = ".pb-new") -> None:
    """Open the workbook (unless ``server`` is None: the page is already there) and Run All.

    The menu can be clicked a moment before the kernel connection is ready, in which case
    JupyterLab ignores it: try again, as a user would.
    """
    if server is not None:
        page.goto(f"{server.url}/lab/tree/{quote(WORKBOOK)}?token={server.token}")
    page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=90_000)
    for attempt in range(4):
        try:
            # under load JupyterLab may ask which kernel to start before its specs arrive
            dialog = page.locator(".jp-Dialog .jp-Dialog-button.jp-mod-accept")
            if dialog.count():
                dialog.first.click()
                page.wait_for_selector(
                    ".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=60_000
                )
            page.click(".lm-MenuBar-itemLabel:text-is('Run')", timeout=10_000)
            page.click("li.lm-Menu-item[data-command='runmenu:run-all']", timeout=10_000)
            page.wait_for_selector(selector, timeout=15_000 * (attempt + 1))
            return
        except Exception:
            if attempt == 3:
                raise
            page.keyboard.press("Escape")  # close a menu left open


def write_and_check(page, server: Server, artifacts: Path, prefix: str) -> Path:
    """The shared part of the smoke path; returns the draft file."""
    page.screenshot(path=str(artifacts / f"{prefix}-1-start.png"), full_page=True)
    page.locator(".pb-new-author input").fill("王晓东")
    page.click(".pb-new")
    title = page.locator(".pb-editor-title input")
    title.wait_for()
    title.fill(TITLE)
    page.locator(".pb-editor-opening textarea").fill(OPENING)
    basic = page.locator(".pb-editor-basic textarea")
    basic.click()  # focusing an editor opens its panel
    page.locator(".pb-panel-basic.pb-open").wait_for(timeout=10_000)
    basic.fill(BASIC)
    # add a problem: its cause and measure appear with it
    page.click(".pb-add-problem")
    page.locator(".pb-editor-problems-0-heading input").fill(PROBLEM)
    page.locator(".pb-editor-problems-0-body textarea").fill(PROBLEM_BODY)
    page.locator(".pb-editor-causes-0-body textarea").wait_for()
    page.locator(".pb-editor-measures-0-body textarea").wait_for()
    wait_text(page, ".pb-panel-causes .pb-linked", PROBLEM)
    # a template leftover makes a finding appear in the basic section; deleting it clears it
    leftover = (
        "() => [...document.querySelectorAll('.pb-panel-basic .pb-section-findings .pb-code')]"
        ".filter(e => e.textContent.startsWith('PB2')).length"
    )
    basic.fill(BASIC + "\n我在××××年获得表彰。")
    page.wait_for_function(f"({leftover})() > 0", timeout=15_000)
    assert page.locator(".pb-findings .pb-f").count() >= 1
    page.screenshot(path=str(artifacts / f"{prefix}-2-finding.png"), full_page=True)
    basic.fill(BASIC)
    page.wait_for_function(f"({leftover})() === 0", timeout=15_000)
    page.locator(".pb-editor-signoff-author input").fill("王晓东")
    page.locator(".pb-editor-signoff-date input").fill("2026-04")
    wait_text(page, ".pb-saved", "已保存")
    path, draft = wait_saved_with(
        server,
        lambda d: (
            d.paragraphs("basic") == BASIC.split("\n")
            and d.meta.date == "2026-04"
            and d.items("problems")[0].body == PROBLEM_BODY
        ),
    )
    assert draft.text_of("title") == TITLE
    assert len(draft.items("causes")) == len(draft.items("measures")) == 1
    assert "已完成" in page.locator(".pb-progress").inner_text()
    page.screenshot(path=str(artifacts / f"{prefix}-3-written.png"), full_page=True)
    return path


def export_docx(page, artifacts: Path, prefix: str) -> None:
    page.locator(".pb-tabs .lm-TabBar-tab", has_text="导出").click()
    page.click(".pb-export-docx")
    link = page.locator("a.pb-download-docx")
    link.wait_for(timeout=30_000)
    with page.expect_download() as info:
        link.click()
    target = artifacts / f"{prefix}-export.docx"
    info.value.save_as(target)
    text = "\n".join(p.text for p in docx.Document(str(target)).paragraphs)
    assert TITLE in text and PROBLEM in text
    page.screenshot(path=str(artifacts / f"{prefix}-4-export.png"), full_page=True)


def start_from_example(page, example_id: str) -> None:
    """Click 从此范例开始 until the example is open (the writing page shown).

    As with 继续最近的草稿 (below), a button drawn just before its view is wired to the
    kernel can lose its click; a person would click again. The example must still open."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    start = page.locator(f".pb-from-example-{example_id}")
    opened = page.locator(".pb-main .pb-panel.pb-open").first
    start.wait_for(timeout=20_000)
    for _ in range(2):
        if start.is_visible():
            start.click()
        try:
            opened.wait_for(timeout=20_000)
            return
        except PlaywrightTimeout:
            continue
    opened.wait_for(timeout=20_000)


def resume_latest(page) -> None:
    """Click 继续最近的草稿 until the editors are there.

    Right after a kernel restart a freshly drawn button can take a click before its view
    is wired to the new kernel, and that click is lost; a person would click again.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    # .last: the newest output, should a stale one still be in the page
    editor = page.locator(".pb-editor-basic textarea").last
    button = page.locator(".pb-resume").last
    button.wait_for(timeout=60_000)
    for _ in range(3):
        if editor.is_visible():
            return
        if button.is_visible():
            button.click()
        try:
            editor.wait_for(timeout=20_000)
            return
        except PlaywrightTimeout:
            continue
    editor.wait_for(timeout=20_000)


def test_jupyterlab_smoke_path(lab_server: Server, page, artifacts_dir: Path) -> None:
    run_all_lab(page, lab_server)
    path = write_and_check(page, lab_server, artifacts_dir, "lab")
    # reload the page: the widgets are gone, the JSON file brings everything back
    page.reload()
    run_all_lab(page, None, ".pb-resume")
    page.locator(".pb-open-draft").first.wait_for()
    page.screenshot(path=str(artifacts_dir / "lab-3a-drafts-found.png"), full_page=True)
    resume_latest(page)
    basic = page.locator(".pb-editor-basic textarea")
    assert basic.input_value() == BASIC
    assert page.locator(".pb-editor-title input").input_value() == TITLE
    assert page.locator(".pb-editor-problems-0-body textarea").input_value() == PROBLEM_BODY
    assert json.loads(path.read_text(encoding="utf-8"))["sections"]["title"] == TITLE
    page.screenshot(path=str(artifacts_dir / "lab-3b-restored.png"), full_page=True)
    # the review page lists every section and jumps back to it
    page.locator(".pb-tabs .lm-TabBar-tab", has_text="检查与修改").click()
    page.locator(".pb-jump-basic").wait_for()
    page.click(".pb-fix-preview-btn")
    page.locator(".pb-fix-preview").wait_for()
    page.screenshot(path=str(artifacts_dir / "lab-3c-review.png"), full_page=True)
    page.click(".pb-jump-basic")
    page.locator(".pb-panel-basic.pb-open").wait_for()
    export_docx(page, artifacts_dir, "lab")
    # restart the kernel and run all: the draft comes back from the file again
    page.locator(".jp-NotebookPanel-toolbar [data-command='notebook:restart-run-all']").click()
    page.locator(".jp-Dialog .jp-Dialog-button.jp-mod-accept").click()
    resume_latest(page)
    assert page.locator(".pb-editor-basic textarea").input_value() == BASIC


def test_voila_smoke_path(voila_server: Server, page, artifacts_dir: Path) -> None:
    page.goto(voila_server.url + "/", timeout=120_000)
    page.wait_for_selector(".pb-new", timeout=120_000)
    assert "import Workbook" not in page.locator("body").inner_text()  # no code shown
    write_and_check(page, voila_server, artifacts_dir, "voila")
    # Voila starts a fresh kernel per page: reloading resumes from the file
    page.reload()
    page.locator(".pb-resume").wait_for(timeout=120_000)
    resume_latest(page)
    basic = page.locator(".pb-editor-basic textarea")
    assert basic.input_value() == BASIC
    export_docx(page, artifacts_dir, "voila")
    # a 1 MB paste with emoji, zero-width and control characters and Windows line ends
    page.locator(".pb-tabs .lm-TabBar-tab", has_text="撰写").click()
    huge = ("坚持实事求是😀\u200b\x01，一切从实际出发。\r\n" * 50_000) + "最后一段"
    opening = page.locator(".pb-editor-opening textarea")
    # a paste is one input event carrying the whole text (Playwright's fill() would insert
    # it keystroke-like through the editing engine, which is not what a paste does)
    t0 = time.monotonic()
    opening.evaluate(
        "(el, text) => { el.focus(); el.value = text;"
        " el.dispatchEvent(new Event('input', {bubbles: true})); }",
        huge,
    )
    assert time.monotonic() - t0 < 10
    wait_text(page, ".pb-findings", "只检查了前", timeout=30)
    # the rest of the page stays responsive: another editor still saves promptly
    # (typing inside a 1 MB textarea is slow in Chromium itself, whatever the page does)
    page.locator(".pb-editor-title input").fill(TITLE + "（修改稿）")
    wait_saved_with(
        voila_server,
        lambda d: (
            len(d.text_of("opening")) > 900_000
            and d.text_of("opening").endswith("最后一段")
            and d.text_of("title").endswith("（修改稿）")
        ),
        timeout=30,
    )
    # back to the start screen and import a downloaded template: its junk is reported
    page.click(".pb-home")
    old = artifacts_dir / "voila-import.txt"
    old.write_text(
        "一、基本情况\n我1985年出生，2007年入党。\n更多范文请关注微信公众号：某某范文\n"
        "二、存在的问题和不足\n（一）学习不够深入。平时学得少。\n",
        encoding="utf-8",
    )
    with page.expect_file_chooser() as chooser:
        page.click(".pb-import")
    chooser.value.set_files(str(old))
    page.click(".pb-import-open-0")  # no title: the user confirms the guessed genre
    wait_text(page, ".pb-report", "导入报告")
    assert "公众号" in page.locator(".pb-report").inner_text()
    assert page.locator(".pb-editor-basic textarea").input_value() == "我1985年出生，2007年入党。"
    page.screenshot(path=str(artifacts_dir / "voila-5-import.png"), full_page=True)


def test_second_genre_grouped_items(lab_server: Server, page, artifacts_dir: Path) -> None:
    """对照检查材料: problems grouped by aspect, with 一是/二是 points inside each group."""
    run_all_lab(page, lab_server)
    page.locator(".pb-new-genre select").select_option(label="组织生活会个人对照检查材料")
    page.click(".pb-new")
    page.click(".pb-add-problem")
    page.locator(".pb-editor-problems-0-heading input").fill("在学习贯彻党的创新理论方面。")
    page.locator(".pb-editor-problems-0-0-heading input").fill("学习的系统性不够。")
    page.click(".pb-add-point-problems-0")
    page.locator(".pb-editor-problems-0-1-body textarea").fill("自学笔记只有十二篇，学得不深。")
    _, draft = wait_saved_with(
        lab_server,
        lambda d: (
            d.genre == "duizhao-jiancha"
            and len(d.items("problems")) == 1
            and len(d.items("problems")[0].items or []) == 2
            and d.items("problems")[0].items[1].body == "自学笔记只有十二篇，学得不深。"
        ),
    )
    assert draft.items("problems")[0].items[0].heading == "学习的系统性不够。"
    page.locator(".pb-editor-problems-0-1-body textarea").scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts_dir / "lab-5-grouped.png"), full_page=True)


def test_two_voila_tabs_on_one_draft_keep_both(
    voila_server: Server, browser, artifacts_dir: Path
) -> None:
    """Two pages are two kernels: the second save notices the first and keeps both."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(60_000)
    try:
        a, b = context.new_page(), context.new_page()
        a.goto(voila_server.url + "/", timeout=120_000)
        a.locator(".pb-new-author input").fill("两个窗口")
        a.click(".pb-new")
        a_basic = a.locator(".pb-editor-basic textarea")
        a_basic.fill("第一个窗口先写的。")
        path, _ = wait_saved_with(
            voila_server, lambda d: d.text_of("basic") == "第一个窗口先写的。"
        )
        b.goto(voila_server.url + "/", timeout=120_000)
        resume_latest(b)
        b_basic = b.locator(".pb-editor-basic textarea")
        # the editor is drawn, then filled: wait for the value rather than read it at once
        expect(b_basic).to_have_value("第一个窗口先写的。", timeout=20_000)
        a_basic.fill("第一个窗口又改了。")
        wait_saved_with(voila_server, lambda d: d.text_of("basic") == "第一个窗口又改了。")
        b_basic.fill("第二个窗口写的。")
        wait_text(b, ".pb-messages", "冲突副本", timeout=20)
        b.screenshot(path=str(artifacts_dir / "voila-6-conflict.png"), full_page=True)
        assert load(path).text_of("basic") == "第一个窗口又改了。"
        copies = list(voila_server.drafts.glob(f"{path.stem}.冲突副本-*.json"))
        assert len(copies) == 1 and load(copies[0]).text_of("basic") == "第二个窗口写的。"
    finally:
        context.close()


def test_start_from_another_genres_example_and_edit_its_lead_in(
    voila_server: Server, page, artifacts_dir: Path
) -> None:
    """The genre library: a worked example of 民主评议党员个人自评 opens in the workbook, its
    lead-in paragraph above the problems is edited, and the preview prints the new one."""
    from partybook.genre import load_genre

    genre = load_genre("minzhu-pingyi")
    example = genre.examples[-1]
    new_lead = "结合一年来的工作和同志们的意见，我认真查找了自己的不足，主要有以下几点："
    page.goto(voila_server.url + "/", timeout=120_000)
    page.wait_for_selector(".pb-new", timeout=120_000)
    page.locator(".pb-new-genre select").select_option(label=genre.name)
    wait_text(page, ".pb-genre-selected", genre.name)
    start = page.locator(f".pb-from-example-{example.id}")
    start.wait_for(timeout=20_000)
    assert example.description in page.locator(".pb-example-starts").inner_text()
    page.screenshot(path=str(artifacts_dir / "voila-7-examples.png"), full_page=True)
    # every section of a worked example is complete, so the workbook opens the first
    # panel; the user opens 存在的问题 by its header, as on any draft
    try:
        start_from_example(page, example.id)
        page.locator(".pb-panel-title.pb-open").wait_for(timeout=20_000)
    except Exception as exc:  # say what the page showed: the workbook's messages
        page.screenshot(path=str(artifacts_dir / "voila-7-failed.png"), full_page=True)
        shown = page.locator(".pb-app").first.inner_text()
        raise AssertionError(f"the example did not open; the page shows:\n{shown}") from exc
    page.click(".pb-panel-problems .pb-panel-toggle")
    page.locator(".pb-panel-problems.pb-open").wait_for(timeout=20_000)
    lead = page.locator(".pb-editor-problems-lead textarea")
    lead.wait_for(timeout=30_000)
    lead_text = "\n".join(genre.example_section("problems_lead", example.id))
    expect(lead).to_have_value(lead_text, timeout=20_000)
    expect(page.locator(".pb-editor-title input")).to_have_value(example.sections["title"])
    lead.fill(new_lead)
    wait_text(page, ".pb-preview", new_lead)
    preview = page.locator(".pb-preview").inner_text()
    first_problem = example.sections["problems"][0]["heading"]
    assert preview.index(new_lead) < preview.index(first_problem)
    _, draft = wait_saved_with(
        voila_server,
        lambda d: d.genre == genre.id and d.paragraphs("problems_lead") == [new_lead],
    )
    assert draft.items("problems")[0].heading == first_problem
    page.locator(".pb-editor-problems-lead textarea").scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts_dir / "voila-8-lead-in.png"), full_page=True)
