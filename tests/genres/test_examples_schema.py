"""The genre-level ``examples`` list, ``lead`` sections and ``layout`` as validated on load:
a broken example or layout is a Chinese error naming genre, example and key."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from partybook.draft import Draft, conform
from partybook.errors import GenreError
from partybook.genre import load_genre, load_genre_file

ROOT = Path(__file__).resolve().parents[2]


def _genre(gid: str = "minzhu-pingyi") -> dict:
    return yaml.safe_load((ROOT / "templates" / f"{gid}.yaml").read_text(encoding="utf-8"))


def _load(tmp_path: Path, data: dict) -> object:
    p = tmp_path / f"{data['id']}.yaml"
    p.write_text(yaml.safe_dump(data, allow_unicode=True, width=10_000), encoding="utf-8")
    return load_genre_file(p)


def _error(tmp_path: Path, data: dict) -> str:
    with pytest.raises(GenreError) as err:
        _load(tmp_path, data)
    return str(err.value)


def test_unknown_section_in_an_example_is_named(tmp_path: Path) -> None:
    data = _genre()
    data["examples"][0]["sections"]["conclusion"] = ["多出来的章节"]
    msg = _error(tmp_path, data)
    assert "minzhu-pingyi" in msg and "gongshui-diaoduyuan" in msg
    assert "examples.0.sections.conclusion" in msg and "没有这个章节" in msg


def test_wrong_shape_is_named_with_its_key(tmp_path: Path) -> None:
    data = _genre()
    data["examples"][0]["sections"]["problems"][1]["heading"] = ["不是文字"]
    assert "examples.0.sections.problems.1.heading：应为文字" in _error(tmp_path, data)
    data = _genre()
    data["examples"][0]["sections"]["politics"] = "应为段落列表"
    assert "sections.politics：应为段落列表" in _error(tmp_path, data)
    data = _genre()
    data["examples"][0]["sections"]["problems"][0]["headline"] = "拼错的键"
    assert "problems.0.headline：不认识的键" in _error(tmp_path, data)


def test_a_required_section_missing_from_an_example(tmp_path: Path) -> None:
    data = _genre()
    del data["examples"][0]["sections"]["duty"]
    assert "sections.duty：必填章节" in _error(tmp_path, data)


def test_example_ids_are_checked_and_unique(tmp_path: Path) -> None:
    data = _genre()
    data["examples"][0]["id"] = "Bad_ID"
    assert "examples.0.id" in _error(tmp_path, data)
    data = _genre()
    data["examples"].append(copy.deepcopy(data["examples"][0]))
    assert "范例 id 重复" in _error(tmp_path, data)


def test_example_meta_refuses_unknown_keys_and_reads_yaml_dates(tmp_path: Path) -> None:
    data = _genre()
    data["examples"][0]["meta"]["autor"] = "拼错"
    assert "examples.0.meta.autor" in _error(tmp_path, data)
    import datetime

    data = _genre()
    data["examples"][0]["meta"]["date"] = datetime.date(2026, 1, 12)  # unquoted in YAML
    assert _load(tmp_path, data).example().meta.date == "2026-01-12"


def test_choosing_an_example_by_id() -> None:
    g = load_genre("minzhu-pingyi")
    assert g.example().id == g.example_ids[0] == g.example(None).id
    with pytest.raises(GenreError, match="没有名为 nope 的范例.*gongshui-diaoduyuan"):
        g.example_draft("nope")


def test_a_genre_without_examples_says_so(tmp_path: Path) -> None:
    data = _genre()
    data["examples"] = []
    g = _load(tmp_path, data)
    with pytest.raises(GenreError, match="还没有范例"):
        g.example_draft()
    assert g.example_section("title") is None


def test_lead_only_on_item_sections_and_never_clashing(tmp_path: Path) -> None:
    data = _genre()
    data["sections"][2]["lead"] = True  # politics: paragraphs
    assert "不能设 lead" in _error(tmp_path, data)
    data = _genre()
    data["sections"].insert(3, {"id": "problems_lead", "kind": "paragraphs", "guidance": "x"})
    assert "引言段重名" in _error(tmp_path, data)


def test_lead_in_paragraphs_conform_and_print_above_the_items() -> None:
    from partybook.assembly import assemble

    g = load_genre("minzhu-pingyi")
    d = conform(Draft(genre=g.id, sections={"problems_lead": "对照检查，我有以下不足："}), g)
    assert d.sections["problems_lead"] == ["对照检查，我有以下不足："]
    assert conform(Draft(genre=g.id), g).sections["problems_lead"] == []
    d = g.example_draft()
    text = assemble(d, g)
    lead = d.sections["problems_lead"][0]
    first = d.items("problems")[0].heading
    assert text.index("四、存在的不足") < text.index(lead) < text.index("（一）" + first)
    with pytest.raises(ValueError, match="problems_lead"):
        conform(Draft(genre=g.id, sections={"problems_lead": [{"heading": "x", "body": "y"}]}), g)


def test_layout_signature_fields_are_checked(tmp_path: Path) -> None:
    data = _genre()
    data["layout"]["signature"] = ["{name}"]
    msg = _error(tmp_path, data)
    assert "layout.signature" in msg and "{name}" in msg and "{author}" in msg
    data = _genre()
    data["layout"]["signature"] = ["{author"]
    assert "花括号不成对" in _error(tmp_path, data)
    data = _genre()
    data["layout"]["closing"] = [{"text": "此致", "indent": -1}]
    assert "layout.closing.0.indent" in _error(tmp_path, data)
