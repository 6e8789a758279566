"""The low-level OOXML layer of the .docx exporter: every WordprocessingML detail lives here.

The high-level :mod:`partybook.exporters.docx` speaks in paragraphs, runs and named styles;
this module turns those into markup (document, styles, footers), and
:mod:`partybook.exporters.ooxml_package` wraps it in a package. The fixed parts (styles,
settings, footers, font table, content types, relationships, theme) are built once per
process and font configuration and reused; only ``word/document.xml`` and
``docProps/core.xml`` are written per draft, as strings, then zipped — about 10× faster than building the tree with
python-docx, and with full control of the markup (no theme fonts, explicit East Asian
fonts on every run).

Layout numbers follow GB/T 9704-2012 (党政机关公文格式); see docs/EXPORT.md.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .fonts import FontConfig, RoleFont

TWIPS_PER_MM = 1440 / 25.4


def mm(value: float) -> int:
    """Millimetres → twentieths of a point (twips), rounded."""
    return round(value * TWIPS_PER_MM)


@dataclass(frozen=True, slots=True)
class PageLayout:
    """GB/T 9704-2012 §5.2: A4, 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm, 22 lines × 28 chars."""

    width: int = mm(210)  # 11906
    height: int = mm(297)  # 16838
    top: int = mm(37)  # 2098
    bottom: int = mm(35)  # 1984
    left: int = mm(28)  # 1587
    right: int = mm(26)  # 1474
    header: int = mm(15)
    # the page number's line top sits 7 mm below the text block: footer distance =
    # bottom margin - 7 mm - one 4号 line (14 pt = 280 twips)
    footer: int = mm(35 - 7) - 280  # 1307
    lines: int = 22
    chars: int = 28
    line_pitch: int = 579  # 28.95 pt: 22 lines fill the 225 mm block
    body_size_twips: int = 320  # 3号, 16 pt: one character of body text

    @property
    def text_width(self) -> int:
        return self.width - self.left - self.right  # 8845 twips = 156 mm

    @property
    def char_pitch(self) -> int:
        """One grid character in twips (315: 28 of them fill the 156 mm line)."""
        return self.text_width // self.chars

    @property
    def condense(self) -> int:
        """w:spacing on 3号 runs (twips, negative): 16 pt characters set at the grid pitch,
        so Word and LibreOffice both put 28 on a line without relying on character-grid
        snapping (LibreOffice gives a 16 pt character two 15.8 pt cells)."""
        return self.char_pitch - self.body_size_twips

    @property
    def char_space(self) -> int:
        """w:docGrid/@w:charSpace: per-character pitch change in 1/4096 pt (28 chars a line)."""
        pitch_pt = self.text_width / 20 / self.chars
        return round((pitch_pt - self.body_size_twips / 20) * 4096)  # -842


LAYOUT = PageLayout()

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


# ---------------------------------------------------------------------------------------
# text cleaning and escaping
# ---------------------------------------------------------------------------------------
def esc(text: str) -> str:
    """Escape for element content and double-quoted attribute values."""
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


# ---------------------------------------------------------------------------------------
# runs and paragraphs (document body)
# ---------------------------------------------------------------------------------------
def rfonts(font: RoleFont, *, hint_east_asia: bool = False) -> str:
    hint = ' w:hint="eastAsia"' if hint_east_asia else ""
    return (
        f'<w:rFonts w:ascii="{esc(font.latin)}" w:hAnsi="{esc(font.latin)}"'
        f' w:eastAsia="{esc(font.east_asia)}" w:cs="{esc(font.latin)}"{hint}/>'
    )


_LANG = '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>'


@dataclass(frozen=True, slots=True)
class Run:
    text: str
    font: RoleFont
    char_style: str = ""  # a character style id (e.g. "Heading2Char")


@dataclass(frozen=True, slots=True)
class Paragraph:
    style: str  # a paragraph style id (Normal, Title, Heading1 …)
    runs: Sequence[Run]
    lines: Sequence[str] = ()  # for a title broken into lines: each line one run + <w:br/>
    space_before_line: bool = False  # one blank grid line above (the sign-off block)
    first_line_chars: int | None = None  # a first-line indent fixed by the genre's layout
    align: str = ""  # "left" / "right" / "center" overriding the style's alignment
    # Word comments anchored here (ids into word/comments.xml): a range starts before the
    # first run of ``comment_starts`` paragraphs and ends after the last of ``comment_ends``
    comment_starts: tuple[int, ...] = ()
    comment_ends: tuple[int, ...] = ()


def run_xml(run: Run) -> str:
    style = f'<w:rStyle w:val="{run.char_style}"/>' if run.char_style else ""
    return (
        f"<w:r><w:rPr>{style}{rfonts(run.font)}{_LANG}</w:rPr>"
        f'<w:t xml:space="preserve">{esc(run.text)}</w:t></w:r>'
    )


def paragraph_xml(p: Paragraph) -> str:
    ppr = f'<w:pStyle w:val="{p.style}"/>'
    if p.space_before_line:
        ppr += f'<w:spacing w:before="{LAYOUT.line_pitch}"/>'
    if p.first_line_chars is not None:  # the schema orders w:ind before w:jc
        ppr += f"<w:ind {_indent_chars(p.first_line_chars)}/>"
    if p.align:
        ppr += f'<w:jc w:val="{_JC[p.align]}"/>'
    parts = [f"<w:p><w:pPr>{ppr}</w:pPr>"]
    parts.extend(f'<w:commentRangeStart w:id="{i}"/>' for i in p.comment_starts)
    if p.lines:
        font = p.runs[0].font
        head = f"<w:r><w:rPr>{rfonts(font)}{_LANG}</w:rPr>"
        for i, line in enumerate(p.lines):
            br = "<w:br/>" if i else ""
            parts.append(f'{head}{br}<w:t xml:space="preserve">{esc(line)}</w:t></w:r>')
    else:
        parts.extend(run_xml(r) for r in p.runs if r.text)
    for i in p.comment_ends:
        parts.append(f'<w:commentRangeEnd w:id="{i}"/><w:r><w:commentReference w:id="{i}"/></w:r>')
    parts.append("</w:p>")
    return "".join(parts)


_JC = {"left": "left", "right": "right", "center": "center"}


def sect_pr(layout: PageLayout = LAYOUT) -> str:
    return (
        '<w:sectPr><w:footerReference w:type="default" r:id="rIdFtrOdd"/>'
        '<w:footerReference w:type="even" r:id="rIdFtrEven"/>'
        f'<w:pgSz w:w="{layout.width}" w:h="{layout.height}"/>'
        f'<w:pgMar w:top="{layout.top}" w:right="{layout.right}" w:bottom="{layout.bottom}"'
        f' w:left="{layout.left}" w:header="{layout.header}" w:footer="{layout.footer}"'
        ' w:gutter="0"/>'
        '<w:pgNumType w:fmt="decimal" w:start="1"/><w:cols w:space="425"/>'
        f'<w:docGrid w:type="linesAndChars" w:linePitch="{layout.line_pitch}"'
        f' w:charSpace="{layout.char_space}"/></w:sectPr>'
    )


def document_xml(paragraphs: Iterable[Paragraph]) -> bytes:
    body = "".join(paragraph_xml(p) for p in paragraphs)
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>{body}{sect_pr()}'
        "</w:body></w:document>"
    ).encode()


# ---------------------------------------------------------------------------------------
# fixed parts, built once per font configuration
# ---------------------------------------------------------------------------------------
HEADING_LEVELS = (1, 2, 3, 4)


def _rpr(font: RoleFont, layout: PageLayout = LAYOUT) -> str:
    bold = "<w:b/><w:bCs/>" if font.bold else '<w:b w:val="0"/><w:bCs w:val="0"/>'
    condense = layout.condense if font.half_points * 10 == layout.body_size_twips else 0
    return (
        f'<w:rPr>{rfonts(font)}{bold}<w:spacing w:val="{condense}"/><w:kern w:val="0"/>'
        f'<w:sz w:val="{font.half_points}"/><w:szCs w:val="{font.half_points}"/>{_LANG}</w:rPr>'
    )


def _indent_chars(n: int, layout: PageLayout = LAYOUT) -> str:
    return f'w:firstLine="{n * layout.char_pitch}"'


def styles_xml(fonts: FontConfig, layout: PageLayout = LAYOUT) -> bytes:
    body = fonts.role("body")
    title = fonts.role("title")
    sign = fonts.role("signoff")
    pn = fonts.role("page_number")
    exact = f'<w:spacing w:before="0" w:after="0" w:line="{layout.line_pitch}" w:lineRule="exact"/>'
    two = layout.char_pitch * 2
    s: list[str] = [
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
        f'<w:styles xmlns:w="{W_NS}" xmlns:r="{R_NS}">',
        "<w:docDefaults><w:rPrDefault>",
        _rpr(body),
        "</w:rPrDefault><w:pPrDefault><w:pPr>",
        '<w:widowControl w:val="0"/>',
        exact,
        '<w:jc w:val="both"/>',
        "</w:pPr></w:pPrDefault></w:docDefaults>",
        # Normal: body text, 3号 仿宋, first line indented two characters, exact 28.95 pt
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
        '<w:qFormat/><w:pPr><w:widowControl w:val="0"/><w:snapToGrid w:val="0"/>'
        f'{exact}<w:ind {_indent_chars(2, layout)}/><w:jc w:val="both"/></w:pPr>'
        f"{_rpr(body)}</w:style>",
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/>'
        "<w:unhideWhenUsed/></w:style>",
        # Title: 2号 方正小标宋简体, centred, no indent, one blank line below
        '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/>'
        '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="10"/><w:qFormat/>'
        "<w:pPr><w:keepNext/>"
        f'<w:spacing w:before="0" w:after="{layout.line_pitch}"'
        f' w:line="{layout.line_pitch}" w:lineRule="exact"/>'
        '<w:ind w:firstLine="0"/><w:jc w:val="center"/><w:outlineLvl w:val="9"/></w:pPr>'
        f"{_rpr(title)}</w:style>",
    ]
    for level in HEADING_LEVELS:
        font = fonts.role(f"heading{level}")
        s.append(
            f'<w:style w:type="paragraph" w:styleId="Heading{level}">'
            f'<w:name w:val="heading {level}"/><w:basedOn w:val="Normal"/>'
            f'<w:next w:val="Normal"/><w:link w:val="Heading{level}Char"/>'
            '<w:uiPriority w:val="9"/><w:qFormat/>'
            f"<w:pPr><w:keepNext/>{exact}<w:ind {_indent_chars(2, layout)}/>"
            f'<w:outlineLvl w:val="{level - 1}"/></w:pPr>{_rpr(font)}</w:style>'
            f'<w:style w:type="character" w:customStyle="1" w:styleId="Heading{level}Char">'
            f'<w:name w:val="Heading {level} Char"/><w:basedOn w:val="DefaultParagraphFont"/>'
            f'<w:link w:val="Heading{level}"/><w:uiPriority w:val="9"/>{_rpr(font)}</w:style>'
        )
    right = f'<w:ind w:firstLine="0" w:right="{two}"/>'
    # the sign-off block stays on one page: every line but the date keeps with the next
    for sid, name, keep in (("Signature", "Signature", True), ("Date", "Date", False)):
        s.append(
            f'<w:style w:type="paragraph" w:styleId="{sid}"><w:name w:val="{name}"/>'
            '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/>'
            f'<w:pPr>{"<w:keepNext/>" if keep else ""}{right}<w:jc w:val="right"/></w:pPr>'
            f"{_rpr(sign)}</w:style>"
        )
    # a letter's salutation (敬爱的党组织：) and closing lines (此致 / 敬礼！): flush left, no
    # indent; a closing line's own indent is set on the paragraph from the genre's layout;
    # both keep with the next paragraph (此致 / 敬礼！ never apart from the signature)
    for sid, name in (("Salutation", "Salutation"), ("Closing", "Closing")):
        s.append(
            f'<w:style w:type="paragraph" w:styleId="{sid}"><w:name w:val="{name}"/>'
            '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/>'
            '<w:pPr><w:keepNext/><w:ind w:firstLine="0"/><w:jc w:val="left"/></w:pPr>'
            f"{_rpr(body)}</w:style>"
        )
    s.append(
        '<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/>'
        '<w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
        '<w:pPr><w:snapToGrid w:val="0"/>'
        '<w:spacing w:before="0" w:after="0" w:line="280" w:lineRule="exact"/>'
        f'<w:ind w:firstLine="0"/></w:pPr>{_rpr(pn)}</w:style>'
    )
    s.append("</w:styles>")
    return "".join(s).encode("utf-8")


def footer_xml(fonts: FontConfig, *, odd: bool, layout: PageLayout = LAYOUT) -> bytes:
    """ "— 1 —" in 4号 宋体: odd pages right, even pages left, one character in."""
    pn = fonts.role("page_number")
    one = pn.half_points * 10  # one 4号 character in twips
    if odd:
        ppr = f'<w:ind w:right="{one}"/><w:jc w:val="right"/>'
    else:
        ppr = f'<w:ind w:left="{one}"/><w:jc w:val="left"/>'
    rpr_dash = f"<w:rPr>{rfonts(pn, hint_east_asia=True)}{_LANG}</w:rPr>"
    rpr = f"<w:rPr>{rfonts(pn)}{_LANG}</w:rPr>"
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:ftr xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:p><w:pPr><w:pStyle w:val="Footer"/>{ppr}'
        f'</w:pPr><w:r>{rpr_dash}<w:t xml:space="preserve">— </w:t></w:r>'
        f'<w:r>{rpr}<w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r>{rpr}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        f'<w:r>{rpr}<w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r>{rpr}<w:t>1</w:t></w:r>"
        f'<w:r>{rpr}<w:fldChar w:fldCharType="end"/></w:r>'
        f'<w:r>{rpr_dash}<w:t xml:space="preserve"> —</w:t></w:r></w:p></w:ftr>'
    ).encode()
