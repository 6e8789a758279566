"""Texts prepared for copy detection and the passages two of them share.

A text is normalised (whitespace and punctuation removed, each character's place in the
original kept), cut into character n-gram shingles hashed with a rolling hash (numpy), and
two texts' common runs of shingles become :class:`Passage` s in the original wording.
:mod:`partybook.classroom.similarity` indexes and verifies the pairs.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..draft import Draft
from ..genre import Genre, load_genre


@dataclass
class Passage:
    """A passage two texts share: the original wording on each side and where it is."""

    length: int  # characters in common (punctuation and spaces not counted)
    text_a: str
    text_b: str
    section_a: str
    section_b: str
    norm: str = ""  # the passage without punctuation (what was compared)
    common: bool = False  # a stock phrase found in many drafts of the class: not counted

    def to_dict(self) -> dict[str, object]:
        return {
            "length": self.length,
            "common": self.common,
            "text_a": self.text_a,
            "text_b": self.text_b,
            "section_a": self.section_a,
            "section_b": self.section_b,
        }


@dataclass
class Doc:
    """A text prepared for comparison."""

    key: str  # file name (drafts) or "范文：…" (references)
    label: str  # student name or example name
    reference: bool
    text: str  # the sections' texts joined by newlines
    norm: str  # text without whitespace and punctuation
    spans: list[tuple[int, str]]  # (norm start, section id), ascending
    section_norms: dict[str, tuple[int, int]]  # section id → (start, end) in norm
    hashes: Any = None  # numpy uint64 array: one hash per n-gram position
    signature: Any = None  # whole-text MinHash signature
    shingles: set[int] = field(default_factory=set)
    _runs: list[tuple[int, int]] | None = None  # (norm start, text start) of unbroken runs

    def section_at(self, pos: int) -> str:
        k = bisect_right(self.spans, (pos, "\uffff")) - 1
        return self.spans[k][1] if k >= 0 else ""

    def _text_pos(self, pos: int) -> int:
        if self._runs is None:  # built on demand: only flagged pairs need the original wording
            self._runs = []
            npos = 0
            for m in _WORD.finditer(self.text):
                self._runs.append((npos, m.start()))
                npos += m.end() - m.start()
        k = bisect_right(self._runs, (pos, 1 << 62)) - 1
        norm_start, text_start = self._runs[k]
        return text_start + pos - norm_start

    def original(self, start: int, end: int) -> str:
        """The original wording (with punctuation) of norm[start:end]."""
        return self.text[self._text_pos(start) : self._text_pos(end - 1) + 1]


_WORD = re.compile(r"[^\W_]+")  # letters (CJK included) and digits
_NOT_WORD = re.compile(r"[\W_]+")


def _section_texts(draft: Draft, genre: Genre | None) -> list[tuple[str, str]]:
    ids = [s.id for s in genre.content_sections()] if genre else list(draft.sections)
    ids += [k for k in draft.sections if k not in ids]
    return [(sid, draft.text_of(sid)) for sid in ids]


def prepare(key: str, label: str, sections: Iterable[tuple[str, str]], reference: bool) -> Doc:
    parts: list[str] = []
    pieces: list[str] = []
    spans: list[tuple[int, str]] = []
    section_norms: dict[str, tuple[int, int]] = {}
    npos = 0
    for sid, text in sections:
        norm = _NOT_WORD.sub("", text)
        if not norm:
            continue
        parts.append(text)
        spans.append((npos, sid))
        pieces.append(norm)
        section_norms[sid] = (npos, npos + len(norm))
        npos += len(norm)
    return Doc(
        key=key,
        label=label,
        reference=reference,
        text="\n".join(parts),
        norm="".join(pieces),
        spans=spans,
        section_norms=section_norms,
    )


def doc_from_draft(key: str, label: str, draft: Draft, reference: bool = False) -> Doc:
    try:
        genre: Genre | None = load_genre(draft.genre)
    except Exception:  # an unknown genre still compares, section by section
        genre = None
    return prepare(key, label, _section_texts(draft, genre), reference)


_MULT = np.uint64(0x100000001B3)  # FNV-style odd multiplier for the rolling n-gram hash


def shingle_hashes(norm: str, n: int) -> Any:
    """64-bit hashes of the character n-grams, one per position (numpy, vectorised)."""
    codes = np.frombuffer(norm.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    m = len(codes) - n + 1
    if m <= 0:
        return codes[:0] if not len(codes) else _mix(codes.sum(keepdims=True))
    h = np.zeros(m, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for k in range(n):
            h = h * _MULT + codes[k : k + m]
    return _mix(h)


def _mix(h: Any) -> Any:
    """splitmix64 finaliser: spreads the bits so the low half is as good as the high."""
    with np.errstate(over="ignore"):
        h = h ^ (h >> np.uint64(30))
        h = h * np.uint64(0xBF58476D1CE4E5B9)
        h = h ^ (h >> np.uint64(27))
        h = h * np.uint64(0x94D049BB133111EB)
        return h ^ (h >> np.uint64(31))


def _cuts(doc: Doc, lo: int, hi: int) -> list[int]:
    return [start for start, _ in doc.spans if lo < start < hi]


def _runs(a: Doc, b: Doc, n: int) -> list[tuple[int, int, int]]:
    """(start in a, start in b, length) of stretches where consecutive n-grams of ``a`` are
    consecutive n-grams of ``b`` — found through the shingle hashes, in any order (a passage
    moved to another section is still found), text-checked against hash collisions."""
    if a.hashes is None or b.hashes is None:
        a.hashes, b.hashes = shingle_hashes(a.norm, n), shingle_hashes(b.norm, n)
    bh = b.hashes.tolist()
    first: dict[int, int] = {}
    for j, h in enumerate(bh):
        first.setdefault(h, j)
    runs: list[tuple[int, int, int]] = []
    start_a = start_b = prev_j = -2
    count = 0
    for i, h in enumerate(a.hashes.tolist()):
        nxt = prev_j + 1
        if count and nxt < len(bh) and bh[nxt] == h:  # the run goes on in b as well
            count += 1
            prev_j = nxt
            continue
        if count:
            runs.append((start_a, start_b, count + n - 1))
        j = first.get(h, -1)
        count = 1 if j >= 0 else 0
        start_a, start_b, prev_j = i, j, j
    if count:
        runs.append((start_a, start_b, count + n - 1))
    return [r for r in runs if a.norm[r[0] : r[0] + r[2]] == b.norm[r[1] : r[1] + r[2]]]


def shared_passages(a: Doc, b: Doc, min_len: int, n: int = 8) -> list[Passage]:
    """Passages of at least ``min_len`` characters found in both texts, in a's order.
    A passage never runs across a section boundary of either text."""
    out: list[Passage] = []
    for lo_a, lo_b, size in _runs(a, b, n):
        if size < min_len:
            continue
        lo, hi = lo_a, lo_a + size
        shift = lo_b - lo_a
        cuts = sorted({*_cuts(a, lo, hi), *(c - shift for c in _cuts(b, lo + shift, hi + shift))})
        for start, end in zip([lo, *cuts], [*cuts, hi], strict=True):
            if end - start < min_len:
                continue
            out.append(
                Passage(
                    length=end - start,
                    text_a=a.original(start, end),
                    text_b=b.original(start + shift, end + shift),
                    section_a=a.section_at(start),
                    section_b=b.section_at(start + shift),
                    norm=a.norm[start:end],
                )
            )
    return out
