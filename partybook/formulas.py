"""Exact political wordings (``templates/rules/formulas.yaml``) and pure functions over them.

- :func:`find_misquotes` — a formula spelled out with a wrong, missing or reordered member,
  a changed word, an outdated version, or a misspelt name.
- :func:`find_dated` — campaigns, meetings, plans and titles presented as current in a draft
  of a later year; mentions clearly presented as history are left alone.
- :func:`formula_wordings_in` — every formula a text spells out, right or wrong.

One Aho-Corasick automaton of trigger words gates everything: a text without any returns at once.
Results are cached per (text, year).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from ahocorasick_rs import AhoCorasick, MatchKind
from pydantic import BaseModel, ConfigDict, ValidationError

from .datafile import read_yaml
from .errors import PartybookError
from .paths import templates_dir
from .validation import zh_reason

WHAT = "政治表述文件"
QUOTES = '“”"‘’「」'
_CJK = "\u4e00-\u9fff"
_SEP = r"\s*(?:、|，|,|；|;|以及|和|及|与)\s*"
_CLAUSE_END = re.compile(r"[，。；！？：,;!?:\n]")
_BOUNDARY = "。！？；\n"
_YEAR = re.compile(r"((?:19|20)\d\d)年")
_PAST_BEFORE = re.compile(
    r"曾经?|当年|那时|那年|彼时|回顾|回望|早在|过去|此前|之前|时任|先后|历次|经历|参加过|开展过"
)
_PAST_AFTER = re.compile(
    r"[”\"’」]?[^。！？；\n，]{0,12}?(?:以来|期间|时期|时[，,的]|那年|成果|成效|收官|之时)"
)
_NAME_BEFORE = 14
_NAME_AFTER = 8


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Part(_Model):
    anchor: str
    text: list[str]
    alone: bool = False


class Variant(_Model):
    members: list[str]
    until: int
    note: str = ""


class Formula(_Model):
    id: str
    name: str
    aliases: list[str] = []
    kind: Literal["list", "clauses", "name"]
    members: list[str] = []
    members_info: list[str] = []
    item: str | None = None
    item_prefix: str = ""
    item_suffix: str = ""
    confusions: dict[str, str] = {}
    min_run: int | None = None
    continued_by: list[str] = []
    partial_ok: bool = False
    variants: list[Variant] = []
    parts: list[Part] = []
    wrong_names: dict[str, str] = {}
    wording: str
    year: int
    source: str
    verified: str = ""
    unverified: str = ""


class Dated(_Model):
    id: str
    name: str
    kind: Literal["campaign", "congress", "plenum", "plan", "title", "phrase"]
    patterns: list[str]
    start: int
    end: int | None
    current_until: int | None = None
    exempt_after: str | None = None
    current: str | None = None
    note: str = ""
    verified: str = ""
    unverified: str = ""


class FormulaFile(_Model):
    formulas: list[Formula]
    dated: list[Dated]
    current: dict[str, list[tuple[int, int, str]]]


@dataclass(frozen=True, slots=True)
class Misquote:
    """A formula quoted wrongly: replace ``text[start:end]`` (``found``) by ``expected``."""

    start: int
    end: int
    found: str
    expected: str
    name: str
    source: str
    kind: str  # member | missing | order | word | outdated | name
    detail: str  # Chinese: what exactly is wrong
    wording: str  # the formula's full canonical wording


@dataclass(frozen=True, slots=True)
class DatedMention:
    """A campaign, meeting, plan or title presented as current after its time."""

    start: int
    end: int
    found: str
    current: str
    name: str
    source: str  # the entry's name and years
    kind: str


@dataclass(frozen=True, slots=True)
class Wording:
    """A formula spelled out in a text; ``ok`` when it matches the canonical wording."""

    start: int
    end: int
    found: str
    name: str
    ok: bool


def _quoted(word: str) -> str:
    """Regex for ``word`` with its quotation marks optional and interchangeable."""
    out = []
    for c in word:
        out.append(f"[{QUOTES}]?" if c in QUOTES else re.escape(c))
    return "".join(out)


_NO_QUOTES = str.maketrans("", "", QUOTES)


def _plain(s: str) -> str:
    return s.translate(_NO_QUOTES)


@dataclass(slots=True)
class _List:
    f: Formula
    item: re.Pattern[str]  # one item with its optional prefix/suffix; group "core"
    run: re.Pattern[str]
    name: re.Pattern[str]
    members: tuple[str, ...]  # plain (no quotes)
    min_run: int
    known: frozenset[str]  # confusions and older versions' members: recognised, not right


@dataclass(slots=True)
class _Data:
    trigger: AhoCorasick
    groups: list[list[str]]  # per trigger word, the groups it stands for
    lists: list[_List]
    clauses: list[tuple[Formula, list[re.Pattern[str]], re.Pattern[str]]]
    names: dict[str, tuple[Formula, str]]
    dated: list[tuple[Dated, re.Pattern[str], re.Pattern[str] | None]]
    current: dict[str, list[tuple[int, int, str]]]


def load_file() -> FormulaFile:
    path = templates_dir() / "rules" / "formulas.yaml"
    data = read_yaml(path, WHAT)
    try:
        return FormulaFile.model_validate(data)
    except ValidationError as err:
        e = err.errors()[0]
        loc = ".".join(str(x) for x in e["loc"])
        raise PartybookError(
            f"{WHAT} {path} 的键 {loc}：{zh_reason(e)}。请对照文件开头的说明修改。"
        ) from None


def _alt(words: list[str]) -> str:
    return "|".join(_quoted(w) for w in sorted(set(words), key=len, reverse=True))


def _key(pattern: str) -> str:
    """The longest run of Chinese characters every match of ``pattern`` contains."""
    required = re.sub(
        r"\(\?:[^()]*\)\?|\[[^\]]*\]\??|[\u4e00-\u9fff]\?|\\.|[()|?*+{}]", "|", pattern
    )
    return max(re.findall(f"[{_CJK}]+", required), key=len)


@lru_cache(maxsize=1)
def _data() -> _Data:
    ff = load_file()
    keys: dict[str, list[str]] = {}  # trigger word → the groups it stands for (L3: fourth list)

    def add(word: str, group: str) -> None:
        keys.setdefault(word, []).append(group)

    lists, clauses = [], []
    names: dict[str, tuple[Formula, str]] = {}
    for f in ff.formulas:
        name_rx = re.compile(_alt([f.name, *f.aliases]))
        if f.kind == "list":
            olds = [m for v in f.variants for m in v.members]
            words = [*f.members, *f.confusions, *olds]
            cores = _alt(words) + (f"|{f.item}" if f.item else "")
            one = f"[{QUOTES}]?(?:{f.item_prefix})(?P<core>{cores})(?:{f.item_suffix})[{QUOTES}]?"
            item_rx = re.compile(one)
            run = re.compile(f"{one}(?:{_SEP}{one.replace('?P<core>', '')})+")
            known = frozenset(map(_plain, [*f.confusions, *olds]))
            min_run = f.min_run or max(2, len(f.members) - 1)
            members = tuple(map(_plain, f.members))
            for w in words:
                add(_key(re.escape(_plain(w))), f"L{len(lists)}")
            lists.append(_List(f, item_rx, run, name_rx, members, min_run, known))
        elif f.kind == "clauses":
            for part in f.parts:
                add(_key(part.anchor), f"C{len(clauses)}")
            clauses.append((f, [re.compile(p.anchor) for p in f.parts], name_rx))
        for wrong, right in f.wrong_names.items():
            names[wrong] = (f, right)
            add(wrong, "N")
    dated = []
    for d in ff.dated:
        for pattern in d.patterns:
            add(_key(pattern), f"D{len(dated)}")
        rx = re.compile("|".join(f"(?:{p})" for p in d.patterns))
        dated.append((d, rx, re.compile(d.exempt_after) if d.exempt_after else None))
    words = list(keys)
    trigger = AhoCorasick(words, matchkind=MatchKind.Standard)
    return _Data(trigger, [keys[w] for w in words], lists, clauses, names, dated, ff.current)


@lru_cache(maxsize=4096)
def _hits(text: str) -> dict[str, list[tuple[int, int]]]:
    """Spans of trigger words in ``text`` by group; a dated entry's span is its full match."""
    d = _data()
    out: dict[str, list[tuple[int, int]]] = {}
    for index, start, end in d.trigger.find_matches_as_indexes(text, overlapping=True):
        for group in d.groups[index]:
            if group[0] == "D":
                rx = d.dated[int(group[1:])][1]
                m = rx.search(text, max(0, start - 6), min(len(text), end + 10))
                if m is None or m.start() > start or m.end() < end:
                    continue
                start, end = m.span()
            spans = out.setdefault(group, [])
            if not spans or spans[-1] != (start, end):
                spans.append((start, end))
    for spans in out.values():
        spans.sort()
    return out


