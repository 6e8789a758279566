"""The .docx read back (python-docx and raw XML): GB/T 9704-2012 page, grid, fonts, footers."""

from __future__ import annotations

import io
import re

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt, Twips

from partybook.assembly import blocks
from partybook.draft import Draft, Item, conform
from partybook.exporters import get_exporter
from partybook.exporters.docx import DocxExporter
from partybook.exporters.fonts import fonts_file, load_fonts
from partybook.genre import Genre, load_genre

from .docx_reader import NS, StyleChain, body_paragraphs, parts, q, style_of, text_of


@pytest.fixture
def data(example_draft: Draft) -> bytes:
    return get_exporter("docx").export(example_draft)


def test_page_size_and_margins(data: bytes) -> None:
    doc = docx.Document(io.BytesIO(data))
    s = doc.sections[0]
    assert abs(s.page_width.mm - 210) < 0.05 and abs(s.page_height.mm - 297) < 0.05
    assert abs(s.top_margin.mm - 37) < 0.05
    assert abs(s.bottom_margin.mm - 35) < 0.05
    assert abs(s.left_margin.mm - 28) < 0.05
    assert abs(s.right_margin.mm - 26) < 0.05
    # 版心 156 × 225 mm
    assert abs((s.page_width - s.left_margin - s.right_margin) - Mm(156)) < Mm(0.1)
    assert abs((s.page_height - s.top_margin - s.bottom_margin) - Mm(225)) < Mm(0.1)


def test_document_grid_22_lines_28_chars(data: bytes) -> None:
    root = parts(data)["word/document.xml"]
    grid = re.search(rb"<w:docGrid [^>]*/>", root).group(0).decode()
    pitch = int(re.search(r'w:linePitch="(\d+)"', grid).group(1))
    char_space = int(re.search(r'w:charSpace="(-?\d+)"', grid).group(1))
    assert 'w:type="linesAndChars"' in grid
    assert abs(pitch / 20 - 28.95) < 0.03  # points
    assert 22 * pitch / 20 <= 225 / 25.4 * 72  # 22 lines fit the 225 mm block
    # 28 characters: each is 16 pt + charSpace/4096 pt, together the 156 mm line
    pitch_pt = 16 + char_space / 4096
    assert abs(28 * pitch_pt - 156 / 25.4 * 72) < 0.1
    # body text uses exact line spacing equal to the grid pitch
    styles = StyleChain(parts(data)["word/styles.xml"])
    p = body_paragraphs(root)[1]
    assert styles.ppr_value(p, "spacing", "line") == str(pitch)
    assert styles.ppr_value(p, "spacing", "lineRule") == "exact"


def _expected(genre: Genre) -> dict[str, tuple[str, float]]:
    f = load_fonts()
    return {k: (f.role(k).east_asia, f.role(k).size) for k, _ in f.roles}


def test_every_paragraph_effective_font_and_size(
    data: bytes, example_draft: Draft, genre: Genre
) -> None:
    p = parts(data)
    styles = StyleChain(p["word/styles.xml"])
    paras = body_paragraphs(p["word/document.xml"])
    bl = blocks(example_draft, genre)
    assert len(paras) == len(bl)
    exp = _expected(genre)
    for para, b in zip(paras, bl, strict=True):
        runs = styles.runs(para)
        assert "".join(r.text for r in runs) == b.plain
        for r in runs:
            assert r.ascii == "Times New Roman"
            assert r.lang_east_asia == "zh-CN"
        if b.role == "title":
            assert styles.name(style_of(para)) == "Title"
            assert [(r.east_asia, r.size_pt) for r in runs] == [exp["title"]] * len(runs)
        elif b.role == "heading":
            assert styles.name(style_of(para)) == "heading 1"
            assert (runs[0].east_asia, runs[0].size_pt) == exp["heading1"]
        elif b.role == "item" and b.run_in:
            head, body = runs
            assert head.text == b.number + b.heading and body.text == b.text
            assert (head.east_asia, head.size_pt) == exp[f"heading{b.level}"]
            assert (body.east_asia, body.size_pt) == exp["body"]
            assert style_of(para) == "Normal"
        elif b.role in ("signoff", "date"):
            assert (runs[0].east_asia, runs[0].size_pt) == exp["signoff"]
        else:
            assert [(r.east_asia, r.size_pt) for r in runs] == [exp["body"]] * len(runs)
    # the genre's example has level-2 run-in items (楷体) and level-3 measures (一是, 仿宋)
    fonts = {
        (b.level, r.east_asia)
        for b, para in zip(bl, paras, strict=True)
        if b.run_in
        for r in styles.runs(para)[:1]
    }
    assert (2, "楷体_GB2312") in fonts and (3, "仿宋_GB2312") in fonts


