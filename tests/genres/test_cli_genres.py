"""partybook genres [--format json] and partybook new --genre ID --example [EXAMPLE_ID]."""

from __future__ import annotations

import json
from pathlib import Path

from partybook.cli import main
from partybook.genre import available_genres, load_genre
from partybook.storage import load


def test_genres_json_lists_every_genre_with_sections_and_examples(capsys) -> None:
    assert main(["genres", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)["genres"]
    assert [r["id"] for r in rows] == available_genres()
    for row in rows:
        g = load_genre(row["id"])
        assert row["name"] == g.name
        assert [s["id"] for s in row["sections"]] == g.section_ids
        assert [e["id"] for e in row["examples"]] == g.example_ids
    letter = next(r for r in rows if r["id"] == "sixiang-huibao")
    names = [s["name"] for s in letter["sections"]]
    assert "学习和思想认识" in names and all(s["heading"] is None for s in letter["sections"])


def test_genres_text_is_readable(capsys) -> None:
    assert main(["genres"]) == 0
    out = capsys.readouterr().out
    assert "sixiang-huibao\t思想汇报" in out and "minzhu-pingyi\t民主评议党员个人自评" in out
    assert "范例 yubei-jiaoshi：中学青年教师（预备党员）" in out
    assert "章节：标题、开头、理论学习和政治表现" in out


def test_new_from_the_first_example(tmp_path: Path, capsys) -> None:
    out = tmp_path / "d.json"
    assert main(["new", "--genre", "sixiang-huibao", "--example", "-o", str(out)]) == 0
    assert "已从范例“中学青年教师（预备党员）”新建思想汇报草稿" in capsys.readouterr().out
    assert load(out).sections == load_genre("sixiang-huibao").example_draft().sections


def test_new_from_a_named_example_keeps_what_the_user_gave(tmp_path: Path) -> None:
    out = tmp_path / "d.json"
    args = ["new", "--genre", "minzhu-pingyi", "--example", "gongshui-diaoduyuan"]
    assert main([*args, "--author", "王小明", "-o", str(out)]) == 0
    draft = load(out)
    assert draft.genre == "minzhu-pingyi" and draft.meta.author == "王小明"
    assert draft.meta.unit == "市自来水公司供水调度中心党支部"  # the example's, not given
    assert draft.sections["problems_lead"]


def test_unknown_example_is_a_chinese_error(tmp_path: Path, capsys) -> None:
    out = tmp_path / "d.json"
    assert main(["new", "--genre", "sixiang-huibao", "--example", "nope", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "没有名为 nope 的范例" in err and "yubei-jiaoshi" in err
    assert not out.exists()


def test_new_without_example_is_still_empty(tmp_path: Path) -> None:
    out = tmp_path / "d.json"
    assert main(["new", "--genre", "sixiang-huibao", "-o", str(out)]) == 0
    assert load(out).text_of("study") == "" and load(out).meta.author == ""
