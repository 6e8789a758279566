"""PB4xx — consistency: impossible and future dates, life events out of order, measures
that miss their problem, a sign-off date that disagrees with the draft's date."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from datetime import date, timedelta
from functools import lru_cache

from ..genre import SectionKind
from ..text import format_date
from .data import words
from .model import Context, Finding, Unit, owner_section
from .registry import Env, Hit, Trigger, at_unit, draft_rule, finding, unit_rule

# starts with a character class so the search skips ahead at C speed
_DATE = re.compile(
    r"([0-9][0-9][0-9][0-9])[ \u3000]?年"
    r"(?:[ \u3000]?([0-9]{1,2})[ \u3000]?月(?:[ \u3000]?([0-9]{1,2})[ \u3000]?[日号])?)?"
)
_META_DATE = re.compile(r"\s*(\d{4})-(\d{1,2})(?:-(\d{1,2}))?\s*")


def valid(y: int, m: int | None, d: int | None) -> bool:
    if m is None:
        return True
    if not 1 <= m <= 12:
        return False
    return d is None or 1 <= d <= _DAYS[m - 1] + (m == 2 and calendar.isleap(y))


# days of each month (February: 28, plus one in a leap year): calendar.monthrange gives the
# same and also works out the weekday, several times slower
_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _parts(m: re.Match[str]) -> tuple[int, int | None, int | None]:
    y, mo, d = m.group(1), m.group(2), m.group(3)
    return int(y), int(mo) if mo else None, int(d) if d else None


def is_future(y: int, m: int | None, d: int | None, today: date) -> bool:
    if y != today.year:
        return y > today.year
    if m is None or m != today.month:
        return m is not None and m > today.month
    return d is not None and d > today.day


# pre-test: a 年 after a digit (with a space between or not); a literal first character
# makes the search skip ahead at C speed (a digit class first is several times slower)
_YEAR_QUICK = re.compile("年(?:(?<=[0-9]年)|(?<=[0-9][ \u3000]年))")


@unit_rule("PB401", "PB402", trigger=Trigger(patterns=(_YEAR_QUICK,)))
def dates(unit: Unit, env: Env) -> list[Hit]:
    text = unit.text
    if "年" not in text:
        return []
    hits: list[Hit] = []
    today = date.fromordinal(env.today)
    plans = unit.section in words().plan_sections
    for m in _DATE.finditer(text):
        ys, mos, ds = m.groups()
        if mos is None:  # a year alone: always valid, in the future only after this year
            if not plans and int(ys) > today.year:
                hits.append(("PB402", m.start(), m.end(), None, None))
            continue
        y, mo, d = int(ys), int(mos), int(ds) if ds else None
        if not valid(y, mo, d):
            hits.append(("PB401", m.start(), m.end(), None, None))
        elif not plans and is_future(y, mo, d, today):
            hits.append(("PB402", m.start(), m.end(), None, None))
    return hits


def meta_date(value: str) -> tuple[int, int, int | None] | None:
    m = _META_DATE.fullmatch(value)
    if not m:
        return None
    return int(m.group(1)), int(m.group(2)), int(m.group(3)) if m.group(3) else None


@draft_rule("PB401")
def impossible_meta_date(ctx: Context) -> Iterable[Finding]:
    parsed = meta_date(ctx.draft.meta.date)
    if parsed and not valid(*parsed):
        yield finding("PB401", "signoff", args={"text": format_date(ctx.draft.meta.date)})


@draft_rule("PB402")
def future_meta_date(ctx: Context) -> Iterable[Finding]:
    parsed = meta_date(ctx.draft.meta.date)
    if parsed and valid(*parsed):
        y, m, d = parsed
        first = date(y, m, d or 1)
        if first > ctx.today + timedelta(days=31):
            yield finding("PB402", "signoff", args={"text": format_date(ctx.draft.meta.date)})


_CLAUSE = re.compile(r"[^，。；！？,;!?\n]+")
_CLAUSE_MARKS = "，。；！？,;!?\n"
_CLAUSE_MARK = re.compile(f"[{_CLAUSE_MARKS}]")
_EVENT_HINT = re.compile(r"出生|生于|入党|共产党|党组织|党员|参加工作")
_EVENT_NAMES = {"birth": "出生", "party": "入党", "work": "参加工作"}


# a life event stated in a clause: the event names its clause matches (in the order of
# words().events), when (month 6 for a year alone), its date's span and text
_ClauseEvent = tuple[tuple[str, ...], tuple[int, int], int, int, str]


@lru_cache(maxsize=4096)
def _text_events(text: str) -> tuple[bool, tuple[_ClauseEvent, ...]]:
    """Whether ``text`` names a birth date (出生, 生于 with a 年), and its dated clauses
    stating a life event, in text order. Cached per text: a keystroke re-reads one
    paragraph."""
    if "年" not in text:
        return False, ()
    born = "出生" in text or "生于" in text
    if not _EVENT_HINT.search(text):
        return born, ()
    events = words().events
    out: list[_ClauseEvent] = []
    last_clause = -1
    # the dates first (rare), then their clauses: a date never spans a clause mark, so the
    # first date of a clause is the first found in the text after the clause's start
    backwards = text[::-1]  # the clause's start: the first mark searched backwards
    for dm in _DATE.finditer(text):
        before = _CLAUSE_MARK.search(backwards, len(text) - dm.start())
        lo = len(text) - before.start() if before else 0
        if lo == last_clause:
            continue  # (only the first date of a clause counts)
        last_clause = lo
        y, mo, _ = _parts(dm)
        if not valid(y, mo, None):
            continue
        stop = _CLAUSE_MARK.search(text, dm.end())
        c = text[lo : stop.start() if stop else len(text)]
        if not _EVENT_HINT.search(c):  # (each event's pattern holds one of its words)
            continue
        names = tuple(name for name, pat in events.items() if pat.search(c))
        if names:
            out.append((names, (y, mo or 6), dm.start(), dm.end(), dm.group()))
    return born, tuple(out)


@draft_rule("PB403")
def dates_out_of_order(ctx: Context) -> Iterable[Finding]:
    # life events are stated in the paragraphs (基本情况), and only matter with a birth date
    found = [(u, _text_events(u.text)) for u in ctx.units if u.field == "paragraph"]
    if not any(born for _, (born, _) in found):
        return
    events: dict[str, tuple[tuple[int, int], Unit, int, int, str]] = {}
    for unit, (_, stated) in found:
        for names, when, s, e, text in stated:
            # the clause states the first of its events not stated before
            name = next((n for n in names if n not in events), None)
            if name is not None:
                events[name] = (when, unit, s, e, text)
    birth = events.get("birth")
    if not birth:
        return
    for name in ("party", "work"):
        ev = events.get(name)
        if not ev:
            continue
        (by, bm), (ey, em) = birth[0], ev[0]
        months = (ey - by) * 12 + (em - bm)
        what = ""
        if months <= 0:
            what = f"{_EVENT_NAMES[name]}时间（{ev[4]}）不晚于出生时间（{birth[4]}）"
        elif name == "party" and months < 18 * 12:
            what = f"按所写时间（{birth[4]}出生，{ev[4]}入党），入党时不满十八周岁"
        if what:
            _, unit, s, e, _ = ev
            yield finding(
                "PB403",
                unit.section,
                unit.item,
                unit.base + s,
                unit.base + e,
                {"what": what},
                field=unit.field,
                index=unit.index,
                field_start=s,
            )


_HAN_PAIR = re.compile(r"(?=([\u4e00-\u9fff]{2}))")  # every overlapping pair


@lru_cache(maxsize=4096)
def key_bigrams(text: str) -> frozenset[str]:
    """Pairs of adjacent Chinese characters, minus the too-common ones."""
    return frozenset(_HAN_PAIR.findall(text)) - words().stop_bigrams


BODY_KEYS = 2  # key terms of the problem's body a measure must share (without the heading's)


@lru_cache(maxsize=4096)
def measure_hits(problem_heading: str, problem_body: str, measure_text: str) -> bool:
    """Whether the measure answers the problem: it holds a key term of the problem's
    heading, or two of its body (a measure may name the concrete case, not the heading's
    words). True when the problem has no key term to look for."""
    keys = key_bigrams(problem_heading)
    if any(key in measure_text for key in keys):
        return True
    body_keys = key_bigrams(problem_body) - keys
    if not keys and not body_keys:
        return True
    return sum(1 for key in body_keys if key in measure_text) >= BODY_KEYS


@draft_rule("PB404")
def measure_misses_problem(ctx: Context) -> Iterable[Finding]:
    w = words()
    for spec in ctx.genre.content_sections():
        if spec.id not in w.plan_sections or not spec.linked_to:
            continue
        root = spec
        while root.linked_to and root.linked_to != spec.id:
            root = ctx.genre.section(root.linked_to)
        if root.id not in w.problem_sections:
            continue
        problems = [i for i in ctx.items(root.id) if not i.is_empty()]
        k = -1
        for index, measure in enumerate(ctx.items(spec.id)):
            if measure.is_empty():
                continue
            k += 1
            if k >= len(problems):
                break
            problem = problems[k]
            heading = problem.heading + "".join(p.heading for p in problem.items or [])
            body = problem.body + "".join(p.body for p in problem.items or [])
            text = (
                measure.heading
                + measure.body
                + "".join(p.heading + p.body for p in measure.items or [])
            )
            if not measure_hits(heading, body, text):
                shown = problem.heading.strip()
                shown = shown if len(shown) <= 20 else shown[:18] + "……"
                yield finding(
                    "PB404",
                    spec.id,
                    index,
                    0,
                    len(measure.heading),
                    {"n": k + 1, "problem": shown},
                    field="heading",
                )


_DATE_LINE = re.compile(r"(?m)^[ \t\u3000]*(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?[ \t\u3000]*$")


@draft_rule("PB405")
def signoff_date_mismatch(ctx: Context) -> Iterable[Finding]:
    meta = meta_date(ctx.draft.meta.date)
    if not meta:
        return
    shown_meta = format_date(ctx.draft.meta.date)

    def differs(m: re.Match[str]) -> bool:
        y, mo, d = int(m.group(1)), int(m.group(2)), m.group(3)
        if (y, mo) != meta[:2]:
            return True
        return d is not None and meta[2] is not None and int(d) != meta[2]

    for unit in ctx.units:
        if (
            "年" not in unit.text
            or ctx.genre.section(owner_section(unit.section)).kind is SectionKind.LINE
        ):
            continue
        for m in _DATE_LINE.finditer(unit.text):
            if differs(m):
                s, e = m.start(1), m.end()
                yield finding(
                    "PB405",
                    unit.section,
                    unit.item,
                    unit.base + s,
                    unit.base + e,
                    {"text": m.group().strip(), "meta": shown_meta},
                    field=unit.field,
                    index=unit.index,
                    field_start=s,
                )
    for text in ctx.draft.unplaced:
        for m in _DATE_LINE.finditer(text):
            if differs(m):
                yield finding(
                    "PB405", "unplaced", args={"text": m.group().strip(), "meta": shown_meta}
                )


_NUMERALS = {
    "两": 2,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
}
_COUNT = re.compile(r"([两二三四五六七八九十])(?:个方面|方面|点|条)")
_COUNT_CONTEXT = re.compile(r"问题|不足|差距|短板|查摆|对照|剖析|检视|检查|查找")


@lru_cache(maxsize=4096)
def _count_claim(text: str) -> tuple[int, int, int] | None:
    """The first count of aspects of problems ``text`` announces (从两个方面查摆): the
    number said and its span. Cached per text: a keystroke re-reads one paragraph."""
    if not _COUNT.search(text):
        return None
    for clause in _CLAUSE.finditer(text):
        m = _COUNT.search(clause.group())
        if not m or not _COUNT_CONTEXT.search(clause.group()):
            continue
        s = clause.start() + m.start()
        return _NUMERALS[m.group(1)], s, s + len(m.group())
    return None


@draft_rule("PB406")
def opening_count_mismatch(ctx: Context) -> Iterable[Finding]:
    """The opening announces N aspects of problems but the problems section has another
    number of them (从两个方面 … and three groups follow)."""
    problem_sections = [s for s in words().problem_sections if s in ctx.by_section]
    if not problem_sections:
        return
    n = sum(1 for i in ctx.items(problem_sections[0]) if not i.is_empty())
    if not n:
        return
    for unit in ctx.units:
        claim = _count_claim(unit.text) if unit.field == "paragraph" else None
        if claim is None:
            continue
        said, s, e = claim
        if said != n:
            yield at_unit("PB406", unit, s, e, {"said": said, "count": n})
        return  # the first announced count is the one that matters


def clear_cache() -> None:
    """Forget per-text results (a cold run in the benchmarks)."""
    _text_events.cache_clear()
    _count_claim.cache_clear()
    key_bigrams.cache_clear()
    measure_hits.cache_clear()


RULES = (
    dates,
    impossible_meta_date,
    future_meta_date,
    dates_out_of_order,
    measure_misses_problem,
    signoff_date_mismatch,
    opening_count_mismatch,
)
