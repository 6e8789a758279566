"""The importer's small parts: numbering forms, section names, dates, line clean-up,
Markdown, encodings, Word numbering formats and genre detection."""

from __future__ import annotations

import pytest

from partybook.genre import load_genre
from partybook.importer.detect import detect_genre, guess_genre
from partybook.importer.docx_reader import format_number
from partybook.importer.headings import match_section, parse_number, split_heading, split_points
from partybook.importer.lines import clean_line
from partybook.importer.model import Para
from partybook.importer.readers import decode, markdown_paras, text_paras
from partybook.importer.signoff import parse_date
from partybook.paths import templates_dir


@pytest.mark.parametrize(
    ("line", "style", "n", "rest"),
    [
        ("一、基本情况", "cn", 1, "基本情况"),
        ("二. 存在的问题", "cn", 2, "存在的问题"),
        ("十二．其他", "cn", 12, "其他"),
        ("（一）学习不够。", "paren_cn", 1, "学习不够。"),
        ("(三) 作风不实", "paren_cn", 3, "作风不实"),
        ("1.学习", "arabic", 1, "学习"),
        ("2、学习", "arabic", 2, "学习"),
        ("３、学习", "arabic", 3, "学习"),
        ("（1）学习", "paren_arabic", 1, "学习"),
        ("(12)学习", "paren_arabic", 12, "学习"),
        ("②学习", "circled", 2, "学习"),
        ("一是加强学习", "shi", 1, "加强学习"),
        ("三要，改进作风", "shi", 3, "改进作风"),
        ("二是5G网络", "shi", 2, "5G网络"),
    ],
)
def test_numbering_forms(line, style, n, rest):
    num = parse_number(line)
    assert num is not None and (num.style, num.n, num.rest) == (style, n, rest)


@pytest.mark.parametrize(
    "line", ["1.5万亩农田", "2021.10", "一是", "十分重要", "我是一名党员", "统一是前提"]
)
def test_not_numbered(line):
    assert parse_number(line) is None


@pytest.mark.parametrize(
    ("text", "section"),
    [
        ("基本情况", "basic"),
        ("个人基本情况：", "basic"),
        ("存在的问题", "problems"),
        ("存在的问题和不足 ：", "problems"),
        ("存在的突出问题", "problems"),
        ("查摆的问题", "problems"),
        ("原因分析", "causes"),
        ("问题和原因分析", "causes"),
        ("产生问题的原因", "causes"),
        ("剖析根源", "causes"),
        ("整改措施", "measures"),
        ("努力方向", "measures"),
        ("今后的努力方向", "measures"),
        ("整改方向", "measures"),
    ],
)
def test_section_names_and_aliases(text, section):
    sh = match_section(text, load_genre("dangxing-fenxi"))
    assert sh is not None and sh.section == section and sh.exact


def test_section_heading_running_into_its_body():
    sh = match_section("基本情况：我1985年出生。", load_genre())
    assert sh is not None and (sh.section, sh.rest) == ("basic", "我1985年出生。")


def test_loose_section_names_only_when_asked():
    genre = load_genre()
    assert match_section("产生问题的根源", genre) is None
    sh = match_section("产生问题的根源", genre, loose=True)
    assert sh is not None and sh.section == "causes" and not sh.exact
    assert match_section("我在工作中存在一些问题，需要改进。", genre, loose=True) is None


def test_split_points_inline():
    lead, points = split_points("主要有：一是学习不够。学得少。二是作风不实。三是纪律松弛。")
    assert lead == "主要有："
    assert points == ["学习不够。学得少。", "作风不实。", "纪律松弛。"]
    assert split_points("统一是前提，二是后果。") == ("统一是前提，二是后果。", [])
    assert split_points("一是只有一条。") == ("", ["只有一条。"])


