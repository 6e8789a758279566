"""No silent loss: every character of a .txt either stays in the draft (or its meta),
goes to ``unplaced``, or is listed in the removal report — whatever the text holds,
Markdown-like marks ``_ * # > [ ] |`` included (a .txt is never read as Markdown)."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from partybook.genre import available_genres
from partybook.importer import import_bytes

# Chinese characters that cannot spell a section name, a number, a date or a label, so
# that every character must come out as it went in.
_WORDS = list("学习工作党员群众服务认真落实思想理论政治纪律作风提高加强")
_MARKS = list("_*#>[]|<`~-+=!?,.:;()（）【】《》“”、。，；：！？ \t")
_FULL = str.maketrans(
    {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）", ".": "。"}
)


def _chars(text: str) -> Counter[str]:
    return Counter(c for c in text.translate(_FULL) if not c.isspace())


def _output(result) -> Counter[str]:
    out: Counter[str] = Counter()
    for article in result.articles:
        d = article.draft
        for sid in d.sections:
            out += _chars(d.text_of(sid))
        for text in d.unplaced:
            out += _chars(text)
        for r in article.removed:
            out += _chars(r.what)
        out += _chars(d.meta.author + d.meta.unit + d.meta.position)
        for _, name, _ in article.headings:
            out += _chars(name)
    return out


_LINE = st.lists(st.sampled_from(_WORDS + _MARKS), max_size=40).map("".join)


@pytest.mark.parametrize("genre_id", [None, *available_genres()])
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines=st.lists(_LINE, min_size=1, max_size=15))
def test_every_character_of_a_txt_is_kept_or_reported(
    genre_id: str | None, lines: list[str]
) -> None:
    text = "\n".join(lines)
    if not text.strip():
        return
    result = import_bytes(text.encode("utf-8"), "稿子.txt", genre_id=genre_id)
    missing = _chars(text) - _output(result)
    assert not missing, (missing, text)


def test_a_txt_starting_with_a_hash_is_not_markdown_and_keeps_its_blank():
    text = "# 思想汇报\n我把学习记录表中的“____”补齐了。\n**这一行**不是加粗。\n"
    r = import_bytes(text.encode(), "汇报.txt", genre_id="dangxing-fenxi")
    assert r.draft.sections["title"] == "思想汇报"
    everything = "".join(r.draft.text_of(s) for s in r.draft.sections) + "".join(r.unplaced)
    assert "____" in everything and "**这一行**不是加粗。" in everything
    assert [x.what for x in r.removed] == ["#"]


def test_a_markdown_rule_is_reported_not_dropped():
    md = "# 党性分析\n\n## 一、基本情况\n\n我在区里工作。\n\n---\n\n**（一）学习不够。**正文。\n"
    r = import_bytes(md.encode(), "稿子.md")
    assert "---" in [x.what for x in r.removed]
