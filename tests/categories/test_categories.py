"""Problem categories: the taxonomy file, the categoriser and its explanation, missing groups,
problems without an example, and the class report's JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from support.cli import run_partybook

from partybook import storage
from partybook.categories import categorise, concrete, profile, taxonomy, taxonomy_path
from partybook.draft import Item, new_draft
from partybook.errors import PartybookError

HERE = Path(__file__).resolve().parent
NAMES = {
    "政治理论学习",
    "理想信念",
    "政治纪律和规矩",
    "宗旨意识/群众路线",
    "担当作为",
    "工作作风/形式主义官僚主义",
    "廉洁自律",
    "能力本领",
    "组织生活",
}


def test_the_taxonomy_has_the_issues_categories_and_the_required_groups():
    tax, _ = taxonomy()
    assert {c.name for c in tax.categories} >= NAMES
    assert {g.name for g in tax.required} == {"政治", "纪律"}
    for c in tax.categories:
        assert len(c.keywords) >= 20, c.id


def test_an_item_gets_its_category_and_the_words_that_decided():
    cats = categorise("理论学习不够系统。", "满足于读原文、记笔记，很少读原著。")
    assert [c.name for c in cats] == ["政治理论学习"]
    assert "理论学习" in cats[0].words and "读原著" in cats[0].words
    assert "原著" not in cats[0].words  # inside 读原著: counted once, as the longer word


def test_an_item_may_have_two_categories():
    cats = categorise(
        "报告个人有关事项不严谨。", "漏报了配偶名下的一处车位，是纪律问题，也是对家属要求不严。"
    )
    assert {c.id for c in cats} == {"discipline", "integrity"}


def test_an_item_about_nothing_in_the_taxonomy_gets_no_category():
    assert categorise("今天天气很好。", "我们去公园散步。") == []


def test_concrete_examples_are_dates_numbers_or_events():
    assert concrete("2024年我只下乡6次。")
    assert concrete("今年春节期间收过两箱水果。")
    assert concrete("参加了三次主题党日。")
    assert not concrete("理论学习不够深入，满足于完成任务，学用结合不紧。")


def test_profile_lists_missing_groups_and_problems_without_example(genre):
    d = new_draft(genre, author="甲")
    d.sections["problems"] = [
        Item(heading="群众观念有所淡化。", body="对群众反映的问题批转后不再过问，耐心不够。"),
        Item(heading="担当作为不够。", body="今年东片区征收推进缓慢，我遇到难题绕着走。"),
    ]
    p = profile(d)
    assert p.categories == ["宗旨意识/群众路线", "担当作为"]
    assert p.missing == ["政治", "纪律"]
    assert p.no_example == [1]
    d.sections["problems"].append(Item(heading="执行请示报告制度不严。", body="国庆外出未报备。"))
    assert profile(d).missing == []


def test_grouped_items_are_categorised_point_by_point():
    from partybook.genre import load_genre

    genre = load_genre("duizhao-jiancha")
    d = new_draft(genre, author="乙")
    d.sections["problems"] = [
        Item(
            heading="在学习贯彻党的创新理论方面",
            items=[
                Item(heading="学得不深。", body="读原著少。"),
                Item(heading="有时不够用心。", body="做得还不够。"),  # falls back to the aspect
            ],
        )
    ]
    items = profile(d).items
    assert [(i.item, i.point) for i in items] == [(0, 0), (0, 1)]
    assert items[0].names == ["政治理论学习"] and items[1].names == ["政治理论学习"]


def test_an_instructors_edited_taxonomy_is_used_and_errors_are_chinese(tmp_path):
    data = yaml.safe_load(taxonomy_path().read_text("utf-8"))
    data["categories"].append({"id": "fire", "name": "消防安全", "keywords": {"消防安全": 3}})
    mine = tmp_path / "problems.yaml"
    mine.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    assert [c.name for c in categorise("消防安全抓得不紧。", "", mine)] == ["消防安全"]
    bad = tmp_path / "bad.yaml"
    bad.write_text("categories:\n  - id: X\n    name: 坏\n    keywords: {}\n", "utf-8")
    with pytest.raises(PartybookError, match="问题类别文件"):
        categorise("学习。", "", bad)
    unknown = tmp_path / "unknown.yaml"
    unknown.write_text(
        "categories: [{id: a, name: 甲, keywords: {学习: 1}}]\nrequired: [{name: 政治, categories: [b]}]\n",
        "utf-8",
    )
    with pytest.raises(PartybookError, match="不是已定义的类别"):
        categorise("学习。", "", unknown)


def _load(pattern: str) -> list[dict]:
    return [d for p in sorted(HERE.glob(pattern)) for d in yaml.safe_load(p.read_text("utf-8"))]


def test_labelled_sets_are_large_and_use_known_ids():
    ids = {c.id for c in taxonomy()[0].categories}
    items = _load("*.yaml")
    assert len(items) >= 150
    assert sum(len(d["categories"]) > 1 for d in items) >= 20
    for d in items:  # an empty body is a heading-only item, a style of its own
        assert set(d["categories"]) <= ids and d["heading"] and isinstance(d["body"], str)
    assert sum(not d["body"] for d in items) >= 10


def test_held_out_items_are_not_in_the_tuning_set():
    # a held-out item copied into the tuning set would make the held-out figure a lie
    tuning = {(d["heading"], d["body"]) for d in _load("labelled*.yaml")}
    held = [(d["heading"], d["body"]) for d in _load("heldout*.yaml")]
    assert len(held) >= 60
    assert not [h for h in held if h in tuning]


def _micro_f1(items: list[dict]) -> tuple[float, dict[str, float]]:
    """Micro F1 over (item, category) pairs, and recall per category."""
    tp: dict[str, int] = {}
    fp = fn = 0
    gold_n: dict[str, int] = {}
    for d in items:
        got = {c.id for c in categorise(d["heading"], d["body"])}
        gold = set(d["categories"])
        for cid in gold:
            gold_n[cid] = gold_n.get(cid, 0) + 1
            tp[cid] = tp.get(cid, 0) + (cid in got)
        fp += len(got - gold)
        fn += len(gold - got)
    hits = sum(tp.values())
    f1 = 2 * hits / (2 * hits + fp + fn)
    return f1, {cid: tp[cid] / n for cid, n in gold_n.items()}


def test_the_tuning_set_keeps_its_f1_and_every_category_its_recall():
    # floors a little under the figures measured when this test was written (F1 0.905,
    # lowest category recall 0.75): a change to the taxonomy or the scoring that loses them
    # is a regression, whatever it gains elsewhere
    f1, recall = _micro_f1(_load("labelled*.yaml"))
    assert f1 >= 0.89, f1
    low = {cid: round(r, 2) for cid, r in recall.items() if r < 0.7}
    assert not low, low


def test_the_held_out_sets_stay_above_the_first_lists():
    # the first keyword lists scored 0.70 pooled on the held-out writing of their day; the
    # held-out sets of today (0.73 pooled when this floor was set) must not fall below it
    f1, _ = _micro_f1(_load("heldout*.yaml"))
    assert f1 >= 0.70, f1


# One line per phrasing class the categoriser must handle; the sentences are not in any
# labelled set. Each is (heading, body, expected category ids).
PHRASINGS = [
    # heading only, no body: the usual terse headings of a 对照检查 list
    ("理论武装不够扎实。", "", {"theory"}),
    ("宗旨观念有所弱化。", "", {"masses"}),
    ("精神“缺钙”，信念不牢。", "", {"ideals"}),  # quotation marks inside a phrase
    ("“四风”问题仍有反弹。", "", {"integrity"}),
    # heading + body with an occupation's own vocabulary
    ("接诊时缺乏耐心。", "门诊病人多时，我对患者的询问常常几句话打发。", {"masses"}),
    ("执法能力有欠缺。", "对新修订的治安管理规定不熟悉，办案时要反复请教同事。", {"ability"}),
    ("收了学生家长的购物卡。", "教师节时一位家长送来购物卡，我过了一周才退回。", {"integrity"}),
    # 一是……二是……: the aspect heading and both points
    (
        "在工作作风方面。",
        "一是会多文多，一项工作开了三次部署会；二是调研蜻蜓点水，只看安排好的点。",
        {"style"},
    ),
    # what the item says it is not about does not count
    ("症结不在于能力不足，而在于担当意识不强。", "", {"duty"}),
    ("不缺担当意识，缺的是专业能力。", "", {"ability"}),
    # 民主生活会: a leading cadre's aspect point
    (
        "在带头执行民主集中制方面。",
        "班子研究重要事项时，我会前酝酿不充分，个人说了算的情况偶有发生。",
        {"discipline"},
    ),
]


@pytest.mark.parametrize(("heading", "body", "expected"), PHRASINGS)
def test_phrasing_classes_get_their_category(heading, body, expected):
    assert {c.id for c in categorise(heading, body)} == expected


def test_a_who_word_beside_the_topic_adds_no_category():
    # 患者, 家属, 居民 say who was involved, not what the problem is
    got = categorise("收受患者家属的红包。", "手术后家属塞来红包，我没有当场拒绝。")
    assert [c.id for c in got] == ["integrity"]
    assert categorise("居民。", "") == []  # one hint alone, even in the heading


def test_class_report_json_rows_carry_categories(tmp_path, genre):
    d = new_draft(genre, author="丙", date="2025-10")
    d.sections["problems"] = [
        Item(heading="理论学习不够深入。", body="今年只读完一本原著。"),
        Item(heading="落实中央八项规定精神不严。", body="有3笔差旅报销住宿超标准。"),
    ]
    storage.save(d, tmp_path / "丙.json")
    out = run_partybook("class-report", str(tmp_path), "--format", "json")
    assert out.returncode == 0, out.stderr
    row = json.loads(out.stdout)["rows"][0]
    assert row["categories"] == ["政治理论学习", "廉洁自律"]
    assert row["missing_categories"] == [] and row["no_example"] == []


def test_class_counts_per_category_for_the_chart(tmp_path, genre):
    from partybook.classroom.collect import collect
    from partybook.classroom.report import class_report

    for name, heading in (
        ("甲", "理论学习不够深入。"),
        ("乙", "理论学习缺乏系统性。"),
        ("丙", "群众观念淡化。"),
    ):
        d = new_draft(genre, author=name)
        d.sections["problems"] = [Item(heading=heading, body="今年只读了两本书。")]
        storage.save(d, tmp_path / f"{name}.json")
    counts = class_report(collect(tmp_path), similarity=False).category_counts()
    assert counts["政治理论学习"] == 2 and counts["宗旨意识/群众路线"] == 1
    assert counts["廉洁自律"] == 0 and list(counts)[0] == "政治理论学习"


def test_what_an_item_is_not_about_does_not_count():
    said = categorise("我的问题不是能力不足，而是担当意识不强。", "遇到难题绕着走。")
    assert [c.id for c in said] == ["duty"]
    # without the contrast the same words do count
    both = categorise("能力不足，担当意识不强。", "遇到难题绕着走。")
    assert {c.id for c in both} == {"duty", "ability"}


def test_a_weak_word_alone_in_the_body_decides_nothing_but_a_strong_phrase_does():
    assert categorise("还有差距。", "学习。") == []  # 学习: weight 1, body only
    assert [c.id for c in categorise("还有差距。", "以会代学。")] == ["theory"]


def test_learnt_pairs_point_to_the_category_whose_items_use_them(tmp_path):
    from partybook.category_pairs import learn, pairs

    assert pairs("党费没交，我的书。") == {"党费", "费没", "没交"}  # 的, 我, punctuation break
    items = [
        {"heading": "党费交迟了。", "body": "支部催了两次。", "categories": ["orglife"]},
        {"heading": "党费忘了交。", "body": "支部提醒后补交。", "categories": ["orglife"]},
        {"heading": "学习不深。", "body": "读书少。", "categories": ["theory"]},
        {"heading": "学习不够。", "body": "读书浮。", "categories": ["theory"]},
    ]
    weights = learn(items)
    assert weights["orglife"]["党费"] > 0 and "党费" not in weights["theory"]
    assert weights["theory"]["学习"] > 0


def test_backed_off_categories_say_so_and_a_broken_pairs_file_is_a_chinese_error(tmp_path):
    data = yaml.safe_load(taxonomy_path().read_text("utf-8"))
    pairs_file = tmp_path / "pairs.yaml"
    pairs_file.write_text("orglife: {蓝鲸: 3.0, 鲸跃: 2.0}\n", "utf-8")
    data["learned"], data["learned_min"] = "pairs.yaml", 2
    mine = tmp_path / "problems.yaml"
    mine.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    got = categorise("有一件事没做好。", "蓝鲸跃出水面。", mine)
    assert [(c.id, c.learned) for c in got] == [("orglife", True)]
    assert got[0].words == ["蓝鲸", "鲸跃"]  # the pairs that decided, strongest first
    data["learned_min"] = 99
    mine.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    assert categorise("有一件事没做好。", "蓝鲸跃出水面。", mine) == []
    pairs_file.write_text("nosuch: {蓝鲸: 3.0}\n", "utf-8")
    data["learned_min"] = 2
    mine.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    with pytest.raises(PartybookError, match="不是已定义的类别"):
        categorise("有一件事没做好。", "蓝鲸跃出水面。", mine)


def test_quotation_marks_inside_a_phrase_do_not_hide_it():
    # this genre quotes catchwords inside plain phrases: 精神“缺钙” is the phrase 精神缺钙
    cats = categorise("精神“缺钙”。", "")
    assert [c.id for c in cats] == ["ideals"] and cats[0].words[0] == "精神缺钙"
    assert categorise("学用‘两张皮’。", "")[0].words[0] == "学用两张皮"
