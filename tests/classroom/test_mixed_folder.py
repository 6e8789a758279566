"""A class folder of mixed files, as instructors collect them by mail and chat: partybook
.json drafts, Word .docx, plain .txt and Markdown .md (and an old .doc, through
LibreOffice), broken files and Office lock files. Every draft is a row of the report (Word
and text files imported on the fly, author and date from the sign-off, the import's notes
shown), broken files are rows with the reason, copies are found across formats, feedback
on a Word file never touches it, and the class comes back as Word files with comments."""

from __future__ import annotations

import io
import json
import random
import zipfile
from pathlib import Path

import docx
import pytest
from classroom.classgen import make_draft, near_copy

from partybook.classroom.batch import export_class
from partybook.classroom.collect import collect
from partybook.classroom.feedback import add_comment, remove_comment
from partybook.classroom.formats import SIDE_DIR, side_path
from partybook.classroom.model import ClassModel
from partybook.classroom.report import class_report
from partybook.draft import Comment
from partybook.exporters.docx import DocxExporter
from partybook.exporters.md import MarkdownExporter
from partybook.exporters.txt import TextExporter
from partybook.genre import load_genre
from partybook.storage import save

AUTHORS = ["邝海燕", "闵志远", "阙晓明", "庹文涛", "郜丽娟"]


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    genre = load_genre()
    rng = random.Random(23)
    folder = tmp_path / "class"
    folder.mkdir()
    drafts = [make_draft(rng, genre, 1400, author=a) for a in AUTHORS]
    for d in drafts:
        d.meta.date = "2026-03-02"
    save(drafts[0], folder / "a-json.json")
    save(drafts[1], folder / "b-json.json")
    word = drafts[2].model_copy(deep=True)
    word.comments = [Comment(section="basic", text="基本情况再具体些。", author="周老师")]
    (folder / "学员C.docx").write_bytes(DocxExporter().export(word))
    (folder / "学员D.txt").write_bytes(TextExporter().export(drafts[3]))
    (folder / "学员E.md").write_bytes(MarkdownExporter().export(drafts[4]))
    copy = near_copy(rng, drafts[0], "庞春华")
    copy.meta.date = "2026-03-02"
    (folder / "抄写.txt").write_bytes(TextExporter().export(copy))
    (folder / "坏文件.docx").write_bytes(b"PK\x03\x04 not really a zip" * 10)
    (folder / "空白.txt").write_bytes(b"")
    (folder / "~$学员C.docx").write_bytes(b"\x00" * 162)  # Word's owner file while open
    (folder / "导出说明.txt").write_text("上次导出的说明", encoding="utf-8")
    (folder / "照片.jpg").write_bytes(b"\xff\xd8\xff")
    return folder


def test_every_format_is_a_row(mixed: Path) -> None:
    coll = collect(mixed)
    files = sorted(e.file for e in coll.entries)
    assert files == sorted(
        ["a-json.json", "b-json.json", "学员C.docx", "学员D.txt", "学员E.md", "抄写.txt",
         "坏文件.docx", "空白.txt"]
    )  # fmt: skip
    report = class_report(coll)
    rows = {r.file: r for r in report.rows}
    for file, author in (("学员C.docx", AUTHORS[2]), ("学员D.txt", AUTHORS[3]),
                         ("学员E.md", AUTHORS[4])):  # fmt: skip
        r = rows[file]
        assert r.ok and r.author == author and r.student == author, (file, r)
        assert r.sections_done == r.sections_total == 6, (file, r.sections_done)
        assert r.notes and r.notes[0].startswith("由 "), r.notes
        entry = coll.find(file)
        assert entry is not None and entry.draft is not None
        assert entry.draft.meta.date.startswith("2026-03-02"), entry.draft.meta.date
    assert rows["a-json.json"].notes == []
    assert rows["学员C.docx"].comments == 1  # the Word comment, read back
    assert "已损坏" in rows["坏文件.docx"].problem or "不是有效" in rows["坏文件.docx"].problem
    assert "空" in rows["空白.txt"].problem
    assert rows["坏文件.docx"].errors is None
    # the near-copy typed into a .txt is caught against the .json it was copied from
    pairs = {frozenset((p.a, p.b)) for p in report.similar if p.kind == "draft"}
    assert frozenset(("a-json.json", "抄写.txt")) in pairs
    assert not any("学员D.txt" in p for p in pairs)
    as_json = json.loads(json.dumps(report.to_dict(), ensure_ascii=False))
    assert as_json["rows"][0]["notes"] is not None


