"""Reading input for ``partybook check``: a draft, or a document run through the importer
with what the importer removed reported as PB2xx findings."""

from __future__ import annotations

from pathlib import Path

from ..checks import Finding
from ..draft import Draft


def read_for_check(path: str) -> tuple[Draft, list[Finding]]:
    from ._io import DRAFT_SUFFIXES, read_draft

    if Path(path).suffix.lower() in DRAFT_SUFFIXES:
        return read_draft(path), []
    try:
        from ..importer import import_file
    except ModuleNotFoundError:  # importer not installed: the text is one block
        return _as_one_block(path), []
    result = import_file(Path(path))
    return result.draft, removal_findings(result)


def removal_findings(result: object) -> list[Finding]:
    """The importer's removals as findings: PB2xx by kind, PB208 for anything else."""
    from ..checks.leftovers import KIND_CODE, REMOVAL_CODE
    from ..checks.registry import finding

    unit = getattr(result, "line_unit", "行")
    out: list[Finding] = []
    for r in getattr(result, "removed", []):
        code = KIND_CODE.get(r.kind, REMOVAL_CODE)
        shown = r.what if len(r.what) <= 30 else r.what[:28] + "……"
        where = f"原文第 {r.line} {unit}"
        f = finding(code, r.section or "document", args={"text": shown, "where": where})
        if code != REMOVAL_CODE:
            f = Finding(f.code, f.severity, f"{where}：{f.message}", f.section, None, 0, 0)
        out.append(f)
    return out


def _as_one_block(path: str) -> Draft:
    from ..draft import conform
    from ..errors import InputError
    from ..genre import load_genre

    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        raise InputError(f"无法读取 {path}：请确认文件存在并以 UTF-8 保存。") from None
    genre = load_genre()
    draft = Draft(genre=genre.id, sections={"opening": [p for p in text.split("\n") if p.strip()]})
    return conform(draft, genre)
