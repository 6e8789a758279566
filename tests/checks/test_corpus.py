"""The labelled check corpus (tests/checks/corpus/): well-formed, and the good drafts of
every genre stay quiet and copy nothing from the reference document. Precision and recall
are benchmark figures (benchmarks/bench_corpus.py)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml
from genres.overlap import shared_runs

from partybook.checks import check, rules
from partybook.checks.phrases import default_phrase_rules
from partybook.draft import Draft
from partybook.genre import available_genres, load_genre
from partybook.storage import load

from .conftest import TODAY

CORPUS = Path(__file__).resolve().parent / "corpus"
LENGTH_CODES = {"PB501", "PB502"}
DRAFTS = sorted((CORPUS / "drafts").glob("*.json"))


def _texts(entries: list) -> set[str]:
    """The sentences of a block's list: plain strings or ``{text:, year:}``."""
    out = set()
    for e in entries:
        if isinstance(e, dict):
            assert set(e) <= {"text", "year"} and isinstance(e.get("year"), int), e
            e = e["text"]
        assert isinstance(e, str), e
        out.add(e)
    return out


def test_corpus_has_five_positives_and_five_negatives_per_rule():
    data = yaml.safe_load((CORPUS / "sentences.yaml").read_text("utf-8"))
    known = set(rules()) | {p.code for p in default_phrase_rules()}
    for code, block in data.items():
        assert code in known, code
        assert len(block["positive"]) >= 5 and len(block["negative"]) >= 5, code
        assert not _texts(block["positive"]) & _texts(block["negative"]), code
    # every rule issue 12 asked for is measured
    assert {f"PB60{n}" for n in range(1, 7)} | {"PB505", "PB506", "PB507"} <= set(data)


def _draft(path: Path) -> Draft:
    return load(path)  # the product's own loader: the corpus drafts are real draft files


def test_every_genre_has_at_least_two_good_drafts():
    # negatives matter as much as positives: each genre's own sections (民主生活会's
    # 相互批评, 思想汇报's letter, 民主评议's 自评等次) must be shown to stay quiet
    per_genre = Counter(_draft(p).genre for p in DRAFTS)
    assert {g: per_genre[g] for g in available_genres() if per_genre[g] < 2} == {}


@pytest.mark.parametrize("path", DRAFTS, ids=[p.stem for p in DRAFTS])
def test_good_draft_is_a_complete_draft_of_its_genre(path):
    draft = _draft(path)
    genre = load_genre(draft.genre)
    known = {s.id for s in genre.sections} | {f"{s.id}_lead" for s in genre.sections}
    assert set(draft.sections) <= known, sorted(set(draft.sections) - known)
    assert draft.meta.author and draft.meta.date
    assert [f.code for f in check(draft, today=TODAY) if f.code == "PB101"] == []


@pytest.mark.parametrize("path", DRAFTS, ids=[p.stem for p in DRAFTS])
def test_good_draft_raises_no_error_or_warning_besides_length(path):
    noisy = [
        (f.code, f.section, f.message)
        for f in check(_draft(path), today=TODAY)
        if f.severity != "hint" and f.code not in LENGTH_CODES
    ]
    assert noisy == []


@pytest.mark.parametrize("path", DRAFTS, ids=[p.stem for p in DRAFTS])
def test_good_draft_shares_no_run_with_the_reference(path):
    draft = _draft(path)
    paragraphs = [p for sid in draft.sections for p in draft.text_of(sid).split("\n")]
    paragraphs += [v for v in draft.meta.model_dump().values() if isinstance(v, str)]
    assert shared_runs(paragraphs) == []
