"""PDF faces closer to the printed document: body text (仿宋_GB2312) is set in FandolFang,
a 仿宋 design, and level-2 headings (楷体_GB2312) in FandolKai, both embedded; when a Fandol
face is missing, the next family of the alias (Noto Serif CJK SC, AR PL UKai CN) is used.
./test installs the two faces (tools/install-fandol.sh)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from partybook.exporters.fonts import load_fonts
from partybook.exporters.pdf import PdfExporter, fontconfig_xml, substitutions

pytestmark = pytest.mark.slow


def _fonts(pdf: Path) -> dict[str, str]:
    """Base font name (subset prefix dropped) → whether embedded, from pdffonts."""
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
    fonts = {}
    for row in out.stdout.splitlines()[2:]:
        cols = row.split()
        fonts[cols[0].split("+", 1)[-1]] = cols[-5]
    return fonts


def test_fangsong_and_kaiti_text_is_set_in_fandol_faces(example_draft, tmp_path: Path) -> None:
    exporter = PdfExporter()
    pdf = tmp_path / "范例.pdf"
    pdf.write_bytes(exporter.export(example_draft))
    fonts = _fonts(pdf)
    assert fonts.get("FandolFang-Regular") == "yes", fonts
    assert fonts.get("FandolKai-Regular") == "yes", fonts
    assert not any("UKai" in name for name in fonts), fonts  # FandolKai took the 楷体 runs
    notice = " ".join(exporter.notices)
    assert "仿宋_GB2312 → FandolFang" in notice and "楷体_GB2312 → FandolKai" in notice


def test_alias_lists_every_family_best_first() -> None:
    fonts = load_fonts()
    xml = fontconfig_xml(fonts, {"仿宋_GB2312"})
    assert "<string>FandolFang</string><string>Noto Serif CJK SC</string>" in xml
    # without Fandol installed, the notice names the fallback actually used
    assert substitutions(fonts, {"Noto Serif CJK SC"})["仿宋_GB2312"] == "Noto Serif CJK SC"
