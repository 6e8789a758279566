"""Numbering and section names: what a line's leading number is, and which section a
heading names.

Numbering forms recognised (full- or half-width, with or without a space after them):
``一、 一. 一．`` (cn), ``（一） (一)`` (paren_cn), ``1. 1、 1．`` (arabic), ``（1） (1)``
(paren_arabic), ``①`` (circled), ``一是 一要`` (shi), ``第一，`` (di), ``首先，其次，……最后，``
(order). Section names come from the genre: each section's ``heading`` and its
``aliases``, written alone, before a colon, or running into the text (“存在的问题。一是……”);
other wordings are matched on the genre's vocabulary (:mod:`.vocabulary`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..genre import Genre, SectionKind
from ..numbering import cn_to_int

_CN = "一二三四五六七八九十"
_FULL_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

_NUMBER = re.compile(
    rf"""\s*(?:
      (?P<cn>[{_CN}]{{1,3}})\s*(?:[、．]|\.(?![\d０-９]))
    | [（(]\s*(?P<pcn>[{_CN}]{{1,3}})\s*[）)][、.．]?
    | (?P<ar>[\d０-９]{{1,2}})\s*(?:[、．]|\.(?![\d０-９])|[)）](?![\d０-９]))
    | [（(]\s*(?P<par>[\d０-９]{{1,2}})\s*[）)][、.．]?
    | (?P<circ>[{_CIRCLED}])
    | (?P<shi>[{_CN}]{{1,3}})(?P<verb>是|要)[，,：:、]?
    | 第[ \t\u3000]*(?P<part>[{_CN}]{{1,3}})[ \t\u3000]*部分[ \t\u3000]*[，,、：:．.]?
    | 第[ \t\u3000]*(?P<di>[{_CN}]{{1,3}})[ \t\u3000]*[，,、：:．]
    | (?P<order>首先|其次|再次|再者|最后)[ \t\u3000]*[，,：:、]
    )[ \t\u3000]*""",
    re.VERBOSE,
)

STYLE_OF_GROUP = {
    "cn": "cn",
    "pcn": "paren_cn",
    "ar": "arabic",
    "par": "paren_arabic",
    "circ": "circled",
    "shi": "shi",
    "part": "part",
    "di": "di",
    "order": "order",
}
_ORDER = {"首先": 1, "其次": 2, "再次": 3, "再者": 3, "最后": 9}


@dataclass(frozen=True, slots=True)
class Numbered:
    style: str  # cn | paren_cn | arabic | paren_arabic | circled | shi | part | di | order
    n: int
    label: str  # the number as typed, spaces included
    rest: str  # the text after the number


def parse_number(text: str) -> Numbered | None:
    """The leading number of ``text`` if it has one."""
    m = _NUMBER.match(text)
    if not m:
        return None
    for g in ("cn", "pcn", "ar", "par", "circ", "shi", "part", "di", "order"):
        value = m.group(g)
        if value is not None:
            group = g
            break
    else:  # pragma: no cover - the regex always sets one group
        return None
    if group == "circ":
        n = _CIRCLED.index(value) + 1
    elif group == "order":
        n = _ORDER[value]
    elif group in ("ar", "par"):
        n = int(value.translate(_FULL_DIGITS))
    else:
        n = cn_to_int(value)
    if n < 1:
        return None
    rest = text[m.end() :]
    if not rest.strip() and group == "shi":
        return None  # "一是" alone is not a numbered line
    return Numbered(STYLE_OF_GROUP[group], n, text[: m.end()], rest)


# --- inline 一是……二是…… (and 第一，…… ①…… 首先，……) -----------------------------------

_AFTER_STOP = r"(?:^|(?<=[。；;！？!?：:]))[ \t\u3000]*"
_AFTER_COMMA = r"(?:^|(?<=[。；;！？!?：:，,]))[ \t\u3000]*"
_SHI = rf"([{_CN}]{{1,3}})(?:是|要)[，,：:]?"
_POINT = re.compile(_AFTER_STOP + _SHI)
_POINT_AFTER_COMMA = re.compile(_AFTER_COMMA + _SHI)
# the other styles written inline, each opening a point after a sentence end (① also
# after a comma): 第一，…… ①…… 首先，……其次，……最后，……
_INLINE = {
    "di": re.compile(_AFTER_STOP + rf"第([{_CN}]{{1,3}})[，,、：:]"),
    "circled": re.compile(_AFTER_COMMA + rf"([{_CIRCLED}])"),
    "order": re.compile(_AFTER_STOP + r"(首先|其次|再次|再者|最后)[ \t\u3000]*[，,：:、]"),
}
# the second point's mark: a substring test before the regex
_INLINE_TEST = {"di": "第", "circled": "②", "order": "其次"}
INLINE_STYLES = ("shi", *_INLINE)


def may_hold_points(text: str) -> bool:
    """A cheap test: ``text`` holds a second point's mark of 第一/①/首先 points."""
    return "第" in text or "②" in text or "其次" in text or "最后" in text


