"""One finding per span (``yields_to``), the exemption PB604 shares with PHR002, and PB602
suggesting only a verified current wording."""

from __future__ import annotations

import pytest

from partybook.checks import load_phrase_rules
from partybook.checks.model import Finding
from partybook.checks.overlaps import one_per_span
from partybook.checks.phrases import parse_phrase_rules
from partybook.errors import InputError

CAUSE_CODES = {"PB604", "PB507", "PHR002"}  # what a cause may be reported for


def _codes_at(found: list[Finding], section: str) -> list[tuple[str, str]]:
    return [
        (f.code, f.message.split("”")[0].lstrip("“"))
        for f in found
        if f.section == section and f.code in CAUSE_CODES
    ]


def test_objective_cause_reported_once_by_PB604_not_again_by_PHR002(clean, run):
    clean.sections["causes"][0].body = "由于任务重、时间紧，我理论学习抓得不紧。"
    found = run(clean)
    assert _codes_at(found, "causes") == [("PB604", "任务重、时间紧")]
    # the phrase rule still reports what PB604 does not cover
    clean.sections["causes"][0].body = "工作忙的时候，我的学习就放下了。"
    assert _codes_at(run(clean), "causes") == [("PHR002", "工作忙")]


def test_blame_on_the_higher_ups_in_a_cause_is_reported_as_PB604_only(clean, run):
    clean.sections["causes"][0].body = "上级要求多变，我们只能疲于应付，没有时间研究政策。"
    found = _codes_at(run(clean), "causes")
    assert ("PB604", "上级要求多变") in found
    assert ("PB507", "上级要求多变") not in found
    assert ("PB507", "我们") in found  # other words of the sentence are still reported


@pytest.mark.parametrize(
    "text",
    [
        "我总以工作忙、任务重为借口，把事情多当作放松学习的托词。",
        "归根到底，是我把工作忙当成了理由。",
        "面对工作忙、任务重，我没有挤时间学习，而是把学习一推再推。",
    ],
)
def test_excuse_named_as_excuse_quiets_PB604_and_PHR002_alike(clean, run, text):
    clean.sections["causes"][0].body = text
    assert _codes_at(run(clean), "causes") == []


def test_one_per_span_keeps_findings_on_other_words_or_items():
    strong = Finding("PB604", "warning", "", "causes", 0, 5, 10)
    weak_same = Finding("PB507", "warning", "", "causes", 0, 6, 9)
    weak_apart = Finding("PB507", "warning", "", "causes", 0, 10, 12)
    weak_other_item = Finding("PB507", "warning", "", "causes", 1, 6, 9)
    found = [strong, weak_same, weak_apart, weak_other_item]
    assert one_per_span(found, []) == [strong, weak_apart, weak_other_item]


def test_phrase_rule_unless_and_yields_to_are_read_and_checked(tmp_path):
    (rule,) = parse_phrase_rules(
        {"rules": [{"phrases": ["工作忙"], "unless": "excuse_named", "yields_to": ["PB604"]}]},
        "x.yaml",
    )
    assert rule.unless == "excuse_named" and rule.yields_to == {"PB604"}
    assert rule.spans("工作忙，我没学。我以工作忙为借口。") == [(0, 3)]
    bad = tmp_path / "bad.yaml"
    bad.write_text("rules:\n  - phrases: [工作忙]\n    unless: 随便写\n", encoding="utf-8")
    with pytest.raises(InputError, match="unless"):
        load_phrase_rules(bad)
    bad.write_text("rules:\n  - phrases: [工作忙]\n    yields_to: PB604\n", encoding="utf-8")
    with pytest.raises(InputError, match="yields_to"):
        load_phrase_rules(bad)


def test_PB602_suggests_no_current_campaign_the_data_has_not_verified(clean, only):
    clean.meta.date = "2026-06-20"
    clean.sections["measures"][0].body = "深入开展深入贯彻中央八项规定精神学习教育，年底前完成。"
    (found,) = only(clean, "PB602")
    assert "2025年" in found.message and "当前应为" not in found.message
    # a year the data covers still gets its current wording
    clean.sections["measures"][0].body = "把“十四五”规划各项任务落到实处，年底前完成。"
    (found,) = only(clean, "PB602")
    assert "当前应为：“十五五”规划。" in found.message


@pytest.mark.parametrize(
    "text",
    [
        "深入学习贯彻党的二十届三中全会精神，年底前完成3项改革任务。",
        "对照党的二十届四中全会精神，每季度梳理一次分管工作的短板。",
    ],
)
def test_PB602_plenums_of_the_current_congress_stay_current(clean, only, text):
    clean.meta.date = "2026-06-20"
    clean.sections["measures"][0].body = text
    assert only(clean, "PB602") == []


def test_PB602_campaign_framed_as_a_past_time_not_flagged(clean, only):
    clean.meta.date = "2025-06-20"
    clean.sections["basic"][0] = (
        "在“不忘初心、牢记使命”主题教育中，我第一次系统读了原著，至今受益。"
    )
    assert only(clean, "PB602") == []
    clean.sections["basic"][0] = "在“不忘初心、牢记使命”主题教育中，我们要学深悟透原著。"
    assert [f.section for f in only(clean, "PB602")] == ["basic"]
