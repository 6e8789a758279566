"""Input and output helpers shared by the sub-commands."""

from __future__ import annotations

import sys
from pathlib import Path

from ..draft import Draft
from ..errors import InputError

DRAFT_SUFFIXES = {".json"}
DOCUMENT_SUFFIXES = {".txt", ".md", ".markdown", ".docx", ".doc", ".wps", ".rtf", ".odt", ".pdf"}


def read_draft(path: str) -> Draft:
    """A draft from a .json file, or from a document run through the importer."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix in DRAFT_SUFFIXES:
        from ..storage import load

        return load(p)
    if suffix in DOCUMENT_SUFFIXES:
        from ..importer import import_file

        return import_file(p).draft
    raise InputError(
        f"无法读取 {p.name}：只支持 .json 草稿，或 .txt、.md、.docx、.doc、.wps、.rtf、.odt、.pdf 文档。"
    )


def refuse_overwrite(path: str, force: bool) -> Path:
    p = Path(path)
    if p.exists() and not force:
        raise InputError(f"输出文件 {p} 已存在。如需覆盖，请加 --force；或换一个文件名。")
    return p


def say(text: str) -> None:
    print(text, file=sys.stdout)
