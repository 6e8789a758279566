"""Genres without headings (思想汇报): the letter's fixed lines and its free paragraphs.

A genre whose body is several paragraph sections without printed headings (开头, 学习和
思想认识, 工作和生活中的表现, 不足和改进, 结尾) gets a document's paragraphs distributed
over them in order: each paragraph scores on each section's own words (its ``label``
weighing most, then ``guidance`` and ``prompts``; a word shared by several sections
weighing less; the paragraph's first sentence counting twice), the
first paragraph is the opening, the last leans to the ending, and the sections follow the
genre's order (a dynamic programme picks the best order-keeping assignment).

The letter's fixed lines the exporters print themselves (the genre's ``layout``:
salutation 敬爱的党组织：, closing 此致 / 敬礼！) are taken out and reported.
"""

from __future__ import annotations

import re

from ..genre import Genre, SectionKind
from .signals import signals
from .vocabulary import words

_PUNCT = re.compile(r"[\s：:，,。！!、]+")
_FIRST = re.compile(r"[。！？；：]")
_CLAUSE = re.compile(r"[，,。！？；：]")


_LINES: dict[int, tuple[object, dict[str, str]]] = {}


def layout_lines(genre: Genre) -> dict[str, str]:
    """Compacted fixed line → what it is (salutation / closing), from the genre's layout."""
    cached = _LINES.get(id(genre))
    if cached is not None and cached[0] is genre:
        return cached[1]
    out = _layout_lines(genre)
    _LINES[id(genre)] = (genre, out)
    return out


def _layout_lines(genre: Genre) -> dict[str, str]:
    lay = getattr(genre, "layout", None)
    if lay is None:
        return {}
    out: dict[str, str] = {}
    salutation = getattr(lay, "salutation", "") or ""
    if salutation:
        out[_PUNCT.sub("", salutation)] = "称呼"
    closing = [getattr(c, "text", c) for c in getattr(lay, "closing", []) or []]
    for text in closing:
        if isinstance(text, str) and text:
            out[_PUNCT.sub("", text)] = "结束语"
    if len(closing) > 1:
        out[_PUNCT.sub("", "".join(str(t) for t in closing))] = "结束语"
    return out


def fixed_line(text: str, genre: Genre) -> str | None:
    """What the line is when it is one of the genre's fixed letter lines."""
    lines = layout_lines(genre)
    if not lines or len(text) > 20:
        return None
    return lines.get(_PUNCT.sub("", text))


def free_sections(genre: Genre) -> list[str]:
    """The genre's paragraph sections without a printed heading (title excluded)."""
    return [s.id for s in genre.sections if s.kind is SectionKind.PARAGRAPHS and not s.heading]


def unheaded_after_opening(genre: Genre, filled: set[str]) -> list[str]:
    """The headed paragraph sections right after the opening that got nothing: when the
    opening holds a line ending in a colon (a form's “自评内容：”, “现报告如下：”) and
    paragraphs after it, those may belong there."""
    ids = genre.section_ids
    specs = {s.id: s for s in genre.sections}
    free = free_sections(genre)
    if len(free) != 1 or free[0] not in ids:
        return []
    out = []
    for sid in ids[ids.index(free[0]) + 1 :]:
        spec = specs[sid]
        if spec.kind is not SectionKind.PARAGRAPHS or not spec.heading or sid in filled:
            break
        out.append(sid)
    return out


_VOCAB: dict[tuple[int, str, tuple[str, ...]], list[dict[str, float]]] = {}


def _vocab(genre: Genre, ids: list[str]) -> list[dict[str, float]]:
    key = (id(genre), genre.id, tuple(ids))
    if key in _VOCAB:
        return _VOCAB[key]
    sets, labels = [], []
    for sid in ids:
        spec = genre.section(sid)
        sets.append(words(" ".join([spec.guidance, *spec.prompts])))
        name = getattr(spec, "label", "") or " ".join([spec.heading or "", *spec.aliases])
        labels.append(words(name))
    df: dict[str, int] = {}
    for ws in sets:
        for w in ws:
            df[w] = df.get(w, 0) + 1
    out = []
    for ws, label in zip(sets, labels, strict=True):
        weights = {w: 1 / df[w] ** 2 for w in ws}
        for w in label:  # the section's own name: 不足和改进, 学习和思想认识
            weights[w] = weights.get(w, 0.0) + 3 / max(1, sum(w in other for other in labels))
        out.append(weights)
    _VOCAB[key] = out
    return out


def distribute(
    paras: list[str], genre: Genre, ids: list[str] | None = None, stay: float = 0.0
) -> dict[str, list[str]]:
    """The paragraphs spread over the genre's free sections (or ``ids``), keeping their
    order; ``stay``: what a paragraph must score more elsewhere to leave the first."""
    ids = ids or free_sections(genre)
    if len(ids) < 2 or len(paras) < 2:
        return {ids[0]: list(paras)} if ids else {}
    vocab = _vocab(genre, ids)
    n, k = len(paras), len(ids)
    score = [[0.0] * k for _ in range(n)]
    synonyms = signals().free_synonyms
    bags = []
    for text in paras:
        ws = words(text)
        for key, same in synonyms.items():
            if key in text:
                for w in same:
                    ws |= words(w)
        bags.append(ws)
    # a word found in most paragraphs of this letter (学习 in a student's) tells the
    # paragraphs apart less than one found in a single paragraph
    seen: dict[str, int] = {}
    for ws in bags:
        for w in ws:
            seen[w] = seen.get(w, 0) + 1
    for i, text in enumerate(paras):
        ws = bags[i]
        lead = words(_FIRST.split(text, 1)[0])  # the opening words carry the topic
        topic = words(_CLAUSE.split(text, 1)[0])  # “我的不足是……”, “在工作中，……”
        norm = max(1.0, len(ws)) ** 0.5
        for j in range(k):
            v = vocab[j]
            total = 0.0
            for w in ws:
                if w in v:
                    total += v[w] * ((w in lead) + (w in topic) + 1) / seen[w]
            score[i][j] = total / norm
    if stay:
        for row in score:
            row[0] += stay
    else:
        score[0][0] += 1e6  # the first paragraph opens the letter
    if n >= 3 and not stay:
        score[n - 1][k - 1] += 0.3  # the last one usually closes it
    # best[i][j]: the best total for paragraphs 0..i with paragraph i in section j
    best = [[-1e18] * k for _ in range(n)]
    back = [[0] * k for _ in range(n)]
    best[0] = [score[0][j] for j in range(k)]
    for i in range(1, n):
        run, arg = -1e18, 0
        for j in range(k):
            if best[i - 1][j] > run:
                run, arg = best[i - 1][j], j
            best[i][j] = run + score[i][j]
            back[i][j] = arg
    j = max(range(k), key=lambda x: best[n - 1][x])
    chosen = [0] * n
    for i in range(n - 1, -1, -1):
        chosen[i] = j
        j = back[i][j]
    out: dict[str, list[str]] = {sid: [] for sid in ids}
    for text, j in zip(paras, chosen, strict=True):
        out[ids[j]].append(text)
    return out
