"""Editing operations on a draft that the session applies: text as typed becomes draft
content, items of linked sections (problem N, cause N, measure N) stay aligned, and the
destructive operations can be undone."""

from __future__ import annotations

import re
from typing import Any

from ..draft import Draft, Item, conform
from ..errors import PartybookError
from ..genre import Genre, SectionKind, SectionSpec

UNDO_DEPTH = 20
_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(text: str) -> str:
    """What a pasted text becomes in the draft: Windows and old-Mac line ends made ``\\n``,
    lone surrogates (which no file can store) replaced. Everything else is kept as typed."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = _SURROGATE.sub("\ufffd", text)
    return text


def set_section_text(draft: Draft, genre: Genre, section_id: str, text: str) -> None:
    """An editor's text into a line or paragraphs section (one paragraph a line)."""
    kind = genre.section(section_id).kind
    text = clean_text(text)
    if kind is SectionKind.LINE:
        draft.sections[section_id] = text.replace("\n", " ")
    elif kind is SectionKind.PARAGRAPHS:
        draft.sections[section_id] = [p for p in text.split("\n") if p.strip()]
    else:
        raise PartybookError(f"章节 {section_id} 由条目组成，不能整体改写为一段文字。")


def set_lead_text(draft: Draft, spec: SectionSpec, text: str) -> None:
    """An editor's text into the lead-in paragraphs of an items section (one a line)."""
    if spec.lead_key is None:
        raise PartybookError(f"章节“{spec.display_name}”没有引导语。")
    draft.sections[spec.lead_key] = [p for p in clean_text(text).split("\n") if p.strip()]


def section_text(draft: Draft, section_id: str) -> str:
    """The text an editor shows for a line or paragraphs section."""
    content = draft.sections.get(section_id, "")
    if isinstance(content, str):
        return content
    return "\n".join(p for p in content if isinstance(p, str))


# --- items that stay aligned -----------------------------------------------------------
def linked_group(genre: Genre, section_id: str) -> list[str]:
    """The sections whose items align one-to-one with ``section_id``'s (in genre order)."""
    group = {section_id}
    grew = True
    while grew:
        grew = False
        for s in genre.sections:
            if s.linked_to and (s.id in group) != (s.linked_to in group):
                group.update((s.id, s.linked_to))
                grew = True
    return [s.id for s in genre.sections if s.id in group]


def linked_heading(draft: Draft, genre: Genre, section_id: str, index: int) -> str:
    """The matching item of the section this one is linked to (e.g. the problem of a cause)."""
    root = genre.section(section_id).linked_to
    # show the first section of the chain (the problem) beside causes and measures
    while root is not None and genre.section(root).linked_to is not None:
        root = genre.section(root).linked_to
    if root is None:
        return ""
    items = draft.items(root)
    if index >= len(items):
        return "（没有对应的问题，请在“存在的问题”中补上或删去本条）"
    it = items[index]
    return it.heading.strip() or it.body.strip()[:40] or "（对应的问题尚未填写）"


def add_item(draft: Draft, genre: Genre, group: list[str]) -> int:
    """A new last item in every section of ``group``; returns its index."""
    n = max(len(draft.items(s)) for s in group)
    for s in group:
        grouped = genre.section(s).kind is SectionKind.GROUPED_ITEMS
        items = draft.items(s)
        while len(items) <= n:
            items.append(Item(items=[Item()] if grouped else None))
        draft.sections[s] = items
    return n


def align(draft: Draft, group: list[str]) -> None:
    """Pad the sections of ``group`` with empty items so all have the same count."""
    n = max(len(draft.items(s)) for s in group)
    for s in group:
        items = draft.items(s)
        items.extend(Item() for _ in range(n - len(items)))
        draft.sections[s] = items


def remove_item(draft: Draft, group: list[str], index: int) -> None:
    for s in group:
        items = draft.items(s)
        if index < len(items):
            del items[index]
        draft.sections[s] = items


def move_item(draft: Draft, group: list[str], index: int, delta: int) -> None:
    target = index + delta
    for s in group:
        items = draft.items(s)
        if 0 <= index < len(items) and 0 <= target < len(items):
            items[index], items[target] = items[target], items[index]
        draft.sections[s] = items


# --- undo ------------------------------------------------------------------------------
class UndoStack:
    """Snapshots of the draft before destructive operations (deleting, fixing)."""

    def __init__(self, depth: int = UNDO_DEPTH) -> None:
        self.depth = depth
        self._entries: list[tuple[str, dict[str, Any]]] = []

    @property
    def label(self) -> str:
        """What :meth:`pop` would undo ("删除条目", "自动修复", …); empty when nothing."""
        return self._entries[-1][0] if self._entries else ""

    def push(self, label: str, draft: Draft) -> None:
        self._entries.append((label, draft.to_dict()))
        del self._entries[: -self.depth]

    def clear(self) -> None:
        self._entries.clear()

    def pop(self, current: Draft, genre: Genre) -> tuple[str, Draft]:
        """The last snapshot as a draft carrying ``current``'s save stamp, and its label."""
        if not self._entries:
            raise PartybookError("没有可以撤销的操作。")
        label, data = self._entries.pop()
        restored = Draft.model_validate(data)
        conform(restored, genre)
        restored.updated = current.updated
        return label, restored
