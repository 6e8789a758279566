"""Size limits and checks that refuse bad input before anything is parsed.

Limits (a 党性分析 is typically 3,000–6,000 characters, ~20 KB of text or a ~40 KB .docx):

================================  =========================================================
text file (.txt / .md)            at most 2 MB (``MAX_TEXT_BYTES``)
text after decoding / extraction  at most 500,000 characters (``MAX_CHARS``)
Word file (.docx)                 at most 20 MB on disk (``MAX_DOCX_BYTES``, pictures included)
.docx unpacked                    at most 100 MB in all (``MAX_UNPACKED``), at most 2,000 parts,
                                  no part more than 100 times smaller packed than unpacked
                                  when it unpacks to more than 1 MB (a "zip bomb")
================================  =========================================================

Refused with a Chinese message saying what to do (exit code 2 on the command line):
empty files, binary files, encrypted (password protected) Word files, a .docx that is not
a zip archive or has no document inside. Old .doc/.wps/.rtf/.odt files are converted by
LibreOffice (:mod:`.convert`) and the .docx it writes passes the same checks.
"""

from __future__ import annotations

import io
import zipfile

from ..errors import InputError

MAX_TEXT_BYTES = 2 * 1024 * 1024
MAX_CHARS = 500_000
MAX_DOCX_BYTES = 20 * 1024 * 1024
MAX_UNPACKED = 100 * 1024 * 1024
MAX_PARTS = 2000
MAX_RATIO = 100
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
SAVE_AS_DOCX = (
    "请在 Word 或 WPS 中打开它，选择“另存为”，保存类型选“Word 文档（*.docx）”，再导入新文件。"
)


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.0f} MB"


def check_size(data: bytes, name: str, kind: str) -> None:
    limit = MAX_DOCX_BYTES if kind == "docx" else MAX_TEXT_BYTES
    if not data.strip():
        raise InputError(f"文件 {name} 是空的，没有可导入的内容。请检查是否选错了文件。")
    if len(data) > limit:
        raise InputError(
            f"文件 {name} 有 {len(data) / 1024 / 1024:.1f} MB，超过导入上限 {_mb(limit)}。"
            "一份党性分析通常只有几十 KB，请确认选对了文件，或只复制正文另存为新文件再导入。"
        )


def check_chars(text: str, name: str) -> None:
    if len(text) > MAX_CHARS:
        raise InputError(
            f"文件 {name} 有 {len(text)} 个字符，超过导入上限 {MAX_CHARS} 个。"
            "请确认选对了文件，或只复制正文另存为新文件再导入。"
        )


def check_ole(data: bytes, name: str) -> None:
    """Old binary Office files and encrypted .docx share the OLE compound format: an
    encrypted one (``EncryptedPackage``) is refused; the others are read as .doc."""
    if not data.startswith(OLE_MAGIC):
        return
    head = data[: 512 * 1024]
    if (
        "EncryptedPackage".encode("utf-16-le") in head
        or "EncryptionInfo".encode("utf-16-le") in head
    ):
        raise InputError(
            f"文件 {name} 设置了打开密码（已加密），无法读取。请在 Word 或 WPS 中打开它，"
            "取消密码保护（文件 → 信息 → 保护文档 → 用密码进行加密，清空密码）后另存为 .docx，再导入。"
        )


def open_docx_zip(data: bytes, name: str) -> zipfile.ZipFile:
    """The .docx as a zip archive, after the bomb and sanity checks."""
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise InputError(
            f"文件 {name} 不是有效的 Word 文档（.docx 应为 zip 压缩包，文件可能已损坏或只是改了扩展名）。"
            f"{SAVE_AS_DOCX}"
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise InputError(f"文件 {name} 已损坏，无法打开。{SAVE_AS_DOCX}") from None
    total = sum(i.file_size for i in infos)
    bomb = (
        len(infos) > MAX_PARTS
        or total > MAX_UNPACKED
        or any(
            i.file_size > 1024 * 1024 and i.file_size > MAX_RATIO * max(i.compress_size, 1)
            for i in infos
        )
    )
    if bomb:
        raise InputError(
            f"文件 {name} 解压后异常庞大（可能是恶意构造的压缩包），为安全起见拒绝导入。"
            "如果这是你自己的文档，请在 Word 或 WPS 中打开，复制正文到新文档另存为 .docx 再导入。"
        )
    if "word/document.xml" not in archive.namelist():
        raise InputError(
            f"文件 {name} 是压缩包，但里面没有 Word 正文（word/document.xml），不是 Word 文档。"
            f"{SAVE_AS_DOCX}"
        )
    return archive
