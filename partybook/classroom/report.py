"""The class report: one row per draft file, plus the flagged similar pairs.

``class_report(collection)`` checks every draft (``partybook.checks.check``), counts sections
done and characters, and runs copy detection. The result is plain data (``to_dict`` gives
the JSON of ``partybook class-report --format json``); the dashboard and the CLI render it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ..draft import Draft
from ..genre import Genre, load_genre
from ..text import count_chars
from .collect import Collection, Entry
from .similarity import Pair, Thresholds


@dataclass
class Row:
    file: str
    student: str
    author: str
    genre: str
    sections_done: int
    sections_total: int
    characters: int
    errors: int | None  # None: the file could not be read
    warnings: int | None
    hints: int | None
    updated: str  # ISO 8601, as saved in the draft (file time for unreadable files)
    comments: int = 0
    problem: str = ""  # Chinese: why the file could not be read
    # share of the text carried over from the student's earlier drafts in the class folder
    # (None: no earlier draft of the same author there)
    carried_over: float | None = None
    categories: list[str] = field(default_factory=list)  # problem categories (display names)
    missing_categories: list[str] = field(default_factory=list)  # groups no problem touches
    no_example: list[int] = field(default_factory=list)  # problem items without a concrete example
    notes: list[str] = field(default_factory=list)  # an imported Word/text file's remarks
    findings: list[Any] = field(default_factory=list, repr=False)  # checks.Finding

    @property
    def ok(self) -> bool:
        return not self.problem

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "student": self.student,
            "author": self.author,
            "genre": self.genre,
            "sections_done": self.sections_done,
            "sections_total": self.sections_total,
            "characters": self.characters,
            "errors": self.errors,
            "warnings": self.warnings,
            "hints": self.hints,
            "comments": self.comments,
            "updated": self.updated,
            "problem": self.problem,
            "carried_over": None if self.carried_over is None else round(self.carried_over, 3),
            "categories": self.categories,
            "missing_categories": self.missing_categories,
            "no_example": self.no_example,
            "notes": self.notes,
        }


@dataclass
class ClassReport:
    source: str
    rows: list[Row]
    similar: list[Pair]
    thresholds: Thresholds
    skipped: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        t = self.thresholds
        return {
            "source": self.source,
            "rows": [r.to_dict() for r in self.rows],
            "similar": [p.to_dict() for p in self.similar],
            "thresholds": {
                "similarity": t.similarity,
                "containment": t.containment,
                "min_shared": t.min_shared,
                "min_passage": t.min_passage,
                "ngram": t.ngram,
            },
            "skipped": self.skipped,
        }

    def category_counts(self) -> dict[str, int]:
        """Category display name → number of drafts with a problem of it (the class chart),
        in the taxonomy's order."""
        from ..categories import taxonomy

        names = [c.name for c in taxonomy()[0].categories]
        return {n: sum(1 for r in self.rows if n in r.categories) for n in names}

    def row(self, file: str) -> Row | None:
        return next((r for r in self.rows if r.file == file), None)

    def pairs_of(self, file: str) -> list[Pair]:
        return [p for p in self.similar if file in (p.a, p.b)]


def _genre(gid: str, cache: dict[str, Genre | None]) -> Genre | None:
    if gid not in cache:
        try:
            cache[gid] = load_genre(gid)
        except Exception:
            cache[gid] = None
    return cache[gid]


def section_done(draft: Draft, section_id: str) -> bool:
    """A section is done when it holds any text (item sections: any item with text)."""
    return count_chars(draft.text_of(section_id)) > 0


def progress(draft: Draft, genre: Genre | None) -> tuple[int, int, int]:
    """(sections done, sections in the genre, characters written)."""
    ids = [s.id for s in genre.content_sections()] if genre else list(draft.sections)
    counts = [_chars(draft.text_of(sid)) for sid in ids]
    return sum(1 for n in counts if n), len(ids), sum(counts)


def _chars(text: str) -> int:
    """Same as :func:`partybook.text.count_chars` (all but whitespace), at C speed."""
    return len("".join(text.split()))


def short_time(value: str) -> str:
    """``2026-11-27T09:30:00+08:00`` → ``2026-11-27 09:30`` (other text as written)."""
    try:
        return datetime.fromisoformat(value).strftime("%Y-%m-%d %H:%M")
    except (TypeError, ValueError):
        return value or ""


def make_row(entry: Entry, genres: dict[str, Genre | None], extra_rules: Sequence[Any]) -> Row:
    draft = entry.draft
    if draft is None:
        updated = (
            datetime.fromtimestamp(entry.mtime).astimezone().isoformat(timespec="seconds")
            if entry.mtime
            else ""
        )
        return Row(
            entry.file, entry.student, "", "", 0, 0, 0, None, None, None, updated,
            problem=entry.error or "无法读取",
        )  # fmt: skip
    genre = _genre(draft.genre, genres)
    done, total, chars = progress(draft, genre)
    from ..checks import check

    try:
        findings = check(draft, genre, extra_rules=extra_rules) if genre else []
    except Exception as err:  # one odd draft must not stop the class report
        return Row(
            entry.file, entry.student, draft.meta.author, draft.genre, done, total, chars,
            None, None, None, draft.updated,
            problem=f"检查时出错（{type(err).__name__}），请单独打开此草稿查看。",
        )  # fmt: skip
    count = {s: 0 for s in ("error", "warning", "hint")}
    for f in findings:
        count[f.severity] = count.get(f.severity, 0) + 1
    return Row(
        file=entry.file,
        student=entry.student,
        author=draft.meta.author,
        genre=draft.genre,
        sections_done=done,
        sections_total=total,
        characters=chars,
        errors=count["error"],
        warnings=count["warning"],
        hints=count["hint"],
        updated=draft.updated,
        comments=len(draft.comments),
        findings=findings,
        notes=list(entry.notes),
    )


