"""What changed between two versions of a draft: a one-line Chinese summary for the history
list, and a section-by-section, paragraph-level comparison for a side-by-side view.

A section is compared as a list of units: its paragraphs, its line (the title), or its
items (an item is its heading, body and points, as :func:`partybook.checks.item_text`
joins them). Units are aligned with :class:`difflib.SequenceMatcher`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

from .draft import Draft, Item

MAX_PARTS = 3  # changes named in a summary before "等 N 处改动"


def _item_text(item: Item) -> str:
    parts = [item.heading, item.body]
    for sub in item.items or []:
        parts.extend((sub.heading, sub.body))
    return "\n".join(p for p in parts if p)


def units(draft: Draft, section: str) -> tuple[list[str], str]:
    """(the section's units, their Chinese counter: 段 or 条)."""
    content = draft.sections.get(section)
    if content is None:
        return [], "段"
    if isinstance(content, str):
        return ([content] if content else []), "段"
    if any(isinstance(e, Item) for e in content):
        return [_item_text(e) if isinstance(e, Item) else e for e in content], "条"
    return [e for e in content if isinstance(e, str)], "段"


def _chars(text: str) -> int:
    return len("".join(text.split()))


def draft_chars(draft: Draft) -> int:
    return sum(_chars(draft.text_of(s)) for s in draft.sections)


def _names(draft: Draft) -> dict[str, str]:
    try:
        from .exporters._common import section_names
        from .genre import load_genre

        return section_names(load_genre(draft.genre))
    except Exception:
        return {}


def _order(old: Draft | None, new: Draft) -> list[str]:
    ids = list(new.sections)
    if old is not None:
        ids += [s for s in old.sections if s not in new.sections]
    return ids


@dataclass
class Row:
    """One line of the side-by-side view: the old and the new unit (empty when absent)."""

    kind: str  # "same" | "changed" | "removed" | "added"
    old: str
    new: str
    old_index: int | None
    new_index: int | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "old": self.old,
            "new": self.new,
            "old_index": self.old_index,
            "new_index": self.new_index,
        }


@dataclass
class SectionDiff:
    section: str
    name: str  # as the user knows it (heading, 标题, 开头)
    unit: str  # 段 or 条
    rows: list[Row] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return any(r.kind != "same" for r in self.rows)

    def to_dict(self) -> dict[str, Any]:
        return {
            "section": self.section,
            "name": self.name,
            "changed": self.changed,
            "rows": [r.to_dict() for r in self.rows],
        }


def _rows(a: list[str], b: list[str]) -> list[Row]:
    rows: list[Row] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            rows += [Row("same", a[i1 + k], b[j1 + k], i1 + k, j1 + k) for k in range(i2 - i1)]
            continue
        n = min(i2 - i1, j2 - j1) if op == "replace" else 0
        rows += [Row("changed", a[i1 + k], b[j1 + k], i1 + k, j1 + k) for k in range(n)]
        rows += [Row("removed", a[i], "", i, None) for i in range(i1 + n, i2)]
        rows += [Row("added", "", b[j], None, j) for j in range(j1 + n, j2)]
    return rows


def compare(old: Draft, new: Draft) -> list[SectionDiff]:
    """Every section of either version, with its units aligned (unchanged ones included,
    so a view can show the whole text side by side)."""
    names = {**_names(old), **_names(new)}
    out = []
    for sid in _order(old, new):
        a, unit = units(old, sid)
        b, unit_b = units(new, sid)
        out.append(SectionDiff(sid, names.get(sid, sid), unit_b if b else unit, _rows(a, b)))
    return out


def summarize(old: Draft | None, new: Draft) -> str:
    """What ``new`` changed against ``old`` in one Chinese line, e.g.
    ``删除了“存在的问题和不足”第2条（312字）；修改了“基本情况”第1段（+35字）``."""
    if old is None:
        return f"最早保存的版本（{draft_chars(new)}字）"
    parts: list[str] = []
    for diff in compare(old, new):
        label = diff.name if diff.section != "title" else "标题"
        for r in diff.rows:
            if r.kind == "removed" and r.old_index is not None:
                parts.append(f"删除了“{label}”第{r.old_index + 1}{diff.unit}（{_chars(r.old)}字）")
            elif r.kind == "added" and r.new_index is not None:
                parts.append(f"新增了“{label}”第{r.new_index + 1}{diff.unit}（{_chars(r.new)}字）")
            elif r.kind == "changed" and r.new_index is not None:
                delta = _chars(r.new) - _chars(r.old)
                sign = f"+{delta}" if delta >= 0 else f"−{-delta}"
                where = "" if diff.section == "title" else f"第{r.new_index + 1}{diff.unit}"
                parts.append(f"修改了“{label}”{where}（{sign}字）")
    if old.meta != new.meta:
        parts.append("修改了署名信息")
    if len(new.comments) > len(old.comments):
        parts.append(f"收到 {len(new.comments) - len(old.comments)} 条教师意见")
    elif len(new.comments) < len(old.comments):
        parts.append(f"删除了 {len(old.comments) - len(new.comments)} 条教师意见")
    if not parts:
        return "内容没有变化"
    if len(parts) > MAX_PARTS:
        return "；".join(parts[:MAX_PARTS]) + f"等 {len(parts)} 处改动"
    return "；".join(parts)


def compare_with_current(draft_path: str | os.PathLike[str], snap_id: str) -> list[SectionDiff]:
    """Version ``snap_id`` (left) against the draft on disk (right)."""
    from . import storage
    from .history import find, load_snapshot

    return compare(load_snapshot(find(draft_path, snap_id)), storage.load(draft_path))
