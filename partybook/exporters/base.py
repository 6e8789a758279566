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
        return self.to_bytes(draft, genre or load_genre(draft.genre))

    def write(self, draft: Draft, path: str | os.PathLike[str], *, force: bool = False) -> Path:
        p = Path(path)
        if p.exists() and not force:
            raise ExportError(f"文件 {p} 已存在。如需覆盖，请加 --force；或换一个文件名。")
        data = self.export(draft)
        from ..storage import write_atomic

        write_atomic(p, data, keep_backup=False)
        return p
