"""The labelled check corpus (tests/checks/corpus/): well-formed, and the good drafts stay
quiet. Precision and recall are benchmark figures (benchmarks/bench_corpus.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from partybook.checks import check, rules
from partybook.draft import Draft

from .conftest import TODAY

CORPUS = Path(__file__).resolve().parent / "corpus"
LENGTH_CODES = {"PB501", "PB502"}
DRAFTS = sorted((CORPUS / "drafts").glob("*.json"))


def test_corpus_has_five_positives_and_five_negatives_per_rule():
    data = yaml.safe_load((CORPUS / "sentences.yaml").read_text("utf-8"))
    known = set(rules())
    for code, block in data.items():
        assert code in known, code
        assert len(block["positive"]) >= 5 and len(block["negative"]) >= 5, code
        assert not set(block["positive"]) & set(block["negative"]), code
    # every rule issue 12 asked for is measured
    assert {f"PB60{n}" for n in range(1, 7)} | {"PB505", "PB506", "PB507"} <= set(data)


def test_at_least_eight_good_drafts_across_the_genres():
    genres = {json.loads(p.read_text("utf-8"))["genre"] for p in DRAFTS}
    assert len(DRAFTS) >= 8 and len(genres) >= 2


@pytest.mark.parametrize("path", DRAFTS, ids=[p.stem for p in DRAFTS])
def test_good_draft_raises_no_error_or_warning_besides_length(path):
    draft = Draft.model_validate(json.loads(path.read_text("utf-8")))
    noisy = [
        (f.code, f.message)
        for f in check(draft, today=TODAY)
        if f.severity != "hint" and f.code not in LENGTH_CODES
    ]
    assert noisy == []
