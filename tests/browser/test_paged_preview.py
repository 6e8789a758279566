"""The paged preview in Chromium under Voila: a worked example drawn on A4 pages, page
numbers on the outer side, and the page count in the header."""

from __future__ import annotations

from pathlib import Path

import pytest

from partybook.genre import load_genre
from partybook.pagination import Metrics, paginate
from partybook.pagination.latin import installed_latin

from .test_workbook_browser import Server, start_from_example, wait_saved_with, wait_text

pytestmark = pytest.mark.browser


def test_paged_preview_and_page_count(voila_server: Server, page, artifacts_dir: Path) -> None:
    genre = load_genre("dangxing-fenxi")
    example = genre.examples[0]
    page.goto(voila_server.url + "/", timeout=120_000)
    page.wait_for_selector(".pb-new", timeout=120_000)
    start_from_example(page, example.id)
    # the drafts folder is shared with the other browser tests: wait for this example's draft
    want = genre.example_draft(example.id)
    _, draft = wait_saved_with(
        voila_server,
        lambda d: (
            d.genre == genre.id
            and all(d.text_of(s.id) == want.text_of(s.id) for s in genre.content_sections())
        ),
        timeout=30,
    )
    count = paginate(draft, genre, Metrics(latin_em=installed_latin())).count
    assert count >= 3
    wait_text(page, ".pb-header .pb-page-count", f"约 {count} 页", timeout=30)
    pages = page.locator(".pb-paged-preview .pb-page")
    assert pages.count() == count
    first, second = pages.nth(0).bounding_box(), pages.nth(1).bounding_box()
    assert first and second and abs(first["height"] / first["width"] - 297 / 210) < 0.02
    for k, side in ((0, "odd"), (1, "even")):
        number = pages.nth(k).locator(".pb-page-number")
        assert number.inner_text().replace(" ", "") == f"—{k + 1}—"
        box, frame = number.bounding_box(), pages.nth(k).bounding_box()
        centre = box["x"] + box["width"] / 2 - frame["x"]
        assert (centre > frame["width"] / 2) == (side == "odd")  # outer side of the page
    title = pages.nth(0).locator(".pb-line-title").first.inner_text()
    assert title.replace(" ", "") in draft.sections["title"].replace(" ", "")
    assert pages.nth(0).locator(".pb-line").count() == 22
    pages.nth(0).scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts_dir / "voila-paged-preview.png"), full_page=True)
