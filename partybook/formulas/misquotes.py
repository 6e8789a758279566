"""Formulas spelled out in a text, judged against their canonical wording."""

from __future__ import annotations

import re
from functools import lru_cache

from .clauses import clause_wordings
from .data import ListFormula, Misquote, Wording, compiled, hits, plain

_NAME_BEFORE = 24


def _near_name(text: str, start: int, end: int, name: tuple[re.Pattern[str], ...]) -> bool:
    """Whether the formula's name introduces the run (“四个意识”即……) or sums it up right
    after (……这“四个意识”); a name nearby with 特别是/等 does not make a partial run a quote."""
    intro, outro = name
    return bool(intro.search(text[max(0, start - _NAME_BEFORE) : start]) or outro.match(text, end))


def _expected_run(fl: ListFormula, prefix: str, suffix: str) -> str:
    f = fl.f
    if not f.item_prefix and not f.item_suffix:
        first = f.wording.find(f.members[0])
        last = f.wording.rfind(f.members[-1]) + len(f.members[-1])
        return f.wording[first:last]
    return "、".join(prefix + m + suffix for m in f.members)


def _judge(
    fl: ListFormula, cores: list[str], year: int | None, tail: str, named: bool
) -> tuple[str, str] | None:
    """(kind, Chinese detail) of what is wrong with a run of items, or None when right."""
    f, want = fl.f, list(fl.members)
    for c in cores:
        if c in f.confusions:
            return "word", f"“{c}”应为“{plain(f.confusions[c])}”"
    known = [c for c in cores if c in want]
    if _contains(cores, want):  # the full formula, maybe with other words around it
        return None
    if cores == want[: len(cores)] and any(c in tail for c in f.continued_by):
        return None
    if f.partial_ok and _contains(want, cores):  # quoting a stretch of the oath is fine
        return None
    for v in f.variants:
        old = [plain(m) for m in v.members]
        if named and set(old) <= set(want):  # “五位一体”即……with four: a member is missing
            continue
        if cores == old:
            if year is not None and year > v.until:
                return "outdated", f"这是{v.until}年以前的提法：{v.note}"
            return None
    unknown = [c for c in cores if c not in want]
    miss = [m for m in want if m not in known]
    if len(set(known)) < len(known):
        return "member", f"“{next(c for c in known if known.count(c) > 1)}”重复出现"
    if unknown and miss:
        return "member", f"“{unknown[0]}”不是“{f.name}”的内容，应为“{miss[0]}”"
    if miss:
        return "missing", f"缺少“{'”“'.join(miss)}”"
    return "order", f"顺序应为：{'、'.join(want)}"


def _contains(seq: list[str], sub: list[str]) -> bool:
    n = len(sub)
    return any(seq[i : i + n] == sub for i in range(len(seq) - n + 1))


def _windows(spans: list[tuple[int, int]], size: int) -> list[tuple[int, int]]:
    """Windows around clusters of at least two hits (a run needs two members)."""
    out: list[tuple[int, int]] = []
    group = [spans[0]]
    for sp in [*spans[1:], None]:
        if sp is not None and sp[0] - group[-1][1] <= 60:
            group.append(sp)
            continue
        if len(group) >= 2:
            out.append((max(0, group[0][0] - 16), min(size, group[-1][1] + 30)))
        if sp is not None:
            group = [sp]
    return out


def _list_wordings(text: str, fl: ListFormula, spans: list, year: int | None, out: list) -> None:
    seen: set[int] = set()
    for lo, hi in _windows(spans, len(text)):
        for m in fl.run.finditer(text, lo, hi):
            if m.start() not in seen:
                seen.add(m.start())
                _judge_run(text, fl, m, year, out)


def _judge_run(text: str, fl: ListFormula, m: re.Match[str], year: int | None, out: list) -> None:
    items = list(fl.item.finditer(text, m.start(), m.end()))
    cores = [plain(i.group("core")) for i in items]
    want = fl.members
    members = sum(1 for c in cores if c in want)
    recognised = sum(1 for c in cores if c in want or c in fl.known)
    if members < 2:
        return
    named = _near_name(text, m.start(), m.end(), fl.name)
    if recognised < fl.min_run and not named:
        return
    tail = text[m.end() : m.end() + 40]
    verdict = _judge(fl, cores, year, tail, named)
    found = m.group()
    if verdict is None:
        out.append(Wording(m.start(), m.end(), found, fl.f.name))
        return
    f, (kind, detail) = fl.f, verdict
    if kind == "word":  # correct the confused words only, keep the rest as written
        expected = found
        for i in items:
            right = f.confusions.get(plain(i.group("core")))
            expected = expected.replace(i.group("core"), plain(right)) if right else expected
    else:  # the canonical run, members written with the prefix/suffix of the first item
        first = items[0]
        affixes = plain(first.group()).split(plain(first.group("core")), 1)
        expected = _expected_run(fl, affixes[0], affixes[1])
    out.append(
        Misquote(m.start(), m.end(), found, expected, f.name, f.source, kind, detail, f.wording)
    )


@lru_cache(maxsize=4096)
def _scan(text: str, year: int | None) -> tuple[object, ...]:
    found_hits = hits(text)
    if not found_hits:
        return ()
    d = compiled()
    out: list[object] = []
    for i, fl in enumerate(d.lists):
        spans = found_hits.get(f"L{i}")
        if spans and len(spans) >= 2:
            _list_wordings(text, fl, spans, year, out)
    clause_wordings(text, found_hits, out)
    for start, end in found_hits.get("N", ()):
        found = text[start:end]
        f, right = d.names[plain(found)]
        detail = f"名称应为“{right}”"
        out.append(Misquote(start, end, found, right, f.name, f.source, "name", detail, f.wording))
    out.sort(key=lambda r: (r.start, r.end))  # type: ignore[attr-defined]
    return tuple(out)


def find_misquotes(text: str, year: int | None = None) -> list[Misquote]:
    """Formulas spelled out wrongly in ``text`` (a draft dated ``year``, when known)."""
    return [r for r in _scan(text, year) if isinstance(r, Misquote)]


def formula_wordings_in(text: str, year: int | None = None) -> list[Wording | Misquote]:
    """Every formula ``text`` spells out: :class:`Wording` when right, :class:`Misquote` when not."""
    return list(_scan(text, year))  # type: ignore[arg-type]
