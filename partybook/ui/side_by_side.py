"""Side-by-side HTML shared by the 历史版本 and 与往年对照 pages: two columns, the old text
on the left and the current one on the right, changed characters marked. No widgets."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from difflib import SequenceMatcher
from html import escape
from typing import Any


def esc(text: str) -> str:
    return escape(text, quote=True)


INLINE_LIMIT = 3_000  # characters: longer changed paragraphs are shown without inline marks
SAME_SHOWN = 2  # unchanged paragraphs shown around changes before they are folded


def marked(old: str, new: str) -> tuple[str, str]:
    """``old`` and ``new`` as HTML, the characters only one of them has in ``<del>`` /
    ``<ins>`` (``pb-del`` / ``pb-ins``)."""
    if len(old) + len(new) > INLINE_LIMIT:
        return esc(old), esc(new)
    left: list[str] = []
    right: list[str] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        a, b = esc(old[i1:i2]), esc(new[j1:j2])
        if op == "equal":
            left.append(a)
            right.append(b)
            continue
        if a:
            left.append(f'<del class="pb-del">{a}</del>')
        if b:
            right.append(f'<ins class="pb-ins">{b}</ins>')
    return "".join(left), "".join(right)


def _cell(text: str, empty: str) -> str:
    return text.replace("\n", "<br>") if text else f'<span class="pb-diff-none">{esc(empty)}</span>'


def diff_html(diffs: Sequence[Any], left: str, right: str, show_same: bool = False) -> str:
    """Sections (:class:`partybook.history_diff.SectionDiff`) side by side: ``left`` and
    ``right`` name the columns. Unchanged sections are listed by name only (unless
    ``show_same``); inside a changed section, long runs of unchanged paragraphs fold."""
    changed = [d for d in diffs if d.changed]
    same = [d for d in diffs if not d.changed and d.rows]
    head = f'<div class="pb-diff-cols"><div>{esc(left)}</div><div>{esc(right)}</div></div>'
    if not changed:
        body = '<div class="pb-ok">两边的文字完全相同。</div>'
        if not show_same:
            return f'<div class="pb-diff">{head}{body}</div>'
    parts = [head]
    for d in diffs:
        if not d.rows or (not d.changed and not show_same):
            continue
        parts.append(f'<div class="pb-diff-section">{esc(d.name)}</div>')
        parts.append(_rows_html(d.rows, d.unit, fold=d.changed and not show_same))
    if same and not show_same:
        names = "、".join(d.name for d in same)
        parts.append(f'<div class="pb-hint">未改动：{esc(names)}</div>')
    return f'<div class="pb-diff">{"".join(parts)}</div>'


def _rows_html(rows: Sequence[Any], unit: str, fold: bool) -> str:
    keep = set(range(len(rows)))
    if fold:
        near = {i for i, r in enumerate(rows) if r.kind != "same"}
        keep = {i for i in keep if any(abs(i - k) <= SAME_SHOWN for k in near)}
    out: list[str] = []
    skipped = 0
    for i, r in enumerate(rows):
        if i not in keep:
            skipped += 1
            continue
        if skipped:
            out.append(f'<div class="pb-diff-fold">……{skipped} {esc(unit)}未改动……</div>')
            skipped = 0
        if r.kind == "changed":
            a, b = marked(r.old, r.new)
        else:
            a, b = esc(r.old), esc(r.new)
        out.append(
            f'<div class="pb-diff-row pb-diff-{esc(r.kind)}">'
            f'<div class="pb-diff-old">{_cell(a, "（无）")}</div>'
            f'<div class="pb-diff-new">{_cell(b, "（已删除）" if r.kind == "removed" else "（无）")}</div>'
            "</div>"
        )
    if skipped:
        out.append(f'<div class="pb-diff-fold">……{skipped} {esc(unit)}未改动……</div>')
    return "".join(out)


def carried_html(passages: Sequence[Any], names: Mapping[str, str]) -> str:
    """Carried-over passages (:class:`partybook.carryover.Carried`) side by side: where
    (section, item), how long, from which year; this year's text left, the old one right."""
    out = []
    for c in passages:
        where = names.get(c.section, c.section)
        if c.item is not None:
            where += f" 第 {c.item + 1} 条"
        year = f"{c.year}年" if c.year else "年份不详"
        a, b = marked(c.earlier_text, c.text)
        out.append(
            '<div class="pb-carried-row">'
            f'<div class="pb-carried-where">{esc(where)} · 相同 {c.length} 字 · '
            f"沿用自 {esc(year)}的“{esc(c.earlier)}”</div>"
            '<div class="pb-diff-row pb-carried-pair">'
            f'<div class="pb-diff-new">{_cell(b, "")}</div>'
            f'<div class="pb-diff-old">{_cell(a, "")}</div>'
            "</div></div>"
        )
    return "".join(out)
