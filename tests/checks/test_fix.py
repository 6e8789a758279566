"""fix(): the safe fixes, applied to a copy, each reported as before → after."""

from __future__ import annotations

from partybook.checks import fix
from partybook.storage import load

from .conftest import FIXTURES, TODAY


def test_fix_template_site_draft_removes_leftovers_and_fixes_safe_things(run):
    draft = load(FIXTURES / "template_site_draft.json")
    fixed, changes = fix(draft, today=TODAY)
    assert sorted(c.code for c in changes) == ["PB202", "PB204", "PB204", "PB205", "PB301", "PB505"]
    # the stray title and the watermark paragraphs are gone, the real paragraph stays
    assert fixed.sections["opening"] == [draft.sections["opening"][2]]
    assert fixed.sections["basic"][0] == draft.sections["basic"][0].removeprefix("##paidbegin##")
    assert fixed.sections["problems"][0].body == draft.sections["problems"][0].body.replace(
        ",", "，"
    )
    assert fixed.sections["measures"][1].heading == "强化责任担当意识，提高工作标准。"
    assert fixed.sections["measures"][2].body.endswith("一周内处理。")
    # what needs the author stays: placeholders, the impossible date, the missing cause
    left = {f.code for f in run(fixed)}
    assert {"PB201", "PB401", "PB104"} <= left
    assert not left & {"PB202", "PB204", "PB205", "PB301", "PB505"}


def test_fix_leaves_the_input_untouched_and_everything_else_equal(clean):
    clean.sections["problems"][0].body += "学习,工作。。"
    before = clean.model_dump()
    fixed, changes = fix(clean, today=TODAY)
    assert clean.model_dump() == before
    assert [c.code for c in changes] == ["PB301", "PB306"]
    after = fixed.model_dump()
    assert after["sections"]["problems"][0]["body"].endswith("学习，工作。")
    after["sections"]["problems"][0] = before["sections"]["problems"][0]
    assert after == before


def test_fix_change_shows_context_before_and_after(clean):
    clean.sections["measures"][1].heading = "强化责任当意识，做攻坚克难的“实干家”。"
    _, changes = fix(clean, today=TODAY)
    (c,) = changes
    assert (c.code, c.section, c.item, c.field) == ("PB505", "measures", 1, "heading")
    assert "责任当意识" in c.before and "责任担当意识" in c.after


def test_fix_of_clean_draft_changes_nothing(clean):
    fixed, changes = fix(clean, today=TODAY)
    assert changes == [] and fixed.model_dump() == clean.model_dump()


def test_fix_typed_heading_number_removed_body_number_kept(clean):
    clean.sections["problems"][0].heading = "（一）" + clean.sections["problems"][0].heading
    clean.sections["problems"][1].body = "1、" + clean.sections["problems"][1].body
    fixed, changes = fix(clean, today=TODAY)
    assert [c.code for c in changes] == ["PB107"]
    assert not fixed.sections["problems"][0].heading.startswith("（一）")
    assert fixed.sections["problems"][1].body.startswith("1、")


def test_fix_uncovers_and_fixes_a_follow_up(clean):
    # removing the ad leaves "。。", which the next round collapses
    clean.sections["opening"][0] += "【更多公文素材，微信：abc123】。"
    fixed, changes = fix(clean, today=TODAY)
    assert [c.code for c in changes] == ["PB202", "PB306"]
    assert fixed.sections["opening"][0].endswith("批评指正。")


def test_fix_limited_to_codes(clean):
    clean.sections["problems"][0].body += "学习,工作。。"
    fixed, changes = fix(clean, today=TODAY, codes={"PB306"})
    assert [c.code for c in changes] == ["PB306"]
    assert fixed.sections["problems"][0].body.endswith("学习,工作。")
