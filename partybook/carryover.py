"""Passages of a draft carried over, word for word, from the same author's earlier drafts.

Texts are compared without whitespace and punctuation. Every 8-character shingle of the
earlier drafts is indexed; a run in the draft starting with an indexed shingle is extended
character by character against each place it occurs, the longest taken. Runs close to each
other on both sides (a changed year, one word swapped) make one passage. A passage counts
when its shared characters, less those inside stock formulas everyone writes every year,
reach ``min_passage`` — a rewritten passage shares only short runs and is not reported.
Thresholds and the formulas are data: ``templates/rules/carryover.yaml``.

Places follow the checks' convention (:mod:`partybook.checks.model`): ``section``,
``item`` (None outside item sections) and ``start``/``end`` within the section's
paragraphs joined by ``\\n`` or within the item's ``heading\\nbody[\\npoint…]``.

No widgets, no files except the data file; :mod:`partybook.earlier` finds an author's earlier
drafts (in a folder, in a class, or a file the user adds).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .draft import Draft, Item

_WORD = re.compile(r"[^\W_]+")  # letters (CJK included) and digits
MIN_STOCK = 6  # shorter stock phrases are not masked
MAX_CANDIDATES = 64  # places of one shingle tried (stock phrases occur very often)


@dataclass(frozen=True)
class Settings:
    ngram: int = 8
    min_passage: int = 24
    gap: int = 6
    stock: tuple[str, ...] = ()
    skip_sections: frozenset[str] = frozenset({"title"})


@lru_cache(maxsize=4)
def _settings_from(path: str, mtime: float) -> Settings:
    from .datafile import read_yaml

    data = read_yaml(path, "旧稿比对设置文件") or {}
    t = data.get("thresholds") or {}
    return Settings(
        ngram=int(t.get("ngram", 8)),
        min_passage=int(t.get("min_passage", 24)),
        gap=int(t.get("gap", 6)),
        stock=tuple(
            n
            for n in sorted({_norm(s)[0] for s in [*(data.get("stock") or ()), *formula_phrases()]})
            if len(n) >= MIN_STOCK  # a two-character member (创新, 绿色) is everyday wording
        ),
        skip_sections=frozenset(data.get("skip_sections") or ("title",)),
    )


def formula_phrases() -> list[str]:
    """Every exact political wording of ``templates/rules/formulas.yaml`` (whole formulas,
    their clauses and members, names, current titles): stock text, not a carry-over."""
    try:
        from .formulas.data import load_file

        data = load_file()
    except Exception:  # the formulas file is another area's; without it, ours still works
        return []
    out: list[str] = []
    for f in data.formulas:
        if f.kind != "name":
            out.append(f.wording)
        out += [f.name, *f.aliases, *f.members]
        out += [t for part in f.parts for t in part.text]
    out += [d.current for d in data.dated if d.current]
    return out


def data_path() -> Path:
    from .paths import templates_dir

    return templates_dir() / "rules" / "carryover.yaml"


def settings() -> Settings:
    p = data_path()
    return _settings_from(str(p), p.stat().st_mtime)


CODE = "PB650"


def rule_texts() -> dict[str, str]:
    """PB650's catalogue entry (title, severity, message, what, why, example), from the
    rule catalogue like every other rule's."""
    from .checks.registry import catalogue

    return {k: str(v) for k, v in catalogue()[CODE].items()}


@dataclass
class Earlier:
    """An earlier draft of the author and how to name it to the user."""

    draft: Draft
    year: int | None
    label: str  # file name


@dataclass
class Carried:
    section: str
    item: int | None
    start: int
    end: int
    length: int  # characters shared (whitespace, punctuation and stock formulas not counted)
    text: str  # the passage as it stands in the draft
    earlier_text: str  # the passage as it stood in the earlier draft
    year: int | None
    earlier: str  # the earlier draft's label (file name)
    earlier_section: str = ""
    earlier_item: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "section": self.section,
            "item": self.item,
            "start": self.start,
            "end": self.end,
            "length": self.length,
            "year": self.year,
            "earlier": self.earlier,
            "text": self.text,
            "earlier_text": self.earlier_text,
        }


@dataclass
class _Unit:
    section: str
    item: int | None
    text: str
    norm: str = ""
    pos: list[int] = field(default_factory=list)  # norm index → text index


def _norm(text: str) -> tuple[str, list[int]]:
    chars: list[str] = []
    pos: list[int] = []
    for m in _WORD.finditer(text):
        chars.append(m.group())
        pos.extend(range(m.start(), m.end()))
    return "".join(chars), pos


def item_text(item: Item) -> str:
    """As :func:`partybook.checks.model.item_text` (offsets of item findings)."""
    parts = [item.heading, item.body]
    for sub in item.items or []:
        parts.extend((sub.heading, sub.body))
    return "\n".join(parts)


