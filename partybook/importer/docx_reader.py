"""Word .docx → paragraphs, through python-docx.

Body paragraphs and table cells are read in document order. Word's automatic list
numbering (``w:numPr`` on the paragraph or inherited from its style) is turned back into
the label Word displays — computed from ``numbering.xml``: each level's ``numFmt``
(chineseCounting, decimal, decimalEnclosedCircle, …), ``lvlText`` (``%1、``,
``（%1）``) and ``start`` — so a heading numbered by Word is recognised like a typed one.
Styles give hints: Title → title, Heading 1 → heading, Heading 2+ → subheading; a
right-aligned paragraph → sign-off; a bold lead → an item heading.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

from ..errors import InputError
from ..numbering import cn_number
from .headings import parse_number
from .limits import SAVE_AS_DOCX, open_docx_zip
from .model import Para

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_GAN = "甲乙丙丁戊己庚辛壬癸"
_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_CN_FORMATS = {
    "chineseCounting",
    "chineseCountingThousand",
    "ideographDigital",
    "japaneseCounting",
    "taiwaneseCounting",
    "taiwaneseCountingThousand",
    "koreanCounting",
    "koreanDigital",
}


def _roman(n: int) -> str:
    out = ""
    for value, sym in (
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ):
        while n >= value:
            out += sym
            n -= value
    return out


def format_number(fmt: str, n: int) -> str:
    """One level's number as Word prints it."""
    if fmt in _CN_FORMATS:
        return cn_number(max(n, 1))
    if fmt == "decimalFullWidth" or fmt == "decimalFullWidth2":
        return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese"):
        return _CIRCLED[n - 1] if 1 <= n <= len(_CIRCLED) else str(n)
    if fmt == "ideographTraditional":
        return _GAN[(n - 1) % 10]
    if fmt == "chineseLegalSimplified":
        return "".join(_LEGAL[int(d)] for d in str(n))
    if fmt in ("lowerLetter", "upperLetter"):
        s = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return s.upper() if fmt == "upperLetter" else s
    if fmt in ("lowerRoman", "upperRoman"):
        return _roman(n).upper() if fmt == "upperRoman" else _roman(n)
    if fmt in ("bullet", "none"):
        return ""
    return str(n)  # decimal, decimalZero, ordinal … all read as Arabic numbers


class WordNumbering:
    """Counters for Word's list numbering, one set per ``numId``."""

    def __init__(self, document: Any) -> None:
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}
        self.counters: dict[str, list[int | None]] = {}
        try:
            root = document.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            return
        for abstract in root.iter(f"{W}abstractNum"):
            levels: dict[int, tuple[str, str, int]] = {}
            for lvl in abstract.iter(f"{W}lvl"):
                ilvl = int(lvl.get(f"{W}ilvl", "0"))
                levels[ilvl] = (
                    _val(lvl, "numFmt", "decimal"),
                    _val(lvl, "lvlText", ""),
                    int(_val(lvl, "start", "1") or 1),
                )
            self.levels[abstract.get(f"{W}abstractNumId", "")] = levels
        for num in root.iter(f"{W}num"):
            overrides: dict[int, int] = {}
            for ov in num.iter(f"{W}lvlOverride"):
                start = ov.find(f"{W}startOverride")
                if start is not None:
                    overrides[int(ov.get(f"{W}ilvl", "0"))] = int(start.get(f"{W}val", "1"))
            self.nums[num.get(f"{W}numId", "")] = (_val(num, "abstractNumId", ""), overrides)

    def label(self, num_id: str, ilvl: int) -> str:
        if num_id in ("", "0") or num_id not in self.nums:
            return ""
        abstract_id, overrides = self.nums[num_id]
        levels = self.levels.get(abstract_id, {})
        if ilvl not in levels:
            return ""
        counters = self.counters.setdefault(num_id, [None] * 9)
        start = overrides.get(ilvl, levels[ilvl][2])
        current = counters[ilvl]
        counters[ilvl] = start if current is None else current + 1
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = None
        fmt, text, _ = levels[ilvl]
        if fmt in ("bullet", "none"):
            return ""
        for k in range(9):
            if f"%{k + 1}" in text:
                lvl = levels.get(k, ("decimal", "", 1))
                counted = counters[k]
                value = counted if counted is not None else overrides.get(k, lvl[2])
                text = text.replace(f"%{k + 1}", format_number(lvl[0], value))
        text = text.strip()
        if text and (text[-1].isdigit() or text[-1] in "一二三四五六七八九十"):
            text += "、" if not text[-1].isdigit() else "."
        return text


def _val(el: Any, tag: str, default: str) -> str:
    child = el.find(f"{W}{tag}")
    return child.get(f"{W}val", default) if child is not None else default


def _num_pr(p_el: Any, styles: dict[str, Any]) -> tuple[str, int] | None:
    """(numId, ilvl) from the paragraph, else from its style chain."""
    ppr = p_el.find(f"{W}pPr")
    style_id = None
    if ppr is not None:
        numpr = ppr.find(f"{W}numPr")
        if numpr is not None:
            return _val(numpr, "numId", "0"), int(_val(numpr, "ilvl", "0") or 0)
        ps = ppr.find(f"{W}pStyle")
        style_id = ps.get(f"{W}val") if ps is not None else None
    seen = set()
    while style_id and style_id not in seen:
        seen.add(style_id)
        style = styles.get(style_id)
        if style is None:
            return None
        sppr = style.find(f"{W}pPr")
        numpr = sppr.find(f"{W}numPr") if sppr is not None else None
        if numpr is not None:
            return _val(numpr, "numId", "0"), int(_val(numpr, "ilvl", "0") or 0)
        based = style.find(f"{W}basedOn")
        style_id = based.get(f"{W}val") if based is not None else None
    return None


