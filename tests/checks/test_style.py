"""PB5xx — length and style rules, one positive and one negative test per code."""

from __future__ import annotations

import pytest

from partybook.draft import Item
from partybook.genre import load_genre


def test_PB501_short_section_flagged(clean, only):
    clean.sections["opening"] = ["我参加了培训，请批评指正。"]
    found = only(clean, "PB501")
    assert [(f.section, f.item) for f in found] == [("opening", None)]
    assert "13 字" in found[0].message and "150–500" in found[0].message


def test_PB501_long_section_flagged(clean, only):
    clean.sections["opening"] = clean.sections["opening"] * 3
    found = only(clean, "PB501")
    assert [f.section for f in found] == ["opening"]
    assert "精简" in found[0].message


def test_PB501_sections_in_range_not_flagged(clean, only):
    assert only(clean, "PB501") == []


def test_PB502_short_document_flagged(clean, only):
    for sid in ("problems", "causes", "measures"):
        for item in clean.sections[sid]:
            item.body = item.body[:40]
    found = only(clean, "PB502")
    assert [(f.section, f.item, f.start) for f in found] == [("document", None, 0)]
    assert "2000–4500" in found[0].message


def test_PB502_document_in_range_not_flagged(clean, only):
    assert only(clean, "PB502") == []


def test_PB503_repeated_sentence_flagged_at_second_place(clean, only):
    sentence = "我对自己的要求不够严格，工作标准有所降低。"
    clean.sections["problems"][0].body += sentence
    clean.sections["problems"][2].body += sentence
    found = only(clean, "PB503")
    item = clean.sections["problems"][2]
    s = len(item.heading) + 1 + item.body.index(sentence)
    assert [(f.section, f.item, f.start, f.end) for f in found] == [
        ("problems", 2, s, s + len(sentence))
    ]
    assert "存在的问题和不足第1条" in found[0].message


def test_PB503_same_sentence_twice_in_one_paragraph_flagged(clean, only):
    clean.sections["basic"][2] += "这是一句重复的话语内容。这是一句重复的话语内容。"
    assert len(only(clean, "PB503")) == 1


def test_PB503_distinct_sentences_not_flagged(clean, only):
    clean.sections["basic"][2] += "短句。短句。"  # under eight characters: not counted
    assert only(clean, "PB503") == []


def test_PB504_passage_copied_from_example_flagged(clean, only, genre):
    copied = genre.example_section("problems")[0]["body"][20:80]
    item = clean.sections["problems"][0]
    item.body = item.body[:30] + copied + item.body[30:]
    found = only(clean, "PB504")
    s = len(item.heading) + 1 + 30
    assert [(f.section, f.item) for f in found] == [("problems", 0)]
    assert found[0].start <= s and found[0].end >= s + 60
    assert found[0].end - found[0].start < 80  # only the copied run (plus chance neighbours)


def test_PB504_short_shared_phrase_not_flagged(clean, only, genre):
    phrase = genre.example_section("problems")[0]["body"][:20]  # 20 characters only
    clean.sections["problems"][0].body += phrase
    assert only(clean, "PB504") == []


def test_PB504_genre_worked_example_itself_not_flagged(example_draft, only):
    assert only(example_draft, "PB504") == []


@pytest.mark.parametrize(
    ("text", "bad", "fix"),
    [
        ("强化责任当意识", "责任当意识", "责任担当意识"),
        ("遇事急燥", "急燥", "急躁"),
        ("不能报有侥幸心理", "报有", "抱有"),
        ("必需加强学习", "必需", "必须"),
        ("群众反应的问题", "反应", "反映"),
        ("截止目前已完成两项", "截止目前", "截至目前"),
        ("按排工作", "按排", "安排"),
        ("检查自已的问题", "自已", "自己"),
    ],
)
def test_PB505_misspelling_flagged_with_fix(clean, only, text, bad, fix):
    item = clean.sections["measures"][1]
    item.body += text + "。"
    found = only(clean, "PB505")
    s = len(item.heading) + 1 + item.body.index(text) + text.index(bad)
    assert [(f.item, f.start, f.end, f.fix) for f in found] == [(1, s, s + len(bad), fix)]


