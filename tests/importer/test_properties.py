"""Property tests: export → import gives the same draft; nothing of the input is lost."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from importer.strategies import drafts, messy_document

from partybook.assembly import assemble, assemble_markdown
from partybook.draft import Draft, conform
from partybook.errors import InputError
from partybook.genre import available_genres, load_genre
from partybook.importer import import_text, parse_text

GENRES = ["dangxing-fenxi", "duizhao-jiancha"]
SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _normal(draft: Draft) -> dict:
    genre = load_genre(draft.genre)
    d = conform(draft.model_copy(deep=True), genre)
    out = {}
    for sid, content in d.sections.items():
        if isinstance(content, list):
            content = [
                e.model_dump(exclude_none=True) if hasattr(e, "model_dump") else e
                for e in content
                if not (hasattr(e, "is_empty") and e.is_empty())
            ]
        out[sid] = content
    return out


@pytest.mark.parametrize("genre_id", [*GENRES, "minzhu-shenghuohui", "minzhu-pingyi"])
@SETTINGS
@given(data=st.data())
def test_plain_text_round_trip(genre_id: str, data: st.DataObject) -> None:
    genre = load_genre(genre_id)
    draft = data.draw(drafts(genre))
    text = assemble(draft, genre)
    back = parse_text(text, genre_id=genre_id)
    assert _normal(back) == _normal(draft), text
    assert back.meta.model_dump() == draft.meta.model_dump(), text
    assert back.unplaced == []


@pytest.mark.parametrize("genre_id", GENRES)
@SETTINGS
@given(data=st.data())
def test_markdown_round_trip(genre_id: str, data: st.DataObject) -> None:
    genre = load_genre(genre_id)
    draft = data.draw(drafts(genre, rich=True))  # headings of two sentences too
    md = assemble_markdown(draft, genre)
    result = import_text(md, genre_id=genre_id, markdown=True)
    assert _normal(result.draft) == _normal(draft), md
    assert result.draft.meta.model_dump() == draft.meta.model_dump(), md
    assert result.removed == []


@pytest.mark.parametrize("genre_id", GENRES)
def test_genre_example_round_trips_with_detection(genre_id: str) -> None:
    genre = load_genre(genre_id)
    draft = genre.example_draft()
    for text in (assemble(draft, genre), assemble_markdown(draft, genre)):
        back = import_text(text).draft  # genre detected from the title
        assert back.genre == genre_id
        assert _normal(back) == _normal(draft)
        assert back.meta.author == genre.example().meta.author
        assert back.meta.unit == genre.example().meta.unit


def _everything(result) -> str:
    parts = []
    for article in result.articles:  # a page may hold several articles
        d = article.draft
        parts += [d.text_of(sid) for sid in d.sections]
        parts += d.unplaced
        parts += [r.what for r in article.removed]
        parts += [d.meta.author, d.meta.unit, d.meta.position]
        parts += [name for _, name, _ in article.headings]  # recognised section headings
    return re.sub(r"\s+", "", "".join(parts))


@settings(max_examples=120, deadline=None)
@given(doc=messy_document())
def test_nothing_is_lost(doc: tuple[str, list[str]]) -> None:
    text, sentences = doc
    result = import_text(text, genre_id="dangxing-fenxi")
    everything = _everything(result)
    for s in sentences:
        assert re.sub(r"\s+", "", s) in everything, (s, text)


_ANY = st.text(
    alphabet=st.one_of(
        st.sampled_from(list("一二三四五六七八九十是要、.．（）()①：:。！？，\n\n  #*_<>[]【】\\")),
        st.characters(codec="utf-8"),
    ),
    max_size=300,
)


@settings(max_examples=300, deadline=None)
@given(text=_ANY, md=st.booleans(), genre_id=st.sampled_from([None, *available_genres()]))
def test_any_text_imports_without_crashing(text: str, md: bool, genre_id: str | None) -> None:
    result = import_text(text, genre_id=genre_id, markdown=md)
    assert result.draft.genre in available_genres()
    Draft.model_validate(result.draft.to_dict())  # the result is a valid draft


@pytest.mark.parametrize("fmt", ["txt", "md", "docx"])
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_exported_file_imports_to_the_same_draft(fmt: str, data: st.DataObject) -> None:
    from partybook.exporters import get_exporter
    from partybook.importer import import_bytes

    genre = load_genre(data.draw(st.sampled_from(GENRES)))
    draft = data.draw(drafts(genre))
    exporter = get_exporter(fmt)
    payload = exporter.to_bytes(draft, genre)
    back = import_bytes(payload, f"草稿.{fmt}", genre_id=genre.id).draft
    assert _normal(back) == _normal(draft)
    assert back.meta.model_dump() == draft.meta.model_dump()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=messy_document(), table_at=st.integers(0, 20), bold=st.booleans())
def test_nothing_is_lost_from_word_files(
    doc: tuple[str, list[str]], table_at: int, bold: bool
) -> None:
    import io

    from docx import Document

    from partybook.importer import import_bytes

    text, sentences = doc
    word = Document()
    for n, line in enumerate(text.split("\n")):
        if n == table_at:
            word.add_table(rows=1, cols=1).cell(0, 0).text = line
        else:
            run = word.add_paragraph().add_run(line)
            run.bold = bold and n % 3 == 0
    buf = io.BytesIO()
    word.save(buf)
    try:
        result = import_bytes(buf.getvalue(), "旧稿.docx", genre_id="dangxing-fenxi")
    except InputError:  # a document with no text at all
        assert not any(s.strip() for s in sentences)
        return
    everything = _everything(result)
    for s in sentences:
        assert re.sub(r"\s+", "", s) in everything, (s, text)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_letter_round_trip_keeps_every_paragraph_in_order(data: st.DataObject) -> None:
    """思想汇报 prints no headings: its paragraphs come back in order (which free section
    each lands in is a guess) and the letter's fixed lines are not taken for text."""
    from partybook.importer.free_text import free_sections

    genre = load_genre("sixiang-huibao")
    draft = data.draw(drafts(genre))
    text = assemble(draft, genre)
    back = parse_text(text, genre_id=genre.id)
    ids = free_sections(genre)
    assert sum((back.paragraphs(s) for s in ids), []) == sum(
        (draft.paragraphs(s) for s in ids), []
    ), text
    assert back.sections.get("title", "") == draft.sections.get("title", "")
    assert back.meta.author == draft.meta.author and back.meta.date == draft.meta.date
