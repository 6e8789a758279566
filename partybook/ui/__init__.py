"""The notebook workbook: ``from partybook.ui import Workbook; Workbook()``.

:mod:`partybook.ui.session` is the widget-free model; the other modules are views that
observe it. See docs/WORKBOOK.md.
"""

from __future__ import annotations

from typing import Any

__all__ = ["Session", "Workbook"]


def __getattr__(name: str) -> Any:
    if name == "Workbook":
        from .workbook import Workbook

        return Workbook
    if name == "Session":
        from .session import Session

        return Session
    raise AttributeError(name)
