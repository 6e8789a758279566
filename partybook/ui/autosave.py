"""Autosave of the open draft: throttled, atomic, conflict-safe, merging the instructor's
comments.

Every change is saved at most ``delay`` seconds later (throttled, so continuous typing still
saves) through ``storage.save`` with ``expect_updated``. The file's size and mtime are
compared with what was last written too, so another tab's save within the same second is
caught: on a conflict the other version stays, ours goes to a 冲突副本 file and later saves
go on there. A change on disk outside the content (the class tools writing comments back)
is merged instead, and the save goes ahead.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from ..draft import Draft
from ..errors import SaveConflictError
from ..storage import load, save
from .events import CommentsMerged, Message, SaveStatusChanged, SessionEvent
from .observable import Observable
from .scheduler import Scheduler, Throttle

SAVE_DELAY = 0.6  # seconds: autosave at most this long after a change
_CHANGED_ON_DISK = "\x00changed-on-disk"  # an ``expect_updated`` no file carries


def content_key(draft: Draft) -> str:
    """What the user wrote, as one comparable string (not comments, not stamps)."""
    data = draft.to_dict()
    return json.dumps(
        [data.get("sections"), data.get("meta"), data.get("unplaced")],
        ensure_ascii=False,
        sort_keys=True,
    )


def _stat(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size)


class Autosave:
    """Keeps ``open_draft()`` saved to :attr:`path` (which moves to a conflict copy)."""

    def __init__(
        self,
        open_draft: Callable[[], Draft | None],
        events: Observable[SessionEvent],
        scheduler: Scheduler,
        folder: Path,
        delay: float = SAVE_DELAY,
    ) -> None:
        self._open_draft = open_draft
        self._events = events
        self.folder = folder
        self.path: Path | None = None
        self.dirty = False
        self.saved_at: datetime | None = None
        self._disk_stamp: str | None = None  # the ``updated`` we last read or wrote
        self._disk_stat: tuple[int, int] | None = None
        self._saved_key = ""
        self._throttle = Throttle(delay, self._autosave, scheduler)

    def adopt(self, draft: Draft, path: Path, saved: bool) -> None:
        """Start following ``path`` (``saved``: it holds ``draft`` as it is now)."""
        self._throttle.cancel()
        self.path = path
        self.dirty = not saved
        self._disk_stamp = draft.updated if saved else None
        self._disk_stat = _stat(path) if saved else None
        self._saved_key = content_key(draft) if saved else ""
        self.saved_at = datetime.fromtimestamp(path.stat().st_mtime) if saved else None

    def forget(self) -> None:
        """No draft open any more (call :meth:`flush` first)."""
        self._throttle.cancel()
        self.path = None
        self.dirty = False

    def status_text(self) -> str:
        if self.saved_at is None:
            return "尚未保存"
        return f"已保存 {self.saved_at:%H:%M:%S}"

    def changed(self) -> None:
        """The draft changed: say so and save within the delay."""
        self.dirty = True
        self._events.notify(SaveStatusChanged("dirty", "有修改，即将自动保存…"))
        self._throttle.trigger()

    def _autosave(self) -> None:
        try:
            self.save_now()
        except Exception as err:  # keep the text; tell the user; try again on the next edit
            self._events.notify(SaveStatusChanged("error", "保存失败"))
            self._events.notify(
                Message(
                    f"自动保存失败：{err}。您输入的内容仍在页面中，"
                    f"请检查草稿文件夹 {self.folder} 的权限或磁盘空间。",
                    "error",
                )
            )

    def flush(self) -> None:
        """Save pending changes now (before closing, switching drafts or exporting)."""
        if self.dirty:
            self.save_now()

    def save_now(self) -> Path | None:
        """Save at once if there are unsaved changes (returns the file written)."""
        draft = self._open_draft()
        if draft is None or self.path is None or not self.dirty:
            return None
        self._throttle.cancel()
        path = self.path
        expect = self._disk_stamp
        if expect is not None and _stat(path) != self._disk_stat:
            # changed on disk since our last save: only comments (the instructor's feedback
            # written back)? Then merge them in; otherwise it is a conflict, even if the
            # other save happened within the same second as ours.
            expect = self._merge_comments(draft, path) or _CHANGED_ON_DISK
        self._events.notify(SaveStatusChanged("saving", "正在保存…"))
        try:
            save(draft, path, expect_updated=expect)
        except SaveConflictError as err:
            path = self.path = Path(err.conflict_path)
            self._events.notify(
                Message(f"{err.message}之后的修改将继续保存到 {path.name}。", "warning")
            )
        self.dirty = False
        self._disk_stamp = draft.updated
        self._disk_stat = _stat(path)
        self._saved_key = content_key(draft)
        self.saved_at = datetime.now()
        self._events.notify(SaveStatusChanged("saved", self.status_text()))
        return path

    def _merge_comments(self, draft: Draft, path: Path) -> str | None:
        """If the file on disk differs from our last save only outside the content, take
        its comments and return its ``updated`` stamp (so our save goes ahead)."""
        try:
            disk = load(path)
        except Exception:
            return None
        if content_key(disk) != self._saved_key:
            return None
        if [c.model_dump() for c in disk.comments] != [c.model_dump() for c in draft.comments]:
            draft.comments = disk.comments
            self._events.notify(CommentsMerged())
            self._events.notify(Message("收到新的老师批注，已显示在相应部分。"))
        return disk.updated
