"""The labelled sentences of cases.yaml, one test each: what must be found and what must not."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from partybook.formulas import find_dated, find_misquotes

CASES = yaml.safe_load((Path(__file__).with_name("cases.yaml")).read_text(encoding="utf-8"))[
    "cases"
]


def test_the_set_is_large_and_balanced() -> None:
    assert len(CASES) >= 40
    kinds = {c["misquote"] for c in CASES if "misquote" in c}
    assert kinds == {"member", "missing", "order", "word", "outdated", "name"}
    assert sum("dated" in c for c in CASES) >= 10
    assert sum("dated" not in c and "misquote" not in c for c in CASES) >= 25


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:16] for c in CASES])
def test_case(case: dict) -> None:
    text, year = case["text"], case["year"]
    misquotes = find_misquotes(text, year)
    if "misquote" in case:
        assert misquotes, "misquote not found"
        first = misquotes[0]
        assert first.kind == case["misquote"]
        assert case["expected"] in first.expected
        assert text[first.start : first.end] == first.found
        assert first.source and first.name
    else:
        assert misquotes == []
    dated = find_dated(text, year)
    if "dated" in case:
        assert dated, "dated mention not found"
        assert case["dated"] in dated[0].found
        assert case.get("current", "") in dated[0].current
        assert text[dated[0].start : dated[0].end] == dated[0].found
    else:
        assert dated == []
