"""Export formats, one module each. A new format is a new module plus one line in FORMATS.

Modules are imported only when their format is asked for, so exporting Markdown never
loads python-docx and exporting .docx never loads Jupyter.
"""

from __future__ import annotations

import importlib
import os
from pathlib import Path
from typing import Any

from ..draft import Draft
from ..errors import ExportError
from .base import Exporter

# format → "module:Class"
FORMATS: dict[str, str] = {
    "docx": "partybook.exporters.docx:DocxExporter",
    "pdf": "partybook.exporters.pdf:PdfExporter",
    "html": "partybook.exporters.html:HtmlExporter",
    "md": "partybook.exporters.md:MarkdownExporter",
    "txt": "partybook.exporters.txt:TextExporter",
}


def get_exporter(fmt: str, **options: Any) -> Exporter:
    """The exporter of ``fmt``; ``options`` go to its constructor (``findings=True`` …)."""
    target = FORMATS.get(fmt.lower().lstrip("."))
    if target is None:
        raise ExportError(f"不支持的导出格式 {fmt}。可用格式：{'、'.join(FORMATS)}。")
    module_name, cls_name = target.split(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as err:
        raise ExportError(f"导出格式 {fmt} 暂不可用（缺少模块 {err.name}）。") from None
    return getattr(module, cls_name)(**options)


def format_from_path(path: str | os.PathLike[str]) -> str:
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix == "markdown":
        return "md"
    return suffix


def export(
    draft: Draft, path: str | os.PathLike[str], fmt: str | None = None, *, force: bool = False
) -> Path:
    """Write ``draft`` to ``path`` in ``fmt`` (default: from the file suffix)."""
    exporter = get_exporter(fmt or format_from_path(path))
    return exporter.write(draft, path, force=force)


__all__ = ["FORMATS", "Exporter", "export", "get_exporter", "format_from_path"]
