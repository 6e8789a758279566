"""Collecting a class (folders, globs over homes, broken files) and the class report rows."""

from __future__ import annotations

import json
from pathlib import Path

from partybook.checks import check
from partybook.classroom.collect import collect
from partybook.classroom.report import class_report, format_text
from partybook.draft import Item, new_draft
from partybook.genre import load_genre
from partybook.storage import load, save


def _broken(folder: Path) -> None:
    (folder / "cut.json").write_text('{"schema": 1, "sections": {"title": "培训', encoding="utf-8")
    (folder / "empty.json").write_bytes(b"")
    (folder / "notes.json").write_text('{"todo": []}', encoding="utf-8")
    (folder / "gbk.json").write_bytes("党性分析".encode("gbk"))


def test_unreadable_files_are_reported_not_fatal(klass):
    folder, roles = klass
    _broken(folder)
    coll = collect(folder)
    assert len(coll.drafts) == sum(len(v) for v in roles.values())
    problems = {e.file: e.error for e in coll.problems}
    assert set(problems) == {"cut.json", "empty.json", "notes.json", "gbk.json"}
    assert "不完整" in problems["cut.json"] and "cut.json" in problems["cut.json"]
    assert "空" in problems["empty.json"]
    assert "不是 partybook 草稿" in problems["notes.json"]
    assert "UTF-8" in problems["gbk.json"]
    report = class_report(coll)
    bad = {r.file: r for r in report.rows if not r.ok}
    assert set(bad) == set(problems)
    assert all(r.errors is None and r.problem for r in bad.values())
    text = format_text(report)
    assert "cut.json" in text and "无法读取" in text


def test_student_names_from_author_home_or_file(tmp_path):
    genre = load_genre()
    home = tmp_path / "home"
    for user, author in (("alice", ""), ("bob", "包立新")):
        d = new_draft(genre, author=author)
        d.sections["title"] = "科级干部任职培训班党性分析"
        save(d, home / user / "partybook" / "drafts" / "我的草稿.json")
    loose = tmp_path / "loose"
    save(new_draft(genre), loose / "无名草稿.json")
    coll = collect(str(home / "*" / "partybook" / "drafts" / "*.json"))
    names = {e.file: e.student for e in coll.entries}
    assert names == {
        str(Path("alice/partybook/drafts/我的草稿.json")): "alice",
        str(Path("bob/partybook/drafts/我的草稿.json")): "包立新",
    }
    assert [e.student for e in collect(loose).entries] == ["无名草稿"]


def test_conflict_copies_and_backups_are_not_separate_students(klass):
    folder, roles = klass
    first = folder / roles["distinct"][0]
    save(load(first), first)  # makes first.json.bak
    (folder / "student000.冲突副本-20261127-093000.json").write_bytes(first.read_bytes())
    coll = collect(folder)
    assert len(coll.entries) == sum(len(v) for v in roles.values())
    assert coll.skipped == ["student000.冲突副本-20261127-093000.json"]


def test_rows_count_sections_characters_and_findings(tmp_path):
    genre = load_genre()
    d = new_draft(genre, author="范雪梅")
    d.sections["title"] = "2025年秋季科级干部任职培训班党性分析"
    d.sections["basic"] = ["我1990年5月出生，2012年7月参加工作，XX年XX月加入中国共产党。"]
    d.sections["problems"] = [Item(heading="调查研究不够深入。", body="")]
    save(d, tmp_path / "a.json")
    report = class_report(collect(tmp_path))
    (row,) = report.rows
    assert (row.student, row.author, row.genre) == ("范雪梅", "范雪梅", "dangxing-fenxi")
    assert (row.sections_done, row.sections_total) == (3, 6)
    expected = check(load(tmp_path / "a.json"))
    assert row.errors == sum(f.severity == "error" for f in expected) > 0
    assert row.warnings == sum(f.severity == "warning" for f in expected)
    assert row.characters == sum(
        len("".join(d.text_of(s).split())) for s in ("title", "basic", "problems")
    )
    data = report.to_dict()
    assert set(data["rows"][0]) >= {
        "file", "author", "genre", "sections_done", "characters", "errors", "warnings", "updated"
    }  # fmt: skip
    json.dumps(data, ensure_ascii=False)


def test_class_phrase_rules_count_in_the_report(tmp_path):
    from partybook.classroom.exercise import load_exercise

    genre = load_genre()
    d = new_draft(genre, author="孔晨阳")
    d.sections["basic"] = ["我在工作中思想上有所放松，在一定程度上影响了工作。"]
    save(d, tmp_path / "a.json")
    plain = class_report(collect(tmp_path)).rows[0]
    rules = load_exercise("dangxing-fenxi-90min").phrase_rules()
    with_rules = class_report(collect(tmp_path), extra_rules=rules).rows[0]
    assert with_rules.warnings == plain.warnings + 2
    assert {f.code for f in with_rules.findings} - {f.code for f in plain.findings} == {"CLS001"}


def test_hostile_drafts_do_not_break_the_report(klass):
    """Emoji, zero-width and control characters, markup in names, a 200,000-character body."""
    folder, roles = klass
    genre = load_genre()
    d = new_draft(genre, author="<b>王🙂</b>\u200b\x07")
    d.sections["title"] = "党性分析\u202e\ufeff"
    d.sections["basic"] = ["我" + "学习党章，" * 40_000]
    d.sections["problems"] = [Item(heading="🙂" * 50, body="\x00\x1f<script>alert(1)</script>")]
    save(d, folder / "hostile.json")
    report = class_report(collect(folder))
    row = report.row("hostile.json")
    assert row is not None and row.ok and row.characters > 200_000
    assert {p.a for p in report.similar} | {p.b for p in report.similar} >= {"example_copy.json"}
    text = format_text(report)
    assert "hostile.json" in text
    json.dumps(report.to_dict(), ensure_ascii=False)
