"""Passages carried over from one's own earlier drafts: the model, the finder of earlier
drafts, ``partybook check --earlier`` (PB650) and the class report's column."""

from __future__ import annotations

import json
import os
import time
from datetime import datetime
from pathlib import Path

import yaml
from support.cli import run_partybook

from partybook import storage
from partybook.carryover import Earlier, find, item_text, settings
from partybook.classroom.collect import collect
from partybook.classroom.report import class_report
from partybook.draft import Item, Meta, new_draft
from partybook.earlier import earlier_drafts, earlier_from_bytes, read_earlier

OLD = "理论学习不够系统深入。平时学习多是被动应付，满足于读原文、记笔记、写心得，对党的创新理论的核心要义理解不深，学用脱节的问题比较突出。"
REWRITTEN = "学习上缺乏钻劲。今年参加集中学习12次，但课后很少主动找原著读，遇到乡村振兴的新政策也是等上级解读，自己没有下功夫研究透。"
LABELLED = Path(__file__).resolve().parent / "labelled.yaml"


def _draft(genre, author: str, date: str, problems: list[tuple[str, str]]):
    d = new_draft(genre, author=author, date=date)
    d.sections["basic"] = ["我1979年出生，2001年入党，现任青川市河西区某科科长。"]
    d.sections["problems"] = [Item(heading=h, body=b) for h, b in problems]
    return d


def test_a_carried_passage_is_found_at_its_place_with_the_old_text_and_year(genre):
    old = _draft(genre, "韩知秋", "2024-10", [("学习不够。", OLD)])
    new = _draft(
        genre,
        "韩知秋",
        "2025-10",
        [("作风不实。", REWRITTEN), ("学习还是不够。", "去年的老问题：" + OLD)],
    )
    found = find(new, [Earlier(old, 2024, "2024.json")])
    assert len(found) == 1
    c = found[0]
    assert (c.section, c.item, c.year) == ("problems", 1, 2024)
    assert item_text(new.sections["problems"][1])[c.start : c.end] == c.text
    assert c.text.startswith("理论学习不够系统深入") and c.text.endswith("比较突出")
    assert c.earlier_text == OLD[: len(c.text)] or OLD.startswith(c.earlier_text)
    assert c.length >= 50


def test_a_rewritten_passage_is_not_reported(genre):
    old = _draft(genre, "韩知秋", "2024-10", [("学习不够。", OLD)])
    new = _draft(genre, "韩知秋", "2025-10", [("学习不够。", REWRITTEN)])
    assert find(new, [Earlier(old, 2024, "x")]) == []


def test_a_changed_year_does_not_split_the_passage(genre):
    old = _draft(
        genre,
        "甲",
        "2024-10",
        [("", "2023年全年我下基层调研只有6次，多数是陪同领导走过场，听汇报多，进农户少。")],
    )
    new = _draft(
        genre,
        "甲",
        "2025-10",
        [("", "2024年全年我下基层调研只有7次，多数是陪同领导走过场，听汇报多，进农户少。")],
    )
    found = find(new, [Earlier(old, 2024, "x")])
    assert (
        len(found) == 1
        and found[0].text.startswith("年全年")
        and found[0].text.endswith("进农户少")
    )


def test_stock_formulas_do_not_count(genre):
    formula = "坚决维护习近平总书记党中央的核心、全党的核心地位，坚决维护党中央权威和集中统一领导"
    assert "坚决维护党中央权威和集中统一领导" in settings().stock  # from formulas.yaml
    old = _draft(genre, "甲", "2024-10", [("", formula + "，在工作中落实好。")])
    new = _draft(genre, "甲", "2025-10", [("", formula + "，今年要把耕地保护落到每个地块。")])
    assert find(new, [Earlier(old, 2024, "x")]) == []


def test_labelled_pairs_agree_with_their_labels_but_the_documented_one():
    pairs = yaml.safe_load(LABELLED.read_text("utf-8"))
    wrong = []
    for p in pairs:
        got = bool(
            find(
                new_draft_with(p["new"]),
                [Earlier(new_draft_with(p["old"]), 2024, "x")],
            )
        )
        if got != p["carried"]:
            wrong.append(p["new"][:11])
    assert len(pairs) >= 40 and sum(p["carried"] for p in pairs) >= 20
    assert wrong == ["面对棘手的历史遗留问题"]  # 17 characters shared after a changed clause


