"""Running the rules: :func:`check` (pure, fast, cached per text) and :func:`fix`."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date
from functools import lru_cache
from itertools import accumulate
from typing import Any

from ..draft import Draft, Item
from ..genre import Genre, load_genre
from .model import SPACES, Change, Finding, Unit, build_context, known_chars
from .phrases import PhraseRule, default_phrase_rules
from .registry import (
    DRAFT_RULES,
    SHARED,
    UNIT_SCANNERS,
    Env,
    Hit,
    _load_families,
    anchored_words,
    at_unit,
)

# codes whose removal makes other findings on the same characters moot
_REMOVALS = frozenset({"PB202", "PB203", "PB204", "PB205", "PB206", "PB207"})
_CACHE_MAX = 20000
_cache: dict[tuple[object, ...], tuple[Hit, ...]] = {}


def _targets(joined: str, starts: list[int], patterns: Iterable[Any]) -> set[int]:
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


def _scan(
    units: list[Unit], env: Env, phrase_rules: Sequence[PhraseRule], rules_key: tuple[int, ...]
) -> list[Sequence[Hit]]:
    """Hits of every unit rule and phrase rule for ``units``, in one batch.

    The texts are joined once; each rule's pre-tests are searched over the joined text and
    the rule runs only on the texts where they match (most rules match nowhere in most
    paragraphs, so most calls are skipped). The word pre-tests of all rules and the phrase
    rules' phrases are searched together, in one pass.
    """
    texts = [u.text for u in units]
    # the joined text starts with "\n": every text follows a line break
    joined = "\n" + "\n".join(texts)
    lengths = list(map(len, texts))
    starts = list(accumulate(map((1).__add__, lengths), initial=1))[:-1]
    multiline = joined.count("\n") != len(units)  # some text holds a line break
    broken = [k for k, t in enumerate(texts) if "\n" in t] if multiline else []
    hits: dict[int, list[Hit]] = {}
    group_targets: dict[str, set[int]] = {}
    for group, (words_rx, words_broken) in _words_patterns(env, phrase_rules, rules_key).items():
        found_in = _targets(joined, starts, (words_rx,)) if words_rx is not None else set()
        if words_broken:  # words holding a line break can only occur in texts holding one
            found_in.update(broken)
        group_targets[group] = found_in
    word_targets = group_targets.get(SHARED, set())
    char_targets = _char_targets(joined, starts, env)
    # the same pass found the texts holding whitespace: the others' character counts are
    # their lengths (PB501, PB502)
    spaced = char_targets.pop(_SPACES_KEY)
    if not multiline:
        known_chars([t for k, t in enumerate(texts) if k not in spaced] if spaced else texts)
    for n, rule in enumerate(UNIT_SCANNERS):
        if rule.quick is None and rule.words is None and rule.chars is None:
            targets: Iterable[int] = range(len(units))
        else:
            found = _targets(joined, starts, rule.quick(env)) if rule.quick else set()
            if rule.words is not None:
                found.update(group_targets.get(rule.words_group, ()))
            if n in char_targets:
                found.update(char_targets[n])
            if rule.short:
                fields = rule.short_fields
                short = [k for k, n_ in enumerate(lengths) if n_ <= rule.short]
                found.update(k for k in short + broken if units[k].field in fields)
            targets = sorted(found)
        for k in targets:
            found_hits = rule.scan(units[k], env)
            if found_hits:
                hits.setdefault(k, []).extend(found_hits)
    if word_targets:
        ordered = sorted(word_targets)
        for phrase in phrase_rules:
            if phrase.pattern is None:
                continue
            for k in ordered:
                u = units[k]
                if phrase.sections is None or u.section in phrase.sections:
                    hits.setdefault(k, []).extend(
                        (phrase.code, m.start(), m.end(), {_PHRASE: phrase}, phrase.fix)
                        for m in phrase.pattern.finditer(u.text)
                    )
    out: list[Sequence[Hit]] = [()] * len(units)
    for k, hs in hits.items():
        removed = sorted((h[1], h[2]) for h in hs if h[0] in _REMOVALS)
        if removed:
            hs = [h for h in hs if h[0] in _REMOVALS or not _overlaps(removed, h[1], h[2])]
        out[k] = hs
    return out


_SPACES_KEY = -1  # in _char_targets: the texts holding whitespace (not a rule)
_chars_cache: dict[Env, tuple[re.Pattern[str], dict[str, tuple[int, ...]]]] = {}


def _char_targets(joined: str, starts: list[int], env: Env) -> dict[int, set[int]]:
    """For each rule with a character pre-test (by its index in ``UNIT_SCANNERS``), the
    texts holding one of its characters, and under ``_SPACES_KEY`` the texts holding
    whitespace: one pass over the joined text for all of them."""
    got = _chars_cache.get(env)
    if got is None:
        by_char: dict[str, list[int]] = {ch: [_SPACES_KEY] for ch in SPACES}
        for n, rule in enumerate(UNIT_SCANNERS):
            if rule.chars is not None:
                for ch in set(rule.chars(env)) - {"\n"}:
                    by_char.setdefault(ch, []).append(n)
        cls = f"[{re.escape(''.join(sorted(by_char)))}]"
        # (a class first, not a repeat: the search then skips ahead at C speed)
        rx = re.compile(cls + cls + "*")
        if len(_chars_cache) > 64:
            _chars_cache.clear()
        got = _chars_cache[env] = (rx, {c: tuple(ns) for c, ns in by_char.items()})
    rx, by_char = got
    out: dict[int, set[int]] = {}
    for n in {n for ns in by_char.values() for n in ns}:
        out[n] = set()
    for m in rx.finditer(joined):  # runs of the characters: rare in Chinese text
        k = bisect_right(starts, m.start()) - 1
        run = m.group()
        for ch in set(run) if len(run) > 1 else run:
            for n in by_char[ch]:
                out[n].add(k)
    return out


_Patterns = dict[str, tuple[re.Pattern[str] | None, bool]]
_words_cache: dict[tuple[object, ...], _Patterns] = {}


def _words_patterns(
    env: Env, phrase_rules: Sequence[PhraseRule], rules_key: tuple[int, ...]
) -> _Patterns:
    """For each group of word pre-tests, one regex for all its words (cached per settings
    and phrase rules) and whether some word holds a line break (those are left out of the
    regex). The phrase rules' phrases are in the shared group."""
    key = (env, rules_key)
    got = _words_cache.get(key)
    if got is None:
        groups: dict[str, list[str]] = {}
        for rule in UNIT_SCANNERS:
            if rule.words is not None:
                groups.setdefault(rule.words_group, []).extend(rule.words(env))
        for phrase in phrase_rules:
            if phrase.pattern is not None:
                groups.setdefault(SHARED, []).extend(phrase.phrases)
        freq = _char_freq(env.genre)
        got = {}
        for group, words in groups.items():
            multiline = any("\n" in w for w in words)
            rx = anchored_words((w for w in words if "\n" not in w), freq)
            got[group] = (rx, multiline)
        if len(_words_cache) > 64:
            _words_cache.clear()
        _words_cache[key] = got
    return got


