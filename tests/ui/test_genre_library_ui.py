"""The workbook with the genre library: every genre and worked example on the start screen,
the example chosen per section, lead-in paragraphs, the year's meeting notice as guidance,
and genres laid out as letters (思想汇报: no numbered headings, salutation and closing)."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from support.widgets import find, find_all, visible, walk

from partybook.checks.model import Finding
from partybook.errors import GenreError
from partybook.genre import available_genres, load_genre
from partybook.notices import load_notices
from partybook.storage import load
from partybook.ui import Workbook
from partybook.ui.live_checks import bounded
from partybook.ui.review import diff_rows
from partybook.ui.scheduler import ManualScheduler
from partybook.ui.session import Session

LEAD = "对照党员标准和支部的要求，我在以下方面还有差距："


@pytest.fixture
def book(tmp_path: Path, clock: ManualScheduler) -> Workbook:
    return Workbook(drafts=tmp_path, scheduler=clock)


def start_from(book: Workbook, genre_id: str, example_id: str) -> None:
    book.start.genre.value = genre_id
    find(book.start.root, f"pb-from-example-{example_id}").click()


def preview_text(book: Workbook) -> str:
    body = re.sub(r"<style>.*?</style>", "", book.preview.root.value, flags=re.S)
    return html.unescape(body)


# --- 1. the start screen ---------------------------------------------------------------
def test_start_screen_offers_every_genre_with_its_description(book: Workbook) -> None:
    ids = available_genres()
    assert len(ids) >= 5
    assert [v for _, v in book.start.genre.options] == ids
    listing = html.unescape(book.start.genre_list.value)
    for gid in ids:
        genre = load_genre(gid)
        assert f"pb-genre-info-{gid}" in listing
        assert genre.name in listing and genre.description in listing
    # the chosen genre is marked, and follows the drop-down
    assert "pb-genre-info-dangxing-fenxi pb-genre-selected" in listing
    book.start.genre.value = "sixiang-huibao"
    assert "pb-genre-info-sixiang-huibao pb-genre-selected" in book.start.genre_list.value
    assert "pb-genre-info-dangxing-fenxi pb-genre-selected" not in book.start.genre_list.value


def test_each_genre_offers_each_of_its_worked_examples(book: Workbook) -> None:
    for gid in available_genres():
        genre = load_genre(gid)
        book.start.genre.value = gid
        buttons = find_all(book.start.example_rows, "pb-from-example")
        assert len(buttons) == len(genre.examples) >= 1, gid
        shown = html.unescape(
            "".join(getattr(x, "value", "") for x in walk(book.start.example_rows))
        )
        for ex in genre.examples:
            find(book.start.example_rows, f"pb-from-example-{ex.id}")
            assert ex.name in shown and ex.description in shown, (gid, ex.id)


def test_starting_from_a_worked_example_opens_that_example(book: Workbook, clock) -> None:
    genre = load_genre("dangxing-fenxi")
    second = genre.examples[1]
    book.start.author.value = "周晓岚"
    start_from(book, "dangxing-fenxi", second.id)
    assert visible(book.main) and not visible(book.start.root)
    expected = genre.example_draft(second.id)
    draft = book.session.draft
    assert draft.sections == expected.sections
    assert draft.meta.author == "周晓岚"  # what the user typed replaces the example's
    assert draft.meta.date == expected.meta.date
    on_disk = load(book.session.path)
    assert on_disk.sections == expected.sections
    assert "范例" in book.session.path.name and "周晓岚" in book.session.path.name
    # the editors show the example
    title = find(book.root, "pb-editor-title")
    assert title.value == expected.text_of("title")
    assert find(book.root, "pb-editor-problems-0-heading").value == (
        expected.items("problems")[0].heading
    )


@pytest.mark.parametrize("gid", available_genres())
def test_every_genres_examples_and_blank_draft_open(tmp_path: Path, gid: str) -> None:
    genre = load_genre(gid)
    for n, ex in enumerate(genre.examples):
        book = Workbook(drafts=tmp_path / f"{n}", scheduler=ManualScheduler())
        start_from(book, gid, ex.id)
        assert book.session.genre.id == gid
        assert book.session.draft.sections == genre.example_draft(ex.id).sections
        assert set(book.panels) == set(genre.section_ids)
        assert not [m for m in book.msgs.history if m[0] == "error"]
    blank = Workbook(drafts=tmp_path / "blank", scheduler=ManualScheduler())
    blank.start.genre.value = gid
    find(blank.root, "pb-new").click()
    assert blank.session.genre.id == gid
    assert not any(blank.session.draft.text_of(s) for s in genre.section_ids)


def test_session_new_from_an_unknown_example_is_refused_in_chinese(tmp_path: Path) -> None:
    s = Session(tmp_path, scheduler=ManualScheduler())
    with pytest.raises(GenreError, match="没有名为 bucunzai 的范例"):
        s.new("dangxing-fenxi", "bucunzai")
    assert s.draft is None and not list(tmp_path.glob("*.json"))


# --- 2. the example shown per section ------------------------------------------------
def test_the_example_viewer_shows_the_chosen_worked_example(book: Workbook) -> None:
    genre = load_genre("minzhu-pingyi")
    first, second = genre.examples[0], genre.examples[1]
    start_from(book, "minzhu-pingyi", first.id)
    panel = book.panels["duty"]
    source = find(book.root, "pb-example-source-duty")
    assert visible(source)  # two worked examples to choose from
    assert [v for _, v in source.options] == [first.id, second.id]
    find(book.root, "pb-example-duty").click()
    shown = html.unescape(panel.example.value)
    assert genre.example_section("duty", first.id)[0] in shown and first.name in shown
    source.value = second.id
    shown = html.unescape(panel.example.value)
    assert genre.example_section("duty", second.id)[0] in shown
    assert second.name in shown and second.description in shown
    assert genre.example_section("duty", first.id)[0] not in shown
    # the items panel shows the chosen example's lead-in above its items
    problems = book.panels["problems"]
    problems.example_source.value = second.id
    shown = html.unescape(problems.example.value)
    lead = genre.example_section("problems_lead", second.id)[0]
    heading = genre.example_section("problems", second.id)[0]["heading"]
    assert lead in shown and shown.index(lead) < shown.index(heading)
    # nothing was written into the draft
    assert book.session.draft.sections == genre.example_draft(first.id).sections


def test_a_genre_with_one_example_and_none_shared_hides_the_choice(
    book: Workbook, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PARTYBOOK_EXAMPLES", str(tmp_path / "none"))
    genre = load_genre("duizhao-jiancha")
    assert len(genre.examples) == 1
    book.start.genre.value = genre.id
    find(book.root, "pb-new").click()
    source = find(book.root, "pb-example-source-problems")
    assert not visible(source)
    find(book.root, "pb-example-problems").click()
    point = genre.example_section("problems")[0]["items"][0]["heading"]
    assert html.escape(point) in book.panels["problems"].example.value


# --- 3. lead-ins --------------------------------------------------------------------------
def test_only_sections_declaring_a_lead_get_a_lead_editor(tmp_path: Path) -> None:
    for gid in available_genres():
        genre = load_genre(gid)
        book = Workbook(drafts=tmp_path / gid, scheduler=ManualScheduler())
        book.start.genre.value = gid
        find(book.root, "pb-new").click()
        for spec in genre.sections:
            editors = find_all(book.root, f"pb-editor-{spec.id}-lead")
            assert len(editors) == (1 if spec.lead else 0), (gid, spec.id)


def test_the_lead_in_is_saved_previewed_counted_and_undone(book: Workbook, clock) -> None:
    book.start.genre.value = "minzhu-pingyi"
    find(book.root, "pb-new").click()
    panel = book.panels["problems"]
    hint = find(panel.root, "pb-lead")
    assert "引导语" in html.unescape(str(hint.children[0].value))
    find(book.root, "pb-add-problem").click()
    find(book.root, "pb-editor-problems-0-heading").value = "学习不够系统。"
    before = book.session.checks.chars("problems")
    lead = find(book.root, "pb-editor-problems-lead")
    lead.value = LEAD + "\r\n\n"
    assert book.session.draft.sections["problems_lead"] == [LEAD]
    assert panel.is_open  # typing opens its panel
    assert book.session.checks.chars("problems") == before + len(LEAD)
    assert f"已写 {before + len(LEAD)} 字" in panel.count.value
    clock.advance(1)
    assert load(book.session.path).sections["problems_lead"] == [LEAD]
    text = preview_text(book)
    assert LEAD in text and text.index(LEAD) < text.index("学习不够系统。")
    # adding an item rebuilds the rows and leaves the lead-in as typed
    find(book.root, "pb-add-problem").click()
    assert lead.value == LEAD + "\r\n\n"
    # a deletion, then the lead-in changes; undo brings back both as they were
    rm = find(book.root, "pb-remove-problems-1")
    rm.click()
    rm.click()
    lead.value = "改过的引导语。"
    book.undo_button.click()
    assert book.session.draft.sections["problems_lead"] == [LEAD]
    assert lead.value == LEAD and len(book.session.draft.items("problems")) == 2
    # the editor is found like the others, and an emptied lead-in prints nothing
    assert book.editor("pb-editor-problems-lead") is lead
    lead.value = ""
    clock.advance(1)
    assert load(book.session.path).sections["problems_lead"] == []
    assert LEAD not in preview_text(book)


def test_reopening_fills_the_lead_editor(book: Workbook, tmp_path: Path, clock) -> None:
    start_from(book, "dangxing-fenxi", load_genre("dangxing-fenxi").examples[0].id)
    find(book.root, "pb-editor-measures-lead").value = LEAD
    clock.advance(1)
    again = Workbook(drafts=tmp_path, scheduler=ManualScheduler())
    find(again.root, "pb-resume").click()
    assert find(again.root, "pb-editor-measures-lead").value == LEAD


def test_findings_on_a_lead_in_show_with_its_section(
    book: Workbook, clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    import partybook.checks as checks

    real = checks.check

    def check_with_lead(draft, genre=None, **kw):
        found = list(real(draft, genre, **kw))
        for para in draft.paragraphs("problems_lead"):
            if "××" in para:
                found.append(Finding("PB201", "error", "引导语里有占位符。", "problems_lead"))
        return found

    monkeypatch.setattr(checks, "check", check_with_lead)
    book.start.genre.value = "minzhu-pingyi"
    find(book.root, "pb-new").click()
    find(book.root, "pb-editor-problems-lead").value = "对照××，我还存在以下不足："
    clock.advance(1)
    section = find(book.panels["problems"].root, "pb-section-findings")
    assert "引导语里有占位符。" in section.value
    summary = find(book.root, "pb-findings").value
    at = summary.index("引导语里有占位符。")
    assert summary.rfind("存在的不足", 0, at) > summary.rfind("全文", 0, at)
    book.tabs.selected_index = 1
    review = find(book.review.root, "pb-review-sections")
    assert any("引导语里有占位符。" in str(getattr(x, "value", "")) for x in walk(review))


def test_fix_preview_and_bounded_checks_cover_the_lead_in(tmp_path: Path) -> None:
    genre = load_genre("dangxing-fenxi")
    draft = genre.example_draft()
    fixed = draft.model_copy(deep=True)
    fixed.sections["causes_lead"] = ["改后的引导语。"]
    rows = diff_rows(draft, fixed, genre)
    assert rows and rows[0][0].endswith("引导语第 1 段")
    draft.sections["measures_lead"] = ["长" * 30_000]
    shown, cut = bounded(draft, genre, 20_000)
    assert cut == ["measures_lead"]
    assert len(shown.text_of("measures_lead")) == 20_000
    assert len(draft.text_of("measures_lead")) == 30_000  # the draft keeps everything


# --- 4. the year's meeting notice ------------------------------------------------------
def test_the_years_notice_shows_at_the_opening_and_the_problems(book: Workbook) -> None:
    genre = load_genre("duizhao-jiancha")
    start_from(book, genre.id, genre.examples[0].id)
    year = int(re.search(r"(20\d\d)年度", book.session.draft.text_of("title")).group(1))
    notice = load_notices(genre.id)[year]
    for sid, panel in book.panels.items():
        shown = html.unescape(panel.notice.value)
        if sid in ("opening", "problems"):
            assert all(aspect in shown for aspect in notice.aspects), sid
            assert notice.title in shown
        else:
            assert shown == "", sid


def test_the_notice_follows_the_year_of_the_title_and_date(book: Workbook) -> None:
    genre = load_genre("minzhu-shenghuohui")
    years = sorted(load_notices(genre.id))
    book.start.genre.value = genre.id
    find(book.root, "pb-new").click()
    panel = book.panels["problems"]
    assert "在标题中写明年度" in panel.notice.value  # no year yet: how to get the aspects
    find(book.root, "pb-editor-title").value = f"{years[0]}年度民主生活会个人对照检查材料"
    assert load_notices(genre.id)[years[0]].aspects[0] in html.unescape(panel.notice.value)
    find(book.root, "pb-editor-title").value = "民主生活会个人对照检查材料"
    find(book.root, "pb-editor-signoff-date").value = f"{years[-1] + 1}-01-08"  # reviews the last
    assert load_notices(genre.id)[years[-1]].aspects[0] in html.unescape(panel.notice.value)
    find(book.root, "pb-editor-signoff-date").value = f"{years[-1] + 3}-12-01"
    assert f"尚未收录{years[-1] + 3}年度" in panel.notice.value


def test_genres_without_notices_show_none(book: Workbook) -> None:
    start_from(book, "dangxing-fenxi", load_genre("dangxing-fenxi").examples[0].id)
    assert all(p.notice.value == "" for p in book.panels.values())


def test_a_broken_notices_file_is_named_not_raised(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from partybook.ui import notice_guidance

    def broken(genre_id: str):
        raise GenreError(f"通知文件 {genre_id}.yaml 有误：键 2025.aspects：不能为空。")

    monkeypatch.setattr(notice_guidance, "load_notices", broken)
    monkeypatch.setattr(notice_guidance, "notice_for_draft", lambda d: broken(d.genre))
    book = Workbook(drafts=tmp_path, scheduler=ManualScheduler())
    book.start.genre.value = "duizhao-jiancha"
    find(book.root, "pb-new").click()
    assert visible(book.main)
    assert any("通知文件" in t for level, t in book.msgs.history if level == "warning")
    assert "不能为空" in book.panels["problems"].notice.value


# --- 5. letters: no numbered headings, salutation and closing -------------------------------
def test_sixiang_huibao_panels_and_preview_follow_its_layout(book: Workbook, clock) -> None:
    genre = load_genre("sixiang-huibao")
    start_from(book, genre.id, genre.examples[0].id)
    clock.advance(1)
    numeral = re.compile(r"[一二三四五六七八九十]+、")
    for sid, panel in book.panels.items():
        name = panel.toggle.description
        assert not numeral.search(name), name
        assert genre.section(sid).display_name in name
    assert set(book.section_names().values()) == {s.display_name for s in genre.sections}
    doc = book.preview.root.value
    assert '<p class="pb-salutation">敬爱的党组织：</p>' in doc
    closing = [c.text for c in genre.layout.closing]
    assert closing and all(f">{c}</p>" in doc for c in closing)
    assert 'class="pb-closing" style="text-indent: 2em">此致' in doc
    assert '<p class="pb-closing">敬礼！</p>' in doc  # flush left
    text = preview_text(book)
    assert not re.search(r"<p[^>]*>[一二三四五六七八九十]+、", doc)
    order = [text.index(x) for x in ("敬爱的党组织：", "此致", "敬礼！", "汇报人：")]
    assert order == sorted(order)
    # the sign-off's example is the example's signature as the layout prints it
    find(book.root, "pb-example-signoff").click()
    signed = book.panels["signoff"].example.value
    assert f"<p>汇报人：{genre.examples[0].meta.author}</p>" in signed
    # the review page names the sections the same way
    book.tabs.selected_index = 1
    names = "".join(x.children[0].value for x in find_all(book.review.root, "pb-review-row"))
    assert not numeral.search(html.unescape(names))


def test_numbered_genres_keep_their_numbers(book: Workbook) -> None:
    find(book.root, "pb-new").click()
    assert book.panels["basic"].toggle.description.endswith("一、基本情况")
    assert "一、" not in book.panels["opening"].toggle.description
