"""Reading input for ``partybook check`` and ``partybook fix``: a draft, or a document run
through the importer, whose removals are reported as PB2xx findings (PB208 for kinds that
are no template leftover, e.g. a duplicate title) and whose in-place changes (half-width
punctuation made full-width, traditional script made simplified) as PB301/PB208 — all
with hint severity, at the line and section where they were: the import already did them,
so they inform and never fail a check by themselves."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..checks import Finding
from ..draft import Draft


def load_document(path: str) -> tuple[Draft, list[Any], list[Any], str]:
    """The draft, what the importer removed (``Removal``) and changed in place
    (``Change``), and its line unit."""
    from ._io import DRAFT_SUFFIXES, import_document, read_draft

    if Path(path).suffix.lower() in DRAFT_SUFFIXES:
        return read_draft(path), [], [], "行"
    try:
        import partybook.importer  # noqa: F401
    except ModuleNotFoundError:  # importer not installed: the text is one block
        return _as_one_block(path), [], [], "行"
    result = import_document(Path(path))
    return result.draft, list(result.removed), list(result.changes), result.line_unit


def load_input(path: str) -> tuple[Draft, list[Any], str]:
    """The draft, what the importer removed (``Removal`` objects) and its line unit."""
    draft, removed, _, unit = load_document(path)
    return draft, removed, unit


def read_for_check(path: str) -> tuple[Draft, list[Finding]]:
    draft, removed, changes, unit = load_document(path)
    return draft, removal_findings([*removed, *changes], unit)


_CHANGED = {
    "punctuation": ("PB301", "导入时已把中文里的 {n} 处半角标点改为全角：“{text}”。"),
    "script": ("PB208", "导入时已把繁体字转换为简体字：“{text}”。"),
}


def removal_code(kind: str) -> str:
    from ..checks.leftovers import KIND_CODE, REMOVAL_CODE

    return KIND_CODE.get(kind, REMOVAL_CODE)


def shown(text: str) -> str:
    return text if len(text) <= 30 else text[:28] + "……"


def removal_findings(removed: list[Any], unit: str = "行") -> list[Finding]:
    """The importer's removals as findings: PB2xx by kind, PB208 for anything else."""
    from ..checks.leftovers import REMOVAL_CODE
    from ..checks.registry import finding

    out: list[Finding] = []
    for r in removed:
        where = f"原文第 {r.line} {unit}"
        if not hasattr(r, "what"):  # a Change made in place
            code, text = _CHANGED.get(r.kind, (REMOVAL_CODE, "导入时改动了“{text}”。"))
            message = f"{where}：" + text.format(n=r.count, text=shown(r.before))
            out.append(Finding(code, "hint", message, r.section or "document", None, 0, 0))
            continue
        code = removal_code(r.kind)
        f = finding(code, r.section or "document", args={"text": shown(r.what), "where": where})
        message = f"{where}：{f.message}" if code != REMOVAL_CODE else f.message
        out.append(Finding(f.code, "hint", f"{message}（导入时已删除）", f.section, None, 0, 0))
    return out


def _as_one_block(path: str) -> Draft:
    from ..draft import conform
    from ..errors import InputError
    from ..genre import load_genre
    from ..reading import read_text_zh

    text = read_text_zh(path, "文件", InputError)
    genre = load_genre()
    draft = Draft(genre=genre.id, sections={"opening": [p for p in text.split("\n") if p.strip()]})
    return conform(draft, genre)
