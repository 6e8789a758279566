"""One home for each piece of shared vocabulary: a section's name, reading a file with a
Chinese message, and documents that stand on their own."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from partybook.errors import DraftFileError, GenreError, PartybookError
from partybook.genre import SectionKind, SectionSpec, available_genres, load_genre
from partybook.reading import read_bytes_zh, read_text_zh
from partybook.storage import load

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("genre_id", available_genres())
def test_every_section_has_a_display_name_and_numbered_label(genre_id: str) -> None:
    genre = load_genre(genre_id)
    numbers = genre.heading_numbers()
    for spec in genre.sections:
        name = spec.display_name
        assert name and not re.match(r"^[a-z_]+$", name), (spec.id, name)  # never an id
        label = genre.section_label(spec)
        assert label.endswith(name)
        assert label.startswith("一、") == (numbers.get(spec.id) == 1)
    kinds = {s.kind: s.display_name for s in genre.sections if not s.heading}
    assert kinds.get(SectionKind.LINE) == "标题" and kinds.get(SectionKind.SIGNOFF) == "落款"


def test_display_name_fallbacks() -> None:
    def spec(**kw: object) -> SectionSpec:
        return SectionSpec.model_validate({"id": "x", **kw})

    assert spec(kind="paragraphs", heading="基本情况").display_name == "基本情况"
    assert spec(kind="line").display_name == "标题"
    assert spec(kind="signoff").display_name == "落款"
    assert spec(kind="paragraphs").display_name == "开头"


def test_reading_a_file_words_each_failure_in_chinese(tmp_path: Path) -> None:
    with pytest.raises(GenreError, match=r"找不到文体文件 .*请检查路径和文件名"):
        read_text_zh(tmp_path / "nope.yaml", "文体文件", GenreError)
    with pytest.raises(PartybookError, match="是文件夹，不是规则文件"):
        read_text_zh(tmp_path, "规则文件")
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes("党性分析".encode("gbk"))
    with pytest.raises(PartybookError, match="不是 UTF-8 编码"):
        read_text_zh(gbk, "文件")
    bom = tmp_path / "bom.txt"
    bom.write_bytes("\ufeff开头".encode())
    assert read_text_zh(bom, "文件") == "开头"
    big = tmp_path / "big.bin"
    big.write_bytes(b"x" * 100)
    with pytest.raises(PartybookError, match="太大了"):
        read_bytes_zh(big, "文件", max_bytes=10)
    assert read_bytes_zh(big, "文件", max_bytes=100) == b"x" * 100


def test_an_unreadable_file_names_the_permission(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    p = tmp_path / "locked.json"
    p.write_text("{}", encoding="utf-8")

    def refuse(self: Path) -> bytes:  # what a file of another user gives (root reads all)
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(DraftFileError, match="没有权限读取草稿文件"):
        load(p)


def test_a_draft_that_is_a_folder_or_missing(tmp_path: Path) -> None:
    with pytest.raises(DraftFileError, match="找不到草稿文件"):
        load(tmp_path / "missing.json")
    with pytest.raises(DraftFileError, match="是文件夹，不是草稿文件"):
        load(tmp_path)


def test_yaml_is_parsed_only_in_datafile() -> None:
    readers = []
    for path in sorted((ROOT / "partybook").rglob("*.py")):
        if path.name == "datafile.py":
            continue
        text = path.read_text(encoding="utf-8")
        if re.search(r"\byaml\.(safe_)?load\(", text):
            readers.append(path.relative_to(ROOT).as_posix())
    assert readers == []


def test_the_repository_does_not_point_to_an_outside_design_document() -> None:
    needle = "DESIGN " + "§"  # spelt in two parts so this file does not match itself
    offenders = []
    for folder in ("partybook", "tests", "docs", "benchmarks", "deploy", "templates"):
        for path in (ROOT / folder).rglob("*"):
            if path.suffix not in {".py", ".md", ".yaml", ".ipynb", ".css"} or not path.is_file():
                continue
            if needle in path.read_text(encoding="utf-8", errors="replace"):
                offenders.append(path.relative_to(ROOT).as_posix())
    if needle in (ROOT / "README.md").read_text(encoding="utf-8"):
        offenders.append("README.md")
    assert not offenders