def test_split_heading():
    assert split_heading("学习不够深入。学习中……") == ("学习不够深入。", "学习中……")
    assert split_heading("做“明白人。”然后") == ("做“明白人。”", "然后")
    assert split_heading("没有句号的标题") == ("没有句号的标题", "")
    assert split_heading("只有一句。") == ("只有一句。", "")
    assert split_heading("加强学习：每月读一本书。") == ("加强学习", "每月读一本书。")


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("2021年10月", "2021-10"),
        ("2021年10月8日", "2021-10-08"),
        ("2021 年 10 月 8 日", "2021-10-08"),
        ("2021.10", "2021-10"),
        ("2021-10-08", "2021-10-08"),
        ("2021/10/8", "2021-10-08"),
        ("二〇二一年十月", "2021-10"),
        ("二〇二一年十月十八日", "2021-10-18"),
        ("2020年13月", "2020-13"),  # impossible: kept for the checks
        ("日期：2022年1月", "2022-01"),
    ],
)
def test_dates(text, date):
    assert parse_date(text) == date


@pytest.mark.parametrize("text", ["2021年10月我参加了培训。", "林志远", "十月"])
def test_not_dates(text):
    assert parse_date(text) is None


def test_clean_line():
    assert clean_line("  我 是 一 名 党员 ") == ("我是一名党员", 0)
    assert clean_line("学习Python 和 GDP 数据") == ("学习Python 和 GDP 数据", 0)
    assert clean_line("按照安排,我参加了学习:收获很大;") == (
        "按照安排，我参加了学习：收获很大；",
        3,
    )
    assert clean_line("(一)学习不够") == ("（一）学习不够", 1)
    assert clean_line("用 (Python) 写") == ("用 (Python) 写", 0)
    assert clean_line("\ufeff二、存在的\u200b问题\u00ad和不足") == ("二、存在的问题和不足", 0)


def test_text_paras_keep_line_numbers_and_blank_lines():
    paras = text_paras("标题\n\n正文一。\n正文二。\n")
    assert [(p.text, p.line, p.blank_before) for p in paras] == [
        ("标题", 1, False),
        ("正文一。", 3, True),
        ("正文二。", 4, False),
    ]


def test_markdown_paras():
    md = '# 标题\n\n## 一、基本情况\n\n**（一）学习\\*不够。**正文\\_一。\n\n<p align="right">林志远</p>\n'
    paras, dropped = markdown_paras(md)
    assert dropped == []
    assert [(p.text, p.kind) for p in paras] == [
        ("标题", "title"),
        ("一、基本情况", "heading"),
        ("（一）学习*不够。正文_一。", ""),
        ("林志远", "signoff"),
    ]
    assert paras[2].head == "（一）学习*不够。"


def test_decode_encodings():
    text = "二、存在的问题和不足\n（一）学习不够深入。"
    assert decode(text.encode("utf-8"), "a.txt") == (text, "utf-8")
    assert decode(b"\xef\xbb\xbf" + text.encode("utf-8"), "a.txt")[0] == text
    assert decode(text.encode("utf-16"), "a.txt")[0] == text
    assert decode(text.encode("gbk"), "a.txt")[0] == text
    assert decode(text.encode("gb18030"), "a.txt")[0] == text
    traditional = "一、基本情況\n我於2010年加入中國共產黨。"
    assert decode(traditional.encode("big5"), "a.txt")[0] == traditional


@pytest.mark.parametrize(
    ("fmt", "n", "out"),
    [
        ("chineseCounting", 3, "三"),
        ("chineseCountingThousand", 12, "十二"),
        ("decimal", 7, "7"),
        ("decimalFullWidth", 7, "７"),
        ("decimalEnclosedCircle", 2, "②"),
        ("ideographTraditional", 2, "乙"),
        ("lowerLetter", 2, "b"),
        ("upperRoman", 4, "IV"),
        ("bullet", 1, ""),
    ],
)
def test_word_number_formats(fmt, n, out):
    assert format_number(fmt, n) == out


