"""Each genre exported as it is printed, read back from the .docx (style chain and direct
formatting: indent, alignment, order) and from the HTML, Markdown and text exports.

思想汇报 is a letter: 敬爱的党组织： flush left under the title, no numbered headings,
此致 indented two characters on its own line, 敬礼！ flush left on the next, 汇报人 and the
date right-aligned. 民主评议 prints its own three-line signature and a lead-in paragraph."""

from __future__ import annotations

import pytest

from partybook.assembly import assemble, assemble_markdown, blocks
from partybook.exporters import get_exporter
from partybook.exporters.ooxml import LAYOUT
from partybook.genre import Layout, load_genre

from .docx_reader import NS, StyleChain, body_paragraphs, parts, text_of

TWO_CHARS = str(2 * LAYOUT.char_pitch)


def _docx(genre_id: str):
    g = load_genre(genre_id)
    data = get_exporter("docx").export(g.example_draft(), g)
    p = parts(data)
    styles = StyleChain(p["word/styles.xml"])
    paras = body_paragraphs(p["word/document.xml"])

    def layout(el) -> tuple[str, str, str]:
        return (
            text_of(el),
            styles.ppr_value(el, "ind", "firstLine") or "0",
            styles.ppr_value(el, "jc", "val") or "",
        )

    return [layout(el) for el in paras]


def test_letter_docx_salutation_closing_and_signature_in_place() -> None:
    rows = _docx("sixiang-huibao")
    texts = [t for t, _, _ in rows]
    assert texts[0] == "思想汇报"
    assert rows[1] == ("敬爱的党组织：", "0", "left")  # flush left, no indent
    assert rows[2][1] == TWO_CHARS and rows[2][2] == "both"  # body paragraphs as usual
    close = texts.index("此致")
    assert rows[close] == ("此致", TWO_CHARS, "left")  # two characters in, own line
    assert rows[close + 1] == ("敬礼！", "0", "left")  # flush left, next line
    assert rows[close + 2][0] == "汇报人：沈若溪" and rows[close + 2][2] == "right"
    assert rows[close + 3][0] == "2025年11月18日" and rows[close + 3][2] == "right"
    assert len(rows) == close + 4  # nothing after the date
    # the body lies between salutation and closing, with no numbered heading anywhere
    body = texts[2:close]
    assert body and not any(t[:2] in ("一、", "二、") for t in texts)
    assert texts.count("此致") == 1 and texts.count("敬爱的党组织：") == 1


def test_letter_html_md_and_text_keep_the_layout() -> None:
    g = load_genre("sixiang-huibao")
    d = g.example_draft()
    html = get_exporter("html").export(d, g).decode()
    assert '<p class="pb-salutation">敬爱的党组织：</p>' in html
    i = html.index('<p class="pb-closing" style="text-indent: 2em">此致</p>')
    j = html.index('<p class="pb-closing">敬礼！</p>')
    k = html.index(">汇报人：沈若溪</p>")
    assert html.index("pb-salutation") < i < j < k
    assert ".pb-salutation, .pb-doc .pb-closing { text-indent: 0; text-align: left; }" in html

    text = assemble(d, g)
    lines = text.splitlines()
    assert lines[:3] == ["思想汇报", "", "敬爱的党组织："]
    assert text.endswith("\u3000\u3000此致\n敬礼！\n汇报人：沈若溪\n2025年11月18日\n")
    md = assemble_markdown(d, g)
    assert md.startswith("# 思想汇报\n\n敬爱的党组织：\n\n")
    assert md.endswith(
        '\u3000\u3000此致\n\n敬礼！\n\n<p align="right">汇报人：沈若溪</p>\n\n'
        '<p align="right">2025年11月18日</p>\n'
    )


def test_pingyi_signature_lines_and_lead_in() -> None:
    rows = _docx("minzhu-pingyi")
    texts = [t for t, _, _ in rows]
    assert texts[-3:] == ["市自来水公司供水调度中心党支部", "自评人：贺建明", "2026年1月12日"]
    assert all(jc == "right" for _, _, jc in rows[-3:])
    head = texts.index("四、存在的不足")
    assert texts[head + 1].startswith("对照党员标准") and rows[head + 1][1] == TWO_CHARS
    assert texts[head + 2].startswith("（一）政治理论学习不够扎实")
    assert "六、自评等次" in texts and not any(t in ("此致", "敬礼！") for t in texts)


def test_empty_signature_fields_are_left_out() -> None:
    g = load_genre("minzhu-pingyi")
    d = g.example_draft()
    d.meta.unit = ""
    signed = [b.text for b in blocks(d, g) if b.role in ("signoff", "date")]
    assert signed == ["自评人：贺建明", "2026年1月12日"]
    d.meta.author = d.meta.date = ""
    assert [b for b in blocks(d, g) if b.role in ("signoff", "date")] == []


@pytest.mark.parametrize("numbered", [True, False])
def test_numbered_headings_switch(numbered: bool) -> None:
    g = load_genre("minzhu-pingyi")
    g = g.model_copy(update={"layout": Layout(numbered_headings=numbered)})
    text = assemble(g.example_draft(), g)
    assert ("一、理论学习和政治表现" in text) is numbered
    assert "\n理论学习和政治表现\n" in text or numbered


def test_left_aligned_signature() -> None:
    g = load_genre("minzhu-pingyi")
    g = g.model_copy(update={"layout": Layout(signature=["{author}"], signature_align="left")})
    d = g.example_draft()
    data = get_exporter("docx").export(d, g)
    p = parts(data)
    styles = StyleChain(p["word/styles.xml"])
    last = body_paragraphs(p["word/document.xml"])[-1]
    assert text_of(last) == "贺建明" and styles.ppr_value(last, "jc", "val") == "left"
    assert (
        'class="pb-sign pb-sign-first pb-sign-left"' in get_exporter("html").export(d, g).decode()
    )
    assert assemble_markdown(d, g).endswith('<p align="left">贺建明</p>\n')


def test_default_layout_is_the_dangxing_fenxi_one() -> None:
    g = load_genre("dangxing-fenxi")
    assert g.layout == Layout()
    d = g.example_draft()
    signed = [b.text for b in blocks(d, g) if b.role in ("signoff", "date")]
    assert signed == [d.meta.unit, d.meta.author, "2025年11月"]
    rows = _docx("dangxing-fenxi")
    assert rows[-1][0] == "2025年11月" and rows[-1][2] == "right"


def test_closing_and_signature_stay_together_on_one_page() -> None:
    g = load_genre("sixiang-huibao")
    styles = StyleChain(parts(get_exporter("docx").export(g.example_draft(), g))["word/styles.xml"])

    def keeps(style_id: str) -> bool:
        return styles.by_id[style_id].find("w:pPr/w:keepNext", NS) is not None

    # 此致 → 敬礼！ → 汇报人 → date: every line but the date keeps with the next
    assert keeps("Closing") and keeps("Signature") and not keeps("Date")
