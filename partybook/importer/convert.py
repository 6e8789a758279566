"""Formats read through outside tools: .doc/.wps/.rtf/.odt through LibreOffice (converted
to .docx, then read like any Word file) and PDF with a text layer through poppler's
``pdftotext -layout`` (page headers and footers removed).

LibreOffice runs headless with a profile of partybook's own (one per user, reused while
no other conversion holds it — a warm start — else a fresh one in the temporary folder),
converts every file of a call at once, is killed after a timeout, and leaves no temporary
file behind. Kingsoft WPS ``.wps`` files are OLE documents that LibreOffice opens as
Word .doc (its own “.wps” filter is for Microsoft Works), so they are handed over as .doc.
Without the tool: a Chinese message naming what to install or to save as .docx.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import InputError
from .limits import OLE_MAGIC, SAVE_AS_DOCX
from .model import Para, Removal

TIMEOUT = 90  # seconds for LibreOffice's start (cold: ~10 s) plus the conversions
PER_FILE = 20
PDF_TIMEOUT = 60
NO_SOFFICE = (
    "导入 {name} 需要 LibreOffice（用来转换 .doc、.wps、.rtf、.odt 文件），本机没有安装。"
    "请让管理员安装 LibreOffice（如 sudo apt install libreoffice-writer），"
    "或在 Word / WPS 中打开它，另存为 .docx 后再导入。"
)


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def _suffix(data: bytes, name: str) -> str:
    if data.startswith(OLE_MAGIC):
        return ".doc"  # Word 97–2003 and Kingsoft WPS documents
    if data.startswith(b"{\\rtf"):
        return ".rtf"
    if data.startswith(b"PK"):
        return ".odt" if b"opendocument" in data[:4096] else ".docx"
    suffix = Path(name).suffix.lower()
    return ".doc" if suffix == ".wps" else suffix or ".doc"


@contextmanager
def _profile(tmp: Path) -> Iterator[Path]:
    """partybook's LibreOffice profile: the shared warm one when free, else a fresh one."""
    import fcntl

    shared = Path(tempfile.gettempdir()) / f"partybook-lo-profile-{os.getuid()}"
    lock_path = shared.with_suffix(".lock")
    fh = open(lock_path, "a+")  # noqa: SIM115 - held for the conversion
    try:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            yield tmp / "profile"  # another conversion is running: a cold profile of our own
            return
        try:
            yield shared
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)
    finally:
        fh.close()


def office_to_docx(
    files: list[tuple[bytes, str]], *, keep_going: bool = False, cold: bool = False
) -> list:
    """Each ``(data, name)`` converted to .docx bytes by one LibreOffice call.

    A file LibreOffice cannot convert raises :class:`InputError`, or with ``keep_going``
    gives its error in its place. ``cold`` forces a fresh profile (for the benchmark).
    """
    exe = _soffice()
    if exe is None:
        raise InputError(NO_SOFFICE.format(name=files[0][1] if files else "文件"))
    tmp = Path(tempfile.mkdtemp(prefix="partybook-convert-"))
    try:
        inputs = []
        for i, (data, name) in enumerate(files):
            path = tmp / f"in{i}{_suffix(data, name)}"
            path.write_bytes(data)
            inputs.append(path)
        out_dir = tmp / "out"
        with _profile(tmp) as profile:
            if cold:
                profile = tmp / "profile"
            _run_soffice(exe, profile, out_dir, inputs, files)
        results: list = []
        for path, (_, name) in zip(inputs, files, strict=True):
            out = out_dir / f"{path.stem}.docx"
            if out.is_file() and out.stat().st_size > 0:
                results.append(out.read_bytes())
                continue
            err = InputError(
                f"LibreOffice 无法读取文件 {name}（文件可能已损坏，或不是 Word/WPS 文档）。{SAVE_AS_DOCX}"
            )
            if not keep_going:
                raise err
            results.append(err)
        return results
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _run_soffice(
    exe: str, profile: Path, out_dir: Path, inputs: list[Path], files: list[tuple[bytes, str]]
) -> None:
    cmd = [
        exe,
        "--headless",
        "--norestore",
        "--nologo",
        "--nodefault",
        "--nolockcheck",
        f"-env:UserInstallation={profile.as_uri()}",
        "--convert-to",
        "docx:MS Word 2007 XML",
        "--outdir",
        str(out_dir),
        *map(str, inputs),
    ]
    timeout = TIMEOUT + PER_FILE * len(inputs)
    proc = subprocess.Popen(  # noqa: S603 - a fixed program and our own temporary files
        cmd,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # so a timeout can end LibreOffice and its children
        cwd=out_dir.parent,
    )
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        names = "、".join(n for _, n in files)
        raise InputError(
            f"用 LibreOffice 转换 {names} 超过 {timeout} 秒仍未完成，已停止。"
            f"请稍后再试，或在 Word / WPS 中打开，{SAVE_AS_DOCX.removeprefix('请在 Word 或 WPS 中打开它，')}"
        ) from None


