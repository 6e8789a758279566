"""Layouts a reviewer met on their own documents, each checked on a text of its own
written for this test: the general rule, never the reviewer's document."""

from __future__ import annotations

from partybook.importer import import_bytes, import_text
from partybook.importer.lines import clean_line

DX = "dangxing-fenxi"


def _imp(text: str, genre: str | None = DX):
    return import_text(text, genre_id=genre)


def _removed(r) -> list[str]:  # noqa: ANN001 - ImportResult
    return [x.what for x in r.removed]


def test_half_width_stops_between_chinese_become_full_width():
    assert clean_line("读书少.我调研也少.") == ("读书少。我调研也少。", 2)
    # numbers, web addresses and item numbers keep their dot
    assert clean_line("版本1.5见www.example.com.") == ("版本1.5见www.example.com.", 0)
    assert clean_line("一.存在的问题") == ("一.存在的问题", 0)
    assert clean_line("1.读书少") == ("1.读书少", 0)
    assert clean_line("读书少.二.加强学习") == ("读书少。二.加强学习", 1)


def test_half_width_stops_are_reported_as_a_change():
    r = _imp("党性分析\n一、存在的问题\n（一）读书少.我很少去图书馆.\n")
    assert r.draft.items("problems")[0].heading == "读书少。"
    assert [c.kind for c in r.changes] == ["punctuation"]
    assert r.changes[0].count == 2


def test_an_unknown_heading_repeating_the_last_number_goes_to_unplaced():
    r = _imp(
        "党性分析\n一、存在的问题\n（一）读书少。\n二、原因分析\n（一）不自觉。\n"
        "三、整改措施\n一是多读书。每月两本。\n二是多调研。\n三、补充说明\n这一段是我补写的。\n"
    )
    assert r.draft.unplaced == ["三、补充说明", "这一段是我补写的。"]
    assert r.draft.items("measures")[-1].body == ""
    assert any("补充说明" in n and "未归类" in n for n in r.notices)


def test_an_unknown_heading_with_the_next_number_goes_to_unplaced():
    r = _imp(
        "党性分析\n一、存在的问题\n（一）读书少。\n二、整改措施\n（一）多读书。\n"
        "三、其他事项\n另附学习笔记一份。\n"
    )
    assert r.draft.unplaced == ["三、其他事项", "另附学习笔记一份。"]
    assert r.draft.items("measures")[-1].body == ""


def test_di_circled_and_order_points_on_one_line_are_split():
    r = _imp(
        "党性分析\n一、存在的问题\n第一，读原著少，满足于听辅导。第二，下基层少。\n"
        "二、原因分析\n①放松了学习。②怕麻烦。③要求不严。\n"
        "三、整改措施\n首先，每月读一本原著。其次，每季度下基层一次。最后，每周自查一次。\n"
    )
    assert [i.heading for i in r.draft.items("problems")] == [
        "读原著少，满足于听辅导。",
        "下基层少。",
    ]
    assert [i.heading for i in r.draft.items("causes")] == [
        "放松了学习。",
        "怕麻烦。",
        "要求不严。",
    ]
    assert [i.heading for i in r.draft.items("measures")] == [
        "每月读一本原著。",
        "每季度下基层一次。",
        "每周自查一次。",
    ]


def test_points_after_a_lead_are_split_and_the_lead_kept():
    r = _imp("党性分析\n一、存在的问题\n我查找出两个问题：第一，读书少。第二，调研少。\n")
    items = r.draft.items("problems")
    assert [i.heading for i in items] == ["读书少。", "调研少。"]
    assert r.draft.sections.get("problems_lead") or "我查找出两个问题：" in r.draft.unplaced


def test_a_sentence_mentioning_di_yi_once_is_not_split():
    r = _imp(
        "党性分析\n一、存在的问题\n（一）读书少。我把学习放在第一，但没做到。其次，我下基层也少。\n"
    )
    items = r.draft.items("problems")
    assert len(items) == 1 and "其次，我下基层也少。" in items[0].body


def test_a_txt_line_wholly_in_bold_marks_is_a_heading_and_the_marks_reported():
    text = (
        "**党性分析材料**\n**一、存在的问题**\n**（一）读书少。**\n我一年只读了两本书。\n"
        "**二、整改措施**\n（一）多读书。\n我写的**重点**不是加粗。\n"
    )
    r = import_bytes(text.encode(), "稿子.txt", genre_id=DX)
    assert r.draft.sections["title"] == "党性分析材料"
    problems = r.draft.items("problems")
    assert [(i.heading, i.body) for i in problems] == [("读书少。", "我一年只读了两本书。")]
    assert r.draft.items("measures")[0].body == "我写的**重点**不是加粗。"
    assert _removed(r).count("** **") == 4


