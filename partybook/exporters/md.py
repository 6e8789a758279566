"""Markdown: the assembled text with # / ## headings and bold item headings."""

from __future__ import annotations

from ..assembly import assemble_markdown
from ..draft import Draft
from ..genre import Genre
from .base import Exporter


class MarkdownExporter(Exporter):
    format = "md"
    extension = ".md"
    label = "Markdown"
    mimetype = "text/markdown; charset=utf-8"

    def to_bytes(self, draft: Draft, genre: Genre) -> bytes:
        return assemble_markdown(draft, genre).encode("utf-8")
