"""Instructor feedback written back into a student's draft (its ``comments`` list).

A comment is attached to a section (and optionally one item of it). Writing goes through
:func:`partybook.storage.save` — atomic, with the previous file kept as ``.bak`` — and
touches nothing else: the draft is re-read from disk just before writing, only the comment
is appended, and ``updated`` keeps the student's last save. If the student saves in the
same instant, the save-conflict guard keeps both versions and says where.

A Word or text file in the class folder (imported on the fly, see :mod:`.formats`) is never
written to: its comments go to a hidden file beside it, and come back as Word comments when
the class is exported.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..draft import Comment, Draft
from ..errors import PartybookError
from .formats import is_imported, load_any, save_side_comments, side_comments


def _validate(draft: Draft, section: str, item: int | None, text: str) -> None:
    if not text.strip():
        raise PartybookError("批注内容是空的，请先写下意见再保存。")
    if section not in draft.sections:
        known = "、".join(draft.sections)
        raise PartybookError(f"草稿中没有章节 {section}。可批注的章节：{known}。")
    if item is not None:
        n = len(draft.items(section))
        if not 0 <= item < n:
            raise PartybookError(f"章节 {section} 只有 {n} 条，没有第 {item + 1} 条。")


def add_comment(
    path: str | os.PathLike[str],
    section: str,
    text: str,
    *,
    item: int | None = None,
    author: str = "",
) -> Comment:
    """Append one comment to the draft file at ``path``; returns the comment written."""
    from ..storage import load, save

    p = Path(path)
    comment = Comment(section=section, item=item, text=text.strip(), author=author)
    try:
        if is_imported(p):  # the student's own file stays as it is
            draft, _ = load_any(p)
            _validate(draft, section, item, text)
            save_side_comments(p, [*side_comments(p), comment])
            return comment
        draft = load(p)
        _validate(draft, section, item, text)
        draft.comments.append(comment)
        save(draft, p, touch=False, expect_updated=draft.updated)
    except PermissionError:
        raise PartybookError(
            f"没有权限写入 {p.name}。请确认教师账号对学员草稿文件夹有写权限（见 deploy/README.md）。"
        ) from None
    return comment


def remove_comment(path: str | os.PathLike[str], index: int) -> Comment:
    """Remove the comment at ``index`` (in ``draft.comments``) and save; returns it."""
    from ..storage import load, save

    p = Path(path)
    if is_imported(p):  # the Word file's own comments first, then those kept beside it
        kept = side_comments(p)
        in_file = len(load_any(p)[0].comments) - len(kept)
        if 0 <= index < in_file:
            raise PartybookError(
                f"第 {index + 1} 条批注写在 {p.name} 文件里，这里不能删除；请在 Word 或 WPS 中删除。"
            )
        if not 0 <= index - in_file < len(kept):
            raise PartybookError(f"{p.name} 没有第 {index + 1} 条批注。")
        removed = kept.pop(index - in_file)
        save_side_comments(p, kept)
        return removed
    draft = load(p)
    if not 0 <= index < len(draft.comments):
        raise PartybookError(f"{p.name} 没有第 {index + 1} 条批注。")
    removed = draft.comments.pop(index)
    save(draft, p, touch=False, expect_updated=draft.updated)
    return removed


def comments_for(draft: Draft, section: str | None = None) -> list[Comment]:
    return [c for c in draft.comments if section is None or c.section == section]
