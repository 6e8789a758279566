"""Pre-tests derived from the rules' triggers: which texts each unit rule must run on.

The texts of a draft are joined once, and the triggers of every rule are searched over the
joined text together:

* **words** of all rules (and the instructor phrase rules' phrases) in one Aho-Corasick
  automaton, one pass (:func:`word_targets`);
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

from ahocorasick_rs import AhoCorasick

from .model import SPACES
from .phrases import PhraseRule
from .registry import Env, UnitRule

SPACES_KEY = ""  # in char_targets: the texts holding whitespace (not a rule)


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
            if k < 0:  # a match on the line break before the first text
                at = m.start() + 1
                continue
            found.add(k)
            # go on from the line break before the next text (pre-tests may start with
            # it), and at least one character on
            at = max(starts[k + 1] - 1, m.start() + 1) if k + 1 < len(starts) else end
    return found


PHRASES = "__phrases"  # the owner key of the instructor phrase rules' phrases


@dataclass(frozen=True, slots=True)
class WordAutomaton:
    """The trigger words of every rule (and the phrase rules' phrases) in one automaton."""

    automaton: AhoCorasick | None  # None when there is no word
    owners: tuple[tuple[str, ...], ...]  # per word of the automaton, the rule keys
    multiline: tuple[str, ...]  # keys with a word holding a line break (left out)


_words_cache: dict[tuple[object, ...], WordAutomaton] = {}


def word_automaton(
    rules: Sequence[UnitRule],
    env: Env,
    phrase_rules: Sequence[PhraseRule],
    rules_key: tuple[int, ...],
) -> WordAutomaton:
    """The words of all rules in one Aho-Corasick automaton, cached per settings and phrase
    rules (measured: one pass of it costs less than a third of one regex search per rule's
    words, and far less than the formulas' own automaton run again for PB601 and PB602)."""
    key = (env, rules_key)
    got = _words_cache.get(key)
    if got is not None:
        return got
    owners: dict[str, set[str]] = {}
    multiline: set[str] = set()
    by_rule = [(rule.key, rule.trigger.words_for(env)) for rule in rules]
    phrases = [w for p in phrase_rules if p.pattern is not None for w in p.phrases]
    for owner, words in [*by_rule, (PHRASES, phrases)]:
        for w in words:
            if "\n" in w:  # occurs only in texts holding a line break
                multiline.add(owner)
            elif w:
                owners.setdefault(w, set()).add(owner)
    ordered = sorted(owners)
    got = WordAutomaton(
        AhoCorasick(ordered) if ordered else None,
        tuple(tuple(sorted(owners[w])) for w in ordered),
        tuple(sorted(multiline)),
    )
    if len(_words_cache) > 64:
        _words_cache.clear()
    _words_cache[key] = got
    return got


def word_targets(
    words: WordAutomaton, joined: str, starts: list[int], broken: list[int]
) -> dict[str, set[int]]:
    """For each rule key (and :data:`PHRASES`), the texts where one of its words occurs:
    one pass of the automaton over the joined text (no word holds the line break joining
    the texts, so no match spans two)."""
    out: dict[str, set[int]] = {}
    if words.automaton is not None:
        owners = words.owners
        for index, start, _end in words.automaton.find_matches_as_indexes(joined, overlapping=True):
            k = bisect_right(starts, start) - 1
            for owner in owners[index]:
                found = out.get(owner)
                if found is None:
                    out[owner] = {k}
                else:
                    found.add(k)
    for owner in words.multiline:
        out.setdefault(owner, set()).update(broken)
    return out


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
    rx, owners = got
    out: dict[str, set[int]] = {SPACES_KEY: set()}  # (rules without a hit are left out)
    for m in rx.finditer(joined):  # runs of the characters: rare in Chinese text
        k = bisect_right(starts, m.start()) - 1
        run = m.group()
        for ch in set(run) if len(run) > 1 else run:
            for n in owners[ch]:
                found = out.get(n)
                if found is None:
                    out[n] = {k}
                else:
                    found.add(k)
    return out


def clear() -> None:
    _words_cache.clear()
    _chars_cache.clear()


def required_literals(pattern: str, freq: dict[str, int] | None = None) -> tuple[str, ...] | None:
    """Fixed strings of which every match of ``pattern`` contains at least one (a
    mandatory literal run of each alternative: the rarest by ``freq``, character counts in
    ordinary text, else the longest), or None when some alternative has none.

    Lets a rule whose data is a regex declare a words trigger (searched at C speed)
    instead of a regex that would be tried at every position."""
    from re import _parser  # type: ignore[attr-defined]  # the stdlib's own regex parser

    try:
        tree = _parser.parse(pattern)
    except re.error:
        return None
    found = _literals(list(tree), freq or {})
    return None if found is None else tuple(sorted(found))


def _cost(words: set[str], freq: dict[str, int]) -> tuple[int, int]:
    """How often a set of literals is expected to occur (lower is better): a word of one
    character is worst, then the counts of each word's rarest character."""
    short = sum(1 for w in words if len(w) < 2)
    return short, sum(min(freq.get(c, 0) for c in w) for w in words)


def _literals(seq: list[Any], freq: dict[str, int]) -> set[str] | None:
    from re import _constants as c  # type: ignore[attr-defined]

    best: set[str] | None = None

    def better(cand: set[str] | None) -> None:
        nonlocal best
        if not cand:
            return
        if best is None or (_cost(cand, freq), -min(map(len, cand))) < (
            _cost(best, freq),
            -min(map(len, best)),
        ):
            best = cand

    run = ""
    for op, av in seq:
        if op is c.LITERAL:
            run += chr(av)
            continue
        better({run} if run else None)
        run = ""
        if op is c.SUBPATTERN:
            better(_literals(list(av[-1]), freq))
        elif op is c.BRANCH:
            parts = [_literals(list(b), freq) for b in av[1]]
            if all(p for p in parts):
                better(set().union(*parts))  # type: ignore[arg-type]
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[0] >= 1:
            better(_literals(list(av[2]), freq))
    better({run} if run else None)
    return best
