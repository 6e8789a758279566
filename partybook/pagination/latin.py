"""The widths of Latin letters and digits as LibreOffice will set them on this machine.

The .docx asks for Times New Roman; LibreOffice draws it with whatever fontconfig gives
for that name through the PDF exporter's substitutes (Liberation Serif, metric-compatible,
when installed; otherwise a fallback such as DejaVu Serif, whose digits are wider). The
font's advance widths are read once per process with fontTools; without fontTools or
fontconfig the model keeps half-width Latin (Times New Roman's digits).
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from . import latin_half


def font_widths(path: str) -> dict[str, float] | None:
    """Advance widths (ems) of a font file's characters below U+2000, or None."""
    try:
        from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

        font = TTFont(path, fontNumber=0, lazy=True)
        upm = font["head"].unitsPerEm
        hmtx = font["hmtx"]
        return {chr(cp): hmtx[g][0] / upm for cp, g in font.getBestCmap().items() if cp < 0x2000}
    except Exception:  # no fontTools, or a font it cannot read: the half-width default
        return None


def substitute_font_file() -> str:
    """The file fontconfig gives LibreOffice for the body's Latin font ('' if unknown)."""
    from ..exporters.fonts import load_fonts
    from ..exporters.pdf import fontconfig_xml, installed_families, substitutions

    fonts = load_fonts()
    with tempfile.TemporaryDirectory(prefix="partybook-fc-") as tmp:
        conf = Path(tmp) / "fonts.conf"
        missing = set(substitutions(fonts, installed_families()))
        conf.write_text(fontconfig_xml(fonts, missing), encoding="utf-8")
        try:
            return subprocess.run(
                ["fc-match", "-f", "%{file}", fonts.latin],
                capture_output=True,
                text=True,
                timeout=30,
                env=dict(os.environ, FONTCONFIG_FILE=str(conf)),
            ).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            return ""


@lru_cache(maxsize=1)
def installed_latin() -> Callable[[str], float]:
    """Latin widths of the font LibreOffice uses here (cached for the process)."""
    path = substitute_font_file()
    widths = font_widths(path) if path else None
    if not widths:
        return latin_half

    def width(c: str) -> float:
        return widths.get(c, 0.5)

    return width
