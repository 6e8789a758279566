"""Instructor feedback as real Word comments, both ways: exported into word/comments.xml
(anchored to the commented section or item, author and date kept), read by python-docx,
through a LibreOffice round trip (.docx → .odt → .docx), and imported back into the
draft's ``comments``."""

from __future__ import annotations

import io
import random
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from classroom.classgen import make_draft
from docx.oxml.ns import qn

from partybook.draft import Comment, Draft
from partybook.exporters.docx import DocxExporter
from partybook.exporters.word_comments import FINDINGS_AUTHOR
from partybook.genre import load_genre
from partybook.importer import import_bytes

WHEN = "2026-03-05T14:20:00+08:00"


def _draft() -> Draft:
    genre = load_genre()
    draft = make_draft(random.Random(7), genre, 1500, author="包文涛")
    draft.comments = [
        Comment(section="basic", text="基本情况写得实在。\n可再补一件具体的事。",
                author="周老师", created=WHEN),
        Comment(section="problems", item=1, text="这一条要点名到具体的事。",
                author="Zhou Li", created=WHEN),
    ]  # fmt: skip
    return draft


def _anchored(document: docx.document.Document) -> dict[str, list[str]]:
    """comment id → texts of the body paragraphs its range covers."""
    out: dict[str, list[str]] = {}
    open_: set[str] = set()
    for p in document.paragraphs:
        starts = {e.get(qn("w:id")) for e in p._p.iter(qn("w:commentRangeStart"))}
        ends = {e.get(qn("w:id")) for e in p._p.iter(qn("w:commentRangeEnd"))}
        open_ |= starts
        for cid in open_:
            out.setdefault(cid, []).append(p.text)
        open_ -= ends
    return out


def _printed_item(draft: Draft, section: str, index: int) -> str:
    item = draft.items(section)[index]
    return item.heading or item.body


def test_comments_are_word_comments_anchored_to_their_section_and_item() -> None:
    draft = _draft()
    data = DocxExporter().export(draft)
    document = docx.Document(io.BytesIO(data))
    comments = list(document.comments)
    assert [(c.author, c.initials, c.text) for c in comments] == [
        ("周老师", "周", "基本情况写得实在。\n可再补一件具体的事。"),
        ("Zhou Li", "ZL", "这一条要点名到具体的事。"),
    ]
    assert all(c.timestamp.isoformat() == WHEN for c in comments)
    ranges = _anchored(document)
    section = ranges[str(comments[0].comment_id)]
    assert section[0].endswith("基本情况")  # the heading, then every paragraph of it
    assert len(section) == 1 + len(draft.paragraphs("basic"))
    item = ranges[str(comments[1].comment_id)]
    assert _printed_item(draft, "problems", 1) in "".join(item)
    assert _printed_item(draft, "problems", 0) not in "".join(item)
    assert _printed_item(draft, "problems", 2) not in "".join(item)


def test_no_comments_part_without_comments_and_findings_on_request() -> None:
    draft = _draft()
    plain = DocxExporter(comments=False).export(draft)
    assert "word/comments.xml" not in plain.decode("latin-1")
    assert not list(docx.Document(io.BytesIO(plain)).comments)
    both = docx.Document(io.BytesIO(DocxExporter(findings=True).export(draft)))
    authors = [c.author for c in both.comments]
    assert authors[:2] == ["周老师", "Zhou Li"]
    assert authors.count(FINDINGS_AUTHOR) >= 1 and set(authors[2:]) == {FINDINGS_AUTHOR}


def test_comment_on_an_empty_section_is_kept_and_comes_back() -> None:
    """An emptied section with a heading: the comment sits on the heading. The unheaded
    opening left empty prints nothing: the comment sits on the title, named."""
    draft = _draft()
    draft.sections["causes"] = []
    draft.sections["opening"] = []
    draft.comments += [
        Comment(section="causes", text="原因分析还没写。", author="周老师"),
        Comment(section="opening", text="开头还没写。", author="周老师"),
    ]
    data = DocxExporter().export(draft)
    document = docx.Document(io.BytesIO(data))
    by_text = {c.text: str(c.comment_id) for c in document.comments}
    ranges = _anchored(document)
    assert [t[-7:] for t in ranges[by_text["原因分析还没写。"]]] == ["问题和原因分析"]
    assert ranges[by_text["（开头）开头还没写。"]] == [document.paragraphs[0].text]
    back = import_bytes(data, "返回.docx").draft.comments
    assert [(c.section, c.text) for c in back[-2:]] == [
        ("causes", "原因分析还没写。"),
        ("opening", "开头还没写。"),
    ]


