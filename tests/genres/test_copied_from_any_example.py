"""PB504 (a passage copied from the genre's worked example) and the own-example exemption
cover every worked example of a genre, not only the first."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from partybook.checks import check
from partybook.draft import Draft, conform
from partybook.genre import load_genre

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def two_examples(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A copy of minzhu-pingyi under its own id whose second example is the first one
    with another author and another duty paragraph."""
    folder = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", folder)
    data = yaml.safe_load((folder / "minzhu-pingyi.yaml").read_text(encoding="utf-8"))
    data["id"] = "ceshi-pingyi-liangge"
    second = {**data["examples"][0], "id": "second", "name": "第二个范例"}
    second["meta"] = {**second["meta"], "author": "方可言"}
    second["sections"] = {
        **second["sections"],
        "duty": [
            "我在客服中心负责夜间热线值守和停水信息发布，全年处理来电四千三百多个，"
            "牵头把停水公告改成按楼栋推送的短信提醒，居民因停水临时找不到水的投诉明显减少。"
            "汛期我主动报名参加防汛应急队，三次随抢修班组到低洼小区转移受困老人。"
        ],
    }
    data["examples"].append(second)
    (folder / "ceshi-pingyi-liangge.yaml").write_text(
        yaml.safe_dump(data, allow_unicode=True, width=10_000), encoding="utf-8"
    )
    monkeypatch.setenv("PARTYBOOK_TEMPLATES", str(folder))
    return "ceshi-pingyi-liangge"


def _pb504(draft: Draft, genre_id: str) -> list[str]:
    return [f.section for f in check(draft, load_genre(genre_id)) if f.code == "PB504"]


def test_copy_from_the_second_example_is_flagged(two_examples: str) -> None:
    g = load_genre(two_examples)
    copied = g.example_section("duty", "second")[0][10:60]
    draft = conform(Draft(genre=g.id, meta={"author": "另一位学员"}), g)
    draft.sections["duty"] = [f"我今年的主要工作是：{copied}。"]
    assert _pb504(draft, g.id) == ["duty"]


def test_each_example_is_exempt_as_its_own_author(two_examples: str) -> None:
    g = load_genre(two_examples)
    for example_id in g.example_ids:
        assert _pb504(g.example_draft(example_id), g.id) == [], example_id
