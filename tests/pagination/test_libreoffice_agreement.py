"""Page breaks of the model against LibreOffice's PDF of the same .docx, on every genre's
worked examples: at least 95 % within ±1 line (LibreOffice and poppler-utils required)."""

from __future__ import annotations

import pytest

from partybook.pagination.libreoffice import measure, worked_examples

pytestmark = pytest.mark.timeout(600)


@pytest.mark.parametrize("installed_latin", [True, False], ids=["font-widths", "half-width"])
def test_page_breaks_agree_with_libreoffice(installed_latin: bool) -> None:
    docs = worked_examples()
    assert len({d.genre.id for d in docs}) >= 5  # every genre, every example
    results = measure(docs, installed_latin=installed_latin)
    breaks = sum(r.breaks for r in results)
    agree = sum(r.agree for r in results)
    assert breaks >= len(docs)  # every example runs over more than one page
    misses = [f"{r.name}: {m}" for r in results for m in r.misses]
    assert agree / breaks >= 0.95, misses
    assert all(abs(r.lo_pages - r.model_pages) <= 1 for r in results), results
