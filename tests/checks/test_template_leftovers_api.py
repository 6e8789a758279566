"""partybook.template_leftovers: the shared detector the importer and the checks both use."""

from __future__ import annotations

from partybook.genre import load_genre
from partybook.template_leftovers import (
    KINDS,
    Leftover,
    find_leftovers,
    find_placeholders,
    is_junk_line,
    is_stray_title,
    quick_patterns,
    strip_leftovers,
)

PAGE = """首页 > 公文大全 > 心得体会
青川县2022年度招商引资工作总结
    按照组织安排，我参加了培训班。请组织批评指正。 【更多公 文素材，微信：a bc2024】
##paidbegin##一、基本情况
我是xxxx年xx月入党的，详见 www.fanwen-site.com 。
第 2 页 共 3 页
本文由某某范文网整理发布，转载请注明出处。
二、存在的问题
（一）学习不够深入。我在2024年只写了五篇学习笔记。
  2022年10月    ##paidend##"""


def test_find_leftovers_kinds_and_offsets():
    found = find_leftovers(PAGE)
    assert all(isinstance(x, Leftover) and x.kind in KINDS for x in found)
    for x in found:
        assert PAGE[x.start : x.end] == x.text or (
            x.line and PAGE[x.start : x.end].strip() == x.text
        )
    kinds = [(x.kind, x.line) for x in found]
    assert kinds == [
        ("navigation", True),
        ("stray_title", True),
        ("watermark", False),
        ("marker", False),
        ("placeholder", False),
        ("url", False),
        ("furniture", True),
        ("watermark", True),
        ("marker", False),
    ]
    assert all(x.removable == (x.kind != "placeholder") for x in found)
    assert all(x.message and x.message.endswith("。") for x in found)


def test_strip_leftovers_keeps_content_and_reports_original_offsets():
    clean, removed = strip_leftovers(PAGE)
    assert clean.splitlines() == [
        "    按照组织安排，我参加了培训班。请组织批评指正。",
        "一、基本情况",
        "我是xxxx年xx月入党的，详见 。",
        "二、存在的问题",
        "（一）学习不够深入。我在2024年只写了五篇学习笔记。",
        "  2022年10月",
    ]
    assert [x.kind for x in removed] == [
        "navigation",
        "stray_title",
        "watermark",
        "marker",
        "url",
        "furniture",
        "watermark",
        "marker",
    ]
    for x in removed:
        assert x.text.strip() in PAGE[x.start : x.end]


def test_strip_leftovers_clean_text_unchanged():
    text = "我参加了培训。\n（一）学习不够深入，2024年只写了五篇笔记（见附件）。"
    assert strip_leftovers(text) == (text, [])


def test_is_junk_line():
    assert is_junk_line("— 3 —").kind == "furniture"
    assert is_junk_line("上一篇：述职报告").kind == "navigation"
    assert is_junk_line("##paidend##").kind == "marker"
    assert is_junk_line("https://www.example.com/x.html").kind == "url"
    junk = is_junk_line("  【更多公文素材，微信：abc123】  ")
    assert (junk.kind, junk.start, junk.end, junk.line) == ("watermark", 2, 20, True)
    assert is_junk_line("我参加了培训。") is None
    assert is_junk_line("我参加了培训。【更多公文素材】") is None  # content stays: not a junk line
    assert is_junk_line("") is None


def test_is_stray_title_uses_the_genre_words():
    assert is_stray_title("青川县2022年度招商引资工作总结")
    assert is_stray_title("在全县作风建设大会上的讲话")
    assert is_stray_title("关于召开组织生活会的通知（2024年）")
    assert not is_stray_title("2025年秋季科级干部任职培训班党性分析")
    assert not is_stray_title("我学习了书记的讲话。")
    assert not is_stray_title("（一）工作总结")
    # 党性分析 is another document's title only inside a 对照检查材料
    assert not is_stray_title("处级干部进修班党性分析", load_genre("dangxing-fenxi"))
    assert is_stray_title("处级干部进修班党性分析", "duizhao-jiancha")


def test_find_placeholders_and_example_mode():
    text = "某某同志20XX年XX月在某区工作，xx精神，____。"
    assert [x.text for x in find_placeholders(text)] == ["某某", "20XX年XX月", "xx", "____"]
    assert [x.text for x in find_placeholders(text, example=True)] == ["xx", "____"]


def test_quick_patterns_cover_every_inline_leftover():
    patterns = quick_patterns()
    samples = [
        "【更多公文素材，微信：abc123】",
        "关注公众号领取",
        "本文由某网整理",
        "www.example.com",
        "##paidbegin##",
        "xx",
        "某某",
        "____",
        "转载请注明出处",
        "Word版下载",
        "（  ）",
    ]
    for s in samples:
        assert find_leftovers("我" + s + "。"), s
        assert any(p.search(s) for p in patterns), s
