"""Template leftovers: the one shared detector of what a 公文 template site leaves behind.

The importer removes what is removable; the checks (PB2xx) report everything. Word lists
and patterns live in ``templates/rules/leftovers.yaml``; this module only combines them.

API (stable — names are added, never renamed)::

    find_leftovers(text, genre=None, *, example=False) -> list[Leftover]
        Every leftover in ``text`` (any number of lines), in order. ``start``/``end`` are
        character offsets into ``text``. A line that is junk as a whole (navigation, page
        furniture, a stray title, a line holding nothing but ads/markers) gives one
        Leftover with ``line=True`` covering the line (without its newline) and nothing
        inside that line is reported separately.
    is_junk_line(line, genre=None) -> Leftover | None
        The whole-line leftover for one line (offsets within ``line``), or None.
    strip_leftovers(text, genre=None) -> tuple[str, list[Leftover]]
        ``text`` with every removable leftover removed (junk lines dropped, inline ads,
        URLs and markers cut out, spaces left around a cut tidied) and the removed
        leftovers with offsets into the ORIGINAL text. Placeholders are never removed:
        they need the author's words.
    quick_patterns() -> tuple[Pattern, ...]
        Cheap pre-test regexes: a line matching none of them has no inline leftover.
    quick_parts() -> QuickParts(chars, patterns, words)
        The same pre-test in three parts, for callers that search characters and words
        together with others: a line holding none of the characters, where no pattern
        matches and no word occurs, has no inline leftover.
    is_stray_title(line, genre=None) -> bool
        True when ``line`` looks like the title of another kind of document (a 工作总结 /
        专题报告 / 讲话 … title inside a 党性分析).
    find_placeholders(text, *, example=False) -> list[Leftover]
        Only the placeholders (xx, XX, ×××, 某某, xxxx年xx月, ____, 【】, （  ）).

``genre`` may be a :class:`partybook.genre.Genre`, a genre id, or None (default word
list). ``example=True`` (an anonymised shared example) accepts the anonymiser's
placeholders 某某, 某区, 20XX年, XX月 …

Leftover kinds: ``placeholder`` (not removable), ``watermark`` (ads, site names, 微信/QQ/
公众号 notes), ``url`` (URLs, domains, e-mail addresses), ``marker`` (##paidbegin##, HTML
tags and entities), ``navigation`` (breadcrumbs, 上一篇/下一篇, footers), ``furniture``
(page numbers such as "— 1 —", 第1页), ``stray_title``. Each carries a Chinese message.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, NamedTuple

from .datafile import read_yaml
from .paths import templates_dir

__all__ = [
    "KINDS",
    "Leftover",
    "find_leftovers",
    "find_placeholders",
    "is_junk_line",
    "is_stray_title",
    "strip_leftovers",
]

KINDS = ("placeholder", "watermark", "url", "marker", "navigation", "furniture", "stray_title")


@dataclass(frozen=True, slots=True)
class Leftover:
    """One leftover: what kind, where (``text[start:end]``), whether it can simply go."""

    kind: str
    start: int
    end: int
    text: str
    removable: bool
    message: str
    line: bool = False  # the whole line is junk


# --- data ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Rules:
    inline: re.Pattern[str]  # placeholders, markers, urls, bracketed notes, ad phrases
    trigger_words: re.Pattern[str]
    triggers: tuple[str, ...]
    ad_in_bracket: re.Pattern[str]
    strong_ad: re.Pattern[str]
    navigation: re.Pattern[str]
    furniture: re.Pattern[str]
    example_ok: frozenset[str]
    example_ok_re: re.Pattern[str]
    stray_words: tuple[str, ...]
    messages: dict[str, str]


def _spaced(word: str) -> str:
    """A regex for ``word`` that tolerates one space between its characters."""
    return r"\s?".join(re.escape(c) for c in word)


def _load_data() -> dict[str, Any]:
    path = templates_dir() / "rules" / "leftovers.yaml"
    data = read_yaml(path, "规则数据文件")
    if not isinstance(data, dict):  # pragma: no cover - shipped data
        raise ValueError(f"{path} 应为键值表")
    return data


_PLACEHOLDER = (
    r"(?:\d{2}|[xX×Ｘｘ*＊]{2})?[xX×Ｘｘ*＊]{2}年(?:[xX×Ｘｘ*＊]{1,2}月(?:[xX×Ｘｘ*＊]{1,2}日)?)?"
    r"|[xX×Ｘｘ*＊]{1,2}月(?:[xX×Ｘｘ*＊]{1,2}日)?"
    r"|(?<![A-Za-z])[xX]{2,}(?![A-Za-z])"
    r"|[×Ｘｘ]{2,}"
    r"|某某+"
    r"|_{3,}|＿{2,}"
    r"|[【\[［]\s*[】\]］]"
    r"|[（(]\s+[)）]"
)
_MARKER = (
    r"#{2,}\s?[A-Za-z_]{2,20}\s?#{2,}"
    r"|</?[A-Za-z][A-Za-z0-9]{0,10}(?:\s[^<>\n]{0,200})?/?>"
    r"|&(?:nbsp|amp|lt|gt|quot|ensp|emsp|#\d{2,5});"
    r"|\[/?(?:url|img|b|i|u|color|size|quote)(?:=[^\]\n]{0,80})?\]"
)
_BRACKETED = (
    r"【[^】\n]{1,80}】|［[^］\n]{1,80}］|\[[^\]\n]{1,80}\]|（[^）\n]{1,80}）|\([^)\n]{1,80}\)"
)


# Cheap pre-tests (a character class and a set of literal words both scan at C speed):
# a line with neither cannot hold an inline leftover, so the big regex is skipped.
_TRIGGER_CHAR_SET = "#<&[【［×Ｘｘ*＊某_＿@" + string.ascii_letters
_TRIGGER_CHARS = re.compile(f"[{re.escape(_TRIGGER_CHAR_SET)}]")
# (importer) "（" is not a trigger by itself: every （一） item would pay for the big regex;
# a round bracket is a leftover only with a trigger word inside or when blank. Kept as a
# pattern of its own: an alternation beside the character class would lose the class's
# fast skip-ahead (a 4× slower search).
_TRIGGER_BLANK = re.compile(r"（\s+[)）]")  # a literal first character: fast
_TRIGGER_BLANK_ASCII = re.compile(r"\(\s+[)）]")


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    data = _load_data()
    domains = "|".join(sorted((re.escape(d) for d in data["domains"]), key=len, reverse=True))
    url = (
        r"(?:https?://|ftp://|www\.)[A-Za-z0-9\-._~:/?#\[\]@!$&'*+,;=%]+"
        r"|[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+"
        r"|(?<![A-Za-z0-9.\-])[A-Za-z0-9](?:[A-Za-z0-9\-]{0,62})(?:\.[A-Za-z0-9\-]{1,63})*"
        rf"\.(?:{domains})(?![A-Za-z0-9\-])(?:/[A-Za-z0-9\-._~/?#=&%]*)?"
    )
    ads = "|".join(f"(?:{p})" for p in data["ad_patterns"])
    inline = re.compile(
        f"(?P<marker>{_MARKER})|(?P<url>{url})|(?P<bracket>{_BRACKETED})"
        f"|(?P<placeholder>{_PLACEHOLDER})|(?P<watermark>{ads})"
    )
    ad_words = "|".join(_spaced(w) for w in data["ad_words"])
    strong = "|".join(_spaced(w) for w in data["strong_ad_words"])
    nav = "|".join(f"(?:{p})" for p in data["navigation_patterns"])
    furn = "|".join(f"(?:{p})" for p in data["furniture_patterns"])
    ok = [str(w) for w in data["example_placeholders"]]
    triggers = sorted({str(w) for w in data["ad_triggers"]}, key=len, reverse=True)
    return _Rules(
        inline=inline,
        trigger_words=re.compile("|".join(re.escape(w) for w in triggers)),
        triggers=tuple(triggers),
        ad_in_bracket=re.compile(f"{ad_words}|{url}", re.IGNORECASE),
        strong_ad=re.compile(f"{strong}|{url}", re.IGNORECASE),
        navigation=re.compile(rf"\s*(?:{nav})"),
        furniture=re.compile(rf"\s*(?:{furn})\s*"),
        example_ok=frozenset(ok),
        example_ok_re=re.compile("|".join(re.escape(w) for w in sorted(ok, key=len, reverse=True))),
        stray_words=tuple(data["stray_title_words"]),
        messages=dict(data["messages"]),
    )


def _stray_words(genre: Any) -> tuple[str, ...]:
    if genre is None:
        return _rules().stray_words
    if isinstance(genre, str):
        return _stray_words_of(genre)
    words = getattr(genre, "stray_title_words", None)
    return tuple(words) if words else _rules().stray_words


@lru_cache(maxsize=16)
def _stray_words_of(genre_id: str) -> tuple[str, ...]:
    from .genre import load_genre

    words = load_genre(genre_id).stray_title_words
    return tuple(words) if words else _rules().stray_words


def _make(kind: str, start: int, end: int, text: str, *, line: bool = False) -> Leftover:
    shown = text.strip()
    if len(shown) > 30:
        shown = shown[:28] + "……"
    message = _rules().messages[kind].format(text=shown)
    return Leftover(kind, start, end, text, kind != "placeholder", message, line)


# --- whole lines -----------------------------------------------------------------------

_NUMBERED = re.compile(
    r"\s*(?:[一二三四五六七八九十]+[、是]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．])"
)
_SENTENCE_PUNCT = re.compile(r"[。！？!?；;，,：:]")
_TITLE_TAIL = re.compile(r"\s*(?:[（(][^）)]{1,12}[)）])?\s*$")


def quick_patterns() -> tuple[re.Pattern[str], ...]:
    """Cheap regexes: a line where none matches holds no inline leftover (only the
    whole-line kinds — navigation, page furniture, stray titles — remain possible, and those
    are short lines). Callers scanning much text use them to skip clean paragraphs."""
    return _TRIGGER_CHARS, _TRIGGER_BLANK, _TRIGGER_BLANK_ASCII, _rules().trigger_words


class QuickParts(NamedTuple):
    """:func:`quick_patterns` in three parts, for callers that search characters and words
    together with other characters and words: a line holding none of ``chars``, where no
    pattern matches and no word occurs, holds no inline leftover."""

    chars: str  # trigger characters (the first pattern of quick_patterns)
    patterns: tuple[re.Pattern[str], ...]  # the blank-bracket patterns
    words: tuple[str, ...]  # trigger words (the last pattern of quick_patterns)


def quick_parts() -> QuickParts:
    """The pre-test of :func:`quick_patterns` as characters, patterns and words."""
    return QuickParts(_TRIGGER_CHAR_SET, (_TRIGGER_BLANK, _TRIGGER_BLANK_ASCII), _rules().triggers)


def is_stray_title(line: str, genre: Any = None) -> bool:
    """True when ``line`` reads like a title of another kind of document."""
    s = line.strip()
    if not 4 <= len(s) <= 60 or _SENTENCE_PUNCT.search(s) or _NUMBERED.match(s):
        return False
    core = _TITLE_TAIL.sub("", s) if s.endswith(("）", ")")) else s
    return any(core.endswith(w) for w in _stray_words(genre))


def is_junk_line(line: str, genre: Any = None) -> Leftover | None:
    """The leftover covering the whole of ``line`` when the line is junk, else None."""
    junk = _junk_shape(line, genre)
    if junk is not None or not line.strip():
        return junk
    return _only_ads(line, _inline(line, example=False))


def _junk_shape(line: str, genre: Any) -> Leftover | None:
    """Navigation, page furniture or a stray title: junk by the line's shape alone."""
    stripped = line.strip()
    if not stripped:
        return None
    start = len(line) - len(line.lstrip())
    end = len(line.rstrip())
    r = _rules()
    if len(stripped) <= 40 and r.furniture.fullmatch(line):
        return _make("furniture", start, end, stripped, line=True)
    if len(stripped) <= 80 and r.navigation.match(line):
        return _make("navigation", start, end, stripped, line=True)
    if is_stray_title(line, genre):
        return _make("stray_title", start, end, stripped, line=True)
    return None


