"""The checks' small types: a finding, a fix applied, and the text units a draft is cut into.

Locations (docs/CONTRACTS.md): ``section`` is the section id; ``item`` is the item's index in an
item section (None elsewhere); ``start``/``end`` are character offsets within

* a line section (the title): the line;
* a paragraphs section: the section's paragraphs joined with ``"\\n"``
  (``draft.text_of(section)``);
* an item section: the item text ``heading + "\\n" + body``, followed for grouped items by
  ``"\\n" + point.heading + "\\n" + point.body`` for each point (see :func:`item_text`).

Section-wide findings (an empty section, a count mismatch) have ``start == end == 0``;
findings about the whole document use the section ``"document"``, those about the sign-off
date use ``"signoff"``. Beyond the JSON fields, ``field`` ("line", "paragraph", "heading",
"body"), ``index`` (the paragraph's index, or the point's index inside a grouped item) and
``field_start`` (the offset within that field) let an editor highlight the exact spot.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, NamedTuple

from ..draft import Draft, Item
from ..genre import LEAD_SUFFIX, Genre, SectionKind

SEVERITIES = ("error", "warning", "hint")
SEVERITY_ZH = {"error": "错误", "warning": "警告", "hint": "提示"}  # as users read them


@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    severity: str  # "error" | "warning" | "hint"
    message: str  # Chinese: what is wrong and what to do
    section: str
    item: int | None = None
    start: int = 0
    end: int = 0
    field: str = ""
    index: int | None = None
    field_start: int = 0
    fix: str | None = None  # replacement for [start, end) when a safe fix exists

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape ``check --format json`` prints (docs/CONTRACTS.md)."""
        return {
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "section": self.section,
            "item": self.item,
            "start": self.start,
            "end": self.end,
        }

    @property
    def location(self) -> str:
        """``section:item:offset`` as the text output prints it (item ``-`` when None)."""
        item = "-" if self.item is None else str(self.item)
        return f"{self.section}:{item}:{self.start}"


@dataclass(frozen=True, slots=True)
class Change:
    """One fix applied by :func:`partybook.checks.fix`: the text around it before and after."""

    code: str
    section: str
    item: int | None
    before: str
    after: str
    field: str = ""
    index: int | None = None


class Unit(NamedTuple):
    """One piece of text the checks scan: a line, a paragraph, a heading or a body.

    (A NamedTuple: made ~100 times per check, it must be cheap to create.)"""

    section: str
    item: int | None
    field: str  # line | paragraph | heading | body
    # paragraph index, or point index inside a grouped item (shadows tuple.index on purpose)
    index: int | None  # type: ignore[assignment]
    text: str
    base: int  # offset of ``text`` in the section / item text


def item_text(item: Item) -> str:
    """The text item offsets refer to: heading, body, then each point's heading and body."""
    parts = [item.heading, item.body]
    for sub in item.items or []:
        parts.extend((sub.heading, sub.body))
    return "\n".join(parts)


# ``Unit(...)`` runs the NamedTuple's Python ``__new__``; the tuple constructor called
# directly makes the same object at C speed (a check makes one per paragraph and field)
_tuple_new = tuple.__new__


def _unit(
    section: str, item: int | None, field_: str, index: int | None, text: str, base: int
) -> Unit:
    return _tuple_new(Unit, (section, item, field_, index, text, base))


def _item_units(section: str, i: int, item: Item) -> list[Unit]:
    heading, body = item.heading, item.body
    pos = len(heading) + 1
    out = [
        _tuple_new(Unit, (section, i, "heading", None, heading, 0)),
        _tuple_new(Unit, (section, i, "body", None, body, pos)),
    ]
    if item.items:
        pos += len(body) + 1
        for k, sub in enumerate(item.items):
            out.append(_tuple_new(Unit, (section, i, "heading", k, sub.heading, pos)))
            pos += len(sub.heading) + 1
            out.append(_tuple_new(Unit, (section, i, "body", k, sub.body, pos)))
            pos += len(sub.body) + 1
    return out


