import pytest

from partybook.genre import Numbering
from partybook.numbering import cn_number, cn_to_int, label
from partybook.text import count_chars, ends_sentence, format_date


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (1, "一"),
        (9, "九"),
        (10, "十"),
        (11, "十一"),
        (20, "二十"),
        (21, "二十一"),
        (99, "九十九"),
        (100, "一百"),
        (101, "一百零一"),
        (110, "一百一十"),
        (112, "一百一十二"),
        (245, "二百四十五"),
    ],
)
def test_cn_number(n, expected):
    assert cn_number(n) == expected


def test_cn_number_rejects_zero():
    with pytest.raises(ValueError):
        cn_number(0)


def test_cn_to_int_reads_back_cn_number():
    assert [cn_to_int(cn_number(n)) for n in range(1, 100)] == list(range(1, 100))
    assert cn_to_int("两") == 2  # 从两个方面: the count word, not a numbering


def test_labels_per_style():
    assert label(Numbering.CN, 3) == "三、"
    assert label(Numbering.PAREN_CN, 2) == "（二）"
    assert label(Numbering.ARABIC, 4) == "4."
    assert label(Numbering.PAREN_ARABIC, 1) == "（1）"
    assert label(Numbering.SHI, 12) == "十二是"
    assert label(Numbering.NONE, 1) == ""


@pytest.mark.parametrize(
    ("value", "printed"),
    [
        ("2021-10", "2021年10月"),
        ("2025-06-08", "2025年6月8日"),
        ("2025-6", "2025年6月"),
        ("2021-01-01", "2021年1月1日"),
        ("二〇二一年十月", "二〇二一年十月"),
        ("", ""),
    ],
)
def test_format_date(value, printed):
    assert format_date(value) == printed


def test_count_chars_ignores_whitespace_only():
    assert count_chars("我 是\n党员。 ") == 5
    assert count_chars("") == 0


def test_ends_sentence():
    assert ends_sentence("学习不够深入。")
    assert ends_sentence("做群众信赖的“贴心人”。")
    assert not ends_sentence("学习不够深入")
    assert not ends_sentence("")
