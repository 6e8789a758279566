"""Line clean-up before sectioning: stray spaces inside Chinese text, half-width
punctuation between Chinese characters, and lines broken mid-sentence by copying from a
PDF re-joined. Nothing is dropped here; every character of content survives."""

from __future__ import annotations

import re
from statistics import median

from ..text import SENTENCE_END
from .headings import parse_number
from .model import Para

_CJK = r"\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65“”‘’《》「」『』…—"
_SPACE_IN_CJK = re.compile(rf"(?<=[{_CJK}])[ \t\u00a0\u3000]+(?=[{_CJK}])")
_HALF_PUNCT = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！"}
_HALF_BETWEEN = re.compile(r"(?<=[\u4e00-\u9fff”’）》])([,:;?!])(?=[\u4e00-\u9fff“‘（《\d]|$)")
# zero-width spaces and joiners, BOMs, soft hyphens and bidi marks copied from web pages
_INVISIBLE = re.compile("[\u200b-\u200f\u2060-\u2064\ufeff\u00ad\u202a-\u202e]")
_ANY_HALF = re.compile(r"[,:;?!(]")
_HALF_PARENS = re.compile(r"\((?=[^()]*[\u4e00-\u9fff])([^()\n]{1,40})\)")
# a half-width full stop after a Chinese character and before one (or the line's end);
# the character before is checked in code (a literal first: fast on long lines)
_HALF_STOP = re.compile(r"\.(?=[\u4e00-\u9fff“‘（《]|$)")
_STOP_AFTER = frozenset("”’）》")
_CN_DIGITS = frozenset("一二三四五六七八九十")
_NUMBER_BEFORE = frozenset("。.！？；;!?（( \t\u3000")


def _is_stop(s: str, i: int) -> bool:
    """The ``.`` at ``i`` ends a Chinese sentence: a Chinese character (or a closing quote
    or bracket) before it, and not the number of a point (“一.”, “……。二.”)."""
    if i == 0:
        return False
    c = s[i - 1]
    if c not in _STOP_AFTER and not "\u4e00" <= c <= "\u9fff":
        return False
    j = i
    while j > 0 and s[j - 1] in _CN_DIGITS:
        j -= 1
    return j == i or (j > 0 and s[j - 1] not in _NUMBER_BEFORE)


def clean_line(text: str) -> tuple[str, int]:
    """The line tidied (invisible characters and stray spaces between Chinese characters
    removed), and how many half-width marks became full-width."""
    s = text.strip(" \t\u3000\u00a0\ufeff\r")
    if _INVISIBLE.search(s):
        s = _INVISIBLE.sub("", s)
    if " " in s or "\u3000" in s or "\t" in s or "\u00a0" in s:
        s = _SPACE_IN_CJK.sub("", s)
    count = 0
    if "." in s:
        s, count = _full_stops(s)
    if not _ANY_HALF.search(s):
        return s, count

    def _full(m: re.Match[str]) -> str:
        nonlocal count
        count += 1
        return _HALF_PUNCT[m.group(1)]

    s = _HALF_BETWEEN.sub(_full, s)

    def _parens(m: re.Match[str]) -> str:
        nonlocal count
        inner = m.group(1)
        if re.fullmatch(r"[\x00-\x7f]*", inner):
            return m.group()  # (Python 3) stays as written
        count += 1
        return f"（{inner}）"

    s = _HALF_PARENS.sub(_parens, s)
    return s, count


def _full_stops(s: str) -> tuple[str, int]:
    """Half-width full stops between Chinese characters made full-width (“读书少.我……”);
    numbers (1.5), web addresses and item numbers (1. 一.) keep theirs."""
    cuts = [m.start() for m in _HALF_STOP.finditer(s) if _is_stop(s, m.start())]
    if not cuts:
        return s, 0
    chars = list(s)
    for i in cuts:
        chars[i] = "。"
    return "".join(chars), len(cuts)


_OPENERS = SENTENCE_END + "：:；;”’」』）)"


def _may_continue(p: Para) -> bool:
    """The line stops without punctuation, and is not a numbered heading without a full
    stop (“（三）党员作用发挥不好” followed by its body is an item, not a broken line)."""
    if p.text[-1] in _OPENERS:
        return False
    return parse_number(p.text) is None or any(c in SENTENCE_END for c in p.text)


def _title_like(text: str) -> bool:
    """The first line is a title (or a title broken in two: “……党性分析” / “材料”): it takes
    the next line only while the two still read as a title, never the body's first line."""
    return len(text) <= 60 and not _CLAUSE.search(text)


_CLAUSE = re.compile(r"[。！？!?；;，,：:、]")


def rejoin_broken(paras: list[Para]) -> tuple[list[Para], int]:
    """Join lines a PDF copy broke in mid-sentence.

    Only when the text looks like a PDF copy: the line width (the median length of the
    longer half of the lines) is at least 20 characters, at least four lines and 35 % of
    the lines are that wide (±15 %), and at least two of those stop without punctuation.
    A line is then joined to the next when it is that wide, ends without closing
    punctuation, is not a numbered heading without a full stop, and the next line follows
    directly (no blank line) and is not numbered.
    """
    lengths = sorted(len(p.text) for p in paras if len(p.text) >= 8)
    if len(lengths) < 4:
        return paras, 0
    width = median(lengths[len(lengths) // 2 :])
    if width < 20 or width > 90:
        return paras, 0

    def wide(p: Para) -> bool:
        return abs(len(p.text) - width) <= 0.15 * width and not p.kind

    full = [p for p in paras if wide(p)]
    broken = [p for p in full if _may_continue(p)]
    if len(full) < 4 or len(full) < 0.35 * len(lengths) or len(broken) < 2:
        return paras, 0
    out: list[Para] = []
    joins = 0
    for p in paras:
        prev = out[-1] if out else None
        if (
            prev is not None
            and not (
                len(out) == 1 and _title_like(prev.text) and not _title_like(prev.text + p.text)
            )
            and not p.blank_before
            and not p.kind
            and len(prev.text) >= 0.85 * width
            and not prev.kind
            and _may_continue(prev)
            and parse_number(p.text) is None
        ):
            sep = (
                " "
                if prev.text[-1].isascii()
                and prev.text[-1].isalnum()
                and p.text[0].isascii()
                and p.text[0].isalnum()
                else ""
            )
            prev.text += sep + p.text
            joins += 1
            continue
        out.append(p)
    return out, joins
