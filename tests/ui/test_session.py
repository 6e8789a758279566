"""The workbook's widget-free model: autosave, conflicts, aligned items, checks, fixes, undo."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import TypeVar

import docx
import pytest

from partybook.storage import load
from partybook.ui.autosave import SAVE_DELAY
from partybook.ui.events import CommentsMerged, ContentChanged, Edited, Message, SaveStatusChanged
from partybook.ui.library import list_drafts
from partybook.ui.live_checks import CHECK_LIMIT
from partybook.ui.scheduler import ManualScheduler
from partybook.ui.session import Session

E = TypeVar("E")


@pytest.fixture
def session(tmp_path: Path, clock: ManualScheduler) -> Session:
    s = Session(tmp_path, scheduler=clock)
    s.new("dangxing-fenxi", author="李红梅", unit="南岭县教育局")
    return s


def events(session: Session, kind: type[E]) -> list[E]:
    seen: list[E] = []
    session.events.observe(kind, seen.append)
    return seen


def test_new_draft_is_saved_at_once_with_a_safe_name(session: Session, tmp_path: Path) -> None:
    assert session.path is not None and session.path.parent == tmp_path
    assert session.path.name.startswith("李红梅的党性分析-")
    draft = load(session.path)
    assert draft.meta.author == "李红梅" and draft.meta.unit == "南岭县教育局"
    assert session.saver.status_text().startswith("已保存 ")


def test_name_with_path_characters_stays_in_the_folder(tmp_path: Path, clock) -> None:
    s = Session(tmp_path, scheduler=clock)
    path = s.new(author="../../etc/passwd")
    assert path.parent == tmp_path and "/" not in path.name


def test_edits_are_saved_within_the_delay_not_before(session: Session, clock) -> None:
    session.set_text("basic", "我1990年出生。\n2012年参加工作。")
    assert load(session.path).paragraphs("basic") == []
    clock.advance(SAVE_DELAY - 0.05)
    assert load(session.path).paragraphs("basic") == []
    clock.advance(0.1)
    assert load(session.path).paragraphs("basic") == ["我1990年出生。", "2012年参加工作。"]
    assert not session.saver.dirty


def test_continuous_typing_still_saves_every_delay(session: Session, clock) -> None:
    """A burst without pause must not postpone saving: at most SAVE_DELAY is ever unsaved."""
    text = ""
    for n in range(60):  # 6 seconds of typing, a character every 100 ms
        text += "字"
        session.set_text("opening", text)
        clock.advance(0.1)
        on_disk = load(session.path).text_of("opening")
        assert len(text) - len(on_disk) <= SAVE_DELAY / 0.1 + 1, n


def test_pasted_text_is_kept_and_saved(session: Session, clock) -> None:
    odd = "第一段😀\u200b零宽\u200d字符\x07响铃\x00空字符\r\n第二段\r第三段\ud800孤立代理"
    session.set_text("basic", odd)
    clock.advance(1)
    paras = load(session.path).paragraphs("basic")
    assert paras == [
        "第一段😀\u200b零宽\u200d字符\x07响铃\x00空字符",
        "第二段",
        "第三段\ufffd孤立代理",
    ]


def test_one_megabyte_paste_saves_checks_bounded_and_reloads(session: Session, clock) -> None:
    big = ("我们要坚持实事求是，一切从实际出发。" * 60 + "\n") * 1000
    assert len(big) > 1_000_000
    session.set_text("basic", big)
    clock.advance(1)
    assert load(session.path).text_of("basic") == big.rstrip("\n")
    assert str(CHECK_LIMIT) in session.checks.notice
    assert "只检查了前" in session.checks.notice
    assert "预览只显示" in session.checks.preview


def test_second_tab_conflict_keeps_both(tmp_path: Path, session: Session, clock) -> None:
    other = Session(tmp_path, scheduler=clock)
    other.open(session.path)
    messages = events(other, Message)
    session.set_text("basic", "第一个标签页写的。")
    session.saver.save_now()
    other.set_text("basic", "第二个标签页写的。")
    other.saver.save_now()
    assert load(session.path).paragraphs("basic") == ["第一个标签页写的。"]
    assert other.path != session.path and "冲突副本" in other.path.name
    assert load(other.path).paragraphs("basic") == ["第二个标签页写的。"]
    assert messages and messages[-1].level == "warning"
    assert other.path.name in messages[-1].text
    # later edits of the second tab go on into its copy, the first file stays untouched
    other.set_text("basic", "第二个标签页继续写。")
    clock.advance(1)
    assert load(other.path).paragraphs("basic") == ["第二个标签页继续写。"]
    assert load(session.path).paragraphs("basic") == ["第一个标签页写的。"]


def test_same_second_save_elsewhere_is_still_a_conflict(tmp_path: Path, session, clock) -> None:
    other = Session(tmp_path, scheduler=clock)
    other.open(session.path)
    data = json.loads(session.path.read_text(encoding="utf-8"))
    data["sections"]["title"] = "别处改的标题"  # same "updated" stamp, other content
    session.path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    other.set_text("title", "我的标题")
    other.saver.save_now()
    assert load(session.path).text_of("title") == "别处改的标题"
    assert load(other.path).text_of("title") == "我的标题"


def test_failed_save_keeps_the_text_and_says_so(session: Session, clock, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    session.path = blocker / "draft.json"
    messages = events(session, Message)
    statuses = events(session, SaveStatusChanged)
    session.set_text("basic", "这段文字不能丢。")
    clock.advance(1)
    assert session.saver.dirty and session.draft.paragraphs("basic") == ["这段文字不能丢。"]
    assert messages[-1].level == "error" and "自动保存失败" in messages[-1].text
    assert statuses[-1].state == "error"


def test_problems_causes_measures_stay_aligned(session: Session) -> None:
    d = session.draft
    session.add_item("problems")
    session.add_item("problems")
    assert [len(d.items(s)) for s in ("problems", "causes", "measures")] == [2, 2, 2]
    session.set_item("problems", 0, "heading", "学习不够深入。")
    session.set_item("problems", 1, "heading", "担当不够。")
    session.set_item("measures", 1, "body", "每月报告难点进展。")
    assert session.linked_heading("causes", 1) == "担当不够。"
    assert session.linked_heading("measures", 0) == "学习不够深入。"
    session.move_item("causes", 1, -1)  # moving any of them moves all three
    assert d.items("problems")[0].heading == "担当不够。"
    assert d.items("measures")[0].body == "每月报告难点进展。"
    session.remove_item("measures", 0)
    assert [len(d.items(s)) for s in ("problems", "causes", "measures")] == [1, 1, 1]
    assert d.items("problems")[0].heading == "学习不够深入。"
    session.undo()
    d = session.draft
    assert [len(d.items(s)) for s in ("problems", "causes", "measures")] == [2, 2, 2]
    assert d.items("problems")[0].heading == "担当不够。"


def test_misaligned_import_is_padded_on_request(session: Session) -> None:
    from partybook.draft import Item

    session.draft.sections["problems"] = [Item(heading="一"), Item(heading="二")]
    session.draft.sections["causes"] = [Item(heading="因")]
    session.align("causes")
    assert [len(session.draft.items(s)) for s in ("problems", "causes", "measures")] == [2, 2, 2]
    assert session.linked_heading("measures", 1) == "二"


def test_grouped_items_of_the_second_genre(tmp_path: Path, clock) -> None:
    s = Session(tmp_path, scheduler=clock)
    s.new("duizhao-jiancha")
    assert s.linked_group("problems") == ["problems"]
    s.add_item("problems")
    s.add_point("problems", 0)
    s.set_item("problems", 0, "heading", "在理论学习方面。")
    s.set_item("problems", 0, "heading", "学习不系统。", point=1)
    assert len(s.draft.items("problems")[0].items) == 2
    s.remove_point("problems", 0, 0)
    assert s.draft.items("problems")[0].items[0].heading == "学习不系统。"
    s.saver.save_now()
    assert load(s.path).items("problems")[0].items[0].heading == "学习不系统。"


def test_findings_follow_the_text_after_the_check_delay(session: Session, clock) -> None:
    session.set_text("basic", "我在××××年到某某单位工作。")
    assert not any(f.code.startswith("PB2") for f in session.checks.findings_for("basic"))
    clock.advance(0.5)
    codes = [f.code for f in session.checks.findings_for("basic")]
    assert any(c.startswith("PB2") for c in codes), codes
    session.set_text("basic", "我在2015年到南岭县教育局工作。")
    clock.advance(0.5)
    assert not any(f.code.startswith("PB2") for f in session.checks.findings_for("basic"))


def test_progress_counts_done_sections_and_severities(session: Session, clock, genre) -> None:
    p = session.checks.progress()
    assert (p.done, p.total) == (0, len(genre.sections))
    assert p.errors >= 1  # required sections are empty
    session.set_text("title", "2026年春季科级干部任职培训班党性分析")
    session.set_meta("date", "2026-04")
    clock.advance(1)
    p = session.checks.progress()
    assert set(p.done_ids) == {"title", "signoff"}


def test_fixes_show_before_after_apply_and_undo(session: Session, clock) -> None:
    from partybook.ui.review import diff_rows

    session.set_text("basic", "我们,他们都在学习.")
    fixed, changes = session.propose_fixes()
    assert changes
    rows = diff_rows(session.draft, fixed, session.genre)
    assert rows and "<del>" in rows[0][1] and "<ins>" in rows[0][2]
    session.apply_fixes()
    assert session.draft.paragraphs("basic") != ["我们,他们都在学习."]
    assert "，" in session.draft.text_of("basic")
    session.undo()
    assert session.draft.paragraphs("basic") == ["我们,他们都在学习."]


def test_undo_and_fixes_say_the_content_was_replaced_not_typed(session: Session) -> None:
    """Undo and automatic fixes replace the content: a ``Replaced`` event naming every
    section and its cause; never ``Edited``, which the views take as the user typing."""
    session.set_text("basic", "我们,他们都在学习.")
    session.add_item("problems")
    changes = events(session, ContentChanged)
    session.apply_fixes()
    session.remove_item("problems", 0)
    session.undo()
    kinds = [(type(e).__name__, getattr(e, "cause", None)) for e in changes]
    assert kinds == [
        ("Replaced", "fixes"),
        ("Restructured", None),
        ("Replaced", "undo"),
    ]
    assert not any(isinstance(e, Edited) for e in changes)
    assert set(changes[0].sections) == set(session.genre.section_ids)
    assert changes[1].sections == ("problems", "causes", "measures")
    # typing still says which section the user is writing in
    session.set_text("title", "标题")
    assert changes[-1] == Edited(("title",))


def test_export_docx_and_shared_example(session: Session, example_draft) -> None:
    session.draft.sections.update(example_draft.sections)
    name, data, mime, _ = session.export("docx")
    assert name.endswith(".docx") and "wordprocessingml" in mime
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    assert example_draft.text_of("title") in text
    name, data, replacements = session.export_example()
    shared = json.loads(data)
    assert name.endswith(".json") and shared["example"] is True
    assert "李红梅" not in data.decode("utf-8") and replacements


def test_drafts_are_listed_newest_first_with_broken_ones_named(tmp_path: Path, clock) -> None:
    import os
    import time

    s = Session(tmp_path, scheduler=clock)
    first = s.new(author="甲")
    s.set_text("title", "甲的标题")
    s.saver.save_now()
    second = s.new(author="乙")
    os.utime(first, (time.time() - 100, time.time() - 100))
    (tmp_path / "坏文件.json").write_text("{not json", encoding="utf-8")
    found = list_drafts(tmp_path)
    good = [d for d in found if not d.error]
    assert [d.path for d in good] == [second, first]
    assert good[1].title == "甲的标题"
    assert any(d.error and d.path.name == "坏文件.json" for d in found)


def test_import_a_text_document_reports_what_was_removed(tmp_path: Path, clock) -> None:
    s = Session(tmp_path, scheduler=clock)
    text = (
        "科级干部任职培训班党性分析\n"
        "一、基本情况\n我1990年出生，2012年参加工作。\n"
        "更多精品范文请关注微信公众号：某某素材网\n"
        "二、存在的问题和不足\n（一）学习不够深入。平时学习多是读文件。\n"
    )
    result = s.import_document(text.encode("gbk"), "旧稿.txt")
    assert s.path is not None and s.path.exists()
    assert any("公众号" in r.what for r in result.removed)
    assert s.draft.items("problems")[0].heading.startswith("学习不够深入")
    assert load(s.path).paragraphs("basic") == ["我1990年出生，2012年参加工作。"]


def test_the_model_never_imports_ipywidgets() -> None:
    import subprocess

    code = (
        "import sys, tempfile, partybook.ui.session, partybook.ui.observable; "
        "import partybook.classroom.model, partybook.ui.side_by_side; "
        "from partybook.ui.scheduler import ManualScheduler; "
        "s = partybook.ui.session.Session(tempfile.mkdtemp(), scheduler=ManualScheduler()); "
        "s.new(author='李红梅'); s.set_text('basic', '第一段。'); s.refresh(); s.flush(); "
        "v = s.versions(); s.compare_version(v[-1].id); s.restore_version(v[-1].id); "
        "print('ipywidgets' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_character_count_matches_the_shared_rule(session: Session) -> None:
    from partybook.text import count_chars

    text = "全角\u3000空格 半角\xa0不换行\u200b零宽\t制表\n换行😀"
    session.set_text("opening", text)
    assert session.checks.chars("opening") == count_chars(session.draft.text_of("opening"))
    session.set_text("opening", text + "再加五个字")
    assert session.checks.chars("opening") == count_chars(session.draft.text_of("opening"))


def test_instructor_comments_written_meanwhile_are_merged_not_a_conflict(
    session: Session, clock
) -> None:
    from partybook.draft import Comment
    from partybook.storage import save

    session.set_text("basic", "学员正在写的内容。")
    clock.advance(1)
    teacher = load(session.path)  # the class tool writes feedback into the student's file
    teacher.comments.append(Comment(section="basic", text="请补充入党时间。", author="刘老师"))
    save(teacher, session.path)
    seen = events(session, CommentsMerged)
    session.set_text("basic", "学员正在写的内容，继续写。")
    clock.advance(1)
    on_disk = load(session.path)
    assert on_disk.paragraphs("basic") == ["学员正在写的内容，继续写。"]
    assert [c.text for c in on_disk.comments] == ["请补充入党时间。"]
    assert seen and "冲突副本" not in session.path.name
    assert not list(session.path.parent.glob("*冲突副本*"))


def test_real_event_loop_timers_save_and_check(tmp_path: Path) -> None:
    """The default scheduler: asyncio timers on the running loop, as in a kernel."""
    import asyncio

    async def scenario() -> tuple[list[str], list[str], list[str]]:
        s = Session(tmp_path)  # LoopScheduler
        s.new()
        s.set_text("basic", "我在××××年入党。")
        before = load(s.path).paragraphs("basic")
        await asyncio.sleep(SAVE_DELAY + 0.4)
        return (
            before,
            load(s.path).paragraphs("basic"),
            [f.code for f in s.checks.findings_for("basic")],
        )

    before, after, codes = asyncio.run(scenario())
    assert before == [] and after == ["我在××××年入党。"]
    assert any(c.startswith("PB2") for c in codes)


def test_without_a_loop_work_runs_at_once(tmp_path: Path) -> None:
    s = Session(tmp_path)
    s.new()
    s.set_text("basic", "脚本里直接保存。")
    assert load(s.path).paragraphs("basic") == ["脚本里直接保存。"]


def test_typing_into_a_row_removed_meanwhile_is_a_clear_message(session: Session) -> None:
    from partybook.errors import PartybookError

    session.add_item("problems")
    session.remove_item("problems", 0)
    with pytest.raises(PartybookError, match="已被删除或移动"):
        session.set_item("problems", 0, "body", "迟到的输入")
