"""The genre library: every genre file in templates/ loads, is complete, and each of its
worked examples is a model draft (its own genre's checks find no error and no warning, no
run copied from the reference document, length 1,500–4,000 characters)."""

from __future__ import annotations

import pytest

from partybook.assembly import assemble
from partybook.checks import check
from partybook.genre import SectionKind, available_genres, load_genre
from partybook.text import count_chars

from .overlap import shared_runs

GENRES = available_genres()
EXAMPLES = [(gid, ex) for gid in GENRES for ex in load_genre(gid).example_ids]
# the library; minzhu-shenghuohui arrives from the content branch at merge
LIBRARY = {
    "dangxing-fenxi",
    "duizhao-jiancha",
    "minzhu-shenghuohui",
    "sixiang-huibao",
    "minzhu-pingyi",
}


def test_the_library_has_the_five_genres() -> None:
    assert set(GENRES) >= LIBRARY, sorted(LIBRARY - set(GENRES))


@pytest.mark.parametrize("genre_id", GENRES)
def test_genre_is_complete(genre_id: str) -> None:
    g = load_genre(genre_id)
    assert g.name and g.description and g.title_example and g.length.min > 0
    assert g.examples, "at least one worked example"
    for s in g.sections:
        assert s.guidance, s.id
        if s.kind is SectionKind.SIGNOFF:
            continue
        assert 3 <= len(s.prompts) <= 5, s.id
        assert s.length.max > s.length.min > 0, s.id
        if s.heading:
            assert s.aliases, f"{s.id}: import aliases"
        assert any(ex.sections.get(s.id) for ex in g.examples), f"{s.id}: in no example"


@pytest.mark.parametrize(("genre_id", "example_id"), EXAMPLES)
def test_example_passes_its_own_genre_checks(genre_id: str, example_id: str) -> None:
    g = load_genre(genre_id)
    draft = g.example_draft(example_id)
    found = [
        f"{f.code} {f.section}: {f.message}"
        for f in check(draft, g)
        if f.severity in ("error", "warning")
    ]
    assert found == []


@pytest.mark.parametrize(("genre_id", "example_id"), EXAMPLES)
def test_example_is_1500_to_4000_characters(genre_id: str, example_id: str) -> None:
    g = load_genre(genre_id)
    n = count_chars(assemble(g.example_draft(example_id), g))
    assert 1500 <= n <= 4000, n


@pytest.mark.parametrize(("genre_id", "example_id"), EXAMPLES)
def test_example_shares_no_run_with_the_reference(genre_id: str, example_id: str) -> None:
    draft = load_genre(genre_id).example_draft(example_id)
    paragraphs = [p for sid in draft.sections for p in draft.text_of(sid).split("\n")]
    paragraphs += [v for v in draft.meta.model_dump().values() if isinstance(v, str)]
    assert shared_runs(paragraphs) == []


@pytest.mark.parametrize(("genre_id", "example_id"), EXAMPLES)
def test_example_starts_a_draft_with_its_meta(genre_id: str, example_id: str) -> None:
    g = load_genre(genre_id)
    ex = g.example(example_id)
    draft = g.example_draft(example_id)
    assert draft.genre == genre_id and draft.genre_version == g.version
    assert draft.meta.author == ex.meta.author and draft.meta.date == ex.meta.date
    # a fresh copy each time: editing one draft never changes the genre's example
    draft.sections["title"] = "改过的标题"
    assert g.example_draft(example_id).sections["title"] != "改过的标题"
