"""The always-visible header figures: sections done / total, errors, warnings, save status."""

from __future__ import annotations

import ipywidgets as w

from .common import esc, findings_html, html_box
from .events import SaveStatusChanged
from .session import Session


class ProgressBar:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.root = html_box("", "pb-progress")

    def refresh(self) -> None:
        if self.session.draft is None:
            self.root.value = ""
            return
        p = self.session.checks.progress()
        pct = round(100 * p.done / p.total) if p.total else 0
        self.root.value = (
            f'<div class="pb-progress-text">已完成 <b>{p.done}/{p.total}</b> 节'
            f' · <span class="pb-n-error">错误 {p.errors}</span>'
            f' · <span class="pb-n-warning">警告 {p.warnings}</span>'
            f' · <span class="pb-n-hint">提示 {p.hints}</span></div>'
            f'<div class="pb-bar"><div class="pb-bar-fill" style="width:{pct}%"></div></div>'
        )


class SaveStatus:
    def __init__(self, session: Session) -> None:
        self.root = html_box("", "pb-saved")
        session.events.observe(SaveStatusChanged, lambda e: self.show(e.state, e.text))

    def show(self, state: str, text: str) -> None:
        self.root.value = f'<span class="pb-save-{esc(state)}">{esc(text)}</span>'


class FindingsSummary:
    """Every finding of the draft, grouped by section (the ``pb-findings`` list)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.root = html_box("", "pb-findings")

    def refresh(self) -> None:
        s, checks = self.session, self.session.checks
        if s.draft is None or s.genre is None:
            self.root.value = ""
            return
        parts = ['<div class="pb-side-title">检查结果</div>']
        if checks.notice:
            parts.append(f'<div class="pb-notice">{esc(checks.notice)}</div>')
        if not checks.findings:
            parts.append('<div class="pb-ok">暂未发现问题。</div>')
        for spec in s.genre.sections:
            found = checks.section_findings(spec)
            if found:
                parts.append(f'<div class="pb-fsec">{esc(s.genre.section_label(spec))}</div>')
                parts.append(findings_html(found, limit=20))
        known = {k for spec in s.genre.sections for k in (spec.id, spec.lead_key) if k}
        other = [f for f in checks.findings if getattr(f, "section", None) not in known]
        if other:
            parts.append('<div class="pb-fsec">全文</div>' + findings_html(other, limit=20))
        self.root.value = "".join(parts)


def header_box(*children: w.Widget) -> w.Widget:
    box = w.HBox(list(children))
    box.add_class("pb-header")
    return box