def _near_name(text: str, start: int, end: int, name: re.Pattern[str]) -> bool:
    return bool(
        name.search(text, max(0, start - _NAME_BEFORE), start)
        or name.search(text, end, min(len(text), end + _NAME_AFTER))
    )


def _expected_run(fl: _List, prefix: str, suffix: str) -> str:
    f = fl.f
    if not f.item_prefix and not f.item_suffix:
        first = f.wording.find(f.members[0])
        last = f.wording.rfind(f.members[-1]) + len(f.members[-1])
        return f.wording[first:last]
    return "、".join(prefix + m + suffix for m in f.members)


def _judge(fl: _List, cores: list[str], year: int | None, tail: str) -> tuple[str, str] | None:
    """(kind, Chinese detail) of what is wrong with a run of items, or None when right."""
    f, want = fl.f, list(fl.members)
    confused = [c for c in cores if c in f.confusions]
    if confused:
        c = confused[0]
        return "word", f"“{c}”应为“{_plain(f.confusions[c])}”"
    known = [c for c in cores if c in want]
    if _contains(cores, want):  # the full formula, maybe with other words around it
        return None
    if cores == want[: len(cores)] and any(c in tail for c in f.continued_by):
        return None
    if f.partial_ok and _contains(want, cores):  # quoting a stretch of the oath is fine
        return None
    for v in f.variants:
        if cores == [_plain(m) for m in v.members]:
            if year is not None and year > v.until:
                return "outdated", f"这是{v.until}年以前的提法：{v.note}"
            return None
    unknown = [c for c in cores if c not in want]
    if len(set(known)) < len(known):
        dup = next(c for c in known if known.count(c) > 1)
        return "member", f"“{dup}”重复出现"
    if unknown and len(known) < len(want):
        miss = [m for m in want if m not in known]
        return "member", f"“{unknown[0]}”不是“{f.name}”的内容，应为“{miss[0]}”"
    if sorted(known) == sorted(want):
        return "order", f"顺序应为：{'、'.join(want)}"
    miss = [m for m in want if m not in known]
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
            out.append((max(0, group[0][0] - 40), min(size, group[-1][1] + 80)))
        if sp is not None:
            group = [sp]
    return out


