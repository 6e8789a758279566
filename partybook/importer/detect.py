"""Which genre a document is, over every genre file in ``templates/``, with a confidence.

Three signals, all read from the genre files (nothing here names a genre):

* the **title** against the genre's ``name`` and ``title_example``: the share of the
  genre's title words (two-character words) found in the document's title, each word
  weighted by how few genres use it (民主生活会 vs 组织生活会 count, 对照检查材料 barely);
* **section headings**: how many of the genre's sections the document names exactly
  (heading or alias, numbered or not);
* **fixed lines**: a line equal to the example of one of the genre's one-line sections
  other than the title (a salutation such as 敬爱的党组织：, a closing 此致).

``confidence`` is the best score's share of the two best; genres scoring at least 70 % of
the best are reported as close, so the user can choose (``--genre``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..genre import Genre, SectionKind, available_genres, load_genre
from .headings import match_section, parse_number
from .model import Para
from .vocabulary import words

DEFAULT = "dangxing-fenxi"
CLOSE = 0.7


@dataclass(frozen=True, slots=True)
class GenreGuess:
    genre: str
    confidence: float  # 0 … 1
    close: list[str] = field(default_factory=list)  # other genres nearly as likely
    scores: dict[str, float] = field(default_factory=dict)


def _compact(s: str) -> str:
    return re.sub(r"\s+", "", s)


@dataclass(frozen=True, slots=True)
class _Profile:
    genre: Genre
    title_words: dict[str, float]  # word → weight (shared with fewer genres: heavier)
    fixed: frozenset[str]  # one-line sections' examples, compacted
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
    title_sets = {g.id: words(g.name) | words(_compact(g.title_example)) for g in genres}
    df: dict[str, int] = {}
    for ws in title_sets.values():
        for w in ws:
            df[w] = df.get(w, 0) + 1
    out = []
    for g in genres:
        fixed = frozenset(
            _compact(str(s.example)).rstrip("：:，,。！!")
            for s in g.sections
            if s.kind is SectionKind.LINE and s.id != "title" and isinstance(s.example, str)
        )
        out.append(
            _Profile(
                g,
                {w: 1 / df[w] ** 2 for w in title_sets[g.id]},
                frozenset(f for f in fixed if f),
                _compact(g.name)[-4:],
            )
        )
    return tuple(out)


def profiles() -> tuple[_Profile, ...]:
    genres = _genres()
    return _profiles(tuple((g.id, g.version, id(g)) for g in genres))


def title_markers() -> tuple[str, ...]:
    """The endings of every genre's name (an article's title ends with one of them)."""
    return tuple({p.marker for p in profiles() if p.marker})


def _title_score(title: str, p: _Profile) -> float:
    total = sum(p.title_words.values())
    if not total:
        return 0.0
    found = words(_compact(title))
    return sum(w for word, w in p.title_words.items() if word in found) / total


def _titles(paras: list[Para]) -> list[str]:
    out = []
    for para in paras[:6]:
        s = para.text.strip()
        if 2 <= len(s) <= 60 and not re.search(r"[。！？；]", s) and parse_number(s) is None:
            out.append(s)
    return out[:3]


def guess_genre(paras: list[Para]) -> GenreGuess:
    """The likeliest genre of ``paras`` with its confidence and the close alternatives."""
    profs = profiles()
    if not profs:
        return GenreGuess(DEFAULT, 0.0)
    titles = _titles(paras)
    scores: dict[str, float] = {}
    short = [
        para.text.strip()
        for para in paras
        if len(para.text) <= 80 or parse_number(para.text) is not None
    ]
    fixed_lines = {_compact(t).rstrip("：:，,。！!") for t in short if len(t) <= 20}
    for p in profs:
        title = max((_title_score(t, p) for t in titles), default=0.0)
        sections: set[str] = set()
        for text in short:
            num = parse_number(text)
            sh = match_section(num.rest if num else text, p.genre)
            if sh is not None and (num is not None or len(text) <= 30 or sh.rest):
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
    return GenreGuess(best, round(top / (top + second), 2), close, scores)


def detect_genre(paras: list[Para], default: str = DEFAULT) -> str:
    """The likeliest genre's id (``default`` when nothing points anywhere)."""
    guess = guess_genre(paras)
    return guess.genre if guess.confidence > 0 else default
