"""Which drafts are an author's earlier ones: in a folder, among a class's drafts, or a file
the user adds (last year's Word document). Same ``meta.author``, an earlier date; never the
draft itself, its snapshots in ``.history/``, ``.bak`` files or conflict copies.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path

from .carryover import Earlier
from .draft import Draft

_DATE = re.compile(r"(\d{4})\D{0,3}(\d{1,2})?(?:\D{0,3}(\d{1,2}))?")


def draft_date(draft: Draft, fallback: float | None = None) -> date | None:
    """The draft's date: ``meta.date`` (2024-10, 2024年10月8日 …), else ``created``, else the
    file time ``fallback``."""
    m = _DATE.search(draft.meta.date or "")
    if m:
        try:
            return date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
        except ValueError:
            pass
    try:
        return datetime.fromisoformat(draft.created).date()
    except (TypeError, ValueError):
        pass
    return datetime.fromtimestamp(fallback).date() if fallback else None


def same_author(a: Draft, b: Draft) -> bool:
    x, y = "".join(a.meta.author.split()), "".join(b.meta.author.split())
    return bool(x) and x == y


def is_earlier(candidate: Draft, draft: Draft) -> bool:
    """Same author and an earlier date (a draft of the same day is no earlier draft)."""
    if not same_author(candidate, draft):
        return False
    a, b = draft_date(candidate), draft_date(draft)
    return a is not None and b is not None and a < b


def as_earlier(draft: Draft, label: str, fallback: float | None = None) -> Earlier:
    d = draft_date(draft, fallback)
    return Earlier(draft, d.year if d else None, label)


def earlier_drafts(
    draft: Draft, folder: str | os.PathLike[str], *, own_path: str | os.PathLike[str] | None = None
) -> list[Earlier]:
    """The author's earlier drafts among the ``*.json`` drafts of ``folder`` (and its
    sub-folders), oldest first. Never the draft itself, its snapshots in ``.history/``, its
    ``.bak`` or conflict copies (:func:`partybook.classroom.collect.find_files` skips them)."""
    from .classroom.collect import find_files
    from .errors import PartybookError
    from .storage import load

    _, files, _ = find_files(folder)
    own = Path(own_path).resolve() if own_path else None
    found: list[tuple[date, Earlier]] = []
    for p in files:
        if own is not None and p.resolve() == own:
            continue
        try:
            other = load(p)
        except PartybookError:
            continue
        if is_earlier(other, draft):
            e = as_earlier(other, p.name)
            found.append((draft_date(other) or date.min, e))
    found.sort(key=lambda t: t[0])
    return [e for _, e in found]


def earlier_from_bytes(data: bytes, filename: str, mtime: float | None = None) -> Earlier:
    """An earlier draft from a file's content in any format (a draft .json, or a document
    the importer reads: .docx, .txt, .md) — the workbook's upload of last year's Word file.
    A document without a date in its sign-off is dated by ``mtime`` (its file time)."""
    name = Path(filename).name
    if name.lower().endswith(".json"):
        from .storage import _parse, draft_from_dict

        return as_earlier(draft_from_dict(_parse(data, Path(name)), name), name)
    from .importer import import_bytes

    draft = import_bytes(data, name).draft
    earlier = as_earlier(draft, name)
    if not draft.meta.date.strip():  # an imported document's `created` is today
        earlier.year = datetime.fromtimestamp(mtime).year if mtime else None
    return earlier


def read_earlier(path: str | os.PathLike[str]) -> Earlier:
    """An earlier draft from a file in any format (see :func:`earlier_from_bytes`)."""
    from .errors import InputError
    from .reading import read_bytes_zh

    p = Path(path)
    data = read_bytes_zh(p, "旧稿", InputError, not_found=f"找不到旧稿 {p}，请检查路径。")
    return earlier_from_bytes(data, p.name, p.stat().st_mtime)


def earlier_in(
    entries: Iterable[tuple[str, str, Draft]], student: str, draft: Draft
) -> list[Earlier]:
    """The student's earlier drafts among a class's ``(label, student, draft)`` entries: the
    same student (``meta.author``, or the home or sub-folder the file is in, as the class
    collection names students) and an earlier date, oldest first."""
    mine = draft_date(draft)
    found = []
    for label, who, other in entries:
        if other is draft or who != student or mine is None:
            continue
        when = draft_date(other)
        if when is not None and when < mine:
            found.append((when, as_earlier(other, label)))
    found.sort(key=lambda t: t[0])
    return [e for _, e in found]


def earlier_doubts(draft: Draft, earlier: Iterable[Earlier]) -> list[str]:
    """Why a given "earlier draft" may not be the author's own earlier one (Chinese, one
    line each): another author, or a date after the draft's. It is compared all the same."""
    out = []
    author = draft.meta.author.strip()
    year = draft_date(draft)
    for e in earlier:
        other = e.draft.meta.author.strip()
        if author and other and other != author:
            out.append(
                f"提示：旧稿 {e.label} 的作者是“{other}”，本稿的作者是“{author}”。"
                "照搬旧稿只比对本人往年的材料，请确认给的是你自己的旧稿。"
            )
        if year is not None and e.year is not None and e.year > year.year:
            out.append(
                f"提示：旧稿 {e.label} 是 {e.year} 年的，晚于本稿（{year.year} 年）。"
                "请确认给的是往年的材料。"
            )
    return out
