"""The paged preview in-process: pages drawn from the model, odd/even page numbers, the
page count in the header, following the text as it is typed; user text escaped."""

from __future__ import annotations

import re
from pathlib import Path

from partybook.genre import load_genre
from partybook.pagination import paginate
from partybook.ui import Workbook
from partybook.ui.paged_preview import render_pages_html
from partybook.ui.scheduler import ManualScheduler


def test_pages_numbers_and_faces_of_a_worked_example() -> None:
    genre = load_genre("dangxing-fenxi")
    p = paginate(genre.example_draft(), genre)
    html = render_pages_html(p)
    assert html.count('class="pb-page pb-page-') == p.count >= 3
    assert '<div class="pb-page pb-page-odd" data-page="1">' in html
    assert '<div class="pb-page pb-page-even" data-page="2">' in html
    assert "— 2 —" in html and f"— {p.count} —" in html
    assert "pb-line-title" in html and "pb-f1" in html and "pb-f2" in html
    assert ".pb-page-odd .pb-page-number { right:" in html
    assert ".pb-page-even .pb-page-number { left:" in html
    assert "方正小标宋简体" in html and "黑体" in html and "楷体_GB2312" in html
    rows = [re.findall(r'class="pb-line[ "]', page) for page in html.split('class="pb-page ')[1:]]
    assert all(len(r) <= 22 for r in rows) and max(len(r) for r in rows) == 22


def test_workbook_shows_pages_and_count_and_follows_typing(tmp_path: Path) -> None:
    clock = ManualScheduler()
    book = Workbook(drafts=tmp_path, scheduler=clock)
    book.start.author.value = "陈立新"
    book.session.new("dangxing-fenxi", example="xiangzhen-ganbu")
    clock.advance(1)
    count = book.paged.pagination.count
    assert count >= 3
    assert f"约 {count} 页" in book.paged.count.value
    assert book.paged.root.value.count('class="pb-page pb-page-') == count
    assert book.paged.count in book.header.children[0].children[1].children
    book.session.set_text("basic", "<b>第一段</b>\n" + "多写一些内容，" * 400)
    clock.advance(1)
    assert book.paged.pagination.count > count
    assert "&lt;b&gt;第一段&lt;/b&gt;" in book.paged.root.value
    assert "<b>第一段" not in book.paged.root.value
    book.session.close()
    assert book.paged.count.value == ""
