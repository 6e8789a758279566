"""PB6xx — the substance of the genre: political formulas quoted exactly, material out of
date for the draft's year, virtues dressed up as faults, objective causes, measures that
cannot be checked, and breaches of discipline copied from template confessions.

Formulas and dated material come from :mod:`partybook.formulas` (its data:
``templates/rules/formulas.yaml``); the other word lists are in
``templates/rules/substance.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from .data import substance, words
from .model import Context, Finding, Unit
from .prefilter import char_freq, required_literals
from .registry import Env, Hit, Trigger, draft_rule, finding, unit_rule
from .sentences import sentence_spans


@lru_cache(maxsize=1)
def _formulas() -> Any:
    """:mod:`partybook.formulas`, imported when first needed (None while the module is not
    installed: PB601 and PB602 then find nothing)."""
    try:
        from .. import formulas
    except ImportError:  # pragma: no cover - only before the formulas module lands
        return None
    return formulas


# --- formulas and dated material -------------------------------------------------------


def _formula_words(env: Env) -> tuple[str, ...]:
    """PB601/PB602's trigger: the formulas module's own trigger words (a text holding none
    has no formula and no dated mention)."""
    formulas = _formulas()
    return formulas.compiled().words if formulas is not None else ()


_FORMULA_TRIGGER = Trigger(words=_formula_words)


@unit_rule("PB601", trigger=_FORMULA_TRIGGER, fixable=True)
def misquoted_formula(unit: Unit, env: Env) -> list[Hit]:
    """A formula spelled out with a wrong, missing or reordered member or a changed word:
    the fix puts in the exact wording."""
    formulas = _formulas()
    if formulas is None:
        return []
    hits: list[Hit] = []
    for m in formulas.find_misquotes(unit.text, env.year):
        args = {"name": m.name, "detail": m.detail, "expected": m.expected, "source": m.source}
        hits.append(("PB601", m.start, m.end, args, m.expected))
    return hits


@unit_rule("PB602", trigger=_FORMULA_TRIGGER)
def dated_material(unit: Unit, env: Env) -> list[Hit]:
    """A campaign, meeting, plan or title presented as current after its time."""
    formulas = _formulas()
    if formulas is None:
        return []
    hits: list[Hit] = []
    for d in formulas.find_dated(unit.text, env.year):
        if _told_as_past(unit.text, d.start, d.end):
            continue
        now = _verified_current(formulas, d.kind, d.current, env.year)
        current = f"当前应为：{now}。" if now else ""
        args = {"name": d.name, "current": current, "source": d.source, "year": env.year}
        hits.append(("PB602", d.start, d.end, args, None))
    return hits


def _verified_current(formulas: Any, kind: str, current: str, year: int) -> str:
    """What to suggest instead, only when the data has it for ``year``: the tables of
    congresses, campaigns and plans hold verified rows only, and a year without one (a
    campaign not yet announced) suggests nothing rather than the last row."""
    table = formulas.compiled().current.get("congress" if kind == "plenum" else kind)
    if table is None:  # titles and phrases carry their own current wording
        return current
    return next((t for lo, hi, t in table if lo <= year <= hi), "")


_CLAUSE_MARKS = "，。；！？,;!?\n"


def _told_as_past(text: str, start: int, end: int) -> bool:
    """A mention the writer tells as their past: 党纪学习教育时我学过……, 全程参加了……,
    在……学习教育中记下的笔记 (what partybook.formulas does not recognise already)."""
    sub = substance()
    if sub.past_after.search(text[end:]):
        return True
    if _past_frame(text, start, end):
        return True
    lo = max(text.rfind(c, 0, start) for c in _CLAUSE_MARKS) + 1
    hi = min((i for i in (text.find(c, end) for c in _CLAUSE_MARKS) if i >= 0), default=len(text))
    return bool(
        sub.past_in_clause.search(text, lo, start) or sub.past_in_clause.search(text, end, hi)
    )


def _past_frame(text: str, start: int, end: int) -> bool:
    """在……中/期间/时，我第一次……至今: the mention frames a time the rest of the sentence
    tells as past (a past marker after the frame; 在……中，我要…… stays current)."""
    sub = substance()
    lo = max(text.rfind(c, 0, start) for c in _SENTENCE_MARKS) + 1
    if not sub.past_frame_before.search(text, lo, start):
        return False
    frame = sub.past_frame_after.match(text, end)
    if frame is None:
        return False
    hi = min(
        (i for i in (text.find(c, frame.end()) for c in _SENTENCE_MARKS) if i >= 0),
        default=len(text),
    )
    return bool(sub.past_markers.search(text, frame.end(), hi))


_SENTENCE_MARKS = "。！？；!?;\n"


# --- the writer's own faults -----------------------------------------------------------


@lru_cache(maxsize=32)
def _list_trigger(name: str, genre: str) -> tuple[tuple[str, ...], tuple[Any, ...]]:
    """The trigger of a rule whose data is the regex ``substance().<name>``: the rarest
    fixed strings every match holds (derived from the regex), else the regex itself."""
    rx = getattr(substance(), name)
    found = required_literals(rx.pattern, char_freq(genre))
    return (found, ()) if found else ((), (rx,))


def _trigger(name: str) -> Trigger:
    return Trigger(
        words=lambda env: _list_trigger(name, env.genre)[0],
        patterns=lambda env: _list_trigger(name, env.genre)[1],
    )


def _own_sentences(text: str, quotation: re.Pattern[str]) -> Iterable[tuple[int, int, str]]:
    """The sentences of ``text`` that are the writer's own words (not a quotation)."""
    for s, e in sentence_spans(text):
        sentence = text[s:e]
        if not quotation.search(sentence):
            yield s, e, sentence


