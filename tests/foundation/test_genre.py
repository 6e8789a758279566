from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from partybook.errors import GenreError
from partybook.genre import SectionKind, available_genres, load_genre, load_genre_file

ROOT = Path(__file__).resolve().parents[2]


def test_both_genres_load_and_know_their_sections():
    assert {"dangxing-fenxi", "duizhao-jiancha"} <= set(available_genres())
    g = load_genre("dangxing-fenxi")
    assert g.section_ids == [
        "title",
        "opening",
        "basic",
        "problems",
        "causes",
        "measures",
        "signoff",
    ]
    assert g.section("causes").linked_to == "problems"
    assert g.section("measures").item_numbering.value == "shi"
    d = load_genre("duizhao-jiancha")
    assert d.section("problems").kind is SectionKind.GROUPED_ITEMS


@pytest.mark.parametrize("genre_id", available_genres())
def test_every_section_has_guidance_prompts_and_an_example(genre_id):
    g = load_genre(genre_id)
    assert g.examples, genre_id
    for s in g.sections:
        assert s.guidance, s.id
        if s.kind is not SectionKind.SIGNOFF:
            assert 3 <= len(s.prompts) <= 5, s.id
            assert any(ex.sections.get(s.id) for ex in g.examples), s.id


def test_worked_example_is_3000_to_4000_characters():
    from partybook.assembly import assemble
    from partybook.text import count_chars

    g = load_genre("dangxing-fenxi")
    d = g.example_draft()
    assert 3000 <= count_chars(assemble(d, g)) <= 4000


def test_genre_texts_have_no_space_between_cjk_characters():
    # A folded YAML scalar would have put spaces between Chinese characters.
    import re

    for path in ROOT.joinpath("templates").glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"[\u4e00-\u9fff] [\u4e00-\u9fff]", text), path.name


def _write(tmp_path: Path, data) -> Path:
    p = tmp_path / "broken.yaml"
    p.write_text(
        yaml.safe_dump(data, allow_unicode=True) if not isinstance(data, str) else data,
        encoding="utf-8",
    )
    return p


def _valid() -> dict:
    return yaml.safe_load((ROOT / "templates" / "dangxing-fenxi.yaml").read_text(encoding="utf-8"))


def test_missing_key_is_named_in_chinese(tmp_path):
    data = _valid()
    del data["sections"][2]["kind"]
    with pytest.raises(GenreError) as err:
        load_genre_file(_write(tmp_path, data))
    msg = str(err.value)
    assert "broken.yaml" in msg and "sections.2.kind" in msg and "缺少必填项" in msg


def test_unknown_kind_lists_the_allowed_values(tmp_path):
    data = _valid()
    data["sections"][1]["kind"] = "essay"
    with pytest.raises(GenreError) as err:
        load_genre_file(_write(tmp_path, data))
    assert "sections.1.kind" in str(err.value) and "paragraphs" in str(err.value)


def test_misspelt_key_is_rejected(tmp_path):
    data = _valid()
    data["sections"][0]["guidence"] = "x"
    with pytest.raises(GenreError, match="不认识的键"):
        load_genre_file(_write(tmp_path, data))


def test_broken_link_and_duplicate_ids(tmp_path):
    data = _valid()
    data["sections"][4]["linked_to"] = "nowhere"
    with pytest.raises(GenreError, match="nowhere"):
        load_genre_file(_write(tmp_path, data))
    data = _valid()
    data["sections"][2]["id"] = "opening"
    with pytest.raises(GenreError, match="重复"):
        load_genre_file(_write(tmp_path, data))


def test_invalid_yaml_names_the_line(tmp_path):
    with pytest.raises(GenreError, match=r"第 \d+ 行"):
        load_genre_file(_write(tmp_path, "id: x\nname: [unclosed\n  sections: :\n"))


def test_non_mapping_and_non_utf8(tmp_path):
    with pytest.raises(GenreError, match="键值表"):
        load_genre_file(_write(tmp_path, "- a\n- b\n"))
    p = tmp_path / "gbk.yaml"
    p.write_bytes("名称: 党性分析".encode("gbk"))
    with pytest.raises(GenreError, match="UTF-8"):
        load_genre_file(p)


def test_unknown_genre_lists_available():
    with pytest.raises(GenreError) as err:
        load_genre("no-such-genre")
    assert "dangxing-fenxi" in str(err.value)


def test_genre_file_is_data_not_code(tmp_path):
    # yaml.safe_load refuses python object tags: a genre file can never run code.
    with pytest.raises(GenreError):
        load_genre_file(_write(tmp_path, "!!python/object/apply:os.system ['echo hi']\n"))