def _point_number(style: str, mark: str) -> int:
    if style == "circled":
        return _CIRCLED.index(mark) + 1
    if style == "order":
        return _ORDER[mark]
    return cn_to_int(mark)


def split_points(text: str, start: int = 1, style: str = "shi") -> tuple[str, list[str]]:
    """Split points running inside one paragraph: 一是……二是…… (``style`` "shi"), and
    第一，……第二，…… ("di"), ①……②…… ("circled"), 首先，……其次，……最后，…… ("order").

    Returns the lead-in before the first point and the points (without their numbers).
    Points must count up from ``start`` in order (首先 … 其次 … 再次 … 最后); with fewer
    than two points (or one point opening the text) nothing is split and the lead is the
    whole text.
    """
    if style != "shi":
        return _split_inline(text, style)
    cuts: list[tuple[int, int]] = []
    expect = start
    for m in _POINT.finditer(text):
        if cn_to_int(m.group(1)) == expect and m.end() < len(text):
            cuts.append((m.start(), m.end()))
            expect += 1
    if len(cuts) < 2 and ("二是" in text or "二要" in text):  # “一是……，二是……”
        commas: list[tuple[int, int]] = []
        expect = start
        for m in _POINT_AFTER_COMMA.finditer(text):
            if cn_to_int(m.group(1)) == expect and m.end() < len(text):
                commas.append((m.start(), m.end()))
                expect += 1
        if len(commas) >= 2:
            cuts = commas
    return _points_at(text, cuts)


def _split_inline(text: str, style: str) -> tuple[str, list[str]]:
    if _INLINE_TEST[style] not in text and (style != "order" or "最后" not in text):
        return text, []
    cuts: list[tuple[int, int]] = []
    last = 0
    for m in _INLINE[style].finditer(text):
        n = _point_number(style, m.group(1))
        if m.end() >= len(text):
            continue
        if (not cuts and n == 1) or (cuts and (n == last + 1 or (style == "order" and n > last))):
            cuts.append((m.start(), m.end()))
            last = n
    if len(cuts) < 2:
        return text, []
    return _points_at(text, cuts)


def _points_at(text: str, cuts: list[tuple[int, int]]) -> tuple[str, list[str]]:
    if not cuts or (len(cuts) < 2 and cuts[0][0] > 0):
        return text, []
    lead = text[: cuts[0][0]].strip()
    points = []
    for i, (_, end) in enumerate(cuts):
        stop = cuts[i + 1][0] if i + 1 < len(cuts) else len(text)
        points.append(text[end:stop].strip())
    return lead, points


# --- sentences --------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"[。！？!?]+[”’」』）)]*")
_COLON_HEAD = re.compile(r"([^：:，,。；;！？!?]{2,25})[：:](?=\S)")


def split_heading(text: str) -> tuple[str, str]:
    """An item's heading sentence and the body running after it.

    The heading is the text up to the first 。！？ (closing quotes kept with it); text
    with no sentence end is all heading. Old drafts also write “加强学习：每月……”: a short
    lead ending in a colon before any sentence end is the heading (colon dropped).
    """
    m = _SENTENCE_END.search(text)
    colon = _COLON_HEAD.match(text)
    if colon and (not m or colon.end() <= m.start()):
        return colon.group(1).strip(), text[colon.end() :].strip()
    if not m or m.end() >= len(text.rstrip()):
        return text.strip(), ""
    return text[: m.end()].strip(), text[m.end() :].strip()


# --- section names ---------------------------------------------------------------------

_TRAIL = " \t\u3000：:。.，,；;"


_SPACE = re.compile(r"[\s\u3000]")


def _norm(name: str) -> str:
    if " " in name or "\u3000" in name or "\t" in name or "\n" in name:
        name = _SPACE.sub("", name)
    return name.strip(_TRAIL)


_NAMES: dict[tuple[int, str, int], tuple[dict[str, str], re.Pattern[str] | None]] = {}
_COLON = re.compile(r"[ \t\u3000]*[：:]")
# what may follow a section name running into its text: a stop, a colon, a dash, a space,
# or the number of the first item
_RUN_ON = re.compile(
    r"[ \t\u3000]*(?:[。．.：:；;，,—－\-]+[ \t\u3000]*|[ \t\u3000]+|(?=[（(]?[一二三四五六七八九十\d①]))"
)


