"""The formulas file itself: every entry sourced and consistent, and a broken file explained."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from partybook import formulas
from partybook.errors import PartybookError
from partybook.paths import templates_dir


@pytest.fixture(scope="module")
def data() -> formulas.FormulaFile:
    return formulas.load_file()


def test_every_entry_says_where_it_comes_from(data: formulas.FormulaFile) -> None:
    for f in data.formulas:
        assert f.source and (f.verified or f.unverified), f.id
    for d in data.dated:
        assert d.verified or d.unverified or d.kind in {"congress", "plenum", "plan", "title"}, d.id
    assert len({f.id for f in data.formulas}) == len(data.formulas)
    assert len({d.id for d in data.dated}) == len(data.dated)


def test_list_members_appear_in_the_wording_in_order(data: formulas.FormulaFile) -> None:
    for f in data.formulas:
        if f.kind != "list":
            continue
        at = -1
        for m in f.members:
            at = f.wording.find(m, at + 1)
            assert at >= 0, (f.id, m)
        for wrong, right in f.confusions.items():
            assert right in f.members and wrong not in f.members, (f.id, wrong)


def test_clause_parts_are_the_wording(data: formulas.FormulaFile) -> None:
    for f in data.formulas:
        for part in f.parts:
            assert re.match(part.anchor, part.text[0]), (f.id, part.anchor)
            assert part.text[0] in f.wording or f.wording.startswith("把"), f.id


def test_every_clause_part_has_a_skeleton_to_recognise_a_changed_quote(
    data: formulas.FormulaFile,
) -> None:
    for f in data.formulas:
        for part in f.parts:
            assert len(part.skeleton) >= 3, (f.id, part.text[0])
            at = 0
            for w in part.skeleton:  # in the order of the exact text
                at = part.text[0].find(w, at)
                assert at >= 0, (f.id, w)
                at += len(w)


def test_a_skeleton_out_of_order_is_explained_in_chinese(tmp_path: Path, monkeypatch) -> None:
    shutil.copytree(templates_dir(), tmp_path / "t")
    path = tmp_path / "t" / "rules" / "formulas.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("skeleton: [确立, 习近平,", "skeleton: [习近平, 确立,", 1), "utf-8"
    )
    monkeypatch.setenv("PARTYBOOK_TEMPLATES", str(tmp_path / "t"))
    formulas.clear_cache()
    try:
        with pytest.raises(PartybookError) as err:
            formulas.find_misquotes("确立习近平同志党中央的核心、全党的核心地位")
        assert "政治表述文件" in str(err.value) and "确立" in str(err.value)
    finally:
        monkeypatch.delenv("PARTYBOOK_TEMPLATES")
        formulas.clear_cache()


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        (
            "做到“两个维护”：坚决维护习近平总书记党中央的核心、全党的核心地位，坚决拥护党中央权威和集中统一领导。",
            "“拥护”应为“维护”",
        ),
        ("坚持马克思主义基本原理同中国具体实际相结合、同中华优秀文化相结合。", "缺少“传统”"),
        ("坚决维护习近平总书记在党中央的核心、全党的核心地位，每月一次。", "多了“在”"),
        ("务必勇于斗争、善于斗争，每月一次。", "“勇于斗争”应为“敢于斗争”"),
    ],
)
def test_a_changed_clause_names_the_difference_and_the_exact_text(text: str, detail: str) -> None:
    (m,) = formulas.find_misquotes(text, 2025)
    exact = {t for f in formulas.load_file().formulas for p in f.parts for t in p.text}
    assert m.detail == detail and m.expected in exact and m.found in text


def test_each_year_has_one_current_campaign_congress_and_plan() -> None:
    for year in range(2013, 2031):
        for kind in ("campaign", "congress", "plan"):
            assert formulas.current_for(kind, year)
    assert formulas.current_for("plan", 2026) == "“十五五”规划"
    assert formulas.current_for("plan", 2025) == "“十四五”规划"
    assert formulas.current_for("plenum", 2025) == "党的二十大和二十届历次全会精神"
    assert formulas.current_for("campaign", 2024) == "党纪学习教育"


def test_every_dated_pattern_has_a_trigger_word(data: formulas.FormulaFile) -> None:
    for d in data.dated:
        for p in d.patterns:
            sample = re.sub(r"\[[^\]]*\]\??|\(\?:([^()]*)\)\?|[?]", lambda m: m.group(1) or "", p)
            assert re.search(p, sample), (d.id, p)


def test_results_are_frozen_and_cached() -> None:
    text = "牢固树立政治意识、核心意识、大局意识、看齐意识。"
    first = formulas.find_misquotes(text, 2025)
    assert formulas.find_misquotes(text, 2025) == first
    with pytest.raises(AttributeError):
        first[0].start = 0  # type: ignore[misc]


def test_text_without_trigger_words_finds_nothing() -> None:
    assert formulas.find_misquotes("今天天气很好，我们去村里走访了五户群众。") == []
    assert formulas.find_dated("今天天气很好，我们去村里走访了五户群众。", 2025) == []
    assert formulas.find_misquotes("") == [] and formulas.find_dated("", 2025) == []


def test_a_draft_without_a_date_has_nothing_dated_but_misquotes_still_count() -> None:
    text = "深入学习贯彻党的十九大精神，牢固树立政治意识、核心意识、大局意识、看齐意识。"
    assert formulas.find_dated(text, None) == []
    assert [r.kind for r in formulas.find_misquotes(text)] == ["order"]
    outdated = "坚定道路自信、理论自信、制度自信。"
    assert formulas.find_misquotes(outdated) == []  # no year: an older version is not judged
    assert [r.kind for r in formulas.find_misquotes(outdated, 2025)] == ["outdated"]


def test_a_broken_file_is_explained_in_chinese(tmp_path: Path, monkeypatch) -> None:
    shutil.copytree(templates_dir(), tmp_path / "t")
    path = tmp_path / "t" / "rules" / "formulas.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("kind: list", "kind: liste", 1), encoding="utf-8"
    )
    monkeypatch.setenv("PARTYBOOK_TEMPLATES", str(tmp_path / "t"))
    formulas.clear_cache()
    try:
        with pytest.raises(PartybookError) as err:
            formulas.find_misquotes("政治意识、大局意识")
        assert "政治表述文件" in str(err.value) and "formulas.0.kind" in str(err.value)
    finally:
        monkeypatch.delenv("PARTYBOOK_TEMPLATES")
        formulas.clear_cache()
