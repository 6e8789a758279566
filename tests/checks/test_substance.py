"""PB6xx — substance: formulas, dated material, virtues as faults, objective causes,
measures that cannot be checked, copied confessions."""

from __future__ import annotations

import pytest

from partybook.checks import fix
from partybook.genre import load_genre

from .conftest import TODAY


def _set_body(draft, section: str, n: int, text: str) -> None:
    draft.sections[section][n].body = text


def test_PB601_misquoted_formula_flagged_with_exact_wording_and_fix(clean, only):
    body = clean.sections["problems"][0].body
    _set_body(clean, "problems", 0, body + "我树立政治意识、大局意识、核心意识、服务意识不够牢固。")
    found = only(clean, "PB601")
    assert [f.severity for f in found] == ["error"]
    assert "政治意识、大局意识、核心意识、看齐意识" in found[0].message
    assert found[0].fix == "政治意识、大局意识、核心意识、看齐意识"
    fixed, changes = fix(clean, today=TODAY, codes=["PB601"])
    assert "看齐意识" in fixed.sections["problems"][0].body
    assert [c.code for c in changes] == ["PB601"]
    assert only(fixed, "PB601") == []


def test_PB601_fix_keeps_the_writers_own_subject(clean, only):
    """The fix replaces the misquoted clause, not the writer's 我/我们 before it."""
    body = clean.sections["problems"][0].body
    core = "坚决维护习近平总书记党中央的核心、全党的核心地位"
    for subject in ("我", "我们"):
        wrong = f"{core}，{subject}拥护党中央权威和集中统一领导还不够坚定。"
        _set_body(clean, "problems", 0, body + wrong)
        assert [f.code for f in only(clean, "PB601")] == ["PB601"]
        fixed, _ = fix(clean, today=TODAY, codes=["PB601"])
        assert fixed.sections["problems"][0].body == body + (
            f"{core}，{subject}坚决维护党中央权威和集中统一领导还不够坚定。"
        )


def test_PB601_bare_formula_name_not_flagged(clean, only):
    body = clean.sections["measures"][0].body
    _set_body(clean, "measures", 0, body + "我要增强“四个意识”、坚定“四个自信”、做到“两个维护”。")
    assert only(clean, "PB601") == []


def test_PB602_dated_campaign_flagged_in_a_later_draft(clean, only):
    clean.meta.date = "2025-06-20"
    body = clean.sections["measures"][0].body
    _set_body(
        clean, "measures", 0, body + "深入开展“两学一做”学习教育，认真学习贯彻党的十九大精神。"
    )
    found = only(clean, "PB602")
    assert len(found) == 2 and {f.severity for f in found} == {"warning"}
    assert "二十大" in found[1].message


def test_PB602_past_campaign_told_as_history_not_flagged(clean, only):
    clean.meta.date = "2025-06-20"
    body = clean.sections["basic"][1]
    clean.sections["basic"][1] = body + "2016年参加“两学一做”学习教育时，我第一次系统通读了党章。"
    assert only(clean, "PB602") == []


@pytest.mark.parametrize(
    "text",
    [
        "党纪学习教育时我学过纪律处分条例，也签过廉洁承诺书。",
        "我全程参加了党纪学习教育，记了两本笔记。",
        "把自己在党纪学习教育中记下的笔记重新翻了一遍。",
    ],
)
def test_PB602_campaign_told_as_the_writers_past_not_flagged(clean, only, text):
    clean.meta.date = "2025-11-20"
    clean.sections["basic"][1] += text
    assert only(clean, "PB602") == []


def test_PB507_fact_about_my_department_and_quotations_not_flagged(clean, only):
    body = clean.sections["problems"][2].body
    clean.sections["problems"][2].body = body + (
        "我们科今年门诊复诊患者中，有近四成来自山区乡镇。"
        "事后一位乡镇干部对我说：“县里一犹豫，我们就不敢动。”这句话我一直记着。"
    )
    assert only(clean, "PB507") == []


@pytest.mark.parametrize(
    "text",
    [
        "我工作太较真，有时容易得罪人。",
        "我心太软，看到同事出错不忍心批评。",
        "我太追求完美，一份材料反复修改，影响了进度。",
        "我只顾埋头苦干，忽视了身体，也亏欠了家庭。",
        "我只顾埋头苦干，忽视了自己的身体。",
        "我一心扑在工作上，忽略了对家人的照顾。",
    ],
)
def test_PB603_virtue_as_fault_flagged(clean, only, text):
    _set_body(clean, "problems", 1, text + "去年两次体检都没有按时去。")
    found = only(clean, "PB603")
    assert [f.item for f in found] == [1] and found[0].severity == "warning"


@pytest.mark.parametrize(
    "text",
    [
        "我不敢较真碰硬，去年对两家问题摊点只作了口头提醒。",
        "我怕得罪人，在支部会上批评别人总是点到为止，去年三次组织生活会都没有提出具体意见。",
        "科长曾提醒我“工作不能太较真”，我当时就把两家企业的整改期限放宽了一个月。",
    ],
)
def test_PB603_plain_faults_not_flagged(clean, only, text):
    _set_body(clean, "problems", 1, text)
    assert only(clean, "PB603") == []


def test_PB604_objective_cause_flagged(clean, only):
    _set_body(
        clean, "causes", 0, "由于任务重、时间紧，我学习抓得不紧，基层底子薄也使工作难以推进。"
    )
    found = only(clean, "PB604")
    assert len(found) == 2 and found[0].section == "causes"