def add_carried_over(collection: Collection, rows: list[Row]) -> None:
    """Fill ``Row.carried_over`` for drafts whose author has earlier drafts in the class."""
    from ..carryover import carried_share
    from ..earlier import earlier_in

    loaded = [(e.file, e.student, e.draft) for e in collection.drafts if e.draft is not None]
    by_file = {r.file: r for r in rows}
    for file, student, draft in loaded:
        earlier = earlier_in(loaded, student, draft)
        row = by_file.get(file)
        if earlier and row is not None and row.ok:
            row.carried_over = carried_share(draft, earlier)


def add_categories(collection: Collection, rows: list[Row]) -> None:
    """Fill each row's problem categories, the groups no problem touches and the problems
    lacking a concrete example (:mod:`partybook.categories`)."""
    from ..categories import profile

    by_file = {r.file: r for r in rows}
    for e in collection.drafts:
        row = by_file.get(e.file)
        if row is None or not row.ok or e.draft is None:
            continue
        p = profile(e.draft)
        row.categories, row.missing_categories, row.no_example = (
            p.categories,
            p.missing,
            p.no_example,
        )


def examples_for(collection: Collection, folder: str | os.PathLike[str] | None = None) -> list:
    """(key, label, draft) of the published examples of the genres the class uses."""
    from .publish import load_examples

    out = []
    for gid in sorted({e.draft.genre for e in collection.drafts if e.draft}):
        for path, draft in load_examples(gid, folder):
            out.append((f"范文：{path.name}", f"已发布范文 {path.stem}", draft))
    return out


def class_report(
    collection: Collection,
    thresholds: Thresholds | None = None,
    *,
    extra_rules: Sequence[Any] = (),
    similarity: bool = True,
    examples_folder: str | os.PathLike[str] | None = None,
    progress_cb: Callable[[int, int], None] | None = None,
) -> ClassReport:
    """Rows for every entry (readable or not) and the flagged pairs among the drafts, and
    between each draft and the genre's worked example and published examples."""
    genres: dict[str, Genre | None] = {}
    rows = []
    n = len(collection.entries)
    for i, entry in enumerate(collection.entries, 1):
        rows.append(make_row(entry, genres, extra_rules))
        if progress_cb is not None:
            progress_cb(i, n)
    add_carried_over(collection, rows)
    add_categories(collection, rows)
    t = thresholds or Thresholds()
    pairs: list[Pair] = []
    if similarity:
        from .similarity import compare_class

        drafts = [(e.file, e.student, e.draft) for e in collection.drafts if e.draft]
        pairs = compare_class(drafts, examples_for(collection, examples_folder), t)
    return ClassReport(collection.source, rows, pairs, t, list(collection.skipped))


def format_text(report: ClassReport) -> str:
    """The report as plain text (Chinese), for the terminal."""
    lines = [f"班级草稿：{report.source}（共 {len(report.rows)} 份）", ""]
    header = [
        "文件",
        "学员",
        "完成章节",
        "字数",
        "错误",
        "警告",
        "最后保存",
        "沿用旧稿",
        "问题类别",
    ]
    lines.append("\t".join(header))
    for r in report.rows:
        if not r.ok:
            lines.append(f"{r.file}\t{r.student}\t无法读取：{r.problem}")
            continue
        lines.append(
            f"{r.file}\t{r.student}\t{r.sections_done}/{r.sections_total}\t{r.characters}"
            f"\t{r.errors}\t{r.warnings}\t{short_time(r.updated)}"
            f"\t{'—' if r.carried_over is None else f'{r.carried_over:.0%}'}"
            f"\t{'、'.join(r.categories) or '—'}"
        )
        if r.notes:
            lines.append(f"\t{' '.join(r.notes)}")
    if report.skipped:
        lines += ["", f"已跳过的冲突副本：{'、'.join(report.skipped)}"]
    lines.append("")
    if not report.similar:
        lines.append("未发现相似度超过阈值的草稿。")
    for p in report.similar:
        other = p.b if p.kind == "draft" else f"{p.b}（范文）"
        lines.append(
            f"相似：{p.a}（{p.student_a}）与 {other}（{p.student_b}）：相似度 {p.similarity:.0%}，"
            f"包含度 {p.containment:.0%}，相同段落共 {p.shared_chars} 字。"
        )
        for k, passage in enumerate(p.passages[:3], 1):
            flat = passage.text_a.replace("\n", " ")
            snippet = flat if len(flat) <= 60 else flat[:60] + "……"
            lines.append(f"  {k}. [{passage.section_a} / {passage.section_b}] {snippet}")
        if len(p.passages) > 3:
            lines.append(f"  ……另有 {len(p.passages) - 3} 段相同")
    return "\n".join(lines) + "\n"
