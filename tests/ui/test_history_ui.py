"""The workbook's 历史版本: versions listed with what changed, one compared side by side with
the editors' text, restore (undoable, saved through the autosave's conflict guard)."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.widgets import find_all

from partybook.draft import Comment
from partybook.storage import load, save
from partybook.ui import Workbook
from partybook.ui.events import Replaced, VersionRestored
from partybook.ui.scheduler import ManualScheduler
from partybook.ui.session import Session
from partybook.ui.side_by_side import diff_html, marked

KEPT = "我2008年参加工作，先后在乡镇和县直部门任职。"
DELETED = "2019年到南岭县扶贫办工作后，我牵头建立了易地搬迁台账，走访农户三百余户。"


def write_then_delete(folder: Path, clock: ManualScheduler) -> Path:
    """A first session writes two paragraphs, then deletes the second; returns the file."""
    s = Session(folder, scheduler=clock)
    path = s.new("dangxing-fenxi", author="覃玉兰")
    s.set_text("basic", f"{KEPT}\n{DELETED}")
    clock.advance(1)
    s.set_text("basic", KEPT)
    clock.advance(1)
    s.close()
    return path


def version_with(session: Session, text: str) -> str:
    """The id of the newest version whose comparison shows ``text`` removed since."""
    for v in session.versions():
        diffs = session.compare_version(v.id)
        if any(r.kind == "removed" and text in r.old for d in diffs for r in d.rows):
            return v.id
    raise AssertionError("no version holds the deleted paragraph")


def test_versions_say_what_changed_newest_first(tmp_path: Path, clock) -> None:
    path = write_then_delete(tmp_path, clock)
    s = Session(tmp_path, scheduler=clock)
    s.open(path)
    versions = s.versions()
    assert versions[0].current and not any(v.current for v in versions[1:])
    assert "删除了" in versions[0].summary and "基本情况" in versions[0].summary
    assert versions[0].chars < versions[1].chars
    assert [v.saved for v in versions] == sorted((v.saved for v in versions), reverse=True)


def test_restore_in_a_new_session_brings_the_deleted_paragraph_back(tmp_path, clock) -> None:
    path = write_then_delete(tmp_path, clock)
    s = Session(tmp_path, scheduler=clock)  # as after a kernel restart: only the files remain
    s.open(path)
    seen: list[object] = []
    s.events.observe(Replaced, seen.append)
    s.events.observe(VersionRestored, seen.append)
    s.restore_version(version_with(s, DELETED))
    assert s.text_value("basic") == f"{KEPT}\n{DELETED}"
    assert load(path).paragraphs("basic") == [KEPT, DELETED]  # saved at once
    assert [type(e).__name__ for e in seen] == ["Replaced", "VersionRestored"]
    assert seen[0].cause == "restore"
    assert s.versions()[0].current and "新增了" in s.versions()[0].summary


def test_undo_after_restore_brings_back_the_text_before_it_without_a_conflict(
    tmp_path, clock
) -> None:
    path = write_then_delete(tmp_path, clock)
    s = Session(tmp_path, scheduler=clock)
    s.open(path)
    target = version_with(s, DELETED)
    s.set_text("basic", KEPT + "\n这是恢复之前刚写的一段。")  # pending, not yet saved
    s.restore_version(target)
    assert s.undo_label == "恢复历史版本"
    s.undo()
    assert s.text_value("basic") == KEPT + "\n这是恢复之前刚写的一段。"
    clock.advance(1)
    assert s.path == path  # the autosave wrote the undo into the same file
    assert load(path).paragraphs("basic") == [KEPT, "这是恢复之前刚写的一段。"]
    assert not list(tmp_path.glob("*冲突副本*"))


def test_the_conflict_guard_still_holds_after_a_restore(tmp_path, clock) -> None:
    path = write_then_delete(tmp_path, clock)
    s = Session(tmp_path, scheduler=clock)
    s.open(path)
    s.restore_version(version_with(s, DELETED))
    other = load(path)  # another tab saves its own text in between
    other.sections["basic"] = ["另一个窗口写的。"]
    save(other, path)
    s.set_text("basic", "本窗口接着写的。")
    clock.advance(1)
    assert load(path).paragraphs("basic") == ["另一个窗口写的。"]
    copies = list(tmp_path.glob("*冲突副本*.json"))
    assert len(copies) == 1 and load(copies[0]).paragraphs("basic") == ["本窗口接着写的。"]


def test_a_restore_keeps_the_instructors_comments(tmp_path, clock) -> None:
    path = write_then_delete(tmp_path, clock)
    draft = load(path)
    draft.comments.append(Comment(section="basic", text="请补充具体事例。", author="周老师"))
    save(draft, path)
    s = Session(tmp_path, scheduler=clock)
    s.open(path)
    s.restore_version(version_with(s, DELETED))
    assert [c.text for c in load(path).comments] == ["请补充具体事例。"]


def test_an_unknown_version_is_refused_in_chinese_and_changes_nothing(tmp_path, clock) -> None:
    path = write_then_delete(tmp_path, clock)
    s = Session(tmp_path, scheduler=clock)
    s.open(path)
    with pytest.raises(Exception, match="没有编号为") as info:
        s.restore_version("20000101-000000-000")
    assert "Traceback" not in str(info.value)
    assert s.text_value("basic") == KEPT and not s.undo_label


def test_marked_shows_only_the_changed_characters() -> None:
    old, new = marked("学习不够深入。", "学习不够系统深入。")
    assert "<del" not in old and '<ins class="pb-ins">系统</ins>' in new
    a, b = marked("<b>", "<i>")  # what the user wrote is escaped, never markup
    assert a == '&lt;<del class="pb-del">b</del>&gt;' and b == '&lt;<ins class="pb-ins">i</ins>&gt;'


def test_history_page_lists_compares_restores_and_undoes(tmp_path: Path, clock) -> None:
    path = write_then_delete(tmp_path, clock)
    book = Workbook(drafts=tmp_path, scheduler=clock)
    book.start._open(path)
    book.tabs.selected_index = book.tabs.titles.index("历史版本")
    rows = find_all(book.root, "pb-history-row")
    assert len(rows) == len(book.session.versions()) >= 3
    assert "当前" in rows[0].children[0].value and "删除了" in rows[0].children[0].value
    target = version_with(book.session, DELETED)
    index = [v.id for v in book.history.versions].index(target)
    rows[index].children[1].click()  # 对照
    assert book.history.compare_box.layout.display != "none"
    diff = book.history.diff.value
    assert "pb-diff-removed" in diff and DELETED in diff and "当前文字" in diff
    assert "pb-history-chosen" in rows[index]._dom_classes
    book.history.restore_button.click()
    editor = book.editor("pb-editor-basic")
    assert editor.value == f"{KEPT}\n{DELETED}"
    assert "已恢复到" in book.msgs.history[-1][1]
    assert not book.undo_button.disabled
    # the list follows: the restore is the newest version, the one shown is now current
    assert "新增了" in find_all(book.root, "pb-history-row")[0].children[0].value
    assert book.history.restore_button.disabled
    book.undo_button.click()
    assert editor.value == KEPT
    assert "pb-diff-removed" in book.history.diff.value  # the comparison follows the undo


def test_comparing_with_the_current_text_says_nothing_changed(tmp_path: Path, clock) -> None:
    path = write_then_delete(tmp_path, clock)
    s = Session(tmp_path, scheduler=clock)
    s.open(path)
    html = diff_html(s.compare_version(s.versions()[0].id), "旧", "新")
    assert "完全相同" in html and "pb-diff-row" not in html