@pytest.mark.parametrize(
    "text",
    [
        "生活必需品",
        "必需的物资",
        "化学反应",
        "预防犯罪",
        "按排名先后",
        "激动得不能自已",
        "责任担当意识",
    ],
)
def test_PB505_correct_words_not_flagged(clean, only, text):
    clean.sections["measures"][1].body += text + "。"
    assert only(clean, "PB505") == []


def test_PB505_misspelling_list_has_300_plus_entries_with_fixes():
    import yaml

    from partybook.paths import templates_dir

    data = yaml.safe_load((templates_dir() / "rules" / "misspellings.yaml").read_text("utf-8"))
    entries = data["misspellings"]
    assert len(entries) >= 300
    assert all(e["wrong"] != e["right"] for e in entries)
    assert len({e["wrong"] for e in entries}) == len(entries)


def test_PB505_corrections_are_not_flagged_themselves(clean, only):
    """Every ``right`` is clean: a fix never leads to another misspelling finding."""
    from partybook.checks.data import misspellings

    _, table = misspellings("dangxing-fenxi")
    clean.sections["measures"][1].body += "，".join(e.right for e in table.values()) + "。"
    assert only(clean, "PB505") == []


def test_PB509_doubled_word_flagged_with_fix(clean, only):
    item = clean.sections["measures"][1]
    item.body += "我要进一步进一步加强学习。"
    found = only(clean, "PB509")
    s = len(item.heading) + 1 + item.body.index("进一步进一步")
    assert [(f.start, f.end, f.fix) for f in found] == [(s, s + 6, "进一步")]


@pytest.mark.parametrize(
    "text", ["一个一个地走访", "一步一步推进", "请大家研究研究", "天天坚持", "想一想一件事"]
)
def test_PB509_intended_repetition_not_flagged(clean, only, text):
    clean.sections["measures"][1].body += text + "。"
    assert only(clean, "PB509") == []


@pytest.mark.parametrize(
    ("text", "bad", "fix"),
    [("深刻的认识到", "深刻的认识到", "深刻地认识到"), ("工作做的不够", "做的不够", "做得不够")],
)
def test_PB510_de_di_de_flagged_as_hint(clean, only, text, bad, fix):
    clean.sections["measures"][1].body += text + "。"
    found = only(clean, "PB510")
    assert [(f.fix, f.severity) for f in found] == [(fix, "hint")]


def test_PB510_right_use_not_flagged(clean, only):
    clean.sections["measures"][1].body += "认真的学习态度，深刻地认识到，做得不够。"
    assert only(clean, "PB510") == []


def test_PB506_problem_about_the_collective_flagged(clean, only):
    item = clean.sections["problems"][1]
    item.body = "大家面对复杂问题时有畏难情绪，去年城东市场整治拖了两个月。"
    found = only(clean, "PB506")
    assert [(f.section, f.item, f.start, f.end) for f in found] == [
        ("problems", 1, 0, len(item.heading))
    ]
    assert "别人或集体" in found[0].message


def test_PB506_slogan_problem_flagged(clean, only):
    item = clean.sections["problems"][1]
    item.heading = "担当精神不足。"
    item.body = "存在攻坚克难劲头不足、敢于碰硬不够的问题。"
    found = only(clean, "PB506")
    assert [f.item for f in found] == [1] and "口号" in found[0].message


def test_PB506_subject_less_own_conduct_not_flagged(clean, only):
    item = clean.sections["problems"][2]
    item.heading = "服务群众不够及时。"
    item.body = "对群众来信回复拖沓，去年一封反映路灯损坏的来信两周后才答复，群众又打了两次电话。"
    assert only(clean, "PB506") == []


