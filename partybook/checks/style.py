"""PB5xx — length and style: section and document length, repeated sentences, passages
copied from the genre's worked example, known misspellings. The problems of a personal
genre (PB506–PB508) are in :mod:`.problems`."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

from ..draft import Item
from ..genre import load_genre
from .data import Misspelling, de_di_de, misspellings, words
from .model import Context, Finding, Unit, owner_section
from .registry import Env, Hit, Trigger, draft_rule, finding, unit_rule
from .structure import section_name


def _advice(count: int, lo: int, hi: int) -> str:
    if count < lo:
        return "内容偏少，请按提示充实。"
    return "内容偏多，请精简。"


@draft_rule("PB501")
def section_length(ctx: Context) -> Iterable[Finding]:
    for spec in ctx.genre.content_sections():
        lo, hi = spec.length.min, spec.length.max
        if not lo and not hi:
            continue
        n = ctx.section_chars(spec.id)
        if n and (n < lo or (hi and n > hi)):
            yield finding(
                "PB501",
                spec.id,
                args={
                    "name": section_name(spec),
                    "count": n,
                    "min": lo,
                    "max": hi or "不限",
                    "advice": _advice(n, lo, hi),
                },
            )


@draft_rule("PB502")
def document_length(ctx: Context) -> Iterable[Finding]:
    lo, hi = ctx.genre.length.min, ctx.genre.length.max
    n = sum(ctx.section_chars(s.id) for s in ctx.genre.content_sections())
    if n and (n < lo or (hi and n > hi)):
        yield finding(
            "PB502",
            "document",
            args={"count": n, "min": lo, "max": hi or "不限", "advice": _advice(n, lo, hi)},
        )


SENTENCE_MIN = 8


@lru_cache(maxsize=8192)
def sentences(text: str) -> tuple[str, ...]:
    """The sentences of 8+ characters in ``text`` (split at 。！？；), stripped."""
    return tuple(_split_sentences(text))


_SPLIT = re.compile("[。！？!?；;\n]")
_PIECES = re.compile(f"[^。！？!?；;\n]{{{SENTENCE_MIN},}}")


def _split_sentences(text: str) -> list[str]:
    return [p for p in (q.strip() for q in _SPLIT.split(text)) if len(p) >= SENTENCE_MIN]


@lru_cache(maxsize=8192)
def _pieces(text: str) -> tuple[str, ...]:
    """What ``_SPLIT.split`` leaves of ``text`` in pieces of 8+ characters, unstripped."""
    return tuple(_PIECES.findall(text))


def _any_piece_repeats(units: list[Unit]) -> bool:
    """Whether a piece of 8+ characters occurs twice in the draft (no piece spans two
    texts: the line break ends one), from the per-text cache."""
    seen: set[str] = set()
    n = 0
    for unit in units:
        found = _pieces(unit.text)
        if found:
            seen.update(found)
            n += len(found)
    return len(seen) != n


def _where(ctx: Context, unit: Unit) -> str:
    name = section_name(ctx.genre.section(owner_section(unit.section)))
    if unit.item is not None:
        return f"{name}第{unit.item + 1}条"
    if unit.index is not None and unit.field == "paragraph":
        return f"{name}第{unit.index + 1}段"
    return name


@draft_rule("PB503")
def repeated_sentence(ctx: Context) -> Iterable[Finding]:
    if not _any_piece_repeats(ctx.units):
        return  # no sentence repeats (the usual case)
    seen: dict[str, Unit] = {}
    for unit in ctx.units:
        found = sentences(unit.text) if len(unit.text) >= SENTENCE_MIN else ()
        if not found:
            continue
        if len(set(found)) == len(found) and not any(k in seen for k in found):
            seen.update(dict.fromkeys(found, unit))  # every sentence is new (the usual case)
            continue
        at = 0
        for key in found:
            s = unit.text.find(key, at)
            e = s + len(key)
            at = e
            first = seen.get(key)
            if first is None:
                seen[key] = unit
                continue
            if e < len(unit.text) and unit.text[e] in "。！？!?；;":
                e += 1
            yield finding(
                "PB503",
                unit.section,
                unit.item,
                unit.base + s,
                unit.base + e,
                {"where": _where(ctx, first)},
                field=unit.field,
                index=unit.index,
                field_start=s,
            )


# --- copied from the worked example ----------------------------------------------------

COPY_MIN = 30  # characters
_GRAM = 10
_STEP = COPY_MIN - _GRAM  # any common run of COPY_MIN chars contains a sampled gram


def _example_texts(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [t for v in value for t in _example_texts(v)]
    if isinstance(value, dict):
        out = []
        for k in ("heading", "body"):
            if isinstance(value.get(k), str):
                out.append(value[k])
        out.extend(_example_texts(value.get("items") or []))
        return out
    if isinstance(value, Item):
        return _example_texts(value.model_dump())
    return []


@lru_cache(maxsize=8)
def example_index(genre_id: str) -> tuple[str, dict[str, list[int]]]:
    """The genre's example text and the positions of each of its 10-character grams."""
    genre = load_genre(genre_id)
    # every worked example of the genre (a draft copied from any of them is flagged)
    text = "\n".join(
        t for ex in genre.examples for v in ex.sections.values() for t in _example_texts(v)
    )
    index: dict[str, list[int]] = {}
    for i in range(len(text) - _GRAM + 1):
        index.setdefault(text[i : i + _GRAM], []).append(i)
    return text, index


