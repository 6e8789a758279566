"""Running the rules: :func:`check` (pure, fast, cached per text). Fixes: :mod:`.fixes`."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from datetime import date
from itertools import accumulate

from ..draft import Draft
from ..genre import Genre, load_genre
from . import prefilter
from .model import Finding, Unit, build_context, known_chars
from .overlaps import one_per_span
from .phrases import PhraseRule, default_phrase_rules
from .registry import Env, Hit, at_unit
from .table import DRAFT_RULES, UNIT_RULES

# a short-lines trigger looks at these fields (headings are short by nature)
_SHORT_FIELDS = frozenset({"line", "paragraph", "body"})

# codes whose removal makes other findings on the same characters moot
_REMOVALS = frozenset({"PB202", "PB203", "PB204", "PB205", "PB206", "PB207"})
_CACHE_MAX = 20000
_cache: dict[tuple[object, ...], tuple[Hit, ...]] = {}


def _scan(
    units: list[Unit], env: Env, phrase_rules: Sequence[PhraseRule], rules_key: tuple[int, ...]
) -> list[Sequence[Hit]]:
    """Hits of every unit rule and phrase rule for ``units``, in one batch.

    The texts are joined once; the pre-tests derived from the rules' triggers are searched
    over the joined text (see :mod:`.prefilter`) and each rule runs only on the texts where
    its trigger occurs (most rules match nowhere in most paragraphs, so most calls are
    skipped).
    """
    texts = [u.text for u in units]
    # the joined text starts with "\n": every text follows a line break
    joined = "\n" + "\n".join(texts)
    lengths = list(map(len, texts))
    starts = list(accumulate(map((1).__add__, lengths), initial=1))[:-1]
    multiline = joined.count("\n") != len(units)  # some text holds a line break
    broken = [k for k, t in enumerate(texts) if "\n" in t] if multiline else []
    hits: dict[int, list[Hit]] = {}
    words = prefilter.word_automaton(UNIT_RULES, env, phrase_rules, rules_key)
    word_targets = prefilter.word_targets(words, joined, starts, broken)
    shared = word_targets.get(prefilter.PHRASES, set())
    char_targets = prefilter.char_targets(UNIT_RULES, joined, starts, env)
    # the same pass found the texts holding whitespace: the others' character counts are
    # their lengths (PB501, PB502)
    spaced = char_targets.pop(prefilter.SPACES_KEY)
    if not multiline:
        known_chars([t for k, t in enumerate(texts) if k not in spaced] if spaced else texts)
    for rule in UNIT_RULES:
        trigger = rule.trigger
        if trigger.empty:
            targets: Iterable[int] = range(len(units))
        else:
            patterns = trigger.patterns_for(env)
            found = prefilter.targets(joined, starts, patterns) if patterns else set()
            found.update(word_targets.get(rule.key, ()))
            found.update(char_targets.get(rule.key, ()))
            if trigger.short_lines:
                n = trigger.short_lines
                short = [k for k, n_ in enumerate(lengths) if n_ <= n]
                found.update(k for k in short + broken if units[k].field in _SHORT_FIELDS)
            targets = sorted(found)
        for k in targets:
            found_hits = rule.scan(units[k], env)
            if found_hits:
                hits.setdefault(k, []).extend(found_hits)
    if shared:
        ordered = sorted(shared)
        for phrase in phrase_rules:
            if phrase.pattern is None:
                continue
            for k in ordered:
                u = units[k]
                if phrase.sections is None or u.section in phrase.sections:
                    hits.setdefault(k, []).extend(
                        (phrase.code, a, b, {_PHRASE: phrase}, phrase.fix)
                        for a, b in phrase.spans(u.text)
                    )
    out: list[Sequence[Hit]] = [()] * len(units)
    for k, hs in hits.items():
        removed = sorted((h[1], h[2]) for h in hs if h[0] in _REMOVALS)
        if removed:
            hs = [h for h in hs if h[0] in _REMOVALS or not _overlaps(removed, h[1], h[2])]
        out[k] = hs
    return out


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
    from .consistency import clear_cache as clear_consistency
    from .model import clear_chars
    from .problems import others_spans
    from .style import clear_cache as clear_style
    from .substance import clear_cache as clear_substance

    clear_substance()
    others_spans.cache_clear()
    clear_chars()
    clear_style()
    clear_consistency()


def _resolve_genre(draft: Draft, genre: Genre | str | None) -> Genre:
    if isinstance(genre, Genre):
        return genre
    return load_genre(genre or draft.genre)


def _own_example(draft: Draft, genre: Genre) -> bool:
    authors = {e.meta.author for e in genre.examples if e.meta.author}
    return draft.meta.author in authors


def _draft_year(draft: Draft, today: date) -> int:
    """The year the draft is dated (its sign-off date), else this year."""
    y = draft.meta.date[:4]
    return int(y) if y.isdigit() and 1949 < int(y) <= today.year + 1 else today.year


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
    g = _resolve_genre(draft, genre)
    day = today or date.today()
    ctx = build_context(draft, g, day)
    env = Env(
        g.id,
        bool(draft.example),
        day.toordinal(),
        g.personal,
        _own_example(draft, g),
        _draft_year(draft, day),
    )
    phrase_rules: list[PhraseRule] = list(default_phrase_rules()) if phrase_defaults else []
    phrase_rules.extend(extra_rules or ())
    units = [u for u in ctx.units if u.text]
    out: list[Finding] = []
    for unit, hits in zip(units, _unit_hits(units, env, phrase_rules), strict=True):
        if hits:
            out.extend(_to_finding(unit, h) for h in hits)
    for rule in DRAFT_RULES:
        out.extend(rule.scan(ctx))
    out = one_per_span(out, phrase_rules)
    order: dict[str, float] = {sid: n for n, sid in enumerate(g.section_ids)}
    for spec in g.content_sections():  # a lead-in comes just before its section's items
        if spec.lead_key:
            order[spec.lead_key] = order[spec.id] - 0.5
    out.sort(
        key=lambda f: (
            order.get(f.section, len(order)),
            -1 if f.item is None else f.item,
            f.start,
            f.code,
        )
    )
    return out
