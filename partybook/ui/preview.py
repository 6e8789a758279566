"""The live preview: the HTML exporter's fragment of the assembled document."""

from __future__ import annotations

from .common import html_box
from .session import Session


class Preview:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.root = html_box("", "pb-preview")

    def refresh(self) -> None:
        html = self.session.checks.preview if self.session.draft is not None else ""
        value = f'<div class="pb-side-title">预览</div><div class="pb-preview-doc">{html}</div>'
        if value != self.root.value:
            self.root.value = value
