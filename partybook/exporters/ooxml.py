"""The low-level OOXML layer of the .docx exporter: every WordprocessingML detail lives here.

The high-level :mod:`partybook.exporters.docx` speaks in paragraphs, runs and named styles;
this module turns those into package parts. The fixed parts (styles, settings, footers,
font table, content types, relationships) are built once per process and font
configuration and reused; only ``word/document.xml`` and ``docProps/core.xml`` are written
per draft, as strings, then zipped — about 10× faster than building the tree with
python-docx, and with full control of the markup (no theme fonts, explicit East Asian
fonts on every run).

Layout numbers follow GB/T 9704-2012 (党政机关公文格式); see docs/EXPORT.md.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

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


SETTINGS_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<w:settings xmlns:w="{W_NS}" xmlns:r="{R_NS}">'
    '<w:zoom w:percent="100"/><w:defaultTabStop w:val="420"/><w:evenAndOddHeaders/>'
    '<w:drawingGridVerticalSpacing w:val="579"/>'
    '<w:characterSpacingControl w:val="compressPunctuation"/>'
    "<w:compat><w:spaceForUL/>"
    "<w:doNotLeaveBackslashAlone/><w:ulTrailSpace/><w:doNotExpandShiftReturn/>"
    "<w:adjustLineHeightInTable/><w:useFELayout/>"
    '<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word"'
    ' w:val="15"/></w:compat>'
    '<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>'
    '<w:decimalSymbol w:val="."/><w:listSeparator w:val=","/></w:settings>'
).encode()


def font_table_xml(names: Iterable[str]) -> bytes:
    fonts = []
    for name in names:
        latin = all(ord(c) < 128 for c in name)
        charset = "00" if latin else "86"  # 86 = GB2312
        family = "roman" if latin else "modern"
        fonts.append(
            f'<w:font w:name="{esc(name)}"><w:charset w:val="{charset}"/>'
            f'<w:family w:val="{family}"/><w:pitch w:val="{"variable" if latin else "fixed"}"/>'
            "</w:font>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:fonts xmlns:w="{W_NS}" xmlns:r="{R_NS}">{"".join(fonts)}</w:fonts>'
    ).encode()


CONTENT_TYPES_XML = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    b'<Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    b'<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
    b'<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>'
    b'<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>'
    b'<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>'
    b'<Override PartName="/word/footer2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>'
    b'<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    b'<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
    b'<Override PartName="/word/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>'
    b"</Types>"
)

PACKAGE_RELS_XML = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
    b'<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
    b'<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>'
    b"</Relationships>"
)

_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
DOCUMENT_RELS_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rIdStyles" Type="{_REL}/styles" Target="styles.xml"/>'
    f'<Relationship Id="rIdSettings" Type="{_REL}/settings" Target="settings.xml"/>'
    f'<Relationship Id="rIdFonts" Type="{_REL}/fontTable" Target="fontTable.xml"/>'
    f'<Relationship Id="rIdFtrOdd" Type="{_REL}/footer" Target="footer1.xml"/>'
    f'<Relationship Id="rIdFtrEven" Type="{_REL}/footer" Target="footer2.xml"/>'
    f'<Relationship Id="rIdTheme" Type="{_REL}/theme" Target="theme/theme1.xml"/>'
    "</Relationships>"
).encode()


@dataclass(frozen=True, slots=True)
class ExtraPart:
    """A per-document part beyond the template's (e.g. word/comments.xml): its bytes, its
    content type and the relationship from word/document.xml that points at it."""

    name: str  # "word/comments.xml"
    data: bytes
    content_type: str
    rel_type: str  # the last segment of the relationship type URI ("comments")
    rel_id: str


def _with_extras(tpl_part: bytes, closing: bytes, additions: Iterable[str]) -> bytes:
    """``tpl_part`` with ``additions`` inserted before its closing tag."""
    extra = "".join(additions).encode()
    return tpl_part.replace(closing, extra + closing) if extra else tpl_part


# Word expects a theme part (openxml-audit reports its absence); the documents set every
# font explicitly, so the theme only names the same faces for completeness
_SOLID = '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>'
_LINE = f'<a:ln w="6350">{_SOLID}</a:ln>'
_COLOURS = (
    ("dk2", "44546A"), ("lt2", "E7E6E6"), ("accent1", "4472C4"), ("accent2", "ED7D31"),
    ("accent3", "A5A5A5"), ("accent4", "FFC000"), ("accent5", "5B9BD5"),
    ("accent6", "70AD47"), ("hlink", "0563C1"), ("folHlink", "954F72"),
)  # fmt: skip


def theme_xml(fonts: FontConfig) -> bytes:
    major, minor = fonts.role("heading1"), fonts.role("body")
    colours = "".join(f'<a:{k}><a:srgbClr val="{v}"/></a:{k}>' for k, v in _COLOURS)

    def font(f: RoleFont) -> str:
        return (
            f'<a:latin typeface="{esc(f.latin)}"/><a:ea typeface="{esc(f.east_asia)}"/>'
            '<a:cs typeface=""/>'
        )

    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
        ' name="partybook"><a:themeElements><a:clrScheme name="partybook">'
        '<a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1>'
        '<a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1>'
        f'{colours}</a:clrScheme><a:fontScheme name="partybook">'
        f"<a:majorFont>{font(major)}</a:majorFont><a:minorFont>{font(minor)}</a:minorFont>"
        '</a:fontScheme><a:fmtScheme name="partybook">'
        f"<a:fillStyleLst>{_SOLID * 3}</a:fillStyleLst>"
        f"<a:lnStyleLst>{_LINE * 3}</a:lnStyleLst>"
        f"<a:effectStyleLst>{'<a:effectStyle><a:effectLst/></a:effectStyle>' * 3}"
        f"</a:effectStyleLst><a:bgFillStyleLst>{_SOLID * 3}</a:bgFillStyleLst>"
        "</a:fmtScheme></a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>"
    ).encode()


APP_XML = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    b"<Application>partybook</Application><DocSecurity>0</DocSecurity></Properties>"
)

_W3CDTF = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})")


def core_xml(title: str, creator: str, created: str = "", modified: str = "") -> bytes:
    dates = ""
    for tag, value in (("created", created), ("modified", modified)):
        if _W3CDTF.fullmatch(value or ""):
            dates += f'<dcterms:{tag} xsi:type="dcterms:W3CDTF">{value}</dcterms:{tag}>'
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"'
        ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{esc(title)}</dc:title><dc:creator>{esc(creator)}</dc:creator>"
        f"<dc:language>zh-CN</dc:language>{dates}</cp:coreProperties>"
    ).encode()


@dataclass(frozen=True, slots=True)
class Template:
    """The parts every exported .docx shares (built once per font configuration)."""

    parts: tuple[tuple[str, bytes], ...]


@lru_cache(maxsize=4)
def template(fonts: FontConfig) -> Template:
    return Template(
        (
            ("[Content_Types].xml", CONTENT_TYPES_XML),
            ("_rels/.rels", PACKAGE_RELS_XML),
            ("word/_rels/document.xml.rels", DOCUMENT_RELS_XML),
            ("word/styles.xml", styles_xml(fonts)),
            ("word/settings.xml", SETTINGS_XML),
            ("word/fontTable.xml", font_table_xml(fonts.east_asia_names())),
            ("word/footer1.xml", footer_xml(fonts, odd=True)),
            ("word/footer2.xml", footer_xml(fonts, odd=False)),
            ("word/theme/theme1.xml", theme_xml(fonts)),
            ("docProps/app.xml", APP_XML),
        )
    )


_EPOCH = (1980, 1, 1, 0, 0, 0)


def package(tpl: Template, document: bytes, core: bytes, extras: Sequence[ExtraPart] = ()) -> bytes:
    """The .docx bytes: the template's parts plus this draft's document and properties
    (and ``extras``, e.g. its comments, listed in the content types and relationships)."""
    head = list(tpl.parts[:3])
    if extras:
        types, _, doc_rels = (data for _, data in head)
        head = [
            (head[0][0], _with_extras(types, b"</Types>", (
                f'<Override PartName="/{x.name}" ContentType="{x.content_type}"/>' for x in extras
            ))),
            head[1],
            (head[2][0], _with_extras(doc_rels, b"</Relationships>", (
                f'<Relationship Id="{x.rel_id}" Type="{_REL}/{x.rel_type}"'
                f' Target="{x.name.removeprefix("word/")}"/>'
                for x in extras
            ))),
        ]  # fmt: skip
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in (
            *head,
            ("word/document.xml", document),
            *tpl.parts[3:],
            *((x.name, x.data) for x in extras),
            ("docProps/core.xml", core),
        ):
            info = zipfile.ZipInfo(name, _EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data, compresslevel=1)
    return buf.getvalue()
