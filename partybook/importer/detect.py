"""Which genre a document is, over every genre file in ``templates/``, with a confidence.

Three signals, all read from the genre files (nothing here names a genre):

* the **title** against the genre's ``name`` and ``title_example``: the share of the
  genre's title words (two-character words) found in the document's title, each word
  weighted by how few genres use it (民主生活会 vs 组织生活会 count, 对照检查材料 barely);
* **section headings**: how many of the genre's sections the document names exactly
  (heading or alias, numbered or not);
* **fixed lines**: a line equal to one of the genre layout's fixed lines (a salutation
  such as 敬爱的党组织：, a closing 此致).

``confidence`` is the best score's share of the two best, scaled down when even the best
score is weak (below ``SURE``: a title naming the genre, or a few of its headings);
genres scoring at least 70 % of the best are reported as close, so the user can choose
(``--genre``).
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from functools import lru_cache

from ..genre import Genre, available_genres, load_genre
from ..paths import templates_dir
from .free_text import layout_lines
from .headings import match_section, parse_number
from .model import Para
from .vocabulary import words

DEFAULT = "dangxing-fenxi"
_NUMBER_STARTS = set(
    "一二三四五六七八九十（(0123456789０１２３４５６７８９①②③④⑤⑥⑦⑧⑨⑩第首其再最 \u3000\t"
)
CLOSE = 0.7
SURE = 1.5


@dataclass(frozen=True, slots=True)
class GenreGuess:
    genre: str
    confidence: float  # 0 … 1
    close: list[str] = field(default_factory=list)  # other genres nearly as likely
    scores: dict[str, float] = field(default_factory=dict)


_YEAR = re.compile(r"\s+|[\d０-９]+\s*年度?|[\d０-９]+|[第（(][^）)]{0,6}[）)]")


def _compact(s: str) -> str:
    return re.sub(r"\s+", "", s)


@dataclass(frozen=True, slots=True)
class _Profile:
    genre: Genre
    title_words: dict[str, float]  # word → weight (shared with fewer genres: heavier)
    fixed: frozenset[str]  # the layout's salutation and closing lines, compacted
    marker: str  # the end of the genre's name (对照检查材料, 党性分析)


def _genres() -> list[Genre]:
    out = []
    for gid in available_genres():
        try:
            out.append(load_genre(gid))
        except Exception:  # noqa: BLE001 - a broken genre file is reported where it is used
            continue
    return out


@lru_cache(maxsize=4)
def _profiles(key: tuple[tuple[str, int, int], ...]) -> tuple[_Profile, ...]:
    genres = [load_genre(gid) for gid, _, _ in key]
    title_sets = {g.id: words(g.name) | words(_YEAR.sub(" ", g.title_example)) for g in genres}
    df: dict[str, int] = {}
    for ws in title_sets.values():
        for w in ws:
            df[w] = df.get(w, 0) + 1
    out = []
    for g in genres:
        fixed = frozenset(layout_lines(g))  # 敬爱的党组织：, 此致, 敬礼！ (the genre's layout)
        out.append(
            _Profile(
                g,
                {w: 1 / df[w] ** 2 for w in title_sets[g.id]},
                frozenset(f for f in fixed if f),
                _compact(g.name)[-4:],
            )
        )
    return tuple(out)


_LAST: list = [None, None]  # (templates folder, its mtime), profiles
_CHECKED = [0.0]


def profiles() -> tuple[_Profile, ...]:
    """Every genre's detection profile; rebuilt when a genre file is added, removed or
    replaced (the templates folder's mtime changes), not re-read on every call."""
    now = time.monotonic()
    if _LAST[1] is not None and now - _CHECKED[0] < 1.0:
        return _LAST[1]  # the folder is looked at no more than once a second
    _CHECKED[0] = now
    folder = templates_dir()
    try:
        key = (str(folder), folder.stat().st_mtime_ns)
    except OSError:
        key = (str(folder), 0)
    if _LAST[0] != key:
        genres = _genres()
        _LAST[0], _LAST[1] = key, _profiles(tuple((g.id, g.version, id(g)) for g in genres))
        _MARKERS.clear()
    return _LAST[1]


_MARKERS: list[tuple[str, ...]] = []


def title_markers() -> tuple[str, ...]:
    """The endings of every genre's name (an article's title ends with one of them)."""
    profs = profiles()
    if not _MARKERS:
        _MARKERS.append(tuple(sorted({p.marker for p in profs if p.marker})))
    return _MARKERS[0]


def _title_score(title: str, p: _Profile) -> float:
    total = sum(p.title_words.values())
    if not total:
        return 0.0
    found = words(_compact(title))
    return sum(w for word, w in p.title_words.items() if word in found) / total


def _titles(paras: list[Para]) -> list[str]:
    from .signals import signals

    page_title = signals().page_title
    out = []
    for para in paras[:6]:
        s = para.text.strip()
        if (
            2 <= len(s) <= 60
            and not re.search(r"[。！？；]", s)
            and parse_number(s) is None
            and not page_title.search(s)
        ):
            out.append(_YEAR.sub("", s))
    return out[:3]


def guess_genre(paras: list[Para]) -> GenreGuess:
    """The likeliest genre of ``paras`` with its confidence and the close alternatives."""
    profs = profiles()
    if not profs:
        return GenreGuess(DEFAULT, 0.0)
    titles = _titles(paras)
    scores: dict[str, float] = {}
    by_title = sorted(
        ((max((_title_score(t, p) for t in titles), default=0.0), p.genre.id) for p in profs),
        reverse=True,
    )
    marker = next(p.marker for p in profs if p.genre.id == by_title[0][1])
    if (
        by_title[0][0] >= 0.3
        and any(marker in t for t in titles)
        and (len(by_title) < 2 or by_title[1][0] <= 0.3 * by_title[0][0])
    ):
        # the title names the genre and no other (…党性分析): no need to read the body
        top = 3 * by_title[0][0]
        second = 3 * by_title[1][0] if len(by_title) > 1 else 0.0
        return GenreGuess(
            by_title[0][1], round(top / (top + second), 2), [], {g: 3 * s for s, g in by_title}
        )
    candidates: list[tuple[str, bool, int]] = []  # (text without number, numbered, length)
    for para in paras:
        text = para.text.strip()
        num = parse_number(text) if text[:1] in _NUMBER_STARTS else None
        if num is not None:
            candidates.append((num.rest[:60], True, len(text)))
        elif len(text) <= 30:
            candidates.append((text, False, len(text)))
    fixed_lines = {_compact(t).rstrip("：:，,。！!") for t, n, _ in candidates if not n}
    for p in profs:
        title = max((_title_score(t, p) for t in titles), default=0.0)
        sections: set[str] = set()
        for text, numbered, _ in candidates:
            sh = match_section(text, p.genre)
            if sh is not None and (numbered or not sh.rest):
                sections.add(sh.section)
        headed = sum(1 for s in p.genre.sections if s.heading) or 1
        fixed = len(p.fixed & fixed_lines)
        scores[p.genre.id] = 3 * title + 2 * len(sections) / headed + fixed
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0] != DEFAULT, kv[0]))
    best, top = ranked[0]
    if top <= 0:
        return GenreGuess(DEFAULT, 0.0, [g for g, _ in ranked if g != DEFAULT][:2], scores)
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    close = [g for g, s in ranked[1:] if s >= CLOSE * top]
    return GenreGuess(best, _confidence(top, second), close, scores)


def _confidence(top: float, second: float) -> float:
    return round(top / (top + second) * min(1.0, top / SURE), 2)


def detect_genre(paras: list[Para], default: str = DEFAULT) -> str:
    """The likeliest genre's id (``default`` when nothing points anywhere)."""
    guess = guess_genre(paras)
    return guess.genre if guess.confidence > 0 else default
