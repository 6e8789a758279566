"""Placement, titles, articles, genre and sign-off on layouts copied from real pages
(every text here is written for the tests)."""

from __future__ import annotations

import pytest

from partybook.genre import available_genres, load_genre
from partybook.importer import import_text
from partybook.importer.headings import match_section, parse_number
from partybook.importer.vocabulary import best_section

DX = "dangxing-fenxi"
DZ = "duizhao-jiancha"


def _imp(text: str, genre: str | None = DX):
    return import_text(text, genre_id=genre)


# --- numbering -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "style", "n", "rest"),
    [
        ("1、学习不够。", "arabic", 1, "学习不够。"),
        ("2. 学习不够。", "arabic", 2, "学习不够。"),
        ("（3）学习不够。", "paren_arabic", 3, "学习不够。"),
        ("第一，学习不够。", "di", 1, "学习不够。"),
        ("第十二、学习不够。", "di", 12, "学习不够。"),
        ("首先，学习不够。", "order", 1, "学习不够。"),
        ("其次：学习不够。", "order", 2, "学习不够。"),
        ("最后，学习不够。", "order", 9, "学习不够。"),
    ],
)
def test_numbering_styles(line, style, n, rest):
    num = parse_number(line)
    assert num is not None and (num.style, num.n, num.rest) == (style, n, rest)


def test_words_that_only_look_numbered_are_not():
    for line in ("第一次参加培训。", "首先要说明的是", "其次是学习"):
        num = parse_number(line)
        assert num is None or num.style not in ("di", "order") or line.startswith("其次是")


def test_items_numbered_di_and_order_are_items():
    text = (
        "党性分析\n一、存在的问题\n第一，学习不深。读原著少。\n第二，调研不够。下去得少。\n"
        "二、原因分析\n首先，动力不足。\n其次，责任不强。\n最后，要求不严。\n"
    )
    d = _imp(text).draft
    assert [i.heading for i in d.items("problems")] == ["学习不深。", "调研不够。"]
    assert [i.heading for i in d.items("causes")] == ["动力不足。", "责任不强。", "要求不严。"]


# --- headings --------------------------------------------------------------------------


def test_inline_heading_with_points_on_one_line():
    text = "党性分析\n二、存在的问题。一是学得少。二是想得少。\n三、原因分析。一是动力不足。\n"
    d = _imp(text).draft
    assert [i.heading for i in d.items("problems")] == ["学得少。", "想得少。"]
    assert [i.heading for i in d.items("causes")] == ["动力不足。"]


def test_inline_heading_followed_by_a_colon_dash_or_the_first_number():
    g = load_genre(DX)
    for text in ("存在的问题：我学得少。", "存在的问题——我学得少。", "存在的问题（一）学得少。"):
        sh = match_section(text, g)
        assert sh is not None and sh.section == "problems" and sh.rest, text


def test_a_sentence_that_starts_with_a_section_word_is_not_a_heading():
    assert match_section("存在的问题主要是学习不够。", load_genre(DX)) is None


@pytest.mark.parametrize(
    ("heading", "section"),
    [
        ("查摆出的主要问题", "problems"),
        ("问题产生的根源", "causes"),
        ("今后的努力方向", "measures"),
        ("存在的差距", "problems"),
        ("下一步的打算", "measures"),
        ("思想根源剖析", "causes"),
    ],
)
def test_headings_worded_unlike_the_aliases_are_matched_by_meaning(heading, section):
    assert best_section(heading, load_genre(DX)) == section


def test_unnumbered_headings_set_apart_are_recognised_by_shape():
    text = (
        "党性分析\n\n开头一段。\n\n存在的不足\n\n首先，学得少。\n其次，想得少。\n\n"
        "原因剖析\n\n首先，动力不足。\n\n努力方向\n\n首先，多读书。\n"
    )
    d = _imp(text).draft
    assert len(d.items("problems")) == 2
    assert d.items("causes")[0].heading == "动力不足。"
    assert d.items("measures")[0].heading == "多读书。"
    assert d.paragraphs("opening") == ["开头一段。"]


def test_a_short_item_heading_in_a_section_is_not_taken_for_a_section():
    text = "党性分析\n二、存在的问题\n\n对问题的认识不深\n我没有把学习和工作联系起来。\n"
    d = _imp(text).draft
    assert d.items("problems")[0].heading == "对问题的认识不深"


def test_a_genre_title_is_never_a_section_heading():
    text = "一、基本情况\n我在区里工作。\n\n科级干部进修班党性分析\n"
    r = _imp(text)
    assert [s for _, _, s in r.headings] == ["basic"]