@unit_rule("PB603", trigger=_trigger("virtue_faults"))
def virtue_as_fault(unit: Unit, env: Env) -> list[Hit]:
    """以优点代缺点: a problem that praises the writer (太较真, 心太软, 太追求完美 …)."""
    if not env.personal or unit.section not in words().problem_sections:
        return []
    sub = substance()
    if not sub.virtue_faults.search(unit.text):
        return []
    hits: list[Hit] = []
    for s, _e, sentence in _own_sentences(unit.text, sub.quotation):
        if sub.virtue_unmasked.search(sentence):
            continue
        for m in sub.virtue_faults.finditer(sentence):
            hits.append(("PB603", s + m.start(), s + m.end(), None, None))
    return hits


@unit_rule("PB604", trigger=_trigger("objective_causes"))
def objective_cause(unit: Unit, env: Env) -> list[Hit]:
    """Objective conditions offered as the cause, unless named as an excuse."""
    sub = substance()
    if not env.personal or unit.section not in sub.cause_sections:
        return []
    if not sub.objective_causes.search(unit.text):
        return []
    hits: list[Hit] = []
    for s, _e, sentence in _own_sentences(unit.text, sub.quotation):
        if sub.excuse_named.search(sentence):
            continue
        for m in sub.objective_causes.finditer(sentence):
            hits.append(("PB604", s + m.start(), s + m.end(), None, None))
    return hits


@unit_rule("PB606", trigger=_trigger("confessions"))
def copied_confession(unit: Unit, env: Env) -> list[Hit]:
    """A problem confessing a breach of discipline, as template confessions do."""
    sub = substance()
    if not env.personal or unit.section not in words().problem_sections:
        return []
    if not sub.confessions.search(unit.text):
        return []
    hits: list[Hit] = []
    for s, _e, sentence in _own_sentences(unit.text, sub.quotation):
        if sub.confession_denied.search(sentence):
            continue
        for m in sub.confessions.finditer(sentence):
            hits.append(("PB606", s + m.start(), s + m.end(), None, None))
    return hits


# --- measures --------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def checkable(text: str) -> bool:
    """Whether a measure says when, how much or to what standard."""
    return any(p.search(text) for p in substance().measure_checkable)


@draft_rule("PB605")
def unverifiable_measure(ctx: Context) -> Iterable[Finding]:
    if not ctx.genre.personal:
        return
    for section in words().plan_sections:
        if section not in ctx.by_section:
            continue
        for i, item in enumerate(ctx.items(section)):
            if item.is_empty():
                continue
            text = "\n".join(
                [item.heading, item.body, *(p.heading + "\n" + p.body for p in item.items or [])]
            )
            if not checkable(text):
                shown = item.heading.strip() or item.body.strip()
                args = {"text": shown if len(shown) <= 20 else shown[:18] + "……"}
                if item.heading.strip():
                    yield finding("PB605", section, i, 0, len(item.heading), args, field="heading")
                else:
                    b = len(item.heading) + 1
                    yield finding("PB605", section, i, b, b + len(item.body), args, field="body")


def clear_cache() -> None:
    """Forget per-text results (a cold run in the benchmarks), the formulas' included."""
    checkable.cache_clear()
    sentence_spans.cache_clear()
    formulas = _formulas()
    if formulas is not None:
        formulas.clear_results()  # its per-text results, not its compiled data


RULES = (
    misquoted_formula,
    dated_material,
    virtue_as_fault,
    objective_cause,
    unverifiable_measure,
    copied_confession,
)
