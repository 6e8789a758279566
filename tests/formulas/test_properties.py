"""Any text — half-typed, shuffled, full of formula words — scans without error, and every
result points at exactly the text it reports."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from partybook.formulas import find_dated, find_misquotes, load_file

_DATA = load_file()
_WORDS = sorted(
    {w for f in _DATA.formulas for w in [*f.members, *f.confusions, f.name, *f.wrong_names]}
    | {p.text[0] for f in _DATA.formulas for p in f.parts}
    | {w for f in _DATA.formulas for p in f.parts for w in p.skeleton}
    | {"十九大精神", "“两学一做”学习教育", "李克强总理", "“十四五”", "2016年", "曾", "以来"}
)
_PIECES = st.sampled_from([*_WORDS, "、", "，", "。", "和", "“", "”", "我", "要", "\n", "增强"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=40), st.one_of(st.none(), st.integers(2000, 2035)))
def test_results_point_at_what_they_report(pieces: list[str], year: int | None) -> None:
    text = "".join(pieces)
    for r in find_misquotes(text, year):
        assert text[r.start : r.end] == r.found and r.expected and r.expected != r.found
    for d in find_dated(text, year):
        assert text[d.start : d.end] == d.found and d.current


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.integers(2000, 2035))
def test_arbitrary_text_never_raises(text: str, year: int) -> None:
    find_misquotes(text, year)
    find_dated(text, year)
