"""Drafts of any format in a class folder: partybook's .json, and Word or text files that
students mailed in (.docx, .txt, .md, .pdf with a text layer; .doc, .wps, .rtf and .odt
when LibreOffice is installed).

Non-JSON files are imported on the fly with :mod:`partybook.importer` (author and date from
the sign-off, the import's remarks kept as notes for the instructor's table) and never
written to: an instructor's feedback on such a file is kept beside it, in a hidden
``.partybook-批注/<file name>.json`` (:func:`save_side_comments`), merged into the draft
whenever the file is read, and exported as Word comments.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from ..draft import Comment, Draft
from ..errors import PartybookError
from ..reading import read_bytes_zh

JSON_SUFFIX = ".json"
IMPORT_SUFFIXES = (".docx", ".txt", ".md", ".pdf")  # .pdf: with a text layer (pdftotext)
LEGACY_SUFFIXES = (".doc", ".wps", ".rtf", ".odt")  # through LibreOffice
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
    """.doc/.wps/.rtf/.odt → .docx bytes with one LibreOffice run for them all (the
    importer's converter); a Chinese reason in place of each file that failed."""
    from ..importer.convert import NO_SOFFICE, office_to_docx

    out: dict[Path, bytes | str] = {}
    readable: list[Path] = []
    files: list[tuple[bytes, str]] = []
    for p in paths:
        try:
            files.append((read_bytes_zh(p, "文件"), p.name))
            readable.append(p)
        except PartybookError as err:  # the one wording of an unreadable file
            out[p] = str(err)
    if not files:
        return out
    try:
        results = office_to_docx(files, keep_going=True)
    except PartybookError:  # no LibreOffice on this machine
        return {**out, **{p: NO_SOFFICE.format(name=p.name) for p in readable}}
    for p, result in zip(readable, results, strict=True):
        out[p] = result if isinstance(result, bytes) else str(result)
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
    if len(result.articles) > 1:
        notes.insert(0, many_articles_note(path.name, len(result.articles)))
    return draft, notes


# notes that must reach every output about the class (the table, the batch export's
# 导出说明), not only the row's import remarks, start with this mark
WARNING_MARK = "【注意】"


def many_articles_note(name: str, count: int) -> str:
    return (
        f"{WARNING_MARK}{name} 里有 {count} 篇文章，只读了第 1 篇，其余 {count - 1} 篇没有计入。"
        "请让学员只交自己写的一篇，或用 partybook import 拆开后分别放进文件夹。"
    )
