"""PDF through LibreOffice: page count, 28 characters a line, embedded CJK fonts, page 1 as PNG.

LibreOffice and poppler-utils are required (./test installs them); these tests never skip.
"""

from __future__ import annotations

import math
import shutil
import subprocess
from pathlib import Path

import pytest

from partybook.assembly import blocks
from partybook.draft import Draft
from partybook.errors import ExportError
from partybook.exporters import get_exporter
from partybook.exporters.fonts import load_fonts
from partybook.exporters.pdf import PdfExporter, find_soffice, fontconfig_xml
from partybook.genre import Genre


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> tuple[Path, list[str]]:
    from partybook.genre import load_genre

    genre = load_genre("dangxing-fenxi")
    draft = genre.example_draft()
    exporter = get_exporter("pdf")
    pdf = tmp_path_factory.mktemp("pdf") / "example.pdf"
    pdf.write_bytes(exporter.export(draft))
    return pdf, list(exporter.notices)


def _expected_lines(draft: Draft, genre: Genre) -> int:
    lines = 0
    for b in blocks(draft, genre):
        if b.role == "title":
            lines += 2  # the title and the blank line below it
        elif b.role in ("signoff", "date"):
            lines += 1
        else:
            lines += math.ceil((len(b.plain) + 2) / 28)
    return lines + 1  # blank line above the sign-off


def test_page_count_matches_22_lines_a_page(rendered, example_draft: Draft, genre: Genre) -> None:
    pdf, _ = rendered
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    expected = math.ceil(_expected_lines(example_draft, genre) / 22)
    assert expected - 1 <= pages <= expected + 1
    size = next(line for line in info.splitlines() if line.startswith("Page size:"))
    w, h = (float(x) for x in size.split()[2:5:2])
    assert abs(w - 595.3) < 1.5 and abs(h - 841.9) < 1.5  # A4 in points


def test_28_characters_a_line_and_page_numbers(rendered) -> None:
    pdf, _ = rendered
    text = subprocess.run(
        ["pdftotext", "-layout", "-f", "1", "-l", "2", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    page1, page2 = text.split("\f")[:2]
    body = [line.strip() for line in page1.splitlines() if line.strip()]

    # full body lines of CJK text hold 28 characters (digits count half), as the grid says
    def width(s: str) -> float:
        return sum(1 if ord(c) > 0x2E80 else 0.5 for c in s.replace(" ", ""))

    full = [line for line in body if width(line) >= 25]
    assert full, page1
    assert max(width(line) for line in full) <= 28.5
    assert sum(1 for line in full if width(line) >= 27) >= 5
    assert "— 1 —" in page1.replace("\u2014", "—")
    assert "— 2 —" in page2


def test_all_fonts_embedded_and_cjk_present(rendered) -> None:
    pdf, notices = rendered
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = out.splitlines()[2:]
    assert rows
    names = []
    for row in rows:
        cols = row.split()
        # name type… encoding emb sub uni id gen: emb is 5th from the end
        assert cols[-5] == "yes", row
        names.append(cols[0])
    cjk = [n for n in names if "CJK" in n or "Kai" in n or "Ming" in n]
    assert cjk, names
    # title in a bold serif, level-1 headings in a sans (黑体), level-2 in a Kai face
    assert any("Serif" in n and "Bold" in n for n in names), names
    assert any("Sans" in n for n in names), names
    assert any("Kai" in n for n in names), names
    # and the user is told which free fonts stood in for the official ones
    assert any("仿宋_GB2312 →" in n and "方正小标宋简体 →" in n for n in notices), notices


def test_page_one_png_artifact(rendered, artifacts_dir: Path) -> None:
    pdf, _ = rendered
    stem = artifacts_dir / "export-page1"
    subprocess.run(
        ["pdftoppm", "-r", "80", "-f", "1", "-l", "1", "-png", "-singlefile", str(pdf), str(stem)],
        check=True,
    )
    png = stem.with_suffix(".png")
    assert png.exists() and png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert png.stat().st_size > 20_000  # a page of text, not a blank


def test_missing_libreoffice_is_a_clear_chinese_error(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    assert shutil.which("soffice") is None
    with pytest.raises(ExportError) as err:
        find_soffice()
    assert "libreoffice-writer" in str(err.value) and "LibreOffice" in str(err.value)
    with pytest.raises(ExportError):
        PdfExporter().export(Draft())


def test_fontconfig_aliases_official_names() -> None:
    xml = fontconfig_xml(load_fonts())
    assert "/etc/fonts/fonts.conf" in xml
    for name in ("仿宋_GB2312", "方正小标宋简体", "楷体_GB2312", "黑体", "宋体"):
        assert f"<string>{name}</string>" in xml
    # only the missing ones when asked
    assert "黑体" not in fontconfig_xml(load_fonts(), {"仿宋_GB2312"})