def _list_wordings(text: str, fl: _List, spans: list, year: int | None, out: list) -> None:
    seen: set[int] = set()
    for lo, hi in _windows(spans, len(text)):
        for m in fl.run.finditer(text, lo, hi):
            if m.start() not in seen:
                seen.add(m.start())
                _judge_run(text, fl, m, year, out)


def _judge_run(text: str, fl: _List, m: re.Match[str], year: int | None, out: list) -> None:
    items = list(fl.item.finditer(text, m.start(), m.end()))
    cores = [_plain(i.group("core")) for i in items]
    want = fl.members
    members = sum(1 for c in cores if c in want)
    recognised = sum(1 for c in cores if c in want or c in fl.known)
    if members < 2:
        return
    if recognised < fl.min_run and not _near_name(text, m.start(), m.end(), fl.name):
        return
    tail = text[m.end() : m.end() + 40]
    verdict = _judge(fl, cores, year, tail)
    found = m.group()
    if verdict is None:
        out.append(Wording(m.start(), m.end(), found, fl.f.name, True))
        return
    first = items[0]
    core_at = first.start("core") - first.start()
    prefix = _plain(first.group()[:core_at])
    suffix = _plain(first.group()[core_at + len(first.group("core")) :])
    f = fl.f
    kind, detail = verdict
    if kind == "word":  # correct the confused words only, keep the rest as written
        expected = found
        for i in items:
            core = _plain(i.group("core"))
            if core in f.confusions:
                expected = expected.replace(i.group("core"), _plain(f.confusions[core]))
    else:
        expected = _expected_run(fl, prefix, suffix)
    out.append(
        Misquote(m.start(), m.end(), found, expected, f.name, f.source, kind, detail, f.wording)
    )


