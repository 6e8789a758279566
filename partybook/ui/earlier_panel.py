"""The 与往年对照 page: the author's earlier drafts (found in the drafts folder, or added:
last year's Word file) and every passage carried over from them, side by side with the
old text. The same passages show as PB650 findings in the section panels."""

from __future__ import annotations

import contextlib
from typing import Any

import ipywidgets as w

from .carried import ACCEPT, file_time
from .common import button, esc, html_box
from .live_checks import section_name
from .messages import Messages
from .session import Session
from .side_by_side import carried_html

PASSAGES_SHOWN = 40


class EarlierPanel:
    def __init__(self, session: Session, msgs: Messages) -> None:
        self.session = session
        self.msgs = msgs
        intro = html_box(
            '<div class="pb-h">与往年对照</div><div class="pb-hint">党性分析最常见的毛病，是每年写'
            "同样的几条问题、一字不改。这里把本稿与您往年的材料逐段比对：草稿文件夹里署名相同、日期更早的"
            "草稿会自动找到；往年的 Word 文档可以在下面添加。照搬的段落并排列出，也会在各部分的检查结果里"
            "提示（PB650）。改写过的段落不算照搬。</div>"
        )
        self.found = html_box("", "pb-earlier-list")
        self.rescan = button("重新查找", "pb-earlier-rescan", icon="search")
        self.rescan.on_click(msgs.guard(lambda _: self.session.find_earlier(), "查找旧稿"))
        self.upload = w.FileUpload(
            accept=",".join(ACCEPT), multiple=False, description="添加往年材料"
        )
        self.upload.add_class("pb-earlier-upload")
        self.upload.observe(msgs.guard(self._on_upload, "添加往年材料"), "value")
        self.added = w.VBox()
        self.added.add_class("pb-earlier-added")
        self.passages = html_box("", "pb-carried")
        list_card = w.VBox([intro, self.found, self.added, w.HBox([self.upload, self.rescan])])
        list_card.add_class("pb-card")
        passages_card = w.VBox([self.passages])
        passages_card.add_class("pb-card")
        self.root = w.VBox([list_card, passages_card])
        self.root.add_class("pb-earlier")

    def _on_upload(self, change: dict) -> None:
        files = change["new"]
        if not files:
            return
        f = files[0]
        get = (lambda k, d=None: f.get(k, d)) if isinstance(f, dict) else (
            lambda k, d=None: getattr(f, k, d)
        )  # fmt: skip
        name = str(get("name", "旧稿.docx"))
        data = bytes(get("content", b"") or b"")
        try:
            self.session.add_earlier(data, name, file_time(get("last_modified")))
        finally:
            self._clear_upload()

    def _clear_upload(self) -> None:
        # older ipywidgets cannot reset the value; harmless
        with contextlib.suppress(Exception):
            self.upload.value = ()

    def refresh(self) -> None:
        """Draw the earlier drafts and the passages (after each check run)."""
        s = self.session
        if s.draft is None or s.genre is None:
            self.found.value = self.passages.value = ""
            self.added.children = ()
            return
        co = s.carryover
        folder = [d for d in co.drafts if d.origin == "folder"]
        if folder:
            items = "".join(
                f"<li>{esc(d.label)}{f'（{d.year}年）' if d.year else ''}</li>" for d in folder
            )
            found = f"<div>在草稿文件夹中找到 {len(folder)} 份您往年的草稿：</div><ul>{items}</ul>"
        elif not s.draft.meta.author.strip():
            found = '<div class="pb-hint">请先在落款中填写姓名，才能找到您往年的草稿。</div>'
        else:
            found = '<div class="pb-hint">草稿文件夹中没有找到署名相同、日期更早的草稿。</div>'
        if co.notice:
            found += f'<div class="pb-notice">{esc(co.notice)}</div>'
        if found != self.found.value:
            self.found.value = found
        self._draw_added()
        self.passages.value = self._passages_html()

    def _draw_added(self) -> None:
        added = [d for d in self.session.carryover.drafts if d.origin == "added"]
        shown = [(str(d.file), d.label, d.year) for d in added]
        if getattr(self, "_added_shown", None) == shown:
            return
        self._added_shown = shown
        rows: list[w.Widget] = []
        for d in added:
            year = f"（{d.year}年）" if d.year else "（年份不详）"
            label = html_box(f"<span>已添加：{esc(d.label)}{esc(year)}</span>", "pb-earlier-file")
            b = button("移除", "pb-earlier-remove", icon="times", tooltip="不再与这份材料比对")
            b.on_click(
                self.msgs.guard(lambda _, f=d.file: self.session.remove_earlier(f), "移除往年材料")
            )
            row = w.HBox([label, b])
            row.add_class("pb-earlier-row")
            rows.append(row)
        self.added.children = tuple(rows)

    def _passages_html(self) -> str:
        s = self.session
        assert s.genre is not None and s.draft is not None
        co = s.carryover
        if not co.drafts:
            return '<div class="pb-hint">还没有可以比对的往年材料。</div>'
        passages = co.passages
        if not passages:
            return '<div class="pb-ok">没有发现照搬往年材料的段落。</div>'
        names = _names(s)
        total = sum(c.length for c in passages)
        head = (
            f'<div class="pb-carried-summary">共 {len(passages)} 段、{total} 字与往年的材料相同。'
            "问题若仍然存在，请写明这一年来的新表现和整改进展。</div>"
            '<div class="pb-diff-cols"><div>本稿</div><div>往年的材料</div></div>'
        )
        more = (
            f'<div class="pb-hint">……另有 {len(passages) - PASSAGES_SHOWN} 段</div>'
            if len(passages) > PASSAGES_SHOWN
            else ""
        )
        return f'<div class="pb-diff">{head}{carried_html(passages[:PASSAGES_SHOWN], names)}{more}</div>'


def _names(session: Any) -> dict[str, str]:
    genre = session.genre
    keys = [k for spec in genre.sections for k in (spec.id, spec.lead_key) if k]
    return {k: section_name(genre, k) for k in keys}
