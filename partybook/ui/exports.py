"""Export buttons. Each produces the file in memory and offers it as a ``data:`` link with a
``download`` name: no server file route is needed, so it works in JupyterLab and in Voila.
The findings that still stand are shown beside the link (they never block an export)."""

from __future__ import annotations

import base64
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
        ex.tooltip = "替换姓名、单位、地名、日期等信息后导出，供班级交流"
        ex.on_click(msgs.guard(lambda _: self.export_example(), "导出共享范文"))
        buttons.append(ex)
        self.buttons = buttons
        intro = html_box(
            '<div class="pb-h">导出</div><div class="pb-hint">点击按钮生成文件，再点出现的链接下载。'
            "Word 文档按党政机关公文格式（GB/T 9704）排版。检查发现的问题不影响导出，但建议先改好。</div>"
        )
        row = w.Box(buttons)
        row.add_class("pb-export-buttons")
        self.root = w.VBox([intro, row, self.result])
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

    def export_example(self) -> None:
        self.session.flush()
        name, data, replacements = self.session.export_example()
        rows = "".join(f"<li>{esc(_describe(r))}</li>" for r in replacements[:80])
        listing = (
            f'<div>已替换 {len(replacements)} 处，请核对：</div><ul class="pb-repl">{rows}</ul>'
            if replacements
            else '<div class="pb-notice">没有找到需要替换的个人信息，请自行核对。</div>'
        )
        self.result.value = (
            download_link(name, data, "application/json", "example")
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
