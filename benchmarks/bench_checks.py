"""All checks on a 10,000-character draft (DESIGN §10: median ≤ 1 ms in-process).

Three figures: a cold run (per-text cache cleared before every run: every paragraph is
scanned), a keystroke (one paragraph changed between runs, the workbook's case: the other
paragraphs come from the per-text cache) and, for scale, one regex pass over the same
text, with the ratio of the cold run to it.
"""

from __future__ import annotations

import re
import statistics
import time
from collections import Counter
from datetime import date

from partybook.checks import check, clear_cache
from partybook.draft import Draft, Item, conform
from partybook.genre import load_genre
from partybook.text import count_chars

TARGET_MS = 1.0


def _scramble(text: str, r: int, keep: frozenset[str]) -> str:
    """Round ``r`` of the example with its less common Chinese characters permuted: the
    common ones (的 我 年 月 不 …), punctuation and digits stay, so the text keeps the
    statistics of real writing while no sentence repeats and nothing is copied."""
    out = []
    for c in text:
        o = ord(c) - 0x4E00
        if c in keep or not 0 <= o < 0x5000:
            out.append(c)
        else:
            out.append(chr(0x4E00 + (o * 7 + (r + 1) * 131) % 0x5000))
    return "".join(out)


def make_draft(chars: int = 10_000) -> Draft:
    """The worked example's shape scaled up to about ``chars`` characters."""
    genre = load_genre("dangxing-fenxi")
    ex = genre.example_sections()
    every = "".join(
        t
        for v in ex.values()
        for t in (
            [v]
            if isinstance(v, str)
            else [x if isinstance(x, str) else x["heading"] + x["body"] for x in v]
        )
    )
    common = Counter(c for c in every if "\u4e00" <= c <= "\u9fff").most_common(120)
    keep = frozenset(c for c, _ in common)
    sections: dict[str, list] = {
        sid: [] for sid in ("opening", "basic", "problems", "causes", "measures")
    }
    r = 0
    while True:
        for sid in ("opening", "basic"):
            sections[sid].extend(_scramble(p, r, keep) for p in ex[sid])
        for sid in ("problems", "causes", "measures"):
            sections[sid].extend(
                Item(heading=_scramble(it["heading"], r, keep), body=_scramble(it["body"], r, keep))
                for it in ex[sid]
            )
        r += 1
        d = conform(Draft(genre=genre.id, sections={"title": ex["title"], **sections}), genre)
        if sum(count_chars(d.text_of(s)) for s in genre.section_ids) >= chars:
            return d


def _median_ms(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def run() -> list[dict]:
    draft = make_draft()
    genre = load_genre(draft.genre)
    today = date(2026, 11, 27)
    text = "\n".join(draft.text_of(s) for s in genre.section_ids)
    check(draft, genre, today=today)  # warm up imports and data files

    def cold() -> None:
        clear_cache()
        check(draft, genre, today=today)

    cold_ms = _median_ms(cold, 30)

    counter = [0]
    para = draft.sections["basic"]
    original = para[0]  # type: ignore[index]

    def keystroke() -> None:
        counter[0] += 1
        para[0] = original + "字" * (counter[0] % 50)  # type: ignore[index]
        check(draft, genre, today=today)

    key_ms = _median_ms(keystroke, 50)
    one = re.compile(r"[,;:?!]|xx|某某|\d{4}年")
    regex_ms = _median_ms(lambda: one.findall(text), 50)
    ratio = cold_ms / regex_ms if regex_ms else 0.0
    return [
        {
            "name": f"all checks, {len(text)}-character draft, cold (no cache)",
            "value": round(cold_ms, 3),
            "unit": "ms",
            "target": TARGET_MS,
            "note": f"{ratio:.0f}× one regex pass ({regex_ms:.3f} ms)",
        },
        {
            "name": "all checks after a keystroke (one paragraph changed)",
            "value": round(key_ms, 3),
            "unit": "ms",
            "target": TARGET_MS,
            "note": "the workbook's case: unchanged paragraphs come from the per-text cache",
        },
        {
            "name": "one regex pass over the same text",
            "value": round(regex_ms, 4),
            "unit": "ms",
            "note": "for scale",
        },
    ]


if __name__ == "__main__":
    for fig in run():
        print(fig)
