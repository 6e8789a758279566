"""What a problem item is about: categories from a taxonomy kept as data, with the words
that decided, and whether the item gives a concrete example.

The taxonomy is ``templates/categories/problems.yaml`` (instructors edit it; format in
``templates/categories/README.md``): per category, keywords and phrases with weights. An
item scores each category by the weights of the keywords it contains (each once; a keyword
in the heading counts ``heading_weight`` times); it gets every category that reaches
``min_score`` and ``share`` of the best score. No widgets, no files but the data file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .draft import Draft, Item
from .errors import PartybookError


class CategorySpec(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=r"^[a-z][a-z0-9_-]*$")
    name: str
    keywords: dict[str, float]


class RequiredGroup(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str
    categories: list[str]


class Taxonomy(BaseModel):
    model_config = ConfigDict(extra="forbid")
    min_score: float = 2
    share: float = 0.5
    # the least weight of a keyword that decides a category alone; a category whose only
    # keyword found is lighter (a hint such as 学习, 技术, 居民) needs a second one
    strong: float = 2
    heading_weight: float = 2
    sections: list[str] = Field(default_factory=lambda: ["problems"])
    categories: list[CategorySpec]
    required: list[RequiredGroup] = Field(default_factory=list)
    example_patterns: list[str] = Field(default_factory=list)
    # the back-off for items with no keyword found: a file of learnt character pairs beside
    # this one (partybook/category_pairs.py), and the least score it must reach
    learned: str | None = None
    learned_min: float = 2

    def name_of(self, cid: str) -> str:
        return next((c.name for c in self.categories if c.id == cid), cid)


def taxonomy_path() -> Path:
    from .paths import templates_dir

    return templates_dir() / "categories" / "problems.yaml"


@lru_cache(maxsize=4)
def _load(path: str, mtime: float) -> tuple[Taxonomy, re.Pattern[str] | None, _Matcher | None]:
    from .datafile import read_yaml
    from .validation import zh_reason

    data = read_yaml(path, "问题类别文件")
    try:
        tax = Taxonomy.model_validate(data)
    except ValidationError as err:
        first = err.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise PartybookError(f"问题类别文件 {path} 的 {where} 有误：{zh_reason(first)}。") from None
    ids = {c.id for c in tax.categories}
    for g in tax.required:
        unknown = [c for c in g.categories if c not in ids]
        if unknown:
            raise PartybookError(
                f"问题类别文件 {path}：必备类别“{g.name}”中的 {'、'.join(unknown)} 不是已定义的类别。"
            )
    try:
        example = (
            re.compile("|".join(f"(?:{p})" for p in tax.example_patterns))
            if tax.example_patterns
            else None
        )
    except re.error as err:
        raise PartybookError(
            f"问题类别文件 {path} 的 example_patterns 中有错误的正则表达式：{err}。"
        ) from None
    matcher = _Matcher.of(tax)
    if matcher is not None and tax.learned:
        beside = Path(path).parent / tax.learned
        # an instructor's copy of problems.yaml elsewhere still finds the shipped pairs
        shipped = taxonomy_path().parent / tax.learned
        matcher.pairs = _learned(beside if beside.exists() else shipped, ids)
    return tax, example, matcher


def _learned(path: Path, ids: set[str]) -> dict[str, dict[str, float]]:
    from .datafile import read_yaml

    data = read_yaml(str(path), "问题类别的字组权重文件")
    if not isinstance(data, dict) or not all(
        isinstance(t, dict) and all(isinstance(w, int | float) for w in t.values())
        for t in data.values()
    ):
        raise PartybookError(
            f"字组权重文件 {path} 格式有误：应为“类别: {{字组: 权重}}”。请重新生成该文件。"
        )
    unknown = sorted(set(data) - ids)
    if unknown:
        raise PartybookError(
            f"字组权重文件 {path} 中的 {'、'.join(unknown)} 不是已定义的类别。请重新生成该文件。"
        )
    return data


# 的 and quotation marks are dropped from keywords and texts alike before matching, so a
# keyword matches with or without them (身边工作人员 finds 身边的工作人员, 精神缺钙 finds
# 精神“缺钙”: this genre quotes catchwords inside otherwise plain phrases).
_FILLER = str.maketrans("", "", "的“”‘’\"'「」『』")


def _plain(text: str) -> str:
    return text.translate(_FILLER)


@dataclass
class _Matcher:
    """Every keyword of every category in one automaton (one pass over a text finds them
    all) and, per keyword as matched (without 的), the categories it signals: their index
    and the keyword as the taxonomy writes it (the heaviest, if two differ only by 的)."""

    automaton: Any
    index: dict[str, dict[int, str]]
    pairs: dict[str, dict[str, float]] = field(default_factory=dict)  # learnt back-off

    @classmethod
    def of(cls, tax: Taxonomy) -> _Matcher | None:
        from ahocorasick_rs import AhoCorasick

        index: dict[str, dict[int, str]] = {}
        for n, c in enumerate(tax.categories):
            for w, weight in c.keywords.items():
                key = _plain(w)
                if not key:
                    continue
                known = index.setdefault(key, {}).get(n)
                if known is None or c.keywords[known] < weight:
                    index[key][n] = w
        return cls(AhoCorasick(sorted(index)), index) if index else None


def _loaded(path: str | Path | None) -> tuple[Taxonomy, re.Pattern[str] | None, Any]:
    p = Path(path) if path else taxonomy_path()
    try:
        mtime = p.stat().st_mtime
    except OSError:
        mtime = 0.0
    return _load(str(p), mtime)


def taxonomy(path: str | Path | None = None) -> tuple[Taxonomy, re.Pattern[str] | None]:
    """The taxonomy and the compiled concrete-example pattern (cached by file time)."""
    tax, example, _ = _loaded(path)
    return tax, example


# "不是能力不足，而是担当不够", "问题不在于…，而在于…": what comes between 不是/并非/不在于
# and 而是/而在于 is what the item is not about; it is blanked before matching (same length,
# so nothing else moves).
# "不缺为民情怀，缺的是办法" likewise.
_NOT_BUT = re.compile(
    r"(?:不是|并非|并不是|不在于)([^。；！？\n]{1,40}?)(?=[，,、]?\s*而(?:是|在于))"
    r"|(?:不缺|并不缺)(?:少|乏)?([^。；！？\n]{1,40}?)(?=[，,、]?\s*缺的是)"
)


def _blank(m: re.Match[str]) -> str:
    n = 1 if m.group(1) is not None else 2
    return m.group(0)[: m.start(n) - m.start(0)] + "　" * len(m.group(n))


def _said(text: str) -> str:
    if "而是" not in text and "而在于" not in text and "缺的是" not in text:
        return text
    return _NOT_BUT.sub(_blank, text)


def _found(text: str, matcher: _Matcher | None) -> set[str]:
    if matcher is None or not text:
        return set()
    found = matcher.automaton.find_matches_as_strings(_plain(_said(text)), overlapping=True)
    return set(found)


@dataclass
class Assigned:
    id: str
    name: str  # Chinese display name
    score: float
    words: list[str]  # the keywords that decided, strongest first
    learned: bool = False  # no keyword found: the words are learnt character pairs


@dataclass
class ItemCategories:
    section: str
    item: int  # index in the section
    point: int | None  # index of the point inside a grouped item
    heading: str
    categories: list[Assigned] = field(default_factory=list)
    concrete: bool = True  # gives a date, a number or a named event

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.categories]

    def to_dict(self) -> dict[str, Any]:
        return {
            "section": self.section,
            "item": self.item,
            "point": self.point,
            "heading": self.heading,
            "categories": [
                {
                    "id": c.id,
                    "name": c.name,
                    "score": c.score,
                    "words": c.words,
                    "learned": c.learned,
                }
                for c in self.categories
            ],
            "concrete": self.concrete,
        }


def _longest(words: set[str]) -> set[str]:
    """A keyword inside a longer keyword found in the same text counts once, as the longer
    one (学习不够 found: 学习 is not counted again)."""
    if len(words) < 2:
        return set(words)
    kept: list[str] = []
    for w in sorted(
        words, key=len, reverse=True
    ):  # a word inside a dropped one is inside a kept one
        if not any(w in o for o in kept):
            kept.append(w)
    return set(kept)


Loaded = tuple[Taxonomy, "re.Pattern[str] | None", Any]


def categorise(heading: str, body: str, path: str | Path | None = None) -> list[Assigned]:
    """The categories of one problem item, best first, each with the words that decided."""
    return _categorise(_loaded(path), heading, body)


def _categorise(loaded: Loaded, heading: str, body: str) -> list[Assigned]:
    tax, _, matcher = loaded
    if matcher is None:
        return []
    # a keyword inside a longer one found in the same text, of any category, counts only as
    # the longer (马克思主义信仰 is about belief, not about theory study)
    # the heading's and the body's words together: 家长 in the body is the 学生家长 of the
    # heading, said again
    heading_words = _longest(_found(heading, matcher))
    body_words = _longest(_found(body, matcher))
    longest = _longest(heading_words | body_words)
    body_words &= longest
    # per category (by index): its keywords found in the heading and in the body
    hits: dict[int, tuple[set[str], set[str]]] = {}
    for words, where in ((heading_words, 0), (body_words, 1)):
        for w in words:
            for n, written in matcher.index[w].items():
                hits.setdefault(n, (set(), set()))[where].add(written)
    scores: list[Assigned] = []
    for n, (h, b) in sorted(hits.items()):
        c = tax.categories[n]
        in_heading, in_body = h, b - h
        words = in_heading | in_body
        if len(words) < 2 and max(c.keywords[w] for w in words) < tax.strong:
            continue  # one hint, however placed, is not a category
        score = sum(c.keywords[w] * (tax.heading_weight if w in in_heading else 1) for w in words)
        if score:
            ranked = sorted(words, key=lambda w: (-c.keywords[w], -len(w), w))
            scores.append(Assigned(c.id, c.name, score, ranked))
    if not scores:
        return _backed_off(loaded, heading, body)
    scores.sort(key=lambda s: -s.score)  # stable: ties keep the taxonomy's order
    best = scores[0].score
    kept = [s for s in scores if s.score >= tax.min_score and s.score >= tax.share * best]
    return kept or _backed_off(loaded, heading, body)


def _backed_off(loaded: Loaded, heading: str, body: str) -> list[Assigned]:
    """No category reached by keywords: the one the learnt character pairs point to, if they
    point firmly enough."""
    tax, _, matcher = loaded
    if matcher is None or not matcher.pairs:
        return []
    from .category_pairs import best

    found = best(matcher.pairs, _said(heading), _said(body), tax.heading_weight)
    if found is None or found[1] < tax.learned_min:
        return []
    cid, score, words = found
    return [Assigned(cid, tax.name_of(cid), round(score, 2), words[:6], learned=True)]


def concrete(text: str, path: str | Path | None = None) -> bool:
    """Whether ``text`` gives a date, a number or a named event."""
    return _concrete(_loaded(path), text)


def _concrete(loaded: Loaded, text: str) -> bool:
    example = loaded[1]
    return example is None or bool(example.search(text))


def problem_items(draft: Draft, path: str | Path | None = None) -> list[ItemCategories]:
    """Every problem item of the draft (each point of a grouped item on its own, the aspect's
    heading as context) with its categories."""
    return _problem_items(_loaded(path), draft)


def _problem_items(loaded: Loaded, draft: Draft) -> list[ItemCategories]:
    out: list[ItemCategories] = []
    for sid in loaded[0].sections:
        for i, item in enumerate(draft.items(sid)):
            if item.items:
                for k, point in enumerate(item.items):
                    out.append(_classify(loaded, sid, i, k, point, item.heading))
            elif not item.is_empty():
                out.append(_classify(loaded, sid, i, None, item, ""))
    return out


def _classify(
    loaded: Loaded, sid: str, i: int, k: int | None, item: Item, context: str
) -> ItemCategories:
    cats = _categorise(loaded, item.heading, item.body)
    if not cats and context:  # a point too short to tell: the aspect it answers
        cats = _categorise(loaded, context, "")
    concrete_ = _concrete(loaded, f"{item.heading}\n{item.body}")
    return ItemCategories(sid, i, k, item.heading, cats, concrete_)


@dataclass
class Profile:
    """A draft's problems at a glance (the class report's columns)."""

    categories: list[str]  # display names, in taxonomy order, each once
    missing: list[str]  # required groups no problem touches (e.g. 政治, 纪律)
    no_example: list[int]  # indexes (1-based, in draft order) of problems without an example
    items: list[ItemCategories]


def profile(draft: Draft, path: str | Path | None = None) -> Profile:
    loaded = _loaded(path)
    tax = loaded[0]
    items = _problem_items(loaded, draft)
    ids = {c.id for it in items for c in it.categories}
    names = [c.name for c in tax.categories if c.id in ids]
    missing = [g.name for g in tax.required if items and not ids & set(g.categories)]
    no_example = [n for n, it in enumerate(items, 1) if not it.concrete]
    return Profile(names, missing, no_example, items)
