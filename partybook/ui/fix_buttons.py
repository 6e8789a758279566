"""One-click fixes under a list of findings: a row per fixable finding (a misquoted
political formula first: its exact wording), each fixed alone through
:meth:`Session.apply_fix` and undone with the page's 撤销. Used by the section panels and
the review page."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import ipywidgets as w

from .common import SEVERITY_ORDER, button, esc, html_box
from .messages import Messages
from .session import Session, fix_key

SHOWN = 8  # rows per list; the review page's 全部应用 covers the rest
SHOWN_SEVERITIES = ("error", "warning")  # hints (spacing, punctuation) go through 全部应用


def span_text(session: Session, finding: Any) -> str:
    """The text a finding's fix replaces, read from the open draft ('' when gone)."""
    draft = session.draft
    if draft is None:
        return ""
    content = draft.sections.get(finding.section)
    text: Any = None
    if finding.field == "line":
        text = content
    elif finding.field == "paragraph" and isinstance(content, list):
        if finding.index is not None and finding.index < len(content):
            text = content[finding.index]
    elif isinstance(content, list) and finding.item is not None and finding.item < len(content):
        item = content[finding.item]
        if finding.index is not None:
            points = getattr(item, "items", None) or []
            item = points[finding.index] if finding.index < len(points) else None
        text = getattr(item, finding.field, None)
    if not isinstance(text, str):
        return ""
    start = finding.field_start
    return text[start : start + finding.end - finding.start]


def fixable(findings: Iterable[Any]) -> list[Any]:
    """The findings a row is offered for, errors (PB601) first."""
    found = [
        f
        for f in findings
        if getattr(f, "fix", None) is not None
        and str(getattr(f, "code", "")).startswith("PB")  # phrase rules' fixes are not safe
        and getattr(f, "severity", "") in SHOWN_SEVERITIES
        and getattr(f, "field", None)
    ]
    return sorted(found, key=lambda f: (SEVERITY_ORDER.get(f.severity, 3), f.code != "PB601"))


class FixButtons:
    """``refresh(findings)`` shows a fix row for each fixable finding among them."""

    def __init__(self, session: Session, msgs: Messages) -> None:
        self.session = session
        self.msgs = msgs
        self.root = w.VBox()
        self.root.add_class("pb-fix-ones")
        self._keys: list[tuple[Any, ...]] = []

    def refresh(self, findings: Iterable[Any]) -> None:
        rows = fixable(findings)[:SHOWN]
        keys = [(*fix_key(f), span_text(self.session, f)) for f in rows]
        if keys == self._keys:
            return  # typing elsewhere: keep the widgets (no flicker, no lost clicks)
        self._keys = keys
        self.root.children = tuple(self._row(f) for f in rows)

    def _row(self, f: Any) -> w.Widget:
        before = span_text(self.session, f)
        misquote = f.code == "PB601"
        what = "规范表述" if misquote else "改为"
        label = html_box(
            f'<span class="pb-fix-before"><del>{esc(before or "（原文）")}</del></span>'
            f'<span class="pb-arrow"> → </span><span class="pb-fix-label">{what}：</span>'
            f'<span class="pb-fix-after"><ins>{esc(f.fix or "（删去）")}</ins></span>',
            "pb-fix-one-text",
        )
        b = button(
            "改为规范表述" if misquote else "修正这一处",
            f"pb-fix-one pb-fix-one-{f.code}",
            "warning" if misquote else "",
            tooltip="只修改这一处；可以撤销",
            icon="check",
        )
        b.on_click(self.msgs.guard(lambda _, f=f: self._fix(f), "修正"))
        row = w.HBox([label, b])
        row.add_class("pb-fix-one-row")
        return row

    def _fix(self, finding: Any) -> None:
        self.session.apply_fix(finding)
        self.session.refresh()  # the finding goes away at once, not after the pause