def test_feedback_on_a_word_file_leaves_it_untouched_and_comes_back_as_comments(
    mixed: Path,
) -> None:
    path = mixed / "学员C.docx"
    before = path.read_bytes()
    model = ClassModel(str(mixed), exercise="")
    model.refresh()
    model.add_comment("学员C.docx", "problems", "问题要写到具体的事。", item=0)
    assert path.read_bytes() == before
    assert side_path(path).is_file() and side_path(path).parent.name == SIDE_DIR
    row = next(r for r in model.rows if r.file == "学员C.docx")
    assert row.comments == 2
    assert len(collect(mixed).entries) == 8  # the side file is not a draft of its own

    result = export_class(collect(mixed).entries, None, pdf=False)
    with zipfile.ZipFile(io.BytesIO(result.data or b"")) as z:
        name = result.names["学员C.docx"]
        document = docx.Document(io.BytesIO(z.read(name)))
        assert sorted(z.namelist()) == sorted([*result.names.values(), "导出说明.txt"])
    assert [(c.author, c.text) for c in document.comments] == [
        ("周老师", "基本情况再具体些。"),
        ("老师", "问题要写到具体的事。"),
    ]
    with pytest.raises(Exception, match="Word 或 WPS"):
        remove_comment(path, 0)  # written in the Word file itself
    assert remove_comment(path, 1).text == "问题要写到具体的事。"
    assert path.read_bytes() == before


def test_class_returned_with_findings_as_comments(mixed: Path) -> None:
    entries = collect(mixed).entries
    plain = export_class(entries, None, pdf=False, comments=False)
    rich = export_class(entries, None, pdf=False, findings=True)
    with zipfile.ZipFile(io.BytesIO(plain.data or b"")) as z:
        assert all(
            not list(docx.Document(io.BytesIO(z.read(n))).comments) for n in plain.names.values()
        )
    with zipfile.ZipFile(io.BytesIO(rich.data or b"")) as z:
        counts = [len(list(docx.Document(io.BytesIO(z.read(n))).comments))
                  for n in rich.names.values()]  # fmt: skip
    assert all(n >= 1 for n in counts)  # every generated draft is short of the length advice
    failed = dict(rich.failed)
    assert set(failed) == {"坏文件.docx", "空白.txt"}


def test_feedback_on_an_imported_file_refuses_a_bad_section(mixed: Path) -> None:
    with pytest.raises(Exception, match="没有章节"):
        add_comment(mixed / "学员D.txt", "无此章节", "意见")
    assert not side_path(mixed / "学员D.txt").exists()


