"""Finding ipywidgets by their hook classes (``pb-…``), for in-process UI tests: typing
is setting ``.value``, clicking is ``.click()``."""

from __future__ import annotations

from collections.abc import Iterator

import ipywidgets as w


def walk(widget: w.Widget) -> Iterator[w.Widget]:
    """``widget`` and everything inside it, parents before children."""
    yield widget
    for child in getattr(widget, "children", ()):
        yield from walk(child)


def find_all(root: w.Widget, cls: str) -> list[w.Widget]:
    return [x for x in walk(root) if cls in getattr(x, "_dom_classes", ())]


def find(root: w.Widget, cls: str) -> w.Widget:
    """The one widget under ``root`` with class ``cls`` (fails if none or several)."""
    found = find_all(root, cls)
    assert len(found) == 1, (cls, len(found))
    return found[0]


def visible(widget: w.Widget) -> bool:
    return widget.layout.display != "none"
