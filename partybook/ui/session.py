"""The workbook's model: one open draft, its autosave, its findings and the undo stack.

This module never imports ipywidgets. Widgets call the editing methods and observe the
session through :meth:`Session.on`; events are

- ``opened``      a draft was opened or created (widgets rebuild from ``session.draft``)
- ``structure``   items were added, removed or moved (``sections=[ids]``): rebuild those
- ``reloaded``    the draft content was replaced (undo, fixes): refill every editor
- ``edited``      a section changed (``section=id``)
- ``findings``    fresh findings and preview (after the debounced check)
- ``status``      the autosave status changed (``text``, ``state`` = saved|dirty|saving|error)
- ``comments``    the instructor's comments changed on disk and were merged in
- ``message``     something to tell the user (``level`` = info|warning|error, ``text``)
- ``examples``    the shared (published, anonymised) examples of the genre were loaded
- ``closed``      back to the start screen

The JSON file is the state: every change is saved atomically at most ``save_delay``
seconds later (throttled, so continuous typing still saves), through ``storage.save`` with
``expect_updated`` so a second tab's save is detected and both versions are kept.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from ..draft import Draft, Item, conform, new_draft
from ..errors import PartybookError, SaveConflictError
from ..filenames import safe_filename, unique_path
from ..genre import Genre, SectionKind, SectionSpec, available_genres, load_genre
from ..paths import drafts_dir
from .scheduler import Debounce, LoopScheduler, Scheduler, Throttle

SAVE_DELAY = 0.6  # seconds: autosave at most this long after a change
CHECK_DELAY = 0.3  # seconds: checks and preview after a pause in typing
CHECK_LIMIT = 20_000  # characters per section given to the checks (bounded time)
PREVIEW_LIMIT = 20_000  # characters per section shown in the live preview
UNDO_DEPTH = 20

Listener = Callable[..., None]
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass
class DraftInfo:
    """One draft file found in the drafts folder (for the start screen)."""

    path: Path
    title: str
    genre: str
    author: str
    updated: str
    mtime: float
    error: str = ""

    @property
    def saved_label(self) -> str:
        return datetime.fromtimestamp(self.mtime).strftime("%Y-%m-%d %H:%M")


@dataclass
class SharedExample:
    """A published, anonymised example draft of the open draft's genre
    (``partybook.classroom.publish``), offered beside the genre's own worked example."""

    path: Path
    title: str
    draft: Draft

    def label(self, number: int) -> str:
        """The drop-down entry: "共享范文 1：标题（已匿名）"."""
        title = self.title if len(self.title) <= 24 else self.title[:23] + "…"
        return f"共享范文 {number}：{title}（已匿名）"


@dataclass
class Progress:
    done: int
    total: int
    errors: int
    warnings: int
    hints: int
    done_ids: list[str] = field(default_factory=list)


def clean_text(text: str) -> str:
    """What a pasted text becomes in the draft: Windows and old-Mac line ends made ``\\n``,
    lone surrogates (which no file can store) replaced. Everything else is kept as typed."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = _SURROGATE.sub("\ufffd", text)
    return text


def genre_choices() -> list[tuple[str, str]]:
    """(Chinese name, id) of every genre file, for a drop-down."""
    out = []
    for gid in available_genres():
        try:
            out.append((load_genre(gid).name, gid))
        except PartybookError:
            continue
    return out


def section_label(genre: Genre, spec: SectionSpec) -> str:
    """The section's name as the user sees it: 一、基本情况 / 标题 / 开头 / 落款."""
    from ..genre import Numbering
    from ..numbering import label

    numbers = genre.heading_numbers()
    if spec.heading:
        prefix = label(Numbering.CN, numbers[spec.id]) if spec.id in numbers else ""
        return f"{prefix}{spec.heading}"
    return {
        SectionKind.LINE: "标题",
        SectionKind.SIGNOFF: "落款",
    }.get(spec.kind, "开头" if spec.id == "opening" else spec.id)


