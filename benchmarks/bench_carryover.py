"""Carry-over detection: precision and recall on the labelled pairs of
tests/carryover/labelled.yaml (a passage of an earlier draft, this year's passage, whether
it is carried over), for the configured minimum passage length and a few others, so the
threshold in templates/rules/carryover.yaml can be chosen from the figures."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import yaml

from partybook.carryover import Earlier, Settings, find, settings
from partybook.draft import Draft, Item

LABELLED = Path(__file__).resolve().parent.parent / "tests" / "carryover" / "labelled.yaml"


def _draft(text: str) -> Draft:
    return Draft(sections={"problems": [Item(body=text)]})


def scores(cfg: Settings) -> tuple[float, float, int]:
    pairs = yaml.safe_load(LABELLED.read_text(encoding="utf-8"))
    tp = fp = fn = 0
    for pair in pairs:
        found = bool(find(_draft(pair["new"]), [Earlier(_draft(pair["old"]), 2024, "旧稿")], cfg))
        tp += found and pair["carried"]
        fp += found and not pair["carried"]
        fn += not found and pair["carried"]
    precision = tp / (tp + fp) if tp + fp else 1.0
    return precision, tp / (tp + fn) if tp + fn else 1.0, len(pairs)


def run() -> list[dict]:
    base = settings()
    figures = []
    for min_passage in sorted({12, 16, 20, base.min_passage, 30, 40}):
        p, r, n = scores(replace(base, min_passage=min_passage))
        mark = " (configured)" if min_passage == base.min_passage else ""
        note = f"{n} labelled pairs{mark}"
        figures += [
            {
                "name": f"carry-over precision, min passage {min_passage}",
                "value": p,
                "unit": "",
                "note": note,
            },
            {
                "name": f"carry-over recall, min passage {min_passage}",
                "value": r,
                "unit": "",
                "note": note,
            },
        ]
    return figures


if __name__ == "__main__":
    for fig in run():
        print(fig["name"], round(fig["value"], 3), fig.get("note", ""))
