"""Copy detection for a class: character n-gram shingles, MinHash + LSH, exact verification.

Each draft's text (section by section, whitespace and punctuation removed) is cut into
character n-grams. Every section long enough gets a MinHash (datasketch) and goes into one
MinHash LSH index, so a pair of drafts becomes a *candidate* when any section of one is
close to any section of the other — whole copies and a single copied section alike —
without comparing all pairs. Candidates are then verified exactly on the whole texts
(Jaccard similarity and containment of the shingle sets) and their shared passages found
from the runs of shingles they have in common. References (the genre's worked example and published
examples) are compared with every draft, never with each other.

All thresholds live in :class:`Thresholds`; nothing here knows about widgets or files.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..draft import Draft
from ..genre import Genre, load_genre
from .shingles import Doc, Passage, doc_from_draft, prepare, shared_passages, shingle_hashes


@dataclass(frozen=True)
class Thresholds:
    """When two texts count as copied. Similarities are in 0..1, lengths in characters
    (counted after removing whitespace and punctuation)."""

    ngram: int = 8  # shingle length
    similarity: float = 0.5  # flag: Jaccard similarity of the whole texts ≥ this
    containment: float = 0.6  # flag: this share of the shorter text also occurs in the other
    min_shared: int = 300  # flag: shared passages (each ≥ min_passage) add up to ≥ this
    min_passage: int = 30  # shared passages shorter than this are not listed
    lsh_threshold: float = 0.4  # candidate sections: estimated Jaccard ≥ this
    num_perm: int = 64  # MinHash permutations
    min_section: int = 40  # sections shorter than this are not indexed on their own
    min_chars: int = 200  # similarity and containment only count for texts at least this long
    common_share: float = 0.25  # a passage in this share of the class (and in ≥ 4 drafts)
    # is a stock phrase everyone uses, not evidence of copying: shown, not counted


@dataclass
class Pair:
    """A flagged pair: ``a`` is always a draft; ``b`` a draft or a reference example."""

    a: str
    b: str
    student_a: str
    student_b: str
    kind: str  # "draft" (two drafts of the class) or "example" (a draft and a reference)
    similarity: float  # Jaccard similarity of the shingle sets
    containment: float  # share of the shorter text's shingles found in the other
    shared_chars: int  # total length of the listed passages
    passages: list[Passage] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)  # Chinese, why the pair was flagged

    def to_dict(self) -> dict[str, object]:
        return {
            "a": self.a,
            "b": self.b,
            "student_a": self.student_a,
            "student_b": self.student_b,
            "kind": self.kind,
            "similarity": round(self.similarity, 3),
            "containment": round(self.containment, 3),
            "shared_chars": self.shared_chars,
            "reasons": self.reasons,
            "passages": [p.to_dict() for p in self.passages],
        }


class Detector:
    """Indexes drafts and references, then lists flagged pairs.

    >>> det = Detector(Thresholds(similarity=0.4))
    >>> det.add_draft("张三.json", "张三", draft)          # doctest: +SKIP
    >>> det.add_reference("范文：党性分析", "文体范文", example)  # doctest: +SKIP
    >>> pairs = det.pairs()                                # doctest: +SKIP
    """

    def __init__(self, thresholds: Thresholds | None = None) -> None:
        from datasketch import MinHash

        self.t = thresholds or Thresholds()
        self.docs: list[Doc] = []
        # MinHash signatures are computed vectorised here (multiply-shift hashing of the
        # 64-bit shingle hashes), then wrapped in datasketch MinHash objects for its LSH:
        # datasketch's own update_batch calls a Python hash function per shingle.
        rng = np.random.default_rng(7)
        self._a = rng.integers(1, 2**63, size=self.t.num_perm, dtype=np.uint64) | np.uint64(1)
        self._b = rng.integers(0, 2**63, size=self.t.num_perm, dtype=np.uint64)
        self._proto = MinHash(num_perm=self.t.num_perm, seed=7, scheme="affine32")
        self._minhashes: list[tuple[int, str, Any]] = []  # (doc index, section, MinHash)

    def signature(self, hashes: Any) -> Any:
        if not len(hashes):  # an empty text matches nothing
            return np.full(self.t.num_perm, np.iinfo(np.uint32).max, dtype=np.uint32)
        if len(hashes) > 4 * self.t.num_perm:
            # Long texts: MinHash a consistent quarter of the shingles (those whose hash is
            # 0 mod 4) — the same shingle is kept or dropped in every text, so Jaccard
            # estimates stay unbiased at a quarter of the cost. Verification is exact.
            sampled = hashes[(hashes & np.uint64(3)) == 0]
            hashes = sampled if len(sampled) else hashes  # a text repeating a few n-grams
        with np.errstate(over="ignore"):
            permuted = (hashes[:, None] * self._a + self._b) >> np.uint64(32)
        return permuted.min(axis=0).astype(np.uint32)

    def _minhash(self, hashes: Any) -> Any:
        from datasketch import MinHash

        return MinHash(
            hashvalues=self.signature(hashes) if len(hashes) else self._proto.hashvalues,
            permutations=self._proto.permutations,
            scheme="affine32",
        )

    def add(self, doc: Doc) -> None:
        t = self.t
        n = len(self.docs)
        self.docs.append(doc)
        hashes = shingle_hashes(doc.norm, t.ngram)
        doc.hashes = hashes
        sigs = []
        for sid, (start, end) in doc.section_norms.items():
            if end - start < max(t.min_section, t.ngram):
                continue
            mh = self._minhash(hashes[start : end - t.ngram + 1])
            sigs.append(mh.hashvalues)
            self._minhashes.append((n, sid, mh))
        # the signature of a union is the element-wise minimum of the parts' signatures
        doc.signature = np.minimum.reduce(sigs) if sigs else self.signature(hashes)

    def add_draft(self, key: str, label: str, draft: Draft) -> None:
        self.add(doc_from_draft(key, label, draft))

    def add_reference(self, key: str, label: str, draft: Draft) -> None:
        self.add(doc_from_draft(key, label, draft, reference=True))

    def _shingles(self, doc: Doc) -> set[int]:
        if not doc.shingles and doc.hashes is not None and len(doc.hashes):
            doc.shingles = set(doc.hashes.tolist())
        return doc.shingles

    def candidates(self) -> set[tuple[int, int]]:
        """Pairs of doc indices (i < j, at least one a draft) worth verifying."""
        from datasketch import MinHashLSH

        lsh = MinHashLSH(threshold=self.t.lsh_threshold, num_perm=self.t.num_perm)
        for k, (_, _, mh) in enumerate(self._minhashes):
            lsh.insert(k, mh)
        out: set[tuple[int, int]] = set()
        for i, _sid, mh in self._minhashes:
            for k in lsh.query(mh):
                j = self._minhashes[k][0]
                if i == j or (self.docs[i].reference and self.docs[j].reference):
                    continue
                out.add((min(i, j), max(i, j)))
        return out

    def verify(self, i: int, j: int) -> Pair | None:
        t = self.t
        a, b = self.docs[i], self.docs[j]
        if a.reference:  # keep the draft first
            a, b = b, a
        # cheap gate on the MinHash estimate before exact set arithmetic
        est = float(np.mean(a.signature == b.signature))
        est_inter = est / (1 + est) * (len(a.hashes) + len(b.hashes))
        per_char = (t.min_passage - t.ngram + 1) / t.min_passage
        needed = min(
            t.similarity / (1 + t.similarity) * (len(a.hashes) + len(b.hashes)),
            t.containment * min(len(a.hashes), len(b.hashes)),
            t.min_shared * per_char,
        )
        if est_inter < 0.5 * needed:
            return None
        sa, sb = self._shingles(a), self._shingles(b)
        inter = len(sa & sb)
        if not inter:
            return None
        jaccard = inter / (len(sa) + len(sb) - inter)
        containment = inter / min(len(sa), len(sb))
        # A passage of L ≥ min_passage characters gives L - ngram + 1 shared shingles, so
        # fewer shared shingles than this cannot add up to min_shared: skip the slow diff.
        may_share = inter >= t.min_shared * per_char
        if jaccard < t.similarity and containment < t.containment and not may_share:
            return None
        passages = shared_passages(a, b, t.min_passage, t.ngram)
        self._mark_common(passages)
        shared = sum(p.length for p in passages if not p.common)
        if shared < t.min_passage:  # e.g. two drafts holding only the same stock sentence
            return None
        reasons = []
        # ratios of tiny texts mean little: two one-sentence drafts are "100 % similar"
        long_enough = min(len(a.norm), len(b.norm)) >= t.min_chars
        if long_enough and jaccard >= t.similarity:
            reasons.append(f"整体相似度 {jaccard:.0%}，达到阈值 {t.similarity:.0%}")
        if long_enough and containment >= t.containment:
            reasons.append(f"较短一篇有 {containment:.0%} 的内容与另一篇相同")
        if shared >= t.min_shared:
            reasons.append(f"相同段落共 {shared} 字（阈值 {t.min_shared} 字）")
        if not reasons:
            return None
        return Pair(
            a=a.key,
            b=b.key,
            student_a=a.label,
            student_b=b.label,
            kind="example" if b.reference else "draft",
            similarity=jaccard,
            containment=containment,
            shared_chars=shared,
            passages=passages,
            reasons=reasons,
        )

    def _mark_common(self, passages: list[Passage]) -> None:
        drafts = [d for d in self.docs if not d.reference]
        limit = max(4, self.t.common_share * len(drafts))
        if len(drafts) < limit:
            return
        for p in passages:
            p.common = sum(1 for d in drafts if p.norm in d.norm) >= limit

    def pairs(self) -> list[Pair]:
        found = [p for i, j in sorted(self.candidates()) if (p := self.verify(i, j)) is not None]
        found.sort(key=lambda p: (-max(p.similarity, p.containment), p.a, p.b))
        return found


def genre_example(genre: Genre) -> Draft:
    return genre.example_draft()


def compare_class(
    drafts: Sequence[tuple[str, str, Draft]],
    references: Sequence[tuple[str, str, Draft]] = (),
    thresholds: Thresholds | None = None,
    *,
    genre_examples: bool = True,
) -> list[Pair]:
    """Flagged pairs among ``drafts`` ((file, student, draft) triples) and between each draft
    and ``references``. With ``genre_examples`` the worked example of every genre the class
    uses is added as a reference."""
    det = Detector(thresholds)
    for key, label, draft in drafts:
        det.add_draft(key, label, draft)
    if genre_examples:
        for gid in sorted({d.genre for _, _, d in drafts}):
            try:
                g = load_genre(gid)
            except Exception:
                continue
            for n, ex in enumerate(g.examples):  # every worked example of the genre
                key = f"范文：{g.name}" + (f"（{ex.name}）" if n else "")
                det.add_reference(key, f"“{g.name}”范例：{ex.name}", g.example_draft(ex.id))
    for key, label, draft in references:
        det.add_reference(key, label, draft)
    return det.pairs()


__all__ = [
    "Detector",
    "Doc",
    "Pair",
    "Passage",
    "Thresholds",
    "compare_class",
    "genre_example",
    "prepare",
    "shared_passages",
]
