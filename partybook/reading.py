"""Reading a user's or a data file with every failure worded once, in Chinese.

``read_bytes_zh`` and ``read_text_zh`` turn the ``OSError`` family (missing file, a folder,
no permission, anything else) and a non-UTF-8 text into ``error(message)``, where the
message names what the file is (``what``, e.g. 草稿文件, 文体文件) and its path, and says
what to do. Nothing is written and nothing is changed.
"""

from __future__ import annotations

import os
from pathlib import Path

from .errors import PartybookError


def read_bytes_zh(
    path: str | os.PathLike[str],
    what: str,
    error: type[PartybookError] = PartybookError,
    *,
    not_found: str | None = None,
    max_bytes: int | None = None,
    too_big: str | None = None,
) -> bytes:
    """The file's bytes; ``error`` with a Chinese message when it cannot be read.

    ``not_found`` replaces the message for a missing file; with ``max_bytes`` a larger file
    is refused before it is read (``too_big`` is then the message)."""
    p = Path(path)
    try:
        if max_bytes is not None:
            size = p.stat().st_size
            if size > max_bytes and not p.is_dir():
                mb = size / (1024 * 1024)
                raise error(
                    too_big or f"{what} {p.name} 有 {mb:.0f} MB，太大了，请确认选对了文件。"
                )
        return p.read_bytes()
    except FileNotFoundError:
        raise error(not_found or f"找不到{what} {p}，请检查路径和文件名。") from None
    except IsADirectoryError:
        raise error(f"{p} 是文件夹，不是{what}。") from None
    except PermissionError:
        raise error(f"没有权限读取{what} {p}，请检查文件权限。") from None
    except OSError as err:
        raise error(f"无法读取{what} {p}：{err.strerror or err}。") from None


def read_text_zh(
    path: str | os.PathLike[str],
    what: str,
    error: type[PartybookError] = PartybookError,
    *,
    not_found: str | None = None,
) -> str:
    """The file as UTF-8 text (a BOM is dropped); ``error`` in Chinese when it cannot be
    read or is not UTF-8."""
    raw = read_bytes_zh(path, what, error, not_found=not_found)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise error(f"{what} {Path(path)} 不是 UTF-8 编码，请用 UTF-8 重新保存。") from None
