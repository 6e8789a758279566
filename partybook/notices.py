"""The aspects a year's 民主生活会 / 组织生活会 notice lists, as editable data.

The notice changes every year, so the aspects are not in a genre's prose or code but in
``templates/notices/<genre-id>.yaml``, one entry per 年度::

    2025:
      title: 关于召开2025年度……的通知      # the notice as cited in an opening
      aspects: [……, ……]                   # the aspects, in the notice's order
      source: ……                          # who issued it and when (checked by whom)
      note: ……                            # optional: anything unverified

The year is the 年度 the meeting reviews (a 2025年度 meeting is usually held in
December 2025 – February 2026). :func:`notice_for_draft` finds the year from the draft's
title (``2025年度``) or its date, and returns that year's notice for the workbook to show
as guidance.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .datafile import read_yaml
from .draft import Draft
from .errors import GenreError
from .paths import templates_dir
from .validation import zh_reason

# a draft dated January–June reviews the year before (the meetings run into the new year)
LAST_MONTH_FOR_PREVIOUS_YEAR = 6
_YEAR_IN_TITLE = re.compile(r"((?:19|20)\d\d)\s*年度")
_DATE = re.compile(r"^\s*((?:19|20)\d\d)(?:\D+(\d{1,2}))?")


class Notice(BaseModel):
    model_config = ConfigDict(extra="forbid")
    year: int
    title: Annotated[str, Field(min_length=1)]
    aspects: Annotated[list[Annotated[str, Field(min_length=1)]], Field(min_length=1)]
    source: Annotated[str, Field(min_length=1)]
    note: str = ""
    # False: the aspects were written for illustration, not checked against the notice.
    verified: bool = True

    def guidance(self) -> str:
        """The notice as guidance text for the draft's year (Chinese, one paragraph)."""
        listed = "；".join(f"{n}. {a.rstrip('。；')}" for n, a in enumerate(self.aspects, 1))
        text = (
            f"{self.year}年度：《{self.title.strip('《》')}》列出 {len(self.aspects)} 个方面——"
            f"{listed}。（来源：{self.source}）"
        )
        if not self.verified:
            text += "以上方面未与通知原文核对，请以上级党组织下发的通知为准。"
        return text + (self.note if self.note else "")


def notice_file(genre_id: str) -> Path:
    return templates_dir() / "notices" / f"{genre_id}.yaml"


def parse_notices(data: Any, source: str) -> dict[int, Notice]:
    """Validate a notices file's content; errors name the file, the year and the key."""
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise GenreError(
            f"通知文件 {source} 的内容应为“年度 → 通知”的键值表，请对照 templates/README.md 修改。"
        )
    out: dict[int, Notice] = {}
    for key, entry in data.items():
        year = int(key) if isinstance(key, int) or str(key).isdigit() else None
        if year is None or not 1990 <= year <= 2100:
            raise GenreError(f"通知文件 {source} 的键 {key} 应为年度（四位数字，如 2025）。")
        if not isinstance(entry, dict):
            raise GenreError(
                f"通知文件 {source} 的 {year} 年度应为键值表（title、aspects、source）。"
            )
        try:
            out[year] = Notice.model_validate({**entry, "year": year})
        except ValidationError as err:
            problems = "；".join(
                f"键 {year}.{'.'.join(str(p) for p in e['loc'])}：{zh_reason(e, _REASONS)}"
                for e in err.errors()
            )
            raise GenreError(f"通知文件 {source} 有误：{problems}。") from None
    return out


_REASONS = {"too_short": "不能为空", "string_too_short": "不能为空"}


@lru_cache(maxsize=16)
def _load_cached(path: str, mtime: float) -> dict[int, Notice]:
    return parse_notices(read_yaml(path, "通知文件", GenreError), path)


def load_notices(genre_id: str) -> dict[int, Notice]:
    """Year → notice for the genre (empty when the genre has no notices file)."""
    path = notice_file(genre_id)
    if not path.is_file():
        return {}
    return _load_cached(str(path), path.stat().st_mtime)


def notice_for(genre_id: str, year: int) -> Notice | None:
    return load_notices(genre_id).get(year)


def draft_year(draft: Draft) -> int | None:
    """The 年度 a draft reviews: ``2025年度`` in its title, else from its date (a draft
    dated January–June reviews the year before), else None."""
    title = draft.sections.get("title")
    if isinstance(title, str):
        m = _YEAR_IN_TITLE.search(title)
        if m:
            return int(m.group(1))
    m = _DATE.match(draft.meta.date or "")
    if not m:
        return None
    year, month = int(m.group(1)), int(m.group(2) or 12)
    return year - 1 if month <= LAST_MONTH_FOR_PREVIOUS_YEAR else year


def notice_for_draft(draft: Draft) -> Notice | None:
    """The notice of the year the draft reviews, or None (no year, or none recorded)."""
    year = draft_year(draft)
    return None if year is None else notice_for(draft.genre, year)