def test_PB506_first_person_problems_not_flagged(clean, only):
    clean.sections["problems"][1].body = "本人面对复杂问题时有畏难情绪，去年拖了两个月。"
    assert only(clean, "PB506") == []


def test_PB506_not_applied_to_other_sections(clean, only):
    clean.sections["measures"][0].body = "每周自学不少于三小时。"
    assert only(clean, "PB506") == []


def test_PB507_problem_about_others_flagged(clean, only):
    item = clean.sections["problems"][0]
    item.body += "班子成员学习不够主动，个别党员只挂名不参加。"
    found = only(clean, "PB507")
    base = len(item.heading) + 1
    assert [(f.item, f.start - base) for f in found] == [
        (0, item.body.index("班子")),
        (0, item.body.index("个别党员")),
    ]


def test_PB507_others_mentioned_with_first_person_not_flagged(clean, only):
    clean.sections["problems"][0].body += "我作为班子成员带头不够，对个别党员的提醒我也不够及时。"
    assert only(clean, "PB507") == []


@pytest.mark.parametrize(
    "text", ["大家存在等靠要思想，工作推一推动一动。", "有的党员理想信念动摇。"]
)
def test_PB507_others_with_a_fault_beyond_plain_negation_flagged(clean, only, text):
    clean.sections["problems"][0].body += text
    assert len(only(clean, "PB507")) == 1


def test_PB507_others_as_object_after_a_modifier_not_flagged(clean, only):
    clean.sections["problems"][
        0
    ].body += "在班子里，我有时碍于情面，对其他班子成员分管工作中的问题提意见不够直接。"
    assert only(clean, "PB507") == []


def test_PB507_not_applied_outside_problems(clean, only):
    clean.sections["measures"][0].body += "督促班子成员共同学习。"
    assert only(clean, "PB507") == []


def test_PB508_problem_without_concrete_example_flagged(clean, only):
    item = clean.sections["problems"][2]
    item.body = "我联系服务群众不够深入，解决群众诉求不够及时，宗旨意识有所淡化。"
    found = only(clean, "PB508")
    s = len(item.heading) + 1
    assert [(f.item, f.start, f.end, f.severity) for f in found] == [
        (2, s, s + len(item.body), "hint")
    ]


@pytest.mark.parametrize("marker", ["比如去年", "三次", "5月", "例如"])
def test_PB508_problem_with_example_not_flagged(clean, only, marker):
    clean.sections["problems"][2].body = f"我联系群众不够深入，{marker}我没有及时回应群众。"
    assert only(clean, "PB508") == []


def test_PB506_PB507_not_applied_in_impersonal_genre(clean, only):
    genre = load_genre("dangxing-fenxi").model_copy(update={"personal": False})
    clean.sections["problems"][1].body = "班子成员有畏难情绪，去年拖了两个月。"
    assert only(clean, "PB506", genre=genre) == []
    assert only(clean, "PB507", genre=genre) == []


def test_grouped_problems_checked_per_aspect(only):
    g = load_genre("duizhao-jiancha")
    d = g.example_draft()
    assert only(d, "PB506") == []  # a point without 我 is fine when its aspect has one
    d.sections["problems"][0].items = [
        Item(heading="学习不够。", body="大家学习时间少，去年只读了两本书。")
    ]
    assert [f.item for f in only(d, "PB506")] == [0]


@pytest.mark.parametrize(
    "text", ["向上级汇报有关情况", "对照检察机关的要求", "既使群众满意又守住底线"]
)
def test_PB505_context_words_not_flagged(clean, only, text):
    clean.sections["measures"][1].body += text + "。"
    assert only(clean, "PB505") == []


def test_PB508_quantities_like_books_count_as_examples(clean, only):
    clean.sections["problems"][2].body = "我学习时断时续，全年只读完两本理论书籍。"
    assert only(clean, "PB508") == []
