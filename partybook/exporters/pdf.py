"""PDF: LibreOffice (headless) renders the .docx, so the PDF is exactly what Word users get.

Each run uses its own LibreOffice profile directory (parallel exports never share one) and
a fontconfig configuration generated from ``templates/layout/fonts.yaml`` that maps the
official 公文 font names (仿宋_GB2312, 方正小标宋简体 …) to free fonts installed here when
the official ones are missing. CJK fonts are embedded (LibreOffice always embeds subsets);
the exporter says which substitutions were used.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..draft import Draft
from ..errors import ExportError
from ..genre import Genre
from .base import Exporter
from .docx import DocxExporter
from .fonts import FontConfig, load_fonts

SOFFICE_NAMES = ("soffice", "libreoffice")
TIMEOUT_S = 120


def find_soffice() -> str:
    for name in SOFFICE_NAMES:
        found = shutil.which(name)
        if found:
            return found
    raise ExportError(
        "导出 PDF 需要 LibreOffice，但本机没有找到 soffice 命令。"
        "请安装 Debian/Ubuntu 软件包 libreoffice-writer（sudo apt-get install libreoffice-writer），"
        "或先导出 .docx 再用 Word/WPS 另存为 PDF。"
    )


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def fontconfig_xml(fonts: FontConfig, missing: set[str] | None = None) -> str:
    """A fontconfig file: the system configuration plus one strong alias per official font
    name that is not installed (all of them when ``missing`` is None)."""
    rules: list[str] = []
    for name, sub in fonts.substitutes:
        if missing is not None and name not in missing:
            continue
        weight = (
            f'<edit name="weight" mode="assign" binding="strong"><const>{_esc(sub.weight)}</const></edit>'
            if sub.weight
            else ""
        )
        # `family` may list several, best first: fontconfig takes the first installed
        families = "".join(f"<string>{_esc(f)}</string>" for f in families_of(sub.family))
        rules.append(
            f'<match target="pattern"><test qual="any" name="family"><string>{_esc(name)}</string>'
            f'</test><edit name="family" mode="prepend" binding="strong">{families}'
            f"</edit>{weight}</match>"
        )
    return (
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n'
        '<fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
        + "".join(rules)
        + "</fontconfig>\n"
    )


def families_of(family: str) -> list[str]:
    """``"FandolFang, Noto Serif CJK SC"`` → the families, best first."""
    return [f.strip() for f in family.split(",") if f.strip()]


def installed_families() -> set[str]:
    """Font family names fontconfig knows (every localised name), or an empty set."""
    try:
        out = subprocess.run(
            ["fc-list", "--format", "%{family}\n"], capture_output=True, text=True, timeout=30
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return set()
    return {name.strip() for line in out.splitlines() for name in line.split(",") if name.strip()}


def substitutions(fonts: FontConfig, installed: set[str]) -> dict[str, str]:
    """Official font name used by the document → the free font it is rendered with."""
    wanted = set(fonts.east_asia_names()) | {fonts.latin}
    subs = dict(fonts.substitutes)
    out: dict[str, str] = {}
    for name in fonts.east_asia_names() + [fonts.latin]:
        if name in wanted and name not in installed and name in subs:
            sub = subs[name]
            options = families_of(sub.family)
            family = next((f for f in options if f in installed), None)
            if family is None:  # say so rather than name a font that is not there
                out[name] = f"系统默认字体（本机没有 {'、'.join(options)}）"
            else:
                out[name] = family + ("（粗体）" if sub.weight == "bold" else "")
    return out


def substitution_notice(subs: dict[str, str]) -> str:
    table = "；".join(f"{k} → {v}" for k, v in subs.items())
    return f"本机未安装公文字体，PDF 中已用开源字体替代：{table}。"


def run_libreoffice(
    soffice: str,
    sources: list[Path],
    outdir: Path,
    work: Path,
    fonts: FontConfig,
    missing: set[str],
    timeout: float = TIMEOUT_S,
) -> subprocess.CompletedProcess[str]:
    """Convert ``sources`` (.docx) to PDF into ``outdir`` with one LibreOffice run.

    ``work`` holds this run's own profile and fontconfig file (aliases for the official
    font names in ``missing``), so parallel runs never share a profile. Raises
    ``subprocess.TimeoutExpired`` and ``OSError`` for the caller to word.
    """
    conf = work / "fonts.conf"
    conf.write_text(fontconfig_xml(fonts, missing), encoding="utf-8")
    env = dict(os.environ, FONTCONFIG_FILE=str(conf), HOME=str(work))
    cmd = [
        soffice,
        "--headless",
        "--norestore",
        "--nologo",
        "--nolockcheck",
        f"-env:UserInstallation={(work / 'profile').as_uri()}",
        "--convert-to",
        "pdf:writer_pdf_Export",
        "--outdir",
        str(outdir),
        *[str(src) for src in sources],
    ]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env, cwd=work)


class PdfExporter(Exporter):
    format = "pdf"
    extension = ".pdf"
    label = "PDF"
    mimetype = "application/pdf"

    def __init__(self, fonts: FontConfig | None = None) -> None:
        super().__init__()
        self.fonts = fonts or load_fonts()

    def to_bytes(self, draft: Draft, genre: Genre) -> bytes:
        soffice = find_soffice()
        docx = DocxExporter(self.fonts)
        data = docx.to_bytes(draft, genre)
        self.notices.extend(docx.notices)
        return self.convert(data, soffice)

    def convert(self, docx_bytes: bytes, soffice: str | None = None) -> bytes:
        soffice = soffice or find_soffice()
        installed = installed_families()
        subs = substitutions(self.fonts, installed)
        with tempfile.TemporaryDirectory(prefix="partybook-pdf-") as tmp:
            work = Path(tmp)
            src = work / "draft.docx"
            src.write_bytes(docx_bytes)
            try:
                proc = run_libreoffice(soffice, [src], work, work, self.fonts, set(subs))
            except subprocess.TimeoutExpired:
                raise ExportError(
                    f"LibreOffice 在 {TIMEOUT_S} 秒内没有完成 PDF 转换。请稍后重试，"
                    "或先导出 .docx 再用 Word/WPS 另存为 PDF。"
                ) from None
            except OSError as err:
                raise ExportError(soffice_failed(soffice, err)) from None
            out = work / "draft.pdf"
            if not out.exists():
                detail = (proc.stderr or proc.stdout or "").strip().splitlines()[-1:] or [""]
                raise ExportError(
                    f"LibreOffice 没有生成 PDF（退出码 {proc.returncode}）：{detail[0]}。"
                    "请先导出 .docx 检查，或稍后重试。"
                )
            pdf = out.read_bytes()
        if subs:
            self.notices.append(substitution_notice(subs))
        return pdf


def soffice_failed(soffice: str, err: OSError) -> str:
    """The one wording of a LibreOffice that would not start (the PDF export, the class's
    batch export)."""
    return f"无法启动 LibreOffice（{soffice}）：{err}。请确认 LibreOffice 已正确安装（libreoffice-writer）。"
