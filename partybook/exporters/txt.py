"""Plain text: the canonical assembled text."""

from __future__ import annotations

from ..assembly import assemble
from ..draft import Draft
from ..genre import Genre
from .base import Exporter


class TextExporter(Exporter):
    format = "txt"
    extension = ".txt"
    label = "纯文本"
    mimetype = "text/plain; charset=utf-8"

    def to_bytes(self, draft: Draft, genre: Genre) -> bytes:
        return assemble(draft, genre).encode("utf-8")
