"""Exercise files: the shipped one loads; each kind of mistake gets a Chinese message."""

from __future__ import annotations

from pathlib import Path

import pytest

from partybook.classroom.exercise import ExerciseError, available_exercises, load_exercise
from partybook.genre import load_genre

GOOD = """genre: dangxing-fenxi
title: 练习
steps:
  - {section: problems, minutes: 20, prompt: 先写问题。}
  - {section: causes, minutes: 15}
"""


def test_shipped_exercises_load():
    assert available_exercises()
    for path in available_exercises():
        ex = load_exercise(path)
        genre = load_genre(ex.genre)
        assert ex.steps and all(s.prompt for s in ex.steps)
        assert set(ex.section_order) <= set(genre.section_ids)
        assert ex.total_minutes <= 90
    ex = load_exercise("dangxing-fenxi-90min")
    assert ex.section_order[0] == "problems"
    assert ex.step_label(0, load_genre()) == "第 1 步：存在的问题和不足（25 分钟）"
    assert {r.code for r in ex.phrase_rules()} == {"CLS001", "CLS002"}


def _write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "练习.yaml"
    p.write_text(text, encoding="utf-8")
    return p


def test_minimal_exercise(tmp_path):
    ex = load_exercise(_write(tmp_path, GOOD))
    assert ex.section_order == ["problems", "causes"] and ex.steps[1].prompt == ""
    assert ex.step_for("causes").minutes == 15 and ex.step_for("basic") is None
    assert ex.phrase_rules() == []


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        (GOOD.replace("title: 练习\n", ""), "键 title：缺少必填项"),
        (GOOD.replace("minutes: 20", "minutes: -5"), "键 steps[0].minutes：不能为负数"),
        (GOOD.replace("minutes: 20", "minutes: 二十"), "键 steps[0].minutes：应为整数"),
        (GOOD.replace("section: causes", "section: problems"), "章节 problems 重复"),
        (
            GOOD.replace("section: causes", "section: nosuch"),
            "steps[1].section：文体“党性分析”没有章节 nosuch",
        ),
        (GOOD + "colour: red\n", "键 colour：不认识的键"),
        (
            GOOD.replace("dangxing-fenxi", "nosuch-genre"),
            "键 genre 有误：没有名为 nosuch-genre 的文体",
        ),
        (GOOD + "rules_file: 无此文件.yaml\n", "rules_file：找不到短语规则文件"),
        ("title: 练习\nsteps: []\n", "键 steps：至少要有一步"),
        ("- 只是列表\n", "应为键值表"),
        ("title: [未闭合\n", "不是合法的 YAML"),
    ],
)
def test_bad_exercise_files(tmp_path, text, needle):
    path = _write(tmp_path, text)
    with pytest.raises(ExerciseError) as err:
        load_exercise(path)
    assert needle in str(err.value)
    assert str(path) in str(err.value)


def test_broken_rules_file_is_named(tmp_path):
    (tmp_path / "rules.yaml").write_text(
        "rules:\n  - {severity: fatal, phrases: [套话]}\n", encoding="utf-8"
    )
    with pytest.raises(ExerciseError) as err:
        load_exercise(_write(tmp_path, GOOD + "rules_file: rules.yaml\n"))
    assert "rules_file" in str(err.value) and "severity" in str(err.value)


def test_missing_file_lists_the_shipped_ones(tmp_path):
    with pytest.raises(ExerciseError, match="dangxing-fenxi-90min"):
        load_exercise(tmp_path / "nope.yaml")
