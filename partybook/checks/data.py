"""The checks' data files in ``templates/rules/``, read once and compiled once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..datafile import read_yaml
from ..paths import templates_dir
from ..text import any_pattern, any_word


def _read(name: str) -> Any:
    return read_yaml(templates_dir() / "rules" / name, "规则数据文件")


@dataclass(frozen=True, slots=True)
class Words:
    problem_sections: frozenset[str]
    plan_sections: frozenset[str]
    first_person: re.Pattern[str]
    others: re.Pattern[str]
    concrete: tuple[re.Pattern[str], ...]
    stop_bigrams: frozenset[str]
    events: dict[str, re.Pattern[str]]
    doubled_ok: frozenset[str]


@lru_cache(maxsize=1)
def words() -> Words:
    d = _read("words.yaml")
    return Words(
        problem_sections=frozenset(d["problem_sections"]),
        plan_sections=frozenset(d["plan_sections"]),
        first_person=re.compile("|".join(d["first_person"])),
        others=re.compile(any_word(d["others_words"])),
        concrete=tuple(re.compile(p) for p in d["concrete_patterns"]),
        stop_bigrams=frozenset(d["stop_bigrams"]),
        events={k: re.compile(v) for k, v in d["life_events"].items()},
        doubled_ok=frozenset(d["doubled_ok"]),
    )


@dataclass(frozen=True, slots=True)
class Misspelling:
    wrong: str
    right: str
    note: str


@lru_cache(maxsize=8)
def misspellings(genre: str) -> tuple[re.Pattern[str] | None, dict[str, Misspelling]]:
    """PB505: one regex for every misspelling that applies to ``genre``, and the entries."""
    return _replacements(_read("misspellings.yaml")["misspellings"], genre)


@lru_cache(maxsize=8)
def de_di_de(genre: str) -> tuple[re.Pattern[str] | None, dict[str, Misspelling]]:
    """PB510: the same for 的/地/得 in fixed phrases."""
    return _replacements(_read("de_di_de.yaml")["phrases"], genre)


def _replacements(
    entries: list[dict[str, Any]], genre: str
) -> tuple[re.Pattern[str] | None, dict[str, Misspelling]]:
    """One regex for the entries (``wrong`` with its context) and the entries by text."""
    parts: list[tuple[str, str]] = []
    table: dict[str, Misspelling] = {}
    for e in entries:
        genres = e.get("genres")
        if genres and genre not in genres:
            continue
        wrong = str(e["wrong"])
        pat = (f"(?<={e['before']})" if e.get("before") else "") + re.escape(wrong)
        if e.get("not_before"):
            pat = f"(?<!{e['not_before']})" + pat
        if e.get("after"):
            pat += f"(?={e['after']})"
        if e.get("not_after"):
            pat += f"(?!{e['not_after']})"
        parts.append((wrong, pat))
        table[wrong] = Misspelling(wrong, str(e["right"]), str(e.get("note", "")))
    if not parts:
        return None, table
    return re.compile(_trie(parts)), table


def _trie(parts: list[tuple[str, str]]) -> str:
    """One alternation grouped by first character (``责(?:任当意识|…)|急燥|…``), longest
    first inside each group: the regex engine then tries one branch per position instead
    of every entry."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for wrong, pat in parts:
        groups.setdefault(wrong[0], []).append((wrong, pat))
    out = []
    for first, entries in groups.items():
        entries.sort(key=lambda e: len(e[0]), reverse=True)
        plain = [p for w, p in entries if p.startswith(re.escape(first))]
        other = [p for w, p in entries if not p.startswith(re.escape(first))]
        if len(plain) > 1:
            rests = "|".join(p[len(re.escape(first)) :] for p in plain)
            out.append(f"{re.escape(first)}(?:{rests})")
        else:
            out.extend(plain)
        out.extend(other)
    return "|".join(out)


@dataclass(frozen=True, slots=True)
class Substance:
    """The word lists of ``substance.yaml`` (PB507, PB6xx), compiled."""

    cause_sections: frozenset[str]
    criticism_sections: frozenset[str]
    quotation: re.Pattern[str]
    virtue_faults: re.Pattern[str]
    virtue_unmasked: re.Pattern[str]
    objective_causes: re.Pattern[str]
    excuse_named: re.Pattern[str]
    measure_checkable: tuple[re.Pattern[str], ...]
    confessions: re.Pattern[str]
    confession_denied: re.Pattern[str]
    others_subjects: re.Pattern[str]  # at the start of a clause
    # the fixed strings of others_subjects, blame and words.others (derived): a text where
    # none occurs names no others
    others_quick: re.Pattern[str]
    blame: re.Pattern[str]
    self_member: re.Pattern[str]
    others_object: re.Pattern[str]
    fault_words: re.Pattern[str]
    past_after: re.Pattern[str]
    past_in_clause: re.Pattern[str]
    past_frame_before: re.Pattern[str]  # searched up to the mention (ends there)
    past_frame_after: re.Pattern[str]  # matched at the mention's end
    past_markers: re.Pattern[str]


def _literals_of(*patterns: str) -> re.Pattern[str]:
    """One regex of fixed strings of which every match of any of ``patterns`` holds one
    (see :func:`.prefilter.required_literals`; a pattern without any counts whole)."""
    from .prefilter import required_literals

    words: set[str] = set()
    for p in patterns:
        found = required_literals(p)
        if found is None:
            return re.compile(any_pattern(patterns))
        words.update(found)
    return re.compile(any_word(words))


def _any(patterns: list[str]) -> re.Pattern[str]:
    return re.compile(any_pattern(patterns))


@lru_cache(maxsize=1)
def substance() -> Substance:
    d = _read("substance.yaml")
    return Substance(
        cause_sections=frozenset(d["cause_sections"]),
        criticism_sections=frozenset(d["criticism_sections"]),
        quotation=re.compile(d["quotation"]),
        virtue_faults=_any(d["virtue_faults"]),
        virtue_unmasked=re.compile(d["virtue_unmasked"]),
        objective_causes=_any(d["objective_causes"]),
        excuse_named=re.compile(d["excuse_named"]),
        measure_checkable=tuple(re.compile(p) for p in d["measure_checkable"]),
        confessions=_any(d["confessions"]),
        confession_denied=re.compile(d["confession_denied"]),
        others_subjects=re.compile(d["others_subjects"]),
        others_quick=_literals_of(
            d["others_subjects"], d["blame"], *_read("words.yaml")["others_words"]
        ),
        blame=re.compile(d["blame"]),
        self_member=re.compile(d["self_member"]),
        others_object=re.compile(d["others_object"]),
        fault_words=re.compile(d["fault_words"]),
        past_after=re.compile(d["past_after"]),
        past_in_clause=re.compile(d["past_in_clause"]),
        past_frame_before=re.compile(d["past_frame_before"]),
        past_frame_after=re.compile(d["past_frame_after"]),
        past_markers=re.compile(d["past_markers"]),
    )
