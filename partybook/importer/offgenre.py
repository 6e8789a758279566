"""Documents that are not a personal self-analysis: a collective (班子/我们) report, a
third-person survey of “个别党员”, a 工作总结 or a speech. They are imported all the
same, with a warning saying what the document looks like and what to do.

The signals are data (``offgenre`` in ``templates/import/signals.yaml``): a kind fires
when one of its title words is in the title, or when its words occur at least ``min``
times and at least ``ratio`` times as often as the first-person 我.
"""

from __future__ import annotations

import re

from ..genre import Genre
from .signals import signals

_ME = re.compile(r"我(?!们|局|委|单位|支部|院|校|市|区|县|省|部|厅|镇|乡)")


def off_genre(text: str, title: str, genre: Genre) -> list[tuple[str, str]]:
    """``(kind, message)`` for each way the document is not a personal self-analysis."""
    if not genre.personal:
        return []
    me = len(_ME.findall(text))
    out = []
    for sig in signals().offgenre:
        hits = len(sig.words.findall(text))
        titled = any(w in title for w in sig.title_words) and not any(
            w in title for w in sig.title_exempt
        )
        if titled or (hits >= sig.min and hits >= sig.ratio * me):
            out.append((sig.kind, sig.message))
    return out