def _only_ads(line: str, inner: list[Leftover]) -> Leftover | None:
    """The whole line as one leftover when it holds nothing but ads, URLs and markers."""
    if inner and all(x.removable for x in inner):
        stripped = line.strip()
        start = len(line) - len(line.lstrip())
        end = len(line.rstrip())
        rest = line
        for x in reversed(inner):
            rest = rest[: x.start] + rest[x.end :]
        if not rest.strip(" \t\u3000，,。.、；;：:|｜-—"):
            kinds = {x.kind for x in inner}
            kind = next(k for k in ("watermark", "url", "marker") if k in kinds)
            return _make(kind, start, end, stripped, line=True)
    return None


# --- inside a line ---------------------------------------------------------------------

# (added by the importer) a site's name alone in square brackets: 【淘文网】 【xx文库】
_SITE_NAME = re.compile(r"\s*[\u4e00-\u9fffA-Za-z0-9]{1,12}(?:网|网站|文库|文档网|范文)\s*")


def _inline(line: str, *, example: bool, offset: int = 0) -> list[Leftover]:
    r = _rules()
    if not (
        _TRIGGER_CHARS.search(line)
        or r.trigger_words.search(line)
        or _TRIGGER_BLANK.search(line)
        or _TRIGGER_BLANK_ASCII.search(line)
    ):
        return []
    out: list[Leftover] = []
    for m in r.inline.finditer(line):
        kind = m.lastgroup or ""
        text = m.group()
        s, e = m.start() + offset, m.end() + offset
        if kind == "bracket":
            inner = text[1:-1]
            if not inner.strip():
                out.append(_make("placeholder", s, e, text))
                continue
            round_ = text[0] in "（("
            if (r.strong_ad if round_ else r.ad_in_bracket).search(inner) or (
                not round_ and _SITE_NAME.fullmatch(inner)
            ):
                out.append(_make("watermark", s, e, text))
            else:  # an ordinary bracket: look inside it for the other kinds
                out.extend(_inline(inner, example=example, offset=s + 1))
            continue
        if kind == "placeholder" and example and _example_ok(line, m):
            continue
        out.append(_make(kind, s, e, text))
    return out


