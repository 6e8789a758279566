"""A section's name as the workbook shows it."""

from __future__ import annotations

from ..genre import Genre, Numbering, SectionKind, SectionSpec
from ..numbering import label


def section_label(genre: Genre, spec: SectionSpec) -> str:
    """一、基本情况 / 标题 / 开头 / 落款."""
    numbers = genre.heading_numbers()
    if spec.heading:
        prefix = label(Numbering.CN, numbers[spec.id]) if spec.id in numbers else ""
        return f"{prefix}{spec.heading}"
    return {
        SectionKind.LINE: "标题",
        SectionKind.SIGNOFF: "落款",
    }.get(spec.kind, "开头" if spec.id == "opening" else spec.id)
