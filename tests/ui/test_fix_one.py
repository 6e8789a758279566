"""PB601 in the workbook: a misquoted political formula shows in its section panel and on
the review page with a one-click fix that puts in the exact wording; one finding is fixed
alone; undo restores the misquote."""

from __future__ import annotations

from pathlib import Path

import pytest

from partybook.ui import Workbook
from partybook.ui.scheduler import ManualScheduler

from .test_workbook_widgets import find, find_all

MISQUOTE = "政治意识、大局意识、核心意识、服务意识"
EXACT = "政治意识、大局意识、核心意识、看齐意识"
MISQUOTE_2 = "道路自信、理论自信、制度自信、历史自信"
EXACT_2 = "道路自信、理论自信、制度自信、文化自信"
TEXT = f"我在工作中注意增强{MISQUOTE}。\n我努力坚定{MISQUOTE_2}，但还做得不够。"


@pytest.fixture
def clock() -> ManualScheduler:
    return ManualScheduler()


@pytest.fixture
def wb(tmp_path: Path, clock: ManualScheduler) -> Workbook:
    book = Workbook(drafts=tmp_path, scheduler=clock)
    find(book.root, "pb-new").click()
    find(book.root, "pb-editor-basic").value = TEXT
    clock.advance(1)
    return book


def test_misquote_shows_in_the_panel_with_the_exact_wording(wb: Workbook) -> None:
    section = find(wb.panels["basic"].root, "pb-section-findings").value
    assert "PB601" in section and "pb-f-error" in section and EXACT in section
    buttons = find_all(wb.panels["basic"].root, "pb-fix-one-PB601")
    assert len(buttons) == 2 and buttons[0].description == "改为规范表述"
    rows = find_all(wb.panels["basic"].root, "pb-fix-one-text")
    assert MISQUOTE in rows[0].value and EXACT in rows[0].value


def test_one_click_fixes_that_finding_alone_and_undo_restores_it(
    wb: Workbook, clock: ManualScheduler
) -> None:
    editor = find(wb.root, "pb-editor-basic")
    first = find_all(wb.panels["basic"].root, "pb-fix-one-PB601")[0]
    first.click()
    # only this misquote changed; the other is still there, with its own button
    assert EXACT in editor.value and MISQUOTE not in editor.value
    assert MISQUOTE_2 in editor.value
    assert wb.session.draft.paragraphs("basic")[1].count(MISQUOTE_2) == 1
    left = find_all(wb.panels["basic"].root, "pb-fix-one-PB601")
    assert len(left) == 1
    assert MISQUOTE_2 in find(wb.panels["basic"].root, "pb-fix-one-text").value
    assert any("规范表述" in t for _, t in wb.msgs.history)
    wb.undo_button.click()
    assert editor.value == TEXT
    clock.advance(1)
    assert len(find_all(wb.panels["basic"].root, "pb-fix-one-PB601")) == 2


def test_the_review_page_offers_the_same_fix(wb: Workbook, clock: ManualScheduler) -> None:
    wb.tabs.selected_index = 1
    review = wb.review.root
    buttons = find_all(review, "pb-fix-one-PB601")
    assert len(buttons) == 2
    buttons[1].click()
    clock.advance(1)
    paragraphs = wb.session.draft.paragraphs("basic")
    assert EXACT_2 in paragraphs[1] and MISQUOTE in paragraphs[0]  # the second one alone
    assert len(find_all(wb.review.root, "pb-fix-one-PB601")) == 1
    assert not find(review, "pb-undo").disabled
    find(review, "pb-undo").click()
    assert wb.session.draft.paragraphs("basic") == TEXT.split("\n")
    assert len(find_all(wb.review.root, "pb-fix-one-PB601")) == 2


def test_a_finding_typed_over_since_the_check_changes_nothing(wb: Workbook) -> None:
    stale = [f for f in wb.session.checks.findings if f.code == "PB601"][0]
    wb.session.set_text("basic", "我在工作中注意增强四个意识。")  # not checked yet
    assert wb.session.apply_fix(stale) == []
    assert wb.session.draft.paragraphs("basic") == ["我在工作中注意增强四个意识。"]
    assert wb.msgs.history[-1][0] == "warning"


def test_fix_all_still_fixes_every_misquote(wb: Workbook) -> None:
    changes = wb.session.apply_fixes()
    assert {c.code for c in changes} >= {"PB601"}
    text = "\n".join(wb.session.draft.paragraphs("basic"))
    assert EXACT in text and EXACT_2 in text


def test_rows_are_offered_for_safe_fixes_errors_first() -> None:
    from partybook.checks import Finding
    from partybook.ui.fix_buttons import fixable

    def f(code: str, severity: str, fix: str | None = "x") -> Finding:
        return Finding(code, severity, "…", "basic", field="paragraph", index=0, fix=fix)

    found = [
        f("PB505", "warning"),
        f("PB301", "hint"),  # punctuation hints: 全部应用 covers them
        f("PHR001", "warning"),  # an instructor's phrase rule: not a safe fix
        f("PB201", "error", None),  # no fix
        f("PB601", "error"),
    ]
    assert [x.code for x in fixable(found)] == ["PB601", "PB505"]
