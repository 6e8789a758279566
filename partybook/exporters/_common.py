"""Helpers the document exporters share: section names for notices, title line breaking."""

from __future__ import annotations

import math
import unicodedata

from ..genre import Genre


def section_names(genre: Genre) -> dict[str, str]:
    """Section id → the name a user knows it by (heading, label, or 标题/开头/落款)."""
    return {spec.id: spec.display_name for spec in genre.sections}


# a line may not start with closing punctuation nor end with opening punctuation
_NO_START = set("，。、；：？！”’）》」』】〕…—·,.;:?!)]%")
_NO_END = set("“‘（《「『【〔([")
# characters after which a title reads naturally broken (end of a word or an organ's name)
_GOOD_END = set("的于和与及班会委局市区县镇村部厅组处科校院度期")


def char_width(c: str) -> float:
    """Width in ems: CJK and full-width forms 1, everything else ½."""
    return 1.0 if unicodedata.east_asian_width(c) in "WF" else 0.5


def balance_lines(text: str, max_width: float) -> list[str]:
    """Break a title into the fewest lines of at most ``max_width`` ems, as equal as the
    text allows (GB/T 9704 §7.3.1: 排列对称，长短适宜), upper lines not longer than lower
    ones, never splitting a Latin word or number, or stranding punctuation."""
    widths = [char_width(c) for c in text]
    total = sum(widths)
    if total <= max_width or len(text) < 2:
        return [text]
    n = math.ceil(total / max_width)
    # allowed break positions i (a line ends before text[i]) with the width before them
    cum = [0.0]
    for w in widths:
        cum.append(cum[-1] + w)
    allowed = [
        i
        for i in range(1, len(text))
        if text[i] not in _NO_START
        and text[i - 1] not in _NO_END
        and not (
            text[i - 1].isascii()
            and text[i - 1].isalnum()
            and text[i].isascii()
            and text[i].isalnum()
        )
    ]
    if not allowed:
        return [text]
    while True:
        breaks = _breaks(text, cum, allowed, n, max_width)
        if breaks is not None or n >= len(allowed) + 1:
            break
        n += 1
    if not breaks:
        return [text]
    lines = []
    prev = 0
    for b in breaks:
        lines.append(text[prev:b])
        prev = b
    lines.append(text[prev:])
    return lines


def _breaks(
    text: str, cum: list[float], allowed: list[int], n: int, max_width: float
) -> list[int] | None:
    """Break positions for ``n`` lines each within ``max_width``, or None if impossible."""
    total = cum[-1]
    breaks: list[int] = []
    start = 0
    for k in range(1, n):
        ideal = cum[start] + (total - cum[start]) / (n - k + 1)
        left = n - k  # lines still to fill after this break
        candidates = [
            i
            for i in allowed
            if i > start and cum[i] - cum[start] <= max_width and total - cum[i] <= max_width * left
        ]
        if not candidates:
            return None

        # prefer the break at or just before the ideal (upper lines not longer)
        def cost(i: int, ideal: float = ideal) -> float:
            word_end = text[i - 1] in _GOOD_END or (text[i - 1].isdigit() != text[i].isdigit())
            return abs(cum[i] - ideal) + (0.25 if cum[i] > ideal else 0) + (0 if word_end else 4.0)

        best = min(candidates, key=cost)
        breaks.append(best)
        start = best
    return breaks