def _example_ok(line: str, m: re.Match[str]) -> bool:
    """An anonymiser's placeholder (某某, 某区, 20XX年 …) inside an example draft."""
    text = m.group()
    if text in _rules().example_ok:
        return True
    if text.startswith("某"):
        return True  # 某某 and its longer runs, and 某某 + 区/局 … are the anonymiser's
    window = line[max(0, m.start() - 2) : m.end() + 2]
    return any(
        w.start() <= m.start() - max(0, m.start() - 2) and w.end() >= len(text)
        for w in _rules().example_ok_re.finditer(window)
    ) or bool(_ANONYMISED_DATE.fullmatch(text))


# the anonymiser's dates: 20XX年, 20XX年X月, 19XX年XX月X日, X月X日 …
_ANONYMISED_DATE = re.compile(r"(?=.)(?:\d{2}[xX]{2}年)?(?:[xX]{1,2}月)?(?:[xX]{1,2}日)?")


def find_placeholders(text: str, *, example: bool = False) -> list[Leftover]:
    """The placeholders in ``text`` (offsets into ``text``)."""
    return [x for x in find_leftovers(text, example=example) if x.kind == "placeholder"]


def _lines(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def find_leftovers(text: str, genre: Any = None, *, example: bool = False) -> list[Leftover]:
    """Every leftover in ``text``, in order (offsets into ``text``)."""
    out: list[Leftover] = []
    for pos, line in _lines(text):
        if not line.strip():
            continue
        junk = _junk_shape(line, genre)
        if junk is None:
            inner = _inline(line, example=example)
            junk = _only_ads(line, inner)
            if junk is None:
                out.extend(_shift(x, pos) for x in inner)
                continue
        out.append(_shift(junk, pos))
    return out


def _shift(x: Leftover, by: int) -> Leftover:
    if not by:
        return x
    return Leftover(x.kind, x.start + by, x.end + by, x.text, x.removable, x.message, x.line)


_GAP = re.compile(r"[ \t\u3000]{2,}")


def strip_leftovers(text: str, genre: Any = None) -> tuple[str, list[Leftover]]:
    """``text`` without its removable leftovers, and what was removed (original offsets)."""
    removed: list[Leftover] = []
    kept: list[str] = []
    for pos, line in _lines(text):
        if not line.strip():
            kept.append(line)
            continue
        # is_junk_line's two steps, keeping the inline scan for the cuts (one scan a line)
        junk = _junk_shape(line, genre)
        inner: list[Leftover] = []
        if junk is None:
            inner = _inline(line, example=False)
            junk = _only_ads(line, inner)
        if junk is not None:
            removed.append(_shift(junk, pos))
            continue
        cuts = [x for x in inner if x.removable]
        if not cuts:
            kept.append(line)
            continue
        new = line
        for x in reversed(cuts):
            before, after = new[: x.start], new[x.end :]
            if before.endswith((" ", "\u3000")) and after.startswith((" ", "\u3000", "\t")):
                after = after.lstrip(" \u3000\t")
            new = before + after
        new = new.rstrip() if not line[-1:].isspace() or new.strip() else ""
        new = _GAP.sub(lambda m: m.group() if m.start() == 0 else "", new)
        kept.append(new.rstrip())
        removed.extend(_shift(x, pos) for x in cuts)
    return "\n".join(kept), removed
