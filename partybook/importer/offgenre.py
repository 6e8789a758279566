"""Documents that are not a personal self-analysis: a collective (班子/我们) report, a
third-person survey of “个别党员”, a 工作总结 or a speech. They are imported all the
same, with a warning saying what the document looks like and what to do.

The signals are data (``offgenre`` in ``templates/import/signals.yaml``): a kind fires
when one of its title words is in the title, or when its words occur at least ``min``
times and at least ``ratio`` times as often as the first-person 我.
"""

from __future__ import annotations

import re
from collections import Counter

from ..genre import Genre
from .signals import signals

SAMPLE = 3000  # characters read: the voice of a document shows in its first pages
_NOT_ME = (
    "我们",
    "我局",
    "我委",
    "我单位",
    "我支部",
    "我院",
    "我校",
    "我市",
    "我区",
    "我县",
    "我省",
    "我部",
    "我厅",
    "我镇",
    "我乡",
)
_ALL: list = []  # (one regex of every kind's words, word → kinds)


def _words() -> tuple[re.Pattern[str], dict[str, list[str]]]:
    if not _ALL:
        kinds: dict[str, list[str]] = {}
        for sig in signals().offgenre:
            for w in sig.words.pattern.split("|"):
                kinds.setdefault(re.sub(r"\\(.)", r"\1", w), []).append(sig.kind)
        words = sorted(kinds, key=len, reverse=True)
        _ALL.extend([re.compile("|".join(re.escape(w) for w in words)), kinds])
    return _ALL[0], _ALL[1]


def off_genre(text: str, title: str, genre: Genre) -> list[tuple[str, str]]:
    """``(kind, message)`` for each way the document is not a personal self-analysis."""
    if not genre.personal:
        return []
    text = text[:SAMPLE]
    me = text.count("我") - sum(text.count(w) for w in _NOT_ME)
    pattern, kinds = _words()
    hits: Counter[str] = Counter()
    for w in pattern.findall(text):  # one pass for every kind
        for kind in kinds[w]:
            hits[kind] += 1
    out = []
    for sig in signals().offgenre:
        titled = any(w in title for w in sig.title_words) and not any(
            w in title for w in sig.title_exempt
        )
        if titled or (hits[sig.kind] >= sig.min and hits[sig.kind] >= sig.ratio * me):
            out.append((sig.kind, sig.message))
    return out
