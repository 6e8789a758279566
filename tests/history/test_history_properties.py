"""Property tests: the side-by-side comparison keeps both versions whole, and a failing
snapshot never costs a save."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from partybook import history, storage
from partybook.draft import Draft, Item
from partybook.history_diff import compare, summarize, units

paragraph = st.text(alphabet="党性分析学习问题群众作风一二三，。", min_size=1, max_size=12)
items = st.lists(st.builds(Item, heading=paragraph, body=paragraph), max_size=5)
REAL_SNAPSHOT = history.snapshot  # before any test replaces it


def _draft(basic: list[str], problems: list[Item]) -> Draft:
    return Draft(sections={"title": "", "basic": basic, "problems": problems})


@settings(max_examples=200, deadline=None)
@given(
    a=st.tuples(st.lists(paragraph, max_size=6), items),
    b=st.tuples(st.lists(paragraph, max_size=6), items),
)
def test_compare_keeps_both_sides_whole_and_in_order(a, b):
    old, new = _draft(*a), _draft(*b)
    for diff in compare(old, new):
        left = [r.old for r in diff.rows if r.kind != "added"]
        right = [r.new for r in diff.rows if r.kind != "removed"]
        assert left == units(old, diff.section)[0]
        assert right == units(new, diff.section)[0]
        assert all(r.old == r.new for r in diff.rows if r.kind == "same")
    assert (summarize(old, new) == "内容没有变化") == (old.sections == new.sections)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    texts=st.lists(paragraph, min_size=1, max_size=8),
    failures=st.lists(st.booleans(), min_size=8, max_size=8),
)
def test_a_failing_snapshot_never_costs_a_save(tmp_path_factory, monkeypatch, texts, failures):
    path = tmp_path_factory.mktemp("d") / "d.json"

    def flaky(*args, **kwargs):
        if failures[len(calls) % len(failures)]:
            calls.append(True)
            raise OSError("磁盘已满")
        calls.append(False)
        return REAL_SNAPSHOT(*args, **kwargs)

    calls: list[bool] = []
    monkeypatch.setattr(history, "snapshot", flaky)
    draft = _draft([], [])
    for text in texts:
        draft.sections["basic"].append(text)
        storage.save(draft, path)
        assert storage.load(path).sections["basic"] == draft.sections["basic"]
    kept = history.snapshots(path)
    assert len(kept) <= calls.count(False) + 1  # (+1: the adopted backup)
