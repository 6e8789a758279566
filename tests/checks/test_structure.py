"""PB1xx — structure rules, one positive and one negative test per code."""

from __future__ import annotations

from partybook.draft import Item


def test_PB101_empty_required_section_flagged(clean, only):
    clean.sections["basic"] = []
    found = only(clean, "PB101")
    assert [(f.section, f.item, f.severity) for f in found] == [("basic", None, "error")]
    assert "基本情况" in found[0].message


def test_PB101_filled_sections_not_flagged(clean, only):
    clean.sections["basic"] = ["我1990年出生。"]
    assert only(clean, "PB101") == []


def test_PB102_missing_title_flagged(clean, only):
    clean.sections["title"] = "   "
    found = only(clean, "PB102")
    assert [(f.section, f.severity) for f in found] == [("title", "error")]
    assert "党性分析" in found[0].message  # suggests the genre's title example


def test_PB102_title_present_not_flagged(clean, only):
    assert only(clean, "PB102") == []


def test_PB103_title_repeated_as_first_paragraph_flagged(clean, only):
    title = clean.sections["title"]
    clean.sections["opening"] = [title, *clean.sections["opening"]]
    found = only(clean, "PB103")
    assert [(f.section, f.item, f.start, f.end) for f in found] == [
        ("opening", None, 0, len(title))
    ]


def test_PB103_two_lines_in_title_flagged(clean, only):
    clean.sections["title"] = "县委党校培训班党性分析\n处级干部进修班党性分析"
    found = only(clean, "PB103")
    assert [(f.section, f.start, f.end) for f in found] == [("title", 12, 23)]


def test_PB103_one_title_and_ordinary_opening_not_flagged(clean, only):
    # a short first paragraph that is not a title
    clean.sections["opening"] = ["按照组织安排，我参加了培训。", *clean.sections["opening"]]
    assert only(clean, "PB103") == []


def test_PB104_three_problems_two_causes_flagged(clean, only):
    del clean.sections["causes"][2]
    found = only(clean, "PB104")
    assert [(f.section, f.item) for f in found] == [("causes", None)]
    assert "2" in found[0].message and "3" in found[0].message


def test_PB104_measures_compared_with_problems_not_causes(clean, only):
    del clean.sections["measures"][0]
    found = only(clean, "PB104")
    assert [f.section for f in found] == ["measures"]


def test_PB104_equal_counts_not_flagged(clean, only):
    # an empty trailing item does not count
    clean.sections["causes"].append(Item())
    assert only(clean, "PB104") == []


def test_PB105_heading_without_body_flagged(clean, only):
    clean.sections["problems"][1].body = "  "
    found = only(clean, "PB105")
    heading = clean.sections["problems"][1].heading
    assert [(f.section, f.item, f.start, f.end) for f in found] == [
        ("problems", 1, 0, len(heading))
    ]


def test_PB105_one_sentence_measure_not_flagged(clean, only):
    m = clean.sections["measures"][1]
    m.heading = "今年9月底前牵头完成城东农贸市场熟食摊点整治，并请群众评议。"
    m.body = ""
    assert only(clean, "PB105") == []
    m.heading = "勇于担当作为。"
    assert [f.item for f in only(clean, "PB105")] == [1]


def test_PB105_grouped_item_with_points_not_flagged(only):
    from partybook.genre import load_genre

    g = load_genre("duizhao-jiancha")
    d = g.example_draft()
    assert d.sections["problems"][0].body == ""  # the aspect has points, not a body
    assert only(d, "PB105") == []


def test_PB106_body_without_heading_flagged(clean, only):
    item = clean.sections["causes"][0]
    item.heading = ""
    found = only(clean, "PB106")
    assert [(f.section, f.item, f.start, f.end) for f in found] == [
        ("causes", 0, 1, 1 + len(item.body))
    ]


def test_PB106_complete_items_not_flagged(clean, only):
    assert only(clean, "PB106") == []


def test_PB107_number_typed_in_heading_flagged_with_fix(clean, only):
    item = clean.sections["problems"][0]
    item.heading = "（一）" + item.heading
    found = only(clean, "PB107")
    assert [(f.section, f.item, f.start, f.end, f.fix) for f in found] == [
        ("problems", 0, 0, 3, "")
    ]


def test_PB107_number_typed_at_body_and_paragraph_start_flagged(clean, only):
    clean.sections["measures"][1].body = "一是" + clean.sections["measures"][1].body
    clean.sections["basic"][1] = "1、" + clean.sections["basic"][1]
    found = only(clean, "PB107")
    assert [(f.section, f.item, f.field, f.fix) for f in found] == [
        ("basic", None, "paragraph", None),
        ("measures", 1, "body", None),
    ]
    heading = clean.sections["measures"][1].heading
    assert found[1].start == len(heading) + 1  # offsets within heading + "\n" + body


def test_PB107_numbers_inside_sentences_not_flagged(clean, only):
    clean.sections["basic"][0] = (
        "第一次到党校学习，一是一、二是二的道理我懂，3.5万亩。" + clean.sections["basic"][0]
    )
    assert only(clean, "PB107") == []


def test_PB108_unplaced_text_flagged(clean, only):
    clean.unplaced = ["通过对照检查，还存在着许多问题。", ""]
    found = only(clean, "PB108")
    assert [(f.section, f.severity) for f in found] == [("unplaced", "warning")]
    assert "1 段" in found[0].message


def test_PB108_no_unplaced_text_not_flagged(clean, only):
    clean.unplaced = ["  "]
    assert only(clean, "PB108") == []
