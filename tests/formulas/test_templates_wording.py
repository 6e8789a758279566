"""Every political formula spelled out in templates/ (genres and worked examples) is worded
exactly as templates/rules/formulas.yaml says, for the year of the genre's example."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from partybook.datafile import read_yaml
from partybook.formulas import Misquote, find_dated, formula_wordings_in
from partybook.paths import templates_dir

DEFAULT_YEAR = 2025


def _strings(node: object, where: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(node, str):
        yield where, node
    elif isinstance(node, dict):
        for k, v in node.items():
            yield from _strings(v, f"{where}.{k}" if where else str(k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _strings(v, f"{where}.{i}")


def _year(data: object) -> int:
    """An example's year: its ``meta.date`` (an example in a genre, or an example file)."""
    meta = data.get("meta") if isinstance(data, dict) else None
    date = meta.get("date") if isinstance(meta, dict) else None
    return int(str(date)[:4]) if date else DEFAULT_YEAR


def _texts(data: object) -> Iterator[tuple[str, str, int]]:
    """(key, text, year) of every string: each worked example's with its own year."""
    examples = data.get("examples") if isinstance(data, dict) else None
    if not isinstance(examples, list):
        for where, text in _strings(data):
            yield where, text, _year(data)
        return
    for where, text in _strings({k: v for k, v in data.items() if k != "examples"}):
        yield where, text, DEFAULT_YEAR
    for n, example in enumerate(examples):
        for where, text in _strings(example, f"examples.{n}"):
            yield where, text, _year(example)


def misquotes_in(data: object) -> list[str]:
    """'key: found → expected' for every formula spelled out wrongly in a parsed data file."""
    return [
        f"{where}: {r.found} → {r.expected}（{r.detail}）"
        for where, text, year in _texts(data)
        for r in formula_wordings_in(text, year)
        if isinstance(r, Misquote)
    ]


def _files() -> list[Path]:
    root = templates_dir()
    return sorted([*root.glob("*.yaml"), *(root / "examples").rglob("*.yaml")])


@pytest.mark.parametrize("path", _files(), ids=lambda p: p.name)
def test_formulas_in_templates_are_exact(path: Path) -> None:
    assert misquotes_in(read_yaml(path, "文体文件")) == []


@pytest.mark.parametrize("path", _files(), ids=lambda p: p.name)
def test_worked_examples_use_current_material(path: Path) -> None:
    data = read_yaml(path, "文体文件")
    whole = path.parent != templates_dir()  # a file under examples/ is all example
    dated = [
        f"{where}: {d.found} → {d.current}"
        for where, text, year in _texts(data)
        if whole or where.startswith("examples.")
        for d in find_dated(text, year)
    ]
    assert dated == []


def test_the_walk_reports_a_planted_misquote() -> None:
    genre = {
        "sections": [{"id": "problems", "guidance": "写具体的事。"}],
        "examples": [
            {
                "meta": {"date": "2025-11"},
                "sections": {
                    "problems": [
                        {
                            "heading": "政治站位不高",
                            "body": "牢固树立政治意识、核心意识、大局意识、看齐意识。",
                        }
                    ]
                },
            }
        ],
    }
    found = misquotes_in(genre)
    assert len(found) == 1
    assert found[0].startswith("examples.0.sections.problems.0.body: 政治意识、核心意识")
    assert "政治意识、大局意识、核心意识、看齐意识" in found[0]


def test_the_walk_reads_the_year_of_each_example() -> None:
    text = "协调推进全面建成小康社会、全面深化改革、全面依法治国、全面从严治党。"
    old, new = ({"meta": {"date": d}, "sections": {"x": text}} for d in ("2019-06", "2025-06"))
    assert misquotes_in({"examples": [old]}) == []
    assert [w.split(":")[0] for w in misquotes_in({"examples": [old, new]})] == [
        "examples.1.sections.x"
    ]
    assert len(misquotes_in({"meta": {"date": "2025-06"}, "x": text})) == 1  # an example file


def test_the_walk_reports_a_clause_quoted_with_a_word_dropped() -> None:
    guidance = {"sections": [{"id": "measures", "guidance": "例如：确立习近平思想的指导地位。"}]}
    (found,) = misquotes_in(guidance)
    assert found.startswith("sections.0.guidance: 确立习近平思想的指导地位 → ")
    assert "确立习近平新时代中国特色社会主义思想的指导地位" in found
