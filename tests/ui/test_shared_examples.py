"""Published (anonymised) examples offered in the workbook beside the genre's own example."""

from __future__ import annotations

import html
from pathlib import Path

import pytest
from support.widgets import find

from partybook.classroom.publish import EXAMPLES_ENV, prepare, publish
from partybook.draft import Draft, Item, conform
from partybook.genre import load_genre
from partybook.storage import load, save
from partybook.ui import Workbook
from partybook.ui.events import ExamplesLoaded, Message
from partybook.ui.scheduler import ManualScheduler
from partybook.ui.session import Session

BASIC = "我在禾丰乡农技站工作了六年，主要负责水稻良种的示范推广，去年牵头建起了三个示范田。"
PROBLEM = Item(
    heading="调查研究浮在面上。",
    body="下村多是听汇报、看材料，和种粮大户坐下来细谈的次数不多，对他们缺仓储的难处了解不深。",
)


def written_draft(title: str, author: str) -> Draft:
    genre = load_genre("dangxing-fenxi")
    draft = Draft(genre=genre.id)
    conform(draft, genre)
    draft.meta.author = author
    draft.meta.unit = "禾丰乡人民政府"
    draft.meta.date = "2026-03"
    draft.sections["title"] = title
    draft.sections["basic"] = [BASIC]
    draft.sections["problems"] = [PROBLEM.model_copy(deep=True)]
    return draft


@pytest.fixture
def examples(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Two examples published the way the instructor does it, in a temporary folder."""
    root = tmp_path / "examples"
    monkeypatch.setenv(EXAMPLES_ENV, str(root))
    first = publish(prepare(written_draft("我的党性分析 <b>初稿</b>", "韩晓东"), "a.json"))
    second = publish(prepare(written_draft("扎根基层的党性分析", "邓雨婷"), "b.json"))
    return [first, second]


def test_session_lists_the_genres_examples(examples: list[Path], tmp_path: Path) -> None:
    # an example of the other genre lives in its own folder and is not offered
    other = load_genre("duizhao-jiancha")
    od = Draft(genre=other.id)
    conform(od, other)
    od.sections["title"] = "对照检查材料"
    publish(prepare(od))
    s = Session(tmp_path / "drafts", scheduler=ManualScheduler())
    seen: list[str] = []
    s.events.observe(ExamplesLoaded, lambda _: seen.append("examples"))
    s.events.observe(Message, lambda m: seen.append(m.level))
    s.new("dangxing-fenxi", author="周启明")
    assert seen == ["examples"]  # no notice: nothing was skipped
    assert [ex.path for ex in s.examples] == sorted(examples)
    assert {ex.title for ex in s.examples} == {load(p).text_of("title") for p in examples}
    for ex in s.examples:
        assert ex.draft.example and "韩晓东" not in ex.draft.meta.author
        assert ex.draft.items("problems")[0].heading == PROBLEM.heading
    assert s.examples[0].label(1).startswith("共享范文 1：")
    s.new("duizhao-jiancha", author="周启明")
    assert [ex.draft.genre for ex in s.examples] == ["duizhao-jiancha"]


def test_broken_and_unanonymised_files_are_skipped_with_a_notice(
    examples: list[Path], tmp_path: Path
) -> None:
    folder = examples[0].parent
    (folder / "坏文件.json").write_text('{"schema": 1, "sections": {', encoding="utf-8")
    (folder / "乱码.json").write_bytes(b"\xff\xfe\x00garbage")
    save(written_draft("未匿名的草稿", "韩晓东"), folder / "未匿名.json")  # not marked example
    s = Session(tmp_path / "drafts", scheduler=ManualScheduler())
    notices: list[tuple[str, str]] = []
    s.events.observe(Message, lambda m: notices.append((m.level, m.text)))
    s.new("dangxing-fenxi", author="周启明")
    assert [ex.path for ex in s.examples] == sorted(examples)
    assert len(notices) == 1
    level, text = notices[0]
    assert level == "warning" and "已跳过" in text
    for name in ("坏文件.json", "乱码.json", "未匿名.json"):
        assert name in text
    assert "韩晓东" not in "".join(ex.draft.meta.author for ex in s.examples)
    assert s.draft is not None and s.path is not None and s.path.is_file()  # opened normally


def test_unreadable_examples_folder_never_stops_the_workbook(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv(EXAMPLES_ENV, str(blocker))  # examples "folder" is a file
    s = Session(tmp_path / "drafts", scheduler=ManualScheduler())
    s.new("dangxing-fenxi")
    assert s.examples == [] and s.draft is not None


def test_choosing_a_published_example_shows_its_section(
    examples: list[Path], tmp_path: Path
) -> None:
    book = Workbook(drafts=tmp_path / "drafts", scheduler=ManualScheduler())
    find(book.root, "pb-new").click()
    panel = book.panels["basic"]
    source = find(book.root, "pb-example-source-basic")
    assert source.layout.display != "none"
    genre = load_genre("dangxing-fenxi")
    own_count = len(genre.examples)
    labels = [label for label, _ in source.options]
    assert labels[:own_count] == [f"范例：{e.name}" for e in genre.examples]
    assert len(labels) == own_count + 2
    assert all(label.startswith("共享范文") and "已匿名" in label for label in labels[own_count:])
    titled = next(i for i, ex in enumerate(book.session.examples) if "<b>" in ex.title)
    source.value = titled
    shown = panel.example.value
    published = load(book.session.examples[titled].path)
    assert html.escape(published.paragraphs("basic")[0]) in shown
    assert "水稻良种的示范推广" in shown
    assert "共享范文（已匿名化）" in shown and "pb-example-shared" in shown
    assert "&lt;b&gt;初稿&lt;/b&gt;" in shown and "<b>初稿" not in shown  # escaped
    assert panel.example_button.description == "收起范例"
    # items: the example's problem in the problems panel
    book.panels["problems"].example_source.value = 1 - titled
    assert PROBLEM.heading in book.panels["problems"].example.value
    # back to the genre's own worked example; the toggle still hides and shows it
    source.value = genre.examples[0].id
    own = genre.example_section("basic", genre.examples[0].id)
    first = own if isinstance(own, str) else own[0]
    assert html.escape(first) in panel.example.value and "共享范文" not in panel.example.value
    panel.example_button.click()
    assert panel.example.value == "" and panel.example_button.description == "看范例"
    # nothing typed into the draft
    assert book.session.draft.paragraphs("basic") == []


def test_no_published_examples_keeps_the_panel_as_before(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(EXAMPLES_ENV, str(tmp_path / "empty"))
    book = Workbook(drafts=tmp_path / "drafts", scheduler=ManualScheduler())
    find(book.root, "pb-new").click()
    source = find(book.root, "pb-example-source-basic")
    # only the genre's own worked examples to choose from
    assert [v for _, v in source.options] == load_genre("dangxing-fenxi").example_ids
    button = find(book.root, "pb-example-basic")
    button.click()
    assert "pb-example" in book.panels["basic"].example.value
    assert "共享范文" not in book.panels["basic"].example.value
