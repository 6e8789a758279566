"""Forms of private details found since the second held-out set (numbers, addresses, more
forms of names, places named in the author's unit) and the context that makes a name
public. All private names and places here are fictional."""

from __future__ import annotations

from partybook.anonymizer import anonymize
from partybook.draft import Draft, Meta


def _one(text: str, **meta: str) -> str:
    example, _ = anonymize(Draft(meta=Meta(**meta), sections={"opening": [text]}))
    return example.sections["opening"][0]


def test_numbers_that_identify_a_person_are_replaced() -> None:
    out = _one(
        "他的电话13900007316，工号WZ0317，户号0312457896，身份证尾号0417，"
        "车牌湘D5B27Q，线索编号QZJ-2024-0317，2024-03-05那天来过。"
    )
    assert out == (
        "他的电话1XXXXXXXXXX，工号XXXX，户号XXXX，身份证尾号XXXX，"
        "车牌某车牌号，线索编号XXXX，20XX-X-X那天来过。"
    )
    assert _one("消防车湘A2119应急到场。") == "消防车某车牌号到场。"


def test_quantities_standards_and_hotlines_are_not_identifiers() -> None:
    text = (
        "全村300户，完成投资120000元，整改问题12个；按GB/T 9704-2012排版，"
        "群众可拨打12345热线，5G网络覆盖全乡。"
    )
    assert _one(text) == text


def test_streets_and_house_numbers_are_replaced_but_not_road_words() -> None:
    assert (
        _one("居民在银杏路17号议事，车辆在霁川大道与临江路交叉口停下。")
        == "居民在某路某号议事，车辆在某路某号与某路某号交叉口停下。"
    )
    text = "思路决定出路，我们要走好新时代的长征路，走好群众路线，不走老路。"
    assert _one(text) == text


def test_nicknames_shortened_names_compound_surnames_and_transliterated_names() -> None:
    assert (
        _one("村委会主任老覃和辅警小马都来了，原总经理尚某和王某某同志也在。")
        == "村委会主任某某和辅警某某都来了，原总经理某某和某某同志也在。"
    )
    assert (
        _one("护士上官雨晴报告后，老人吐尔洪·买买提被送回家，蔺总没有追问。")
        == "护士某某报告后，老人某某被送回家，某总没有追问。"
    )
    text = "作为一名老党员，要为全面建成小康社会出力；党总支要汇总材料。"
    assert _one(text) == text


def test_a_name_after_a_role_word_is_replaced() -> None:
    assert (
        _one("村民蒙秀英家的老房子漏雨，驾驶人单春雷酒后驾车，博士生宁思远反映情况。")
        == "村民某某家的老房子漏雨，驾驶人某某酒后驾车，博士生某某反映情况。"
    )
    assert _one("护理员阿依努尔及时发现，保安老甘提了建议。") == (
        "护理员某某及时发现，保安某某提了建议。"
    )
    text = "人大代表要代表高质量发展的方向，同志们应该学习，病人康复出院。"
    assert _one(text) == text


def test_a_list_closed_by_a_public_category_is_public() -> None:
    text = "学习宋立群、蒋可欣等老一辈科学家的报国情怀。"
    assert _one(text) == text
    assert _one("宋立群、蒋可欣等同事帮了我。") == "某某、某某等同事帮了我。"


def test_a_national_honour_makes_the_names_after_it_public() -> None:
    """The context rule alone (these fictional names are in no list of public figures):
    a national honour keeps the name and the names listed with it; a city's honour does
    not, and the same names as colleagues are replaced."""
    text = "学习“时代楷模”宋立群同志，学习卫国戍边英雄蒋可欣、骆文斌的事迹。"
    assert _one(text) == text
    assert _one("学习邝志明院士的精神。") == "学习邝志明院士的精神。"
    assert _one("市劳动模范宋立群同志和同事蒋可欣、骆文斌等同志来了。") == (
        "市劳动模范某某同志和同事某某、某某等同志来了。"
    )


def test_places_in_the_authors_unit_and_national_bodies() -> None:
    out = _one(
        "国家税务总局部署以后，澜湾区税务局和苇塘市的同事都行动起来。",
        unit="国家税务总局苇塘市澜湾区税务局",
    )
    assert out == "国家税务总局部署以后，某区税务局和某市的同事都行动起来。"
    assert (
        _one("我在雁汀县城区工作，桐山区审计局来过。", unit="国网雁汀县供电公司城关供电所")
        == "我在某县城区工作，某区审计局来过。"
    )
    # without the author's unit, 县城 is the county seat: 来一趟县城 names no county
    assert _one("他们来一趟县城要花半天。") == "他们来一趟县城要花半天。"
    assert _one("菰城区榉林街道的群众。") == "某区某街道的群众。"


def test_a_public_village_stays_public_before_its_villagers() -> None:
    text = "毛相林同志带着下庄村村民凿出出山路，黄文秀同志扎根基层。"
    assert _one(text) == text
