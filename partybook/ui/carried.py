"""Passages the open draft carries over from the author's earlier drafts (no widgets).

The earlier drafts are found in the drafts folder (:func:`partybook.earlier.earlier_drafts`:
same author, an earlier date; never the draft's snapshots, ``.bak`` files or conflict
copies) again whenever the author or the date in the sign-off changes, plus the files the
user adds (last year's Word document). An added file is kept beside the draft in the
hidden folder ``.earlier/NAME.json/`` (the drafts list and the class collection skip
hidden folders), so it is compared again after a reload.

The live checks call :meth:`CarryOver.findings` on every run: the passages
(:func:`partybook.carryover.find`) are kept for the side-by-side panel and become PB650
findings in the section panels.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from ..carryover import Carried, Earlier
from ..draft import Draft
from ..errors import InputError, PartybookError
from ..filenames import safe_filename, unique_path
from .events import EarlierChanged, SessionEvent
from .observable import Observable

EARLIER_DIR = ".earlier"
ACCEPT = (".docx", ".txt", ".md", ".markdown", ".json")
MAX_UPLOAD = 20 * 1024 * 1024  # bytes: the importer refuses bigger documents anyway


@dataclass
class EarlierDraft:
    """An earlier draft compared with the open one, and where it came from."""

    earlier: Earlier
    origin: Literal["folder", "added"]
    file: Path

    @property
    def label(self) -> str:
        return self.earlier.label

    @property
    def year(self) -> int | None:
        return self.earlier.year


def added_dir(draft_path: Path) -> Path:
    return draft_path.parent / EARLIER_DIR / draft_path.name


class CarryOver:
    """The open draft's earlier drafts and the passages carried over from them."""

    def __init__(
        self,
        folder: Callable[[], Path],
        path: Callable[[], Path | None],
        events: Observable[SessionEvent],
    ) -> None:
        self._folder = folder
        self._path = path
        self._events = events
        self.drafts: list[EarlierDraft] = []
        self.passages: list[Carried] = []
        self.notice = ""  # why an added file or the folder could not be read (Chinese)
        self._scanned: tuple[str, str, str] | None = None  # (file, author, date) scanned for
        self._last: tuple[list[Carried], list[Any]] = ([], [])

    # --- which drafts ---------------------------------------------------------------------
    def reset(self) -> None:
        """Another draft was opened: find its earlier drafts at the next check."""
        self.drafts, self.passages, self.notice = [], [], ""
        self._scanned = None
        self._last = ([], [])

    def scan(self, draft: Draft) -> None:
        """Find the author's earlier drafts in the drafts folder and the added files."""
        from ..earlier import earlier_drafts, read_earlier

        path = self._path()
        before = [(d.origin, str(d.file)) for d in self.drafts]
        found: list[EarlierDraft] = []
        problems: list[str] = []
        if draft.meta.author.strip():
            try:
                for e in earlier_drafts(draft, self._folder(), own_path=path):
                    found.append(EarlierDraft(e, "folder", self._folder() / e.label))
            except (OSError, PartybookError) as err:
                problems.append(f"查找旧稿时无法读取草稿文件夹：{err}")
        if path is not None:
            for f in self._added_files(path):
                try:
                    found.append(EarlierDraft(read_earlier(f), "added", f))
                except Exception as err:  # one broken file must not hide the others
                    problems.append(f"旧稿 {f.name} 无法读取：{err}")
        self.drafts = found
        self.notice = "；".join(problems)
        self._scanned = (str(path), draft.meta.author, draft.meta.date)
        if before != [(d.origin, str(d.file)) for d in found]:
            self._events.notify(EarlierChanged())

    @staticmethod
    def _added_files(path: Path) -> list[Path]:
        folder = added_dir(path)
        try:
            files = [p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")]
        except OSError:
            return []
        return sorted(files, key=lambda p: p.name)

    def add(self, draft: Draft, data: bytes, filename: str, mtime: float | None = None) -> Earlier:
        """Add a file of an earlier draft (last year's .docx, a .txt, a draft .json): it is
        read first (a Chinese error when it cannot be), then kept beside the draft."""
        from ..earlier import earlier_from_bytes

        path = self._path()
        if path is None:
            raise PartybookError("请先打开草稿，再添加往年的材料。")
        name = Path(filename).name or "旧稿.docx"
        suffix = Path(name).suffix.lower()
        if suffix not in ACCEPT:
            raise InputError(
                f"{name} 不是能比对的文件。请选择 Word 文档（.docx）、文本文件（.txt）或草稿文件（.json）。"
            )
        if len(data) > MAX_UPLOAD:
            raise InputError(
                f"{name} 超过 {MAX_UPLOAD // 1024 // 1024} MB，请选择往年材料的正文文件。"
            )
        earlier = earlier_from_bytes(data, name, mtime)  # raises a Chinese error when unreadable
        if not earlier.draft.sections or not any(
            earlier.draft.text_of(s).strip() for s in earlier.draft.sections
        ):
            raise InputError(f"{name} 中没有读到正文，无法比对。")
        folder = added_dir(path)
        folder.mkdir(parents=True, exist_ok=True)
        stem = safe_filename(Path(name).stem) or "旧稿"
        target = unique_path(folder, stem, suffix)
        target.write_bytes(data)
        if mtime:
            with contextlib.suppress(OSError):
                os.utime(target, (mtime, mtime))
        self.scan(draft)
        return earlier

    def remove(self, draft: Draft, file: str | os.PathLike[str]) -> None:
        """Stop comparing with an added file (it is deleted from ``.earlier/``); drafts
        found in the folder are never deleted from here."""
        target = Path(file)
        path = self._path()
        if path is None or target.parent != added_dir(path):
            raise PartybookError("只能移除自己添加的往年材料；草稿文件夹中的旧稿不会在这里删除。")
        with contextlib.suppress(FileNotFoundError):
            target.unlink()
        self.scan(draft)

    # --- passages ---------------------------------------------------------------------------
    def findings(self, draft: Draft) -> list[Any]:
        """PB650 findings of ``draft`` (the checks' bounded copy), keeping its passages."""
        from .. import carryover

        path = self._path()
        if self._scanned != (str(path), draft.meta.author, draft.meta.date):
            self.scan(draft)
        earlier = [d.earlier for d in self.drafts]
        if not earlier:
            self.passages = []
            return []
        passages = carryover.find(draft, earlier)
        self.passages = passages
        if passages == self._last[0]:
            return list(self._last[1])
        found = carryover.findings(draft, earlier) if passages else []
        self._last = (passages, found)
        return list(found)

    def share(self, draft: Draft) -> float:
        """The share of the draft's text carried over (0..1) from the earlier drafts."""
        from ..carryover import carried_share

        return carried_share(draft, [d.earlier for d in self.drafts])


def file_time(value: Any) -> float | None:
    """A FileUpload entry's ``last_modified`` (datetime or milliseconds) as a timestamp."""
    if isinstance(value, datetime):
        return value.timestamp()
    if isinstance(value, int | float) and value > 0:
        return value / 1000 if value > 1e11 else float(value)
    return None