def new_draft_with(text: str):
    from partybook.draft import Draft

    return Draft(sections={"problems": [Item(body=text)]})


def _write(path: Path, draft) -> Path:
    storage.save(draft, path, touch=False)
    return path


def test_earlier_drafts_are_the_same_authors_earlier_ones_only(tmp_path, genre):
    mine = _write(tmp_path / "韩知秋2025.json", _draft(genre, "韩知秋", "2025-10", [("", OLD)]))
    _write(tmp_path / "韩知秋2024.json", _draft(genre, "韩知秋", "2024-10", [("", OLD)]))
    _write(tmp_path / "韩知秋2026.json", _draft(genre, "韩知秋", "2026-10", [("", OLD)]))
    _write(tmp_path / "宋明远2024.json", _draft(genre, "宋明远", "2024-10", [("", OLD)]))
    conflict = tmp_path / "韩知秋2024.冲突副本-20241001-101010.json"
    conflict.write_bytes((tmp_path / "韩知秋2024.json").read_bytes())
    # the own draft's earlier saves: a snapshot in .history and a .bak
    draft = storage.load(mine)
    draft.meta.date = "2023-10"
    storage.save(draft, mine)
    draft.meta.date = "2025-10"
    storage.save(draft, mine)
    assert (tmp_path / ".history" / mine.name).is_dir() and mine.with_name(
        mine.name + ".bak"
    ).exists()
    found = earlier_drafts(storage.load(mine), tmp_path, own_path=mine)
    assert [e.label for e in found] == ["韩知秋2024.json"] and found[0].year == 2024


def test_check_earlier_reports_pb650_from_last_years_word_file(tmp_path, genre):
    from partybook.exporters import get_exporter

    old = _draft(
        genre,
        "韩知秋",
        "2024-10",
        [("学习不够。", OLD), ("作风不实。", "满足于开会部署、发文督促，对落实情况跟踪问效不够。")],
    )
    docx = tmp_path / "2024年党性分析.docx"
    docx.write_bytes(get_exporter("docx").export(old))
    new = _draft(genre, "韩知秋", "2025-10", [("学习不够。", REWRITTEN), ("老问题。", OLD)])
    path = _write(tmp_path / "2025.json", new)
    out = run_partybook("check", str(path), "--earlier", str(docx), "--format", "json")
    assert out.returncode in (0, 1), out.stderr
    found = [f for f in json.loads(out.stdout)["findings"] if f["code"] == "PB650"]
    assert len(found) == 1
    f = found[0]
    assert (f["severity"], f["section"], f["item"]) == ("warning", "problems", 1)
    assert item_text(new.sections["problems"][1])[f["start"] : f["end"]].startswith("理论学习不够")
    assert "2024年" in f["message"] and "一字不差" in f["message"]
    text = run_partybook("check", str(path), "--earlier", str(docx))
    assert "problems:1:" in text.stdout and "PB650" in text.stdout


def test_check_earlier_with_a_json_draft_and_an_unrelated_one(tmp_path, genre):
    old = _write(tmp_path / "old.json", _draft(genre, "韩知秋", "2024-10", [("", OLD)]))
    other = _write(tmp_path / "other.json", _draft(genre, "韩知秋", "2024-10", [("", REWRITTEN)]))
    new = _write(tmp_path / "new.json", _draft(genre, "韩知秋", "2025-10", [("", OLD)]))
    both = run_partybook(
        "check", str(new), "--earlier", str(other), "--earlier", str(old), "--format", "json"
    )
    codes = [f["code"] for f in json.loads(both.stdout)["findings"]]
    assert codes.count("PB650") == 1
    none = run_partybook("check", str(new), "--earlier", str(other), "--format", "json")
    assert "PB650" not in [f["code"] for f in json.loads(none.stdout)["findings"]]
    missing = run_partybook("check", str(new), "--earlier", str(tmp_path / "nope.json"))
    assert missing.returncode == 2 and "找不到" in missing.stderr
    itself = run_partybook("check", str(new), "--earlier", str(new))
    assert itself.returncode == 2 and "草稿本身" in itself.stderr


