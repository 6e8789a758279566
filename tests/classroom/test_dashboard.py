"""The instructor's dashboard, in-process (no browser): every control drives the real model."""

from __future__ import annotations

import json
import re
import zipfile

from partybook.classroom.dashboard import Dashboard
from partybook.storage import load


def last_message(dash: Dashboard) -> str:
    """The newest text in the dashboard's message area."""
    return dash.msgs.history[-1][1] if dash.msgs.history else ""


def _students_in_table(html: str) -> list[str]:
    return re.findall(r"<tr><td>([^<]+)</td>", html)


def test_table_chart_and_sorting(klass, tmp_path):
    folder, roles = klass
    (folder / "坏文件.json").write_text("{", encoding="utf-8")
    dash = Dashboard(folder=folder, examples_folder=tmp_path / "examples")
    assert not dash.msgs.history
    n = sum(len(v) for v in roles.values())
    assert f"共 {n + 1} 份草稿" in dash.summary.value and "无法读取 1 份" in dash.summary.value
    assert "坏文件.json" in dash.table.value and "无法读取" in dash.table.value
    assert bytes(dash.chart.value).startswith(b"\x89PNG")
    dash.sort_key.value = "characters"
    dash.descending.value = True
    rows = [r for r in dash.model.sorted_rows("characters", True) if r.ok]
    shown = _students_in_table(dash.table.value)
    assert shown[: len(rows)] == [r.student for r in rows]
    chars = [r.characters for r in rows]
    assert chars == sorted(chars, reverse=True)
    dash.sort_key.value = "similar"
    top = _students_in_table(dash.table.value)[:4]
    assert "覃春华" in top  # the copy of the worked example is among the flagged


def test_student_view_feedback_and_publish(klass, tmp_path):
    folder, roles = klass
    dash = Dashboard(folder=folder, examples_folder=tmp_path / "examples", author="周老师")
    dash.student.value = roles["near_copy"][0]
    assert "相似度" in dash.similar.value and "pbc-side" in dash.similar.value
    assert "存在的问题和不足" in dash.preview.value
    # the workbook's kit: its findings list (section named) and its stylesheet and messages
    assert "pb-flist" in dash.findings.value and "pb-where" in dash.findings.value
    assert "pbc-table" in dash.root.children[0].value and "pb-app" in dash.root._dom_classes
    # feedback on the second problem
    dash.fb_section.value = "problems"
    dash.fb_item.value = 1
    dash.fb_text.value = "这一条请写清楚时间和数字。"
    dash.fb_save.click()
    assert "批注已保存" in last_message(dash)
    saved = load(folder / roles["near_copy"][0]).comments
    assert [(c.section, c.item, c.text, c.author) for c in saved] == [
        ("problems", 1, "这一条请写清楚时间和数字。", "周老师")
    ]
    assert "这一条请写清楚时间和数字" in dash.comments.value
    # an empty comment is refused, visibly
    dash.fb_save.click()
    assert "批注内容是空的" in last_message(dash)
    # publish: anonymise, review, save
    dash.pub_save.click()
    assert "请先点“匿名化预览”" in last_message(dash)
    dash.pub_prepare.click()
    author = load(folder / roles["near_copy"][0]).meta.author
    assert author in dash.pub_review.value and not dash.pub_save.disabled
    dash.pub_save.click()
    published = list((tmp_path / "examples" / "dangxing-fenxi").glob("*.json"))
    assert len(published) == 1
    data = json.loads(published[0].read_text(encoding="utf-8"))
    assert data["example"] is True and author not in json.dumps(data, ensure_ascii=False)
    assert not data.get("comments")