def _key(comments: list[Comment]) -> list[tuple]:
    return [(c.section, c.item, c.text, c.author, c.created) for c in comments]


def test_import_reads_word_comments_back_into_the_draft() -> None:
    draft = _draft()
    result = import_bytes(DocxExporter(findings=True).export(draft), "学员稿.docx")
    assert _key(result.draft.comments) == _key(draft.comments)  # findings are not imported
    assert any("2 条 Word 批注" in n for n in result.notices)


def _soffice(src: Path, fmt: str, outdir: Path, profile: Path) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice is required (./test installs libreoffice-writer-nogui)"
    subprocess.run(
        [soffice, "--headless", "--norestore", f"-env:UserInstallation={profile.as_uri()}",
         "--convert-to", fmt, "--outdir", str(outdir), str(src)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    out = outdir / f"{src.stem}.{fmt.split(':')[0]}"
    assert out.is_file(), f"LibreOffice wrote no {out.name}"
    return out


@pytest.mark.slow
def test_comments_survive_a_libreoffice_round_trip(tmp_path: Path) -> None:
    draft = _draft()
    src = tmp_path / "学员稿.docx"
    src.write_bytes(DocxExporter().export(draft))
    profile = tmp_path / "lo-profile"
    odt = _soffice(src, "odt", tmp_path / "odt", profile)
    back = _soffice(odt, "docx:MS Word 2007 XML", tmp_path / "docx", profile)
    document = docx.Document(str(back))
    comments = list(document.comments)
    assert [(c.author, c.text) for c in comments] == [
        ("周老师", "基本情况写得实在。\n可再补一件具体的事。"),
        ("Zhou Li", "这一条要点名到具体的事。"),
    ]
    ranges = _anchored(document)
    assert _printed_item(draft, "problems", 1) in "".join(ranges[str(comments[1].comment_id)])
    imported = import_bytes(back.read_bytes(), back.name).draft.comments
    assert [(c.section, c.item, c.text, c.author) for c in imported] == [
        (c.section, c.item, c.text, c.author) for c in draft.comments
    ]


def _everywhere(draft: Draft, genre_id: str) -> list[Comment]:
    """A comment on every part of the draft: each section as a whole (title and sign-off
    included), each lead-in, each item."""
    genre = load_genre(genre_id)
    out: list[Comment] = []
    for spec in genre.sections:
        out.append(Comment(section=spec.id, text=f"{spec.display_name}整体意见。", author="周老师"))
        if spec.lead_key and draft.paragraphs(spec.lead_key):
            out.append(Comment(section=spec.lead_key, text=f"{spec.display_name}引导语。"))
        for i, _ in enumerate(draft.items(spec.id)):
            out.append(Comment(section=spec.id, item=i, text=f"{spec.display_name}第{i + 1}条。"))
    return out


@pytest.mark.parametrize(
    "genre_id", ["dangxing-fenxi", "duizhao-jiancha", "minzhu-shenghuohui", "minzhu-pingyi"]
)
def test_round_trip_keeps_every_comments_section_and_item(genre_id: str) -> None:
    """Export → import of each headed genre's worked example with a comment on every part
    (title, each section, each lead-in, each item, the sign-off)."""
    genre = load_genre(genre_id)
    draft = genre.example_draft()
    draft.comments = _everywhere(draft, genre_id)
    sections = {c.section for c in draft.comments}
    assert {"title", "signoff"} <= sections
    if genre_id == "dangxing-fenxi":
        assert {"causes_lead", "measures_lead"} <= sections
    result = import_bytes(DocxExporter().export(draft, genre), "范文.docx", genre_id=genre_id)
    back = [(c.section, c.item, c.text) for c in result.draft.comments]
    assert back == [(c.section, c.item, c.text) for c in draft.comments]
    assert not any("批注" in n and "核对" in n for n in result.notices)


def test_round_trip_of_a_headless_genre_keeps_comments_with_their_text() -> None:
    """思想汇报 prints no headings: the importer places its paragraphs by their words, not
    always in the section they came from. Each comment follows its first paragraph there."""
    genre = load_genre("sixiang-huibao")
    draft = genre.example_draft()
    draft.comments = _everywhere(draft, genre.id)
    result = import_bytes(DocxExporter().export(draft, genre), "汇报.docx", genre_id=genre.id)
    back = result.draft.comments
    assert [c.text for c in back] == [c.text for c in draft.comments]
    for before, after in zip(draft.comments, back, strict=True):
        first = draft.text_of(before.section).split("\n")[0]
        if before.section == "signoff":
            assert after.section == "signoff"
            continue
        assert first[-12:] in result.draft.text_of(after.section), before.text
