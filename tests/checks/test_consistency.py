"""PB4xx — consistency rules, one positive and one negative test per code."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("bad", ["2020年13月", "2021年2月30日", "2019年0月", "2023年4月31日"])
def test_PB401_impossible_date_flagged(clean, only, bad):
    para = clean.sections["basic"][1]
    clean.sections["basic"][1] = f"{bad}，{para}"
    found = only(clean, "PB401")
    start = len(clean.sections["basic"][0]) + 1
    assert [(f.section, f.start, f.end, f.severity) for f in found] == [
        ("basic", start, start + len(bad), "error")
    ]


def test_PB401_impossible_meta_date_flagged(clean, only):
    clean.meta.date = "2020-13"
    found = only(clean, "PB401")
    assert [(f.section, f.item) for f in found] == [("signoff", None)]
    assert "2020年13月" in found[0].message


def test_PB401_real_dates_not_flagged(clean, only):
    clean.sections["basic"][1] = (
        "2024年2月29日、2023年12月31日、1999年。" + clean.sections["basic"][1]
    )
    assert only(clean, "PB401") == []


def test_PB402_future_date_in_a_past_section_flagged(clean, only):
    clean.sections["basic"][2] += "2027年3月我牵头完成了改造。"
    found = only(clean, "PB402")
    text = "\n".join(clean.sections["basic"])
    s = text.index("2027年3月")
    assert [(f.section, f.start, f.end) for f in found] == [("basic", s, s + 7)]


def test_PB402_future_meta_date_flagged(clean, only):
    clean.meta.date = "2027-05"
    assert [f.section for f in only(clean, "PB402")] == ["signoff"]


def test_PB402_plans_and_past_dates_not_flagged(clean, only):
    clean.sections["measures"][0].body += "2027年3月前完成全部整改。"
    clean.sections["basic"][2] += "2026年11月我参加了培训。"  # this month, not future
    clean.meta.date = "2026-12"  # a sign-off date a few days ahead is normal
    assert only(clean, "PB402") == []


def test_PB403_party_before_birth_flagged(clean, only):
    clean.sections["basic"][0] = "我1990年6月出生，1985年5月加入中国共产党，2013年7月参加工作。"
    found = only(clean, "PB403")
    s = clean.sections["basic"][0].index("1985年5月")
    assert [(f.section, f.start, f.end) for f in found] == [("basic", s, s + 7)]
    assert "入党" in found[0].message


def test_PB403_joined_party_under_eighteen_flagged(clean, only):
    clean.sections["basic"][0] = "我2000年6月出生，2016年5月光荣入党，2022年7月参加工作。"
    found = only(clean, "PB403")
    s = clean.sections["basic"][0].index("2016年5月")
    assert [(f.start, f.end) for f in found] == [(s, s + 7)]
    assert "十八周岁" in found[0].message


def test_PB403_plausible_life_dates_not_flagged(clean, only):
    # the clean draft states birth 1988, party 2010, work 2013
    assert "1988年6月出生" in clean.sections["basic"][0]
    assert only(clean, "PB403") == []


def test_PB404_measure_missing_its_problem_flagged(clean, only):
    m = clean.sections["measures"][2]
    m.heading = "加强理论学习，做学用结合的“明白人”。"
    m.body = "每周自学不少于三小时，每月写两篇学习笔记，认真参加集中学习。"
    found = only(clean, "PB404")
    assert [(f.section, f.item, f.start, f.end) for f in found] == [
        ("measures", 2, 0, len(m.heading))
    ]
    assert "第3个问题" in found[0].message


def test_PB404_measures_sharing_key_terms_not_flagged(clean, only):
    assert only(clean, "PB404") == []


def test_PB404_measure_answering_the_problem_body_not_flagged(clean, only):
    m = clean.sections["measures"][1]
    m.heading = "把群众的急事办在前头。"
    m.body = "今年9月底前完成城东农贸市场熟食摊点整治，年内把扫码查看抽检结果推广到全县。"
    assert only(clean, "PB404") == []


def test_PB405_signoff_line_disagreeing_with_meta_flagged(clean, only):
    clean.sections["measures"][2].body += "\n2021年10月"
    found = only(clean, "PB405")
    item_text = clean.sections["measures"][2].heading + "\n" + clean.sections["measures"][2].body
    s = item_text.rindex("2021年10月")
    assert [(f.section, f.item, f.start, f.end) for f in found] == [("measures", 2, s, s + 8)]
    assert "2024年5月20日" in found[0].message


def test_PB405_signoff_line_in_unplaced_flagged(clean, only):
    clean.unplaced = ["2023年5月"]
    assert [f.section for f in only(clean, "PB405")] == ["unplaced"]


def test_PB405_matching_signoff_line_not_flagged(clean, only):
    clean.sections["measures"][2].body += "\n2024年5月20日"
    clean.unplaced = ["2024年5月"]
    assert only(clean, "PB405") == []