@pytest.mark.slow
def test_old_word_files_through_libreoffice(mixed: Path, tmp_path: Path) -> None:
    """A .doc (made here by LibreOffice from a .docx) is read like the .docx."""
    import shutil
    import subprocess

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice is required (./test installs it)"
    src = mixed / "学员C.docx"
    work = tmp_path / "conv"
    subprocess.run(
        [soffice, "--headless", "--norestore",
         f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}",
         "--convert-to", "doc:MS Word 97", "--outdir", str(work), str(src)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    (work / "学员C.doc").rename(mixed / "学员F.doc")
    (mixed / "坏的.wps").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    rows = {r.file: r for r in class_report(collect(mixed), similarity=False).rows}
    assert rows["学员F.doc"].ok and rows["学员F.doc"].author == AUTHORS[2]
    assert rows["学员F.doc"].sections_done == 6
    assert rows["坏的.wps"].problem and "另存为" in rows["坏的.wps"].problem


def test_cli_on_a_mixed_folder(mixed: Path, tmp_path: Path) -> None:
    from support.cli import run_partybook

    report = run_partybook("class-report", str(mixed), "--format", "json")
    assert report.returncode == 0, report.stderr
    rows = {r["file"]: r for r in json.loads(report.stdout)["rows"]}
    assert len(rows) == 8 and rows["学员E.md"]["author"] == AUTHORS[4]
    assert any("md 文件导入" in n for n in rows["学员E.md"]["notes"])
    text = run_partybook("class-report", str(mixed))
    assert "坏文件.docx" in text.stdout and "由 docx 文件导入" in text.stdout
    out = tmp_path / "返还.zip"
    export = run_partybook("class-export", str(mixed), "-o", str(out), "--no-pdf", "--findings")
    assert export.returncode == 0, export.stderr
    assert "已导出 6 份 .docx" in export.stdout and "2 份未能导出" in export.stdout
    with zipfile.ZipFile(out) as z:
        note = z.read("导出说明.txt").decode("utf-8")
        word = [n for n in z.namelist() if n.endswith(".docx")]
        assert all(list(docx.Document(io.BytesIO(z.read(n))).comments) for n in word)
    assert "坏文件.docx" in note and "空白.txt" in note


def test_old_word_files_without_libreoffice_are_rows_with_the_reason(
    mixed: Path, monkeypatch
) -> None:
    (mixed / "旧稿.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    monkeypatch.setenv("PATH", str(mixed / "no-such-bin"))
    entry = collect(mixed).find("旧稿.doc")
    assert entry is not None and entry.draft is None
    assert "LibreOffice" in (entry.error or "") and "另存为 .docx" in (entry.error or "")


def test_dashboard_returns_the_class_as_word_files_with_comments(
    mixed: Path, tmp_path: Path
) -> None:
    from partybook.classroom.dashboard import Dashboard

    dash = Dashboard(folder=mixed)
    dash.student.value = "学员D.txt"
    assert "导入说明：由 txt 文件导入。" in dash.findings.value
    dash.model.add_comment("学员D.txt", "basic", "经历写得清楚。")
    target = tmp_path / "返还.zip"
    dash.out_path.value = str(target)
    dash.want_findings.value = True
    dash.export_button.click()
    assert "已导出 6 份 .docx" in dash.export_result.value
    with zipfile.ZipFile(target) as z:
        name = next(n for n in z.namelist() if n.startswith(AUTHORS[3]))
        comments = list(docx.Document(io.BytesIO(z.read(name))).comments)
    texts = [c.text for c in comments]
    assert "经历写得清楚。" in texts
    assert any(c.author == "partybook 自动检查" for c in comments)


def test_several_articles_and_unplaced_text_are_named_in_every_output(
    mixed: Path, tmp_path: Path
) -> None:
    """Nothing dropped without a word: a student's file with two articles is read for its
    first only, and a draft's 未归类 paragraphs are in no exported file — the table, the
    report and the batch export's 导出说明 say so, naming the student."""
    two = (
        "范文一\n党性分析报告\n一、存在的问题\n（一）学习不深入。我每周只读一篇文章。\n\n"
        "范文二\n党性分析材料\n一、存在的问题\n（一）作风不扎实。我下基层少了。\n\n常清源\n2026年3月\n"
    )
    (mixed / "学员F.txt").write_text(two, encoding="utf-8")
    left = load_genre().example_draft()
    left.meta.author = "霍思齐"
    left.unplaced = ["五、其他说明", "这是我自己补充的一段话。"]
    save(left, mixed / "g-json.json")
    collection = collect(mixed)
    entries = collection.entries
    row = next(e for e in entries if e.file == "学员F.txt")
    assert row.warnings and "2 篇文章" in row.warnings[0] and "只读了第 1 篇" in row.warnings[0]
    report = class_report(collection)
    assert any("2 篇文章" in n for r in report.rows for n in r.notes)
    result = export_class(entries, None, pdf=False)
    with zipfile.ZipFile(io.BytesIO(result.data or b"")) as z:
        note = z.read("导出说明.txt").decode("utf-8")
    student = row.student
    assert f"{student}（学员F.txt）：【注意】学员F.txt 里有 2 篇文章" in note
    assert "霍思齐（g-json.json）：草稿里有 2 段“未归类”的文字没有导出" in note