# PB504's pre-test words: the example's 15-character grams at every 16th position. A run
# of COPY_MIN characters in common with the example holds one of them whole (16 ≤ 30 - 15
# + 1). Longer, rarer words than the rule's 10-character grams: fewer texts pass the test
# (measured: 15 characters make the fewest passes for the cost of the search).
_QUICK_GRAM = 15
_QUICK_STEP = COPY_MIN - _QUICK_GRAM + 1


@lru_cache(maxsize=8)
def example_grams(genre_id: str) -> tuple[str, ...]:
    """PB504's pre-test words (see ``_QUICK_GRAM``): a text where none occurs copies nothing
    from the example."""
    text, _ = example_index(genre_id)
    last = len(text) - _QUICK_GRAM + 1
    return tuple(text[i : i + _QUICK_GRAM] for i in range(0, last, _QUICK_STEP))


@unit_rule(
    "PB504", trigger=Trigger(words=lambda env: () if env.own_example else example_grams(env.genre))
)
def copied_from_example(unit: Unit, env: Env) -> list[Hit]:
    text = unit.text
    if env.own_example or len(text) < COPY_MIN:
        return []
    example, index = example_index(env.genre)
    hits: list[Hit] = []
    covered = 0
    for p in range(0, len(text) - _GRAM + 1, _STEP):
        if p < covered:
            continue
        positions = index.get(text[p : p + _GRAM])
        if not positions:
            continue
        best = (0, 0)
        for q in positions:
            s, t = p, q
            while s > covered and t > 0 and text[s - 1] == example[t - 1]:
                s, t = s - 1, t - 1
            e, u = p + _GRAM, q + _GRAM
            while e < len(text) and u < len(example) and text[e] == example[u]:
                e, u = e + 1, u + 1
            if e - s > best[1] - best[0]:
                best = (s, e)
        s, e = best
        if e - s >= COPY_MIN and e - s - _official_chars(text, s, e) >= COPY_MIN:
            hits.append(("PB504", s, e, {"count": e - s}, None))
        if e - s >= COPY_MIN:
            covered = e
    return hits


@lru_cache(maxsize=1)
def _official_wordings() -> tuple[str, ...]:
    """What every writer of the genre quotes word for word: the political formulas (their
    wordings, clauses, members and names) and the names of campaigns and meetings, from
    templates/rules/formulas.yaml. Shared with the example, they are no sign of copying."""
    from ..carryover import MIN_STOCK, formula_phrases
    from ..formulas.data import load_file

    names = [d.name.replace("“", "").replace("”", "") for d in load_file().dated]
    names += [d.name for d in load_file().dated]
    found = {w for w in [*formula_phrases(), *names] if len(w) >= MIN_STOCK}
    return tuple(sorted(found, key=len, reverse=True))


def _official_chars(text: str, s: int, e: int) -> int:
    """Characters of ``text[s:e]`` inside an official wording (see ``_official_wordings``)."""
    run = text[s:e]
    mask = [False] * len(run)
    for phrase in _official_wordings():
        i = text.find(phrase, max(0, s - len(phrase) + 1), e + len(phrase) - 1)
        while i >= 0 and i < e:
            for k in range(max(i, s), min(i + len(phrase), e)):
                mask[k - s] = True
            i = text.find(phrase, i + 1, e + len(phrase) - 1)
    return sum(mask)


