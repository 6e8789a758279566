"""Personal dates written with 年/月/日 (2024年 → 20XX年, 3月 → X月); historical ones kept."""

from __future__ import annotations

import re

from .detect import Candidate
from .vocab import Vocabulary

YEAR_RE = re.compile(r"(?<!\d)((?:1[89]|20)\d{2})(?=年)")
MONTH_RE = re.compile(r"(?<![\d.])(1[0-2]|0?[1-9])(?=月)")
DAY_RE = re.compile(r"(?<![\d.])([12]\d|3[01]|0?[1-9])(?=日)")


def personal_dates(vocab: Vocabulary, text: str, historical_years: set[int]) -> list[Candidate]:
    """Personal dates: 2024年 → 20XX年, 3月 → X月, 18日 → X日. Years up to 1949 and the
    year of a meeting or document named nearby (1929年古田会议) are history, kept."""
    out: list[Candidate] = []
    year_ph = vocab.ph.get("year", "XX年").removesuffix("年")
    for m in YEAR_RE.finditer(text):
        year = int(m.group(1))
        if year <= 1949 or year in historical_years:
            continue
        out.append(
            Candidate(m.start(), m.end(), m.group(1)[:2] + year_ph, "日期（年份）", "date", 8)
        )
    month_ph = vocab.ph.get("month", "X月").removesuffix("月")
    day_ph = vocab.ph.get("day", "X日").removesuffix("日")
    kept = [
        c
        for c in YEAR_RE.finditer(text)
        if int(c.group(1)) <= 1949 or int(c.group(1)) in historical_years
    ]
    for regex, after, reason in (
        (MONTH_RE, month_ph, "日期（月）"),
        (DAY_RE, day_ph, "日期（日）"),
    ):
        for m in regex.finditer(text):
            if any(0 <= m.start() - k.end() <= 7 for k in kept):
                continue  # 1949年10月1日: part of a historical date
            out.append(Candidate(m.start(), m.end(), after, reason, "date", 8))
    return out
