"""The anonymiser: public names kept in their context, private details out, decisions
remembered. All private names here are fictional."""

from __future__ import annotations

from pathlib import Path

import pytest

from partybook.anonymizer import Decisions, anonymize, apply, propose, remember
from partybook.anonymizer.divisions import load_divisions
from partybook.anonymizer.evaluate import score
from partybook.draft import Draft, Meta


def _one(text: str, **meta: str) -> str:
    draft = Draft(meta=Meta(**meta), sections={"opening": [text]})
    example, _ = anonymize(draft)
    return example.sections["opening"][0]


def test_public_figures_spirits_meetings_and_sites_are_kept() -> None:
    text = (
        "我们到古田会议旧址学习，重温1929年古田会议和2012年党的十八大以来的历程，"
        "学习焦裕禄精神和井冈山精神，毛泽东同志和焦裕禄同志的事迹令人难忘。"
    )
    assert _one(text) == text


def test_private_names_in_lists_titles_and_meta_short_forms() -> None:
    out = _one(
        "我在澄溪区委办公室工作，和宋立群、蒋可欣等同事到枫川县石枧镇调研，赵书记和孙老师同行。"
        "回到澄溪后，2024年3月我写了总结。",
        unit="云岚市澄溪区委办公室",
    )
    assert out == (
        "我在某区委办公室工作，和某某、某某等同事到某县某镇调研，某书记和某老师同行。"
        "回到某区后，20XX年X月我写了总结。"
    )


def test_the_authors_own_county_is_replaced_even_where_it_is_a_red_site() -> None:
    text = "我生在林州、长在红旗渠边，从小学习红旗渠精神，常去红旗渠纪念馆。"
    out = _one(text, unit="林州市委组织部")
    assert out == "我生在某市、长在某地边，从小学习红旗渠精神，常去某地。"
    # for an author from elsewhere, the same sentence names a public site: kept
    assert _one(text, unit="云岚市委组织部") == text


def test_divisions_come_from_the_current_dataset() -> None:
    divisions = load_divisions()
    assert divisions.full["林州市"] == "city" and divisions.full["播州区"] == "district"
    assert "林州县" not in divisions.full and "遵义县" not in divisions.full
    assert divisions.data_date >= "2025-01-01"
    assert _one("我在播州区和林州市工作过。") == "我在某区和某市工作过。"


def test_ordinary_words_are_not_places() -> None:
    text = "我们到红旗渠灌区开展现场教学，城乡社区治理和大学生村官工作要抓实，全县上下齐心。"
    assert _one(text) == text


def test_keep_decision_is_remembered_in_the_draft() -> None:
    draft = Draft(sections={"opening": ["我和宋立群、蒋可欣等同事到枫川县调研。"]})
    proposals = propose(draft)
    assert {p.original for p in proposals} == {"宋立群", "蒋可欣", "枫川县"}
    assert all(p.reason and p.detector and p.placeholder for p in proposals)
    for p in proposals:
        p.keep = p.original == "枫川县"
    remember(draft, proposals, added={"调研"})
    assert Decisions.of(draft) == Decisions({"枫川县"}, {"调研"})
    again = propose(draft)
    assert [p.keep for p in again if p.original == "枫川县"] == [True]
    example, reps = apply(draft, again)
    assert example.sections["opening"] == ["我和某某、某某等同事到枫川县某某。"]
    assert "anonymize_decisions" not in example.to_dict()  # never published
    assert [r.before for r in reps] == ["宋立群", "蒋可欣", "调研"]


def test_score_counts_a_dropped_or_wrong_replacement() -> None:
    """The scorer itself can fail: a public name replaced and a missed name are counted."""
    from partybook.anonymizer.evaluate import parse

    case = parse({"id": "x", "text": "[[宋立群]]学习{{雷锋精神}}。"})
    s = score([case])
    assert (s.private, s.private_found, s.protected, s.protected_replaced) == (1, 1, 1, 0)
    case.draft.sections["opening"] = ["宋立群学习雷锋精神。"]
    case2 = parse({"id": "y", "text": "{{宋立群}}学习[[雷锋精神]]。"})
    s2 = score([case2])
    assert s2.protected_replaced == 1 and s2.private_found == 0 and s2.precision == 0.0


def test_publishing_candidate_honours_a_toggle() -> None:
    from partybook.classroom.publish import prepare

    draft = Draft(sections={"opening": ["我和宋立群、蒋可欣等同事到枫川县调研。"]})
    candidate = prepare(draft, "甲.json")
    assert "枫川县" not in candidate.example.sections["opening"][0]
    for p in candidate.proposals:
        p.keep = p.original == "枫川县"
    candidate.reapply()
    assert candidate.example.sections["opening"] == ["我和某某、某某等同事到枫川县调研。"]
    assert candidate.example.example and all(
        "枫川县" not in line for line in candidate.review_lines()
    )