def test_detect_genre():
    def paras(*lines: str) -> list[Para]:
        return [Para(t, i) for i, t in enumerate(lines, 1)]

    assert detect_genre(paras("2025年度组织生活会个人对照检查材料", "正文。")) == "duizhao-jiancha"
    assert detect_genre(paras("科级干部任职培训班党性分析", "正文。")) == "dangxing-fenxi"
    grouped = paras(
        "材料", "一、存在的问题", "（一）在学习方面。", "一是学得少。", "（二）在作风方面。"
    )
    # both 对照检查材料 genres group their problems: one is chosen, the other named as close
    guess = guess_genre(grouped)
    assert {guess.genre, *guess.close} >= {"duizhao-jiancha", "minzhu-shenghuohui"}
    assert detect_genre(paras("材料", "一、基本情况", "二、存在的问题")) == "dangxing-fenxi"
    minzhu = paras("民主生活会对照检查材料", "一、上年度整改落实情况", "二、存在的问题")
    assert detect_genre(minzhu) == "minzhu-shenghuohui"
    letter = paras("汇报", "敬爱的党组织：", "这个季度我学习了党章。", "此致", "敬礼！")
    assert detect_genre(letter) == "sixiang-huibao"


def test_detect_genre_with_a_second_one_line_section(tmp_path, monkeypatch):
    """A genre may have a one-line section besides its title (a subtitle line): detection
    reads the genre's fixed lines from its layout and does not trip over it."""
    import importlib
    import shutil

    detect = importlib.import_module("partybook.importer.detect")  # the package exports a detect()

    folder = tmp_path / "templates"
    shutil.copytree(templates_dir(), folder)
    path = folder / "sixiang-huibao.yaml"
    text = path.read_text(encoding="utf-8")
    subtitle = "  - id: subtitle\n    kind: line\n    required: false\n"
    path.write_text(text.replace("  - id: opening\n", subtitle + "  - id: opening\n", 1), "utf-8")
    monkeypatch.setenv("PARTYBOOK_TEMPLATES", str(folder))
    monkeypatch.setattr(detect, "_LAST", [None, None])  # profiles of this folder, not cached
    assert any(s.id == "subtitle" for s in load_genre("sixiang-huibao").sections)
    letter = [Para(t, i) for i, t in enumerate(("汇报", "敬爱的党组织：", "正文。", "此致"), 1)]
    assert detect_genre(letter) == "sixiang-huibao"


@pytest.mark.parametrize(
    ("tail", "author", "unit", "date"),
    [
        ("\n林志远\n2021年10月\n", "林志远", "", "2021-10"),
        ("\n青川市农业农村局\n林志远\n2021年10月8日\n", "林志远", "青川市农业农村局", "2021-10-08"),
        ("\n青川市农业农村局  林志远\n2021.10\n", "林志远", "青川市农业农村局", "2021-10"),
        ("\n林志远 2021年10月8日\n", "林志远", "", "2021-10-08"),
        ("\n2021年10月\n林志远\n", "林志远", "", "2021-10"),
        (
            "\n单位：青川市农业农村局\n姓名：林志远\n二〇二一年十月\n",
            "林志远",
            "青川市农业农村局",
            "2021-10",
        ),
        ("\n林志远\n", "林志远", "", ""),
        ("\n青川市农业农村局\n", "", "青川市农业农村局", ""),
        ("2020年13月\n", "", "", "2020-13"),
    ],
)
def test_signoff_forms(tail, author, unit, date):
    from partybook.importer import parse_text

    d = parse_text("科级干部进修班党性分析\n\n一、基本情况\n我是一名干部。\n" + tail)
    assert (d.meta.author, d.meta.unit, d.meta.date) == (author, unit, date)
    assert d.paragraphs("basic") == ["我是一名干部。"]


def test_short_last_line_without_blank_is_not_a_signoff():
    from partybook.importer import parse_text

    d = parse_text("科级干部进修班党性分析\n\n二、存在的问题\n（一）学习不够\n平时学得少\n")
    assert d.meta.author == "" and d.items("problems")[0].body == "平时学得少"
