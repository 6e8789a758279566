"""What the anonymiser proposes and what the reviewer decided (no detection here)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

DECISIONS_KEY = "anonymize_decisions"  # a draft's extra field: {"keep": [...], "replace": [...]}


@dataclass(frozen=True, slots=True)
class Replacement:
    """One replaced occurrence. ``section`` is a section id, ``meta.<field>``, ``unplaced``
    or ``comments``; ``item`` the item index within an item section (else None)."""

    section: str
    item: int | None
    before: str
    after: str
    reason: str = ""

    def describe(self) -> str:
        where = self.section if self.item is None else f"{self.section}[{self.item + 1}]"
        line = f"{where}：{self.before} → {self.after}"
        return f"{line}（{self.reason}）" if self.reason else line


@dataclass(slots=True)
class Proposal:
    """A proposed replacement, shown to the reviewer with a keep/replace toggle.

    ``where`` names the text (``opening``, ``problems[2]``, ``meta.author``); ``start``/``end``
    are offsets in that text; ``context`` is the sentence around it for display. ``keep`` is
    the reviewer's decision (True: leave the original in the example)."""

    section: str
    item: int | None
    part: str  # "text", "heading", "body", "paragraph:<n>" or a meta field
    start: int
    end: int
    original: str
    placeholder: str
    reason: str
    detector: str
    context: str = ""
    keep: bool = False

    @property
    def where(self) -> str:
        return self.section if self.item is None else f"{self.section}[{self.item + 1}]"

    def as_replacement(self) -> Replacement:
        return Replacement(self.section, self.item, self.original, self.placeholder, self.reason)


@dataclass(slots=True)
class Decisions:
    """The reviewer's choices for one draft, by text: every occurrence of a kept text stays,
    every occurrence of an added text is replaced. Remembered in the draft (``DECISIONS_KEY``)
    and never copied into the published example."""

    keep: set[str] = field(default_factory=set)
    replace: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, draft: Any) -> Decisions:
        raw = (getattr(draft, "model_extra", None) or {}).get(DECISIONS_KEY) or {}
        if not isinstance(raw, dict):
            return cls()
        return cls(
            keep={str(t) for t in raw.get("keep", []) if str(t).strip()},
            replace={str(t) for t in raw.get("replace", []) if str(t).strip()},
        )

    def store(self, draft: Any) -> None:
        """Write the decisions into ``draft`` (saved with it by ``storage.save``)."""
        value = {"keep": sorted(self.keep), "replace": sorted(self.replace)}
        if not self.keep and not self.replace:
            if draft.model_extra is not None:
                draft.model_extra.pop(DECISIONS_KEY, None)
            return
        setattr(draft, DECISIONS_KEY, value)

    def merged(self, other: Decisions | None) -> Decisions:
        if other is None:
            return Decisions(set(self.keep), set(self.replace))
        keep = (self.keep - other.replace) | other.keep
        replace = (self.replace - other.keep) | other.replace
        return Decisions(keep, replace)
