"""PB506–PB508 (style family) — the problems of a personal genre: not the writer's own,
about others or blaming them, without a concrete example."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from ..draft import Item
from .data import substance, words
from .model import Context, Finding, Unit
from .registry import at_unit, draft_rule, finding
from .sentences import sentence_spans


def _problem_items(ctx: Context) -> list[tuple[str, int, Item, str]]:
    """(section, index, item, item text) of every written problem item (PB506, PB508)."""
    memo = ctx.memo.get("problem_items")
    if memo is None:
        memo = ctx.memo["problem_items"] = list(_each_problem_item(ctx))
    return memo


def _each_problem_item(ctx: Context) -> Iterable[tuple[str, int, Item, str]]:
    if not ctx.genre.personal:
        return
    for section in words().problem_sections:
        if section not in ctx.by_section:
            continue
        for i, item in enumerate(ctx.items(section)):
            if item.is_empty():
                continue
            parts = [item.heading, item.body]
            for p in item.items or []:
                parts.extend((p.heading, p.body))
            yield section, i, item, "\n".join(parts)


SLOGAN_MAX = 40  # characters of body: a problem this short without any example is a slogan


def _not_own_reason(text: str, body: str) -> str:
    """Why a problem without the first person is not the writer's own ("" when it is
    ordinary subject-less Chinese about the writer's own conduct)."""
    if _about_others(text):
        return "写的是别人或集体的问题。"
    concrete = any(p.search(body) for p in words().concrete)
    if not concrete and len("".join(body.split())) <= SLOGAN_MAX:
        return "只有口号式的短句，看不出具体表现。"
    return ""


def _about_others(text: str) -> bool:
    return any(True for _ in others_spans(text))


@draft_rule("PB506")
def problem_without_first_person(ctx: Context) -> Iterable[Finding]:
    pattern = words().first_person
    for section, i, item, text in _problem_items(ctx):
        if pattern.search(text):
            continue
        reason = _not_own_reason(text, text[len(item.heading) :])
        if reason:
            yield finding(
                "PB506", section, i, 0, len(item.heading), {"reason": reason}, field="heading"
            )


_CLAUSE = re.compile(r"[^，。；！？,;!?\n：:]+")


@lru_cache(maxsize=4096)
def others_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Spans naming others or the collective as the subject of a fault, or blaming them,
    in clauses without the first person (quotations and self-references left out).
    Cached per text: a keystroke re-reads one paragraph."""
    if not substance().others_quick.search(text):
        return ()
    return tuple(_each_others_span(text))


_QUOTED = re.compile(r"“[^”]*”|\"[^\"\n]*\"")


def _each_others_span(text: str) -> Iterable[tuple[int, int]]:
    sub = substance()
    quoted = [m.span() for m in _QUOTED.finditer(text)] if "“" in text or '"' in text else []
    quick = sub.others_quick
    for s, e in sentence_spans(text):
        sentence = text[s:e]
        if not quick.search(sentence):
            continue
        found = [
            (s + a, s + b)
            for a, b in _clause_spans(sentence)
            if not any(q <= s + a < r for q, r in quoted)
        ]
        # the sentence-wide exemptions, only where something was found (they cost more)
        if found and not (
            sub.quotation.search(sentence)
            or sub.self_member.search(sentence)
            or sub.excuse_named.search(sentence)  # 把上级要求多变当挡箭牌: the writer's own fault
        ):
            yield from found


def _clause_spans(sentence: str) -> list[tuple[int, int]]:
    """Others as the subject of a fault, or blamed, in the clauses of ``sentence`` that
    have no first person (offsets in the sentence)."""
    w, sub = words(), substance()
    out: list[tuple[int, int]] = []
    for clause in _CLAUSE.finditer(sentence):
        c = clause.group()
        if not sub.others_quick.search(c) or w.first_person.search(c):
            continue
        base = clause.start()
        found: list[tuple[int, int]] = []
        if sub.fault_words.search(c):
            lead = len(c) - len(c.lstrip())
            m = sub.others_subjects.search(c.lstrip())  # (anchored at the clause start)
            if m:
                found.append((base + lead + m.start(), base + lead + m.end()))
            found.extend(
                (base + x.start(), base + x.end())
                for x in w.others.finditer(c)
                if not sub.others_object.search(c, 0, x.start())
            )
        found.extend((base + x.start(), base + x.end()) for x in sub.blame.finditer(c))
        out.extend(_merged(found))
    return out


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


@draft_rule("PB507")
def problem_about_others(ctx: Context) -> Iterable[Finding]:
    if not ctx.genre.personal:
        return
    sections = words().problem_sections | substance().cause_sections
    for section in sections:
        unit: Unit
        for unit in ctx.by_section.get(section, ()):
            for s, e in others_spans(unit.text):
                yield at_unit("PB507", unit, s, e)


@draft_rule("PB508")
def problem_without_example(ctx: Context) -> Iterable[Finding]:
    patterns = words().concrete
    for section, i, item, text in _problem_items(ctx):
        body = text[len(item.heading) :]
        if body.strip() and not any(p.search(body) for p in patterns):
            b = len(item.heading) + 1
            yield finding("PB508", section, i, b, b + len(item.body), field="body")


RULES = (problem_without_first_person, problem_about_others, problem_without_example)