def test_pdf_broken_lines_are_joined():
    body = [
        "我参加了市委党校处级干部进修班的学习。两个月来，我认真学",
        "习了党章党规和党的创新理论，参加了专题研讨和现场教学，思",
        "想上受到很大触动。现对照党章和共产党员标准，作如下党性分",
        "析。我在交通运输局工作了十多年，负责全市公路规划和重点项",
        "目前期工作，深感责任重大，也看到了自己的很多不足之处。",
    ]
    r = _imp("处级干部进修班党性分析\n" + "\n".join(body) + "\n")
    assert r.draft.paragraphs("opening") == ["".join(body)]
    assert any("断行" in n for n in r.notices)


# --- lead-ins --------------------------------------------------------------------------


def test_lead_in_goes_to_unplaced_when_the_genre_declares_no_lead(monkeypatch):
    from partybook.importer import pipeline

    genre = load_genre(DX).model_copy(deep=True)
    object.__setattr__(genre.section("problems"), "lead", False)
    monkeypatch.setattr(pipeline, "load_genre", lambda gid: genre)
    text = "党性分析\n二、存在的问题\n对照党章，我查找出以下问题。\n（一）学得少。\n"
    assert _imp(text).unplaced == ["对照党章，我查找出以下问题。"]


def test_lead_in_goes_to_the_lead_paragraph_of_every_items_section():
    """Every items section of every genre takes a lead-in: the sentence before the first
    item is placed (and printed by every export), never left in 未归类."""
    for genre in (load_genre(g) for g in available_genres()):
        for spec in genre.sections:
            if spec.kind.value in ("items", "grouped_items"):
                assert spec.lead_key, (genre.id, spec.id)
    text = "党性分析\n二、存在的问题\n对照党章，我查找出以下问题。\n（一）学得少。\n"
    r = _imp(text)
    assert r.draft.sections["problems_lead"] == ["对照党章，我查找出以下问题。"]
    assert r.unplaced == []


# --- titles ----------------------------------------------------------------------------


def test_list_page_title_is_removed_and_the_documents_own_title_kept():
    text = "党性分析范文5篇\n科级干部进修班党性分析\n开头一段。\n"
    r = _imp(text)
    assert r.draft.sections["title"] == "科级干部进修班党性分析"
    assert ("党性分析范文5篇", "page_title") in [(x.what, x.kind) for x in r.removed]


def test_copy_number_is_cut_from_the_title():
    r = _imp("科级干部进修班党性分析(3)\n开头一段。\n")
    assert r.draft.sections["title"] == "科级干部进修班党性分析"
    assert "(3)" in [x.what for x in r.removed]


def test_own_title_of_an_off_genre_document_is_kept():
    r = _imp("2024年度个人工作总结\n\n一年来我完成了各项任务。\n")
    assert r.draft.sections["title"] == "2024年度个人工作总结"


# --- several articles ------------------------------------------------------------------

_ARTICLE = "{title}\n按照要求，我认真查摆了问题。\n一、存在的问题\n（一）学习不够深入，读原著少。\n{name}\n2024年6月\n"


def test_articles_split_at_separators():
    page = "对照检查材料3篇\n" + "".join(
        f"{sep}\n" + _ARTICLE.format(title=f"组织生活会个人对照检查材料（{who}）", name=who)
        for sep, who in (("篇一", "张红"), ("【篇2】", "李明"), ("范文三", "王刚"))
    )
    r = import_text(page)
    assert len(r.articles) == 3
    assert [a.draft.meta.author for a in r.articles] == ["张红", "李明", "王刚"]
    assert r.articles[1].draft.sections["title"] == "组织生活会个人对照检查材料（李明）"
    assert "对照检查材料3篇" in [x.what for x in r.articles[0].removed]
    assert "【篇2】" in [x.what for x in r.articles[1].removed]
    assert all(a.articles is r.articles for a in r.articles)


def test_articles_split_at_a_second_genre_title_after_a_signoff():
    one = _ARTICLE.format(title="科级干部进修班党性分析", name="张红")
    filler = "我在乡镇工作多年，和群众一起抗旱、抢收，懂得了要到地里去看的道理。" * 9
    page = one.replace("按照要求，我认真查摆了问题。", filler) + one.replace("张红", "李明")
    r = import_text(page)
    assert [a.draft.meta.author for a in r.articles] == ["张红", "李明"]


def test_one_article_stays_one():
    r = import_text(_ARTICLE.format(title="科级干部进修班党性分析", name="张红"))
    assert r.articles == [r]


# --- genre -----------------------------------------------------------------------------


def test_genre_detected_with_confidence_and_close_genres():
    sure = import_text("2024年度组织生活会个人对照检查材料\n一、存在的问题\n（一）在学习方面。\n")
    assert sure.draft.genre == DZ and sure.genre_confidence >= 0.55 and not sure.close_genres
    assert not any("--genre" in n for n in sure.notices)
    unsure = import_text("我的材料\n\n我在区里工作，学习不够。\n")
    assert unsure.genre_confidence < 0.55
    assert any("--genre" in n for n in unsure.notices)
    both = import_text("对照检查材料\n一、存在的问题\n（一）在学习方面。\n")
    assert both.close_genres and any("也可能是" in n for n in both.notices)


