"""Export → import gives back the same draft, for the .docx this exporter writes."""

from __future__ import annotations

import pytest

from partybook.exporters import get_exporter
from partybook.genre import load_genre
from partybook.importer import import_file


@pytest.mark.parametrize("genre_id", ["dangxing-fenxi", "duizhao-jiancha"])
def test_docx_round_trip(genre_id: str, tmp_path) -> None:
    genre = load_genre(genre_id)
    draft = genre.example_draft()
    path = tmp_path / "往返.docx"
    path.write_bytes(get_exporter("docx").export(draft))
    back = import_file(path).draft
    assert back.genre == draft.genre
    assert back.sections == draft.sections
    assert (back.meta.author, back.meta.unit, back.meta.date) == (
        draft.meta.author,
        draft.meta.unit,
        draft.meta.date,
    )
    assert back.unplaced == []
