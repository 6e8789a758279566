"""Reading and writing draft files: UTF-8 JSON, atomic, with a backup, never destructive.

A save writes a temp file in the same folder, fsyncs it, keeps the previous file as
``NAME.json.bak`` and moves the new one into place with ``os.replace``; then it leaves a
snapshot in ``.history/`` beside the draft (:mod:`partybook.history`), best effort: a failing
snapshot never fails the save. A load only reads: whatever is wrong with a file, it and its
backup stay as they were.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .draft import SCHEMA_VERSION, Draft, conform, validation_message
from .errors import DraftFileError, GenreError, SaveConflictError
from .reading import read_bytes_zh

MAX_DRAFT_BYTES = 64 * 1024 * 1024  # a draft is text; anything larger is not one of ours

# schema N → function turning a version-N dict into a version-(N+1) dict
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def _parse(raw: bytes, path: Path) -> dict[str, Any]:
    name = path.name
    if not raw.strip():
        raise DraftFileError(f"草稿文件 {name} 是空的。如有备份 {name}.bak，可用它恢复。")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DraftFileError(
            f"{name} 不是 UTF-8 文本，不是 partybook 草稿文件。若是 Word 或文本文件，请用“导入”。"
        ) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        # the parser ran off the end (or into an unclosed string): the file was cut short
        if err.pos >= len(text.rstrip()) - 1 or err.msg.startswith("Unterminated string"):
            hint = "文件不完整（可能保存时被中断）"
        else:
            hint = f"第 {err.lineno} 行第 {err.colno} 列格式错误，文件已损坏"
        raise DraftFileError(
            f"无法读取草稿 {name}：{hint}。原文件未作改动；如有备份 {name}.bak，可用它恢复。"
        ) from None
    if not isinstance(data, dict) or "sections" not in data or "schema" not in data:
        raise DraftFileError(
            f"{name} 不是 partybook 草稿文件（缺少 schema 或 sections）。若是其他文档，请用“导入”。"
        )
    return data


def migrate(data: dict[str, Any], name: str = "草稿") -> dict[str, Any]:
    version = data.get("schema")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise DraftFileError(f"{name} 的 schema（格式版本）应为正整数，现在是 {version!r}。")
    if version > SCHEMA_VERSION:
        raise DraftFileError(
            f"{name} 由更新版本的 partybook 保存（格式版本 {version}，本程序支持到 {SCHEMA_VERSION}）。"
            "请升级 partybook 后再打开；文件未作改动。"
        )
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
        data["schema"] = version
    return data


def draft_from_dict(data: dict[str, Any], name: str = "草稿") -> Draft:
    data = migrate(data, name)
    try:
        draft = Draft.model_validate(data)
    except ValidationError as err:
        raise DraftFileError(
            f"草稿 {name} 的内容不合格式：{validation_message(err)}。原文件未作改动。"
        ) from None
    try:
        from .genre import load_genre

        conform(draft, load_genre(draft.genre))
    except GenreError as err:
        raise DraftFileError(f"草稿 {name} 使用的文体无法加载：{err}") from None
    except ValueError as err:
        raise DraftFileError(f"草稿 {name} 的内容不合格式：{err}。原文件未作改动。") from None
    return draft


def load(path: str | os.PathLike[str]) -> Draft:
    """Read a draft file. Raises :class:`DraftFileError` (Chinese message) on any problem."""
    p = Path(path)
    raw = read_bytes_zh(
        p,
        "草稿文件",
        DraftFileError,
        not_found=f"找不到草稿文件 {p}，请检查路径。",
        max_bytes=MAX_DRAFT_BYTES,
        too_big=f"{p.name} 超过草稿文件的上限 64 MB，不是 partybook 草稿。",
    )
    return draft_from_dict(_parse(raw, p), p.name)


def dumps(draft: Draft) -> str:
    return json.dumps(draft.to_dict(), ensure_ascii=False, indent=2) + "\n"


def _encode(draft: Draft) -> bytes:
    try:
        return dumps(draft).encode("utf-8")
    except UnicodeEncodeError:
        # A lone surrogate (pasted from a browser) cannot be UTF-8: escape it as \\uXXXX
        # so the save still succeeds and loading gives back exactly what was typed.
        return (json.dumps(draft.to_dict(), ensure_ascii=True, indent=2) + "\n").encode("ascii")


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not every filesystem lets a folder be opened
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _umask() -> int:
    try:  # Linux reports it without changing it (os.umask would, for every thread)
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o022


def _file_mode(path: Path) -> int:
    """The replaced file's permissions, or what ``open()`` would give a new file (0666 less
    the umask): drafts in a shared class folder stay readable by the instructor's group."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        return 0o666 & ~_umask()


def write_atomic(path: Path, data: bytes, keep_backup: bool = True) -> None:
    """Write ``data`` to ``path`` so that a crash leaves the old or the new file, never half."""
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    bak_tmp = f"{tmp}.bak"
    try:
        os.chmod(tmp, _file_mode(path))  # mkstemp makes 0600; a class folder needs group read
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if keep_backup and path.exists():
            try:
                os.link(path, bak_tmp)  # the old inode survives as the backup
            except OSError:
                shutil.copy2(path, bak_tmp)
            os.replace(bak_tmp, backup_path(path))
        os.replace(tmp, path)
        _fsync_dir(folder)
    except BaseException:
        for leftover in (tmp, bak_tmp):
            with contextlib.suppress(OSError):
                os.unlink(leftover)
        raise


def _updated_on_disk(path: Path) -> str | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        value = data.get("updated")
        return value if isinstance(value, str) else None
    except (OSError, ValueError, AttributeError):
        return None


def conflict_path(path: Path) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    candidate = path.with_name(f"{path.stem}.冲突副本-{stamp}{path.suffix}")
    n = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}.冲突副本-{stamp}-{n}{path.suffix}")
        n += 1
    return candidate


def save(
    draft: Draft,
    path: str | os.PathLike[str],
    *,
    touch: bool = True,
    expect_updated: str | None = None,
    snapshot: bool = True,
) -> Path:
    """Save atomically; the previous file becomes ``NAME.json.bak``; a snapshot goes to the
    draft's history (unless ``snapshot`` is False).

    ``expect_updated`` is the ``updated`` stamp the caller last saw on disk. If the file on
    disk has another one, someone else saved in between (a second tab): nothing is
    overwritten, this version goes to a conflict copy and :class:`SaveConflictError` says where.
    """
    p = Path(path)
    if touch:
        draft.touch()
    data = _encode(draft)
    if expect_updated is not None and p.exists():
        on_disk = _updated_on_disk(p)
        if on_disk is not None and on_disk != expect_updated:
            other = conflict_path(p)
            write_atomic(other, data, keep_backup=False)
            raise SaveConflictError(
                f"草稿 {p.name} 已在别处（另一个标签页或程序）被修改。为不丢失任何内容，"
                f"两份都已保留：磁盘上的原文件未动，您当前的内容另存为 {other.name}。",
                str(other),
            )
    write_atomic(p, data)
    if snapshot:
        _snapshot(p, data)
    return p


def _snapshot(path: Path, data: bytes) -> None:
    try:
        from .history import snapshot

        snapshot(path, data)
    except Exception:  # noqa: BLE001 — the draft is saved; its history is a convenience
        pass
