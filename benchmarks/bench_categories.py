"""Problem categories: micro-averaged precision, recall and F1 over (item, category) pairs on
the labelled problem items of tests/categories, overall and per category:

* ``labelled*.yaml`` — the tuning set: the items the keywords were broadened and weighed on
  (each held-out set joins it once its misses have been read to tune);
* ``heldout*.yaml`` — items written, labelled and committed before the round of tuning they
  measure and never used for it, each file on its own (each was written at a different
  round), then all of them pooled: the figure for new writing.

``python benchmarks/bench_categories.py`` prints the figures of every set; with patterns
(``python benchmarks/bench_categories.py 'labelled*.yaml'``) it lists the items it gets wrong
with the words that decided, for an instructor editing the taxonomy.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # measure this checkout's partybook and templates, not another
    sys.path.insert(0, str(ROOT))

from partybook.categories import categorise, taxonomy  # noqa: E402

LABELLED = ROOT / "tests" / "categories"


def sets() -> list[tuple[str, str]]:
    """The tuning set, each held-out file on its own (each was written at a different round
    of tuning), then the held-out files pooled."""
    held = sorted(p.name for p in LABELLED.glob("heldout*.yaml"))
    pooled = [("held out, pooled", "heldout*.yaml")] if len(held) > 1 else []
    return [("tuning set", "labelled*.yaml")] + [(f"held out {h}", h) for h in held] + pooled


def load(pattern: str) -> list[dict]:
    items: list[dict] = []
    for path in sorted(LABELLED.glob(pattern)):
        items += yaml.safe_load(path.read_text(encoding="utf-8"))
    return items


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def counts(items: list[dict], verbose: bool = False) -> dict[str, list[int]]:
    """True positives, false positives and false negatives per category id."""
    per: dict[str, list[int]] = {c.id: [0, 0, 0] for c in taxonomy()[0].categories}
    for d in items:
        found = categorise(d["heading"], d["body"])
        got, gold = {c.id for c in found}, set(d["categories"])
        for cid in got & gold:
            per[cid][0] += 1
        for cid in got - gold:
            per[cid][1] += 1
        for cid in gold - got:
            per[cid][2] += 1
        if verbose and got != gold:
            why = "; ".join(f"{c.id}: {'、'.join(c.words[:4])}" for c in found)
            print(f"{d['heading']} gold {sorted(gold)} got {sorted(got)} ({why})")
    return per


def scores(items: list[dict], verbose: bool = False) -> tuple[float, float, float]:
    per = counts(items, verbose)
    return _prf(*(sum(v[i] for v in per.values()) for i in range(3)))


def run() -> list[dict]:
    figures = []
    for label, pattern in sets():
        items = load(pattern)
        per = counts(items)
        p, r, f1 = _prf(*(sum(v[i] for v in per.values()) for i in range(3)))
        note = f"{len(items)} items, {sum(len(d['categories']) > 1 for d in items)} with two"
        figures += [
            {"name": f"categories F1, {label}", "value": f1, "unit": "", "note": note},
            {"name": f"categories precision, {label}", "value": p, "unit": ""},
            {"name": f"categories recall, {label}", "value": r, "unit": ""},
        ]
        for cid, (tp, fp, fn) in per.items():
            cp, cr, cf = _prf(tp, fp, fn)
            figures.append(
                {
                    "name": f"categories F1 {cid}, {label}",
                    "value": cf,
                    "unit": "",
                    "note": f"P {cp:.2f} R {cr:.2f}, {tp + fn} gold",
                }
            )
    figures.append(_speed())
    return figures


def _speed() -> dict:
    """Categorising a class of 200 drafts × 6 problem items (the class report's load)."""
    import time

    items = load("*.yaml")
    batch = [(d["heading"], d["body"]) for d in (items * (1200 // len(items) + 1))[:1200]]
    categorise(*batch[0])  # load and compile the taxonomy outside the timing
    runs = []
    for _ in range(3):  # the best of three: the machine is shared
        start = time.perf_counter()
        for heading, body in batch:
            categorise(heading, body)
        runs.append(time.perf_counter() - start)
    return {
        "name": "categories, 200 drafts × 6 problems",
        "value": min(runs),
        "unit": "s",
        "target": 0.1,
    }


def summary() -> None:
    """Every set's size and P/R/F1, one line each."""
    for label, pattern in sets():
        items = load(pattern)
        p, r, f1 = scores(items)
        print(f"{label:28} {len(items):4} items  P {p:.3f}  R {r:.3f}  F1 {f1:.3f}")


if __name__ == "__main__":
    if len(sys.argv) > 1:
        for pattern in sys.argv[1:]:
            p, r, f1 = scores(load(pattern), verbose=True)
            print(f"{pattern}: P {p:.3f} R {r:.3f} F1 {f1:.3f}")
    else:
        summary()
