"""Anonymised shared examples on drafts full of names (all people and places fictional)."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from support.cli import run_partybook

from partybook.anonymizer import Replacement, anonymize
from partybook.assembly import assemble
from partybook.draft import Comment, Draft, Item, Meta, conform
from partybook.genre import Genre


@pytest.fixture
def named_draft(genre: Genre) -> Draft:
    return conform(
        Draft(
            genre=genre.id,
            meta=Meta(
                author="郑雨桐",
                unit="松溪县青梅镇人民政府",
                position="松溪县青梅镇党委副书记",
                class_name="2024年春季中青年干部培训班",
                date="2024-05-20",
            ),
            sections={
                "title": "2024年春季中青年干部培训班党性分析",
                "opening": [
                    "我叫郑雨桐，在松溪县青梅镇人民政府工作。2024年3月18日，我到党校报到。"
                    "培训中，许多同志给我提了意见，韩书记和潘立新同志多次找我谈心，梁主任也提醒过我。"
                ],
                "basic": [
                    "我1991年7月出生于湖南省岳阳市，2013年入党，先后在青梅镇、竹林乡和杏花村工作，"
                    "后调到松溪县东桥街道。曾在浙江杭州挂职半年，担任副局长助理。大学生村官经历让我难忘。"
                ],
                "problems": [
                    Item(
                        heading="联系群众不够。",
                        body="去年10月，杏花村的蒋大爷反映灌溉问题，我没有及时回应。郑雨桐同志应当反思。",
                    )
                ],
                "causes": [
                    Item(
                        heading="宗旨意识淡化。",
                        body="在全县、全镇工作中，我对乡村振兴、城乡融合和社区治理理解不深。",
                    )
                ],
                "measures": [
                    Item(
                        heading="做群众的贴心人。",
                        body="每月到村里走访，向支部书记汇报，配合县农业农村局开展工作。",
                    )
                ],
            },
            unplaced=["附：郑雨桐，联系电话见松溪县组织部名册。"],
            comments=[Comment(section="basic", text="写得具体", author="邹老师")],
        ),
        genre,
    )


IDENTIFYING = [
    "郑雨桐",
    "松溪县",
    "青梅镇",
    "竹林乡",
    "杏花村",
    "东桥街道",
    "湖南",
    "岳阳",
    "浙江",
    "杭州",
    "韩书记",
    "潘立新",
    "梁主任",
    "蒋大爷",
    "2024",
    "1991",
    "2013",
    "3月",
    "18日",
    "10月",
    "邹老师",
]
GENERIC = [
    "许多同志",
    "乡村振兴",
    "城乡融合",
    "社区治理",
    "全县",
    "全镇",
    "大学生村官",
    "支部书记",
    "农业农村局",
    "副局长助理",
    "村里",
]


def _all_text(d: Draft) -> str:
    return assemble(d) + json.dumps(d.to_dict(), ensure_ascii=False)


def test_identifying_details_replaced(named_draft: Draft, genre: Genre) -> None:
    original = named_draft.model_copy(deep=True)
    example, reps = anonymize(named_draft, genre)
    text = _all_text(example)
    for word in IDENTIFYING:
        assert word not in text, word
    for word in GENERIC:
        assert word in text, word  # ordinary vocabulary is kept
    assert example.example is True
    assert example.comments == []
    assert named_draft == original  # the input is not modified
    m = example.meta
    assert (m.author, m.unit, m.position, m.date) == ("某某", "某单位", "某职务", "20XX年X月X日")
    assert m.class_name == "20XX年春季中青年干部培训班"


def test_placeholders_in_a_consistent_style(named_draft: Draft, genre: Genre) -> None:
    example, _ = anonymize(named_draft, genre)
    body = assemble(example)
    assert "我叫某某，在某单位工作。20XX年X月X日" in body
    assert "某书记和某某同志" in body and "某主任" in body
    assert "出生于某省某市" in body
    assert "先后在某镇、某乡和某村工作，后调到某县某街道" in body
    assert "在某省某市挂职" in body
    assert "某村的某大爷" in body and "某某同志应当反思" in body
    assert example.unplaced == ["附：某某，联系电话见某县组织部名册。"]


def test_every_replacement_reported(named_draft: Draft, genre: Genre) -> None:
    _, reps = anonymize(named_draft, genre)
    assert all(isinstance(r, Replacement) for r in reps)
    described = [r.describe().split("（")[0] for r in reps]  # each line ends with its reason
    assert "opening：韩书记 → 某书记" in described
    assert "basic：湖南省 → 某省" in described
    assert "problems[1]：杏花村 → 某村" in described
    assert "meta.author：郑雨桐 → 某某" in described
    assert "unplaced：郑雨桐 → 某某" in described
    assert any(r.section == "comments" for r in reps)
    # what was reported is exactly what changed: applying the pairs reproduces no original
    for r in reps:
        assert r.before != r.after


def test_worked_example_and_second_genre(example_draft: Draft, genre: Genre) -> None:
    example, reps = anonymize(example_draft, genre)
    text = assemble(example)
    original = assemble(example_draft)
    meta = example_draft.meta
    assert meta.author and meta.author not in text and meta.unit not in text
    assert re.search(r"20[0-9]{2}年", text) is None  # personal dates generalised
    assert all(r.reason for r in reps)
    # public names of the worked example stay as written
    for public in ("党章", "中央八项规定", "红旗渠干部学院", "党的二十大"):
        assert text.count(public) == original.count(public), public


def test_red_canal_irrigation_district_survives_whole(genre: Genre) -> None:
    """灌区 is not a district and 红旗渠 is a public red site: the phrase stays, whole; a
    dropped text or a placeholder inside it fails here (the old assertion could not)."""
    d = conform(
        Draft(
            genre=genre.id,
            sections={
                "opening": ["我们到枫川县红旗渠灌区开展现场教学，红旗渠灌区的干部讲了修渠的故事。"]
            },
        ),
        genre,
    )
    example, _ = anonymize(d, genre)
    assert example.sections["opening"] == [
        "我们到某县红旗渠灌区开展现场教学，红旗渠灌区的干部讲了修渠的故事。"
    ]


def test_clean_draft_has_no_replacements_but_is_marked(genre: Genre) -> None:
    d = conform(
        Draft(
            genre=genre.id, sections={"opening": ["我认真学习了党章，对照检查了自己的思想和工作。"]}
        ),
        genre,
    )
    example, reps = anonymize(d, genre)
    assert reps == [] and example.example is True
    assert example.sections["opening"] == d.sections["opening"]


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return run_partybook(*args, cwd=cwd)


def test_cli_anonymize_prints_and_refuses_overwrite(named_draft: Draft, tmp_path: Path) -> None:
    src = tmp_path / "草稿.json"
    src.write_text(json.dumps(named_draft.to_dict(), ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "示例.json"
    r = _cli("anonymize", str(src), "-o", str(out), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "opening：韩书记 → 某书记（姓名加称谓）" in r.stdout and "共替换" in r.stdout
    saved = json.loads(out.read_text(encoding="utf-8"))
    assert saved["example"] is True and saved["meta"]["author"] == "某某"
    before = out.read_bytes()
    r = _cli("anonymize", str(src), "-o", str(out), cwd=tmp_path)
    assert r.returncode == 2 and "已存在" in r.stderr and "--force" in r.stderr
    assert out.read_bytes() == before
    r = _cli("anonymize", str(src), "-o", str(out), "--force", cwd=tmp_path)
    assert r.returncode == 0
    r = _cli("anonymize", str(src), "-o", str(tmp_path / "x.docx"), cwd=tmp_path)
    assert r.returncode == 2 and ".json" in r.stderr


def test_unit_names_only_after_a_place(genre: Genre) -> None:
    d = conform(
        Draft(
            genre=genre.id,
            sections={
                "opening": [
                    "我先后在松溪县东风局和青梅镇农机局工作，常到各乡镇街道调研，"
                    "配合市场监管局和县城管局执法，局党组也多次研究。"
                ]
            },
        ),
        genre,
    )
    example, reps = anonymize(d, genre)
    text = example.sections["opening"][0]
    assert text.startswith("我先后在某县某局和某镇农机局工作")
    assert "各乡镇街道" in text and "市场监管局" in text and "县城管局" in text and "局党组" in text
    assert [(r.before, r.after) for r in reps] == [
        ("松溪县", "某县"),
        ("东风局", "某局"),
        ("青梅镇", "某镇"),
    ]
