"""The package around the document: the fixed parts of a .docx (settings, font table,
content types, relationships, theme, app properties), ``core.xml``, extra parts such as
comments, and the zip.

The parts that never change for a font configuration are built once (:func:`template`);
:func:`package` adds ``word/document.xml``, ``docProps/core.xml`` and any extra parts.
Part of the low-level OOXML layer (:mod:`partybook.exporters.ooxml` builds the document
and style markup).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from .fonts import FontConfig, RoleFont
from .ooxml import R_NS, W_NS, esc, footer_xml, styles_xml

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
