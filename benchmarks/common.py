"""Helpers shared by the benchmark modules."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

from partybook.draft import Draft, Item, conform
from partybook.genre import load_genre


def median_ms(fn: Callable[[], object], repeat: int = 200, warmup: int = 5) -> float:
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - t0)
    return statistics.median(samples) * 1000


def large_draft(chars: int = 10_000, genre_id: str = "dangxing-fenxi") -> Draft:
    """The genre's worked example, its paragraphs and items repeated to about ``chars``."""
    genre = load_genre(genre_id)
    base = genre.example_draft()
    from partybook.assembly import assemble

    factor = max(1, -(-chars // len(assemble(base, genre))))  # ceil: at least `chars`
    sections = {}
    for sid, content in base.sections.items():
        if isinstance(content, list) and content and isinstance(content[0], Item):
            sections[sid] = [Item(heading=i.heading, body=i.body * factor) for i in content]
        elif isinstance(content, list):
            sections[sid] = content * factor
        else:
            sections[sid] = content
    return conform(Draft(genre=genre.id, meta=base.meta, sections=sections), genre)
