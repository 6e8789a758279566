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

from collections.abc import Callable, Iterable
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


UNIT_SCANNERS: list[tuple[tuple[str, ...], UnitScanner]] = []
DRAFT_RULES: list[tuple[str, DraftRule]] = []
_FIXABLE: set[str] = set()


def unit_rule(*codes: str, fixable: bool = False) -> Callable[[UnitScanner], UnitScanner]:
    def deco(fn: UnitScanner) -> UnitScanner:
        UNIT_SCANNERS.append((codes, fn))
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


def implemented_codes() -> set[str]:
    _load_families()
    codes = {c for cs, _ in UNIT_SCANNERS for c in cs}
    codes.update(c for c, _ in DRAFT_RULES)
    return codes


@lru_cache(maxsize=1)
def _load_families() -> None:
    from . import consistency, leftovers, structure, style, typography  # noqa: F401


class _Fmt(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return ""


def message(code: str, args: dict[str, Any] | None) -> str:
    template = catalogue()[code]["message"]
    return template.format_map(_Fmt(args or {}))


def severity(code: str) -> str:
    return catalogue()[code]["severity"]


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
