"""Small helpers shared by the widget modules: findings as HTML, editor sizing, layouts."""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import ipywidgets as w

from ..checks.model import SEVERITY_ZH

SEVERITY_ORDER = {"error": 0, "warning": 1, "hint": 2}
CSS_FILE = Path(__file__).with_name("workbook.css")


def style_tag() -> str:
    """The stylesheet of the workbook and the class dashboard, for an ``HTML`` widget."""
    return f"<style>{CSS_FILE.read_text(encoding='utf-8')}</style>"


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def rows_for(text: str, minimum: int = 3, maximum: int = 24, width: int = 40) -> int:
    """Textarea rows that fit ``text`` (about ``width`` CJK characters a line)."""
    if len(text) > 200_000:
        return maximum
    lines = 0
    for line in text.split("\n"):
        lines += max(1, -(-len(line) // width))
        if lines >= maximum:
            return maximum
    return max(minimum, lines + 1)


def finding_location(f: Any, sections: Mapping[str, str] | None = None) -> str:
    """Where a finding is: 第 2 条; with ``sections`` (id → name): 存在的问题 第 2 条."""
    item = getattr(f, "item", None)
    where = f"第 {item + 1} 条" if isinstance(item, int) else ""
    if sections is None:
        return where
    section = str(getattr(f, "section", "") or "")
    return f"{sections.get(section, section)} {where}".strip()


def findings_html(
    findings: Iterable[Any],
    empty: str = "",
    limit: int = 50,
    sections: Mapping[str, str] | None = None,
) -> str:
    """The ``pb-flist`` list, errors first; ``sections`` names each finding's section."""
    items = sorted(findings, key=lambda f: SEVERITY_ORDER.get(getattr(f, "severity", ""), 3))
    if not items:
        return f'<div class="pb-ok">{esc(empty)}</div>' if empty else ""
    out = ['<ul class="pb-flist">']
    for f in items[:limit]:
        sev = getattr(f, "severity", "hint")
        where = finding_location(f, sections)
        where_html = f'<span class="pb-where">{esc(where)}</span>' if where else ""
        code = getattr(f, "code", "")
        out.append(
            f'<li class="pb-f pb-f-{esc(sev)}"><span class="pb-sev">{SEVERITY_ZH.get(sev, sev)}</span>'
            f"{where_html}{esc(str(getattr(f, 'message', f)))}"
            f'<span class="pb-code">{esc(code)}</span></li>'
        )
    if len(items) > limit:
        out.append(f'<li class="pb-f">……另有 {len(items) - limit} 条</li>')
    out.append("</ul>")
    return "".join(out)


def full_width(widget: w.Widget) -> w.Widget:
    widget.layout.width = "100%"
    return widget


def button(
    label: str, cls: str = "", style: str = "", tooltip: str = "", icon: str = ""
) -> w.Button:
    b = w.Button(description=label, tooltip=tooltip or label, icon=icon)
    b.layout.width = "auto"
    if style:
        b.button_style = style
    for c in cls.split():
        b.add_class(c)
    return b


def html_box(value: str = "", cls: str = "") -> w.HTML:
    h = w.HTML(value)
    for c in cls.split():
        h.add_class(c)
    return h
