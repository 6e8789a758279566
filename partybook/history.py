"""Version history of a draft: a snapshot at every save, thinned in tiers, bounded in size.

``storage.save`` calls :func:`snapshot` after the atomic write; a snapshot is the saved JSON,
gzip-compressed, in a hidden folder beside the draft::

    drafts/张三.json
    drafts/.history/张三.json/20261129-081503-120.json.gz

The file name is the snapshot's id: the save's UTC time to the millisecond. Snapshots are
best effort: anything failing here is swallowed by ``storage.save`` (the draft is already
safely on disk). Thinning keeps every save of the last hour, then the newest of each hour
for a day, then the newest of each day; the folder of one draft never holds more than
:data:`MAX_BYTES` (the oldest go first, after the last hour has been thinned to one a minute).

:func:`versions` lists them newest first with a summary of what each save changed;
:func:`restore` saves a snapshot's content as the draft (itself a save, so it is in the
history too and can be undone); :mod:`partybook.history_diff` compares versions.
"""

from __future__ import annotations

import contextlib
import gzip
import os
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from .draft import Draft
from .errors import InputError

HISTORY_DIR = ".history"
SUFFIX = ".json.gz"
MAX_BYTES = 20 * 1024 * 1024  # per draft
RECENT = timedelta(hours=1)  # every save kept
HOURLY = timedelta(days=1)  # then one an hour; older: one a day
_ID_FORMAT = "%Y%m%d-%H%M%S"


@dataclass(frozen=True)
class Snapshot:
    id: str
    file: str  # its path (a str: a listing builds hundreds, a Path costs more than the rest)
    saved: datetime  # aware, UTC
    size: int  # bytes on disk (compressed)

    @property
    def path(self) -> Path:
        return Path(self.file)


def history_dir(draft_path: str | os.PathLike[str]) -> Path:
    p = Path(draft_path)
    return p.parent / HISTORY_DIR / p.name


def _id_for(when: datetime) -> str:
    when = when.astimezone(UTC)
    return f"{when.strftime(_ID_FORMAT)}-{when.microsecond // 1000:03d}"


def parse_id(snap_id: str) -> datetime | None:
    """The UTC time of a snapshot id (``20261129-081503-120``, maybe with ``-2`` after it)."""
    s = snap_id  # sliced by hand: strptime would cost more than the rest of a listing
    if len(s) < 19 or s[8] != "-" or s[15] != "-" or not s[:19].replace("-", "").isdigit():
        return None
    try:
        return datetime(
            int(s[0:4]), int(s[4:6]), int(s[6:8]), int(s[9:11]), int(s[11:13]), int(s[13:15]),
            int(s[16:19]) * 1000, tzinfo=UTC,
        )  # fmt: skip
    except ValueError:
        return None


def _is_snapshot(name: str) -> bool:
    return name.endswith(SUFFIX) and name[:1].isdigit()


def snapshots(draft_path: str | os.PathLike[str], *, sizes: bool = True) -> list[Snapshot]:
    """The draft's snapshots, oldest first (unreadable names are ignored). Without
    ``sizes`` no file is stat-ed (``size`` is 0): listing a long history stays cheap."""
    folder = history_dir(draft_path)
    out: list[Snapshot] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return out
    for e in entries:
        if not _is_snapshot(e.name):
            continue
        sid = e.name[: -len(SUFFIX)]
        when = parse_id(sid)
        if when is None:
            continue
        size = 0
        if sizes:
            try:
                size = e.stat().st_size
            except OSError:
                continue
        out.append(Snapshot(sid, e.path, when, size))
    out.sort(key=lambda s: (s.saved, s.id))
    return out


# Thinning lists and stats every snapshot: at an autosave a second that is most of the
# cost of a snapshot, so a process thins a draft's history at most once a minute, or
# sooner when what it wrote since could pass the size bound.
PRUNE_EVERY = timedelta(minutes=1)
_pruned: dict[str, tuple[datetime, int]] = {}  # folder → (last thinning, bytes held since)


