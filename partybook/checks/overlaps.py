"""One finding per span: where two rules report the same words, the more specific one stays.

A rule names the codes it yields to: ``yields_to`` in ``templates/rules/catalogue.yaml``
(PB507 yields to PB604 on 上级要求多变) or in a phrase rule (PHR002 yields to PB604 on
任务重). A finding is dropped when a finding of a code it yields to overlaps it in the same
section and item.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from .model import Finding
from .phrases import PhraseRule
from .registry import catalogue


@lru_cache(maxsize=1)
def _builtin_yields() -> dict[str, frozenset[str]]:
    return {
        code: frozenset(entry["yields_to"])
        for code, entry in catalogue().items()
        if entry.get("yields_to")
    }


def one_per_span(found: list[Finding], phrase_rules: Sequence[PhraseRule]) -> list[Finding]:
    """``found`` without the findings that yield to another on the same words."""
    yields = _builtin_yields()
    extra = {p.code: p.yields_to for p in phrase_rules if p.yields_to}
    if extra:
        yields = {**yields, **extra}
    weak = [f for f in found if f.code in yields and f.start < f.end]
    if not weak:
        return found
    stronger = set().union(*(yields[f.code] for f in weak))
    by_place: dict[tuple[str, int | None], list[Finding]] = {}
    for f in found:
        if f.code in stronger and f.start < f.end:
            by_place.setdefault((f.section, f.item), []).append(f)
    dropped: set[int] = set()
    for f in weak:
        codes = yields[f.code]
        for g in by_place.get((f.section, f.item), ()):
            if g.code in codes and g.start < f.end and f.start < g.end:
                dropped.add(id(f))
                break
    return [f for f in found if id(f) not in dropped] if dropped else found
