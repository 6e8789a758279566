"""Campaigns, meetings, plans and titles presented as current after their time."""

from __future__ import annotations

import re
from functools import lru_cache

from .data import DatedMention, compiled, hits

_BOUNDARY = "。！？；\n"
_YEAR = re.compile(r"((?:19|20)\d\d)年")
_PAST_BEFORE = re.compile(
    r"曾经?|当年|那时|那年|彼时|回顾|回望|早在|过去(?!一年|的一年)|此前|之前|时任|先后|历次|经历|参加过|开展过"
)
_PAST_AFTER = re.compile(
    r"[”\"’」]?[^。！？；\n，]{0,24}?(?:以来|期间|时期|那年|成果|成效|收官|之时|曾|取得|完成|实现了|圆满"
    # “……学习教育时我学过”: at the time of it (not 同时/及时, not 时代/时间)
    r"|(?<![同及随适按准暂临])时(?![代间刻效长序段节]))"
)
# “……主题教育专题民主生活会上，我查摆了……”: what was done at that campaign's own meeting
# (“这次/本次……会上” is the meeting being written for: not past)
_PAST_MEETING = re.compile(
    r"[”\"’」]?[^。！？；\n，]{0,12}?(?:民主|组织)生活会上[，,]?[^。！？；\n]{0,16}?了"
)
_THIS_TIME = re.compile(r"(?:这|本|此)次[^。！？；\n，]{0,8}$")


def current_for(kind: str, year: int) -> str:
    """What is current in ``year`` for a kind of dated entry (congress, campaign, plan)."""
    rows = compiled().current["congress" if kind == "plenum" else kind]
    return next((t for lo, hi, t in rows if lo <= year <= hi), rows[-1][2])


def _historical(text: str, start: int, end: int, year: int) -> bool:
    """Whether the sentence around ``text[start:end]`` presents it as past."""
    back = max(0, start - 160)
    lo = max(back - 1, *(text.rfind(c, back, start) for c in _BOUNDARY)) + 1
    before = text[lo:start]
    if _PAST_BEFORE.search(before):
        return True
    if any(int(y) < year for y in _YEAR.findall(before + text[end : end + 10])):
        return True
    if _PAST_MEETING.match(text, end) and not _THIS_TIME.search(before):
        return True
    return bool(_PAST_AFTER.match(text, end))


@lru_cache(maxsize=4096)
def _dated(text: str, year: int) -> tuple[DatedMention, ...]:
    found_hits = hits(text)
    if not found_hits:
        return ()
    out = []
    for i, (e, _rx, exempt) in enumerate(compiled().dated):
        limit = e.current_until or e.end
        if limit is None or year <= limit:
            continue
        for start, end in found_hits.get(f"D{i}", ()):
            if exempt is not None and exempt.match(text, end):
                continue
            if _historical(text, start, end, year):
                continue
            now = e.current or current_for(e.kind, year)
            years = f"{e.start}—{e.end}年" if e.end != e.start else f"{e.start}年"
            found = text[start:end]
            out.append(DatedMention(start, end, found, now, e.name, f"{e.name}（{years}）", e.kind))
    out.sort(key=lambda r: r.start)
    return tuple(out)


def find_dated(text: str, year: int | None) -> list[DatedMention]:
    """Mentions in ``text`` that are out of date for a draft of ``year``, not framed as past
    (a draft without a date has nothing to be out of date against: ``year=None`` finds none)."""
    return list(_dated(text, year)) if year is not None else []
