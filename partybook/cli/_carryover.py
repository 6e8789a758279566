"""``partybook check --earlier OLD``: PB650 findings for passages carried over from the
author's earlier drafts. The findings are built here, in the CLI layer, with the standard
:class:`~partybook.checks.Finding` and PB650's texts from ``templates/rules/carryover.yaml``
(the rule registry does not take PB6xx codes yet)."""

from __future__ import annotations

from pathlib import Path

from ..carryover import Carried, Earlier, as_earlier, find, rule_texts
from ..checks import Finding
from ..draft import Draft


def read_earlier(path: str) -> Earlier:
    """An earlier draft in any format; a document without a date is dated by its file time."""
    from ._report import load_input

    draft, _, _ = load_input(path)
    p = Path(path)
    if p.suffix.lower() == ".json":
        return as_earlier(draft, p.name)
    earlier = as_earlier(draft, p.name)
    if not draft.meta.date.strip():  # an imported document's `created` is today
        earlier.year = _file_year(p)
    return earlier


def _file_year(p: Path) -> int | None:
    from datetime import datetime

    try:
        return datetime.fromtimestamp(p.stat().st_mtime).year
    except OSError:
        return None


def _shown(text: str, width: int = 30) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 2] + "……"


def finding_for(c: Carried, texts: dict[str, str]) -> Finding:
    year = f"{c.year}年" if c.year else f"旧稿“{c.earlier}”"
    message = texts["message"].format(length=c.length, year=year, old=_shown(c.earlier_text))
    return Finding(texts["code"], texts["severity"], message, c.section, c.item, c.start, c.end)


def carryover_findings(draft: Draft, earlier: list[Earlier]) -> list[Finding]:
    texts = rule_texts()
    return [finding_for(c, texts) for c in find(draft, earlier)]
