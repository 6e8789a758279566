"""Property tests: any text in any place — check never fails, every finding points inside
the text it names, and fix reaches a state with nothing left to fix."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from partybook.checks import check, fix, item_text
from partybook.draft import Draft, Item, conform
from partybook.genre import load_genre

from .conftest import TODAY

PIECES = [
    "我", "学习", "工作", "群众", "，", "。", "、", "；", "：", "“", "”", "（", "）", "《", "》",
    ",", ".", ";", ":", "(", ")", "?", "!", '"', "'", " ", "\u3000", "\n", "…", "—", "-",
    "xx", "XX", "某某", "____", "【】", "【更多公文素材，微信：ab12】", "##paidbegin##",
    "www.ab.com", "— 1 —", "2020年13月", "2021年09月", "责任当意识", "必需加强", "一是",
    "（一）", "1、", "0", "9", "年", "月", "日", "😀", "\u200b", "班子", "比如", "有待进一步提高",
]  # fmt: skip
texts = st.lists(st.sampled_from(PIECES), max_size=25).map("".join)
GENRE = load_genre("dangxing-fenxi")


def _draft(title: str, paras: list[str], items: list[tuple[str, str]]) -> Draft:
    sections = {
        "title": title,
        "opening": paras,
        "basic": paras[::-1],
        "problems": [Item(heading=h, body=b) for h, b in items],
        "causes": [Item(heading=b, body=h) for h, b in items],
        "measures": [Item(heading=h, body=b) for h, b in items[:2]],
    }
    return conform(Draft(genre=GENRE.id, sections=sections), GENRE)


def _text_of(draft: Draft, section: str, item: int | None) -> str | None:
    if section not in draft.sections:
        return None
    if item is None:
        return (
            draft.text_of(section) if section == "title" else "\n".join(draft.paragraphs(section))
        )
    return item_text(draft.items(section)[item])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, st.lists(texts, max_size=4), st.lists(st.tuples(texts, texts), max_size=4))
def test_findings_point_inside_their_text(title, paras, items):
    draft = _draft(title, paras, items)
    for f in check(draft, GENRE, today=TODAY):
        assert f.severity in ("error", "warning", "hint")
        assert 0 <= f.start <= f.end
        text = _text_of(draft, f.section, f.item)
        if text is not None:
            assert f.end <= len(text), f
            if f.fix is not None:
                assert f.end > f.start or f.fix, f


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, st.lists(texts, max_size=4), st.lists(st.tuples(texts, texts), max_size=4))
def test_fix_leaves_nothing_fixable_and_keeps_the_input(title, paras, items):
    draft = _draft(title, paras, items)
    before = draft.model_dump()
    fixed, changes = fix(draft, GENRE, today=TODAY)
    assert draft.model_dump() == before
    assert all(c.before != c.after for c in changes)
    again, more = fix(fixed, GENRE, today=TODAY)
    assert more == [] and again.model_dump() == fixed.model_dump()


DUIZHAO = load_genre("duizhao-jiancha")


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(texts, texts, st.lists(st.tuples(texts, texts), max_size=3)), max_size=3))
def test_grouped_items_findings_point_inside_the_item_text(groups):
    problems = [
        Item(heading=h, body=b, items=[Item(heading=ph, body=pb) for ph, pb in points])
        for h, b, points in groups
    ]
    draft = conform(Draft(genre=DUIZHAO.id, sections={"problems": problems}), DUIZHAO)
    for f in check(draft, DUIZHAO, today=TODAY):
        if f.section == "problems" and f.item is not None:
            text = item_text(draft.items("problems")[f.item])
            assert 0 <= f.start <= f.end <= len(text), f
            if f.field in ("heading", "body"):
                item = draft.items("problems")[f.item]
                if f.index is not None:
                    item = item.items[f.index]
                own = getattr(item, f.field)
                assert own[f.field_start : f.field_start + f.end - f.start] == text[f.start : f.end]
    fixed, _ = fix(draft, DUIZHAO, today=TODAY)
    assert fix(fixed, DUIZHAO, today=TODAY)[1] == []
