"""templates/README.md is enough to author a genre: data/shuzhi-shulian.yaml was written
from that document alone (述职述廉: lead-in paragraphs, a custom signature). It loads, is
listed, starts a draft from its example, passes the checks and exports as laid out."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from partybook.assembly import assemble
from partybook.checks import check
from partybook.cli import main
from partybook.exporters import get_exporter
from partybook.genre import available_genres, load_genre

ROOT = Path(__file__).resolve().parents[2]
AUTHORED = Path(__file__).resolve().parent / "data" / "shuzhi-shulian.yaml"


@pytest.fixture
def templates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", folder)
    shutil.copy(AUTHORED, folder / "shuzhi-shulian.yaml")
    monkeypatch.setenv("PARTYBOOK_TEMPLATES", str(folder))
    return folder


def test_every_key_it_uses_is_documented() -> None:
    import yaml

    readme = (ROOT / "templates" / "README.md").read_text(encoding="utf-8")
    data = yaml.safe_load(AUTHORED.read_text(encoding="utf-8"))
    keys = set(data) | {k for s in data["sections"] for k in s} | set(data["layout"])
    keys |= {k for e in data["examples"] for k in e} | {
        k for e in data["examples"] for k in e["meta"]
    }
    for key in keys:
        assert f"{key}:" in readme or f"`{key}`" in readme, key


def test_the_authored_genre_works_end_to_end(templates: Path, tmp_path: Path, capsys) -> None:
    assert "shuzhi-shulian" in available_genres()
    g = load_genre("shuzhi-shulian")
    draft = g.example_draft()
    assert [f.code for f in check(draft, g) if f.severity in ("error", "warning")] == []
    text = assemble(draft, g)
    assert "三、存在的不足\n对照岗位职责" in text and "一是深入调查研究。" in text
    assert text.rstrip().endswith("城南街道办事处　副主任\n宋嘉禾\n2026年1月8日")
    assert get_exporter("docx").export(draft, g)[:2] == b"PK"

    assert main(["genres"]) == 0
    assert "shuzhi-shulian\t年度述职述廉报告" in capsys.readouterr().out
    out = tmp_path / "d.json"
    assert main(["new", "--genre", "shuzhi-shulian", "--example", "-o", str(out)]) == 0
    assert "宋嘉禾" in out.read_text(encoding="utf-8")


def test_every_key_a_genre_can_declare_is_documented() -> None:
    from partybook.genre import (
        ClosingLine,
        ExampleMeta,
        Genre,
        Layout,
        LengthRange,
        SectionSpec,
        WorkedExample,
    )

    readme = (ROOT / "templates" / "README.md").read_text(encoding="utf-8")
    models = (Genre, SectionSpec, Layout, ClosingLine, WorkedExample, ExampleMeta, LengthRange)
    for model in models:
        for key in model.model_fields:
            assert f"{key}:" in readme or f"`{key}`" in readme, f"{model.__name__}.{key}"
    for kind in ("line", "paragraphs", "items", "grouped_items", "signoff"):
        assert f"`{kind}`" in readme, kind