def test_check_earlier_says_when_the_old_draft_is_someone_elses_or_later(tmp_path, genre):
    new = _write(tmp_path / "new.json", _draft(genre, "韩知秋", "2024-10", [("", OLD)]))
    mine = _write(tmp_path / "mine.json", _draft(genre, "韩知秋", "2023-10", [("", OLD)]))
    quiet = run_partybook("check", str(new), "--earlier", str(mine))
    assert "提示：旧稿" not in quiet.stderr
    theirs = _write(tmp_path / "theirs.json", _draft(genre, "邵明远", "2023-10", [("", OLD)]))
    r = run_partybook("check", str(new), "--earlier", str(theirs))
    assert "旧稿 theirs.json 的作者是“邵明远”，本稿的作者是“韩知秋”" in r.stderr
    later = _write(tmp_path / "later.json", _draft(genre, "韩知秋", "2025-10", [("", OLD)]))
    r = run_partybook("check", str(new), "--earlier", str(later), "--format", "json")
    assert "旧稿 later.json 是 2025 年的，晚于本稿（2024 年）" in r.stderr
    assert json.loads(r.stdout)["findings"]  # compared all the same: the output stays JSON


def test_class_report_column_share_carried_over(tmp_path, genre):
    _write(tmp_path / "han2024.json", _draft(genre, "韩知秋", "2024-10", [("", OLD)]))
    _write(
        tmp_path / "han2025.json", _draft(genre, "韩知秋", "2025-10", [("", OLD), ("", REWRITTEN)])
    )
    _write(tmp_path / "song2025.json", _draft(genre, "宋明远", "2025-10", [("", REWRITTEN)]))
    report = class_report(collect(tmp_path), similarity=False)
    share = {r.file: r.carried_over for r in report.rows}
    assert share["han2024.json"] is None and share["song2025.json"] is None
    assert 0.3 < share["han2025.json"] < 0.7
    row = next(r for r in report.to_dict()["rows"] if r["file"] == "han2025.json")
    assert row["carried_over"] == round(share["han2025.json"], 3)
    out = run_partybook("class-report", str(tmp_path))
    assert "沿用旧稿" in out.stdout and "%" in out.stdout


def test_meta_date_orders_drafts_when_files_are_touched(tmp_path, genre):
    # file times do not decide: a file copied today may hold last year's draft
    p = _write(tmp_path / "a.json", _draft(genre, "甲", "2024-05", [("", OLD)]))
    os.utime(p, (time.time(), time.time()))
    found = earlier_drafts(_draft(genre, "甲", "2025-05", [("", OLD)]), tmp_path)
    assert [e.year for e in found] == [2024]
    assert Meta(author="甲").date == ""


def test_an_uploaded_word_file_or_draft_becomes_an_earlier_draft(tmp_path, genre):
    from partybook.exporters import get_exporter

    old = _draft(genre, "韩知秋", "", [("学习不够。", OLD)])
    data = get_exporter("docx").export(old)
    e = earlier_from_bytes(data, "去年.docx", mtime=datetime(2024, 11, 2).timestamp())
    assert e.year == 2024 and e.label == "去年.docx"  # no date in the sign-off: file time
    new = _draft(genre, "韩知秋", "2025-10", [("", OLD)])
    assert len(find(new, [e])) == 1
    path = _write(tmp_path / "old.json", _draft(genre, "韩知秋", "2023-10", [("", OLD)]))
    assert read_earlier(path).year == 2023


def test_class_report_knows_students_by_folder_when_drafts_have_no_author(tmp_path, genre):
    for year, text in (("2024-10", OLD), ("2025-10", OLD + REWRITTEN)):
        d = _draft(genre, "", year, [("", text)])
        (tmp_path / "韩知秋").mkdir(exist_ok=True)
        _write(tmp_path / "韩知秋" / f"{year}.json", d)
    _write(tmp_path / "宋明远.json", _draft(genre, "", "2025-10", [("", OLD)]))
    rows = {r.file: r for r in class_report(collect(tmp_path), similarity=False).rows}
    assert rows[str(Path("韩知秋") / "2025-10.json")].carried_over > 0.3
    assert rows[str(Path("韩知秋") / "2024-10.json")].carried_over is None
    assert rows["宋明远.json"].carried_over is None  # another student's older text is no carry-over
