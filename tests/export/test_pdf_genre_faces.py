"""Every genre's worked examples, exported to PDF, are set in the faces fonts.yaml names.

A Chinese official document must not show Japanese, Korean or Traditional glyph forms, and
Latin letters and digits must be Times New Roman's stand-in (Liberation Serif), never
fontconfig's last resort (DejaVu Serif). ``pdffonts`` gives the names; for Noto CJK the
name is the CFF table shared by all regional faces of the .ttc (``NotoSerifCJKjp-Bold``
even for the SC face), so there the glyph drawn for each character is compared with the
SC face's (tests/export/pdf_glyphs.py). The Fandol faces come from tools/install-fandol.sh
and Liberation Serif from fonts-liberation2 (./test installs both).
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

from partybook.assembly import Block, blocks
from partybook.exporters.docx import DocxExporter
from partybook.exporters.fonts import load_fonts
from partybook.exporters.pdf import (
    PdfExporter,
    find_soffice,
    fontconfig_xml,
    installed_families,
    run_libreoffice,
    substitution_notice,
    substitutions,
)
from partybook.genre import Genre, available_genres, load_genre

from .pdf_glyphs import NOTO_CJK, EmbeddedFace, embedded_faces, non_sc_glyphs, pdffonts_names

pytestmark = pytest.mark.slow

EXAMPLES = [(gid, ex) for gid in available_genres() for ex in load_genre(gid).example_ids]
# regional faces other than Simplified Chinese, by the names their fonts embed under
# (Noto CJK's shared CFF name says "jp" for every region: checked glyph by glyph instead)
NOT_SC = re.compile(r"(JP|KR|TW|HK|TC)(?![a-z])|MBE|Japan|Korea|SourceHan\w*(JP|KR|TC|HK)")


def _han(text: str) -> set[str]:
    return {c for c in text if "\u4e00" <= c <= "\u9fff"}


def _faces(faces: dict[str, EmbeddedFace], pattern: str) -> set[str]:
    """The characters drawn by every embedded face whose name matches ``pattern``."""
    return {c for f in faces.values() if re.search(pattern, f.name) for c in f.text}


def _convert(docx: dict[str, bytes], folder: Path) -> dict[str, Path]:
    """Name → PDF, all in one LibreOffice run with the exporter's own fontconfig aliases
    (what PdfExporter.convert does for one file; one run saves a start-up per file)."""
    fonts = load_fonts()
    missing = set(substitutions(fonts, installed_families()))
    for name, data in docx.items():
        (folder / f"{name}.docx").write_bytes(data)
    sources = [folder / f"{name}.docx" for name in docx]
    proc = run_libreoffice(find_soffice(), sources, folder, folder, fonts, missing, timeout=600)
    pdfs = {name: folder / f"{name}.pdf" for name in docx}
    assert all(p.exists() for p in pdfs.values()), proc.stderr
    return pdfs


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> dict[str, tuple[Path, list[Block]]]:
    """Example id → (PDF, its printed blocks)."""
    printed, docx = {}, {}
    for gid, ex in EXAMPLES:
        genre: Genre = load_genre(gid)
        draft = genre.example_draft(ex)
        docx[f"{gid}-{ex}"] = DocxExporter().to_bytes(draft, genre)
        printed[f"{gid}-{ex}"] = blocks(draft, genre)
    pdfs = _convert(docx, tmp_path_factory.mktemp("genre-pdfs"))
    return {f"{g}/{e}": (pdfs[f"{g}-{e}"], printed[f"{g}-{e}"]) for g, e in EXAMPLES}


@pytest.mark.parametrize("key", [f"{g}/{e}" for g, e in EXAMPLES])
def test_no_foreign_cjk_face_and_no_dejavu(exported, key: str) -> None:
    pdf, _ = exported[key]
    names = pdffonts_names(pdf)
    assert not [n for n in names if "DejaVu" in n], names
    assert not [n for n in names if NOT_SC.search(n) and not NOTO_CJK.match(n)], names
    noto = [f for f in embedded_faces(pdf).values() if NOTO_CJK.match(f.name)]
    assert noto, names  # the title is always a Noto CJK face here
    for face in noto:
        assert non_sc_glyphs(face) == [], f"{face.name} draws non-SC glyph forms"


@pytest.mark.parametrize("key", [f"{g}/{e}" for g, e in EXAMPLES])
def test_each_role_is_set_in_its_face(exported, key: str) -> None:
    pdf, printed = exported[key]
    faces = embedded_faces(pdf)
    names = pdffonts_names(pdf)
    # title (方正小标宋简体) → Noto Serif CJK SC Bold
    title = "".join(b.plain for b in printed if b.role == "title")
    assert _han(title) <= _faces(faces, r"^NotoSerifCJK\w*-Bold"), names
    # level-1 headings (黑体) → Noto Sans CJK SC
    level1 = "".join(b.plain for b in printed if b.role == "heading" and (b.level or 1) == 1)
    assert _han(level1) <= _faces(faces, r"^NotoSansCJK"), names
    # level-2 item headings (楷体_GB2312) → FandolKai
    level2 = "".join(b.number + b.heading for b in printed if b.role == "item" and b.level == 2)
    assert _han(level2) <= _faces(faces, r"^FandolKai-"), names
    # body (仿宋_GB2312) → FandolFang; a character FandolFang lacks falls back to Noto Serif CJK
    body = "".join(b.plain for b in printed if b.role == "paragraph")
    fang = _faces(faces, r"^FandolFang-")
    assert fang and _han(body) <= fang | _faces(faces, r"^NotoSerifCJK\w*-Regular"), names
    # Latin letters and digits (Times New Roman) → Liberation Serif
    latin = {c for b in printed for c in b.plain if c.isascii() and c.isalnum()}
    assert latin and latin <= _faces(faces, r"^LiberationSerif"), names
    # page numbers (宋体) → AR PL UMing CN
    assert {"—", "1"} <= _faces(faces, r"^UMingCN"), names


def test_the_notice_names_the_faces_found_in_the_pdfs() -> None:
    notice = substitution_notice(substitutions(load_fonts(), installed_families()))
    for told in (
        "Times New Roman → Liberation Serif",
        "方正小标宋简体 → Noto Serif CJK SC（粗体）",
    ):
        assert told in notice, notice
    assert "仿宋_GB2312 → FandolFang" in notice and "黑体 → Noto Sans CJK SC" in notice


def _with_language(docx: bytes, lang: str) -> bytes:
    """The same .docx with every East Asian language tag set to ``lang``."""
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as src, zipfile.ZipFile(buf, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename.endswith(".xml"):
                data = data.replace(b'w:eastAsia="zh-CN"', f'w:eastAsia="{lang}"'.encode())
            dst.writestr(info, data)
    return buf.getvalue()


def test_japanese_forms_are_caught_and_come_from_the_language_tag(tmp_path: Path) -> None:
    """The check above can fail: the same draft tagged ja-JP draws Japanese forms in the very
    same SC face (Noto CJK's ``locl`` feature follows the run's language), which is why every
    run, style and the settings of the .docx say w:eastAsia="zh-CN"."""
    genre = load_genre("dangxing-fenxi")
    draft = genre.example_draft()
    draft.sections["title"] = "关于修直骨写过部分问题的分析"  # characters whose JP form differs
    docx = DocxExporter().to_bytes(draft, genre)
    pdfs = _convert({lang: _with_language(docx, lang) for lang in ("zh-CN", "ja-JP")}, tmp_path)
    wrong: dict[str, list[str]] = {}
    for lang, pdf in pdfs.items():
        faces = [f for f in embedded_faces(pdf).values() if NOTO_CJK.match(f.name)]
        wrong[lang] = [g for f in faces for g in non_sc_glyphs(f)]
    assert wrong["zh-CN"] == []
    assert {g[0] for g in wrong["ja-JP"]} >= {"修", "直", "骨", "写", "部"}, wrong


def test_without_liberation_serif_digits_are_noto_not_dejavu(monkeypatch, tmp_path) -> None:
    """A machine without fonts-liberation2 (hidden here from fontconfig): fontconfig's own
    choice for Times New Roman would be DejaVu Serif; the alias's last family takes it."""
    from partybook.exporters import pdf as pdf_module

    with_system = pdf_module.fontconfig_xml
    hide = "<selectfont><rejectfont><glob>*/liberation*</glob></rejectfont></selectfont>"
    monkeypatch.setattr(
        pdf_module,
        "fontconfig_xml",
        lambda fonts, missing=None: with_system(fonts, missing).replace(
            "</fontconfig>", hide + "</fontconfig>"
        ),
    )
    without = installed_families() - {"Liberation Serif", "Tinos"}
    monkeypatch.setattr(pdf_module, "installed_families", lambda: without)
    genre = load_genre("sixiang-huibao")
    exporter = PdfExporter()
    pdf = tmp_path / "无Liberation.pdf"
    pdf.write_bytes(exporter.export(genre.example_draft()))
    names = pdffonts_names(pdf)
    assert not [n for n in names if "DejaVu" in n or "Liberation" in n], names
    digits = _faces(embedded_faces(pdf), r"^NotoSerifCJK\w*-Regular")
    assert set("0123456789") & digits, names
    assert "Times New Roman → Noto Serif CJK SC" in " ".join(exporter.notices)


def test_latin_alias_never_leaves_times_new_roman_to_the_default_serif() -> None:
    fonts = load_fonts()
    xml = fontconfig_xml(fonts, {"Times New Roman"})
    assert (
        "<string>Liberation Serif</string><string>Tinos</string>"
        "<string>Noto Serif CJK SC</string>" in xml
    )
    assert substitutions(fonts, {"Tinos"})["Times New Roman"] == "Tinos"
    # with none of the families installed the notice says so instead of naming one
    told = substitutions(fonts, set())["Times New Roman"]
    assert told.startswith("系统默认字体") and "Liberation Serif" in told
