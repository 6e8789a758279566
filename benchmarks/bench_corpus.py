"""The checks on the labelled corpus (``tests/checks/corpus/``): precision and recall per
family, and the good drafts (of every genre) that must raise nothing but length findings
and hints, counted per genre.

Per rule of ``sentences.yaml``, each sentence is put into the clean 党性分析 of
``tests/fixtures/checks/clean_draft.json`` and checked. A positive is found when its rule
fires at the place the sentence was put; every finding there of an evaluated code on a negative is a false one, whatever rule the
negative was written for (good writing must stay quiet). Per family (code digit):
precision = true findings / all findings over positives and negatives; recall = positives
found / positives. Targets: precision ≥ 0.95, recall ≥ 0.9.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from partybook.checks import Finding, check
from partybook.checks.table import FAMILIES
from partybook.draft import Draft, Item
from partybook.genre import available_genres
from partybook.storage import load

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "checks" / "corpus"
HOST = ROOT / "tests" / "fixtures" / "checks" / "clean_draft.json"
TODAY = date(2026, 11, 27)
PRECISION, RECALL = 0.95, 0.9
LENGTH_CODES = frozenset({"PB501", "PB502"})


def cases() -> dict[str, dict[str, Any]]:
    return yaml.safe_load((CORPUS / "sentences.yaml").read_text("utf-8"))


def family(code: str) -> str:
    """The family of a built-in code (its digit), or "phrases" for a phrase rule (PHR002)."""
    return FAMILIES.get(code[2], "phrases") if code.startswith("PB") else "phrases"


def sentence(entry: str | dict[str, Any], year: int | None) -> tuple[str, int | None]:
    """A labelled sentence and the year of its draft: a plain string takes its block's
    year; ``{text: …, year: …}`` has its own."""
    if isinstance(entry, dict):
        return entry["text"], entry.get("year", year)
    return entry, year


def place(host: Draft, where: str, text: str, year: int | None = None) -> Draft:
    """A copy of ``host`` with ``text`` put at ``where`` (see sentences.yaml)."""
    d = host.model_copy(deep=True)
    if year:
        d.meta.date = f"{year}-06-30"
    if where.startswith("meta."):
        setattr(d.meta, where.removeprefix("meta."), text)
    elif where.endswith(".item"):  # the whole first item: heading line, then body
        item = d.sections[where.removesuffix(".item")][0]
        assert isinstance(item, Item)
        item.heading, _, item.body = text.partition("\n")
    elif where in ("problems", "causes", "measures"):
        item = d.sections[where][0]
        assert isinstance(item, Item)
        item.body = text
    else:
        paragraphs = d.sections[where]
        assert isinstance(paragraphs, list)
        paragraphs[0] = text
    return d


def _at(found: list[Finding], where: str) -> set[str]:
    """The codes found at the place the sentence was put (its item, paragraph or the
    sign-off): what the sentence caused."""
    if where.startswith("meta."):
        return {f.code for f in found if f.section == "signoff"}
    where = where.removesuffix(".item")
    if where in ("problems", "causes", "measures"):
        return {f.code for f in found if f.section == where and f.item == 0}
    first = {f.code for f in found if f.section == where and f.start == f.end == 0}
    return first | {f.code for f in found if f.section == where and f.index in (0, None)}


def evaluate() -> tuple[dict[str, dict[str, int]], list[str]]:
    """Per family: tp, fp, fn; and a line per miss or false finding."""
    host = load(HOST)
    data = cases()
    evaluated = set(data)
    counts: dict[str, dict[str, int]] = defaultdict(lambda: {"tp": 0, "fp": 0, "fn": 0})
    misses: list[str] = []
    for code, block in data.items():
        where, year = block["where"], block.get("year")
        for label in ("positive", "negative"):
            for entry in block[label]:
                text, at_year = sentence(entry, year)
                found = _at(check(place(host, where, text, at_year), today=TODAY), where)
                found &= evaluated
                if label == "positive":
                    fam = family(code)
                    if code in found:
                        counts[fam]["tp"] += 1
                    else:
                        counts[fam]["fn"] += 1
                        misses.append(f"missed {code}: {text!r}")
                else:
                    for c in found:
                        counts[family(c)]["fp"] += 1
                        misses.append(f"false {c} on a {code} negative: {text!r}")
    return dict(counts), misses


def good_drafts() -> list[tuple[str, str, list[Finding]]]:
    """Each good draft: its file name, its genre and its findings other than length and
    hints."""
    out = []
    for path in sorted((CORPUS / "drafts").glob("*.json")):
        draft = load(path)
        bad = [
            f
            for f in check(draft, today=TODAY)
            if f.code not in LENGTH_CODES and f.severity != "hint"
        ]
        out.append((path.name, draft.genre, bad))
    return out


def run() -> list[dict]:
    counts, misses = evaluate()
    figures: list[dict] = []
    order = [*FAMILIES.values(), "phrases"]
    for fam in sorted(counts, key=order.index):
        c = counts[fam]
        found = c["tp"] + c["fp"]
        precision = c["tp"] / found if found else 1.0
        recall = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0
        note = f"{c['tp']} true, {c['fp']} false, {c['fn']} missed"
        figures.append(
            {
                "name": f"corpus precision, {fam}",
                "value": round(precision, 3),
                "unit": "",
                "note": f"target ≥ {PRECISION}; {note}",
            }
        )
        figures.append(
            {
                "name": f"corpus recall, {fam}",
                "value": round(recall, 3),
                "unit": "",
                "note": f"target ≥ {RECALL}",
            }
        )
    drafts = good_drafts()
    noisy = [(name, bad) for name, _genre, bad in drafts if bad]
    figures.append(
        {
            "name": "good drafts raising an error or warning (besides length)",
            "value": len(noisy),
            "unit": f"of {len(drafts)}",
            "target": 0,
            "note": "; ".join(f"{n}: {', '.join(f.code for f in b)}" for n, b in noisy) or "none",
        }
    )
    for genre in available_genres():
        mine = [(name, bad) for name, g, bad in drafts if g == genre]
        flagged = [name for name, bad in mine if bad]
        figures.append(
            {
                "name": f"good drafts flagged, {genre}",
                "value": len(flagged),
                "unit": f"of {len(mine)}",
                "target": 0,
                "note": ", ".join(flagged) or ("no good draft yet" if not mine else "none"),
            }
        )
    for line in misses:
        print("  ", line)
    return figures


if __name__ == "__main__":
    for fig in run():
        print(fig)
