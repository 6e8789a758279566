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
    data["categories"].append({"id": "safety", "name": "安全生产", "keywords": {"安全生产": 3}})
    mine = tmp_path / "problems.yaml"
    mine.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    assert [c.name for c in categorise("安全生产抓得不紧。", "", mine)] == ["安全生产"]
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


def test_labelled_sets_are_large_and_use_known_ids():
    ids = {c.id for c in taxonomy()[0].categories}
    items = [d for p in HERE.glob("*.yaml") for d in yaml.safe_load(p.read_text("utf-8"))]
    assert len(items) >= 150
    assert sum(len(d["categories"]) > 1 for d in items) >= 20
    for d in items:
        assert set(d["categories"]) <= ids and d["heading"] and d["body"]


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
