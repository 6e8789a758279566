"""The workbook's 与往年对照: the author's earlier drafts found in the drafts folder or added
from a file, the carried-over passages side by side, and PB650 in the section panels."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

import docx
import pytest

from partybook.draft import Item, new_draft
from partybook.genre import load_genre
from partybook.storage import save
from partybook.ui import Workbook
from partybook.ui.events import EarlierChanged, Message
from partybook.ui.scheduler import ManualScheduler
from partybook.ui.session import Session

AUTHOR = "覃玉兰"
OLD = "我在防汛物资管理中只看台账不下仓库，去年汛前检查时才发现三处仓库的冲锋舟发动机无法启动，险些误事。"
HIDDEN = (
    "乡村振兴项目验收时我只听汇报不看现场，两个村的路灯安装数量与台账对不上，直到群众反映才发现。"
)
NEW_TEXT = "今年我每月到一个乡镇的安置点住一晚，听群众讲真实的困难，已经协调解决了十一件具体问题。"


def draft_file(folder: Path, name: str, author: str, date: str, body: str) -> Path:
    genre = load_genre("dangxing-fenxi")
    d = new_draft(genre, author=author)
    d.meta.date = date
    d.sections["problems"] = [Item(heading="服务群众不够深入。", body=body)]
    path = folder / name
    save(d, path)
    return path


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    draft_file(tmp_path, "去年的党性分析.json", AUTHOR, "2025-11", OLD)
    draft_file(tmp_path, "别人的.json", "韦海涛", "2025-10", HIDDEN)
    # a conflict copy of an older draft is never an earlier draft
    draft_file(tmp_path, "前年.冲突副本-20241101-100000.json", AUTHOR, "2024-11", HIDDEN)
    # nor a backup or anything in the version history's hidden folder
    kept = draft_file(tmp_path, "大前年.json", AUTHOR, "2023-11", HIDDEN)
    kept.rename(tmp_path / "大前年.json.bak")
    (tmp_path / ".history").mkdir(exist_ok=True)
    draft_file(tmp_path / ".history", "旧版本.json", AUTHOR, "2023-10", HIDDEN)
    return tmp_path


def this_year(session: Session, body: str) -> None:
    session.new("dangxing-fenxi", author=AUTHOR)
    session.set_meta("date", "2026-11")
    assert session.draft is not None
    if not session.draft.items("problems"):
        session.add_item("problems")
    session.set_item("problems", 0, "body", body)
    session.refresh()


def test_earlier_drafts_are_found_and_carried_passages_become_pb650(folder, clock) -> None:
    s = Session(folder, scheduler=clock)
    changed: list[object] = []
    s.events.observe(EarlierChanged, changed.append)
    this_year(s, f"{OLD}{HIDDEN}")
    assert [d.label for d in s.carryover.drafts] == ["去年的党性分析.json"]
    assert changed  # the panel is told
    assert len(s.carryover.passages) == 1
    c = s.carryover.passages[0]
    assert c.section == "problems" and c.item == 0 and c.year == 2025
    assert OLD[:20] in c.text and OLD[:20] in c.earlier_text
    pb650 = [f for f in s.checks.findings if f.code == "PB650"]
    assert len(pb650) == 1 and pb650[0].section == "problems" and "2025年" in pb650[0].message
    # rewritten: no passage, no finding
    s.set_item("problems", 0, "body", NEW_TEXT)
    s.refresh()
    assert s.carryover.passages == [] and not [f for f in s.checks.findings if f.code == "PB650"]


def test_another_author_or_no_author_finds_nothing(folder, clock) -> None:
    s = Session(folder, scheduler=clock)
    s.new("dangxing-fenxi")
    s.set_meta("date", "2026-11")
    s.add_item("problems")
    s.set_item("problems", 0, "body", OLD + HIDDEN)
    s.refresh()
    assert s.carryover.drafts == [] and s.carryover.passages == []
    s.set_meta("author", AUTHOR)  # typing the name in the sign-off finds them
    s.refresh()
    assert [d.label for d in s.carryover.drafts] == ["去年的党性分析.json"]


def last_years_docx(text: str) -> bytes:
    doc = docx.Document()
    for line in ("2025年度党性分析", "一、存在的问题和不足", "（一）调查研究不够深入。", text):
        doc.add_paragraph(line)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def test_an_added_word_file_is_compared_kept_and_removable(tmp_path: Path, clock) -> None:
    s = Session(tmp_path, scheduler=clock)
    this_year(s, HIDDEN)
    said: list[Message] = []
    s.events.observe(Message, said.append)
    assert s.carryover.drafts == []
    mtime = datetime(2025, 6, 1).timestamp()
    s.add_earlier(last_years_docx(HIDDEN), "2025年党性分析.docx", mtime)
    assert [(d.origin, d.year) for d in s.carryover.drafts] == [("added", 2025)]
    assert len(s.carryover.passages) == 1 and "发现 1 段" in said[-1].text
    kept = list((tmp_path / ".earlier").rglob("*.docx"))
    assert len(kept) == 1
    # a new session on the same draft (a kernel restart) compares with it again
    s.flush()
    again = Session(tmp_path, scheduler=ManualScheduler())
    again.open(s.path)
    again.refresh()
    assert [d.origin for d in again.carryover.drafts] == ["added"]
    assert len(again.carryover.passages) == 1
    again.remove_earlier(again.carryover.drafts[0].file)
    assert again.carryover.drafts == [] and again.carryover.passages == []
    assert not kept[0].exists()


def test_a_file_that_cannot_be_compared_is_refused_in_chinese(tmp_path: Path, clock) -> None:
    s = Session(tmp_path, scheduler=clock)
    this_year(s, HIDDEN)
    with pytest.raises(Exception, match="不是能比对的文件"):
        s.add_earlier(b"%PDF-1.4", "旧稿.pdf")
    with pytest.raises(Exception, match="没有读到正文|是空的"):
        s.add_earlier(b"", "空白.txt")
    assert not (tmp_path / ".earlier").exists() or not list((tmp_path / ".earlier").rglob("*.*"))


def test_the_page_shows_passages_side_by_side_and_the_panel_shows_pb650(folder, clock) -> None:
    book = Workbook(drafts=folder, scheduler=clock)
    this_year(book.session, OLD)
    book.tabs.selected_index = book.tabs.titles.index("与往年对照")
    assert (
        "去年的党性分析.json" in book.earlier.found.value and "2025年" in book.earlier.found.value
    )
    html = book.earlier.passages.value
    assert "pb-carried-row" in html and "本稿" in html and "往年的材料" in html
    assert "存在的问题和不足" in html and "第 1 条" in html and "2025年" in html
    assert "PB650" in book.panels["problems"].findings.value
    # last year's Word file through the FileUpload
    upload = {
        "name": "前年的材料.txt",
        "content": memoryview(f"二、存在的问题和不足\n（一）学习不够。\n{HIDDEN}\n".encode()),
        "last_modified": datetime(2024, 12, 1),
    }
    book.session.set_item("problems", 0, "body", OLD + HIDDEN)
    book.earlier._on_upload({"new": (upload,)})
    assert "已添加往年材料" in book.msgs.history[-1][1]
    assert "前年的材料.txt" in book.earlier.added.children[0].children[0].value
    assert book.earlier.passages.value.count("pb-carried-row") == 2
    book.earlier.added.children[0].children[1].click()  # 移除
    assert book.earlier.added.children == ()
    assert book.earlier.passages.value.count("pb-carried-row") == 1
