"""Each year's meeting-notice aspects as data: the loader, its schema and the year a draft
reviews (a fixture file of the tests' own, not the real notices)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from partybook.draft import Draft
from partybook.errors import GenreError
from partybook.notices import draft_year, load_notices, notice_for, notice_for_draft

FIXTURE = Path(__file__).resolve().parent / "data" / "notices-fixture.yaml"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "notices").mkdir()
    shutil.copy(FIXTURE, tmp_path / "notices" / "ceshi-shenghuohui.yaml")
    monkeypatch.setenv("PARTYBOOK_TEMPLATES", str(tmp_path))
    return tmp_path / "notices"


def test_years_load_with_their_aspects(folder: Path) -> None:
    notices = load_notices("ceshi-shenghuohui")
    assert sorted(notices) == [2024, 2025]
    n = notices[2025]
    assert n.year == 2025 and n.aspects == ["测试方面一", "测试方面二", "测试方面三"]
    text = n.guidance()
    assert "2025年度" in text and "3 个方面" in text and "3. 测试方面三" in text
    assert "测试用数据" in text and "仅供测试" in text
    assert load_notices("no-such-genre") == {}
    assert notice_for("ceshi-shenghuohui", 2023) is None


def test_the_year_a_draft_reviews() -> None:
    assert draft_year(Draft(sections={"title": "2024年度组织生活会对照检查材料"})) == 2024
    assert draft_year(Draft(meta={"date": "2026-01-15"})) == 2025  # held early next year
    assert draft_year(Draft(meta={"date": "2025-12"})) == 2025
    assert draft_year(Draft(meta={"date": "2025"})) == 2025
    assert draft_year(Draft(meta={"date": "去年冬天"})) is None
    # the title wins over the date
    d = Draft(sections={"title": "2024年度民主生活会"}, meta={"date": "2026-01-10"})
    assert draft_year(d) == 2024


def test_notice_for_a_draft(folder: Path) -> None:
    d = Draft(genre="ceshi-shenghuohui", meta={"date": "2026-01-20"})
    assert notice_for_draft(d).year == 2025
    d.meta.date = "2025-02-01"
    assert notice_for_draft(d).aspects == ["测试方面甲", "测试方面乙"]
    d.meta.date = "2030-12-01"
    assert notice_for_draft(d) is None


def test_edits_are_picked_up(folder: Path) -> None:
    path = folder / "ceshi-shenghuohui.yaml"
    assert 2026 not in load_notices("ceshi-shenghuohui")
    path.write_text(
        path.read_text(encoding="utf-8")
        + "2026:\n  title: 新一年的通知\n  aspects: [新方面]\n  source: 测试\n",
        encoding="utf-8",
    )
    import os

    os.utime(path, (path.stat().st_atime, path.stat().st_mtime + 5))
    assert load_notices("ceshi-shenghuohui")[2026].aspects == ["新方面"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- a\n- b\n", "年度 → 通知"),
        ("二〇二五:\n  title: x\n  aspects: [a]\n  source: s\n", "应为年度"),
        ("2025: 只有一句话\n", "应为键值表"),
        ("2025:\n  title: x\n  aspects: []\n  source: s\n", "键 2025.aspects"),
        ("2025:\n  title: x\n  aspects: [a]\n", "键 2025.source：缺少必填项"),
        ("2025:\n  title: x\n  aspects: [a]\n  source: s\n  souce: t\n", "键 2025.souce"),
        ("2025:\n  title: [unclosed\n", "不是合法的 YAML"),
    ],
)
def test_broken_files_are_named_in_chinese(folder: Path, text: str, expected: str) -> None:
    (folder / "huai.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(GenreError) as err:
        load_notices("huai")
    assert expected in str(err.value) and "huai.yaml" in str(err.value)


def test_every_notices_file_in_templates_is_valid_and_names_a_genre() -> None:
    from partybook.genre import available_genres
    from partybook.notices import notice_file

    root = Path(__file__).resolve().parents[2] / "templates" / "notices"
    for path in sorted(root.glob("*.yaml")):
        assert path.stem in available_genres(), f"{path.name}: no genre {path.stem}"
        assert notice_file(path.stem) == path
        notices = load_notices(path.stem)  # raises a Chinese GenreError when broken
        assert notices, f"{path.name} has no year"
        for year, n in notices.items():
            assert n.year == year and len(n.aspects) == len(set(n.aspects)), year
