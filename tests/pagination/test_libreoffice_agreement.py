"""Page breaks of the model against LibreOffice's PDF of the same .docx, on every genre's
worked examples and on shifted variants of them (a filler paragraph of 1–13 lines in
front, so every break falls elsewhere): at least 95 % within ±1 line. LibreOffice and
poppler-utils are required, as for the PDF export tests."""

from __future__ import annotations

import pytest

from partybook.pagination.libreoffice import (
    Comparison,
    Document,
    compare_all,
    rendered,
    shifted_examples,
    worked_examples,
)

pytestmark = pytest.mark.timeout(900)


@pytest.fixture(scope="module")
def docs() -> list[Document]:
    return worked_examples() + shifted_examples()


@pytest.fixture(scope="module")
def lo(docs: list[Document]) -> dict[str, list[list[str]]]:
    return rendered(docs)


def _share(results: list[Comparison]) -> tuple[float, list[str]]:
    breaks = sum(r.breaks for r in results)
    assert breaks >= len(results)  # every document runs over more than one page
    misses = [f"{r.name}: {m}" for r in results for m in r.misses]
    return sum(r.agree for r in results) / breaks, misses


def test_worked_examples_of_every_genre_run_over_pages(docs: list[Document]) -> None:
    examples = worked_examples()
    assert len({d.genre.id for d in examples}) >= 5
    assert len(docs) == len(examples) * 7  # each example and six shifted variants


@pytest.mark.parametrize("installed_latin", [True, False], ids=["font-widths", "half-width"])
def test_page_breaks_of_the_worked_examples(lo, installed_latin: bool) -> None:
    results = compare_all(worked_examples(), lo, installed_latin=installed_latin)
    share, misses = _share(results)
    assert share >= 0.95, misses
    assert all(abs(r.lo_pages - r.model_pages) <= 1 for r in results), results


def test_page_breaks_and_lines_of_the_shifted_variants(docs, lo) -> None:
    """The workbook's metrics (the Latin font LibreOffice uses here)."""
    results = compare_all(docs, lo)
    share, misses = _share(results)
    assert share >= 0.95, misses
    lines = sum(r.lines for r in results)
    assert sum(r.lines_same for r in results) / lines >= 0.95  # line by line, too
    assert sum(r.lo_pages == r.model_pages for r in results) / len(results) >= 0.95