def test_batch_export_button(klass, tmp_path):
    folder, roles = klass
    dash = Dashboard(folder=folder)
    target = tmp_path / "全班.zip"
    dash.out_path.value = str(target)
    dash.export_button.click()
    n = sum(len(v) for v in roles.values())
    assert dash.progress.value == dash.progress.max == n
    assert f"已导出 {n} 份 .docx" in dash.export_result.value
    assert "data:application/zip;base64," in dash.export_result.value
    with zipfile.ZipFile(target) as zf:
        assert sum(x.endswith(".docx") for x in zf.namelist()) == n
    dash.export_button.click()  # never overwrites
    assert "已存在" in last_message(dash)


def test_refresh_picks_up_new_drafts_and_bad_folder_is_reported(klass, tmp_path):
    folder, roles = klass
    dash = Dashboard(folder=folder)
    before = len(dash.model.rows)
    src = folder / roles["distinct"][0]
    draft = load(src)
    draft.meta.author = "新来的学员"
    from partybook.storage import save

    save(draft, folder / "new.json")
    dash.refresh_button.click()
    assert len(dash.model.rows) == before + 1 and "新来的学员" in dash.table.value
    dash.source.value = str(tmp_path / "没有这个文件夹")
    dash.refresh_button.click()
    assert "找不到班级草稿文件夹" in last_message(dash)


def test_threshold_slider_changes_flags(klass):
    folder, _ = klass
    dash = Dashboard(folder=folder)
    pairs = len(dash.model.report.similar)
    dash.model.thresholds = dash.model.thresholds.__class__(containment=1.0, min_shared=10**6)
    dash.threshold.value = 0.95
    assert len(dash.model.report.similar) < pairs


def test_exercise_rules_from_the_environment(klass, monkeypatch):
    folder, roles = klass
    path = folder / roles["distinct"][4]
    draft = load(path)
    draft.sections["basic"] = [*draft.paragraphs("basic"), "我在工作中思想上有所放松。"]
    from partybook.storage import save

    save(draft, path)
    plain = Dashboard(folder=folder).model.report.row(roles["distinct"][4])
    monkeypatch.setenv("PARTYBOOK_EXERCISE", "dangxing-fenxi-90min")
    dash = Dashboard(folder=folder)
    row = dash.model.report.row(roles["distinct"][4])
    assert row.warnings == plain.warnings + 1
    assert "CLS001" in {f.code for f in row.findings}
    monkeypatch.setenv("PARTYBOOK_EXERCISE", str(folder / "无此练习.yaml"))
    broken = Dashboard(folder=folder)
    assert "找不到练习文件" in last_message(broken) and broken.model.rows  # still shows the class


def test_user_text_is_escaped(klass):
    folder, roles = klass
    path = folder / roles["distinct"][5]
    draft = load(path)
    draft.meta.author = "<img src=x onerror=alert(1)>"
    draft.sections["basic"] = ["<script>alert('basic')</script>" + draft.paragraphs("basic")[0]]
    from partybook.storage import save

    save(draft, path)
    dash = Dashboard(folder=folder)
    dash.student.value = roles["distinct"][5]
    html_out = dash.table.value + dash.preview.value + dash.findings.value
    assert "<img src=x" not in html_out and "<script>alert" not in html_out
    assert "&lt;img src=x onerror=alert(1)&gt;" in dash.table.value


def _categories_column(table: str, student: str) -> str:
    row = next(r for r in table.split("<tr>") if r.startswith(f"<td>{student}</td>"))
    return re.search(r"<td class='pbc-cats'>(.*?)</td>", row).group(1)


