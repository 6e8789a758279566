"""Collecting a class's drafts: from a folder, or a glob over JupyterHub users' homes.

``collect("/srv/class")`` reads every draft in the folder (and its sub-folders): partybook's
``.json`` and Word or text files imported on the fly (:mod:`.formats`);
``collect("/home/*/partybook/drafts/*.json")`` reads every student's drafts on a one-server
JupyterHub. A file that cannot be read becomes an :class:`Entry` with ``error`` set (a
Chinese message) — never an exception: one broken file must not hide the class.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..draft import Draft
from ..errors import PartybookError
from ..paths import CLASS_DIR_ENV
from .formats import DRAFT_SUFFIXES, LEGACY_SUFFIXES, convert_legacy, is_draft_name, load_any

GLOB_CHARS = set("*?[")
# files beside drafts that are not drafts of their own
SKIP_MARKERS = (".冲突副本-",)  # conflict copies: the student's own second version


@dataclass
class Entry:
    """One draft file of the class (loaded, or the reason it could not be)."""

    path: Path
    file: str  # path relative to the collection's base folder, shown to the instructor
    student: str
    draft: Draft | None = None
    error: str | None = None
    mtime: float = 0.0
    notes: list[str] = field(default_factory=list)  # an imported file's import remarks

    @property
    def ok(self) -> bool:
        return self.draft is not None

    @property
    def warnings(self) -> list[str]:
        """The notes every output about the class repeats (several articles in one file)."""
        from .formats import WARNING_MARK

        return [n for n in self.notes if n.startswith(WARNING_MARK)]


@dataclass
class Collection:
    source: str
    base: Path
    entries: list[Entry] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # conflict copies etc., by file name

    @property
    def drafts(self) -> list[Entry]:
        return [e for e in self.entries if e.ok]

    @property
    def problems(self) -> list[Entry]:
        return [e for e in self.entries if not e.ok]

    def find(self, file: str) -> Entry | None:
        for e in self.entries:
            if e.file == file:
                return e
        return None


def default_source() -> str:
    """``PARTYBOOK_CLASS_DIR`` (a folder or a glob) or the local drafts folder."""
    from ..paths import class_source

    return class_source()


def _is_glob(text: str) -> bool:
    return any(c in GLOB_CHARS for c in text)


def _glob_base(pattern: str) -> Path:
    parts = Path(pattern).parts
    fixed: list[str] = []
    for part in parts:
        if _is_glob(part):
            break
        fixed.append(part)
    return Path(*fixed) if fixed else Path(".")


def _is_draft_candidate(path: Path) -> bool:
    name = path.name
    if not is_draft_name(name) or name.startswith("."):
        return False
    if any(m in name for m in SKIP_MARKERS):
        return False
    return not any(p.startswith(".") for p in path.parts[:-1] if p not in (".", ".."))


def find_files(source: str | os.PathLike[str]) -> tuple[Path, list[Path], list[str]]:
    """(base folder, draft files, skipped names) for a folder or a glob pattern."""
    text = os.fspath(source)
    if _is_glob(text):
        pattern = text if text.lower().endswith(DRAFT_SUFFIXES) else os.path.join(text, "*")
        base = _glob_base(pattern)
        paths = [Path(p) for p in glob.glob(pattern, recursive=True)]
    else:
        base = Path(text)
        if not base.exists():
            raise PartybookError(
                f"找不到班级草稿文件夹 {base}。请填写学员草稿所在的文件夹或通配路径"
                f"（如 /home/*/partybook/drafts/*.json），或设置环境变量 {CLASS_DIR_ENV}。"
            )
        if base.is_file():
            return base.parent, [base], []
        paths = list(base.rglob("*"))
    files: list[Path] = []
    skipped: list[str] = []
    for p in sorted(paths):
        try:
            rel = p.relative_to(base)
        except ValueError:
            rel = p
        if not p.is_file():
            continue
        if _is_draft_candidate(rel):
            files.append(p)
        elif p.name.endswith(".json") and any(m in p.name for m in SKIP_MARKERS):
            skipped.append(str(rel))
    return base, files, skipped


def student_name(path: Path, draft: Draft | None, base: Path) -> str:
    """``meta.author``; else the home folder's name (``/home/NAME/partybook/drafts/x.json``);
    else the first folder below the class folder; else the file name."""
    if draft is not None and draft.meta.author.strip():
        return draft.meta.author.strip()
    parts = path.parts
    for i in range(len(parts) - 2, 0, -1):
        if parts[i] == "partybook" and i >= 1 and parts[i + 1 : i + 2] == ("drafts",):
            return parts[i - 1]
    try:
        rel = path.relative_to(base)
        if len(rel.parts) > 1:
            return rel.parts[0]
    except ValueError:
        pass
    return path.stem


def load_entry(path: Path, base: Path, converted: bytes | str | None = None) -> Entry:
    """One file as an entry; ``converted``: a .doc/.wps already converted (see collect)."""
    try:
        rel = str(path.relative_to(base))
    except ValueError:
        rel = str(path)
    try:
        mtime = path.stat().st_mtime
    except OSError:
        mtime = 0.0
    try:
        draft, notes = load_any(path, converted)
    except PartybookError as err:
        return Entry(path, rel, student_name(path, None, base), error=str(err), mtime=mtime)
    except Exception as err:  # a class must survive any one broken file
        return Entry(
            path,
            rel,
            student_name(path, None, base),
            error=f"无法读取 {path.name}：{type(err).__name__}",
            mtime=mtime,
        )
    student = student_name(path, draft, base)
    return Entry(path, rel, student, draft=draft, mtime=mtime, notes=notes)


def collect(
    source: str | os.PathLike[str] | None = None,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> Collection:
    """Read the class's drafts. ``source`` is a folder, a glob, or None for
    :func:`default_source`. Unreadable files are entries with ``error`` set."""
    text = os.fspath(source) if source is not None else default_source()
    base, files, skipped = find_files(text)
    coll = Collection(source=text, base=base, skipped=skipped)
    legacy = convert_legacy([p for p in files if p.suffix.lower() in LEGACY_SUFFIXES])
    for i, path in enumerate(files, 1):
        coll.entries.append(load_entry(path, base, legacy.get(path)))
        if progress is not None:
            progress(i, len(files))
    return coll


def collect_paths(paths: Iterable[Path], base: Path) -> Collection:
    """A collection of explicitly chosen files (e.g. drafts picked in the dashboard)."""
    coll = Collection(source=str(base), base=base)
    coll.entries = [load_entry(Path(p), base) for p in paths]
    return coll
