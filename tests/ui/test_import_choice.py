"""The start screen's import: picking one article of several, confirming an unsure genre,
off-genre warnings, other formats and their missing tools (widgets in-process)."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from partybook.storage import load
from partybook.ui import Workbook
from partybook.ui.scheduler import ManualScheduler

from .test_workbook_widgets import find, find_all, visible

FIRST_TITLE = "2025年度党性分析材料"
SECOND_TITLE = "学习贯彻情况个人对照检查材料"
# two articles of the writer's own; the second's genre is a close call (two 对照检查 genres)
SECOND = f"""{SECOND_TITLE}

一、存在的问题
1. 担当作为不够。遇到棘手的信访件，我习惯先转给业务科室，自己跟进不够。

二、原因剖析
宗旨意识有所淡化，对群众的急难愁盼体会不深。

三、整改措施
今后每月走访两户困难群众，12月底前把积压的三件信访件办结。

周明远
2025年12月
"""
TWO = f"""篇一
{FIRST_TITLE}

一、基本情况
我叫林晓舟，在青禾县农业局工作，2012年入党。

二、存在的问题
1. 理论学习不够系统。学习时间安排不稳定，一年只写了四篇读书笔记。

林晓舟
2025年11月

篇二
{SECOND}"""
COLLECTIVE = """2025年度党性分析材料

一、基本情况
我们班子共有五名成员，班子全年召开专题会议十二次，我们认真落实各项部署。

二、存在的问题
1. 班子学习不够深入。我们班子集体学习次数偏少，我们对新理论研究不透。

三、整改措施
我们班子将每月集中学习一次，我们要把学习成果转化为工作成效。
"""


@pytest.fixture
def book(tmp_path: Path) -> Workbook:
    return Workbook(drafts=tmp_path, scheduler=ManualScheduler())


def upload(book: Workbook, name: str, data: bytes) -> None:
    """What the browser does: the FileUpload's value changes (its observer is guarded)."""
    book.start.upload.value = (
        {
            "name": name,
            "type": "",
            "size": len(data),
            "content": memoryview(data),
            "last_modified": datetime.now(tz=UTC),
        },
    )


def test_two_articles_user_picks_the_second_and_the_first_is_kept(book: Workbook) -> None:
    upload(book, "两篇.txt", TWO.encode())
    choice = find(book.root, "pb-import-choice")
    assert visible(choice) and not visible(book.main)  # nothing opened before the choice
    rows = find_all(choice, "pb-import-article")
    assert len(rows) == 2
    labels = [find(r, "pb-draft-info").value for r in rows]
    assert FIRST_TITLE in labels[0] and SECOND_TITLE in labels[1]
    assert all(" 字</span>" in x for x in labels)  # each with its size
    find(book.root, "pb-import-open-1").click()
    assert visible(book.main) and not visible(book.start.root)
    assert book.session.draft.text_of("title") == SECOND_TITLE
    # the first article was saved as a draft of its own (keep the rest is on by default)
    files = sorted(p.name for p in Path(book.session.folder).glob("*.json"))
    assert len(files) == 2 and any("第1篇" in f for f in files)
    kept = next(Path(book.session.folder).glob("*第1篇*.json"))
    assert load(kept).sections["title"] == FIRST_TITLE
    report = book.report.value
    assert "共有 2 篇文章" in report and "第 1 篇" in report and kept.name in report
    assert visible(book.report_box)  # the report stays above the panels until closed


def test_the_rest_can_be_left_or_saved_one_by_one(book: Workbook) -> None:
    upload(book, "两篇.txt", TWO.encode())
    find(book.root, "pb-import-save-1").click()
    assert find(book.root, "pb-import-save-1").disabled  # 已存为草稿
    assert len(list(Path(book.session.folder).glob("*.json"))) == 1
    assert len(find_all(book.start.listing, "pb-open-draft")) == 1  # the list shows it
    find(book.root, "pb-import-keep-rest").value = False
    find(book.root, "pb-import-open-0").click()
    assert book.session.draft.text_of("title") == FIRST_TITLE
    assert len(list(Path(book.session.folder).glob("*.json"))) == 2  # nothing else saved


