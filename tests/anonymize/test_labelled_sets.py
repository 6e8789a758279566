"""The labelled and held-out sets as regression tests: no public name replaced in any draft,
and recall and precision of each set within the targets, the misses allowed computed from
the size of the set (the benchmark prints the figures themselves)."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from partybook.anonymizer.evaluate import (
    PRECISION_TARGET,
    RECALL_TARGET,
    Labelled,
    changed_span,
    load,
    score,
)

HERE = Path(__file__).parent
SETS = {
    name: load(HERE / f"{name}.yaml") for name in ("labelled", "heldout", "heldout2", "heldout3")
}
CASES = [(f"{name}:{case.id}", case) for name, cases in SETS.items() for case in cases]


def test_the_sets_are_large_enough_to_measure() -> None:
    sizes = {name: len(cases) for name, cases in SETS.items()}
    assert sizes["labelled"] >= 40 and sizes["heldout"] >= 10 and sizes["heldout2"] >= 15
    assert sizes["heldout3"] >= 8
    for cases in SETS.values():
        private = sum(len(p) for case in cases for p in case.private)
        public = sum(len(p) for case in cases for p in case.public)
        assert private >= 40 and public >= 20, (private, public)


@pytest.mark.parametrize("case", [c for _, c in CASES], ids=[i for i, _ in CASES])
def test_no_public_name_is_replaced(case: Labelled) -> None:
    s = score([case])
    assert s.protected_replaced == 0, [w for w in s.wrong if "公共名称" in w]


@pytest.mark.parametrize("case", [c for _, c in CASES], ids=[i for i, _ in CASES])
def test_no_replacement_changes_the_words_next_to_a_detail(case: Labelled) -> None:
    s = score([case])
    assert s.overreach == 0, [w for w in s.wrong if "以外" in w]


def test_only_the_characters_a_replacement_changes_count() -> None:
    assert changed_span(10, "赵书记", "某书记") == (10, 11)
    assert changed_span(0, "王秀英", "某某") == (0, 3)
    assert changed_span(3, "林芳一", "某某") == (3, 6)


@pytest.mark.parametrize("name", list(SETS))
def test_recall_and_precision_within_the_targets(name: str) -> None:
    s = score(SETS[name])
    allowed_misses = math.floor(s.private * (1 - RECALL_TARGET) + 1e-9)
    allowed_wrong = math.floor(s.replacements * (1 - PRECISION_TARGET) + 1e-9)
    assert len(s.misses) <= allowed_misses, s.misses
    assert s.replacements - s.true_replacements <= allowed_wrong, s.wrong
