"""Sentences of a text, for rules that judge one sentence at a time."""

from __future__ import annotations

import re
from functools import lru_cache

_SENTENCE = re.compile(r"[^。！？!?；;\n]+")


@lru_cache(maxsize=4096)
def sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    """``(start, end)`` of each sentence of ``text`` (split at 。！？；, their half-width
    forms and line breaks; the mark itself is left out)."""
    return tuple((m.start(), m.end()) for m in _SENTENCE.finditer(text))