def test_save_all_writes_one_draft_per_article(book: Workbook) -> None:
    upload(book, "两篇.txt", TWO.encode())
    find(book.root, "pb-import-save-all").click()
    titles = sorted(load(p).sections["title"] for p in Path(book.session.folder).glob("*.json"))
    assert titles == sorted([FIRST_TITLE, SECOND_TITLE])
    assert not visible(find(book.root, "pb-import-choice")) and book.session.draft is None
    assert len(find_all(book.start.listing, "pb-open-draft")) == 2


def test_unsure_genre_is_chosen_among_the_close_ones(book: Workbook) -> None:
    upload(book, "对照检查.txt", SECOND.encode())
    assert visible(find(book.root, "pb-import-choice")) and book.session.draft is None
    pick = find(book.root, "pb-import-genre-0")
    guessed = pick.value
    options = [v for _, v in pick.options]
    assert options[0] == guessed and len(options) >= 2
    other = options[1]
    pick.value = other
    find(book.root, "pb-import-open-0").click()
    assert book.session.genre.id == other != guessed
    assert book.session.draft.genre == other
    assert "由您在相近的文体中选定" in book.report.value
    assert "--genre" not in book.report.value  # the command line's hint is not shown


def test_sure_single_article_opens_at_once_with_its_report(book: Workbook) -> None:
    text = (
        "2025年度党性分析材料\n\n一、基本情况\n我在南岭县水务局工作。\n本文来源于某某范文网\n"
        "二、存在的问题\n1. 学习不够。平时学得少，笔记只有三篇。\n"
        "三、原因分析\n理想信念有所松懈。\n四、整改措施\n每周读书两小时。\n\n林晓舟\n2025年11月\n"
    )
    upload(book, "旧稿.txt", text.encode())
    assert visible(book.main) and book.session.genre.id == "dangxing-fenxi"
    assert "导入报告" in book.report.value and "文体：党性分析" in book.report.value


def test_off_genre_warning_is_prominent_and_says_what_to_do(book: Workbook) -> None:
    upload(book, "班子材料.txt", COLLECTIVE.encode())
    if book.session.draft is None:  # the genre was a close call: open as guessed
        find(book.root, "pb-import-open-0").click()
    report = book.report.value
    assert 'class="pb-import-warning"' in report
    assert "集体材料" in report and "请改写" in report
    assert report.index("pb-import-warning") < report.index("模板残留")  # first in the report
    assert any(level == "warning" and "集体" in t for level, t in book.msgs.history)


def test_a_doc_without_libreoffice_says_what_to_install(
    book: Workbook, monkeypatch: pytest.MonkeyPatch
) -> None:
    from partybook.importer import convert

    monkeypatch.setattr(convert, "_soffice", lambda: None)
    data = Path("tests/fixtures/import/old_word.doc").read_bytes()
    upload(book, "旧稿.doc", data)
    level, text = book.msgs.history[-1]
    assert level == "error" and "LibreOffice" in text and ".docx" in text
    assert visible(book.start.root) and book.session.draft is None


def test_a_pdf_without_pdftotext_says_what_to_install(
    book: Workbook, monkeypatch: pytest.MonkeyPatch
) -> None:
    from partybook.importer import convert

    real = shutil.which
    monkeypatch.setattr(convert.shutil, "which", lambda n: None if n == "pdftotext" else real(n))
    upload(book, "材料.pdf", b"%PDF-1.4\n%fake\n")
    level, text = book.msgs.history[-1]
    assert level == "error" and "pdftotext" in text and "poppler" in text
    assert book.session.draft is None


def test_upload_accepts_the_office_and_pdf_formats(book: Workbook) -> None:
    accept = find(book.root, "pb-import").accept
    for suffix in (".txt", ".md", ".docx", ".doc", ".wps", ".rtf", ".odt", ".pdf"):
        assert suffix in accept.split(",")


@pytest.mark.slow
@pytest.mark.usefixtures("soffice")
def test_a_wps_file_goes_through_the_same_path(book: Workbook) -> None:
    fixture = Path(__file__).resolve().parent.parent / "fixtures" / "import" / "old_wps.wps"
    data = fixture.read_bytes()
    upload(book, "旧稿.wps", data)
    if book.session.draft is None:
        find(book.root, "pb-import-open-0").click()
    assert visible(book.main) and "导入报告" in book.report.value
    assert any(book.session.draft.text_of(s) for s in book.session.draft.sections)