def test_categories_chart_column_and_deciding_words_on_demand(klass, tmp_path):
    from partybook.draft import Item
    from partybook.storage import save

    folder, roles = klass
    path = folder / roles["distinct"][1]
    draft = load(path)
    # one problem about discipline, one without any date, number or event
    draft.sections["problems"] = [
        Item(
            heading="遵守政治纪律和政治规矩不够严格。",
            body="2025年3月，我在一次会上随意议论上级的决定。",
        ),
        Item(heading="服务群众不够主动。", body="总是等群众上门，很少主动走访。"),
    ]
    save(draft, path)
    dash = Dashboard(folder=folder, examples_folder=tmp_path / "examples")
    counts = dash.model.category_counts()
    rows = [r for r in dash.model.rows if r.ok]
    assert list(counts) and all(0 <= v <= len(rows) for v in counts.values())
    assert counts["政治纪律和规矩"] == sum("政治纪律和规矩" in r.categories for r in rows) >= 1
    assert bytes(dash.category_chart.value).startswith(b"\x89PNG")
    assert "pbc-category-chart" in dash.category_chart._dom_classes
    for h in ("沿用旧稿", "问题类别", "缺实例"):
        assert f"<th>{h}</th>" in dash.table.value
    student = draft.meta.author
    mine = _categories_column(dash.table.value, student)
    assert "政治纪律和规矩" in mine and "缺纪律" not in mine
    row = dash.model.report.row(roles["distinct"][1])
    assert row.no_example == [2]
    dash.student.value = roles["distinct"][1]
    shown = dash.categories.value
    assert "第 1 条" in shown and "政治纪律和规矩" in shown and "依据" not in shown
    assert shown.count("缺少具体事例") == 1
    dash.show_words.value = True  # the words that decided, on demand
    assert "依据：" in dash.categories.value and "政治纪律" in dash.categories.value
    # a student with no discipline problem is marked in the table and in the detail
    others = [r for r in rows if "纪律" in r.missing_categories]
    assert others and "缺纪律" in _categories_column(dash.table.value, others[0].student)
    dash.student.value = others[0].file
    assert "没有涉及“纪律”方面的问题" in dash.categories.value
    # a comment reloads the row: what was measured on the text stays
    dash.student.value = roles["distinct"][1]
    dash.fb_section.value = "problems"
    dash.fb_text.value = "第二条请补一个具体事例。"
    dash.fb_save.click()
    assert dash.model.report.row(roles["distinct"][1]).no_example == [2]
    assert "政治纪律和规矩" in _categories_column(dash.table.value, student)


def test_carried_over_column_for_a_student_with_last_years_draft(klass, tmp_path):
    from partybook.storage import save

    folder, roles = klass
    current = load(folder / roles["distinct"][2])
    current.meta.date = "2026-11"
    save(current, folder / roles["distinct"][2])
    old = load(folder / roles["distinct"][2])
    old.meta.date = "2025-11"
    old.created = "2025-11-20T10:00:00+08:00"
    (folder / "去年").mkdir()
    save(old, folder / "去年" / "旧稿.json")
    dash = Dashboard(folder=folder, examples_folder=tmp_path / "examples")
    row = dash.model.report.row(roles["distinct"][2])
    assert row.carried_over is not None and row.carried_over > 0.5
    cell = re.search(
        rf"<td>{re.escape(row.student)}</td><td>{re.escape(row.file)}</td>.*?"
        r"<td class='pbc-carried ([^']*)'>([^<]*)</td>",
        dash.table.value,
    )
    assert cell and cell.group(1) == "pbc-bad" and cell.group(2) == f"{row.carried_over:.0%}"
    others = [r for r in dash.model.rows if r.ok and r.student != row.student]
    assert all(r.carried_over is None for r in others)
    assert "pbc-carried pbc-muted" in dash.table.value  # shown as —
    dash.sort_key.value = "carried_over"
    dash.descending.value = True
    assert re.findall(r"<tr><td>([^<]+)</td>", dash.table.value)[0] == row.student
    dash.student.value = row.file
    assert "与本人往年的草稿相同的文字约占" in dash.categories.value
    # the passages beside last year's text, section named
    assert "沿用旧稿" in dash.carried.value and "pb-carried-row" in dash.carried.value
    assert "存在的问题和不足" in dash.carried.value and "2025年" in dash.carried.value
    dash.student.value = others[0].file
    assert dash.carried.value == ""
