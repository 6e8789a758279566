"""Export buttons. Each produces the file in memory and offers it as a ``data:`` link with a
``download`` name: no server file route is needed, so it works in JupyterLab and in Voila.
The findings that still stand are shown beside the link (they never block an export)."""

from __future__ import annotations

import base64
from collections.abc import Callable
from datetime import datetime
from typing import Any

import ipywidgets as w

from .common import button, esc, findings_html, html_box
from .messages import Messages
from .session import Session

FORMATS = [
    ("docx", "Word 文档（.docx）", "file-word-o"),
    ("pdf", "PDF", "file-pdf-o"),
    ("md", "Markdown", "file-text-o"),
    ("html", "网页（HTML）", "globe"),
]


def download_link(name: str, data: bytes, mimetype: str, fmt: str) -> str:
    b64 = base64.b64encode(data).decode("ascii")
    mime = mimetype.split(";")[0].strip() or "application/octet-stream"
    size = f"{len(data) / 1024:.0f} KB" if len(data) >= 1024 else f"{len(data)} 字节"
    return (
        f'<a class="pb-download pb-download-{esc(fmt)}" download="{esc(name)}" '
        f'href="data:{mime};base64,{b64}">⬇ 点击下载 {esc(name)}</a>'
        f' <span class="pb-size">（{size}）</span>'
    )