def _style_chain(p_el: Any, styles: dict[str, Any]) -> list[Any]:
    """The paragraph's style and the styles it is based on (the default style when none)."""
    ppr = p_el.find(f"{W}pPr")
    ps = ppr.find(f"{W}pStyle") if ppr is not None else None
    style_id = ps.get(f"{W}val") if ps is not None else styles.get("")
    chain: list[Any] = []
    while style_id and style_id in styles and len(chain) < 10:
        style = styles[style_id]
        chain.append(style)
        based = style.find(f"{W}basedOn")
        style_id = based.get(f"{W}val") if based is not None else None
    return chain


def _kind(p_el: Any, styles: dict[str, Any]) -> str:
    """A hint from the style name and the alignment (read from the XML: python-docx's
    ``Paragraph.style`` scans every style on each call)."""
    chain = _style_chain(p_el, styles)
    if chain:
        name_el = chain[0].find(f"{W}name")
        name = (name_el.get(f"{W}val", "") if name_el is not None else "").lower()
        if name in ("title", "标题"):
            return "title"
        if name.startswith(("heading", "标题")):
            digits = "".join(c for c in name if c.isdigit())
            return "heading" if digits in ("", "1") else "subheading"
    align = None
    for el in (p_el, *chain):
        ppr = el.find(f"{W}pPr")
        jc = ppr.find(f"{W}jc") if ppr is not None else None
        if jc is not None:
            align = jc.get(f"{W}val")
            break
    if align in ("right", "end"):
        return "signoff"
    if align == "center":
        return "center"
    return ""


_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"


def paragraph_text(p_el: Any) -> str:
    """All the paragraph's text, tracked insertions included (python-docx's
    ``Paragraph.text`` skips runs inside ``w:ins``); deleted text (``w:delText``), field
    codes and the duplicate fallback copy of text boxes are left out."""
    parts: list[str] = []
    for el in p_el.iter(f"{W}t", f"{W}tab", f"{W}br", f"{W}cr", f"{_MC}Fallback"):
        tag = el.tag
        if tag == f"{_MC}Fallback":
            continue
        if any(a.tag == f"{_MC}Fallback" for a in el.iterancestors(f"{_MC}Fallback")):
            continue
        if tag == f"{W}t":
            parts.append(el.text or "")
        elif tag == f"{W}tab":
            parts.append("\t")
        else:
            parts.append("\n")
    return "".join(parts)


def _join_breaks(text: str) -> str:
    out = ""
    for piece in text.split("\n"):
        piece = piece.strip()
        if (
            out
            and piece
            and out[-1].isascii()
            and out[-1].isalnum()
            and piece[0].isascii()
            and piece[0].isalnum()
        ):
            out += " "
        out += piece
    return out


def _bold_lead(paragraph: Any) -> str:
    lead = ""
    for run in paragraph.runs:
        if run.bold:
            lead += run.text
        else:
            break
    return lead


def _blocks(body: Any) -> Iterator[Any]:  # lxml elements (no type information)
    for child in body.iterchildren():
        if child.tag == f"{W}p":
            yield child
        elif child.tag == f"{W}tbl":
            for cell in child.iter(f"{W}tc"):
                yield from (p for p in cell.iterchildren() if p.tag == f"{W}p")
        elif child.tag == f"{W}sdt":
            content = child.find(f"{W}sdtContent")
            if content is not None:
                yield from _blocks(content)


def docx_paras(data: bytes, name: str) -> list[Para]:
    open_docx_zip(data, name)
    from docx import Document
    from docx.text.paragraph import Paragraph

    try:
        document = Document(io.BytesIO(data))
    except Exception:  # python-docx raises many kinds on a broken package
        raise InputError(f"文件 {name} 已损坏或不是 Word 文档，无法打开。{SAVE_AS_DOCX}") from None
    numbering = WordNumbering(document)
    styles: dict[str, Any] = {}
    try:
        for st in document.styles.element.iter(f"{W}style"):
            styles[st.get(f"{W}styleId", "")] = st
            if st.get(f"{W}type") == "paragraph" and st.get(f"{W}default") in ("1", "true"):
                styles[""] = st.get(f"{W}styleId", "")  # the default paragraph style's id
    except (NotImplementedError, KeyError, AttributeError):
        pass
    out: list[Para] = []
    blank = False
    for n, p_el in enumerate(_blocks(document.element.body), 1):
        paragraph = Paragraph(p_el, document)
        text = paragraph_text(p_el)
        if not text.strip():
            blank = True
            continue
        numpr = _num_pr(p_el, styles)
        label = numbering.label(*numpr) if numpr else ""
        kind = _kind(p_el, styles)
        lead = _bold_lead(paragraph)
        if kind in ("title", "heading", "center"):
            text = _join_breaks(text)  # a title broken over lines is one title
        pieces = text.split("\n")
        for i, piece in enumerate(pieces):
            if not piece.strip():
                continue
            head = None
            if i == 0 and label and parse_number(piece) is None:  # not typed as well
                piece = label + piece
                if lead.strip() and len(lead) < len(text.split("\n")[0]) and len(lead) <= 80:
                    head = label + lead
            k = kind if kind != "center" else ("title" if not out else "")
            if not k and i == 0 and len(pieces) == 1 and lead.strip() and lead == text:
                k = "subheading"  # a paragraph all in bold: a heading of some level
            out.append(Para(piece, n, blank_before=blank, kind=k, head=head))
            blank = False
    return out