@lru_cache(maxsize=8)
def _char_freq(genre_id: str) -> dict[str, int]:
    """How often each character occurs in the genre's worked example (typical text)."""
    from .style import example_index

    return dict(Counter(example_index(genre_id)[0]))


def _overlaps(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    """Whether [s, e) overlaps one of the sorted, non-overlapping ``spans``."""
    i = bisect_right(spans, (e, -1))  # spans starting before e
    return any(spans[j][1] > s for j in range(max(0, i - 2), i))


_PHRASE = "__phrase_rule"  # the args key that carries a phrase rule in a hit
_rules_pinned: dict[tuple[int, ...], Sequence[PhraseRule]] = {}  # keeps ids in keys valid
_settings: dict[tuple[Env, tuple[int, ...]], int] = {}  # (settings, phrase rules) → key part


def _unit_hits(
    units: list[Unit], env: Env, phrase_rules: Sequence[PhraseRule]
) -> list[tuple[Hit, ...]]:
    """Hits per unit, from the per-text cache where possible."""
    rules_key = tuple(map(id, phrase_rules))
    _rules_pinned.setdefault(rules_key, phrase_rules)
    # the settings as one small int in the keys: hashing the Env dataclass (Python code)
    # once per key would cost more than the rest of a cache look-up
    setting = _settings.get((env, rules_key))
    if setting is None:
        if len(_settings) >= 256:  # numbers are reused after this: forget their hits
            _settings.clear()
            _cache.clear()
        setting = _settings[(env, rules_key)] = len(_settings)
    keys = [(u.text, u.section, u.field, setting) for u in units]
    out: list[tuple[Hit, ...] | None] = [_cache.get(k) for k in keys]
    todo = [k for k, h in enumerate(out) if h is None]
    if todo:
        fresh = _scan([units[k] for k in todo], env, phrase_rules, rules_key)
        if len(_cache) + len(todo) > _CACHE_MAX:
            _cache.clear()
        for k, hs in zip(todo, fresh, strict=True):
            out[k] = _cache[keys[k]] = tuple(hs)
    return out  # type: ignore[return-value]


def _to_finding(unit: Unit, hit: Hit) -> Finding:
    code, s, e, args, fx = hit
    phrase = args.get(_PHRASE) if args else None
    if phrase is None:
        return at_unit(code, unit, s, e, args, fx)
    return Finding(
        code,
        phrase.severity,
        phrase.message.replace("{text}", unit.text[s:e]),
        unit.section,
        unit.item,
        unit.base + s,
        unit.base + e,
        unit.field,
        unit.index,
        s,
        fx,
    )


def clear_cache() -> None:
    """Forget cached per-text results (benchmarks use it to measure a cold run)."""
    _cache.clear()
    from .consistency import key_bigrams, measure_hits
    from .model import clear_chars
    from .style import sentences

    clear_chars()
    sentences.cache_clear()
    key_bigrams.cache_clear()
    measure_hits.cache_clear()


def _resolve_genre(draft: Draft, genre: Genre | str | None) -> Genre:
    if isinstance(genre, Genre):
        return genre
    return load_genre(genre or draft.genre)


def _own_example(draft: Draft, genre: Genre) -> bool:
    authors = {e.meta.author for e in genre.examples if e.meta.author}
    return draft.meta.author in authors


def check(
    draft: Draft,
    genre: Genre | str | None = None,
    *,
    extra_rules: Sequence[PhraseRule] | None = None,
    today: date | None = None,
    phrase_defaults: bool = True,
) -> list[Finding]:
    """Every finding for ``draft``, in document order. Pure: the draft is not changed.

    ``extra_rules`` are instructor phrase rules (see :mod:`partybook.checks.phrases`),
    applied beside the built-in rules and the default phrase file. ``today`` fixes the
    date the future-date rules compare with (default: today).
    """
    _load_families()
    g = _resolve_genre(draft, genre)
    day = today or date.today()
    ctx = build_context(draft, g, day)
    env = Env(g.id, bool(draft.example), day.toordinal(), g.personal, _own_example(draft, g))
    phrase_rules: list[PhraseRule] = list(default_phrase_rules()) if phrase_defaults else []
    phrase_rules.extend(extra_rules or ())
    units = [u for u in ctx.units if u.text]
    out: list[Finding] = []
    for unit, hits in zip(units, _unit_hits(units, env, phrase_rules), strict=True):
        if hits:
            out.extend(_to_finding(unit, h) for h in hits)
    for _, fn in DRAFT_RULES:
        out.extend(fn(ctx))
    order = {sid: n for n, sid in enumerate(g.section_ids)}
    out.sort(
        key=lambda f: (
            order.get(f.section, len(order)),
            -1 if f.item is None else f.item,
            f.start,
            f.code,
        )
    )
    return out


# --- fixes -----------------------------------------------------------------------------

_CONTEXT = 8


def _get(draft: Draft, f: Finding) -> str | None:
    content = draft.sections.get(f.section)
    if f.field == "line":
        return content if isinstance(content, str) else None
    if not isinstance(content, list):
        return None
    if f.field == "paragraph":
        if f.index is None or f.index >= len(content) or not isinstance(content[f.index], str):
            return None
        return content[f.index]  # type: ignore[return-value]
    item = _item(content, f)
    return None if item is None else getattr(item, f.field)


def _item(content: list, f: Finding) -> Item | None:
    if f.item is None or f.item >= len(content) or not isinstance(content[f.item], Item):
        return None
    item: Item = content[f.item]
    if f.index is not None:
        if not item.items or f.index >= len(item.items):
            return None
        item = item.items[f.index]
    return item


def _set(draft: Draft, f: Finding, text: str) -> None:
    content = draft.sections[f.section]
    if f.field == "line":
        draft.sections[f.section] = text
    elif f.field == "paragraph":
        content[f.index] = text  # type: ignore[index]
    else:
        item = _item(content, f)  # type: ignore[arg-type]
        assert item is not None
        setattr(item, f.field, text)


def _snippet(text: str, s: int, e: int) -> str:
    left = "…" if s > _CONTEXT else ""
    right = "…" if len(text) - e > _CONTEXT else ""
    return f"{left}{text[max(0, s - _CONTEXT) : e + _CONTEXT]}{right}".replace("\n", "⏎")


def _apply(draft: Draft, findings: Iterable[Finding]) -> list[Change]:
    groups: dict[tuple[object, ...], list[Finding]] = {}
    for f in findings:
        groups.setdefault((f.section, f.item, f.field, f.index), []).append(f)
    changes: list[Change] = []
    emptied: list[tuple[str, int]] = []
    for fs in groups.values():
        original = _get(draft, fs[0])
        if original is None:
            continue
        pieces: list[str] = []  # the new text, built back to front
        last = len(original)
        done: list[Change] = []
        for f in sorted(fs, key=lambda f: (f.field_start, f.end - f.start), reverse=True):
            s = f.field_start
            e = s + (f.end - f.start)
            if e > last:
                continue  # overlaps a fix already applied; the next round sees it again
            repl = f.fix or ""
            left, right = original[max(0, s - _CONTEXT) : s], original[e : e + _CONTEXT]
            lead = "…" if s > _CONTEXT else ""
            tail = "…" if len(original) - e > _CONTEXT else ""
            after = f"{lead}{left}{repl}{right}{tail}".replace("\n", "⏎")
            done.append(
                Change(
                    f.code,
                    f.section,
                    f.item,
                    _snippet(original, s, e),
                    after if (left or repl or right) else "（删除）",
                    f.field,
                    f.index,
                )
            )
            pieces.append(original[e:last])
            pieces.append(repl)
            last = s
        pieces.append(original[:last])
        text = "".join(reversed(pieces))
        if text != original:
            _set(draft, fs[0], text)
            changes.extend(reversed(done))
            if fs[0].field == "paragraph" and not text.strip() and fs[0].index is not None:
                emptied.append((fs[0].section, fs[0].index))
    for section, index in sorted(emptied, reverse=True):
        del draft.sections[section][index]  # type: ignore[union-attr]
    return changes


def fix(
    draft: Draft,
    genre: Genre | str | None = None,
    *,
    today: date | None = None,
    codes: Iterable[str] | None = None,
) -> tuple[Draft, list[Change]]:
    """A copy of ``draft`` with every safe fix applied, and the changes made.

    Safe fixes: template leftovers removed (PB2xx), punctuation normalised (PB3xx), known
    misspellings corrected (PB505), a number typed before a heading removed (PB107).
    ``codes`` limits the fixes to those codes. Nothing else is touched.
    """
    new = draft.model_copy(deep=True)
    wanted = set(codes) if codes is not None else None
    changes: list[Change] = []
    for _ in range(6):  # a fix may uncover another (a removed ad leaves 。。)
        todo = [
            f
            for f in check(new, genre, today=today, phrase_defaults=False)
            if f.fix is not None and (wanted is None or f.code in wanted)
        ]
        if not todo:
            break
        step = _apply(new, todo)
        if not step:
            break
        changes.extend(step)
    return new, changes