def test_alignment_and_indents(data: bytes) -> None:
    doc = docx.Document(io.BytesIO(data))
    paras = doc.paragraphs
    title = paras[0]
    assert title.style.name == "Title"
    assert title.style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert title.style.paragraph_format.first_line_indent == 0
    normal = doc.styles["Normal"].paragraph_format
    assert normal.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    # first line indented two characters of the 28-per-line grid (2 × 15.8 pt)
    assert abs(normal.first_line_indent.pt - 2 * 156 / 25.4 * 72 / 28) < 0.3
    assert normal.line_spacing == Twips(579)
    h1 = doc.styles["Heading 1"]
    assert h1.paragraph_format.first_line_indent == normal.first_line_indent
    sign = [p for p in paras if p.style.name in ("Signature", "Date")]
    assert [p.style.name for p in sign] == ["Signature", "Signature", "Date"]
    for p in sign:
        fmt = p.style.paragraph_format
        assert fmt.alignment == WD_ALIGN_PARAGRAPH.RIGHT
        assert abs(fmt.right_indent.pt - normal.first_line_indent.pt) < 0.1
        assert fmt.first_line_indent == 0
    # the date is the last paragraph, under the name
    assert paras[-1].style.name == "Date" and paras[-1].text == "2025年11月"
    # one blank line above the sign-off block
    assert sign[0].paragraph_format.space_before == Twips(579)


def test_named_styles_word_recognises(data: bytes) -> None:
    doc = docx.Document(io.BytesIO(data))
    names = {s.name for s in doc.styles}
    assert {
        "Normal",
        "Title",
        "Heading 1",
        "Heading 2",
        "Heading 3",
        "Heading 4",
        "Footer",
    } <= names
    for level in range(1, 5):
        el = doc.styles[f"Heading {level}"].element
        assert el.find(f"{{{NS['w']}}}pPr/{{{NS['w']}}}outlineLvl").get(q("val")) == str(level - 1)


def test_footer_page_numbers_odd_right_even_left(data: bytes) -> None:
    doc = docx.Document(io.BytesIO(data))
    assert doc.settings.odd_and_even_pages_header_footer is True
    s = doc.sections[0]
    odd = s.footer.paragraphs[0]
    even = s.even_page_footer.paragraphs[0]
    one_char = Pt(14)
    for p, align in ((odd, WD_ALIGN_PARAGRAPH.RIGHT), (even, WD_ALIGN_PARAGRAPH.LEFT)):
        assert p.text == "— 1 —"
        assert p.alignment == align
        xml = p._p.xml
        assert re.search(r"<w:instrText[^>]*> PAGE </w:instrText>", xml)
        assert xml.count('w:fldCharType="begin"') == 1 and 'w:fldCharType="end"' in xml
        assert p.style.name == "Footer" and p.style.font.size == one_char  # 4号
        for r in p.runs:
            assert r.font.size in (None, one_char)
            rfonts = r._r.rPr.find(q("rFonts"))
            assert rfonts.get(q("eastAsia")) == "宋体"
    assert odd.paragraph_format.right_indent == one_char
    assert even.paragraph_format.left_indent == one_char
    # the footer line's top sits 7 mm below the text block
    footer_line = Pt(14)
    assert abs((s.bottom_margin - s.footer_distance - footer_line) - Mm(7)) < Mm(0.1)


def test_no_theme_fonts_anywhere(data: bytes) -> None:
    p = parts(data)
    # a theme part exists (Word expects one) but nothing refers to its fonts
    assert [name for name in p if name.startswith("word/theme")] == ["word/theme/theme1.xml"]
    for name, content in p.items():
        if name.endswith(".xml"):
            assert b"Theme=" not in content and b'Theme"' not in content, name
    # every run in the body and footers names its East Asian font directly
    for name in ("word/document.xml", "word/footer1.xml", "word/footer2.xml"):
        root = __import__("lxml.etree", fromlist=["etree"]).fromstring(p[name])
        for r in root.iter(q("r")):
            rfonts = r.find("w:rPr/w:rFonts", NS)
            assert rfonts is not None and rfonts.get(q("eastAsia")), name