def test_a_copy_number_is_cut_and_the_title_kept():
    r = _imp("党性分析材料（第二篇）\n按照安排，我作党性分析。\n一、存在的问题\n（一）读书少。\n")
    assert r.draft.sections["title"] == "党性分析材料"
    assert "（第二篇）" in _removed(r)


def test_a_site_name_after_the_title_is_cut_and_the_title_kept():
    for line, site in (
        ("党性分析报告 - 某某范文网", "- 某某范文网"),
        ("党性分析报告 | 某某文库", "| 某某文库"),
        ("党性分析报告_某某范文网", "_某某范文网"),
        ("党性分析报告 - example.com", "- example.com"),
    ):
        r = _imp(f"{line}\n按照安排，我作党性分析。\n一、存在的问题\n（一）读书少。\n")
        assert r.draft.sections["title"] == "党性分析报告", line
        assert site in _removed(r), line


def test_a_dash_in_a_title_without_a_site_name_stays():
    r = _imp("学习党章 - 党性分析报告\n按照安排，我作党性分析。\n一、存在的问题\n（一）读书少。\n")
    assert r.draft.sections["title"] == "学习党章 - 党性分析报告"


def test_a_md_with_single_newlines_reads_like_a_txt():
    md = (
        "# 党性分析材料\n"
        "下面是小编整理的党性分析材料，欢迎阅读！\n"
        "按照支部安排，我对照党章查找了自身问题，\n"
        "现报告如下。\n"
        "## 一、存在的问题\n"
        "**（一）读书少。**我一年只读了两本书。\n"
        "（二）调研少。我下基层不多。\n"
        "二、原因分析\n"
        "理想信念有所松懈\n"
        "三、整改措施\n"
        "一是多读书。二是多调研。\n"
        "王小明\n"
        "2024年5月\n"
    )
    r = import_bytes(md.encode(), "稿子.md", genre_id=DX)
    d = r.draft
    assert d.sections["title"] == "党性分析材料"
    # a line broken mid-sentence (no sentence end) is still joined, as CommonMark does
    assert d.paragraphs("opening") == ["按照支部安排，我对照党章查找了自身问题，现报告如下。"]
    assert [(i.heading, i.body) for i in d.items("problems")] == [
        ("读书少。", "我一年只读了两本书。"),
        ("调研少。", "我下基层不多。"),
    ]
    assert [i.heading for i in d.items("causes")] == ["理想信念有所松懈"]
    assert [i.heading for i in d.items("measures")] == ["多读书。", "多调研。"]
    assert (d.meta.author, d.meta.date) == ("王小明", "2024-05")
    assert "下面是小编整理的党性分析材料，欢迎阅读！" in _removed(r)


def test_english_markdown_soft_breaks_still_join():
    md = "# Notes\n\nThis line goes on\nand ends here.\n\n## 二、存在的问题\n\n（一）读书少。\n"
    r = import_bytes(md.encode(), "稿子.md", genre_id=DX)
    assert "This line goes on and ends here." in r.draft.text_of("opening") + "".join(r.unplaced)


def test_a_next_numbered_heading_by_meaning_runs_into_its_text_after_a_stop():
    r = _imp(
        "党性分析\n一、存在的问题\n（一）读书少。我读书很少。\n（二）调研少。\n"
        "二、深挖思想根源。一是理想信念有所松懈。二是宗旨意识淡化。\n三、整改措施\n（一）多读书。\n"
    )
    assert [(i.heading, i.body) for i in r.draft.items("problems")][-1] == ("调研少。", "")
    assert [i.heading for i in r.draft.items("causes")] == ["理想信念有所松懈。", "宗旨意识淡化。"]
    assert any("深挖思想根源" in n and "请核对" in n for n in r.notices)


def test_a_numbered_sentence_that_is_not_the_next_section_number_stays_text():
    r = _imp(
        "党性分析\n一、存在的问题\n（一）读书少。\n（二）调研少。\n"
        "四、深挖思想根源。一是理想信念有所松懈。\n"
    )
    assert r.draft.items("causes") == []


def test_a_md_signoff_on_single_lines_is_read():
    md = "# 党性分析\n## 一、存在的问题\n（一）读书少。\n某某区统计局\n王小明\n2024年5月\n"
    d = import_bytes(md.encode(), "稿子.md", genre_id=DX).draft
    assert (d.meta.unit, d.meta.author, d.meta.date) == ("某某区统计局", "王小明", "2024-05")