def _names(genre: Genre) -> tuple[dict[str, str], re.Pattern[str] | None]:
    """Normalised section name or alias → section id, and a regex of the names at the
    start of a text (longest first)."""
    key = (id(genre), genre.id, genre.version)
    cached = _NAMES.get(key)
    if cached is not None:
        return cached
    out: dict[str, str] = {}
    for spec in genre.sections:
        if not spec.heading or spec.kind is SectionKind.SIGNOFF:
            continue
        for name in (spec.heading, *spec.aliases):
            if _norm(name):
                out.setdefault(_norm(name), spec.id)
    for name, sid in list(out.items()):  # “工作表现” is also written “工作表现方面” (not
        if not name.endswith("方面"):  # back: “理论学习” alone is an item's words)
            out.setdefault(name + "方面", sid)
    prefix = (
        re.compile("|".join(re.escape(n) for n in sorted(out, key=len, reverse=True)))
        if out
        else None
    )
    _NAMES[key] = (out, prefix)
    return out, prefix


@dataclass(frozen=True, slots=True)
class SectionHeading:
    section: str
    name: str  # the heading as typed, without its number
    rest: str  # text running after the heading (“一、基本情况：我……”)
    exact: bool  # the name is the genre's heading or one of its aliases


_SENTENCE_IN = re.compile(r"[。！？!?，,；;]")


def match_section(
    text: str,
    genre: Genre,
    *,
    loose: bool = False,
    seen: tuple[str, ...] = (),
    min_score: float = 0.5,
    next_number: bool = False,
) -> SectionHeading | None:
    """The section ``text`` (already stripped of its number) names, if any.

    Exact: the whole text is a known name (trailing ：。 allowed), or a known name followed
    by a colon, a stop, a dash, a space or the first item's number and then the section's
    first words. Loose (for lines placed like a heading: numbered at the top level, in a
    heading style, short and set apart): a short text without a sentence inside whose
    words score at least ``min_score`` on the genre's vocabulary (:mod:`.vocabulary`).
    A heading running into its text after a stop (“二、问题产生的根源。一是……”) needs a
    score of 1.5, or 1.0 when ``next_number`` (the line carries the next section number in
    the sections' own style).
    """
    s = text.strip()
    if not s or len(s) > 400:
        return None
    names, prefix = _names(genre)
    compact = _norm(s) if len(s) <= 40 else ""
    if compact:
        sid = names.get(compact)
        if sid is not None:
            return SectionHeading(sid, s.rstrip(_TRAIL), "", True)
    colon = _COLON.search(s, 0, 40)
    if colon is not None:
        sid = names.get(_norm(s[: colon.start()]))
        if sid is not None:
            return SectionHeading(sid, s[: colon.start()].strip(), s[colon.end() :].strip(), True)
    m = prefix.match(s) if prefix is not None else None
    if m is not None:
        run = _RUN_ON.match(s, m.end())
        if run is not None and run.end() < len(s):
            return SectionHeading(names[m.group()], m.group(), s[run.end() :].strip(), True)
    if loose and colon is not None and 2 <= colon.start() <= 20:
        head = s[: colon.start()].strip()
        if not _SENTENCE_IN.search(head):
            found = match_section(head, genre, loose=True, seen=seen, min_score=min_score)
            if found is not None:  # “2、工作表现方面：认真完成……”
                return SectionHeading(found.section, head, s[colon.end() :].strip(), False)
    stop = s.find("。", 2, 32 if next_number else 22) if loose else -1
    if stop > 0 and (colon is None or stop < colon.start()) and stop + 1 < len(s):
        head = s[:stop].strip()
        if not _SENTENCE_IN.search(head):
            need = max(min_score, 1.0 if next_number else 1.5)
            found = match_section(head, genre, loose=True, seen=seen, min_score=need)
            if found is not None:  # “一、查摆出的主要问题。一是……”: a stronger match needed
                # (the stop stays with the heading as typed: nothing is dropped)
                return SectionHeading(found.section, s[: stop + 1], s[stop + 1 :].strip(), False)
    if (
        loose
        and compact
        and len(compact) <= 20
        and not _SENTENCE_IN.search(compact)
        and not s.endswith(("。", "！", "？", "!", "?", "…"))
    ):
        from .detect import title_markers
        from .vocabulary import best_section

        if compact.endswith(title_markers()):
            return None  # a genre's title (…党性分析), not a section heading
        sid = best_section(compact, genre, seen=seen, min_score=min_score)
        if sid is not None:
            return SectionHeading(sid, s.rstrip(_TRAIL), "", False)
    return None
