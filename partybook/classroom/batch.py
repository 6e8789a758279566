"""Batch export: the whole class to one zip of .docx files (and PDFs when LibreOffice is here).

File names come from the students' names (``partybook.filenames.safe_filename``), made
unique inside the zip. A draft that cannot be exported is listed in ``导出说明.txt`` inside
the zip and in the result, never fatal. ``progress(done, total, message)`` is called after
each step; the CLI draws a text bar with it, the dashboard an ``IntProgress``.

PDFs are rendered by one LibreOffice process per chunk of files (starting LibreOffice
costs seconds; converting a file in a running one costs a fraction of that).
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import PartybookError
from .collect import Entry

Progress = Callable[[int, int, str], None]
PDF_CHUNK = 25
NOTE_NAME = "导出说明.txt"


@dataclass
class BatchResult:
    zip_path: Path | None
    data: bytes | None  # the zip's bytes when no path was given
    files: list[str] = field(default_factory=list)  # names inside the zip
    names: dict[str, str] = field(default_factory=dict)  # draft file → .docx name in the zip
    failed: list[tuple[str, str]] = field(default_factory=list)  # (draft file, Chinese reason)
    notices: list[str] = field(default_factory=list)
    pdf: bool = False

    def summary(self) -> str:
        docx = sum(1 for f in self.files if f.endswith(".docx"))
        pdf = sum(1 for f in self.files if f.endswith(".pdf"))
        text = f"已导出 {docx} 份 .docx"
        if self.pdf:
            text += f"、{pdf} 份 PDF"
        if self.failed:
            text += f"；{len(self.failed)} 份未能导出（见 {NOTE_NAME}）"
        return text + "。"


def soffice_available() -> bool:
    return any(shutil.which(n) for n in ("soffice", "libreoffice"))


def unique_names(stems: Sequence[str], suffix: str) -> list[str]:
    """``张三.docx``, ``张三-2.docx`` … in order; names compared case-insensitively."""
    used: set[str] = set()
    out = []
    for stem in stems:
        name = f"{stem}{suffix}"
        n = 2
        while name.casefold() in used:
            name = f"{stem}-{n}{suffix}"
            n += 1
        used.add(name.casefold())
        out.append(name)
    return out


def _pdf_convert(docx_files: dict[str, bytes], notices: list[str]) -> dict[str, bytes | str]:
    """Convert {name.docx: bytes} with one LibreOffice run; name → PDF bytes or error text."""
    from ..exporters.pdf import (
        TIMEOUT_S,
        find_soffice,
        installed_families,
        load_fonts,
        run_libreoffice,
        soffice_failed,
        substitution_notice,
        substitutions,
    )

    soffice = find_soffice()
    fonts = load_fonts()
    subs = substitutions(fonts, installed_families())
    out: dict[str, bytes | str] = {}
    with tempfile.TemporaryDirectory(prefix="partybook-batch-") as tmp:
        work = Path(tmp)
        src_dir = work / "in"
        src_dir.mkdir()
        # LibreOffice gets ASCII file names; the zip keeps the students' names
        ascii_names = {}
        for i, (name, data) in enumerate(docx_files.items()):
            ascii_name = f"d{i:04d}.docx"
            (src_dir / ascii_name).write_bytes(data)
            ascii_names[name] = ascii_name
        sources = [src_dir / n for n in ascii_names.values()]
        try:
            run_libreoffice(
                soffice,
                sources,
                work / "out",
                work,
                fonts,
                set(subs),
                timeout=TIMEOUT_S + 10 * len(docx_files),
            )
        except subprocess.TimeoutExpired:
            pass  # whatever was converted is kept; the rest is reported below
        except OSError as err:
            raise PartybookError(soffice_failed(soffice, err)) from None
        for name, ascii_name in ascii_names.items():
            pdf = work / "out" / (ascii_name[:-5] + ".pdf")
            out[name] = pdf.read_bytes() if pdf.is_file() else "LibreOffice 没有生成 PDF"
    if subs:
        notice = substitution_notice(subs)
        if notice not in notices:
            notices.append(notice)
    return out


def export_class(
    entries: Sequence[Entry],
    output: str | os.PathLike[str] | None = None,
    *,
    pdf: bool | None = None,
    progress: Progress | None = None,
    comments: bool = True,
    findings: bool = False,
) -> BatchResult:
    """Export every readable draft of ``entries`` into a zip at ``output`` (or in memory when
    ``output`` is None). ``pdf=None`` adds PDFs when LibreOffice is installed. The .docx
    files carry the instructor's comments as Word comments (``comments``) and, when asked,
    the checks' findings too (``findings``): the class's files returned with feedback."""
    from ..exporters.base import unplaced_notice
    from ..exporters.docx import DocxExporter
    from ..filenames import safe_filename

    want_pdf = soffice_available() if pdf is None else pdf
    if want_pdf and not soffice_available():
        raise PartybookError(
            "导出 PDF 需要 LibreOffice，但本机没有找到 soffice 命令。"
            "请安装 libreoffice-writer，或只导出 .docx。"
        )
    drafts = [e for e in entries if e.draft is not None]
    result = BatchResult(zip_path=Path(output) if output else None, data=None, pdf=want_pdf)
    result.failed = [(e.file, e.error or "无法读取") for e in entries if e.draft is None]
    total = len(drafts) + (len(drafts) if want_pdf else 0)
    done = 0
    names = unique_names([safe_filename(e.student, default="学员") for e in drafts], "")
    exporter = DocxExporter(comments=comments, findings=findings)
    buffer = io.BytesIO()
    docx_ok: dict[str, bytes] = {}
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED) as zf:
        for entry, stem in zip(drafts, names, strict=True):
            name = f"{stem}.docx"
            assert entry.draft is not None  # only readable drafts are in the list
            try:
                data = exporter.export(entry.draft)
            except PartybookError as err:
                result.failed.append((entry.file, str(err)))
            except Exception as err:  # one draft must not stop the class
                result.failed.append((entry.file, f"导出出错（{type(err).__name__}）"))
            else:
                zf.writestr(name, data)
                result.files.append(name)
                result.names[entry.file] = name
                docx_ok[name] = data
                own = unplaced_notice(entry.draft)  # says which student's text it is
                for n in [*entry.warnings, *exporter.notices]:
                    n = (
                        f"{entry.student}（{entry.file}）：{n}"
                        if n == own or n in entry.warnings
                        else n
                    )
                    if n not in result.notices:
                        result.notices.append(n)
            done += 1
            if progress is not None:
                progress(done, total, f"{entry.student}：.docx")
        if want_pdf:
            items = list(docx_ok.items())
            for start in range(0, len(items), PDF_CHUNK):
                chunk = dict(items[start : start + PDF_CHUNK])
                for name, pdf_data in _pdf_convert(chunk, result.notices).items():
                    pdf_name = name[:-5] + ".pdf"
                    if isinstance(pdf_data, bytes):
                        zf.writestr(pdf_name, pdf_data)
                        result.files.append(pdf_name)
                    else:
                        result.failed.append((name, pdf_data))
                done += len(chunk)
                if progress is not None:
                    progress(done, total, f"PDF：{min(start + PDF_CHUNK, len(items))}/{len(items)}")
        zf.writestr(NOTE_NAME, _note(result, drafts))
    data = buffer.getvalue()
    if result.zip_path is not None:
        from ..storage import write_atomic

        try:
            write_atomic(result.zip_path, data, keep_backup=False)
        except PermissionError:
            raise PartybookError(
                f"没有权限写入 {result.zip_path}，请换一个位置保存压缩包。"
            ) from None
    else:
        result.data = data
    return result


def _note(result: BatchResult, drafts: Sequence[Entry]) -> str:
    lines = ["partybook 班级批量导出", "", "学员\t草稿文件\t导出文件"]
    for e in drafts:
        lines.append(f"{e.student}\t{e.file}\t{result.names.get(e.file, '（未导出）')}")
    if result.failed:
        lines += ["", "未能导出："]
        lines += [f"{f}：{why}" for f, why in result.failed]
    if result.notices:
        lines += ["", "提示："] + result.notices
    return "\r\n".join(lines) + "\r\n"
