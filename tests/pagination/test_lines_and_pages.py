"""The pagination model: 避头尾, hanging punctuation, 22 lines a page, keep-with-next."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from partybook.assembly import Block
from partybook.exporters._common import _NO_END, _NO_START
from partybook.genre import available_genres, load_genre
from partybook.pagination import is_wide, paginate, paginate_blocks

TEXT = "组织生活会前我们逐户走访了山村里的老党员和困难群众听取意见建议" * 4  # no punctuation


def _lines(p):
    return [ln for page in p.pages for ln in page.lines if ln is not None]


def test_body_lines_hold_27_characters_after_a_two_character_indent() -> None:
    p = paginate_blocks([Block("paragraph", TEXT)])
    lens = [len(ln.text) for ln in _lines(p)]
    assert lens[0] == 25 and all(n == 27 for n in lens[1:-1])
    assert "".join(ln.text for ln in _lines(p)) == TEXT


def test_closing_punctuation_hangs_and_never_starts_a_line() -> None:
    hang = Block("paragraph", TEXT[:25] + "。" + TEXT[:10])
    first = _lines(paginate_blocks([hang]))[0].text
    assert first.endswith("。") and len(first) == 26  # the full stop hangs in the margin
    quote = Block("paragraph", TEXT[:24] + "“两个维护”" + TEXT[:10])
    lines = _lines(paginate_blocks([quote]))
    assert not lines[1].text.startswith("”")


def test_no_line_starts_or_ends_wrongly_in_any_worked_example() -> None:
    for gid in available_genres():
        genre = load_genre(gid)
        for eid in genre.example_ids:
            for ln in _lines(paginate(genre.example_draft(eid), genre)):
                hanging = ln.text[-1] in "，。、"
                assert ln.text[0] not in _NO_START or ln.first, (gid, ln.text)
                assert ln.text[-1] not in _NO_END, (gid, ln.text)
                ems = ln.indent + sum(1 if is_wide(c) else 0.5 for c in ln.text)
                assert ems <= (29 if hanging else 28), (gid, ln.text)  # the 28-char block


def test_22_lines_a_page_and_the_page_count() -> None:
    doc = [Block("paragraph", TEXT) for _ in range(12)]  # 12 paragraphs of 5 lines
    p = paginate_blocks(doc)
    assert [len(page.lines) for page in p.pages] == [22, 22, 16]
    assert p.count == 3 and [page.number for page in p.pages] == [1, 2, 3]


def test_a_heading_never_ends_a_page() -> None:
    filler = [Block("paragraph", TEXT[:20]) for _ in range(21)]
    doc = [*filler, Block("heading", "存在的问题", "二、", level=1), Block("paragraph", TEXT)]
    p = paginate_blocks(doc)
    assert p.pages[0].lines[-1].role == "paragraph"
    assert p.pages[1].lines[0].role == "heading"
    without = paginate_blocks([*filler, Block("paragraph", "标题"), Block("paragraph", TEXT)])
    assert len(without.pages[0].lines) == 22  # an ordinary paragraph stays


def test_the_signature_block_stays_together_with_a_blank_line_above() -> None:
    filler = [Block("paragraph", TEXT[:20]) for _ in range(20)]
    sign = [
        Block("signoff", "中共某某镇委员会"),
        Block("signoff", "某某"),
        Block("date", "2025年12月1日"),
    ]
    p = paginate_blocks([*filler, *sign])
    assert [ln.role for ln in p.pages[1].lines if ln] == ["signoff", "signoff", "date"]
    assert p.pages[0].lines[-1].role == "paragraph"  # no blank line left at a page's foot
    short = paginate_blocks([Block("paragraph", "正文"), *sign])
    assert short.pages[0].lines[1] is None and short.pages[0].lines[2].align == "right"


def test_title_lines_are_centred_with_a_blank_line_below() -> None:
    title = "在学习贯彻党的二十届四中全会精神专题组织生活会上的个人对照检查发言提纲"
    p = paginate_blocks([Block("title", title), Block("paragraph", TEXT[:30])])
    lines = p.pages[0].lines
    assert lines[0].align == "center" and lines[1].role == "title" and lines[2] is None
    assert "".join(ln.text for ln in lines[:2]) == title


ALPHABET = "党组织生活会问题整改学习，。、；：？！“”（）《》—…0123456789abcXYZ%"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=ALPHABET, min_size=1, max_size=400))
def test_every_character_printed_once_in_order_and_lines_fit(text: str) -> None:
    p = paginate_blocks([Block("paragraph", text), Block("paragraph", "https://" + "x" * 90)])
    lines = _lines(p)
    assert "".join(ln.text for ln in lines if ln.block == 0) == text
    assert "".join(ln.text for ln in lines if ln.block == 1) == "https://" + "x" * 90
    for ln in lines:
        ems = ln.indent + sum(1 if is_wide(c) else 0.5 for c in ln.text.rstrip("，。、；：？！"))
        assert ems <= 28.5, ln.text
    assert all(len(page.lines) <= 22 for page in p.pages)
