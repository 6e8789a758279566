"""What a rule is: its texts (from ``templates/rules/catalogue.yaml``), its implementation
(a function in one of the family modules) and what triggers it.

Two kinds of implementation:

* a **unit rule** scans one piece of text (a line, paragraph, heading or body) and returns
  hits ``(code, start, end, args, fix)`` relative to that text. Unit rules are pure
  functions of the text and a few settings, so their results are cached per text: when a
  writer types in one paragraph only that paragraph is scanned again. One scanner may
  serve several codes (a family combines its patterns into one regex);
* a **draft rule** looks at the whole draft (counts, lengths, dates across sections) and
  returns findings.

A unit rule declares its :class:`Trigger` — the words, characters or patterns without
which it finds nothing — and the engine derives from the triggers of all rules the
pre-tests that decide which texts a rule runs on (see :mod:`.prefilter`).

To add a rule: add its entry to the catalogue (title, severity, message, what, why,
example), write the function in its family module decorated with ``@unit_rule(code, …)``
or ``@draft_rule(code)``, list it in the module's ``RULES``, and add a positive and a
negative test named by the code. :mod:`.table` joins the families' ``RULES``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..datafile import read_yaml
from ..paths import templates_dir
from .model import Context, Finding, Unit

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
    year: int = 0  # the draft's year (its date, else today's): what is current (PB6xx)


UnitScanner = Callable[[Unit, Env], list[Hit]]
DraftScanner = Callable[[Context], Iterable[Finding]]

# A trigger part is given as a value or, when it depends on the settings or on data read
# lazily, as a function of the settings giving it.
Strings = Sequence[str] | Callable[[Env], Sequence[str]]
Chars = str | Callable[[Env], str]
# compiled patterns, pattern strings, or objects with the ``search(text, pos)`` of a pattern
Patterns = Sequence[Any] | Callable[[Env], Sequence[Any]]


@dataclass(frozen=True, slots=True)
class Trigger:
    """What must occur in a text for a unit rule to find anything there.

    A rule runs on a text where any part matches: one of ``words`` occurs, one of
    ``chars`` occurs, one of ``patterns`` matches, or (``short_lines``) a line of a
    paragraph or body has at most that many characters (rules about whole short lines).
    A rule without a trigger runs on every text. The engine turns the triggers of all rules
    into a few searches over all texts at once (:mod:`.prefilter`); a rule author only says
    what the rule looks for.
    """

    words: Strings = ()
    chars: Chars = ""
    patterns: Patterns = ()
    short_lines: int = 0

    def words_for(self, env: Env) -> Sequence[str]:
        return self.words(env) if callable(self.words) else self.words

    def chars_for(self, env: Env) -> str:
        return self.chars(env) if callable(self.chars) else self.chars

    def patterns_for(self, env: Env) -> Sequence[Any]:
        return self.patterns(env) if callable(self.patterns) else self.patterns

    @property
    def empty(self) -> bool:
        return not (self.words or self.chars or self.patterns or self.short_lines)


@dataclass(frozen=True, slots=True)
class UnitRule:
    """A unit rule: ``scan`` gives the hits of ``codes`` in one text."""

    codes: tuple[str, ...]
    scan: UnitScanner
    trigger: Trigger = Trigger()
    fixable: bool = False

    @property
    def key(self) -> str:
        """The rule's first code: what the engine keys its per-rule data by."""
        return self.codes[0]

    def __call__(self, unit: Unit, env: Env) -> list[Hit]:
        return self.scan(unit, env)


@dataclass(frozen=True, slots=True)
class DraftRule:
    """A draft rule: ``scan`` gives the findings of ``code`` for the whole draft."""

    code: str
    scan: DraftScanner
    fixable: bool = False

    @property
    def codes(self) -> tuple[str, ...]:
        return (self.code,)

    def __call__(self, ctx: Context) -> Iterable[Finding]:
        return self.scan(ctx)


def _compiled(patterns: Patterns) -> Patterns:
    if callable(patterns):
        return patterns
    return tuple(re.compile(p) if isinstance(p, str) else p for p in patterns)


def unit_rule(
    *codes: str, trigger: Trigger | None = None, fixable: bool = False
) -> Callable[[UnitScanner], UnitRule]:
    """Make ``fn`` the unit rule of ``codes`` (list it in the family's ``RULES``)."""
    t = trigger or Trigger()
    t = Trigger(t.words, t.chars, _compiled(t.patterns), t.short_lines)

    def deco(fn: UnitScanner) -> UnitRule:
        return UnitRule(codes, fn, t, fixable)

    return deco


def draft_rule(code: str, *, fixable: bool = False) -> Callable[[DraftScanner], DraftRule]:
    """Make ``fn`` the draft rule of ``code`` (list it in the family's ``RULES``)."""

    def deco(fn: DraftScanner) -> DraftRule:
        return DraftRule(code, fn, fixable)

    return deco


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


@lru_cache(maxsize=1)
def catalogue() -> dict[str, dict[str, str]]:
    data = read_yaml(templates_dir() / "rules" / "catalogue.yaml", "规则目录")
    return {str(k): v for k, v in data.items()}


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
