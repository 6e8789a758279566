"""The instructor's classroom state, observed by the dashboard (no widgets here).

:class:`ClassModel` holds the class's source (folder or glob), the last collection and
report, and the actions the instructor takes: refresh, sort, comment, export, publish.
After each change it publishes a typed event (:class:`Refreshed`, :class:`Commented`,
:class:`Published`) on ``model.events``, the same kind of
:class:`~partybook.ui.observable.Observable` the workbook's session uses.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .. import paths
from ..errors import PartybookError
from ..ui.observable import Observable
from .collect import Collection, collect, default_source, load_entry
from .report import ClassReport, Row, class_report, make_row
from .similarity import Thresholds

SORT_KEYS: dict[str, str] = {
    "student": "学员",
    "file": "文件",
    "sections_done": "完成章节",
    "characters": "字数",
    "errors": "错误",
    "warnings": "警告",
    "updated": "最后保存",
    "similar": "相似",
    "carried_over": "沿用旧稿",
}


@dataclass(frozen=True)
class ClassEvent:
    """Base of the class model's events."""


@dataclass(frozen=True)
class Refreshed(ClassEvent):
    """The drafts were read again and the report rebuilt."""


@dataclass(frozen=True)
class Commented(ClassEvent):
    """A comment was written into ``file``'s draft (its row was reloaded)."""

    file: str


@dataclass(frozen=True)
class Published(ClassEvent):
    """A draft was published, anonymised, as a shared example at ``path``."""

    path: Path


class ClassModel:
    def __init__(
        self,
        source: str | os.PathLike[str] | None = None,
        *,
        thresholds: Thresholds | None = None,
        exercise: str | os.PathLike[str] | None = None,
        examples_folder: str | os.PathLike[str] | None = None,
        author: str = "老师",
    ) -> None:
        self.source = os.fspath(source) if source is not None else default_source()
        self.thresholds = thresholds or Thresholds()
        self.examples_folder = examples_folder
        self.author = author
        self.extra_rules: list[Any] = []
        if exercise is None:  # as the workbook does; "" means no exercise
            exercise = paths.class_exercise() or ""
        if exercise:
            from .exercise import load_exercise

            self.extra_rules = load_exercise(exercise).phrase_rules()
        self.collection: Collection | None = None
        self.report: ClassReport | None = None
        self.events: Observable[ClassEvent] = Observable()

    # --- reading -----------------------------------------------------------------------
    def refresh(self, source: str | None = None) -> ClassReport:
        if source is not None and source.strip():
            self.source = source.strip()
        self.collection = collect(self.source)
        self.report = class_report(
            self.collection,
            self.thresholds,
            extra_rules=self.extra_rules,
            examples_folder=self.examples_folder,
        )
        self.events.notify(Refreshed())
        return self.report

    def set_threshold(self, similarity: float) -> None:
        self.thresholds = replace(self.thresholds, similarity=similarity)

    @property
    def rows(self) -> list[Row]:
        return self.report.rows if self.report else []

    def similar_count(self, file: str) -> int:
        return len(self.report.pairs_of(file)) if self.report else 0

    def sorted_rows(self, key: str = "student", descending: bool = False) -> list[Row]:
        if key not in SORT_KEYS:
            raise PartybookError(f"不能按 {key} 排序。可用：{'、'.join(SORT_KEYS)}。")

        def value(r: Row) -> Any:
            if key == "similar":
                return self.similar_count(r.file)
            v = getattr(r, key)
            if v is None:  # unreadable files sort after every number
                return float("inf") if not descending else float("-inf")
            return v

        # unreadable files last in either direction; ties by student name
        ordered = sorted(self.rows, key=lambda r: (r.student, r.file))
        ordered.sort(key=value, reverse=descending)
        return ordered

    def category_counts(self) -> dict[str, int]:
        """Category display name → drafts with a problem of it (taxonomy order)."""
        return self.report.category_counts() if self.report else {}

    def explain(self, file: str) -> Any:
        """Why the draft's problems got their categories: a
        :class:`partybook.categories.Profile` (each item's categories with the deciding
        words, the missing groups, the problems without an example); None when unreadable."""
        from ..categories import profile

        entry = self.entry(file)
        if entry is None or entry.draft is None:
            return None
        return profile(entry.draft)

    def carried(self, file: str) -> list[Any]:
        """The passages of ``file``'s draft carried over from the same student's earlier
        drafts in the class folder (:class:`partybook.carryover.Carried`), in draft order."""
        from ..carryover import find
        from ..earlier import earlier_in

        entry = self.entry(file)
        if entry is None or entry.draft is None or self.collection is None:
            return []
        loaded = [(e.file, e.student, e.draft) for e in self.collection.drafts if e.draft]
        earlier = earlier_in(loaded, entry.student, entry.draft)
        return find(entry.draft, earlier) if earlier else []

    def entry(self, file: str) -> Any:
        if self.collection is None:
            return None
        return self.collection.find(file)

    # --- actions -----------------------------------------------------------------------
    def add_comment(self, file: str, section: str, text: str, item: int | None = None) -> Any:
        from .feedback import add_comment

        entry = self.entry(file)
        if entry is None or entry.draft is None:
            raise PartybookError(f"找不到可批注的草稿 {file}，请先刷新。")
        comment = add_comment(entry.path, section, text, item=item, author=self.author)
        self._reload(file)
        self.events.notify(Commented(file))
        return comment

    def _reload(self, file: str) -> None:
        if self.collection is None or self.report is None:
            return
        old = self.collection.find(file)
        if old is None:
            return
        fresh = load_entry(old.path, self.collection.base)
        self.collection.entries[self.collection.entries.index(old)] = fresh
        for i, row in enumerate(self.report.rows):
            if row.file == file:
                new = make_row(fresh, {}, self.extra_rules)
                # a comment changes no text: what was measured on the text still holds
                new.carried_over, new.categories = row.carried_over, row.categories
                new.missing_categories, new.no_example = row.missing_categories, row.no_example
                self.report.rows[i] = new

    def export(
        self,
        output: str | os.PathLike[str] | None,
        *,
        pdf: bool | None = False,
        progress: Callable[[int, int, str], None] | None = None,
        findings: bool = False,
    ) -> Any:
        """The class as a zip of .docx (comments as Word comments; ``findings``: the
        checks' findings too), and PDFs when ``pdf``."""
        from .batch import export_class

        if self.collection is None:
            self.refresh()
        assert self.collection is not None
        return export_class(
            self.collection.entries, output, pdf=pdf, progress=progress, findings=findings
        )

    def prepare_publish(self, file: str) -> Any:
        from .publish import prepare

        entry = self.entry(file)
        if entry is None or entry.draft is None:
            raise PartybookError(f"找不到可发布的草稿 {file}，请先刷新。")
        return prepare(entry.draft, file)

    def publish(self, candidate: Any, name: str | None = None) -> Path:
        from .publish import publish

        path = publish(candidate, self.examples_folder, name)
        self.events.notify(Published(path))
        return path
