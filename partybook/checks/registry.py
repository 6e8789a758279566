"""The rule registry: every code's texts (from ``templates/rules/catalogue.yaml``) and its
implementation (a function in one of the family modules).

Two kinds of implementation:

* a **unit rule** scans one piece of text (a line, paragraph, heading or body) and returns
  hits ``(code, start, end, args, fix)`` relative to that text. Unit rules are pure
  functions of the text and a few settings, so their results are cached per text: when a
  writer types in one paragraph only that paragraph is scanned again. One scanner may
  serve several codes (a family combines its patterns into one regex);
* a **draft rule** looks at the whole draft (counts, lengths, dates across sections) and
  returns findings.

To add a rule: add its entry to the catalogue (title, severity, message, what, why,
example), write the function in its family module decorated with ``@unit_rule(code)`` or
``@draft_rule(code)``, and add a positive and a negative test named by the code.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import yaml

from ..paths import templates_dir
from .model import Context, Finding, Unit

FAMILIES = {
    "1": "structure",
    "2": "leftovers",
    "3": "typography",
    "4": "consistency",
    "5": "style",
}

# (code, start, end, message args, replacement text or None)
Hit = tuple[str, int, int, dict[str, Any] | None, str | None]


@dataclass(frozen=True, slots=True)
class Env:
    """The settings a unit rule may depend on (part of the cache key)."""

    genre: str
    example: bool
    today: int  # date.toordinal()
    personal: bool
    own_example: bool = False  # the draft is the genre's worked example itself


UnitScanner = Callable[[Unit, Env], list[Hit]]
DraftRule = Callable[[Context], Iterable[Finding]]
# Pre-tests of a unit rule. The rule runs only on the texts where one of its pre-tests
# matches (on every text when it has none); each kind is searched over all texts joined:
# * ``quick``: regexes (or a function of the settings giving them), each searched on its
#   own. Use patterns that start with a literal (fastest) or a character class: Python's
#   regex engine then skips ahead at C speed;
# * ``words``: fixed strings (a function of the settings). The words of every rule in one
#   ``words_group`` (default SHARED, which also holds the phrase rules' phrases) are
#   searched together in one pass, each anchored on its rarest character (see
#   :func:`anchored_words`); words that often occur in text get a group of their own;
# * ``chars``: characters, rare ones (a function of the settings); the characters of every
#   rule are searched together in one pass (with whitespace, for the character counts);
# * ``short``: also the texts of the ``short_fields`` with a line of at most that many
#   characters (rules about whole short lines).
Quick = Callable[[Env], Sequence[Any]]  # compiled patterns, or objects with .search
Words = Callable[[Env], Sequence[str]]
SHARED = "shared"
Chars = Callable[[Env], str]


class Literals:
    """A pre-test for fixed strings, searched with ``str.find`` (faster than a regex for a
    few literals). Duck-types the ``search(text, pos)`` of a compiled pattern."""

    def __init__(self, *words: str) -> None:
        self.words = words

    def search(self, text: str, pos: int = 0) -> _Span | None:
        best = -1
        for w in self.words:
            i = text.find(w, pos)
            if i >= 0 and (best < 0 or i < best):
                best, length = i, len(w)
        return None if best < 0 else _Span(best, best + length)


def anchored_words(words: Iterable[str], freq: dict[str, int]) -> re.Pattern[str] | None:
    """One regex finding any of ``words``, each matched from its rarest character (by
    ``freq``, counts in typical text) with a look-behind for the characters before it.

    Every branch starts with a literal, so the search skips ahead at C speed and stops only
    at the rare anchor characters (a word's first character is often a common one: 不, 一,
    在 …). A match spans from the anchor to the word's end, inside the word; no match
    means none of the words occurs. None when there is no word."""
    branches: dict[str, list[tuple[int, str]]] = {}
    for w in set(words):
        if not w:
            continue
        i = min(range(len(w)), key=lambda k: (freq.get(w[k], 0), -k))
        tail = re.escape(w[i + 1 :])
        look = f"(?<={re.escape(w[: i + 1])})" if i else ""
        branches.setdefault(w[i], []).append((len(w), look + tail))
    if not branches:
        return None
    parts = []
    for anchor in sorted(branches):
        rests = [r for _, r in sorted(branches[anchor], key=lambda e: (-e[0], e[1]))]
        if "" in rests:  # the anchor alone is a word: nothing more to check
            rests = [""]
        parts.append(re.escape(anchor) + (f"(?:{'|'.join(rests)})" if rests != [""] else ""))
    return re.compile("|".join(parts))


@dataclass(frozen=True, slots=True)
class _Span:
    """The part of a match object the engine uses."""

    s: int
    e: int

    def start(self) -> int:
        return self.s

    def end(self) -> int:
        return self.e


@dataclass(frozen=True, slots=True)
class UnitRule:
    codes: tuple[str, ...]
    scan: UnitScanner
    quick: Quick | None = None
    short: int = 0
    short_fields: frozenset[str] = frozenset({"line", "paragraph", "body"})
    words: Words | None = None
    chars: Chars | None = None
    words_group: str = SHARED


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    title: str
    severity: str
    message: str
    what: str
    why: str
    example: str
    fixable: bool = False
    family: str = ""


UNIT_SCANNERS: list[UnitRule] = []
DRAFT_RULES: list[tuple[str, DraftRule]] = []
_FIXABLE: set[str] = set()


def unit_rule(
    *codes: str,
    fixable: bool = False,
    quick: Sequence[Any] | Quick | None = None,
    short: int = 0,
    words: Words | None = None,
    chars: Chars | None = None,
    words_group: str = SHARED,
) -> Callable[[UnitScanner], UnitScanner]:
    if quick is not None and not callable(quick):
        compiled = tuple(re.compile(p) if isinstance(p, str) else p for p in quick)
        quick_fn: Quick | None = lambda env: compiled  # noqa: E731
    else:
        quick_fn = quick

    def deco(fn: UnitScanner) -> UnitScanner:
        UNIT_SCANNERS.append(
            UnitRule(codes, fn, quick_fn, short, words=words, chars=chars, words_group=words_group)
        )
        if fixable:
            _FIXABLE.update(codes)
        return fn

    return deco


def draft_rule(code: str, *, fixable: bool = False) -> Callable[[DraftRule], DraftRule]:
    def deco(fn: DraftRule) -> DraftRule:
        DRAFT_RULES.append((code, fn))
        if fixable:
            _FIXABLE.add(code)
        return fn

    return deco


@lru_cache(maxsize=1)
def catalogue() -> dict[str, dict[str, str]]:
    path = templates_dir() / "rules" / "catalogue.yaml"
    with open(path, encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    return {str(k): v for k, v in data.items()}


def rules() -> dict[str, Rule]:
    """Every built-in rule by code, in code order."""
    _load_families()
    out: dict[str, Rule] = {}
    for code, entry in sorted(catalogue().items()):
        out[code] = Rule(
            code=code,
            title=entry["title"],
            severity=entry["severity"],
            message=entry["message"],
            what=entry.get("what", ""),
            why=entry.get("why", ""),
            example=entry.get("example", ""),
            fixable=code in _FIXABLE,
            family=FAMILIES.get(code[2:3], "phrases"),
        )
    return out


# codes raised outside the rule functions: PB208 reports what the importer removed that
# is no leftover kind (``partybook check`` on a .txt/.md/.docx, see cli/_report.py)
EXTERNAL_CODES = frozenset({"PB208"})


def implemented_codes() -> set[str]:
    _load_families()
    codes = set(EXTERNAL_CODES)
    codes.update(c for r in UNIT_SCANNERS for c in r.codes)
    codes.update(c for c, _ in DRAFT_RULES)
    return codes


@lru_cache(maxsize=1)
def _load_families() -> None:
    from . import consistency, leftovers, structure, style, typography  # noqa: F401


class _Fmt(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return ""


@lru_cache(maxsize=1)
def _texts() -> dict[str, tuple[str, str]]:
    return {code: (e["severity"], e["message"]) for code, e in catalogue().items()}


def message(code: str, args: dict[str, Any] | None) -> str:
    template = _texts()[code][1]
    return template.format_map(_Fmt(args or {})) if "{" in template else template


def severity(code: str) -> str:
    return _texts()[code][0]


def finding(
    code: str,
    section: str,
    item: int | None = None,
    start: int = 0,
    end: int = 0,
    args: dict[str, Any] | None = None,
    *,
    field: str = "",
    index: int | None = None,
    field_start: int = 0,
    fix: str | None = None,
) -> Finding:
    """A finding for a built-in code, its message filled from the catalogue."""
    return Finding(
        code,
        severity(code),
        message(code, args),
        section,
        item,
        start,
        end,
        field,
        index,
        field_start,
        fix,
    )


def at_unit(
    code: str,
    unit: Unit,
    start: int,
    end: int,
    args: dict[str, Any] | None = None,
    fix: str | None = None,
) -> Finding:
    """A finding located inside ``unit`` (``start``/``end`` relative to the unit's text)."""
    a = {"text": unit.text[start:end]}
    if args:
        a.update(args)
    return finding(
        code,
        unit.section,
        unit.item,
        unit.base + start,
        unit.base + end,
        a,
        field=unit.field,
        index=unit.index,
        field_start=start,
        fix=fix,
    )
