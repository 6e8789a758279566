"""PB3xx — typography rules, one positive and one negative test per code."""

from __future__ import annotations

import pytest


def _set_body(draft, text: str, k: int = 0) -> int:
    """Replace problem k's body; return the body's offset in the item text."""
    item = draft.sections["problems"][k]
    item.body = text
    return len(item.heading) + 1


@pytest.mark.parametrize(
    ("text", "bad", "fix"),
    [
        ("我学习不够深入,效果不好。", ",", "，"),
        ("我学习不够深入, 效果不好。", ", ", "，"),
        ("存在问题:学习不够。", ":", "："),
        ("我为什么没有做到?我反思。", "?", "？"),
        ("我学习不够深入;效果不好。", ";", "；"),
        ("我去年(2024年)下乡五次。", "(2024年)", "（2024年）"),
        ("我学习不够深入.", ".", "。"),
    ],
)
def test_PB301_half_width_punctuation_flagged_with_fix(clean, only, text, bad, fix):
    at = _set_body(clean, text)
    found = only(clean, "PB301")
    s = at + text.index(bad)
    assert [(f.item, f.start, f.end, f.fix) for f in found] == [(0, s, s + len(bad), fix)]


def test_PB301_half_width_between_latin_and_digits_not_flagged(clean, only):
    _set_body(clean, "我用Excel统计了3.5万条数据，时间是9:30，比例1,200:1，版本(v2)。")
    assert only(clean, "PB301") == []


@pytest.mark.parametrize(
    ("text", "bad"),
    [
        ("做群众信赖的“贴心人。", "“"),
        ("我学习了《党章。", "《"),
        ("我学习了党章）。", "）"),
        ("他说“（这是半个括号”。", "（"),  # hidden inside a matched pair of quotes
    ],
)
def test_PB302_unbalanced_pair_flagged(clean, only, text, bad):
    at = _set_body(clean, text)
    found = only(clean, "PB302")
    s = at + text.index(bad)
    assert [(f.start, f.end) for f in found] == [(s, s + 1)]


def test_PB302_nested_and_balanced_pairs_not_flagged(clean, only):
    _set_body(clean, "我学习了《关于“两个确立”的论述（摘编）》，做“明白人”（一名党员）。")
    assert only(clean, "PB302") == []


@pytest.mark.parametrize(
    ("text", "bad", "fix"),
    [
        ('做群众信赖的"贴心人"。', '"贴心人"', "“贴心人”"),
        ("做群众信赖的「贴心人」。", "「贴心人」", "“贴心人”"),
        ("做群众信赖的'贴心人'。", "'", None),
    ],
)
def test_PB303_straight_or_corner_quotes_flagged(clean, only, text, bad, fix):
    at = _set_body(clean, text)
    found = only(clean, "PB303")
    s = at + text.index(bad)
    assert (found[0].start, found[0].end, found[0].fix) == (s, s + len(bad), fix)


def test_PB303_chinese_quotes_not_flagged(clean, only):
    _set_body(clean, "做群众信赖的“贴心人”，记住‘为民’二字，Tom's book。")
    assert only(clean, "PB303") == []


@pytest.mark.parametrize(
    ("text", "bad"),
    [("我学习 不够深入。", " "), ("我在2024 年下乡。", " "), ("我学习\u3000不够深入。", "\u3000")],
)
def test_PB304_space_in_chinese_flagged_with_removal(clean, only, text, bad):
    at = _set_body(clean, text)
    found = only(clean, "PB304")
    s = at + text.index(bad)
    assert [(f.start, f.end, f.fix) for f in found] == [(s, s + len(bad), "")]


def test_PB304_spaces_around_latin_words_not_flagged(clean, only):
    _set_body(clean, "我用 Excel 统计数据，学习 Python 编程。")
    assert only(clean, "PB304") == []


@pytest.mark.parametrize(
    ("text", "bad", "fix"),
    [
        ("学习、工作...", "...", "……"),
        ("学习、工作。。。", "。。。", "……"),
        ("学习、工作…", "…", "……"),
        ("这就是初心—为人民服务。", "—", "——"),
        ("这就是初心--为人民服务。", "--", "——"),
    ],
)
def test_PB305_ellipsis_and_dash_forms_flagged_with_fix(clean, only, text, bad, fix):
    at = _set_body(clean, text)
    found = only(clean, "PB305")
    s = at + text.index(bad)
    assert [(f.start, f.end, f.fix) for f in found] == [(s, s + len(bad), fix)]


def test_PB305_correct_forms_and_ranges_not_flagged(clean, only):
    _set_body(clean, "这就是初心——为人民服务……2021—2025年，第3-5页。")
    assert only(clean, "PB305") == []


@pytest.mark.parametrize(
    ("text", "bad", "fix"),
    [
        ("请批评指正。。", "。。", "。"),
        ("学习，，工作。", "，，", "，"),
        ("学习，。", "，。", None),
    ],
)
def test_PB306_doubled_punctuation_flagged(clean, only, text, bad, fix):
    at = _set_body(clean, text)
    found = only(clean, "PB306")
    s = at + text.index(bad)
    assert [(f.start, f.end, f.fix) for f in found] == [(s, s + len(bad), fix)]


def test_PB306_single_and_accepted_marks_not_flagged(clean, only):
    _set_body(clean, "我做到了吗？！“好。”学习，工作。")
    assert only(clean, "PB306") == []


@pytest.mark.parametrize(
    ("text", "bad", "fix"),
    [
        ("我2021年09月入党。", "2021年09月", "2021年9月"),
        ("2021年10月08日", "2021年10月08日", "2021年10月8日"),
    ],
)
def test_PB307_leading_zero_in_date_flagged_with_fix(clean, only, text, bad, fix):
    at = _set_body(clean, text)
    found = only(clean, "PB307")
    s = at + text.index(bad)
    assert [(f.start, f.end, f.fix) for f in found] == [(s, s + len(bad), fix)]


def test_PB307_dates_without_zero_not_flagged(clean, only):
    _set_body(clean, "我2021年9月入党，2021年10月8日转正，2020年10月。")
    assert only(clean, "PB307") == []
