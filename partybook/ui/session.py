"""The workbook's model: one open draft and the editing methods the widgets call.

This module never imports ipywidgets and never sets a widget value. The session publishes
typed events (:mod:`partybook.ui.events`) on :attr:`Session.events`; the widgets observe
them. Its parts, each in its own module:

- :class:`~partybook.ui.autosave.Autosave` (``session.saver``): throttled atomic saving,
  conflicts and the instructor's comments;
- :class:`~partybook.ui.live_checks.LiveChecks` (``session.checks``): paced checks,
  preview, character counts and progress;
- :mod:`~partybook.ui.editing`: text cleaning, aligned linked items, the undo stack;
- :mod:`~partybook.ui.shared_examples`, :mod:`~partybook.ui.export_files`.

The JSON file is the state: every change is saved within ``save_delay`` seconds.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path
from typing import Any

from ..draft import Draft, Item, conform, new_draft
from ..errors import PartybookError
from ..filenames import safe_filename, unique_path
from ..genre import Genre, SectionSpec, load_genre
from ..paths import drafts_dir
from ..storage import load
from . import editing
from . import versions as history_view
from .autosave import SAVE_DELAY, Autosave
from .carried import CarryOver
from .events import (
    Closed,
    Edited,
    ExamplesLoaded,
    FindingsReady,
    Message,
    MessageLevel,
    Opened,
    Replaced,
    Restructured,
    SaveStatusChanged,
    SessionEvent,
    VersionRestored,
)
from .export_files import example_file, export_file
from .import_choice import PendingImport
from .live_checks import CHECK_DELAY, LiveChecks
from .notice_guidance import notice_guidance, notice_sections
from .observable import Observable
from .scheduler import LoopScheduler, Scheduler
from .shared_examples import SharedExample, load_shared_examples


class Session:
    def __init__(
        self,
        folder: str | os.PathLike[str] | None = None,
        scheduler: Scheduler | None = None,
        save_delay: float = SAVE_DELAY,
        check_delay: float = CHECK_DELAY,
    ) -> None:
        self.folder = Path(folder) if folder is not None else drafts_dir()
        self.scheduler = scheduler or LoopScheduler()
        self.draft: Draft | None = None
        self.genre: Genre | None = None
        self.events: Observable[SessionEvent] = Observable()
        self.saver = Autosave(
            lambda: self.draft, self.events, self.scheduler, self.folder, save_delay
        )
        self.checks = LiveChecks(self._opened, self.events, self.scheduler, check_delay)
        self.undo_stack = editing.UndoStack()
        self.carryover = CarryOver(lambda: self.folder, lambda: self.path, self.events)
        self.checks.more_findings.append(self.carryover.findings)
        self.examples: list[SharedExample] = []  # the genre's published examples
        self.examples_notice = ""  # why some example files were skipped (Chinese)
        self.notice_error = ""  # why the genre's notices file cannot be read (Chinese)

    def _opened(self) -> tuple[Draft, Genre] | None:
        if self.draft is None or self.genre is None:
            return None
        return self.draft, self.genre

    def _require(self) -> tuple[Draft, Genre]:
        opened = self._opened()
        if opened is None:
            raise PartybookError("还没有打开草稿：请先新建、打开或导入一份草稿。")
        return opened

    @property
    def path(self) -> Path | None:
        """The file being saved to (a 冲突副本 after a conflict)."""
        return self.saver.path

    @path.setter
    def path(self, value: Path | None) -> None:
        self.saver.path = value

    def tell(self, text: str, level: MessageLevel = "info") -> None:
        self.events.notify(Message(text, level))

    # --- opening ----------------------------------------------------------------------
    def new(
        self, genre_id: str = "dangxing-fenxi", example: str | None = None, **meta: str
    ) -> Path:
        """A new draft of the genre: blank, or (``example``: a worked example's id) a copy
        of that worked example. The fields given (author, unit …) replace the example's."""
        genre = load_genre(genre_id)
        fields = {k: editing.clean_text(v).strip() for k, v in meta.items() if v}
        fields = {k: v for k, v in fields.items() if v}
        if example is None:
            draft = new_draft(genre, **fields)
            kind = genre.name
        else:
            draft = genre.example_draft(example)
            for key, value in fields.items():
                setattr(draft.meta, key, value)
            kind = f"{genre.name}-范例"
        author = fields.get("author") or (draft.meta.author if example is not None else "")
        stem = safe_filename(f"{author or '我'}的{kind}-{datetime.now():%Y%m%d-%H%M%S}")
        path = unique_path(self.folder, stem, ".json")
        self._adopt(draft, genre, path, saved=False)
        self.saver.save_now()
        return path

    def open(self, path: str | os.PathLike[str]) -> None:
        p = Path(path)
        draft = load(p)  # DraftFileError (Chinese) propagates to the caller's message area
        self._adopt(draft, load_genre(draft.genre), p, saved=True)

    def import_document(self, data: bytes, filename: str) -> Any:
        """Import a document into a new draft file (its first article, the guessed genre);
        returns the importer's result."""
        return self.open_import(self.read_document(data, filename))

    def read_document(self, data: bytes, filename: str) -> PendingImport:
        """Import an upload (.txt/.md/.docx/.doc/.wps/.rtf/.odt/.pdf) without opening it:
        its articles and genres to choose from (:mod:`~partybook.ui.import_choice`).
        Bad input raises :class:`~partybook.errors.InputError` (a Chinese message)."""
        from ..importer import import_bytes
        from .library import genre_infos

        result = import_bytes(data, filename)
        return PendingImport(data, filename, result, [g.id for g in genre_infos()])

    def open_import(self, pending: PendingImport, index: int = 0) -> Any:
        """Open article ``index`` of ``pending`` (in the genre chosen for it) as a new
        draft file; returns the importer's result for it."""
        result = pending.result(index)
        draft, genre, path = pending.target(index, self.folder)
        self._adopt(draft, genre, path, saved=False)
        self.saver.save_now()
        pending.saved[index] = path.name
        return result

    def save_import(self, pending: PendingImport, index: int) -> Path:
        """Save article ``index`` of ``pending`` as a draft file of its own, not opened."""
        from ..storage import save

        draft, _, path = pending.target(index, self.folder)
        save(draft, path)
        pending.saved[index] = path.name
        return path

    def _adopt(self, draft: Draft, genre: Genre, path: Path, saved: bool) -> None:
        self.saver.flush()
        self.draft, self.genre = draft, genre
        self.saver.adopt(draft, path, saved)
        self.undo_stack.clear()
        self.carryover.reset()
        self.checks.changed(None)
        self.checks.refresh(emit=False)
        self.examples, self.examples_notice = load_shared_examples(genre)
        self.events.notify(Opened())
        self.events.notify(ExamplesLoaded())
        if self.examples_notice:
            self.tell(self.examples_notice, "warning")
        self.notice_guidance()
        if self.notice_error:
            self.tell(self.notice_error, "warning")
        self.events.notify(FindingsReady())
        if saved:
            self.events.notify(SaveStatusChanged("saved", self.saver.status_text()))

    def close(self) -> None:
        self.saver.flush()
        self.saver.forget()
        self.draft = self.genre = None
        self.events.notify(Closed())

    # --- editing ----------------------------------------------------------------------
    def spec(self, section_id: str) -> SectionSpec:
        return self._require()[1].section(section_id)

    def text_value(self, section_id: str) -> str:
        """The text an editor shows for a line or paragraphs section."""
        return editing.section_text(self._require()[0], section_id)

    def set_text(self, section_id: str, text: str) -> None:
        draft, genre = self._require()
        editing.set_section_text(draft, genre, section_id, text)
        self._changed(Edited((section_id,)))

    def set_lead(self, section_id: str, text: str) -> None:
        """The lead-in paragraphs above an items section's items (one paragraph a line)."""
        draft, genre = self._require()
        editing.set_lead_text(draft, genre.section(section_id), text)
        self._changed(Edited((section_id,)))

    def lead_value(self, section_id: str) -> str:
        """The text the lead-in editor of an items section shows."""
        draft, genre = self._require()
        key = genre.section(section_id).lead_key
        return editing.section_text(draft, key) if key else ""

    def notice_guidance(self) -> str:
        """The year's meeting notice as guidance for the open draft (empty: the genre has
        no notices); see :mod:`~partybook.ui.notice_guidance`."""
        text, self.notice_error = notice_guidance(*self._require())
        return text

    def notice_sections(self) -> list[str]:
        """The sections whose panels show the notice (the opening, the problems)."""
        return notice_sections(self._require()[1])

    def set_item(
        self, section_id: str, index: int, field_name: str, text: str, point: int | None = None
    ) -> None:
        draft, _ = self._require()
        if field_name not in ("heading", "body"):
            raise ValueError(field_name)
        try:
            item = draft.items(section_id)[index]
            if point is not None:
                item = (item.items or [])[point]
        except IndexError:  # the row was removed meanwhile (another click, an undo)
            raise PartybookError(
                "刚才输入的这一条已被删除或移动，内容未能保存到它。请在现有的条目中重新输入。"
            ) from None
        setattr(item, field_name, editing.clean_text(text))
        self._changed(Edited((section_id,)))

    def set_meta(self, name: str, value: str) -> None:
        draft, _ = self._require()
        setattr(draft.meta, name, editing.clean_text(value).replace("\n", " "))
        self._changed(Edited(("signoff",)))

    def set_unplaced(self, text: str) -> None:
        draft, _ = self._require()
        draft.unplaced = [p for p in editing.clean_text(text).split("\n") if p.strip()]
        self._changed(Edited(("unplaced",)))

    def _changed(self, event: Edited | Restructured | Replaced) -> None:
        """Tell the views what changed, then recount, check and save."""
        self.checks.changed(None if isinstance(event, Replaced) else event.sections)
        self.events.notify(event)
        self.saver.changed()

    # --- items that stay aligned ------------------------------------------------------
    def linked_group(self, section_id: str) -> list[str]:
        """The sections whose items align one-to-one with ``section_id``'s (in genre order)."""
        return editing.linked_group(self._require()[1], section_id)

    def linked_heading(self, section_id: str, index: int) -> str:
        """The matching item of the section this one is linked to (e.g. the problem of a cause)."""
        return editing.linked_heading(*self._require(), section_id, index)

    def add_item(self, section_id: str) -> int:
        draft, genre = self._require()
        group = self.linked_group(section_id)
        index = editing.add_item(draft, genre, group)
        self._changed(Restructured(tuple(group)))
        return index

    def align(self, section_id: str) -> None:
        """Pad the linked sections with empty items so all have the same count."""
        draft, _ = self._require()
        group = self.linked_group(section_id)
        editing.align(draft, group)
        self._changed(Restructured(tuple(group)))

    def remove_item(self, section_id: str, index: int) -> None:
        draft, _ = self._require()
        group = self.linked_group(section_id)
        self.undo_stack.push("删除条目", draft)
        editing.remove_item(draft, group, index)
        self._changed(Restructured(tuple(group)))

    def move_item(self, section_id: str, index: int, delta: int) -> None:
        draft, _ = self._require()
        group = self.linked_group(section_id)
        editing.move_item(draft, group, index, delta)
        self._changed(Restructured(tuple(group)))

    def add_point(self, section_id: str, index: int) -> None:
        draft, _ = self._require()
        item = draft.items(section_id)[index]
        item.items = [*(item.items or []), Item()]
        self._changed(Restructured((section_id,)))

    def remove_point(self, section_id: str, index: int, point: int) -> None:
        draft, _ = self._require()
        self.undo_stack.push("删除要点", draft)
        item = draft.items(section_id)[index]
        points = list(item.items or [])
        del points[point]
        item.items = points
        self._changed(Restructured((section_id,)))

    # --- undo and safe fixes ----------------------------------------------------------
    @property
    def undo_label(self) -> str:
        return self.undo_stack.label

    def undo(self) -> str:
        draft, genre = self._require()
        label, self.draft = self.undo_stack.pop(draft, genre)
        self._changed(Replaced(tuple(genre.section_ids), "undo"))
        self.tell(f"已撤销：{label}。")
        return label

    def propose_fixes(self) -> tuple[Draft, list[Any]]:
        draft, genre = self._require()
        from ..checks import fix

        fixed, changes = fix(draft.model_copy(deep=True), genre)
        return fixed, list(changes)

    def apply_fixes(self) -> list[Any]:
        fixed, changes = self.propose_fixes()
        if not changes:
            self.tell("没有可以自动修复的问题。")
            return []
        self._take_fixed(fixed, "自动修复")
        self.tell(f"已自动修复 {len(changes)} 处；如不满意可点“撤销”。")
        return changes

    def apply_fix(self, finding: Any) -> list[Any]:
        """Fix this one finding alone (through :func:`partybook.checks.fix`), undoably.
        A finding the text no longer has (typed over since the check) changes nothing."""
        draft, genre = self._require()
        from ..checks import fix

        key = fix_key(finding)
        fixed, changes = fix(draft, genre, where=lambda f: fix_key(f) == key)
        if not changes:
            self.tell("这一处已经改动过，没有修改。请等检查结果更新后再试。", "warning")
            return []
        misquote = getattr(finding, "code", "") == "PB601"
        self._take_fixed(fixed, "改为规范表述" if misquote else "修正一处")
        what = f"已改为规范表述“{finding.fix}”" if misquote else "已修正这一处"
        self.tell(f"{what}；如不满意可点“撤销”。", "success")
        return changes

    def _take_fixed(self, fixed: Draft, label: str) -> None:
        draft, genre = self._require()
        self.undo_stack.push(label, draft)
        conform(fixed, genre)
        fixed.updated = draft.updated
        self.draft = fixed
        self._changed(Replaced(tuple(genre.section_ids), "fixes"))

    # --- version history (partybook.history) -------------------------------------------
    def versions(self, limit: int = history_view.PAGE) -> list[history_view.VersionInfo]:
        """The draft's saved versions, newest first (pending edits are saved first, so the
        newest is the text in the editors)."""
        draft, _ = self._require()
        self.saver.flush()
        return history_view.list_versions(self.path or Path(), draft, limit)

    def compare_version(self, snap_id: str) -> list[Any]:
        """Version ``snap_id`` side by side with the text in the editors
        (:class:`partybook.history_diff.SectionDiff` per section)."""
        draft, _ = self._require()
        return history_view.compare_with(self.path or Path(), snap_id, draft)

    def restore_version(self, snap_id: str) -> None:
        """Make version ``snap_id`` the draft: an undoable replacement (the instructor's
        comments stay), saved at once through the autosave and its conflict guard."""
        draft, genre = self._require()
        source = self.path or Path()
        old = history_view.version_draft(source, snap_id)  # fails before anything changes
        self.saver.flush()  # the text before the restore is in the file and the history
        self.undo_stack.push("恢复历史版本", self.draft or draft)
        self.draft = history_view.restored(old, self.draft or draft, genre)
        self._changed(Replaced(tuple(genre.section_ids), "restore"))
        self.saver.save_now()
        self.events.notify(VersionRestored(snap_id))
        saved = history_view.history.parse_id(snap_id)
        label = saved.astimezone().strftime("%m-%d %H:%M:%S") if saved else snap_id
        self.tell(f"已恢复到 {label} 保存的版本。如需回到恢复前的文本，请点“撤销”。", "success")

    # --- earlier drafts (carried-over passages, PB650) -------------------------------------
    def add_earlier(self, data: bytes, filename: str, mtime: float | None = None) -> None:
        """Compare the draft with another earlier one: a file the user chose (last year's
        Word document, a .txt or a draft)."""
        draft, _ = self._require()
        earlier = self.carryover.add(draft, data, filename, mtime)
        self.checks.refresh()
        year = f"（{earlier.year}年）" if earlier.year else ""
        n = len(self.carryover.passages)
        found = f"发现 {n} 段沿用的文字。" if n else "没有发现照搬的段落。"
        self.tell(f"已添加往年材料 {Path(filename).name}{year}，{found}", "success")

    def remove_earlier(self, file: str | os.PathLike[str]) -> None:
        draft, _ = self._require()
        self.carryover.remove(draft, file)
        self.checks.refresh()

    def find_earlier(self) -> None:
        """Look for the author's earlier drafts in the drafts folder again."""
        draft, _ = self._require()
        self.carryover.scan(draft)
        self.checks.refresh()

    # --- checks, saving, export ---------------------------------------------------------
    def refresh(self) -> None:
        """Run the checks and render the preview now (instead of after the pause)."""
        self.checks.refresh()

    def flush(self) -> None:
        """Save pending changes now (before an export, closing or switching drafts)."""
        self.saver.flush()

    def export(self, fmt: str) -> tuple[str, bytes, str, list[str]]:
        """(file name, bytes, mimetype, notices) of the draft in ``fmt``."""
        return export_file(*self._require(), fmt)

    def export_example(self) -> tuple[str, bytes, list[Any]]:
        """The anonymised draft as a shared example (JSON, marked ``example``)."""
        return example_file(*self._require())


def fix_key(finding: Any) -> tuple[Any, ...]:
    """What identifies a fixable finding across check runs: the spot and the replacement."""
    f = finding
    return (f.code, f.section, f.item, f.field, f.index, f.field_start, f.end - f.start, f.fix)
