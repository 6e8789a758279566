"""Word rejects a file whose elements are out of schema order (LibreOffice forgives it), so
the order of the children that the exporter writes is checked against ECMA-376 sequences."""

from __future__ import annotations

from lxml import etree

from partybook.draft import Draft
from partybook.exporters import get_exporter

from .docx_reader import W, parts

# ECMA-376 Part 1 sequences (only the elements that can occur here, in order)
SEQUENCES = {
    "pPr": [
        "pStyle",
        "keepNext",
        "keepLines",
        "pageBreakBefore",
        "widowControl",
        "numPr",
        "snapToGrid",
        "spacing",
        "ind",
        "contextualSpacing",
        "jc",
        "outlineLvl",
        "rPr",
    ],
    "rPr": [
        "rStyle",
        "rFonts",
        "b",
        "bCs",
        "i",
        "iCs",
        "color",
        "spacing",
        "w",
        "kern",
        "position",
        "sz",
        "szCs",
        "u",
        "lang",
    ],
    "style": [
        "name",
        "aliases",
        "basedOn",
        "next",
        "link",
        "autoRedefine",
        "hidden",
        "uiPriority",
        "semiHidden",
        "unhideWhenUsed",
        "qFormat",
        "locked",
        "pPr",
        "rPr",
    ],
    "sectPr": [
        "headerReference",
        "footerReference",
        "type",
        "pgSz",
        "pgMar",
        "pgNumType",
        "cols",
        "titlePg",
        "docGrid",
    ],
    "settings": [
        "zoom",
        "defaultTabStop",
        "evenAndOddHeaders",
        "drawingGridHorizontalSpacing",
        "drawingGridVerticalSpacing",
        "characterSpacingControl",
        "compat",
        "themeFontLang",
        "decimalSymbol",
        "listSeparator",
    ],
    "font": ["altName", "panose1", "charset", "family", "notTrueType", "pitch"],
}


def _check(root: etree._Element, part: str) -> int:
    checked = 0
    for el in root.iter():
        local = etree.QName(el).localname
        if local not in SEQUENCES or etree.QName(el).namespace != W:
            continue
        order = SEQUENCES[local]
        names = [etree.QName(c).localname for c in el]
        unknown = [n for n in names if n not in order]
        assert not unknown, (part, local, unknown)
        positions = [order.index(n) for n in names]
        assert positions == sorted(positions), (part, local, names)
        checked += 1
    return checked


def test_children_in_schema_order(example_draft: Draft) -> None:
    p = parts(get_exporter("docx").export(example_draft))
    checked = 0
    for name in (
        "word/document.xml",
        "word/styles.xml",
        "word/settings.xml",
        "word/footer1.xml",
        "word/footer2.xml",
        "word/fontTable.xml",
    ):
        checked += _check(etree.fromstring(p[name]), name)
    assert checked > 50
