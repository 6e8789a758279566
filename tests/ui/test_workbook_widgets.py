"""The Workbook's widgets in-process: typing is setting ``.value``, clicking is ``.click()``."""

from __future__ import annotations

import base64
import io
import re
from pathlib import Path

import docx
import ipywidgets as w
import pytest

from partybook.draft import Comment
from partybook.storage import load, save
from partybook.ui import Workbook
from partybook.ui.scheduler import ManualScheduler


@pytest.fixture
def clock() -> ManualScheduler:
    return ManualScheduler()


@pytest.fixture
def wb(tmp_path: Path, clock: ManualScheduler) -> Workbook:
    book = Workbook(drafts=tmp_path, scheduler=clock)
    book.start.author.value = "陈立新"
    find(book.root, "pb-new").click()
    return book


def walk(widget: w.Widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from walk(child)


def find_all(root: w.Widget, cls: str) -> list[w.Widget]:
    return [x for x in walk(root) if cls in getattr(x, "_dom_classes", ())]


def find(root: w.Widget, cls: str) -> w.Widget:
    found = find_all(root, cls)
    assert len(found) == 1, (cls, len(found))
    return found[0]


def visible(widget: w.Widget) -> bool:
    return widget.layout.display != "none"


def test_start_screen_then_every_hook_class_exists(tmp_path: Path, clock) -> None:
    book = Workbook(drafts=tmp_path, scheduler=clock)
    assert visible(book.start.root) and not visible(book.main)
    assert find(book.root, "pb-resume").disabled  # nothing to resume yet
    find(book.root, "pb-new").click()
    assert not visible(book.start.root) and visible(book.main)
    for cls in (
        "pb-editor-title",
        "pb-editor-opening",
        "pb-editor-basic",
        "pb-add-problem",
        "pb-saved",
        "pb-progress",
        "pb-findings",
        "pb-export-docx",
        "pb-export-pdf",
        "pb-export-md",
        "pb-export-html",
        "pb-export-example",
        "pb-editor-signoff-author",
        "pb-editor-signoff-date",
    ):
        find(book.root, cls)
    assert isinstance(find(book.root, "pb-editor-title"), w.Text)
    assert isinstance(find(book.root, "pb-editor-basic"), w.Textarea)


def test_typing_autosaves_and_shows_the_time(wb: Workbook, clock) -> None:
    find(wb.root, "pb-editor-title").value = "2026年春季科级干部任职培训班党性分析"
    find(wb.root, "pb-editor-basic").value = "我1987年出生。\r\n2008年入党。"
    assert "即将自动保存" in find(wb.root, "pb-saved").value
    clock.advance(1)
    assert re.search(r"已保存 \d\d:\d\d:\d\d", find(wb.root, "pb-saved").value)
    draft = load(wb.session.path)
    assert draft.paragraphs("basic") == ["我1987年出生。", "2008年入党。"]
    assert "2026年春季" in wb.title.value  # the header follows the title


def test_add_problem_brings_cause_and_measure_with_the_problem_beside(wb: Workbook) -> None:
    find(wb.root, "pb-add-problem").click()
    heading = find(wb.root, "pb-editor-problems-0-heading")
    find(wb.root, "pb-editor-causes-0-body")
    find(wb.root, "pb-editor-measures-0-body")
    heading.value = "服务群众不够主动。"
    linked = find(wb.panels["measures"].root, "pb-linked")
    assert "服务群众不够主动。" in linked.value
    find(wb.root, "pb-add-problem").click()
    find(wb.root, "pb-editor-problems-1-body").value = "第二个问题的具体表现。"
    # moving down in the causes panel moves the problem and the measure too
    find(wb.root, "pb-down-causes-0").click()
    assert find(wb.root, "pb-editor-problems-1-heading").value == "服务群众不够主动。"
    # deleting asks for confirmation, then removes all three; undo brings them back
    rm = find(wb.root, "pb-remove-problems-0")
    rm.click()
    assert "确认删除" in rm.description
    rm.click()
    assert len(wb.session.draft.items("measures")) == 1
    assert find(wb.root, "pb-editor-problems-0-heading").value == "服务群众不够主动。"
    wb.undo_button.click()
    assert len(wb.session.draft.items("causes")) == 2
    assert find(wb.root, "pb-editor-problems-0-body").value == "第二个问题的具体表现。"


def test_findings_appear_and_disappear_with_the_text(wb: Workbook, clock) -> None:
    basic = find(wb.root, "pb-editor-basic")
    basic.value = "我在××××年调到某某局工作。"
    clock.advance(0.5)
    section = find(wb.panels["basic"].root, "pb-section-findings")
    assert "PB2" in section.value
    assert "PB2" in find(wb.root, "pb-findings").value
    basic.value = "我在2015年调到南岭县水务局工作。"
    clock.advance(0.5)
    assert "PB2" not in section.value
    assert "错误" in find(wb.root, "pb-progress").value


def test_huge_and_odd_paste_stays_responsive_and_saves(wb: Workbook, clock) -> None:
    basic = find(wb.root, "pb-editor-basic")
    big = "实事求是😀\u200b\x01" * 150_000 + "\r\n尾段"
    basic.value = big
    clock.advance(1)
    assert basic.rows <= 24
    assert load(wb.session.path).paragraphs("basic")[-1] == "尾段"
    assert "只检查了前" in find(wb.root, "pb-findings").value
    assert not [m for m in wb.msgs.history if m[0] == "error"]
    # a huge editor stops sending its whole text on every keystroke, and says so
    assert basic.continuous_update is False
    assert any("万字" in text for level, text in wb.msgs.history if level == "warning")
    basic.value = "短了。"
    assert basic.continuous_update is True


def test_a_failing_callback_is_shown_in_chinese(wb: Workbook, monkeypatch) -> None:
    def boom(*_args, **_kwargs):
        raise RuntimeError("磁盘出错")

    monkeypatch.setattr(wb.session, "set_text", boom)
    find(wb.root, "pb-editor-basic").value = "一句话"
    level, text = wb.msgs.history[-1]
    assert level == "error" and "意外错误" in text and "内容已保留" in text
    assert wb.msgs.output.outputs  # visible in the message area


def test_export_gives_a_data_link_that_is_the_docx(wb: Workbook, example_draft) -> None:
    wb.session.draft.sections.update(example_draft.sections)
    wb.session.refresh()
    find(wb.root, "pb-export-docx").click()
    html = wb.exports.result.value
    m = re.search(r'download="([^"]+)" href="data:[^;]+;base64,([^"]+)"', html)
    assert m and m.group(1).endswith(".docx")
    doc = docx.Document(io.BytesIO(base64.b64decode(m.group(2))))
    assert any(example_draft.text_of("title") in p.text for p in doc.paragraphs)
    find(wb.root, "pb-export-md").click()
    assert "pb-download-md" in wb.exports.result.value


def test_resume_restores_from_the_file(wb: Workbook, tmp_path: Path, clock) -> None:
    find(wb.root, "pb-editor-basic").value = "第一段。\n第二段。"
    find(wb.root, "pb-add-problem").click()
    find(wb.root, "pb-editor-problems-0-body").value = "问题的表现。"
    clock.advance(1)
    again = Workbook(drafts=tmp_path, scheduler=ManualScheduler())
    resume = find(again.root, "pb-resume")
    assert not resume.disabled
    resume.click()
    assert find(again.root, "pb-editor-basic").value == "第一段。\n第二段。"
    assert find(again.root, "pb-editor-problems-0-body").value == "问题的表现。"


def test_instructor_comments_show_on_their_section(wb: Workbook, tmp_path: Path) -> None:
    draft = wb.session.draft
    draft.comments.append(Comment(section="basic", text="入党时间请再核实。", author="赵老师"))
    save(draft, wb.session.path)
    again = Workbook(drafts=tmp_path, scheduler=ManualScheduler())
    find(again.root, "pb-resume").click()
    box = find(again.panels["basic"].root, "pb-comments")
    assert "入党时间请再核实。" in box.value and "赵老师" in box.value


def test_exercise_mode_shows_steps_in_the_instructors_order(tmp_path: Path, clock) -> None:
    from partybook.classroom.exercise import load_exercise

    ex = load_exercise("dangxing-fenxi-90min")
    book = Workbook(exercise="dangxing-fenxi-90min", drafts=tmp_path, scheduler=clock)
    find(book.root, "pb-new").click()
    assert visible(book.exercise.root)
    assert ex.steps[0].prompt[:10] in book.exercise.box.value
    assert book.panels[ex.steps[0].section].is_open
    book.exercise.next.click()
    assert ex.steps[1].prompt[:10] in book.exercise.box.value
    assert book.panels[ex.steps[1].section].is_open
    book.exercise.prev.click()  # students can go back
    assert book.exercise.step == 0


def test_review_lists_every_section_and_jumps_back(wb: Workbook) -> None:
    wb.tabs.selected_index = 1
    names = [r for r in find_all(wb.review.root, "pb-review-row")]
    assert len(names) == len(wb.session.genre.sections)
    find(wb.root, "pb-jump-measures").click()
    assert wb.tabs.selected_index == 0 and wb.panels["measures"].is_open


def test_review_fix_preview_apply_undo(wb: Workbook, clock) -> None:
    find(wb.root, "pb-editor-basic").value = "我们,他们都来了."
    wb.tabs.selected_index = 1
    find(wb.root, "pb-fix-preview-btn").click()
    assert "<del>" in wb.review.fix_preview.value and "→" in wb.review.fix_preview.value
    find(wb.root, "pb-fix-apply").click()
    assert find(wb.root, "pb-editor-basic").value != "我们,他们都来了."
    find(wb.review.root, "pb-undo").click()
    assert find(wb.root, "pb-editor-basic").value == "我们,他们都来了."


def test_undo_and_fixes_open_no_panel(wb: Workbook) -> None:
    """An undo or a fix is not typing: the panels stay as the user left them (the title
    panel used to open, moving the page)."""
    find(wb.root, "pb-editor-basic").value = "我们,他们都来了."
    find(wb.root, "pb-add-problem").click()
    rm = find(wb.root, "pb-remove-problems-0")
    rm.click()
    rm.click()
    wb.jump("basic")
    opened = {sid for sid, p in wb.panels.items() if p.is_open}
    assert opened == {"basic"}
    wb.undo_button.click()
    assert len(wb.session.draft.items("problems")) == 1
    assert {sid for sid, p in wb.panels.items() if p.is_open} == opened
    wb.tabs.selected_index = 1
    find(wb.root, "pb-fix-apply").disabled = False
    find(wb.root, "pb-fix-apply").click()
    assert find(wb.root, "pb-editor-basic").value != "我们,他们都来了."
    assert {sid for sid, p in wb.panels.items() if p.is_open} == opened
    find(wb.review.root, "pb-undo").click()
    assert {sid for sid, p in wb.panels.items() if p.is_open} == opened
    # typing still opens the panel written in
    find(wb.root, "pb-editor-title").value = "新标题"
    assert wb.panels["title"].is_open


def test_import_upload_opens_the_draft_with_a_report(tmp_path: Path, clock) -> None:
    book = Workbook(drafts=tmp_path, scheduler=clock)
    data = (
        "一、基本情况\n我1990年出生。\n本文来源于某某范文网 www.example.com\n"
        "二、存在的问题和不足\n（一）学习不够。平时学得少。\n"
    ).encode()
    book.start._import({"new": ({"name": "旧稿.txt", "content": memoryview(data)},)})
    # no title: the genre is a guess, so the user confirms it before the draft opens
    assert not visible(book.main) and visible(find(book.root, "pb-import-choice"))
    find(book.root, "pb-import-open-0").click()
    assert visible(book.main)
    assert "导入报告" in book.report.value and "去掉了" in book.report.value
    assert find(book.root, "pb-editor-basic").value == "我1990年出生。"


def test_a_broken_draft_file_is_refused_in_chinese(tmp_path: Path, clock) -> None:
    (tmp_path / "坏.json").write_text('{"schema": 1, "sections": ', encoding="utf-8")
    book = Workbook(drafts=tmp_path, scheduler=clock)
    assert "无法读取" in find(book.start.root, "pb-draft-list").children[0].children[0].value
    book.msgs.guard(book.start._open)(tmp_path / "坏.json")  # as the buttons call it
    level, text = book.msgs.history[-1]
    assert level == "error" and "坏.json" in text and "Traceback" not in text


def test_two_workbooks_on_one_draft_keep_both_and_say_so(wb: Workbook, tmp_path: Path) -> None:
    first_path = wb.session.path
    second = Workbook(drafts=tmp_path, scheduler=ManualScheduler())
    find(second.root, "pb-resume").click()
    find(wb.root, "pb-editor-basic").value = "第一个窗口的内容。"
    wb.session.saver.save_now()
    find(second.root, "pb-editor-basic").value = "第二个窗口的内容。"
    second.session.saver.save_now()
    level, text = second.msgs.history[-1]
    assert level == "warning" and "冲突副本" in text
    assert load(first_path).paragraphs("basic") == ["第一个窗口的内容。"]
    assert load(second.session.path).paragraphs("basic") == ["第二个窗口的内容。"]
    assert "已保存" in find(second.root, "pb-saved").value
