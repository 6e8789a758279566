"""Clause formulas (两个确立, 两个维护, 两个结合, 三个务必 …): attempts at each part found
approximately, then compared with its exact wording.

An attempt is recognised two ways: its literal head (the part's ``anchor``), or its
``skeleton`` — the part's key words in order within one clause (all of them, or all but
one), in a stretch about as long as the exact text. The stretch is then aligned with the
exact text (rapidfuzz); a close one is a misquote whose message names the difference, an
equal one is a right wording. Sharing a few words (我要善于斗争, 确立了目标, 维护党的形象)
is not an attempt: too few skeleton words, or too far apart, or too unlike the exact text.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

import rjieba
from rapidfuzz.distance import Indel, Levenshtein

from .data import QUOTES, ClausePart, Misquote, NameRx, Wording, compiled, plain

_CLAUSE_END = re.compile(r"[，。；！？：,;!?:\n]")
_ENDS = frozenset("，。；！？：,;!?:\n")
_NEAR = 90  # another part of the formula within this many characters: it is being quoted
_NAME_BEFORE = 24
_REACH = 48  # an attempt at a clause part lies this close to its key word (parts ≤ 30 chars)
# How close an attempt must be to the exact text (Indel similarity, 0–1). Measured on the
# labelled sets: misquotes score 0.64–0.94, ordinary sentences sharing the words ≤ 0.82.
SIMILAR = 0.6  # an attempt among the formula's other parts or after its name
ALONE_ONE_MISSING = 0.88  # a part on its own (``alone``) that lost one of its skeleton words


@dataclass(slots=True)
class _Attempt:
    start: int
    end: int
    cp: ClausePart
    score: float  # similarity to the closest exact text
    want: str  # that text
    sure: bool  # all its skeleton words are there
    headed: bool = False  # found by the part's literal head (anchor)


def _near_name(text: str, start: int, end: int, name: NameRx) -> bool:
    intro, outro = name
    return bool(intro.search(text[max(0, start - _NAME_BEFORE) : start]) or outro.match(text, end))


def _bare(found: str, want: str) -> str:
    """``found`` without quote marks, and without 了 after a verb (确立了……) unless the
    exact text has one: narrating what was done is not changing the wording."""
    bare = plain(found)
    return bare if "了" in want else bare.replace("了", "")


def _closest(found: str, cp: ClausePart) -> tuple[float, str]:
    bare = plain(found)
    if bare in cp.part.text:
        return 1.0, bare
    return max((Indel.normalized_similarity(_bare(found, t), t), t) for t in cp.part.text)


def _without_extra(text: str, start: int, end: int, want: str) -> tuple[int, int]:
    """The stretch without words at its ends that the exact text does not have (……统一领导
    做得不够: 做得不够 is the writer's own), so the fix keeps them."""
    found = text[start:end]
    if _bare(found, want) != found:  # quote marks or 了: offsets would not match
        return start, end
    ops = Levenshtein.opcodes(found, want)
    if len(ops) > 1 and ops[-1].tag == "delete":
        end -= ops[-1].src_end - ops[-1].src_start
    if len(ops) > 1 and ops[0].tag == "delete":
        start += ops[0].src_end - ops[0].src_start
    # a subject the aligner paired with the formula's first word (我拥护… for 坚决维护…) is
    # the writer's own: the fix inserts the exact wording after it instead of replacing it
    for own in _OWN_SUBJECTS:
        if text.startswith(own, start) and not want.startswith(own) and end - start > len(own):
            start += len(own)
            break
    return start, end


_OWN_SUBJECTS = ("我们", "咱们", "自己", "我")  # longest first


def _from_anchor(text: str, cp: ClausePart, at: int) -> _Attempt:
    """The clause from the part's literal head: right when it starts with an exact text."""
    stop = _CLAUSE_END.search(text, at)
    clause = text[at : stop.start() if stop else len(text)]
    right = next((t for t in cp.part.text if _bare(clause, t).startswith(t)), None)
    if right is not None:
        return _Attempt(at, at + _raw_len(clause, len(right)), cp, 1.0, right, True, True)
    want = cp.part.text[0]
    end = at + (len(clause) if len(clause) <= len(want) + 10 else len(want))
    score, want = _closest(text[at:end], cp)
    at, end = _without_extra(text, at, end, want)
    score = 1.0 if _bare(text[at:end], want) == want else score
    return _Attempt(at, end, cp, score, want, True, True)


def _raw_len(raw: str, n: int) -> int:
    """How many characters of ``raw`` hold its first ``n`` characters without quotes."""
    seen = 0
    for i, c in enumerate(raw):
        if seen == n:
            return i
        seen += c not in QUOTES
    return len(raw)


def _chain(
    spans: list[tuple[int, int, str]], i: int, words: list[str], limit: int
) -> list[tuple[int, int, int]]:
    """Skeleton words in order from ``spans[i]`` on, as (start, end, index in the skeleton)."""
    s0, e0, w0 = spans[i]
    chain = [(s0, e0, words.index(w0))]
    for s, e, w in spans[i + 1 :]:
        if e - s0 > limit:
            break
        if s < chain[-1][1] or w not in words[chain[-1][2] + 1 :]:
            continue
        chain.append((s, e, words.index(w, chain[-1][2] + 1)))
    return chain


def _from_skeleton(text: str, cp: ClausePart, spans: list[tuple[int, int, str]]) -> list[_Attempt]:
    exact = cp.part.text[0]
    words = [w for w, _, _ in cp.skeleton]
    m = len(words)
    need = max(2, m - 1)
    spans = [sp for sp in spans if sp[2] in words]
    if len({w for _, _, w in spans}) < need:
        return []
    slack = max(4, len(exact) // 4)
    out: list[_Attempt] = []
    i = 0
    while i < len(spans):
        chain = _chain(spans, i, words, len(exact) + slack)
        if len(chain) < need:
            i += 1
            continue
        j = i + 1  # a longer run starting inside this one (确立……确立习近平……)
        while j < len(spans) and spans[j][0] < chain[-1][1]:
            other = _chain(spans, j, words, len(exact) + slack)
            chain = other if len(other) > len(chain) else chain
            j += 1
        while i < len(spans) and spans[i][0] < chain[-1][1]:
            i += 1
        attempt = _judged_stretch(text, cp, chain, slack)
        if attempt is not None:
            out.append(attempt)
    return out


def _judged_stretch(
    text: str, cp: ClausePart, chain: list[tuple[int, int, int]], slack: int
) -> _Attempt | None:
    """The stretch of text a run of skeleton words stands for, with its similarity."""
    exact, m = cp.part.text[0], len(cp.skeleton)
    (s0, _, k0), (_, e1, k1) = chain[0], chain[-1]
    if e1 - s0 > cp.skeleton[k1][2] - cp.skeleton[k0][1] + slack:
        return None  # the words are there but too far apart (维护以……为核心的党中央权威)
    if _CLAUSE_END.search(text, s0, e1):
        return None  # in different clauses
    lo, hi = s0 - cp.skeleton[k0][1], e1 + len(exact) - cp.skeleton[k1][2]
    if k0 == 0:  # its first word is there: what precedes it is the writer's, unless exact
        lo = s0 - _common_suffix(text[max(lo, 0) : s0], exact[: cp.skeleton[0][1]])
    if k1 < m - 1:  # its last word changed: the attempt runs to the end of the clause
        hi += slack
    start, end = _trimmed(text, max(lo, _clause_start(text, s0, lo)), _clause_end(text, e1, hi))
    if end - start < 2:
        return None
    score, want = _closest(text[start:end], cp)
    start, end = _without_extra(text, start, end, want)
    score = 1.0 if _bare(text[start:end], want) == want else score
    return _Attempt(start, end, cp, score, want, len(chain) == m)


def _common_suffix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def _clause_start(text: str, at: int, lo: int) -> int:
    i = at
    while i > max(lo, 0) and text[i - 1] not in _ENDS:
        i -= 1
    return i


def _clause_end(text: str, at: int, hi: int) -> int:
    i = at
    while i < min(hi, len(text)) and text[i] not in _ENDS:
        i += 1
    return i


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The stretch without quote marks at its edges (they belong to the writer's sentence)."""
    while start < end and text[start] in QUOTES:
        start += 1
    while end > start and text[end - 1] in QUOTES:
        end -= 1
    return start, end


def difference(found: str, want: str) -> str:
    """Chinese: what differs between what was written and the exact text, a changed
    character shown with the rest of its word (“勇于斗争”应为“敢于斗争”)."""
    bare, pieces = _bare(found, want), []
    for op in Levenshtein.opcodes(bare, want):
        was, right = bare[op.src_start : op.src_end], want[op.dest_start : op.dest_end]
        if op.tag == "replace":
            left, after = _word_around(want, op.dest_start, op.dest_end)
            if (
                bare[op.src_start - left : op.src_start]
                == want[op.dest_start - left : op.dest_start]
            ):
                was, right = (
                    bare[op.src_start - left : op.src_start] + was,
                    want[op.dest_start - left : op.dest_start] + right,
                )
            if bare[op.src_end : op.src_end + after] == want[op.dest_end : op.dest_end + after]:
                was, right = (
                    was + bare[op.src_end : op.src_end + after],
                    right + want[op.dest_end : op.dest_end + after],
                )
            pieces.append(f"“{was}”应为“{right}”")
        elif op.tag == "delete":
            pieces.append(f"多了“{was}”")
        elif op.tag == "insert":
            pieces.append(f"缺少“{right}”")
    if not pieces or len(pieces) > 3:
        return f"应为“{want}”"
    return "，".join(pieces)


def _word_around(text: str, start: int, end: int) -> tuple[int, int]:
    """How many characters the words of ``text`` holding ``text[start:end]`` reach before
    and after it (rjieba's segmentation)."""
    at, left, after = 0, 0, 0
    for word in rjieba.cut(text):
        lo, hi = at, at + len(word)
        at = hi
        if lo < start < hi:
            left = start - lo
        if lo < end < hi:
            after = hi - end
    return left, after


def _attempts(text: str, found_hits: dict[str, list[tuple[int, int]]]) -> list[_Attempt]:
    out: list[_Attempt] = []
    d = compiled()
    for i, (_f, parts, _name) in enumerate(d.clauses):
        for lo, hi in _around(found_hits.get(f"C{i}", []), len(text)):  # near its head's key
            for cp in parts:
                out += [_from_anchor(text, cp, m.start()) for m in cp.anchor.finditer(text, lo, hi)]
    # the skeleton's slower, approximate look only where no part is spelled out exactly
    exact = sorted((a.start, a.end) for a in out if a.score == 1.0)
    keyed = {
        i: spans
        for i in range(len(d.clauses))
        if (spans := [sp for sp in found_hits.get(f"R{i}", ()) if not _inside(sp, exact)])
    }
    for i, words in _skeleton_hits(text, keyed).items():
        if len(words) >= 2:
            for cp in d.clauses[i][1]:
                out += _from_skeleton(text, cp, words)
    return out


def _skeleton_hits(
    text: str, keyed: dict[int, list[tuple[int, int]]]
) -> dict[int, list[tuple[int, int, str]]]:
    """Skeleton words, by clause formula, near the key words of the formulas in ``keyed``:
    one automaton pass over the windows around them joined by line breaks (no word holds
    one); overlapping, so 习近平 inside 习近平新时代… counts."""
    d = compiled()
    if not keyed or d.skeleton is None:
        return {}
    windows = _around(sorted(sp for spans in keyed.values() for sp in spans), len(text))
    joined, starts, at = [], [], 0
    for lo, hi in windows:
        joined.append(text[lo:hi])
        starts.append(at)
        at += hi - lo + 1
    wanted = {f"K{i}": i for i in keyed}
    out: dict[int, set[tuple[int, int, str]]] = {}
    found = d.skeleton.find_matches_as_indexes("\n".join(joined), overlapping=True)
    for index, start, end in found:
        k = bisect_right(starts, start) - 1
        shift = windows[k][0] - starts[k]
        for group in d.skeleton_groups[index]:
            if group in wanted:
                word = (start + shift, end + shift, d.skeleton_words[index])
                out.setdefault(wanted[group], set()).add(word)
    return {i: sorted(words) for i, words in out.items()}


def _around(spans: list[tuple[int, int]], size: int) -> list[tuple[int, int]]:
    """Merged windows of ``_REACH`` characters around each span."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        lo, hi = max(0, start - _REACH), min(size, end + _REACH)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def _inside(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    """Whether ``span`` lies within one of ``spans`` (sorted by start)."""
    k = bisect_right(spans, (span[0], 1 << 60)) - 1  # the last one starting at or before it
    return k >= 0 and spans[k][1] >= span[1]


def _counts(a: _Attempt, same: list[_Attempt], starts: list[int], text: str, name: NameRx) -> bool:
    """Whether an attempt is close enough, given what is around it, to be judged
    (``same``: the attempts at the same formula, by start)."""
    if a.score == 1.0:
        return True
    near = same[bisect_left(starts, a.start - _NEAR) : bisect_right(starts, a.start + _NEAR)]
    context = any(b.cp is not a.cp and b.score >= SIMILAR for b in near) or _near_name(
        text, a.start, a.start, name
    )
    if a.headed:  # its exact head: the writer is quoting this part
        return context or a.cp.part.alone
    if context:
        return a.score >= SIMILAR
    if not a.cp.part.alone:
        return False
    return a.score >= (SIMILAR if a.sure else ALONE_ONE_MISSING)


def clause_wordings(
    text: str, found_hits: dict[str, list[tuple[int, int]]], out: list[object]
) -> None:
    """Append every clause part ``text`` spells out: a Wording when exact, a Misquote when
    it is an attempt at the part that differs from it."""
    attempts = _attempts(text, found_hits)
    if not attempts:
        return
    names = {id(f): name for f, _, name in compiled().clauses}
    by_formula: dict[int, list[_Attempt]] = {}
    for a in sorted(attempts, key=lambda a: a.start):
        by_formula.setdefault(id(a.cp.f), []).append(a)
    starts = {k: [a.start for a in v] for k, v in by_formula.items()}
    judged = [
        a
        for k, same in by_formula.items()
        for a in same
        if _counts(a, same, starts[k], text, names[k])
    ]
    # the exact wording first, then the closest: one reading per stretch of text
    judged.sort(key=lambda a: (-a.score, not a.headed, not a.sure, a.start))
    taken: list[tuple[int, int]] = []  # non-overlapping, by start
    for a in judged:
        k = bisect_left(taken, (a.start, a.end))
        if (k and taken[k - 1][1] > a.start) or (k < len(taken) and taken[k][0] < a.end):
            continue
        taken.insert(k, (a.start, a.end))
        f, found = a.cp.f, text[a.start : a.end]
        if a.score == 1.0:
            out.append(Wording(a.start, a.end, found, f.name))
            continue
        detail = difference(found, a.want)
        out.append(
            Misquote(a.start, a.end, found, a.want, f.name, f.source, "word", detail, f.wording)
        )
