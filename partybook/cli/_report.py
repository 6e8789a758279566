"""Reading input for ``partybook check`` and ``partybook fix``: a draft, or a document run
through the importer, whose removals are reported as PB2xx findings (PB208 for kinds that
are no template leftover, e.g. a duplicate title)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..checks import Finding
from ..draft import Draft


def load_input(path: str) -> tuple[Draft, list[Any], str]:
    """The draft, what the importer removed (``Removal`` objects) and its line unit."""
    from ._io import DRAFT_SUFFIXES, read_draft

    if Path(path).suffix.lower() in DRAFT_SUFFIXES:
        return read_draft(path), [], "行"
    try:
        from ..importer import import_file
    except ModuleNotFoundError:  # importer not installed: the text is one block
        return _as_one_block(path), [], "行"
    result = import_file(Path(path))
    return result.draft, list(result.removed), result.line_unit


def read_for_check(path: str) -> tuple[Draft, list[Finding]]:
    draft, removed, unit = load_input(path)
    return draft, removal_findings(removed, unit)


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
        code = removal_code(r.kind)
        where = f"原文第 {r.line} {unit}"
        f = finding(code, r.section or "document", args={"text": shown(r.what), "where": where})
        if code != REMOVAL_CODE:
            f = Finding(f.code, f.severity, f"{where}：{f.message}", f.section, None, 0, 0)
        out.append(f)
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
