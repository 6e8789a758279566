"""Any Unicode a user can paste: XML-illegal code points removed with a notice, never a crash."""

from __future__ import annotations

import io

import docx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from partybook.draft import Draft, Item, Meta, conform
from partybook.exporters import get_exporter
from partybook.genre import Genre, load_genre

from .docx_reader import body_paragraphs, parts, text_of


def test_control_characters_removed_with_chinese_notice(genre: Genre) -> None:
    d = conform(
        Draft(
            genre=genre.id,
            meta=Meta(author="王\x07明", unit="单位\ufffe"),
            sections={
                "title": "标题\x00",
                "basic": ["基本\x1f情况\ud83d", "正常😀段落\u200b\u200d"],
                "problems": [Item(heading="问题\x0b。", body="正文\uffff")],
            },
        ),
        genre,
    )
    exporter = get_exporter("docx")
    data = exporter.export(d)
    doc = docx.Document(io.BytesIO(data))  # parses: the XML is well-formed
    texts = [p.text for p in doc.paragraphs]
    assert texts[0] == "标题"
    assert "基本情况" in texts
    assert "正常😀段落\u200b\u200d" in texts  # emoji and zero-width joiners carried
    assert "（一）问题。正文" in texts
    assert texts[-2:] == ["单位", "王明"]
    assert len(exporter.notices) == 1
    notice = exporter.notices[0]
    assert "已删除 7 个" in notice
    for where in ("标题", "基本情况", "存在的问题和不足", "落款"):
        assert where in notice
    # a clean draft gives no notice
    exporter.export(conform(Draft(genre=genre.id, sections={"title": "干净"}), genre))
    assert exporter.notices == []


_any_text = st.text(st.characters(codec=None, exclude_categories=()), max_size=40)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(title=_any_text, para=_any_text, heading=_any_text, body=_any_text, author=_any_text)
def test_any_text_exports_to_well_formed_docx(title, para, heading, body, author) -> None:
    genre = load_genre("dangxing-fenxi")
    d = conform(
        Draft(
            genre=genre.id,
            meta=Meta(author=author),
            sections={
                "title": title,
                "opening": [para],
                "problems": [Item(heading=heading, body=body)],
            },
        ),
        genre,
    )
    data = get_exporter("docx").export(d)
    paras = body_paragraphs(parts(data)["word/document.xml"])  # lxml raises if malformed
    joined = "".join(text_of(p) for p in paras)
    for ch in para:
        if (
            ch.isprintable()
            and ch.strip()
            and not ("\ud800" <= ch <= "\udfff")
            and ch not in "\ufffe\uffff"
        ):
            assert ch in joined


def test_one_megabyte_paragraph(genre: Genre) -> None:
    big = "我认真学习了党章党规，对照检查了自己的思想和工作。" * 40000
    d = conform(Draft(genre=genre.id, sections={"title": "长文", "opening": [big]}), genre)
    for fmt in ("docx", "html"):
        data = get_exporter(fmt).export(d)
        assert len(data) > 10_000
    doc = docx.Document(io.BytesIO(get_exporter("docx").export(d)))
    assert doc.paragraphs[1].text == big
