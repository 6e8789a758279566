"""Input and output helpers shared by the sub-commands."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

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
        return import_document(p).draft
    raise InputError(
        f"无法读取 {p.name}：只支持 .json 草稿，或 .txt、.md、.docx、.doc、.wps、.rtf、.odt、.pdf 文档。"
    )


def import_document(p: Path) -> Any:
    """The importer's result for a document; when it holds several articles only the first
    is used, and the user is told how to reach the others (nothing dropped without a word)."""
    from ..importer import import_file

    result = import_file(p)
    count = len(result.articles)
    if count > 1:
        title = result.draft.sections.get("title") or "无标题"
        warn(
            f"提示：{p.name} 里有 {count} 篇文章，这里只处理第 1 篇（“{title}”）。要处理其他各篇，"
            f"请先用 partybook import {p.name} -o 草稿.json 拆成 {count} 份草稿（草稿-1.json …）。"
        )
    return result


def refuse_overwrite(path: str, force: bool) -> Path:
    p = Path(path)
    if p.exists() and not force:
        raise InputError(f"输出文件 {p} 已存在。如需覆盖，请加 --force；或换一个文件名。")
    return p


def say(text: str) -> None:
    print(text, file=sys.stdout)


def warn(text: str) -> None:
    print(text, file=sys.stderr)
