"""What the fonts embedded in an exported PDF really draw, for the face tests.

``pdffonts`` names a face by the font program's own name, and that name cannot tell the
Simplified Chinese face of Noto CJK from the Japanese one: the .ttc files hold one CFF
table (named ``NotoSerifCJKjp-Bold`` …) shared by the JP, KR, SC, TC and HK faces, which
differ only in their cmaps (and ``locl`` substitutions). So a LibreOffice PDF set in
Noto Serif CJK SC shows ``NotoSerifCJKjp-Bold-VKana`` in pdffonts. What tells the faces
apart is the glyph drawn for each character: LibreOffice embeds Noto CJK as Type 1
subsets whose glyph names are the CFF's (``cid10215``), and the ToUnicode map gives the
character of each code, so each character's glyph can be compared with the one the SC
face's cmap gives it.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from fontTools.ttLib import TTFont
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

# the CFF name LibreOffice embeds: family, region of the shared CFF, weight (FD suffix after)
NOTO_CJK = re.compile(r"^(NotoS(?:erif|ans)(?:Mono)?CJK)(jp|kr|sc|tc|hk)-([A-Za-z]+)")
NOTO_FAMILY = {"NotoSerifCJK": "Noto Serif CJK", "NotoSansCJK": "Noto Sans CJK"}
NOTO_FAMILY["NotoSansMonoCJK"] = "Noto Sans Mono CJK"


@dataclass
class EmbeddedFace:
    """One embedded font: its name (subset tag dropped), the characters it draws (from
    ToUnicode) and, for Type 1 programs, code → (glyph name, text)."""

    name: str
    subtype: str
    text: set[str] = field(default_factory=set)
    glyphs: dict[int, tuple[str, str]] = field(default_factory=dict)


def base_name(name: str) -> str:
    """``/ABCDEF+FandolFang-Regular`` → ``FandolFang-Regular``."""
    return name.lstrip("/").split("+", 1)[-1]


def pdffonts_names(pdf: Path) -> list[str]:
    """Embedded font names (subset tag dropped) as poppler's pdffonts lists them."""
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
    rows = out.stdout.splitlines()[2:]
    for row in rows:
        assert row.split()[-5] == "yes", f"not embedded: {row}"
    return [base_name(row.split()[0]) for row in rows]


def _to_unicode(font: DictionaryObject) -> dict[int, str]:
    """Code → text from the font's ToUnicode CMap (bfchar and bfrange entries)."""
    if "/ToUnicode" not in font:
        return {}
    cmap = font["/ToUnicode"].get_object().get_data().decode("latin-1")
    out: dict[int, str] = {}

    def text(hexstr: str) -> str:
        return bytes.fromhex(hexstr).decode("utf-16-be")

    for block in re.findall(r"beginbfchar(.*?)endbfchar", cmap, re.S):
        for code, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            out[int(code, 16)] = text(dst)
    for block in re.findall(r"beginbfrange(.*?)endbfrange", cmap, re.S):
        for lo, hi, dst in re.findall(
            r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block
        ):
            start = int(dst, 16)
            for i, code in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                out[code] = chr(start + i)
    return out


def _type1_encoding(font: DictionaryObject) -> dict[int, str]:
    """Code → glyph name from an embedded Type 1 program's built-in encoding."""
    desc = font["/FontDescriptor"].get_object()
    assert "/FontFile" in desc, f"{font['/BaseFont']}: no Type 1 program (FontFile)"
    program = desc["/FontFile"].get_object()
    clear = program.get_data()[: int(program["/Length1"])].decode("latin-1")
    return {int(code): name for code, name in re.findall(r"dup (\d+) /(\S+) put", clear)}


def embedded_faces(pdf: Path) -> dict[str, EmbeddedFace]:
    """Every font of every page, by the object it is stored in."""
    faces: dict[str, EmbeddedFace] = {}
    for page in PdfReader(pdf).pages:
        resources = page.get("/Resources")
        fonts = resources.get_object().get("/Font") if resources else None
        for ref in (fonts.get_object() if fonts else {}).values():
            key = f"{ref.idnum}" if hasattr(ref, "idnum") else str(id(ref))
            if key in faces:
                continue
            font = ref.get_object()
            face = EmbeddedFace(base_name(str(font["/BaseFont"])), str(font["/Subtype"]))
            to_unicode = _to_unicode(font)
            face.text = {ch for text in to_unicode.values() for ch in text}
            if face.subtype == "/Type1":
                encoding = _type1_encoding(font)
                for code, text in to_unicode.items():
                    face.glyphs[code] = (encoding.get(code, ".notdef"), text)
            faces[key] = face
    return faces


@lru_cache(maxsize=8)
def sc_cmap(family: str, weight: str) -> dict[int, str]:
    """The cmap of the installed Simplified Chinese face, e.g. Noto Serif CJK SC Bold."""
    out = subprocess.run(
        ["fc-match", "-f", "%{family}|%{file}|%{index}", f"{family} SC:style={weight}"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    families, path, index = out.split("|")
    assert f"{family} SC" in families.split(","), f"{family} SC is not installed: {out}"
    return TTFont(path, fontNumber=int(index), lazy=True).getBestCmap()


def non_sc_glyphs(face: EmbeddedFace) -> list[str]:
    """Characters a Noto CJK subset draws with a glyph other than the SC face's.

    Codes that stand for several characters (a ligature such as "——" drawn as one long
    dash) have no single cmap glyph to compare with and are left out.
    """
    match = NOTO_CJK.match(face.name)
    assert match, face.name
    assert face.subtype == "/Type1" and face.glyphs, f"{face.name}: cannot read its glyphs"
    cmap = sc_cmap(NOTO_FAMILY[match.group(1)], match.group(3))
    wrong = []
    for glyph, text in face.glyphs.values():
        expected = cmap.get(ord(text)) if len(text) == 1 else None
        if len(text) == 1 and _cid(glyph) != _cid(expected or ""):
            wrong.append(f"{text}（{glyph}，SC 为 {expected}）")
    return wrong


def _cid(glyph: str) -> int | None:
    """``cid09694`` (fontTools) and ``cid9694`` (LibreOffice) name the same CID."""
    match = re.fullmatch(r"cid0*(\d+)", glyph)
    return int(match.group(1)) if match else None
