"""The review the workbook's "导出为共享范文" shows: the proposals of one draft with a
keep/replace toggle each, remembered in the draft. No widgets here: the UI observes this."""

from __future__ import annotations

from ..draft import Draft
from .model import Decisions, Proposal, Replacement


class Review:
    """Proposed replacements of ``draft`` for the reviewer.

    ``items`` are the proposals in document order (each with ``where``, ``context``,
    ``original``, ``placeholder``, ``reason``, ``detector``, ``keep``). Decisions are by text:
    toggling one occurrence toggles every occurrence of the same original."""

    def __init__(self, draft: Draft) -> None:
        self.draft = draft
        self.added: set[str] = set(Decisions.of(draft).replace)
        self.items: list[Proposal] = []
        self.refresh()

    def refresh(self) -> None:
        """Propose again (after the draft was edited), keeping the toggles made so far."""
        from . import propose

        kept = {p.original for p in self.items if p.keep}
        shown = {p.original for p in self.items}
        self.items = propose(self.draft, Decisions(set(), set(self.added)))
        for p in self.items:
            if p.original in shown:
                p.keep = p.original in kept

    def toggle(self, index: int, keep: bool) -> list[int]:
        """Set ``keep`` on item ``index`` and on every item with the same original text;
        returns the indexes changed (for the view to update those rows)."""
        original = self.items[index].original
        changed = []
        for i, p in enumerate(self.items):
            if p.original == original and p.keep != keep:
                p.keep = keep
                changed.append(i)
        return changed

    def add(self, text: str) -> None:
        """Also replace ``text`` (a name no detector found) everywhere."""
        text = text.strip()
        if text:
            self.added.add(text)
            self.refresh()

    def remember(self) -> None:
        """Write the decisions into the draft; the session's usual save keeps them."""
        from . import remember

        remember(self.draft, self.items, self.added)

    def example(self) -> tuple[Draft, list[Replacement]]:
        """The shared example with the current decisions."""
        from . import apply

        return apply(self.draft, self.items)
