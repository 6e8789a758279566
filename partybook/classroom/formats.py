"""Drafts of any format in a class folder: partybook's .json, and Word or text files that
students mailed in (.docx, .txt, .md; .doc and .wps when LibreOffice is installed).

Non-JSON files are imported on the fly with :mod:`partybook.importer` (author and date from
the sign-off, the import's remarks kept as notes for the instructor's table) and never
written to: an instructor's feedback on such a file is kept beside it, in a hidden
``.partybook-批注/<file name>.json`` (:func:`save_side_comments`), merged into the draft
whenever the file is read, and exported as Word comments.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import tempfile
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from ..draft import Comment, Draft
from ..errors import PartybookError

JSON_SUFFIX = ".json"
IMPORT_SUFFIXES = (".docx", ".txt", ".md")
LEGACY_SUFFIXES = (".doc", ".wps")  # through LibreOffice
DRAFT_SUFFIXES = (JSON_SUFFIX, *IMPORT_SUFFIXES, *LEGACY_SUFFIXES)
SIDE_DIR = ".partybook-批注"
# Word's owner files (~$name.docx) and LibreOffice's lock files (.~lock.name#)
_LOCK_PREFIXES = ("~$", ".~lock")
_NOT_DRAFTS = ("导出说明.txt", "readme.txt", "readme.md")


def is_draft_name(name: str) -> bool:
    """Whether a file of this name may be a draft (by its suffix; not a lock file)."""
    lower = name.lower()
    return (
        lower.endswith(DRAFT_SUFFIXES)
        and not name.startswith(_LOCK_PREFIXES)
        and lower not in _NOT_DRAFTS
    )


def is_imported(path: Path) -> bool:
    return path.suffix.lower() != JSON_SUFFIX


def side_path(path: Path) -> Path:
    return path.parent / SIDE_DIR / f"{path.name}.json"


def side_comments(path: Path) -> list[Comment]:
    side = side_path(path)
    try:
        raw = json.loads(side.read_text(encoding="utf-8"))
        return [Comment.model_validate(c) for c in raw.get("comments", [])]
    except FileNotFoundError:
        return []
    except (OSError, ValueError, AttributeError, TypeError):
        raise PartybookError(
            f"批注文件 {side.name} 已损坏，无法读取。可删除 {SIDE_DIR} 中的该文件后重新批注。"
        ) from None


def save_side_comments(path: Path, comments: Iterable[Comment]) -> None:
    """Write the instructor's comments on an imported file (atomic; the file untouched)."""
    from ..storage import write_atomic

    data = {"file": path.name, "comments": [c.model_dump() for c in comments]}
    text = json.dumps(data, ensure_ascii=False, indent=1)
    write_atomic(side_path(path), text.encode("utf-8"), keep_backup=True)


def convert_legacy(paths: list[Path]) -> dict[Path, bytes | str]:
    """.doc/.wps → .docx bytes with one LibreOffice run; a Chinese reason where it failed."""
    from ..exporters.pdf import TIMEOUT_S, find_soffice

    if not paths:
        return {}
    try:
        soffice = find_soffice()
    except PartybookError:
        why = "这是旧版 Word/WPS 文件，读取需要 LibreOffice（本机未安装）。请另存为 .docx 再放入班级文件夹。"
        return {p: why for p in paths}
    out: dict[Path, bytes | str] = {}
    with tempfile.TemporaryDirectory(prefix="partybook-legacy-") as tmp:
        work = Path(tmp)
        (work / "in").mkdir()
        names = {}
        for i, p in enumerate(paths):  # ASCII names for LibreOffice; suffix kept
            src = work / "in" / f"f{i:04d}{p.suffix.lower()}"
            try:
                src.write_bytes(p.read_bytes())
            except OSError as err:
                out[p] = f"无法读取 {p.name}：{err.strerror or type(err).__name__}"
                continue
            names[p] = src
        cmd = [
            soffice, "--headless", "--norestore", "--nologo", "--nolockcheck",
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(work / "out"),
            *map(str, names.values()),
        ]  # fmt: skip
        # on a timeout whatever was converted is used; the rest is reported below
        with contextlib.suppress(subprocess.TimeoutExpired, OSError):
            subprocess.run(
                cmd, capture_output=True, timeout=TIMEOUT_S + 10 * len(names), cwd=work,
                env=dict(os.environ, HOME=str(work)),
            )  # fmt: skip
        for p, src in names.items():
            docx = work / "out" / f"{src.stem}.docx"
            out[p] = (
                docx.read_bytes()
                if docx.is_file()
                else f"LibreOffice 无法转换 {p.name}，文件可能已损坏。请用 WPS 或 Word 另存为 .docx。"
            )
    return out


def load_any(path: Path, converted: bytes | str | None = None) -> tuple[Draft, list[str]]:
    """The draft in ``path`` and the import's notes (none for .json). ``converted`` is the
    .docx bytes (or the failure reason) of a .doc/.wps converted beforehand."""
    from ..importer import import_bytes
    from ..storage import load

    if not is_imported(path):
        return load(path), []
    if path.suffix.lower() in LEGACY_SUFFIXES:
        if converted is None:
            converted = convert_legacy([path])[path]
        if isinstance(converted, str):
            raise PartybookError(converted)
        data, name = converted, f"{path.stem}.docx"
    else:
        try:
            data, name = path.read_bytes(), path.name
        except PermissionError:
            raise PartybookError(f"没有权限读取 {path.name}。") from None
    result = import_bytes(data, name)
    draft = result.draft
    # "last saved" in the table: the file's time, not the moment of this import
    stamp = datetime.fromtimestamp(path.stat().st_mtime).astimezone().isoformat(timespec="seconds")
    draft.updated = stamp
    draft.created = stamp
    draft.comments.extend(side_comments(path))
    notes = [f"由 {path.suffix.lower().lstrip('.')} 文件导入。", *result.notices]
    return draft, notes
