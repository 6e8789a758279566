"""PB2xx — template leftovers as findings, one positive and one negative test per code."""

from __future__ import annotations

import pytest


def _add_para(draft, text: str, section: str = "opening") -> int:
    """Append a paragraph; return its offset in the section text."""
    before = "\n".join(draft.sections[section])
    draft.sections[section].append(text)
    return len(before) + 1


@pytest.mark.parametrize(
    "blank", ["xx", "XX", "xxx", "×××", "某某", "xxxx年xx月", "____", "【】", "（  ）"]
)
def test_PB201_placeholder_flagged(clean, only, blank):
    text = f"我于{blank}参加了培训。"
    at = _add_para(clean, text)
    found = only(clean, "PB201")
    assert [(f.section, f.item, f.start, f.end) for f in found] == [
        ("opening", None, at + 2, at + 2 + len(blank))
    ]
    assert found[0].severity == "error" and found[0].fix is None  # needs the author's words


def test_PB201_clean_text_not_flagged(clean, only):
    _add_para(clean, "某村有二十户人家，Xi 说 x 光，XXL 号，我们的 2024 年。")
    assert only(clean, "PB201") == []


def test_PB201_anonymised_example_placeholders_not_flagged(clean, only):
    clean.example = True
    _add_para(clean, "某某同志20XX年XX月到某区某局工作，后调某市某县某镇某单位。")
    assert only(clean, "PB201") == []


def test_PB201_anonymised_example_still_flags_template_blanks(clean, only):
    clean.example = True
    _add_para(clean, "我的xx精神和____都还要加强。")
    assert [f.end - f.start for f in only(clean, "PB201")] == [2, 4]


@pytest.mark.parametrize(
    "ad",
    [
        "【更多公文素材，微信：abc123】",
        "【更多公 文素材，微信：a bc123】",
        "（来源：公文范文网）",
        "关注微信公众号“公文素材库”领取",
        "QQ：12345678",
    ],
)
def test_PB202_watermark_flagged_with_removal(clean, only, ad):
    text = "请组织批评指正。" + ad
    at = _add_para(clean, text)
    found = only(clean, "PB202")
    assert [(f.start, f.end, f.fix) for f in found] == [(at + 8, at + len(text), "")]


def test_PB202_watermark_line_flagged_as_whole_line(clean, only):
    at = _add_para(clean, "【更多公文素材，微信：abc123】", "basic")
    found = only(clean, "PB202")
    assert [(f.section, f.start, f.fix) for f in found] == [("basic", at, "")]


def test_PB202_ordinary_mentions_not_flagged(clean, only):
    _add_para(clean, "我通过微信工作群通知种粮大户，关注群众诉求，下载了农技课件（来自省农科院）。")
    assert only(clean, "PB202") == []


@pytest.mark.parametrize(
    "url", ["https://www.example.com/a/1.html", "www.gongwen.cn", "fanwen.net", "abc@qq.com"]
)
def test_PB203_url_flagged(clean, only, url):
    text = f"详见{url}。"
    at = _add_para(clean, text)
    found = only(clean, "PB203")
    assert [(f.start, f.end, f.fix) for f in found] == [(at + 2, at + 2 + len(url), "")]


def test_PB203_numbers_and_decimals_not_flagged(clean, only):
    _add_para(clean, "合格率98.6%，增长3.1%，用Python 3.12统计，版本v1.2。")
    assert only(clean, "PB203") == []


@pytest.mark.parametrize("marker", ["##paidbegin##", "##paidend##", "<p>", "&nbsp;", "[b]"])
def test_PB204_marker_flagged(clean, only, marker):
    body = clean.sections["problems"][0].body
    clean.sections["problems"][0].body = marker + body
    found = only(clean, "PB204")
    heading = clean.sections["problems"][0].heading
    start = len(heading) + 1
    assert [(f.section, f.item, f.start, f.end) for f in found] == [
        ("problems", 0, start, start + len(marker))
    ]


def test_PB204_ordinary_symbols_not_flagged(clean, only):
    _add_para(clean, "得分>90分的有3人，A&B两组，#1号楼。")
    assert only(clean, "PB204") == []


def test_PB205_stray_title_paragraph_flagged(clean, only):
    at = _add_para(clean, "XX市政协机关2018年度干部选拔任用工作专题报告")
    found = only(clean, "PB205")
    assert [(f.section, f.start, f.fix) for f in found] == [("opening", at, "")]
    # its placeholder is part of the stray title: reported once, not twice
    assert only(clean, "PB201") == []


def test_PB205_title_of_another_document_flagged_without_fix(clean, only):
    clean.sections["title"] = "2024年度个人述职报告"
    found = only(clean, "PB205")
    assert [(f.section, f.fix) for f in found] == [("title", None)]


def test_PB205_own_title_and_sentences_not_flagged(clean, only):
    _add_para(clean, "会上我认真学习了书记的讲话。")
    assert only(clean, "PB205") == []


@pytest.mark.parametrize(
    "line", ["首页 > 范文大全 > 党性分析", "上一篇：2020年度述职报告", "相关推荐"]
)
def test_PB206_navigation_line_flagged(clean, only, line):
    at = _add_para(clean, line)
    found = only(clean, "PB206")
    assert [(f.start, f.end, f.fix) for f in found] == [(at, at + len(line), "")]


def test_PB206_ordinary_paragraph_not_flagged(clean, only):
    _add_para(clean, "上一次到基层调研时，我发现首页材料不全。")
    assert only(clean, "PB206") == []


@pytest.mark.parametrize("line", ["— 1 —", "- 2 -", "第 3 页 共 5 页", "12"])
def test_PB207_page_furniture_flagged(clean, only, line):
    at = _add_para(clean, line)
    found = only(clean, "PB207")
    assert [(f.start, f.end, f.fix) for f in found] == [(at, at + len(line), "")]


def test_PB207_numbers_in_text_not_flagged(clean, only):
    _add_para(clean, "全年下乡12次，第3页的表格已更新。")
    assert only(clean, "PB207") == []


def test_PB207_furniture_line_inside_body_removed_with_its_line_break(clean, only):
    item = clean.sections["problems"][2]
    first, rest = item.body[:20], item.body[20:]
    item.body = f"{first}\n— 2 —\n{rest}"
    found = only(clean, "PB207")
    start = len(item.heading) + 1 + 21
    assert [(f.item, f.start, f.end) for f in found] == [(2, start, start + 6)]