# --- PDF ---------------------------------------------------------------------------------

NO_PDFTOTEXT = (
    "导入 PDF 文件 {name} 需要 poppler 的 pdftotext 工具，本机没有安装。"
    "请让管理员安装 poppler-utils（如 sudo apt install poppler-utils），"
    "或用 PDF 阅读器打开它，复制全部文字粘贴到记事本，另存为 .txt 再导入。"
)
_DIGITS = re.compile(r"\d+|[一二三四五六七八九十]+")


def pdf_paras(data: bytes, name: str) -> tuple[list[Para], list[Removal]]:
    """The lines of a PDF's text layer, and the page headers and footers removed."""
    exe = shutil.which("pdftotext")
    if exe is None:
        raise InputError(NO_PDFTOTEXT.format(name=name))
    with tempfile.TemporaryDirectory(prefix="partybook-pdf-") as tmp:
        path = Path(tmp) / "in.pdf"
        path.write_bytes(data)
        try:
            proc = subprocess.run(  # noqa: S603 - a fixed program and our own temporary file
                [exe, "-layout", "-enc", "UTF-8", str(path), "-"],
                capture_output=True,
                timeout=PDF_TIMEOUT,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise InputError(f"读取 PDF 文件 {name} 超时，文件可能过大或已损坏。") from None
    if proc.returncode != 0:
        err = proc.stderr.decode("utf-8", "replace")
        if "password" in err.lower():
            raise InputError(
                f"PDF 文件 {name} 设置了密码，无法读取。请用 PDF 阅读器打开，取消密码后另存，再导入。"
            )
        raise InputError(
            f"无法读取 PDF 文件 {name}（文件可能已损坏）。请用 PDF 阅读器打开，复制全部文字另存为 .txt 再导入。"
        )
    text = proc.stdout.decode("utf-8", "replace")
    if sum(1 for c in text if not c.isspace()) < 10:
        raise InputError(
            f"PDF 文件 {name} 里没有可复制的文字（可能是扫描件或图片）。"
            "请用带文字识别（OCR）的软件转换，或直接在 Word / WPS 中重新录入后导入。"
        )
    return pages_to_paras(text.split("\f"))


def pages_to_paras(pages: list[str]) -> tuple[list[Para], list[Removal]]:
    """Lines of the pages in order; a short line repeated at the top or bottom of most
    pages (numbers ignored: “第 3 页”, “— 3 —”) is a header or footer and is removed."""
    pages = [pg for pg in pages if pg.strip()]
    edges: dict[str, int] = {}
    for pg in pages:
        lines = [ln.strip() for ln in pg.splitlines() if ln.strip()]
        for ln in {*lines[:2], *lines[-2:]}:
            key = _DIGITS.sub("#", re.sub(r"\s+", "", ln))
            edges[key] = edges.get(key, 0) + 1
    repeated = {k for k, n in edges.items() if len(pages) >= 2 and n >= max(2, len(pages) * 0.5)}
    paras: list[Para] = []
    removed: list[Removal] = []
    n = 0
    for pg in pages:
        lines = pg.splitlines()
        nonblank = [i for i, ln in enumerate(lines) if ln.strip()]
        edge = set(nonblank[:2] + nonblank[-2:])
        blank = True
        for i, ln in enumerate(lines):
            n += 1
            s = ln.strip()
            if not s:
                blank = True
                continue
            if i in edge and len(s) <= 40 and _DIGITS.sub("#", re.sub(r"\s+", "", s)) in repeated:
                removed.append(
                    Removal(s, "furniture", n, "", f"“{s}”是 PDF 每页重复的页眉或页脚，已删除。")
                )
                continue
            paras.append(Para(s, n, blank_before=blank))
            blank = False
        n += 1  # the form feed between pages
    return paras, removed
