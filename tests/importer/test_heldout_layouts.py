"""Layouts first met in the held-out set (tests/fixtures/import/heldout/), each checked on
a text of its own written for this test: the rule, not the held-out document."""

from __future__ import annotations

from partybook.importer import import_text
from partybook.importer.headings import parse_number, split_points

DX = "dangxing-fenxi"
PY = "minzhu-pingyi"


def _imp(text: str, genre: str | None = DX):
    return import_text(text, genre_id=genre)


def _removed(r) -> list[str]:  # noqa: ANN001 - ImportResult
    return [x.what for x in r.removed]


def test_di_bufen_numbering_is_a_section_number():
    num = parse_number("第二部分 存在的问题")
    assert num is not None and (num.style, num.n, num.rest) == ("part", 2, "存在的问题")
    assert parse_number("第二部分工作") is not None
    assert parse_number("第二个问题是学习不够。") is None


def test_sections_numbered_di_bufen_are_found():
    r = _imp(
        "党性分析\n第一部分 存在的问题\n（一）读书少。\n第二部分 原因分析\n（一）不自觉。\n"
        "第三部分 整改措施\n（一）每月读一本书。\n"
    )
    assert [i.heading for i in r.draft.items("problems")] == ["读书少。"]
    assert [i.heading for i in r.draft.items("measures")] == ["每月读一本书。"]


def test_inline_heading_in_other_words_before_a_stop():
    r = _imp(
        "党性分析\n按照安排，我作党性分析。\n"
        "一、查摆出的主要问题。一是调研少。二是读书少。\n"
        "二、问题产生的根源。一是不自觉。二是怕麻烦。\n"
    )
    assert [i.heading for i in r.draft.items("problems")] == ["调研少。", "读书少。"]
    assert [i.heading for i in r.draft.items("causes")] == ["不自觉。", "怕麻烦。"]
    assert r.draft.paragraphs("opening") == ["按照安排，我作党性分析。"]


def test_a_numbered_sentence_starting_like_a_heading_stays_text():
    r = _imp("党性分析\n一、存在的问题\n（一）学习不够深入。读书少。\n")
    assert [i.heading for i in r.draft.items("problems")] == ["学习不够深入。"]


def test_points_after_commas_are_split():
    assert split_points("一是学习不够系统，二是宣传政策不够主动。") == (
        "",
        ["学习不够系统，", "宣传政策不够主动。"],
    )
    # a single 一是 after a comma is not a list
    assert split_points("我的体会，一是要学。")[1] == []


def test_arabic_points_running_on_one_line_are_split():
    r = _imp(
        "组织生活会个人对照检查材料\n一、存在的问题\n（一）在学习方面\n"
        "1.读原著少。2.联系实际不够。\n",
        "duizhao-jiancha",
    )
    group = r.draft.items("problems")[0]
    assert [i.heading for i in group.items] == ["读原著少。", "联系实际不够。"]


def test_a_pages_list_of_other_articles_is_removed_and_the_signoff_read():
    r = _imp(
        "党性分析\n按照安排，我作党性分析。\n一、存在的问题\n（一）读书少。\n"
        "王小明\n2024年5月\n相关文章：\n科级干部党性分析报告\n入党申请书范文\n"
    )
    assert {"相关文章：", "科级干部党性分析报告", "入党申请书范文"} <= set(_removed(r))
    assert (r.draft.meta.author, r.draft.meta.date) == ("王小明", "2024-05")


def test_page_furniture_after_list_marks_and_download_prompts_are_removed():
    r = _imp(
        "党性分析\n复制本文 下载文档\n| 阅读次数：88 | 编辑：某某\n按照安排，我作党性分析。\n"
        "作者：admin 发布时间：2024-05-06 10:21:33\n- 上一篇：述职报告\n"
    )
    assert r.draft.sections["title"] == "党性分析"
    assert r.draft.paragraphs("opening") == ["按照安排，我作党性分析。"]
    assert "- 上一篇：述职报告" in _removed(r)
    assert r.draft.meta.author == ""


def test_di_er_pian_after_a_title_is_a_copy_number():
    r = _imp("科级干部党性分析报告 第二篇\n按照安排，我作党性分析。\n")
    assert r.draft.sections["title"] == "科级干部党性分析报告"
    assert "第二篇" in _removed(r)


def test_a_title_broken_over_two_pdf_lines_takes_no_body_line():
    body = [
        "按照县委党校秋季主体班的教学安排，我对照党章",
        "和党员标准，联系在农业农村局的工作，认真作了",
        "党性分析。我在局里负责农田水利建设，平时下乡",
        "多，学习少，这次学习让我看到了自己许多不足。",
    ]
    r = _imp("县委党校秋季主体班学员个人党性\n分析\n" + "\n".join(body) + "\n")
    assert r.draft.sections["title"] == "县委党校秋季主体班学员个人党性分析"
    assert r.draft.paragraphs("opening") == ["".join(body)]


def test_li_wen_separates_articles():
    art = "{t}\n按照要求，我认真查摆了问题。这次学习收获很大，也看到了不足，现报告如下。\n一、存在的问题\n（一）学习不够深入，读原著少。\n{n}\n2024年6月\n"
    text = (
        "例文一\n"
        + art.format(t="党性分析", n="李明")
        + "例文二\n"
        + art.format(t="党性分析", n="赵芳")
    )
    r = _imp(text)
    assert [a.draft.meta.author for a in r.articles] == ["李明", "赵芳"]


def test_paragraphs_after_a_forms_label_go_to_the_empty_sections_they_are_about():
    r = _imp(
        "民主评议党员自评表\n自评内容：\n"
        "我坚持参加支部的理论学习，政治上始终同党中央保持一致。\n"
        "在岗位上，我负责社区网格工作，履职尽责，完成了全年的走访任务。\n"
        "我严守纪律，廉洁自律，作风上没有违反规定的情况。\n"
        "存在的不足：学习还不够系统。\n",
        PY,
    )
    d = r.draft
    assert d.paragraphs("politics")[0].startswith("我坚持参加支部的理论学习")
    assert d.paragraphs("duty")[0].startswith("在岗位上")
    assert d.paragraphs("discipline")[0].startswith("我严守纪律")
    assert any("已按内容分到" in n for n in r.notices)


def test_opening_paragraphs_without_a_label_line_stay_in_the_opening():
    r = _imp(
        "民主评议党员自评表\n一年来我在支部的带领下认真学习。\n"
        "我负责社区网格工作，完成了全年的走访任务。\n存在的不足：学习还不够系统。\n",
        PY,
    )
    assert len(r.draft.paragraphs("opening")) == 2
    assert r.draft.paragraphs("duty") == []
