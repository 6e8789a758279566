"""The paged preview: share of LibreOffice's page breaks the pagination model puts within
±1 line, over every genre's worked examples (with the Latin widths of the font LibreOffice
uses here, and with the workbook's half-width default), and the time to paginate a draft."""

from __future__ import annotations

from common import large_draft, median_ms

from partybook.genre import load_genre
from partybook.pagination import paginate
from partybook.pagination.libreoffice import measure, worked_examples


def run() -> list[dict]:
    docs = worked_examples()
    figures = []
    for installed, label in ((True, "installed Latin font"), (False, "half-width Latin")):
        results = measure(docs, installed_latin=installed)
        breaks = sum(r.breaks for r in results)
        agree = sum(r.agree for r in results)
        pages = sum(r.lo_pages == r.model_pages for r in results)
        figures.append(
            {
                "name": f"page breaks within ±1 line of LibreOffice ({label})",
                "value": 100 * agree / breaks,
                "unit": "%",
                "note": f"{agree}/{breaks} breaks, {len(docs)} examples, "
                f"page count equal in {pages}/{len(docs)}; target ≥ 95 %",
            }
        )
    draft = large_draft(10_000)
    genre = load_genre(draft.genre)
    figures.append(
        {
            "name": "paginate a 10,000-character draft",
            "value": median_ms(lambda: paginate(draft, genre), repeat=30),
            "unit": "ms",
            "target": 50,
        }
    )
    return figures
