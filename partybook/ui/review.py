"""The review page: every section with its status and findings, a button to jump back to
it, and the safe automatic fixes shown as before → after, applied on request, undoable."""

from __future__ import annotations

import difflib
from collections.abc import Callable
from typing import Any

import ipywidgets as w

from ..draft import Draft, Item
from ..genre import Genre
from .common import button, esc, findings_html, html_box
from .fix_buttons import FixButtons
from .messages import Messages
from .session import Session

CONTEXT = 12


def _pieces(draft: Draft, genre: Genre) -> list[tuple[str, str]]:
    """(place, text) of every editable piece: paragraphs, item headings and bodies, meta."""
    out: list[tuple[str, str]] = []
    for spec in genre.content_sections():
        name = genre.section_label(spec)
        if spec.lead_key:
            for i, para in enumerate(draft.paragraphs(spec.lead_key)):
                out.append((f"{name} 引导语第 {i + 1} 段", para))
        content = draft.sections.get(spec.id)
        if isinstance(content, str):
            out.append((name, content))
            continue
        entries: list[str | Item] = list(content or [])
        for i, entry in enumerate(entries):
            if isinstance(entry, str):
                out.append((f"{name} 第 {i + 1} 段", entry))
            else:
                out.append((f"{name} 第 {i + 1} 条小标题", entry.heading))
                out.append((f"{name} 第 {i + 1} 条", entry.body))
                for j, sub in enumerate(entry.items or []):
                    out.append((f"{name} 第 {i + 1} 条第 {j + 1} 点小标题", sub.heading))
                    out.append((f"{name} 第 {i + 1} 条第 {j + 1} 点", sub.body))
    for key in ("author", "unit", "position", "class_name", "date"):
        out.append((f"落款（{key}）", str(getattr(draft.meta, key, ""))))
    return out


def diff_rows(
    before: Draft, after: Draft, genre: Genre, limit: int = 60
) -> list[tuple[str, str, str]]:
    """(place, before snippet HTML, after snippet HTML) for every changed spot."""
    rows: list[tuple[str, str, str]] = []
    a_pieces, b_pieces = _pieces(before, genre), _pieces(after, genre)
    if len(a_pieces) != len(b_pieces):
        return [("全文", "结构有变化", "请在预览中查看")]
    for (place, a), (_, b) in zip(a_pieces, b_pieces, strict=True):
        if a == b:
            continue
        sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
        for op, i1, i2, j1, j2 in sm.get_opcodes():
            if op == "equal":
                continue
            left = esc(a[max(0, i1 - CONTEXT) : i1])
            right = esc(a[i2 : i2 + CONTEXT])
            old = f"{left}<del>{esc(a[i1:i2]) or '∅'}</del>{right}"
            new = f"{left}<ins>{esc(b[j1:j2]) or '（删去）'}</ins>{right}"
            rows.append((place, old, new))
            if len(rows) >= limit:
                return rows
    return rows


class ReviewPage:
    def __init__(self, session: Session, msgs: Messages, jump: Callable[[str], None]) -> None:
        self.session = session
        self.msgs = msgs
        self.jump = jump
        self.sections = w.VBox()
        self.sections.add_class("pb-review-sections")
        self.fix_preview = html_box("", "pb-fix-preview")
        self.preview_button = button("查看可自动修复的问题", "pb-fix-preview-btn", icon="search")
        self.apply_button = button("全部应用", "pb-fix-apply", "success", icon="magic")
        self.undo_button = button("撤销", "pb-undo", icon="undo")
        self.apply_button.disabled = True
        self.preview_button.on_click(msgs.guard(self._preview, "预览修复"))
        self.apply_button.on_click(msgs.guard(self._apply, "自动修复"))
        self.undo_button.on_click(msgs.guard(self._undo, "撤销"))
        fixes = w.VBox(
            [
                html_box(
                    '<div class="pb-h">自动修复</div><div class="pb-hint">可以安全地自动修改的问题'
                    "（模板残留、标点符号等）。先看修改前后的对比，确认后再应用；应用后可以撤销。</div>"
                ),
                w.HBox([self.preview_button, self.apply_button, self.undo_button]),
                self.fix_preview,
            ]
        )
        fixes.add_class("pb-card")
        title = html_box('<div class="pb-h">逐节检查</div>')
        self.root = w.VBox([fixes, title, self.sections])
        self.root.add_class("pb-review")

    def refresh(self) -> None:
        s = self.session
        if s.draft is None or s.genre is None:
            return
        rows = []
        for spec in s.genre.sections:
            found = s.checks.section_findings(spec)
            done = s.checks.is_done(spec.id)
            mark = "✓ 完成" if done else "未完成"
            info = html_box(
                f'<div class="pb-review-name">{esc(s.genre.section_label(spec))}'
                f' <span class="pb-chip-{"pb-done" if done else "pb-todo"}">{mark}</span>'
                f' <span class="pb-review-count">{s.checks.chars(spec.id)} 字</span></div>'
                + findings_html(found, empty="没有发现问题。"),
                "pb-review-info",
            )
            go = button("去修改", f"pb-jump pb-jump-{spec.id}", icon="pencil")
            go.on_click(self.msgs.guard(lambda _, sid=spec.id: self.jump(sid), "跳转"))
            row = w.HBox([info, go])
            row.add_class("pb-review-row")
            rows.append(row)
            fixes = FixButtons(s, self.msgs)  # each fixable finding of the section, alone
            fixes.refresh(found)
            if fixes.root.children:
                rows.append(fixes.root)
        self.sections.children = tuple(rows)
        self.undo_button.disabled = not s.undo_label

    def _preview(self, _: Any = None) -> None:
        s = self.session
        assert s.draft is not None and s.genre is not None
        fixed, changes = s.propose_fixes()
        rows = diff_rows(s.draft, fixed, s.genre)
        if not changes or not rows:
            self.fix_preview.value = '<div class="pb-ok">没有可以自动修复的问题。</div>'
            self.apply_button.disabled = True
            return
        body = "".join(
            f'<tr><td class="pb-place">{esc(p)}</td><td class="pb-before">{a}</td>'
            f'<td class="pb-arrow">→</td><td class="pb-after">{b}</td></tr>'
            for p, a, b in rows
        )
        self.fix_preview.value = (
            f'<div>共 {len(changes)} 处可自动修复：</div><table class="pb-diff">'
            f"<tr><th>位置</th><th>修改前</th><th></th><th>修改后</th></tr>{body}</table>"
        )
        self.apply_button.disabled = False

    def _apply(self, _: Any = None) -> None:
        self.session.apply_fixes()
        self.fix_preview.value = ""
        self.apply_button.disabled = True
        self.refresh()

    def _undo(self, _: Any = None) -> None:
        self.session.undo()
        self.session.refresh()  # findings of the restored text at once
        self.refresh()