def load_shared_examples(genre: Genre) -> tuple[list[SharedExample], str]:
    """The published examples of ``genre`` (``PARTYBOOK_EXAMPLES`` or
    ``templates/examples/<genre>/``) and a Chinese notice naming the files skipped:
    unreadable ones and ones not marked as anonymised. Never raises."""
    from ..classroom.publish import examples_dir, load_examples

    skipped: list[tuple[Path, str]] = []
    out: list[SharedExample] = []
    try:
        found = load_examples(genre.id, skipped=skipped)
    except Exception as err:  # an unreadable folder must not stop the workbook
        folder = examples_dir(genre.id)
        return [], f"共享范文文件夹 {folder} 无法读取（{err}），暂不显示共享范文。请告诉老师检查。"
    for path, draft in found:
        if not draft.example:
            skipped.append((path, "未标记为匿名化范文，不予显示"))
            continue
        try:
            conform(draft, genre)
        except Exception as err:
            skipped.append((path, f"内容与文体不符（{err}）"))
            continue
        title = " ".join(draft.text_of("title").split()) or path.stem
        out.append(SharedExample(path, title, draft))
    notice = ""
    if skipped:
        names = "；".join(f"{p.name}（{why}）" for p, why in skipped[:5])
        more = f"等 {len(skipped)} 个" if len(skipped) > 5 else ""
        notice = (
            f"有共享范文文件无法使用，已跳过：{names}{more}。其余范文照常显示；"
            "请告诉老师检查范文文件夹。"
        )
    return out, notice


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
        self.path: Path | None = None
        self.findings: list[Any] = []
        self.preview: str = ""
        self.check_notice: str = ""
        self.dirty = False
        self.saved_at: datetime | None = None
        self._disk_stamp: str | None = None
        self._disk_stat: tuple[int, int] | None = None
        self._listeners: dict[str, list[Listener]] = {}
        self._undo: list[tuple[str, dict[str, Any]]] = []
        self._saver = Throttle(save_delay, self._autosave, self.scheduler)
        self._checker = Debounce(check_delay, self._refresh_safe, self.scheduler)
        self.on_listener_error: Callable[[BaseException], None] | None = None
        self.extra_rules: list[Any] = []  # an exercise's phrase rules
        self._chars: dict[str, int] = {}
        self._saved_key = ""
        self.examples: list[SharedExample] = []  # the genre's published examples
        self.examples_notice = ""  # why some example files were skipped (Chinese)

    # --- events -----------------------------------------------------------------------
    def on(self, event: str, fn: Listener) -> None:
        self._listeners.setdefault(event, []).append(fn)

    def emit(self, event: str, **kw: Any) -> None:
        for fn in list(self._listeners.get(event, ())):
            try:
                fn(**kw)
            except Exception as err:  # a broken view must not stop the model
                if self.on_listener_error is None:
                    raise
                self.on_listener_error(err)

    def tell(self, text: str, level: str = "info") -> None:
        self.emit("message", level=level, text=text)

    # --- the drafts folder ------------------------------------------------------------
    def list_drafts(self) -> list[DraftInfo]:
        """Draft files in the folder, newest first; unreadable ones are listed with why."""
        out: list[DraftInfo] = []
        if not self.folder.is_dir():
            return out
        for p in self.folder.glob("*.json"):
            try:
                mtime = p.stat().st_mtime
            except OSError:
                continue
            try:
                data = json.loads(p.read_text(encoding="utf-8"))
                sections = data.get("sections") or {}
                title = sections.get("title") if isinstance(sections, dict) else ""
                title = " ".join(title.split()) if isinstance(title, str) else ""
                meta = data.get("meta") or {}
                author = meta.get("author", "") if isinstance(meta, dict) else ""
                if "schema" not in data:
                    raise ValueError
                out.append(
                    DraftInfo(
                        p,
                        title[:60],
                        str(data.get("genre", "")),
                        str(author)[:30],
                        str(data.get("updated", "")),
                        mtime,
                    )
                )
            except (OSError, ValueError, AttributeError):
                out.append(DraftInfo(p, "", "", "", "", mtime, error="文件无法读取"))
        out.sort(key=lambda d: d.mtime, reverse=True)
        return out

    # --- opening ----------------------------------------------------------------------
    def new(self, genre_id: str = "dangxing-fenxi", **meta: str) -> Path:
        genre = load_genre(genre_id)
        draft = new_draft(genre, **{k: clean_text(v).strip() for k, v in meta.items() if v})
        stem = safe_filename(
            f"{meta.get('author') or '我'}的{genre.name}-{datetime.now():%Y%m%d-%H%M%S}"
        )
        path = unique_path(self.folder, stem, ".json")
        self._adopt(draft, genre, path, saved=False)
        self.save_now()
        return path

    def open(self, path: str | os.PathLike[str]) -> None:
        from ..storage import load

        p = Path(path)
        draft = load(p)  # DraftFileError (Chinese) propagates to the caller's message area
        self._adopt(draft, load_genre(draft.genre), p, saved=True)

    def import_document(self, data: bytes, filename: str) -> Any:
        """Import a .txt/.md/.docx into a new draft file; returns the importer's result."""
        from ..importer import import_bytes

        result = import_bytes(data, filename)
        draft = result.draft
        genre = load_genre(draft.genre)
        conform(draft, genre)
        stem = safe_filename(f"{Path(filename).stem}-导入-{datetime.now():%Y%m%d-%H%M%S}")
        path = unique_path(self.folder, stem, ".json")
        self._adopt(draft, genre, path, saved=False)
        self.save_now()
        return result

    def _adopt(self, draft: Draft, genre: Genre, path: Path, saved: bool) -> None:
        self.flush()
        self.draft, self.genre, self.path = draft, genre, path
        self._undo.clear()
        self._chars.clear()
        self.dirty = not saved
        self._disk_stamp = draft.updated if saved else None
        self._disk_stat = self._stat(path) if saved else None
        self._saved_key = self._content_key(draft) if saved else ""
        self.saved_at = datetime.fromtimestamp(path.stat().st_mtime) if saved else None
        self.refresh(emit=False)
        self.examples, self.examples_notice = load_shared_examples(genre)
        self.emit("opened")
        self.emit("examples")
        if self.examples_notice:
            self.tell(self.examples_notice, "warning")
        self.emit("findings")
        if saved:
            self.emit("status", state="saved", text=self.status_text())

    def close(self) -> None:
        self.flush()
        self.draft = self.genre = self.path = None
        self.emit("closed")

    # --- editing ----------------------------------------------------------------------
    def _require(self) -> tuple[Draft, Genre]:
        if self.draft is None or self.genre is None:
            raise PartybookError("还没有打开草稿：请先新建、打开或导入一份草稿。")
        return self.draft, self.genre

    def spec(self, section_id: str) -> SectionSpec:
        return self._require()[1].section(section_id)

    def text_value(self, section_id: str) -> str:
        """The text an editor shows for a line or paragraphs section."""
        draft, _ = self._require()
        content = draft.sections.get(section_id, "")
        if isinstance(content, str):
            return content
        return "\n".join(p for p in content if isinstance(p, str))

    def set_text(self, section_id: str, text: str) -> None:
        draft, _ = self._require()
        text = clean_text(text)
        spec = self.spec(section_id)
        if spec.kind is SectionKind.LINE:
            draft.sections[section_id] = text.replace("\n", " ")
        elif spec.kind is SectionKind.PARAGRAPHS:
            draft.sections[section_id] = [p for p in text.split("\n") if p.strip()]
        else:
            raise PartybookError(f"章节 {section_id} 由条目组成，不能整体改写为一段文字。")
        self.changed(section_id)

    def set_item(
        self, section_id: str, index: int, field_name: str, text: str, point: int | None = None
    ) -> None:
        draft, _ = self._require()
        if field_name not in ("heading", "body"):
            raise ValueError(field_name)
        items = draft.items(section_id)
        try:
            item = items[index]
            if point is not None:
                item = (item.items or [])[point]
        except IndexError:  # the row was removed meanwhile (another click, an undo)
            raise PartybookError(
                "刚才输入的这一条已被删除或移动，内容未能保存到它。请在现有的条目中重新输入。"
            ) from None
        setattr(item, field_name, clean_text(text))
        self.changed(section_id)

    def set_meta(self, name: str, value: str) -> None:
        draft, _ = self._require()
        setattr(draft.meta, name, clean_text(value).replace("\n", " "))
        self.changed("signoff")

    def set_unplaced(self, text: str) -> None:
        draft, _ = self._require()
        draft.unplaced = [p for p in clean_text(text).split("\n") if p.strip()]
        self.changed("unplaced")

    def changed(self, section_id: str) -> None:
        self._chars.pop(section_id, None)
        self._chars.pop("signoff", None)
        self.dirty = True
        self.emit("edited", section=section_id)
        self.emit("status", state="dirty", text="有修改，即将自动保存…")
        self._saver.trigger()
        self._checker.trigger()

    # --- items that stay aligned --------------------------------------------------------
    def linked_group(self, section_id: str) -> list[str]:
        """The sections whose items align one-to-one with ``section_id``'s (in genre order)."""
        _, genre = self._require()
        group = {section_id}
        grew = True
        while grew:
            grew = False
            for s in genre.sections:
                if s.linked_to and (s.id in group) != (s.linked_to in group):
                    group.update((s.id, s.linked_to))
                    grew = True
        return [s.id for s in genre.sections if s.id in group]

    def linked_heading(self, section_id: str, index: int) -> str:
        """The matching item of the section this one is linked to (e.g. the problem of a cause)."""
        draft, _ = self._require()
        spec = self.spec(section_id)
        root = spec.linked_to
        # show the first section of the chain (the problem) beside causes and measures
        while root is not None and self.spec(root).linked_to is not None:
            root = self.spec(root).linked_to
        if root is None:
            return ""
        items = draft.items(root)
        if index >= len(items):
            return "（没有对应的问题，请在“存在的问题”中补上或删去本条）"
        it = items[index]
        return it.heading.strip() or it.body.strip()[:40] or "（对应的问题尚未填写）"

    def _snapshot(self, label: str) -> None:
        draft, _ = self._require()
        self._undo.append((label, draft.to_dict()))
        del self._undo[:-UNDO_DEPTH]

    def add_item(self, section_id: str) -> int:
        draft, genre = self._require()
        group = self.linked_group(section_id)
        n = max(len(draft.items(s)) for s in group)
        for s in group:
            spec = genre.section(s)
            items = draft.items(s)
            while len(items) <= n:
                new = Item(items=[Item()] if spec.kind is SectionKind.GROUPED_ITEMS else None)
                items.append(new)
            draft.sections[s] = items
        self._structure(group)
        return n

    def align(self, section_id: str) -> None:
        """Pad the linked sections with empty items so all have the same count."""
        draft, _ = self._require()
        group = self.linked_group(section_id)
        n = max(len(draft.items(s)) for s in group)
        for s in group:
            items = draft.items(s)
            items.extend(Item() for _ in range(n - len(items)))
            draft.sections[s] = items
        self._structure(group)

    def remove_item(self, section_id: str, index: int) -> None:
        draft, _ = self._require()
        group = self.linked_group(section_id)
        self._snapshot("删除条目")
        for s in group:
            items = draft.items(s)
            if index < len(items):
                del items[index]
            draft.sections[s] = items
        self._structure(group)

    def move_item(self, section_id: str, index: int, delta: int) -> None:
        draft, _ = self._require()
        group = self.linked_group(section_id)
        target = index + delta
        for s in group:
            items = draft.items(s)
            if 0 <= index < len(items) and 0 <= target < len(items):
                items[index], items[target] = items[target], items[index]
            draft.sections[s] = items
        self._structure(group)

    def add_point(self, section_id: str, index: int) -> None:
        draft, _ = self._require()
        item = draft.items(section_id)[index]
        item.items = [*(item.items or []), Item()]
        self._structure([section_id])

    def remove_point(self, section_id: str, index: int, point: int) -> None:
        draft, _ = self._require()
        self._snapshot("删除要点")
        item = draft.items(section_id)[index]
        points = list(item.items or [])
        del points[point]
        item.items = points
        self._structure([section_id])

    def _structure(self, sections: list[str]) -> None:
        self._chars.clear()
        self.emit("structure", sections=sections)
        for s in sections:
            self.changed(s)

    # --- undo -------------------------------------------------------------------------
    @property
    def undo_label(self) -> str:
        return self._undo[-1][0] if self._undo else ""

    def undo(self) -> str:
        draft, genre = self._require()
        if not self._undo:
            raise PartybookError("没有可以撤销的操作。")
        label, data = self._undo.pop()
        restored = Draft.model_validate(data)
        conform(restored, genre)
        restored.updated = draft.updated
        self.draft = restored
        self._chars.clear()
        self.emit("reloaded")
        self.changed("title")
        self.tell(f"已撤销：{label}。")
        return label

    # --- checks, progress, preview ----------------------------------------------------
    def _bounded(self, limit: int) -> tuple[Draft, list[str]]:
        """The draft, or a copy whose over-long sections are cut to ``limit`` characters."""
        draft, genre = self._require()
        cut: list[str] = []
        for spec in genre.content_sections():
            if len(draft.text_of(spec.id)) > limit:
                cut.append(spec.id)
        if not cut:
            return draft, cut
        copy = draft.model_copy(deep=True)
        for sid in cut:
            content = copy.sections[sid]
            if isinstance(content, str):
                copy.sections[sid] = content[:limit]
            else:
                budget = limit
                kept: list[Any] = []
                for entry in content:
                    if budget <= 0:
                        break
                    if isinstance(entry, Item):
                        entry.heading = entry.heading[:budget]
                        entry.body = entry.body[: max(0, budget - len(entry.heading))]
                        budget -= len(entry.heading) + len(entry.body)
                    else:
                        entry = entry[:budget]
                        budget -= len(entry)
                    kept.append(entry)
                copy.sections[sid] = kept
        return copy, cut

    def _refresh_safe(self) -> None:
        try:
            self.refresh()
        except Exception as err:
            self.tell(
                f"自动检查出错：{type(err).__name__}：{err}。您的内容不受影响，已照常保存。",
                "error",
            )

    def refresh(self, emit: bool = True) -> None:
        """Run the checks and render the preview now (the debounced path calls this)."""
        if self.draft is None or self.genre is None:
            return
        bounded, cut = self._bounded(CHECK_LIMIT)
        names = "、".join(section_label(self.genre, self.genre.section(s)) for s in cut)
        try:
            from ..checks import check
        except ImportError:
            self.findings = []
            self.check_notice = "检查模块尚未安装，暂时无法自动检查。"
        else:
            self.findings = list(check(bounded, self.genre, extra_rules=self.extra_rules or None))
            self.check_notice = (
                f"“{names}”超过 {CHECK_LIMIT} 字，只检查了前 {CHECK_LIMIT} 字。" if cut else ""
            )
        self.preview = self._render_preview()
        if emit:
            self.emit("findings")

    def _render_preview(self) -> str:
        bounded, cut = self._bounded(PREVIEW_LIMIT)
        assert self.genre is not None
        try:
            from ..exporters.html import render_html_fragment
        except ImportError:
            import html

            from ..assembly import assemble

            body = "".join(
                f"<p>{html.escape(line)}</p>" for line in assemble(bounded, self.genre).split("\n")
            )
        else:
            body = render_html_fragment(bounded, self.genre)
        if cut:
            body += (
                f'<p class="pb-preview-cut">（内容过长，预览只显示每节前 {PREVIEW_LIMIT} 字）</p>'
            )
        return body

    def findings_for(self, section_id: str) -> list[Any]:
        return [f for f in self.findings if getattr(f, "section", None) == section_id]

    def chars(self, section_id: str) -> int:
        """Characters as counted for the section's range (whitespace excluded; cached)."""
        draft, _ = self._require()
        cached = self._chars.get(section_id)
        if cached is not None:
            return cached
        if self.spec(section_id).kind is SectionKind.SIGNOFF:
            text = draft.meta.author + draft.meta.unit
        else:
            text = draft.text_of(section_id)
        # str.split() splits on exactly the characters str.isspace() accepts: same figure as
        # text.count_chars, at C speed (a 1 MB section is counted in milliseconds)
        n = len("".join(text.split()))
        self._chars[section_id] = n
        return n

    def is_done(self, section_id: str) -> bool:
        draft, _ = self._require()
        spec = self.spec(section_id)
        if spec.kind is SectionKind.SIGNOFF:
            return bool(draft.meta.author.strip() and draft.meta.date.strip())
        n = self.chars(section_id)
        if n == 0:
            return False
        if spec.kind in (SectionKind.ITEMS, SectionKind.GROUPED_ITEMS) and not any(
            not it.is_empty() for it in draft.items(section_id)
        ):
            return False
        return n >= spec.length.min

    def progress(self) -> Progress:
        _, genre = self._require()
        done = [s.id for s in genre.sections if self.is_done(s.id)]
        sev = [getattr(f, "severity", "") for f in self.findings]
        return Progress(
            len(done),
            len(genre.sections),
            sev.count("error"),
            sev.count("warning"),
            sev.count("hint"),
            done,
        )

    # --- safe fixes ---------------------------------------------------------------------
    def propose_fixes(self) -> tuple[Draft, list[Any]]:
        draft, _ = self._require()
        from ..checks import fix

        return fix(draft.model_copy(deep=True), self.genre)

    def apply_fixes(self) -> list[Any]:
        draft, genre = self._require()
        fixed, changes = self.propose_fixes()
        if not changes:
            self.tell("没有可以自动修复的问题。")
            return []
        self._snapshot("自动修复")
        conform(fixed, genre)
        fixed.updated = draft.updated
        self.draft = fixed
        self._chars.clear()
        self.emit("reloaded")
        self.changed("title")
        self.tell(f"已自动修复 {len(changes)} 处；如不满意可点“撤销”。")
        return list(changes)

    # --- saving -----------------------------------------------------------------------
    @staticmethod
    def _stat(path: Path) -> tuple[int, int] | None:
        try:
            st = path.stat()
        except OSError:
            return None
        return (st.st_mtime_ns, st.st_size)

    def status_text(self) -> str:
        if self.saved_at is None:
            return "尚未保存"
        return f"已保存 {self.saved_at:%H:%M:%S}"

    def _autosave(self) -> None:
        try:
            self.save_now()
        except Exception as err:  # keep the text; tell the user; try again on the next edit
            self.emit("status", state="error", text="保存失败")
            self.tell(
                f"自动保存失败：{err}。您输入的内容仍在页面中，请检查草稿文件夹 {self.folder} 的权限或磁盘空间。",
                "error",
            )

    def save_now(self) -> Path | None:
        """Save at once if there are unsaved changes (returns the file written)."""
        if self.draft is None or self.path is None or not self.dirty:
            return None
        self._saver.cancel()
        path = self.path
        expect = self._disk_stamp
        if expect is not None and self._stat(path) != self._disk_stat:
            # changed on disk since our last save: only comments (the instructor's feedback
            # written back)? Then merge them in; otherwise it is a conflict, even if the
            # other save happened within the same second as ours.
            expect = self._merge_comments(path) or "\x00changed-on-disk"
        self.emit("status", state="saving", text="正在保存…")
        try:
            from ..storage import save

            save(self.draft, path, expect_updated=expect)
        except SaveConflictError as err:
            other = Path(err.conflict_path)
            self.path = other
            self.tell(f"{err.message}之后的修改将继续保存到 {other.name}。", "warning")
            path = other
        self.dirty = False
        self._disk_stamp = self.draft.updated
        self._disk_stat = self._stat(path)
        self._saved_key = self._content_key(self.draft)
        self.saved_at = datetime.now()
        self.emit("status", state="saved", text=self.status_text())
        return path

    @staticmethod
    def _content_key(draft: Draft) -> str:
        data = draft.to_dict()
        return json.dumps(
            [data.get("sections"), data.get("meta"), data.get("unplaced")],
            ensure_ascii=False,
            sort_keys=True,
        )

    def _merge_comments(self, path: Path) -> str | None:
        """If the file on disk differs from our last save only outside the content, take
        its comments and return its ``updated`` stamp (so our save goes ahead)."""
        from ..storage import load

        try:
            disk = load(path)
        except Exception:
            return None
        if self.draft is None or self._content_key(disk) != self._saved_key:
            return None
        if [c.model_dump() for c in disk.comments] != [c.model_dump() for c in self.draft.comments]:
            self.draft.comments = disk.comments
            self.emit("comments")
            self.tell("收到新的老师批注，已显示在相应部分。")
        return disk.updated

    def flush(self) -> None:
        """Save pending changes now (before closing or switching drafts)."""
        if self.dirty:
            self.save_now()

    # --- export -------------------------------------------------------------------------
    def export(self, fmt: str) -> tuple[str, bytes, str, list[str]]:
        """(file name, bytes, mimetype, notices) of the draft in ``fmt``."""
        draft, genre = self._require()
        from ..exporters import get_exporter

        exporter = get_exporter(fmt)
        data = exporter.export(draft, genre)
        stem = safe_filename(" ".join(draft.text_of("title").split()) or genre.name)
        return (
            f"{stem}.{exporter.extension.lstrip('.')}",
            data,
            exporter.mimetype,
            list(exporter.notices),
        )

    def export_example(self) -> tuple[str, bytes, list[Any]]:
        """The anonymised draft as a shared example (JSON, marked ``example``)."""
        draft, genre = self._require()
        from ..anonymizer import anonymize
        from ..storage import dumps

        anon, replacements = anonymize(draft.model_copy(deep=True))
        anon.example = True
        stem = safe_filename(f"共享范文-{genre.name}-{datetime.now():%Y%m%d-%H%M}")
        return f"{stem}.json", dumps(anon).encode("utf-8"), list(replacements)
