"""The year's 民主生活会 / 组织生活会 notice as guidance in the workbook: its aspects where
the opening is written (it cites the notice) and where the problems are examined (grouped
by the aspects). Widget-free; the notices themselves are data (:mod:`partybook.notices`)."""

from __future__ import annotations

from ..draft import Draft
from ..errors import PartybookError
from ..genre import Genre, SectionKind
from ..notices import draft_year, load_notices, notice_for_draft

ITEM_KINDS = (SectionKind.ITEMS, SectionKind.GROUPED_ITEMS)


def notice_sections(genre: Genre) -> list[str]:
    """The sections that show the notice: the opening (the first unheaded paragraphs) and
    the problems (the first items section that is not linked to another)."""
    opening = next(
        (s.id for s in genre.sections if s.kind is SectionKind.PARAGRAPHS and not s.heading),
        None,
    )
    problems = next(
        (s.id for s in genre.sections if s.kind in ITEM_KINDS and s.linked_to is None), None
    )
    return [sid for sid in (opening, problems) if sid]


def notice_guidance(draft: Draft, genre: Genre) -> tuple[str, str]:
    """(guidance, error). The aspects of the notice of the year the draft reviews; without
    a year or a notice recorded for it, how to get them; empty when the genre has no
    notices. ``error``: why the genre's notices file cannot be read (Chinese)."""
    try:
        notice = notice_for_draft(draft)
        years = sorted(load_notices(genre.id))
    except PartybookError as err:
        return err.message, err.message
    if notice is not None:
        return notice.guidance(), ""
    if not years:
        return "", ""
    year = draft_year(draft)
    known = "、".join(f"{y}年度" for y in years)
    if year is None:
        return (
            "本文体按当年会议通知列出的方面查摆问题。在标题中写明年度（如“"
            f"{years[-1]}年度”）或在落款填写日期后，这里显示该年度通知列出的方面"
            f"（已收录：{known}）。",
            "",
        )
    return (
        f"尚未收录{year}年度的会议通知（已收录：{known}）。请按上级党组织下发的通知"
        "列出的方面查摆问题。",
        "",
    )
