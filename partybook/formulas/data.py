"""The formulas file (``templates/rules/formulas.yaml``): its schema, the result types, and
the compiled form every scan uses — one Aho-Corasick automaton of trigger words."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from ahocorasick_rs import AhoCorasick, MatchKind
from pydantic import BaseModel, ConfigDict, ValidationError

from ..datafile import read_yaml
from ..errors import PartybookError
from ..paths import templates_dir
from ..validation import zh_reason

WHAT = "政治表述文件"
QUOTES = '“”"‘’「」'
_CJK = "\u4e00-\u9fff"
_SEP = r"\s*(?:、|，|,|；|;|以及|和|及|与)\s*"
NameRx = tuple[re.Pattern[str], re.Pattern[str]]  # the name introducing / summing up a run


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Part(_Model):
    anchor: str
    text: list[str]
    skeleton: list[str] = []  # key words of text[0] in order: what an attempt keeps
    keys: list[str] = []  # the skeleton's rarer words: every attempt holds one (the trigger)
    alone: bool = False


class Variant(_Model):
    members: list[str]
    until: int
    note: str = ""


class _Entry(_Model):
    id: str
    name: str
    note: str = ""
    verified: str = ""
    unverified: str = ""


class Formula(_Entry):
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


class Dated(_Entry):
    kind: Literal["campaign", "congress", "plenum", "plan", "title", "phrase"]
    patterns: list[str]
    start: int
    end: int | None
    current_until: int | None = None
    exempt_after: str | None = None
    current: str | None = None


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
    """A formula spelled out right in a text."""

    start: int
    end: int
    found: str
    name: str


def quoted(word: str) -> str:
    """Regex for ``word`` with its quotation marks optional and interchangeable."""
    return "".join(f"[{QUOTES}]?" if c in QUOTES else re.escape(c) for c in word)


_NO_QUOTES = str.maketrans("", "", QUOTES)


def plain(s: str) -> str:
    return s.translate(_NO_QUOTES)


@dataclass(slots=True)
class ListFormula:
    f: Formula
    item: re.Pattern[str]  # one item with its optional prefix/suffix; group "core"
    run: re.Pattern[str]
    name: NameRx
    members: tuple[str, ...]  # plain (no quotes)
    min_run: int
    known: frozenset[str]  # confusions and older versions' members: recognised, not right


@dataclass(slots=True)
class ClausePart:
    """A part of a clause formula with where its skeleton words sit in its first text."""

    f: Formula
    part: Part
    anchor: re.Pattern[str]
    skeleton: tuple[tuple[str, int, int], ...]  # (word, start, end) in part.text[0]


@dataclass(slots=True)
class Compiled:
    trigger: AhoCorasick
    words: tuple[str, ...]  # the trigger words (a text holding none has no formula)
    groups: list[list[str]]  # per trigger word, the groups it stands for
    skeleton: AhoCorasick | None  # the clause parts' skeleton words (overlapping matches)
    skeleton_groups: list[list[str]]  # per skeleton word, the clause formulas (K<i>) using it
    skeleton_words: tuple[str, ...]
    lists: list[ListFormula]
    clauses: list[tuple[Formula, list[ClausePart], NameRx]]
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
    return "|".join(quoted(w) for w in sorted(set(words), key=len, reverse=True))


def _key(pattern: str) -> str:
    """The longest run of Chinese characters every match of ``pattern`` contains."""
    required = re.sub(
        r"\(\?:[^()]*\)\?|\[[^\]]*\]\??|[\u4e00-\u9fff]\?|\\.|[()|?*+{}]", "|", pattern
    )
    return max(re.findall(f"[{_CJK}]+", required), key=len)


@lru_cache(maxsize=1)
def compiled() -> Compiled:
    ff = load_file()
    keys: dict[str, list[str]] = {}  # trigger word → the groups it stands for (L3: fourth list)

    def add(word: str, group: str) -> None:
        keys.setdefault(word, []).append(group)

    lists: list[ListFormula] = []
    clauses: list[tuple[Formula, list[ClausePart], NameRx]] = []
    names: dict[str, tuple[Formula, str]] = {}
    skeleton_keys: dict[str, list[str]] = {}  # skeleton word → the clause formulas using it
    for f in ff.formulas:
        names_alt = _alt([f.name, *f.aliases])
        name_rx = (  # the name introducing a run (四个意识即……) or summing it up (……这“四个意识”)
            re.compile(
                f"(?:{names_alt})[{QUOTES}]?[{_CJK}]{{0,4}}[，,]?(?:即|就是|是指|指的是|包括|也就是|：|:)[^。；]{{0,6}}$"
            ),
            re.compile(f"\\s*(?:这|的)?[{QUOTES}]?(?:{names_alt})"),
        )
        if f.kind == "list":
            olds = [m for v in f.variants for m in v.members]
            words = [*f.members, *f.confusions, *olds]
            cores = _alt(words) + (f"|{f.item}" if f.item else "")
            one = f"[{QUOTES}]?(?:{f.item_prefix})(?P<core>{cores})(?:{f.item_suffix})[{QUOTES}]?"
            item_rx = re.compile(one)
            run = re.compile(f"{one}(?:{_SEP}{one.replace('?P<core>', '')})+")
            known = frozenset(map(plain, [*f.confusions, *olds]))
            min_run = f.min_run or max(2, len(f.members) - 1)
            members = tuple(map(plain, f.members))
            for w in words:
                add(_key(re.escape(plain(w))), f"L{len(lists)}")
            lists.append(ListFormula(f, item_rx, run, name_rx, members, min_run, known))
        elif f.kind == "clauses":
            parts = []
            for part in f.parts:
                add(_key(part.anchor), f"C{len(clauses)}")
                for w in _keys(part):
                    add(w, f"R{len(clauses)}")
                for w in part.skeleton:
                    owners = skeleton_keys.setdefault(w, [])
                    if f"K{len(clauses)}" not in owners:
                        owners.append(f"K{len(clauses)}")
                parts.append(ClausePart(f, part, re.compile(part.anchor), _places(part)))
            clauses.append((f, parts, name_rx))
        for wrong, right in f.wrong_names.items():
            names[wrong] = (f, right)
            add(wrong, "N")
    dated: list[tuple[Dated, re.Pattern[str], re.Pattern[str] | None]] = []
    for d in ff.dated:
        for pattern in d.patterns:
            add(_key(pattern), f"D{len(dated)}")
        rx = re.compile("|".join(f"(?:{p})" for p in d.patterns))
        dated.append((d, rx, re.compile(d.exempt_after) if d.exempt_after else None))
    words = list(keys)
    trigger = AhoCorasick(words, matchkind=MatchKind.LeftmostLongest)
    skeleton_words = list(skeleton_keys)
    return Compiled(
        trigger,
        tuple(words),
        [keys[w] for w in words],
        AhoCorasick(skeleton_words) if skeleton_words else None,
        [skeleton_keys[w] for w in skeleton_words],
        tuple(skeleton_words),
        lists,
        clauses,
        names,
        dated,
        ff.current,
    )


def _keys(part: Part) -> list[str]:
    """The words that show a text may hold an attempt at ``part``: an attempt keeps all its
    skeleton words but one (at least two), so fewer words than that may be left out."""
    keys = part.keys or part.skeleton
    left_out = [w for w in part.skeleton if w not in keys]
    if len(left_out) >= max(2, len(part.skeleton) - 1) or not set(keys) <= set(part.skeleton):
        raise PartybookError(
            f"{WHAT}：“{part.text[0]}”的 keys 必须是 skeleton 中的词，"
            f"且最多只能比 skeleton 少 {max(2, len(part.skeleton) - 1) - 1} 个。"
        )
    return keys


def _places(part: Part) -> tuple[tuple[str, int, int], ...]:
    """Each skeleton word with its span in the part's first text, found in order."""
    text, at, out = part.text[0], 0, []
    for w in part.skeleton:
        start = text.find(w, at)
        if start < 0:
            raise PartybookError(
                f"{WHAT}：“{text}”的 skeleton 词“{w}”不在原文中或顺序不对。请按原文顺序列出原文里的词。"
            )
        out.append((w, start, start + len(w)))
        at = start + len(w)
    return tuple(out)


@lru_cache(maxsize=4096)
def hits(text: str) -> dict[str, list[tuple[int, int]]]:
    """Spans of trigger words in ``text`` by group; a dated entry's span is its full match."""
    d = compiled()
    out: dict[str, set[tuple[int, int]]] = {}
    for index, start, end in d.trigger.find_matches_as_indexes(text):
        for group in d.groups[index]:
            span = (start, end)
            if group[0] == "D":  # the entry's full pattern around its trigger word
                m = d.dated[int(group[1:])][1].search(text, max(0, start - 6), end + 10)
                if m is None or m.start() > start or m.end() < end:
                    continue
                span = m.span()
            out.setdefault(group, set()).add(span)
    return {group: sorted(spans) for group, spans in out.items()}