@pytest.mark.parametrize(
    "text",
    [
        "面对上级要求多变，我没有主动研究吃透政策，而是消极等待。",
        "虽然科室人手紧张，但我没有合理分工，把事情都揽在自己身上。",
        "我们班子的同志常说经费不足，我也跟着这么讲，其实是给自己找台阶。",
    ],
)
def test_PB604_PB507_condition_faced_then_self_blamed_not_flagged(clean, only, text):
    _set_body(clean, "causes", 0, text)
    assert only(clean, "PB604") == [] and only(clean, "PB507") == []


def test_PB604_condition_faced_by_us_still_flagged(clean, only):
    _set_body(clean, "causes", 0, "面对上级要求多变，我们只能疲于应付。")
    assert len(only(clean, "PB604")) == 1


@pytest.mark.parametrize(
    "text",
    [
        "我把任务重、时间紧当作放松学习的托词，根子是对理论学习的重要性认识不足。",
        "基层底子薄不能成为工作打折扣的理由，说到底是我担当精神不够。",
        "我常以经费不足为借口，把该办的事往后拖。",
    ],
)
def test_PB604_excuse_named_as_excuse_not_flagged(clean, only, text):
    _set_body(clean, "causes", 0, text)
    assert only(clean, "PB604") == []


def test_PB605_unverifiable_measure_flagged(clean, only):
    m = clean.sections["measures"][0]
    m.heading = "加强理论学习。"
    m.body = "以后要多向书本学习、向群众学习，不断提高自己的理论水平。"
    found = only(clean, "PB605")
    assert [(f.item, f.start, f.end) for f in found] == [(0, 0, len(m.heading))]


def test_PB605_measures_with_deadline_or_quantity_not_flagged(clean, only):
    assert only(clean, "PB605") == []


def test_PB606_copied_confession_flagged(clean, only):
    _set_body(clean, "problems", 2, "我有时接受管理服务对象的宴请，还收受过礼品。去年两次。")
    found = only(clean, "PB606")
    assert len(found) == 2 and {f.severity for f in found} == {"hint"}


def test_PB606_what_was_taken_after_shou_shou_flagged(clean, only):
    _set_body(clean, "problems", 2, "我在1月到6月间收受了下属送的两盒茶叶。")
    (found,) = only(clean, "PB606")
    assert "收受了下属送的两盒茶叶" in found.message


def test_PB606_negative_declaration_not_flagged(clean, only):
    body = clean.sections["problems"][2].body
    _set_body(clean, "problems", 2, body + "本人没有公款吃喝、收受礼品礼金等问题。")
    assert only(clean, "PB606") == []


def test_PB6xx_not_applied_in_impersonal_genre(clean, only):
    genre = load_genre("dangxing-fenxi").model_copy(update={"personal": False})
    _set_body(clean, "problems", 1, "我工作太较真，容易得罪人。")
    _set_body(clean, "causes", 0, "由于任务重、时间紧，学习抓得不紧。")
    for code in ("PB603", "PB604", "PB605", "PB606"):
        assert only(clean, code, genre=genre) == []


# --- slips of PB1xx, PB2xx, PB4xx that issue 12 added ----------------------------------


def test_PB109_signer_missing_flagged(clean, only):
    clean.meta.author = ""
    assert [(f.section, f.severity) for f in only(clean, "PB109")] == [("signoff", "warning")]


def test_PB109_signed_draft_not_flagged(clean, only):
    assert only(clean, "PB109") == []


@pytest.mark.parametrize(("field", "value"), [("author", "张某"), ("unit", "××县某某局")])
def test_PB201_placeholder_in_signoff_flagged(clean, only, field, value):
    setattr(clean.meta, field, value)
    assert {f.section for f in only(clean, "PB201")} == {"signoff"}


def test_PB201_real_signoff_not_flagged(clean, only):
    clean.meta.author = "某晓岚"  # 某 is a real (rare) surname
    assert only(clean, "PB201") == []


@pytest.mark.parametrize(
    ("text", "code"),
    [("（摘自《学习时报》2023年5月）", "PB202"), ("\n阅读：1,234", "PB206")],
)
def test_PB202_PB206_source_notes_and_page_counters_flagged(clean, only, text, code):
    clean.sections["basic"][1] += text
    assert [f.section for f in only(clean, code)] == ["basic"]


def test_PB202_source_as_ordinary_word_not_flagged(clean, only):
    clean.sections["basic"][1] += "这些问题的来源（来源于群众的意见）我都记在台账上。"
    assert only(clean, "PB202") == [] and only(clean, "PB206") == []


def test_PB406_opening_count_contradicted_flagged(clean, only):
    clean.sections["opening"][0] += "下面从两个方面查摆问题。"
    found = only(clean, "PB406")
    assert len(found) == 1 and "3" in found[0].message
    assert clean.sections["opening"][0][found[0].start : found[0].end] == "两个方面"


def test_PB406_matching_count_not_flagged(clean, only):
    clean.sections["opening"][0] += "下面从三个方面查摆问题，谈两点体会。"
    assert only(clean, "PB406") == []


def test_lead_in_paragraphs_are_checked_and_fixed_under_their_own_key(clean, only, run):
    clean.sections["causes_lead"] = ["对照问题，我从思想根源上作如下剖析，截止目前已梳理三条。"]
    found = only(clean, "PB505")
    assert [(f.section, f.index, f.fix) for f in found] == [("causes_lead", 0, "截至目前")]
    assert [f.code for f in run(clean) if f.section == "causes_lead"] == ["PB505"]
    fixed, _ = fix(clean, today=TODAY, codes=["PB505"])
    assert fixed.sections["causes_lead"] == [
        "对照问题，我从思想根源上作如下剖析，截至目前已梳理三条。"
    ]