def test_given_genre_is_used():
    r = import_text("2024年度组织生活会个人对照检查材料\n开头。\n", genre_id=DX)
    assert r.draft.genre == DX and r.genre_confidence == 1.0


# --- off-genre -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "局领导班子对照检查材料\n我们班子学习不够。我们调研不够。班子成员下基层少。\n",
            "collective",
        ),
        (
            "党性分析\n个别党员学习不够，部分党员作风漂浮，有的党员纪律松懈，少数党员不愿担当。\n",
            "survey",
        ),
        ("2024年度个人工作总结\n主要工作：完成了任务。\n", "summary"),
        ("在组织生活会上的讲话\n同志们：今天开会。谢谢大家！\n", "speech"),
    ],
)
def test_off_genre_documents_are_imported_with_a_warning(text, kind):
    r = _imp(text)
    assert kind in r.off_genre and r.warnings and "自我剖析" in r.warnings[0]


def test_a_personal_analysis_saying_our_party_is_not_collective():
    text = (
        "党性分析\n我们党是为人民服务的党。我在街道工作，我对群众的诉求处理简单，"
        "我的担当不够，我将改进。\n"
    )
    assert _imp(text).off_genre == []


def test_a_member_of_the_leadership_writing_for_himself_is_personal():
    text = "县委常委班子成员民主生活会个人对照检查材料\n我学习不够，我调研不够。\n"
    assert "collective" not in _imp(text, None).off_genre


# --- sign-off anywhere -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "unit", "author"),
    [
        (["区财政局办公室：李四"], "区财政局办公室", "李四"),
        (["区财政局 李四"], "区财政局", "李四"),
        (["李四 区财政局"], "区财政局", "李四"),
        (["汇报人：李四"], "", "李四"),
        (["单位：区财政局", "姓名：李四"], "区财政局", "李四"),
    ],
)
def test_signoff_at_the_top_or_the_bottom(lines, unit, author):
    body = "一、基本情况\n我在区里工作。\n"
    top = "党性分析\n" + "\n".join(lines) + "\n\n" + body
    bottom = "党性分析\n" + body + "\n" + "\n".join(lines) + "\n2024年5月\n"
    for text in (top, bottom):
        d = _imp(text).draft
        assert (d.meta.unit, d.meta.author) == (unit, author), text
        assert "李四" not in d.text_of("basic")


def test_a_rating_line_before_the_signature_stays_text():
    d = _imp(
        "党性分析\n一、基本情况\n我在区里工作。\n自评等次：合格\n自评人：李四\n2024年12月\n"
    ).draft
    assert d.meta.author == "李四" and "自评等次：合格" in d.text_of("basic")


# --- machine-converted pages -----------------------------------------------------------


def test_pinyin_filter_marks_and_paywall_notes_are_removed_and_reported():
    text = (
        "党性分析\n一、基本情况\n我是一名共--产党员(yuán)，在区里工作。"
        "（本文仅展示部分内容，登录后阅读全文）\n试读结束，剩余1200字请付费下载\n"
    )
    r = _imp(text)
    assert r.draft.paragraphs("basic") == ["我是一名共产党员，在区里工作。"]
    removed = [(x.what, x.kind) for x in r.removed]
    assert ("(yuán)", "pinyin") in removed and ("--", "marker") in removed
    assert ("（本文仅展示部分内容，登录后阅读全文）", "marker") in removed
    assert any("试读结束" in w for w, _ in removed)


def test_site_prose_and_posting_time_lines_are_removed():
    text = "党员学习园地 2024-03-18 08:30\n下面是小编整理的范文，仅供参考。\n党性分析\n开头。\n"
    r = _imp(text)
    assert r.draft.sections["title"] == "党性分析"
    assert len(r.removed) == 2


def test_words_split_by_spaces_are_joined():
    d = _imp("党性分析\n一、基本情况\n我是 共 产 党 员。\n").draft
    assert d.paragraphs("basic") == ["我是共产党员。"]


def test_an_unsure_genre_without_rivals_points_to_the_genre_list_not_to_itself():
    from partybook.importer.detect import GenreGuess
    from partybook.importer.pipeline import _genre_notice

    genre = load_genre("minzhu-pingyi")
    alone = _genre_notice(GenreGuess("minzhu-pingyi", 0.2, []), genre)
    assert "partybook genres" in alone and "--genre minzhu-pingyi" not in alone
    rival = _genre_notice(GenreGuess("minzhu-pingyi", 0.2, ["duizhao-jiancha"]), genre)
    assert "--genre duizhao-jiancha" in rival and "partybook genres" not in rival
