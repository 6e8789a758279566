"""Small text helpers shared by the checks, the importer, the exporters and the UI."""

from __future__ import annotations

import re
from collections.abc import Iterable

SENTENCE_END = "。！？!?…"
_WS = re.compile(r"\s+")


def count_chars(text: str) -> int:
    """Characters as a 公文 writer counts them: everything but whitespace."""
    return len(text) - sum(1 for c in text if c.isspace())


def ends_sentence(text: str) -> bool:
    t = text.rstrip().rstrip("”’」』）)")
    return bool(t) and t[-1] in SENTENCE_END


def format_date(value: str) -> str:
    """``2021-10`` → ``2021年10月``, ``2021-10-08`` → ``2021年10月8日``; other text as written."""
    m = re.fullmatch(r"\s*(\d{4})-(\d{1,2})(?:-(\d{1,2}))?\s*", value)
    if not m:
        return value.strip()
    year, month, day = m.group(1), int(m.group(2)), m.group(3)
    out = f"{year}年{month}月"
    if day is not None:
        out += f"{int(day)}日"
    return out


def any_pattern(patterns: Iterable[str]) -> str:
    """One regex source matching any of ``patterns`` (each grouped, so its own ``|`` stays
    inside it)."""
    return "|".join(f"(?:{p})" for p in patterns)


def any_word(words: Iterable[str]) -> str:
    """One regex source matching any of the literal ``words``, longest first so that a
    match is the longest word that fits."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
