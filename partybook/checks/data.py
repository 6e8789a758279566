"""The checks' data files in ``templates/rules/``, read once and compiled once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..datafile import read_yaml
from ..paths import templates_dir


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


@lru_cache(maxsize=1)
def words() -> Words:
    d = _read("words.yaml")
    alt = lambda ws: "|".join(re.escape(w) for w in sorted(ws, key=len, reverse=True))  # noqa: E731
    return Words(
        problem_sections=frozenset(d["problem_sections"]),
        plan_sections=frozenset(d["plan_sections"]),
        first_person=re.compile(alt(d["first_person"])),
        others=re.compile(alt(d["others_words"])),
        concrete=tuple(re.compile(p) for p in d["concrete_patterns"]),
        stop_bigrams=frozenset(d["stop_bigrams"]),
        events={k: re.compile(v) for k, v in d["life_events"].items()},
    )


@dataclass(frozen=True, slots=True)
class Misspelling:
    wrong: str
    right: str
    note: str


@lru_cache(maxsize=8)
def misspellings(genre: str) -> tuple[re.Pattern[str] | None, dict[str, Misspelling]]:
    """One regex for every misspelling that applies to ``genre``, and the entries by text."""
    entries = _read("misspellings.yaml")["misspellings"]
    parts: list[tuple[str, str]] = []
    table: dict[str, Misspelling] = {}
    for e in entries:
        genres = e.get("genres")
        if genres and genre not in genres:
            continue
        wrong = str(e["wrong"])
        pat = (f"(?<={e['before']})" if e.get("before") else "") + re.escape(wrong)
        if e.get("after"):
            pat += f"(?={e['after']})"
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
