"""The paged preview against LibreOffice: share of LibreOffice's page breaks the model puts
within ±1 line (target ≥ 95 %) and share of its lines broken identically, over every
genre's worked examples and over shifted variants (a filler paragraph of 1–13 lines in
front); with the Latin widths of the font LibreOffice uses here (what the workbook does)
and with half-width Latin (Times New Roman's digits). And the time to paginate a draft."""

from __future__ import annotations

from common import large_draft, median_ms

from partybook.genre import load_genre
from partybook.pagination import Metrics, paginate
from partybook.pagination.latin import installed_latin
from partybook.pagination.libreoffice import (
    compare_all,
    rendered,
    shifted_examples,
    worked_examples,
)


def _figures(label: str, results: list) -> list[dict]:
    breaks = sum(r.breaks for r in results)
    agree = sum(r.agree for r in results)
    lines = sum(r.lines for r in results)
    same = sum(r.lines_same for r in results)
    pages = sum(r.lo_pages == r.model_pages for r in results)
    return [
        {
            "name": f"page breaks within ±1 line of LibreOffice, {label}",
            "value": 100 * agree / breaks,
            "unit": "%",
            "note": f"{agree}/{breaks} breaks, {len(results)} documents, "
            f"page count equal in {pages}; target ≥ 95 %",
        },
        {
            "name": f"lines broken as LibreOffice does, {label}",
            "value": 100 * same / lines,
            "unit": "%",
            "note": f"{same}/{lines} lines",
        },
    ]


def run() -> list[dict]:
    examples = worked_examples()
    shifted = shifted_examples()
    lo = rendered(examples + shifted)
    figures = [
        *_figures("worked examples", compare_all(examples, lo)),
        *_figures(
            "worked examples, half-width Latin", compare_all(examples, lo, installed_latin=False)
        ),
        *_figures("shifted variants", compare_all(shifted, lo)),
        *_figures(
            "shifted variants, half-width Latin", compare_all(shifted, lo, installed_latin=False)
        ),
    ]
    draft = large_draft(10_000)
    genre = load_genre(draft.genre)
    metrics = Metrics(latin_em=installed_latin())
    from partybook.pagination import break_lines

    def cold() -> None:
        break_lines.cache_clear()
        paginate(draft, genre, metrics)

    figures += [
        {
            "name": "paginate a 10,000-character draft, cold",
            "value": median_ms(cold, repeat=30),
            "unit": "ms",
            "target": 50,
        },
        {
            "name": "paginate it again (paragraphs cached: a keystroke)",
            "value": median_ms(lambda: paginate(draft, genre, metrics), repeat=30),
            "unit": "ms",
            "target": 50,
        },
    ]
    return figures
