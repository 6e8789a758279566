"""Political formulas (partybook.formulas): precision/recall on the labelled sentences of
tests/formulas/cases.yaml, and the time of find_misquotes + find_dated on 10,000 characters.

Precision = right findings / all findings; recall = labelled faults found / labelled faults.
Speed: cold (per-text caches cleared; the data file stays compiled, once per process) and warm (same text again, the per-text
cache), on the worked example scaled to 10,000 characters and on 10,000 characters dense with
formulas (the labelled sentences repeated).
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

import yaml
from common import large_draft

from partybook import formulas
from partybook.genre import load_genre

CASES = Path(__file__).resolve().parent.parent / "tests" / "formulas" / "cases.yaml"


def _scores(cases: list[dict]) -> dict[str, tuple[int, int, int]]:
    """Per family: (true findings, all findings, labelled faults)."""
    out = {"misquote": [0, 0, 0], "dated": [0, 0, 0]}
    for c in cases:
        text, year = c["text"], c["year"]
        got_m = formulas.find_misquotes(text, year)
        got_d = formulas.find_dated(text, year)
        m, d = out["misquote"], out["dated"]
        m[1] += len(got_m)
        d[1] += len(got_d)
        if "misquote" in c:
            m[2] += 1
            m[0] += sum(1 for r in got_m if r.kind == c["misquote"] and c["expected"] in r.expected)
        if "dated" in c:
            d[2] += 1
            d[0] += sum(1 for r in got_d if c["dated"] in r.found)
    return {k: (v[0], v[1], v[2]) for k, v in out.items()}


def _us(fn, runs: int, cold: bool) -> tuple[float, float]:
    """(median, fastest) of ``runs`` calls in µs; the fastest shows the cost on an idle machine."""
    times = []
    for _ in range(runs):
        if cold:  # a text never seen; the data file is compiled once per process
            formulas.clear_results()
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1e6)
    return statistics.median(times), min(times)


def run() -> list[dict]:
    figures = []
    labelled = yaml.safe_load(CASES.read_text(encoding="utf-8"))
    for part, label in (("cases", "labelled sentences"), ("heldout", "held-out sentences")):
        for family, (true, found, faults) in _scores(labelled[part]).items():
            precision = true / found if found else 1.0
            recall = true / faults if faults else 1.0
            for name, value in (("precision", precision), ("recall", recall)):
                figures.append(
                    {
                        "name": f"formulas: {family} {name} ({label})",
                        "value": round(value, 3),
                        "unit": "",
                        "note": f"{true} right of {found} found, {faults} labelled; target ≥ 0.95",
                    }
                )
    genre = load_genre("dangxing-fenxi")
    draft = large_draft(10_000)
    plain = "".join(draft.text_of(s) for s in genre.section_ids)[:10_000]
    sentences = [c["text"] for c in labelled["cases"]]
    dense = ("".join(sentences) * 10)[:10_000]
    runs = (
        ("10,000 chars (worked example)", plain, True),
        ("one 300-char paragraph dense with formulas (a keystroke)", dense[:300], True),
        ("10,000 chars, ~100 formulas (stress)", dense, False),
    )
    for label, text, has_target in runs:

        def both(text: str = text) -> None:
            formulas.find_misquotes(text, 2025)
            formulas.find_dated(text, 2025)

        for mode, cold in (("cold", True), ("warm", False)):
            median, fastest = _us(both, 40, cold)
            figure = {
                "name": f"formulas: misquotes + dated, {label}, {mode}",
                "value": round(median, 1),
                "unit": "µs",
                "note": f"median of 40, fastest {fastest:.1f} µs; cold = per-text caches cleared",
            }
            if has_target or not cold:
                figure["target"] = 500.0 if cold else 20.0
            figures.append(figure)
    return figures


if __name__ == "__main__":
    for fig in run():
        print(fig)
