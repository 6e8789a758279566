"""File names derived from user text: no separators, no traversal, bounded length."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

_BAD = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]+')
_RESERVED = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    *(f"COM{i}" for i in range(1, 10)),
    *(f"LPT{i}" for i in range(1, 10)),
}
MAX_NAME_BYTES = 150  # leaves room for suffixes under the 255-byte limit of most filesystems


def safe_filename(text: str, default: str = "草稿", max_bytes: int = MAX_NAME_BYTES) -> str:
    """A file name stem made from ``text``; never empty, never a path."""
    name = unicodedata.normalize("NFC", text)
    name = "".join(c for c in name if unicodedata.category(c) not in ("Cc", "Cf", "Cs", "Co"))
    name = _BAD.sub("_", name)
    name = re.sub(r"\s+", " ", name).strip(" ._")
    while name.startswith(".."):
        name = name[1:]
    if name.split(".")[0].upper() in _RESERVED:
        name = "_" + name
    encoded = name.encode("utf-8")
    if len(encoded) > max_bytes:
        name = encoded[:max_bytes].decode("utf-8", errors="ignore").rstrip(" ._")
    return name or default


def unique_path(folder: Path, stem: str, suffix: str) -> Path:
    """``folder/stem.suffix``, or ``stem-2.suffix`` … when that exists: never overwrite."""
    candidate = folder / f"{stem}{suffix}"
    n = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{n}{suffix}"
        n += 1
    return candidate