def _clause_wordings(
    text: str, f: Formula, anchors: list, name: re.Pattern[str], out: list
) -> None:
    spots: list[tuple[int, Part]] = []
    for a, p in zip(anchors, f.parts, strict=True):
        spots += [(m.start(), p) for m in a.finditer(text)]
    if not spots:
        return
    spots.sort(key=lambda s: s[0])
    for at, part in spots:
        others = any(abs(o - at) <= 90 and q is not part for o, q in spots)
        if not (part.alone or others or _near_name(text, at, at, name)):
            continue
        stop = _CLAUSE_END.search(text, at)
        clause_end = stop.start() if stop else len(text)
        clause = text[at:clause_end]
        plain = _plain(clause)
        right = next((t for t in part.text if plain.startswith(t)), None)
        if right is not None:
            out.append(Wording(at, at + len(right), right, f.name, True))
            continue
        want = part.text[0]
        end = at + (len(clause) if len(clause) <= len(want) + 10 else len(want))
        found = text[at:end]
        detail = f"应为“{want}”"
        out.append(Misquote(at, end, found, want, f.name, f.source, "word", detail, f.wording))


@lru_cache(maxsize=4096)
def _scan(text: str, year: int | None) -> tuple[object, ...]:
    hits = _hits(text)
    if not hits:
        return ()
    d = _data()
    out: list[object] = []
    for i, fl in enumerate(d.lists):
        spans = hits.get(f"L{i}")
        if spans and len(spans) >= 2:
            _list_wordings(text, fl, spans, year, out)
    for i, (f, anchors, name) in enumerate(d.clauses):
        if f"C{i}" in hits:
            _clause_wordings(text, f, anchors, name, out)
    for start, end in hits.get("N", ()):
        found = text[start:end]
        f, right = d.names[_plain(found)]
        detail = f"名称应为“{right}”"
        out.append(Misquote(start, end, found, right, f.name, f.source, "name", detail, f.wording))
    out.sort(key=lambda r: (r.start, r.end))  # type: ignore[attr-defined]
    return tuple(out)


def find_misquotes(text: str, year: int | None = None) -> list[Misquote]:
    """Formulas spelled out wrongly in ``text`` (a draft dated ``year``, when known)."""
    return [r for r in _scan(text, year) if isinstance(r, Misquote)]


def formula_wordings_in(text: str, year: int | None = None) -> list[Wording | Misquote]:
    """Every formula ``text`` spells out: :class:`Wording` when right, :class:`Misquote` when not."""
    return [r for r in _scan(text, year) if isinstance(r, Wording | Misquote)]


def current_for(kind: str, year: int) -> str:
    """What is current in ``year`` for a kind of dated entry (congress, campaign, plan)."""
    rows = _data().current["congress" if kind == "plenum" else kind]
    for lo, hi, text in rows:
        if lo <= year <= hi:
            return text
    return rows[-1][2] if year > rows[-1][1] else rows[0][2]


def _historical(text: str, start: int, end: int, year: int) -> bool:
    """Whether the sentence around ``text[start:end]`` presents it as past."""
    back = max(0, start - 160)
    lo = max(back - 1, *(text.rfind(c, back, start) for c in _BOUNDARY)) + 1
    before = text[lo:start]
    if _PAST_BEFORE.search(before):
        return True
    if any(int(y) < year for y in _YEAR.findall(before + text[end : end + 10])):
        return True
    return bool(_PAST_AFTER.match(text, end))


@lru_cache(maxsize=4096)
def _dated(text: str, year: int) -> tuple[DatedMention, ...]:
    hits = _hits(text)
    if not hits:
        return ()
    out = []
    for i, (e, _rx, exempt) in enumerate(_data().dated):
        limit = e.current_until or e.end
        if limit is None or year <= limit:
            continue
        for start, end in hits.get(f"D{i}", ()):
            if exempt is not None and exempt.match(text, end):
                continue
            if _historical(text, start, end, year):
                continue
            now = e.current or current_for(e.kind, year)
            years = f"{e.start}—{e.end}年" if e.end != e.start else f"{e.start}年"
            found = text[start:end]
            out.append(DatedMention(start, end, found, now, e.name, f"{e.name}（{years}）", e.kind))
    out.sort(key=lambda r: r.start)
    return tuple(out)


def find_dated(text: str, year: int) -> list[DatedMention]:
    """Mentions in ``text`` that are out of date for a draft of ``year``, not framed as past."""
    return list(_dated(text, year))


def clear_cache() -> None:
    """Forget cached results and the data file (after editing formulas.yaml)."""
    _scan.cache_clear()
    _dated.cache_clear()
    _hits.cache_clear()
    _data.cache_clear()