def units(draft: Draft, skip: frozenset[str] = frozenset({"title"})) -> list[_Unit]:
    out: list[_Unit] = []
    for sid, content in draft.sections.items():
        if sid in skip:
            continue
        if isinstance(content, str):
            out.append(_Unit(sid, None, content))
        elif content and isinstance(content[0], Item):
            out += [
                _Unit(sid, i, item_text(it)) for i, it in enumerate(content) if isinstance(it, Item)
            ]
        else:
            out.append(_Unit(sid, None, "\n".join(p for p in content if isinstance(p, str))))
    for u in out:
        u.norm, u.pos = _norm(u.text)
    return [u for u in out if u.norm]


def _stock_mask(norm: str, stock: Sequence[str]) -> list[bool]:
    mask = [False] * len(norm)
    for phrase in stock:
        if not phrase:
            continue
        i = norm.find(phrase)
        while i >= 0:
            mask[i : i + len(phrase)] = [True] * len(phrase)
            i = norm.find(phrase, i + 1)
    return mask


@dataclass
class _Match:
    i: int  # start in the draft unit's norm
    e: int  # end
    src: int  # earlier index
    unit: int  # unit index within that earlier draft
    j: int  # start in the earlier unit's norm
    f: int  # end


def _matches(
    norm: str, index: dict[str, list[tuple[int, int, int]]], olds: list[list[_Unit]], n: int
) -> list[_Match]:
    out: list[_Match] = []
    i = 0
    limit = len(norm) - n
    while i <= limit:
        places = index.get(norm[i : i + n])
        if not places:
            i += 1
            continue
        best: _Match | None = None
        for src, k, j in places[:MAX_CANDIDATES]:
            old = olds[src][k].norm
            length = n
            while (
                i + length < len(norm)
                and j + length < len(old)
                and norm[i + length] == old[j + length]
            ):
                length += 1
            if best is None or length > best.e - best.i:
                best = _Match(i, i + length, src, k, j, j + length)
        assert best is not None
        out.append(best)
        i = best.e
    return out


def _merge(matches: list[_Match], gap: int) -> list[list[_Match]]:
    groups: list[list[_Match]] = []
    for m in matches:
        if groups:
            last = groups[-1][-1]
            if (
                m.src == last.src
                and m.unit == last.unit
                and 0 <= m.i - last.e <= gap
                and 0 <= m.j - last.f <= gap
            ):
                groups[-1].append(m)
                continue
        groups.append([m])
    return groups


def find(draft: Draft, earlier: Sequence[Earlier], cfg: Settings | None = None) -> list[Carried]:
    """Every passage of ``draft`` carried over from one of ``earlier``, in draft order."""
    cfg = cfg or settings()
    n = cfg.ngram
    olds = [units(e.draft, cfg.skip_sections) for e in earlier]
    index: dict[str, list[tuple[int, int, int]]] = {}
    for src, us in enumerate(olds):
        for k, u in enumerate(us):
            for j in range(len(u.norm) - n + 1):
                index.setdefault(u.norm[j : j + n], []).append((src, k, j))
    if not index:
        return []
    out: list[Carried] = []
    for u in units(draft, cfg.skip_sections):
        mask = _stock_mask(u.norm, cfg.stock)
        for group in _merge(_matches(u.norm, index, olds, n), cfg.gap):
            length = sum(m.e - m.i - sum(mask[m.i : m.e]) for m in group)
            if length < cfg.min_passage:
                continue
            first, last = group[0], group[-1]
            old = olds[first.src][first.unit]
            start, end = u.pos[first.i], u.pos[last.e - 1] + 1
            source = earlier[first.src]
            out.append(
                Carried(
                    u.section,
                    u.item,
                    start,
                    end,
                    length,
                    u.text[start:end],
                    old.text[old.pos[first.j] : old.pos[last.f - 1] + 1],
                    source.year,
                    source.label,
                    old.section,
                    old.item,
                )
            )
    return out


def text_chars(draft: Draft, cfg: Settings | None = None) -> int:
    """Characters compared (whitespace and punctuation not counted, skipped sections left out)."""
    return sum(len(u.norm) for u in units(draft, (cfg or settings()).skip_sections))


def carried_share(draft: Draft, earlier: Sequence[Earlier], cfg: Settings | None = None) -> float:
    """The share of the draft's text (0..1) carried over from ``earlier``."""
    cfg = cfg or settings()
    total = text_chars(draft, cfg)
    if not total or not earlier:
        return 0.0
    return min(1.0, sum(c.length for c in find(draft, earlier, cfg)) / total)


def _shown(text: str, width: int = 30) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 2] + "……"


def findings(draft: Draft, earlier: Sequence[Earlier], cfg: Settings | None = None) -> list[Any]:
    """PB650 findings (:class:`partybook.checks.Finding`, warning) for :func:`find`'s
    passages, texts from the rule catalogue (``templates/rules/catalogue.yaml``)."""
    from .checks import Finding

    texts = rule_texts()
    out = []
    for c in find(draft, earlier, cfg):
        year = f"{c.year}年" if c.year else f"旧稿“{c.earlier}”"
        message = texts["message"].format(length=c.length, year=year, old=_shown(c.earlier_text))
        out.append(Finding(CODE, texts["severity"], message, c.section, c.item, c.start, c.end))
    return out
