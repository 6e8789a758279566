"""Hypothesis strategies for drafts (shared by the foundation's property tests)."""

from __future__ import annotations

from hypothesis import strategies as st

from partybook.draft import Draft, Item, Meta
from partybook.genre import Genre, SectionKind

any_text = st.text(max_size=60)
# Realistic text: CJK, ASCII, punctuation, emoji and odd characters a user may paste.
cjk_text = st.text(
    alphabet=st.sampled_from(
        list(
            "党性分析我们学习工作问题群众基层理论担当作风，。、；：“”《》（）0123456789abcXYZ🙂\u200b"
        )
    ),
    min_size=1,
    max_size=40,
)
dates = st.one_of(
    st.just(""),
    st.builds(lambda y, m: f"{y}-{m:02d}", st.integers(1990, 2030), st.integers(1, 12)),
    st.builds(
        lambda y, m, d: f"{y}-{m:02d}-{d:02d}",
        st.integers(1990, 2030),
        st.integers(1, 12),
        st.integers(1, 28),
    ),
)


def items(text=any_text, grouped: bool = False) -> st.SearchStrategy[list[Item]]:
    if grouped:
        point = st.builds(Item, heading=text, body=text)
        entry = st.builds(Item, heading=text, body=text, items=st.lists(point, max_size=3))
    else:
        entry = st.builds(Item, heading=text, body=text)
    return st.lists(entry, max_size=4)


def drafts(genre: Genre, text=any_text) -> st.SearchStrategy[Draft]:
    parts = {}
    for spec in genre.content_sections():
        if spec.kind is SectionKind.LINE:
            parts[spec.id] = text
        elif spec.kind is SectionKind.PARAGRAPHS:
            parts[spec.id] = st.lists(text, max_size=4)
        else:
            parts[spec.id] = items(text, grouped=spec.kind is SectionKind.GROUPED_ITEMS)
        if spec.lead_key:  # conform() gives a lead-in section its (possibly empty) list
            parts[spec.lead_key] = st.lists(text, max_size=3)
    meta = st.builds(Meta, author=text, unit=text, position=text, class_name=text, date=dates)
    return st.builds(
        Draft,
        genre=st.just(genre.id),
        genre_version=st.just(genre.version),  # conform() stamps the genre's version
        meta=meta,
        sections=st.fixed_dictionaries(parts),
        unplaced=st.lists(text, max_size=2),
    )
