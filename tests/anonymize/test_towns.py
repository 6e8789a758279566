"""Towns of the division dataset are found whatever their name ends in (姚村镇, 任村镇,
福宁集镇, 段家乡); ordinary phrases built of the same words are not places."""

from __future__ import annotations

import random

import pytest

from partybook.anonymizer import anonymize
from partybook.anonymizer.divisions import load_divisions
from partybook.draft import Draft, Meta

TOWN_KEYS = ("town", "township", "subdistrict")
RECALL_FLOOR = 0.98


def _example(text: str, **meta: str) -> str:
    draft = Draft(meta=Meta(**meta), sections={"opening": [text]})
    example, _ = anonymize(draft)
    return example.sections["opening"][0]


def test_a_seeded_sample_of_the_datasets_towns_is_found() -> None:
    towns = sorted(n for n, key in load_divisions().full.items() if key in TOWN_KEYS)
    sample = random.Random(20261129).sample(towns, 200)
    missed = [t for t in sample if t in _example(f"去年我到{t}调研，收获很大。")]
    assert 1 - len(missed) / len(sample) >= RECALL_FLOOR, missed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("我和同事一起去姚村镇调研。", "我和同事一起去某镇调研。"),
        ("去年我到任村镇调研。", "去年我到某镇调研。"),
        ("我在福宁集镇蹲点。", "我在某镇蹲点。"),
        ("我在段家乡工作过。", "我在某乡工作过。"),
        ("我住在金山区。", "我住在某区。"),
        ("我到七个星镇走访。", "我到某镇走访。"),
    ],
)
def test_towns_ending_in_an_ordinary_word(text: str, expected: str) -> None:
    assert _example(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "推进小城镇建设和老城区改造。",
        "他担任村镇干部多年。",
        "这有利于城镇化发展。",
        "城市和村镇一起发展。",
        "回到家乡后，我以古镇为依托发展旅游。",
        "各城镇街道都要落实。",
    ],
)
def test_ordinary_phrases_are_no_towns(text: str) -> None:
    assert _example(text) == text
