"""The section builder's state, declared once.

:class:`~.sections.SectionBuilder` is split into mixins (:mod:`.titles`, :mod:`.items`);
each mixin inherits this class, so its methods are typed against the fields and the
builder methods they use. The builder sets every field in its ``__init__``.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from ..draft import Item, Meta
from .model import Para


@dataclass
class Placed:
    """Where things went, for the removal report and the notices."""

    lines: list[int] = field(default_factory=list)
    sections: list[str] = field(default_factory=list)

    def add(self, line: int, section: str) -> None:
        self.lines.append(line)
        self.sections.append(section)

    def section_at(self, line: int) -> str:
        i = bisect_right(self.lines, line) - 1
        return self.sections[i] if i >= 0 else ""


class BuilderState:
    """The fields and builder methods the mixins share (no behaviour of its own)."""

    # section id → its paragraphs (str) or its items (Item), by the section's kind
    content: dict[str, list[Any]]
    title: str
    title_line: int
    copy_line: int  # the line whose copy number (“……(3)”) was cut: a page's own title
    title_marker: str  # the end of the genre's example title
    meta: Meta
    notices: list[str]
    placed: Placed
    current: str | None  # None: before the first section heading
    started: bool  # any content placed yet (after the title)
    item: Item | None
    point: Item | None
    item_style: dict[str, str]
    point_style: dict[str, str]
    leads: dict[str, list[tuple[str, int]]]  # text before a section's first item, its line

    def is_heading(self, p: Para) -> bool:
        raise NotImplementedError  # SectionBuilder's

    def _remove(self, text: str, kind: str, line: int, message: str) -> None:
        raise NotImplementedError  # SectionBuilder's