def snapshot(
    draft_path: str | os.PathLike[str],
    data: bytes,
    *,
    now: datetime | None = None,
    max_bytes: int = MAX_BYTES,
) -> Snapshot:
    """Store ``data`` (the bytes just saved) as a snapshot of the draft and thin the history.

    The first snapshot of a draft saved before history existed also keeps the file's
    previous version (``NAME.json.bak``), dated by its modification time."""
    now = (now or datetime.now(UTC)).astimezone(UTC)
    path = Path(draft_path)
    folder = history_dir(path)
    names = _names(folder)
    if not names:
        _make_folder(folder, path.parent)
        _adopt_backup(path, folder, now)
        names = _names(folder)
    if names:
        newest = max(names)
        if _read_raw(folder / newest) == data:  # nothing changed (e.g. a bare re-save)
            sid = newest[: -len(SUFFIX)]
            return Snapshot(sid, str(folder / newest), parse_id(sid) or now, 0)
    snap = _write(folder, data, now, _file_mode(path))
    key = str(folder)
    last, held = _pruned.get(key, (None, 0))
    held += snap.size
    if last is None or not timedelta(0) <= now - last < PRUNE_EVERY or held > max_bytes:
        survivors = prune(snapshots(path), now=now, max_bytes=max_bytes)
        _pruned[key] = (now, sum(s.size for s in survivors))
    else:
        _pruned[key] = (last, held)
    return snap


def _names(folder: Path) -> list[str]:
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    # (inlined: this runs over a thousand names at every save of a long session)
    return [n for n in names if n.endswith(SUFFIX) and "0" <= n[:1] <= "9"]