def test_fonts_come_from_the_one_config_file(tmp_path, example_draft: Draft, genre: Genre) -> None:
    text = fonts_file().read_text(encoding="utf-8")
    text = text.replace("east_asia: 仿宋_GB2312,", "east_asia: 仿宋,").replace(
        "方正小标宋简体, size: 22", "方正小标宋_GBK, size: 22"
    )
    custom = tmp_path / "fonts.yaml"
    custom.write_text(text, encoding="utf-8")
    data = DocxExporter(load_fonts(str(custom))).export(example_draft, genre)
    p = parts(data)
    styles = StyleChain(p["word/styles.xml"])
    paras = body_paragraphs(p["word/document.xml"])
    assert styles.runs(paras[0])[0].east_asia == "方正小标宋_GBK"
    assert styles.runs(paras[1])[0].east_asia == "仿宋"
    assert "仿宋_GB2312".encode() not in p["word/document.xml"]
    assert "仿宋_GB2312".encode() not in p["word/styles.xml"]


def test_long_title_broken_into_balanced_lines(genre: Genre) -> None:
    title = "中共青川市河西区委员会党校2025年秋季中青年干部培训班学员个人党性分析材料"
    d = conform(Draft(genre=genre.id, sections={"title": title}), genre)
    data = get_exporter("docx").export(d)
    para = body_paragraphs(parts(data)["word/document.xml"])[0]
    lines = []
    for r in para.findall("w:r", NS):
        lines.append("".join(t.text for t in r.findall("w:t", NS)))
        if lines and r.find("w:br", NS) is not None:
            assert len(lines) > 1
    assert "".join(lines) == title
    assert len(lines) == 2
    widths = [sum(1 if ord(c) > 0x2E80 else 0.5 for c in line) for line in lines]
    assert all(w <= 20 for w in widths)
    assert abs(widths[0] - widths[1]) <= 4
    assert lines[1][0] not in "，。、"
    assert text_of(para) == title


def test_short_title_one_line(example_draft: Draft) -> None:
    data = get_exporter("docx").export(example_draft)
    para = body_paragraphs(parts(data)["word/document.xml"])[0]
    assert para.find(".//w:br", NS) is None


def test_grouped_genre_exports(genre: Genre) -> None:
    g = load_genre("duizhao-jiancha")
    d = g.example_draft()
    data = get_exporter("docx").export(d)
    p = parts(data)
    styles = StyleChain(p["word/styles.xml"])
    paras = body_paragraphs(p["word/document.xml"])
    # a standalone level-2 aspect heading (no body) is a Heading 2 paragraph in 楷体
    h2 = [x for x in paras if style_of(x) == "Heading2"]
    assert h2 and styles.runs(h2[0])[0].east_asia == "楷体_GB2312"
    assert text_of(h2[0]).startswith("（一）")


def test_template_reused_across_calls(example_draft: Draft) -> None:
    a, b = DocxExporter(), DocxExporter()
    assert a.template is b.template
    assert a.export(example_draft) == b.export(example_draft)  # deterministic bytes


def test_empty_draft_still_valid(genre: Genre) -> None:
    d = conform(Draft(genre=genre.id), genre)
    doc = docx.Document(io.BytesIO(get_exporter("docx").export(d)))
    # only the numbered section headings remain; no empty title, sign-off or stray runs
    assert [p.style.name for p in doc.paragraphs] == ["Heading 1"] * 4
    assert [p.text for p in doc.paragraphs][0] == "一、基本情况"
    assert abs(doc.sections[0].top_margin.mm - 37) < 0.05


def test_items_without_heading_and_multi_paragraph_bodies(genre: Genre) -> None:
    d = conform(
        Draft(
            genre=genre.id,
            sections={
                "problems": [
                    Item(heading="", body="只有正文。"),
                    Item(heading="标题没有句号", body="第一段。\n第二段。"),
                ],
            },
        ),
        genre,
    )
    doc = docx.Document(io.BytesIO(get_exporter("docx").export(d)))
    texts = [(p.style.name, p.text) for p in doc.paragraphs]
    assert ("Normal", "（一）只有正文。") in texts
    assert ("Heading 2", "（二）标题没有句号") in texts
    assert ("Normal", "第一段。") in texts and ("Normal", "第二段。") in texts
