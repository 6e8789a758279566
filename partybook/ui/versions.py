"""The open draft's version history as the workbook uses it (no widgets): the saved versions
newest first, one compared side by side with the text in the editors, and the draft a
restore makes.

The snapshots themselves are :mod:`partybook.history`'s (one at every save, in ``.history/``
beside the draft); the comparison is :mod:`partybook.history_diff`'s. A restore goes
through the session (:meth:`Session.restore_version`): it is pushed on the undo stack and
saved by the autosave with its conflict guard, like any other change.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .. import history
from ..draft import Draft, conform
from ..genre import Genre
from ..history_diff import SectionDiff, compare
from .autosave import content_key

PAGE = 30  # versions listed at a time (each costs a snapshot load, ~1–2 ms)


@dataclass
class VersionInfo:
    """One saved version as the 历史版本 list shows it."""

    id: str
    saved: str  # ISO 8601, local time
    chars: int
    summary: str  # Chinese: what that save changed
    current: bool  # its content is the text in the editors now

    @property
    def when(self) -> str:
        """``11-29 08:15:03`` (the year too when it is not this year)."""
        try:
            t = datetime.fromisoformat(self.saved)
        except ValueError:
            return self.saved
        fmt = "%m-%d %H:%M:%S" if t.year == datetime.now().year else "%Y-%m-%d %H:%M:%S"
        return t.strftime(fmt)


def list_versions(
    path: str | os.PathLike[str], draft: Draft | None, limit: int = PAGE
) -> list[VersionInfo]:
    """The newest ``limit`` versions of the draft file, newest first; ``current`` marks the
    ones holding what ``draft`` holds."""
    key = content_key(draft) if draft is not None else None
    out = []
    for v in history.versions(path, limit=limit, with_drafts=True):
        same = key is not None and v.draft is not None and content_key(v.draft) == key
        out.append(VersionInfo(v.id, v.saved, v.chars, v.summary, same))
    return out


def version_draft(path: str | os.PathLike[str], snap_id: str) -> Draft:
    """Version ``snap_id`` of the draft file (Chinese error when it is gone or damaged)."""
    return history.load_snapshot(history.find(Path(path), snap_id))


def compare_with(path: str | os.PathLike[str], snap_id: str, draft: Draft) -> list[SectionDiff]:
    """Version ``snap_id`` (left) against ``draft``, the text in the editors (right)."""
    return compare(version_draft(path, snap_id), draft)


def restored(old: Draft, current: Draft, genre: Genre) -> Draft:
    """What restoring ``old`` makes of ``current``: ``old``'s content (sections, sign-off,
    unplaced paragraphs) with ``current``'s comments (the instructor's feedback is not
    taken back with the text), creation time and save stamp (the autosave's conflict
    guard compares it with the file)."""
    draft = current.model_copy(deep=True)
    draft.sections = old.model_copy(deep=True).sections
    draft.meta = old.meta.model_copy()
    draft.unplaced = list(old.unplaced)
    conform(draft, genre)
    return draft