# --- misspellings ----------------------------------------------------------------------


@unit_rule(
    "PB505", fixable=True, trigger=Trigger(words=lambda env: tuple(misspellings(env.genre)[1]))
)
def misspelling(unit: Unit, env: Env) -> list[Hit]:
    return _replacement_hits("PB505", unit.text, *misspellings(env.genre))


@unit_rule("PB510", fixable=True, trigger=Trigger(words=lambda env: tuple(de_di_de(env.genre)[1])))
def de_di_de_phrase(unit: Unit, env: Env) -> list[Hit]:
    return _replacement_hits("PB510", unit.text, *de_di_de(env.genre))


def _replacement_hits(
    code: str, text: str, pattern: re.Pattern[str] | None, table: dict[str, Misspelling]
) -> list[Hit]:
    """One fixable hit per match of a word list's regex, with the entry's right form."""
    if pattern is None:
        return []
    hits: list[Hit] = []
    for m in pattern.finditer(text):
        entry = table[m.group()]
        hits.append(
            (code, m.start(), m.end(), {"fix": entry.right, "note": entry.note}, entry.right)
        )
    return hits


# --- a word typed twice ----------------------------------------------------------------

_DOUBLED = re.compile(r"([\u4e00-\u9fff]{2,3})\1")


class _DoubledQuick:
    """PB509's pre-test, at C speed: where a text repeats two or three characters right
    after themselves, the low bytes of its characters (one byte per character, from the
    UTF-32 code) XOR-ed with themselves shifted by that many characters have a run of that
    many zero bytes (equal characters have equal low bytes; a regex with a back-reference
    would be tried at every position). Duck-types the ``search(text, pos)`` of a
    pattern."""

    def __init__(self) -> None:
        self._text: str | None = None
        self._at: list[int] = []

    def _candidates(self, text: str) -> list[int]:
        low = text.encode("utf-32-le", "surrogatepass")[::4]  # byte k: the low byte of character k
        whole = int.from_bytes(low, "little")
        out: set[int] = set()
        for n in (2, 3):
            # byte k is zero where characters k and k + n have equal low bytes
            xored = (whole ^ (whole >> (8 * n))).to_bytes(len(low), "little")[: len(low) - n]
            run = b"\0" * n
            at = xored.find(run)  # bytes.find: far faster than a regex here
            while at >= 0:
                out.add(at)
                at = xored.find(run, at + 1)
        return sorted(out)

    def search(self, text: str, pos: int = 0) -> _Span | None:
        if text is not self._text:
            self._text, self._at = text, self._candidates(text)
        k = bisect_left(self._at, pos)
        return _Span(self._at[k], self._at[k] + 2) if k < len(self._at) else None


class _Span(NamedTuple):
    s: int
    e: int

    def start(self) -> int:
        return self.s

    def end(self) -> int:
        return self.e


@unit_rule("PB509", fixable=True, trigger=Trigger(patterns=lambda env: [_DoubledQuick()]))
def doubled_word(unit: Unit, env: Env) -> list[Hit]:
    """进一步进一步: a word of two or three characters typed twice in a row (not 一个一个,
    一步一步, a verb said twice on purpose: 研究研究, nor a run of one character)."""
    found = _DOUBLED.search(unit.text)
    if found is None:
        return []
    ok = words().doubled_ok
    hits: list[Hit] = []
    for m in _DOUBLED.finditer(unit.text, found.start()):
        word = m.group(1)
        # 一个一个 and 想一想一件事 / 好不好不 (X一X, X不X followed by the same X) are no slip
        x_yi_x = len(word) == 2 and word[1] in "一不了"
        if word[0] == "一" or x_yi_x or word in ok or len(set(word)) == 1:
            continue
        hits.append(("PB509", m.start(), m.end(), {"word": word}, word))
    return hits


def clear_cache() -> None:
    """Forget per-text results (a cold run in the benchmarks)."""
    sentences.cache_clear()
    _pieces.cache_clear()


RULES = (
    section_length,
    document_length,
    repeated_sentence,
    copied_from_example,
    misspelling,
    doubled_word,
    de_di_de_phrase,
)
