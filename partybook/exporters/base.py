"""The one interface every export format implements (one class per format, as in nbconvert)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import ClassVar

from ..draft import Draft
from ..errors import ExportError
from ..genre import Genre, load_genre


class Exporter:
    """Turns a draft into the bytes of one file format.

    Subclasses set ``format`` (the CLI name), ``extension`` and ``label`` (Chinese, for the
    UI) and implement :meth:`to_bytes`. ``notices`` collects Chinese remarks the user should
    see (e.g. characters removed because XML cannot hold them, fonts substituted).
    """

    format: ClassVar[str]
    extension: ClassVar[str]
    label: ClassVar[str]
    mimetype: ClassVar[str] = "application/octet-stream"

    def __init__(self) -> None:
        self.notices: list[str] = []

    def to_bytes(self, draft: Draft, genre: Genre) -> bytes:
        raise NotImplementedError

    def export(self, draft: Draft, genre: Genre | None = None) -> bytes:
        self.notices = []
        data = self.to_bytes(draft, genre or load_genre(draft.genre))
        left_out = unplaced_notice(draft)
        if left_out:
            self.notices.append(left_out)
        return data

    def write(self, draft: Draft, path: str | os.PathLike[str], *, force: bool = False) -> Path:
        p = Path(path)
        if p.exists() and not force:
            raise ExportError(f"文件 {p} 已存在。如需覆盖，请加 --force；或换一个文件名。")
        data = self.export(draft)
        from ..storage import write_atomic

        write_atomic(p, data, keep_backup=False)
        return p


def unplaced_notice(draft: Draft) -> str:
    """What the export leaves out: the draft's 未归类 paragraphs (text the import could not
    place) are kept in the draft but belong to no section, so no format prints them; the
    user is told, with the first words, instead of losing them without a word."""
    paras = [p.strip() for p in draft.unplaced if p.strip()]
    if not paras:
        return ""
    first = paras[0] if len(paras[0]) <= 20 else paras[0][:18] + "……"
    return (
        f"草稿里有 {len(paras)} 段“未归类”的文字没有导出（第一段：“{first}”）。"
        "它们仍保存在草稿中；请在工作簿里把它们移到合适的部分，再重新导出。"
    )
