"""Generated numbering: 一、 （一） 1. （1） per GB/T 9704 §7.3.3, and 一是 for measures; and
Chinese numerals read back (十二 → 12) for importers and checks."""

from __future__ import annotations

from .genre import Numbering

_DIGITS = "零一二三四五六七八九"
_VALUE_OF_DIGIT = {
    "零": 0,
    "〇": 0,
    "○": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}


def cn_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (n ≥ 1)."""
    if n < 1:
        raise ValueError("numbering starts at 1")
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return "十" + (_DIGITS[n - 10] if n > 10 else "")
    if n < 100:
        tens, ones = divmod(n, 10)
        return _DIGITS[tens] + "十" + (_DIGITS[ones] if ones else "")
    hundreds, rest = divmod(n, 100)
    if rest == 0:
        return _DIGITS[hundreds] + "百"
    if rest < 10:
        return _DIGITS[hundreds] + "百零" + _DIGITS[rest]
    tail = cn_number(rest)
    if rest < 20:
        tail = "一" + tail  # 一百一十二, not 一百十二
    return _DIGITS[hundreds] + "百" + tail


def cn_to_int(s: str) -> int:
    """一 → 1, 十 → 10, 十二 → 12, 二十三 → 23 (up to 99)."""
    if "十" in s:
        tens, _, ones = s.partition("十")
        return (_VALUE_OF_DIGIT.get(tens, 1) if tens else 1) * 10 + (
            _VALUE_OF_DIGIT.get(ones, 0) if ones else 0
        )
    n = 0
    for c in s:
        n = n * 10 + _VALUE_OF_DIGIT.get(c, 0)
    return n


def label(style: Numbering, n: int) -> str:
    """The printed label for the n-th entry (1-based) in a numbering style."""
    match style:
        case Numbering.CN:
            return f"{cn_number(n)}、"
        case Numbering.PAREN_CN:
            return f"（{cn_number(n)}）"
        case Numbering.ARABIC:
            return f"{n}."
        case Numbering.PAREN_ARABIC:
            return f"（{n}）"
        case Numbering.SHI:
            return f"{cn_number(n)}是"
        case _:
            return ""


# GB/T 9704 heading levels: 1 = 黑体 (一、), 2 = 楷体 (（一）), 3–4 = 仿宋 (1. / （1）)
LEVEL_OF = {
    Numbering.CN: 1,
    Numbering.PAREN_CN: 2,
    Numbering.ARABIC: 3,
    Numbering.PAREN_ARABIC: 4,
    Numbering.SHI: 3,  # 一是 opens an ordinary body paragraph
    Numbering.NONE: 3,
}
