"""The copied-run detector itself: it finds a run of the reference and forgives stock
phrases (checked with the committed hashes, never the reference's text)."""

from __future__ import annotations

from . import overlap
from .overlap import RUN, run_hash, runs, seed_hashes, shared_runs, stock_phrases


def test_hashes_are_committed_and_match_their_format() -> None:
    hashes = seed_hashes()
    assert len(hashes) > 1000
    assert all(len(h) == 16 and int(h, 16) >= 0 for h in hashes)


def test_an_own_sentence_shares_nothing() -> None:
    assert shared_runs(["今年我在调度中心值守夜班十二天，配合泵站调整了运行方案。"]) == []


def test_stock_phrases_are_forgiven_and_runs_are_whitespace_blind() -> None:
    phrase = stock_phrases()[0]
    assert len(phrase) >= RUN
    assert all(run_hash(r) for r in runs(phrase))
    assert shared_runs([phrase]) == []
    assert runs("一 二三四五六七八九十甲乙丙") == [
        "一二三四五六七八九十甲乙",
        "二三四五六七八九十甲乙丙",
    ]


def test_a_run_of_the_reference_is_found(monkeypatch) -> None:
    # plant a made-up "reference" run in the hash set: the detector must report it
    planted = "这是一段仅供测试的虚构句子"
    monkeypatch.setattr(overlap, "seed_hashes", lambda: frozenset({run_hash(planted[:RUN])}))
    assert overlap.shared_runs([f"前文{planted}后文"]) == [planted[:RUN]]
