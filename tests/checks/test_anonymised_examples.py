"""An anonymised shared example's placeholders (某某, 20XX年X月 …) are not template leftovers."""

from __future__ import annotations

import pytest

from partybook.anonymizer import anonymize
from partybook.checks import check
from partybook.genre import load_genre


@pytest.mark.parametrize("genre_id", ["dangxing-fenxi", "duizhao-jiancha"])
def test_anonymised_worked_example_has_no_placeholder_finding(genre_id):
    genre = load_genre(genre_id)
    draft = genre.example_draft()
    shared, replacements = anonymize(draft, genre)
    assert shared.example and any("X" in r.after for r in replacements)  # dates were replaced
    assert [f for f in check(shared, genre) if f.code == "PB201"] == []
    # the same text outside an example is full of blanks to fill in
    shared.example = False
    assert [f for f in check(shared, genre) if f.code == "PB201"]