class ExportsPanel:
    def __init__(self, session: Session, msgs: Messages) -> None:
        self.session = session
        self.msgs = msgs
        self.result = html_box("", "pb-export-result")
        buttons = []
        for fmt, label, icon in FORMATS:
            b = button(f"导出 {label}", f"pb-export pb-export-{fmt}", "primary", icon=icon)
            b.on_click(msgs.guard(lambda _, f=fmt: self.export(f), "导出"))
            buttons.append(b)
        ex = button("导出为共享范文（匿名）", "pb-export pb-export-example", icon="users")
        ex.tooltip = "替换姓名、单位、地名、日期等信息后导出，供班级交流；导出前可逐条核对"
        ex.on_click(msgs.guard(lambda _: self.open_review(), "导出共享范文"))
        buttons.append(ex)
        self.buttons = buttons
        intro = html_box(
            '<div class="pb-h">导出</div><div class="pb-hint">点击按钮生成文件，再点出现的链接下载。'
            "Word 文档按党政机关公文格式（GB/T 9704）排版。检查发现的问题不影响导出，但建议先改好。</div>"
        )
        row = w.Box(buttons)
        row.add_class("pb-export-buttons")
        self.review_box = w.VBox([])
        self.review_box.add_class("pb-anon-review")
        self.review: Any = None
        self.root = w.VBox([intro, row, self.review_box, self.result])
        self.root.add_class("pb-exports")
        self.root.add_class("pb-card")

    def _standing(self) -> str:
        s = self.session
        serious = [
            f for f in s.checks.findings if getattr(f, "severity", "") in ("error", "warning")
        ]
        if not serious:
            return '<div class="pb-ok">检查未发现错误或警告。</div>'
        return (
            f'<div class="pb-standing">以下 {len(serious)} 个问题仍未解决（不影响导出）：</div>'
            + findings_html(serious, limit=15)
        )

    def export(self, fmt: str) -> None:
        self.result.value = '<div class="pb-hint">正在生成……</div>'
        self.session.flush()
        name, data, mime, notices = self.session.export(fmt)
        notes = "".join(f'<div class="pb-notice">{esc(n)}</div>' for n in notices)
        self.result.value = download_link(name, data, mime, fmt) + notes + self._standing()

    # --- the shared example: review each replacement, then export ----------------------
    def open_review(self) -> None:
        """Show every proposed replacement with a 替换 checkbox (one row per text: toggling
        it decides every occurrence); the choice is remembered in the draft."""
        from ..anonymizer import Review

        self.session.flush()
        if self.session.draft is None:
            return
        self.review = Review(self.session.draft)
        rows: list[w.Widget] = []
        seen: dict[str, list[int]] = {}
        for i, p in enumerate(self.review.items):
            seen.setdefault(p.original, []).append(i)
        for n, (original, indexes) in enumerate(seen.items()):
            p = self.review.items[indexes[0]]
            box = w.Checkbox(value=not p.keep, description="替换", indent=False)
            box.layout.width = "5em"
            box.observe(self._toggle_handler(indexes[0]), names="value")
            times = f" ×{len(indexes)}" if len(indexes) > 1 else ""
            label = html_box(
                f'<span class="pb-anon-orig">{esc(original)}</span> → '
                f'<span class="pb-anon-ph">{esc(p.placeholder)}</span>{times}'
                f' <span class="pb-anon-reason">（{esc(p.reason)}）</span>'
                f' <span class="pb-anon-where">{esc(self._where(p))}：…{esc(p.context)}…</span>'
            )
            row = w.HBox([box, label])
            row.add_class("pb-anon-row")
            row.add_class(f"pb-anon-row-{n}")
            rows.append(row)
        make = button("生成共享范文", "pb-anon-make", "primary", icon="check")
        make.on_click(self.msgs.guard(lambda _: self.export_example(), "导出共享范文"))
        head = html_box(
            f'<div class="pb-h">核对匿名化（{len(seen)} 项）</div><div class="pb-hint">'
            "勾选“替换”的内容将换成占位词；取消勾选则保留原文（如公开的地名、人物）。"
            "您的选择会记在草稿里，下次导出时沿用。</div>"
            if seen
            else '<div class="pb-notice">没有找到需要替换的个人信息，请自行核对。</div>'
        )
        self.review_box.children = [head, *rows, make]
        self.result.value = ""

    def _where(self, p: Any) -> str:
        """The section as the user knows it (问题 2), not its id."""
        names = {"unplaced": "未归类内容", "meta.class_name": "班次名称"}
        name = names.get(p.section, p.section)
        genre = self.session.genre
        if genre is not None and p.section in genre.section_ids:
            name = genre.section(p.section).display_name
        return name if p.item is None else f"{name} 第{p.item + 1}条"

    def _toggle_handler(self, index: int) -> Callable[[dict[str, Any]], None]:
        def handler(change: dict[str, Any]) -> None:
            if self.review is not None:
                self.review.toggle(index, keep=not change["new"])

        return handler

    def export_example(self) -> None:
        """The example with the reviewed decisions, as a download; the decisions are saved
        with the draft."""
        from ..filenames import safe_filename
        from ..storage import dumps

        if self.review is None:
            self.open_review()
        review = self.review
        review.remember()
        self.session.saver.changed()
        self.session.flush()
        example, replacements = review.example()
        genre = self.session.genre
        stem = safe_filename(
            f"共享范文-{genre.name if genre else '草稿'}-{datetime.now():%Y%m%d-%H%M}"
        )
        data = dumps(example).encode("utf-8")
        rows = "".join(f"<li>{esc(r.describe())}</li>" for r in replacements[:80])
        listing = (
            f'<div>已替换 {len(replacements)} 处：</div><ul class="pb-repl">{rows}</ul>'
            if replacements
            else '<div class="pb-notice">没有替换任何内容，请自行核对。</div>'
        )
        self.result.value = (
            download_link(f"{stem}.json", data, "application/json", "example")
            + '<div class="pb-hint">共享范文是标记为“范例”的草稿文件（.json），可交给老师发布。</div>'
            + listing
        )


def _describe(r: Any) -> str:
    if isinstance(r, tuple | list) and len(r) >= 2:
        return f"{r[0]} → {r[1]}"
    before = getattr(r, "original", None) or getattr(r, "before", None) or getattr(r, "old", None)
    after = getattr(r, "replacement", None) or getattr(r, "after", None) or getattr(r, "new", None)
    if before is not None and after is not None:
        return f"{before} → {after}"
    return str(r)
