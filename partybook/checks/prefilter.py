"""Pre-tests derived from the rules' triggers: which texts each unit rule must run on.

The texts of a draft are joined once, and the triggers of every rule are searched over the
joined text together:

* **words** of all rules (and the instructor phrase rules' phrases) in one regex, each word
  matched from its rarest character (:func:`anchored_words`), so the search skips ahead at
  C speed. A rule whose words are common in ordinary writing (by the character counts of
  the genre's worked example) gets a search of its own: in the shared search its frequent
  hits would make every other rule run too;
* **characters** of all rules, with whitespace (for the character counts), in one
  character-class pass;
* **patterns**, each searched on its own;
* **short lines**: the texts with a line of at most that many characters.

Everything is keyed by rule code (:attr:`UnitRule.key`), cached per settings.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .model import SPACES
from .phrases import PhraseRule
from .registry import Env, UnitRule

SHARED = ""  # the words group of rare words (a rule's own group is its key)
SPACES_KEY = ""  # in char_targets: the texts holding whitespace (not a rule)
# a rule's words get their own search when their anchors occur this often in ordinary
# text (per character): the worked example's 15-character grams (PB504) do, misspellings
# and phrase rules do not
COMMON_ANCHORS = 0.05


def targets(joined: str, starts: list[int], patterns: Iterable[Any]) -> set[int]:
    """Indexes of the texts in which one of ``patterns`` matches (one search per text at
    most: after a hit the search goes on at the next text)."""
    end = len(joined)
    found: set[int] = set()
    for rx in patterns:
        at = 0
        while at < end:
            m = rx.search(joined, at)
            if m is None:
                break
            k = bisect_right(starts, max(m.end() - 1, m.start())) - 1
            if k < 0:  # pragma: no cover - every match ends inside a text
                at = m.end()
                continue
            found.add(k)
            # go on from the line break before the next text (pre-tests may start with it)
            at = starts[k + 1] - 1 if k + 1 < len(starts) else end
    return found


def _anchor(word: str, freq: dict[str, int]) -> int:
    """The index of the rarest character of ``word`` (the last of equally rare ones)."""
    return min(range(len(word)), key=lambda k: (freq.get(word[k], 0), -k))


def anchored_words(words: Iterable[str], freq: dict[str, int]) -> re.Pattern[str] | None:
    """One regex finding any of ``words``, each matched from its rarest character (by
    ``freq``, counts in typical text) with a look-behind for the characters before it.

    Every branch starts with a literal, so the search skips ahead at C speed and stops only
    at the rare anchor characters (a word's first character is often a common one: 不, 一,
    在 …). A match spans from the anchor to the word's end, inside the word; no match
    means none of the words occurs. None when there is no word."""
    branches: dict[str, list[tuple[int, str]]] = {}
    for w in set(words):
        if not w:
            continue
        i = _anchor(w, freq)
        tail = re.escape(w[i + 1 :])
        look = f"(?<={re.escape(w[: i + 1])})" if i else ""
        branches.setdefault(w[i], []).append((len(w), look + tail))
    if not branches:
        return None
    parts = []
    for anchor in sorted(branches):
        rests = [r for _, r in sorted(branches[anchor], key=lambda e: (-e[0], e[1]))]
        if "" in rests:  # the anchor alone is a word: nothing more to check
            rests = [""]
        parts.append(re.escape(anchor) + (f"(?:{'|'.join(rests)})" if rests != [""] else ""))
    return re.compile("|".join(parts))


@dataclass(frozen=True, slots=True)
class WordSearch:
    pattern: re.Pattern[str] | None
    multiline: bool  # some word holds a line break (left out of the pattern)
    rules: tuple[str, ...]  # keys of the rules whose words are in this search


_words_cache: dict[tuple[object, ...], dict[str, WordSearch]] = {}


def word_searches(
    rules: Sequence[UnitRule],
    env: Env,
    phrase_rules: Sequence[PhraseRule],
    rules_key: tuple[int, ...],
) -> dict[str, WordSearch]:
    """The word searches by group (:data:`SHARED`, or a rule's key), cached per settings
    and phrase rules. The phrase rules' phrases are in the shared group."""
    key = (env, rules_key)
    got = _words_cache.get(key)
    if got is not None:
        return got
    freq = char_freq(env.genre)
    total = sum(freq.values()) or 1
    groups: dict[str, list[str]] = {}
    members: dict[str, list[str]] = {}
    for rule in rules:
        words = rule.trigger.words_for(env)
        if not words:
            continue
        anchors = {w[_anchor(w, freq)] for w in words if w}
        common = sum(freq.get(a, 0) for a in anchors) / total >= COMMON_ANCHORS
        group = rule.key if common else SHARED
        groups.setdefault(group, []).extend(words)
        members.setdefault(group, []).append(rule.key)
    for phrase in phrase_rules:
        if phrase.pattern is not None:
            groups.setdefault(SHARED, []).extend(phrase.phrases)
    got = {}
    for group, words in groups.items():
        multiline = any("\n" in w for w in words)
        rx = anchored_words((w for w in words if "\n" not in w), freq)
        got[group] = WordSearch(rx, multiline, tuple(members.get(group, ())))
    if len(_words_cache) > 64:
        _words_cache.clear()
    _words_cache[key] = got
    return got


@lru_cache(maxsize=8)
def char_freq(genre_id: str) -> dict[str, int]:
    """How often each character occurs in the genre's worked example (typical text)."""
    from .style import example_index

    return dict(Counter(example_index(genre_id)[0]))


_chars_cache: dict[tuple[Env, int], tuple[re.Pattern[str], dict[str, tuple[str, ...]]]] = {}


def char_targets(
    rules: Sequence[UnitRule], joined: str, starts: list[int], env: Env
) -> dict[str, set[int]]:
    """For each rule with trigger characters (by key), the texts holding one of them, and
    under :data:`SPACES_KEY` the texts holding whitespace: one pass over the joined text."""
    cache_key = (env, id(rules))
    got = _chars_cache.get(cache_key)
    if got is None:
        by_char: dict[str, list[str]] = {ch: [SPACES_KEY] for ch in SPACES}
        for rule in rules:
            for ch in set(rule.trigger.chars_for(env)) - {"\n"}:
                by_char.setdefault(ch, []).append(rule.key)
        cls = f"[{re.escape(''.join(sorted(by_char)))}]"
        # (a class first, not a repeat: the search then skips ahead at C speed)
        rx = re.compile(cls + cls + "*")
        if len(_chars_cache) > 64:
            _chars_cache.clear()
        got = _chars_cache[cache_key] = (rx, {c: tuple(ns) for c, ns in by_char.items()})
    rx, by_char = got
    out: dict[str, set[int]] = {n: set() for ns in by_char.values() for n in ns}
    for m in rx.finditer(joined):  # runs of the characters: rare in Chinese text
        k = bisect_right(starts, m.start()) - 1
        run = m.group()
        for ch in set(run) if len(run) > 1 else run:
            for n in by_char[ch]:
                out[n].add(k)
    return out


def clear() -> None:
    _words_cache.clear()
    _chars_cache.clear()


def required_literals(pattern: str) -> tuple[str, ...] | None:
    """Fixed strings of which every match of ``pattern`` contains at least one (the longest
    mandatory literal run of each alternative), or None when some alternative has none.

    Lets a rule whose data is a regex declare a words trigger (searched with the others,
    at C speed) instead of a regex that would be tried at every position."""
    from re import _parser  # the stdlib's own regex parser

    try:
        tree = _parser.parse(pattern)
    except re.error:
        return None
    found = _literals(list(tree))
    return None if found is None else tuple(sorted(found))


def _literals(seq: list[Any]) -> set[str] | None:
    from re import _constants as c

    best: set[str] | None = None

    def better(cand: set[str] | None) -> None:
        nonlocal best
        if cand and (best is None or min(map(len, cand)) > min(map(len, best))):
            best = cand

    run = ""
    for op, av in seq:
        if op is c.LITERAL:
            run += chr(av)
            continue
        better({run} if run else None)
        run = ""
        if op is c.SUBPATTERN:
            better(_literals(list(av[-1])))
        elif op is c.BRANCH:
            parts = [_literals(list(b)) for b in av[1]]
            if all(p for p in parts):
                better(set().union(*parts))  # type: ignore[arg-type]
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[0] >= 1:
            better(_literals(list(av[2])))
    better({run} if run else None)
    return best
