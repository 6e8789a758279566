"""Meaning-matched section headings: a heading worded unlike any name the genre lists
(“问题产生的根源”, “今后的努力方向”) is matched on the genre's own section vocabulary.

Each headed section's vocabulary is the set of two-character words of its ``heading``
and ``aliases`` (split at 的/和/及/与 …); a word found in several sections' names weighs
less (1 / number of sections holding it). A heading's score for a section is the summed
weight of its words found there; ``heading_synonyms`` in ``templates/import/signals.yaml``
lets 差距 count as 不足/问题, 症结 as 原因 and so on. The genre file stays the one source
of section names: nothing here names a section.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..genre import Genre, SectionKind
from .signals import signals

_STOP = re.compile(r"[的和及与、，,以之等\s：:。.；;（）()“”]+")


def words(text: str) -> set[str]:
    """The two-character words of ``text`` (within the chunks between function words)."""
    out: set[str] = set()
    for chunk in _STOP.split(text):
        for i in range(len(chunk) - 1):
            out.add(chunk[i : i + 2])
    return out


@dataclass(frozen=True, slots=True)
class Vocabulary:
    order: tuple[str, ...]  # headed section ids in the genre's order
    weights: dict[str, dict[str, float]]  # word → {section id: weight}


_CACHE: dict[tuple[int, str, int], Vocabulary] = {}


def vocabulary(genre: Genre) -> Vocabulary:
    key = (id(genre), genre.id, genre.version)
    cached = _CACHE.get(key)
    if cached is not None:
        return cached
    holders: dict[str, set[str]] = {}
    order = []
    for spec in genre.sections:
        if not spec.heading or spec.kind is SectionKind.SIGNOFF:
            continue
        order.append(spec.id)
        for name in (spec.heading, *spec.aliases):
            for w in words(name):
                holders.setdefault(w, set()).add(spec.id)
    weights = {w: {sid: 1 / len(ids) for sid in ids} for w, ids in holders.items()}
    vocab = Vocabulary(tuple(order), weights)
    _CACHE[key] = vocab
    return vocab


def scores(text: str, genre: Genre) -> dict[str, float]:
    """Each section's score for the heading ``text``."""
    vocab = vocabulary(genre)
    found = words(text)
    for key, same in signals().synonyms.items():
        if key in text:
            for w in same:
                found |= words(w)
    out: dict[str, float] = {}
    for w in found:
        for sid, weight in vocab.weights.get(w, {}).items():
            out[sid] = out.get(sid, 0.0) + weight
    return out


def best_section(
    text: str, genre: Genre, *, seen: tuple[str, ...] = (), min_score: float = 0.5
) -> str | None:
    """The section ``text`` most likely names: the highest score among sections not yet
    seen (ties go to the earlier section), or a seen one when it clearly wins."""
    found = scores(text, genre)
    if not found:
        return None
    order = vocabulary(genre).order
    ranked = sorted(found.items(), key=lambda kv: (-kv[1], order.index(kv[0])))
    fresh = [(sid, s) for sid, s in ranked if sid not in seen]
    if fresh and fresh[0][1] >= min_score:
        return fresh[0][0]
    if ranked[0][1] >= max(1.5, min_score):
        return ranked[0][0]
    return None