def test_the_cases_of_the_issue() -> None:
    """Public figures, spirits built on place names and red sites stay; listed colleagues,
    titled people and the author's district (short form too) go."""
    kept = [
        "我们先后到延安、井冈山、西柏坡和遵义开展现场教学，学习延安精神、井冈山精神和遵义会议精神。",
        "全党要学习焦裕禄同志、谷文昌同志、杨善洲同志。",
        "1935年遵义会议、1978年十一届三中全会、2022年党的二十大，都是重要节点。",
        "中共中央、国务院印发的文件要求，全国人大常委会和中央纪委国家监委也作了部署。",
    ]
    for text in kept:
        assert _one(text, unit="滨江区委办公室") == text
    assert (
        _one("张三、李四等同事和赵书记、钱局长、孙老师都给我提了意见。")
        == "某某、某某等同事和某书记、某局长、某老师都给我提了意见。"
    )
    assert (
        _one("我在滨江区委办公室工作。滨江区的发展很快，滨江人民很勤劳。", unit="滨江区委办公室")
        == "我在某单位工作。某区的发展很快，某区人民很勤劳。"
    )
    assert (
        _one("我1987年出生，2015年6月18日入党，先后在嘉兴、湖州工作。")
        == "我19XX年出生，20XX年X月X日入党，先后在某市、某市工作。"
    )


def test_review_toggles_every_occurrence_and_survives_a_reload(tmp_path: Path) -> None:
    from partybook.anonymizer import Review
    from partybook.storage import load as load_draft
    from partybook.storage import save

    draft = Draft(sections={"opening": ["我在枫川县工作，宋立群同志也在枫川县。", "枫川县的事。"]})
    review = Review(draft)
    rows = [i for i, p in enumerate(review.items) if p.original == "枫川县"]
    assert len(rows) == 3 and review.items[0].reason and review.items[0].context
    assert review.toggle(rows[0], keep=True) == rows  # all three rows change
    review.add("的事")
    example, reps = review.example()
    assert example.sections["opening"] == ["我在枫川县工作，某某同志也在枫川县。", "枫川县某某。"]
    review.remember()
    path = save(draft, tmp_path / "d.json")
    again = Review(load_draft(path))
    assert [p.keep for p in again.items if p.original == "枫川县"] == [True, True, True]
    assert again.example()[0].sections["opening"] == example.sections["opening"]


def test_every_site_location_is_a_current_division() -> None:
    from partybook.anonymizer.vocab import load_vocabulary

    vocab, divisions = load_vocabulary(), load_divisions()
    sites = [p for p in vocab.public.values() if p.kind == "site"]
    assert len(sites) > 40
    missing = {loc for p in sites for loc in p.location if loc not in divisions.full}
    assert not missing, missing


def test_every_kind_of_text_is_replaced_in_place() -> None:
    """Paragraphs, a one-line section, item headings and bodies, points inside an item,
    unplaced text and the class name all get their replacements, nothing else moves."""
    from partybook.draft import Item

    point = Item(heading="二是和宋立群、蒋可欣等同事交流少", body="到枫川县调研时没有听取意见。")
    draft = Draft(
        meta=Meta(class_name="枫川县第二期中青班"),
        sections={
            "title": "我在枫川县的一年",
            "opening": ["第一段没有人名。", "我和宋立群、蒋可欣等同事同去。"],
            "problems": [Item(heading="一是到枫川县调研少", body="正文。", items=[point])],
        },
        unplaced=["宋立群、蒋可欣等同事的补充。"],
    )
    example, _ = anonymize(draft)
    assert example.sections["title"] == "我在某县的一年"
    assert example.sections["opening"] == ["第一段没有人名。", "我和某某、某某等同事同去。"]
    assert example.items("problems") == [
        Item(
            heading="一是到某县调研少",
            body="正文。",
            items=[Item(heading="二是和某某、某某等同事交流少", body="到某县调研时没有听取意见。")],
        )
    ]
    assert example.unplaced == ["某某、某某等同事的补充。"]
    assert example.meta.class_name == "某县第二期中青班"
    assert draft.sections["opening"][1] == "我和宋立群、蒋可欣等同事同去。"  # the original stays


SPIRIT_LEADERS = [
    ("红旗渠精神", "杨贵"),
    ("红旗渠精神", "任羊成"),
    ("焦裕禄精神", "焦裕禄"),
    ("大庆精神", "王进喜"),
    ("塞罕坝精神", "王尚海"),
    ("东北抗联精神", "杨靖宇"),
    ("东北抗联精神", "赵尚志"),
    ("南泥湾精神", "王震"),
    ("老西藏精神", "孔繁森"),
    ("雷锋精神", "雷锋"),
    ("张思德精神", "张思德"),
    ("王杰精神", "王杰"),
    ("红岩精神", "江竹筠"),
    ("两弹一星精神", "邓稼先"),
    ("女排精神", "郎平"),
]


@pytest.mark.parametrize(("spirit", "leader"), SPIRIT_LEADERS)
def test_the_figures_of_well_known_spirits_are_public(spirit: str, leader: str) -> None:
    text = f"我在学习{spirit}时，被{leader}同志带领群众艰苦奋斗的事迹深深打动。"
    assert _one(text, author="李红梅", unit="林州市委党校") == text