@dataclass(slots=True)
class Context:
    """Everything a rule may look at, computed once per :func:`check` call."""

    draft: Draft
    genre: Genre
    today: date
    units: list[Unit] = field(default_factory=list)
    by_section: dict[str, list[Unit]] = field(default_factory=dict)
    memo: dict[str, Any] = field(default_factory=dict)  # shared work between rules

    @property
    def example(self) -> bool:
        return bool(self.draft.example)

    def items(self, section: str) -> list[Item]:
        return self.draft.items(section)

    @property
    def joined(self) -> str:
        """All texts joined with line breaks (computed once)."""
        text = self.memo.get("joined")
        if text is None:
            text = self.memo["joined"] = "\n".join(u.text for u in self.units)
        return text

    def section_chars(self, section: str) -> int:
        """Characters of a section as :func:`partybook.text.count_chars` counts them."""
        memo = self.memo.setdefault("chars", {})
        n = memo.get(section)
        if n is None:
            texts = [u.text for u in self.by_section.get(section, ())]
            try:  # usually every count is known already (see known_chars)
                n = sum(map(_chars.__getitem__, texts))
            except KeyError:
                n = sum(map(chars, texts))
            memo[section] = n
        return n


# What str.split() splits at (str.isspace()), but the line break: the engine's one pass
# over all texts looks for these (see engine._char_targets), so a text holding none has
# as many characters as its length, known without a second pass.
SPACES = (
    "\t\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
_chars: dict[str, int] = {}


def chars(text: str) -> int:
    """Characters as :func:`partybook.text.count_chars` counts them (whitespace excluded),
    computed at C speed and cached per text."""
    n = _chars.get(text)
    if n is None:
        n = len("".join(text.split()))
        if len(_chars) >= 8192:
            _chars.clear()
        _chars[text] = n
    return n


def known_chars(texts: list[str]) -> None:
    """Record texts holding no whitespace: their :func:`chars` is their length."""
    if len(_chars) >= 8192:
        _chars.clear()
    _chars.update(zip(texts, map(len, texts), strict=True))


def clear_chars() -> None:
    _chars.clear()


def owner_section(section_id: str) -> str:
    """The genre section a section id belongs to: ``problems`` for ``problems_lead`` (the
    lead-in paragraphs above its items), else the id itself."""
    return section_id.removesuffix(LEAD_SUFFIX)


def build_context(draft: Draft, genre: Genre, today: date) -> Context:
    ctx = Context(draft, genre, today)
    for spec in genre.content_sections():
        lead = draft.sections.get(spec.lead_key) if spec.lead_key else None
        if isinstance(lead, list) and lead:
            # lead-in paragraphs: checked like paragraphs, under their own key (they are no
            # items, so the rules about problems and measures do not read them)
            key = spec.lead_key
            assert key is not None
            lead_units: list[Unit] = []
            pos = 0
            for i, entry in enumerate(lead):
                if isinstance(entry, str):
                    lead_units.append(_unit(key, None, "paragraph", i, entry, pos))
                    pos += len(entry) + 1
            ctx.by_section[key] = lead_units
            ctx.units.extend(lead_units)
        content = draft.sections.get(spec.id)
        units: list[Unit] = []
        if isinstance(content, str):
            units.append(_unit(spec.id, None, "line", None, content, 0))
        elif isinstance(content, list):
            pos = 0
            for i, entry in enumerate(content):
                if isinstance(entry, Item):
                    units.extend(_item_units(spec.id, i, entry))
                elif isinstance(entry, str):
                    field_ = "line" if spec.kind is SectionKind.LINE else "paragraph"
                    units.append(_unit(spec.id, None, field_, i, entry, pos))
                    pos += len(entry) + 1
        ctx.by_section[spec.id] = units
        ctx.units.extend(units)
    return ctx