def _file_mode(path: Path) -> int | None:
    """Snapshots are readable by whoever may read the draft (a class folder's group), no more."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        return None


def _make_folder(folder: Path, drafts: Path) -> None:
    """``.history/NAME.json/`` with the drafts folder's permissions: in a shared class folder
    the student and the instructor (feedback is a save too) both add snapshots."""
    created = [p for p in (folder.parent, folder) if not p.exists()]
    folder.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(OSError):
        mode = drafts.stat().st_mode & 0o7777
        for p in created:
            os.chmod(p, mode)


def _adopt_backup(path: Path, folder: Path, now: datetime) -> None:
    bak = path.with_name(path.name + ".bak")
    try:
        mtime = datetime.fromtimestamp(bak.stat().st_mtime, UTC)
        raw = bak.read_bytes()
    except OSError:
        return
    if mtime < now:
        _write(folder, raw, mtime, _file_mode(bak))


def _write(folder: Path, data: bytes, when: datetime, mode: int | None = None) -> Snapshot:
    sid = _id_for(when)
    n = 2
    base = sid
    while (folder / f"{sid}{SUFFIX}").exists():
        sid = f"{base}-{n}"
        n += 1
    final = folder / f"{sid}{SUFFIX}"
    tmp = folder / f".{sid}.tmp"
    # no fsync: a snapshot lost in a power cut costs little, an fsync per save costs a lot
    with open(tmp, "wb") as fh:
        fh.write(gzip.compress(data, compresslevel=1, mtime=0))
    if mode is not None:
        os.chmod(tmp, mode)
    os.replace(tmp, final)
    return Snapshot(sid, str(final), parse_id(sid) or when, final.stat().st_size)


def keep(snaps: Iterable[Snapshot], now: datetime) -> set[str]:
    """Ids the tiers keep: every snapshot of the last hour, the newest of each hour of the
    last day, the newest of each day before. The newest snapshot is always kept."""
    ordered = sorted(snaps, key=lambda s: (s.saved, s.id), reverse=True)  # newest first
    kept: set[str] = set()
    buckets: set[tuple[str, int]] = set()
    for i, s in enumerate(ordered):
        age = now - s.saved
        if i == 0 or age <= RECENT:
            kept.add(s.id)
            continue
        if age <= HOURLY:
            bucket = ("h", int(s.saved.timestamp() // 3600))
        else:
            bucket = ("d", s.saved.toordinal())
        if bucket not in buckets:
            buckets.add(bucket)
            kept.add(s.id)
    return kept


def prune(
    snaps: list[Snapshot], *, now: datetime | None = None, max_bytes: int = MAX_BYTES
) -> list[Snapshot]:
    """Delete what the tiers and the size bound do not keep; returns the survivors."""
    now = (now or datetime.now(UTC)).astimezone(UTC)
    kept_ids = keep(snaps, now)
    survivors: list[Snapshot] = []
    for s in sorted(snaps, key=lambda s: (s.saved, s.id)):
        if s.id in kept_ids:
            survivors.append(s)
        else:
            _unlink(s.path)
    if sum(s.size for s in survivors) <= max_bytes:
        return survivors
    # over the bound: first thin the last hour to one a minute, then drop the oldest
    minutes: set[int] = set()
    thinned: list[Snapshot] = []
    for s in reversed(survivors):
        if s is survivors[-1] or now - s.saved > RECENT:
            thinned.append(s)
            continue
        minute = int(s.saved.timestamp() // 60)
        if minute in minutes:
            _unlink(s.path)
        else:
            minutes.add(minute)
            thinned.append(s)
    survivors = list(reversed(thinned))
    total = sum(s.size for s in survivors)
    while len(survivors) > 1 and total > max_bytes:
        oldest = survivors.pop(0)
        _unlink(oldest.path)
        total -= oldest.size
    return survivors


def _unlink(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


def _read_raw(path: Path) -> bytes | None:
    try:
        return gzip.decompress(path.read_bytes())
    except (OSError, EOFError, gzip.BadGzipFile):
        return None


# --- reading versions ---------------------------------------------------------------------


@dataclass
class Version:
    id: str
    saved: str  # ISO 8601, local time with offset
    chars: int
    summary: str  # Chinese: what this save changed against the one before
    draft: Draft | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "saved": self.saved, "chars": self.chars, "summary": self.summary}


def load_snapshot(snap: Snapshot) -> Draft:
    from .storage import _parse, draft_from_dict

    raw = _read_raw(snap.path)
    if raw is None:
        raise InputError(f"历史版本 {snap.id} 已损坏，无法读取。")
    return draft_from_dict(_parse(raw, snap.path), f"历史版本 {snap.id}")


def local_iso(when: datetime) -> str:
    return when.astimezone().isoformat(timespec="seconds")


def versions(
    draft_path: str | os.PathLike[str], *, limit: int | None = None, with_drafts: bool = False
) -> list[Version]:
    """The saved versions of a draft, newest first, each with a summary of its changes;
    ``limit``: only the newest so many (each costs a load, ~1 ms). Snapshots that cannot be
    read are left out."""
    from .history_diff import draft_chars, summarize

    snaps = snapshots(draft_path, sizes=False)
    if limit is not None:
        snaps = snaps[-(limit + 1) :]  # one more: the oldest shown is compared with it
    out: list[Version] = []
    previous: Draft | None = None
    for k, snap in enumerate(snaps):
        try:
            draft = load_snapshot(snap)
        except Exception:  # a damaged snapshot must not hide the others
            continue
        if limit is None or k > 0 or len(snaps) <= limit:
            summary = summarize(previous, draft)
            out.append(Version(snap.id, local_iso(snap.saved), draft_chars(draft), summary, draft))
        previous = draft
    if not with_drafts:
        for v in out:
            v.draft = None
    out.reverse()
    return out


def find(draft_path: str | os.PathLike[str], snap_id: str) -> Snapshot:
    for s in snapshots(draft_path):
        if s.id == snap_id:
            return s
    name = Path(draft_path).name
    raise InputError(
        f"草稿 {name} 没有编号为 {snap_id} 的历史版本。请先运行 partybook history {name} 查看可用的版本。"
    )


def restore(draft_path: str | os.PathLike[str], snap_id: str) -> Draft:
    """Make version ``snap_id`` the current draft. The current file is kept in the history
    first (if it was changed outside partybook), so the restore itself can be undone."""
    from . import storage

    path = Path(draft_path)
    snap = find(path, snap_id)
    draft = load_snapshot(snap)
    with contextlib.suppress(OSError):
        current = path.read_bytes()
        snaps = snapshots(path)
        if not snaps or _read_raw(snaps[-1].path) != current:
            snapshot(path, current)
    storage.save(draft, path)
    return draft
