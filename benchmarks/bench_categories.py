"""Problem categories: micro-averaged precision, recall and F1 over (item, category) pairs on
the labelled problem items of tests/categories: labelled*.yaml, the items the keywords were
tuned on, and heldout.yaml, items written after the last tuning and never used for it (the
figure for new writing)."""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from partybook.categories import categorise

LABELLED = Path(__file__).resolve().parent.parent / "tests" / "categories"


def load(pattern: str) -> list[dict]:
    items: list[dict] = []
    for path in sorted(LABELLED.glob(pattern)):
        items += yaml.safe_load(path.read_text(encoding="utf-8"))
    return items


def scores(items: list[dict], verbose: bool = False) -> tuple[float, float, float]:
    tp = fp = fn = 0
    for d in items:
        got = {c.id for c in categorise(d["heading"], d["body"])}
        gold = set(d["categories"])
        tp, fp, fn = tp + len(got & gold), fp + len(got - gold), fn + len(gold - got)
        if verbose and got != gold:
            print(d["heading"], "gold", sorted(gold), "got", sorted(got))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def run() -> list[dict]:
    figures = []
    for label, pattern in (
        ("all", "*.yaml"),
        ("tuning set", "labelled*.yaml"),
        ("held out", "heldout.yaml"),
    ):
        items = load(pattern)
        p, r, f1 = scores(items)
        note = f"{len(items)} items, {sum(len(d['categories']) > 1 for d in items)} with two"
        figures += [
            {
                "name": f"categories F1, {label}",
                "value": f1,
                "unit": "",
                "note": note + "; target ≥ 0.9",
            },
            {"name": f"categories precision, {label}", "value": p, "unit": ""},
            {"name": f"categories recall, {label}", "value": r, "unit": ""},
        ]
    return figures


if __name__ == "__main__":
    for pattern in sys.argv[1:] or ["labelled*.yaml"]:
        print(pattern, scores(load(pattern), verbose=True))
