"""Part-of-speech tagging by rjieba (jieba's dictionary and HMM, in Rust): person names (nr),
places (ns) and the word boundaries the place and unit detectors walk back over."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, NamedTuple

from ..errors import PartybookError

_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")


class Token(NamedTuple):
    start: int
    end: int
    word: str
    tag: str


@lru_cache(maxsize=1)
def tagger() -> Any:
    try:
        import rjieba
    except ImportError:  # pragma: no cover - a broken install
        raise PartybookError(
            "匿名化需要分词库 rjieba。请运行 pip install rjieba 后重试。"
        ) from None
    rjieba.tag("预热")  # loads the dictionary once
    return rjieba


def tokens(text: str) -> list[Token]:
    """Tagged words with their offsets (text outside CJK runs is not tagged). A character
    the dictionary does not know (蕖, 昇: tag ``x``) is tagged ``zg`` like other rare
    characters, so that it can be part of a name."""
    tag = tagger().tag
    out: list[Token] = []
    for run in _CJK_RUN.finditer(text):
        pos = run.start()
        for word, flag in tag(run.group(0), True):
            out.append(Token(pos, pos + len(word), word, "zg" if flag == "x" else flag))
            pos += len(word)
    return out
