"""Scoring the anonymiser on a labelled set: drafts whose text marks private details
``[[…]]`` (must be replaced) and public names ``{{…}}`` (must be kept)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..draft import Draft, Meta

MARK = re.compile(r"\[\[(.+?)\]\]|\{\{(.+?)\}\}")
# the quality targets (docs/CONTRACTS.md), printed by the benchmark and used by the tests
RECALL_TARGET = 0.98
PRECISION_TARGET = 0.95


@dataclass
class Labelled:
    id: str
    draft: Draft
    paragraphs: list[str]
    private: list[list[tuple[int, int]]]  # per paragraph
    public: list[list[tuple[int, int]]]


@dataclass
class Score:
    private: int = 0
    private_found: int = 0
    replacements: int = 0
    true_replacements: int = 0
    protected: int = 0
    protected_replaced: int = 0
    overreach: int = 0  # replacements of a private detail that change a neighbour too
    misses: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.private_found / self.private if self.private else 1.0

    @property
    def precision(self) -> float:
        return self.true_replacements / self.replacements if self.replacements else 1.0


def changed_span(start: int, original: str, placeholder: str) -> tuple[int, int]:
    """The characters a replacement really changes: 赵书记 → 某书记 changes only 赵."""
    head = 0
    while head < min(len(original), len(placeholder)) and original[head] == placeholder[head]:
        head += 1
    tail = 0
    while (
        tail < min(len(original), len(placeholder)) - head
        and original[-1 - tail] == placeholder[-1 - tail]
    ):
        tail += 1
    return start + head, start + len(original) - tail


def parse(entry: dict) -> Labelled:
    paragraphs: list[str] = []
    private: list[list[tuple[int, int]]] = []
    public: list[list[tuple[int, int]]] = []
    for raw in str(entry["text"]).split("\n\n"):
        plain: list[str] = []
        priv: list[tuple[int, int]] = []
        pub: list[tuple[int, int]] = []
        pos = 0
        last = 0
        for m in MARK.finditer(raw):
            plain.append(raw[last : m.start()])
            pos += m.start() - last
            word = m.group(1) or m.group(2)
            (priv if m.group(1) else pub).append((pos, pos + len(word)))
            plain.append(word)
            pos += len(word)
            last = m.end()
        plain.append(raw[last:])
        paragraphs.append("".join(plain).strip("\n"))
        private.append(priv)
        public.append(pub)
    meta = {k: str(v) for k, v in (entry.get("meta") or {}).items()}
    draft = Draft(genre="dangxing-fenxi", meta=Meta(**meta), sections={"opening": paragraphs})
    return Labelled(str(entry["id"]), draft, paragraphs, private, public)


def load(path: str | Path) -> list[Labelled]:
    from ..datafile import read_yaml
    from ..errors import PartybookError

    return [parse(e) for e in read_yaml(Path(path), "匿名化评测集", PartybookError)]


def score(cases: list[Labelled]) -> Score:
    from . import propose

    s = Score()
    for case in cases:
        props = [p for p in propose(case.draft) if p.section == "opening"]
        for i, para in enumerate(case.paragraphs):
            mine = [p for p in props if p.part == f"paragraph:{i}"]
            spans = [(p.start, p.end) for p in mine]
            private_chars = {k for b, e in case.private[i] for k in range(b, e)}
            for p in mine:
                b, e = changed_span(p.start, p.original, p.placeholder)
                inside = [k in private_chars for k in range(b, e)]
                if any(inside) and not all(inside):  # a detail and its neighbour
                    s.overreach += 1
                    s.wrong.append(f"{case.id}: 改动了细节以外的字 {para[p.start : p.end]}")
            covered: set[int] = set()
            for b, e in spans:
                covered.update(range(b, e))
            for b, e in case.private[i]:
                s.private += 1
                if all(k in covered for k in range(b, e)):
                    s.private_found += 1
                else:
                    s.misses.append(f"{case.id}: {para[b:e]}")
            for b, e in case.public[i]:
                s.protected += 1
                if any(k in covered for k in range(b, e)):
                    s.protected_replaced += 1
                    s.wrong.append(f"{case.id}: 公共名称被替换 {para[b:e]}")
            for b, e in spans:
                s.replacements += 1
                if any(b < pe and pb < e for pb, pe in case.private[i]):
                    s.true_replacements += 1
                else:
                    s.wrong.append(f"{case.id}: 多余替换 {para[b:e]}")
    return s
