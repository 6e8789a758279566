"""partybook check / partybook fix: exit codes, text and JSON output, --rules, fixes."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from partybook.cli import main
from partybook.storage import load

from .conftest import FIXTURES

LINE = re.compile(r"^([a-z_]+):(-|\d+):(\d+) ((?:PB|PHR)\d{3}) (.+)$")


@pytest.fixture
def site_json(tmp_path) -> Path:
    p = tmp_path / "site.json"
    shutil.copy(FIXTURES / "template_site_draft.json", p)
    return p


@pytest.fixture
def clean_json(tmp_path) -> Path:
    p = tmp_path / "clean.json"
    shutil.copy(FIXTURES / "clean_draft.json", p)
    return p


def test_check_clean_draft_exits_0(clean_json, capsys):
    assert main(["check", str(clean_json)]) == 0
    assert "没有发现问题" in capsys.readouterr().out


def test_check_draft_with_errors_exits_1_and_prints_lint_lines(site_json, capsys):
    assert main(["check", str(site_json)]) == 1
    lines = capsys.readouterr().out.strip().splitlines()
    findings = [LINE.match(x) for x in lines[:-1]]
    assert all(findings), [x for x in lines if not LINE.match(x)]
    assert "basic:-:45 PB401 日期“2020年13月”不存在，请核对。" in lines
    assert any(x.startswith("measures:1:2 PB505 ") for x in lines)
    assert lines[-1].startswith("共 ") and "错误 8" in lines[-1]


def test_check_json_is_exactly_the_design_shape(site_json, capsys):
    assert main(["check", str(site_json), "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"file", "findings"} and data["file"] == str(site_json)
    keys = {"code", "severity", "message", "section", "item", "start", "end"}
    assert all(set(f) == keys for f in data["findings"])
    assert {
        k: v
        for k, v in next(f for f in data["findings"] if f["code"] == "PB505").items()
        if k != "message"
    } == {
        "code": "PB505",
        "severity": "warning",
        "section": "measures",
        "item": 1,
        "start": 2,
        "end": 7,
    }
    assert all(f["item"] is None for f in data["findings"] if f["section"] in ("opening", "basic"))


def test_check_warnings_only_exits_0(clean_json, capsys):
    d = load(clean_json)
    d.sections["opening"] = ["我参加了培训，请组织批评指正。"]
    from partybook.storage import save

    save(d, clean_json)
    assert main(["check", str(clean_json), "--format", "json"]) == 0
    assert [f["code"] for f in json.loads(capsys.readouterr().out)["findings"]] == ["PB501"]


def test_check_raw_text_reports_what_the_importer_removes(capsys):
    path = FIXTURES / "template_site.txt"
    assert main(["check", str(path), "--format", "json"]) == 1
    codes = [f["code"] for f in json.loads(capsys.readouterr().out)["findings"]]
    # junk the importer removed: navigation, stray title, watermark, paywall markers, page number
    for code in ("PB206", "PB205", "PB202", "PB204", "PB207"):
        assert code in codes, code
    assert codes.count("PB204") == 2
    # and what stays in the draft: placeholder, half-width comma, misspelling, 2 problems…
    for code in ("PB201", "PB505"):
        assert code in codes, code


def test_check_raw_text_text_output_names_the_line(capsys):
    assert main(["check", str(FIXTURES / "template_site.txt")]) == 1
    out = capsys.readouterr().out
    assert "原文第 3 行" in out and "工作总结" in out


def test_check_with_rules_file(clean_json, tmp_path, capsys):
    rules = tmp_path / "class.yaml"
    rules.write_text(
        "rules:\n  - code: CLS001\n    severity: error\n    phrases: [食品安全]\n", encoding="utf-8"
    )
    assert main(["check", str(clean_json), "--rules", str(rules)]) == 1
    out = capsys.readouterr().out
    assert " CLS001 " in out


def test_check_bad_rules_file_exits_2(clean_json, tmp_path, capsys):
    rules = tmp_path / "class.yaml"
    rules.write_text("rules: [", encoding="utf-8")
    assert main(["check", str(clean_json), "--rules", str(rules)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("错误：") and "class.yaml" in err and "Traceback" not in err


@pytest.mark.parametrize("name", ["missing.json", "notes.pdf"])
def test_check_unreadable_input_exits_2(tmp_path, capsys, name):
    assert main(["check", str(tmp_path / name)]) == 2
    assert capsys.readouterr().err.startswith("错误：")


def test_check_corrupt_json_exits_2(tmp_path, capsys):
    p = tmp_path / "bad.json"
    p.write_text("{not json", encoding="utf-8")
    assert main(["check", str(p)]) == 2
    assert "bad.json" in capsys.readouterr().err


def test_check_bad_usage_exits_2(capsys):
    with pytest.raises(SystemExit) as err:
        main(["check", "x.json", "--format", "xml"])
    assert err.value.code == 2


def test_fix_prints_before_after_and_touches_nothing_else(site_json, tmp_path, capsys):
    out = tmp_path / "fixed.json"
    original = site_json.read_bytes()
    assert main(["fix", str(site_json), "-o", str(out)]) == 0
    printed = capsys.readouterr().out.strip().splitlines()
    assert site_json.read_bytes() == original  # the input is not touched
    changes = [x for x in printed if " → " in x]
    assert len(changes) == 6
    assert any(
        x.startswith("measures:1 PB505 ") and "责任当意识" in x and "责任担当意识" in x
        for x in changes
    )
    assert any(x.startswith("opening:- PB202 ") for x in changes)
    fixed, before = load(out), load(site_json)
    assert fixed.meta == before.meta and fixed.unplaced == before.unplaced
    assert fixed.sections["causes"] == before.sections["causes"]  # nothing to fix there
    assert fixed.sections["basic"][0] == before.sections["basic"][0].removeprefix("##paidbegin##")


def test_fix_refuses_to_overwrite(site_json, tmp_path, capsys):
    out = tmp_path / "fixed.json"
    out.write_text("{}", encoding="utf-8")
    assert main(["fix", str(site_json), "-o", str(out)]) == 2
    assert "--force" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "{}"


def test_fix_output_must_be_json(site_json, tmp_path, capsys):
    assert main(["fix", str(site_json), "-o", str(tmp_path / "x.docx")]) == 2
    assert ".json" in capsys.readouterr().err


def test_check_as_a_process_exit_codes(site_json, clean_json):
    exe = [sys.executable, "-m", "partybook"]
    bad = subprocess.run(
        [*exe, "check", str(site_json)], capture_output=True, text=True, timeout=60
    )
    ok = subprocess.run(
        [*exe, "check", str(clean_json)], capture_output=True, text=True, timeout=60
    )
    assert (bad.returncode, ok.returncode) == (1, 0)
    assert "PB401" in bad.stdout


def _result(*removed):
    from partybook.draft import Draft
    from partybook.importer import ImportResult, Removal

    return ImportResult(Draft(), [Removal(*r) for r in removed])


def test_PB208_other_importer_removal_reported():
    from partybook.cli._report import removal_findings

    found = removal_findings(
        _result(("处级干部进修班党性分析", "duplicate_title", 2, "opening")).removed
    )
    assert [(f.code, f.section, f.severity) for f in found] == [("PB208", "opening", "hint")]
    assert "第 2 行" in found[0].message and "处级干部进修班党性分析" in found[0].message


def test_PB208_leftover_kinds_not_reported_as_PB208():
    from partybook.cli._report import removal_findings

    found = removal_findings(
        _result(("##paidend##", "marker", 9, "signoff"), ("— 1 —", "furniture", 5, "")).removed
    )
    assert [(f.code, f.section) for f in found] == [("PB204", "signoff"), ("PB207", "document")]


def test_fix_of_a_text_document_reports_the_importer_removals(tmp_path, capsys):
    out = tmp_path / "fixed.json"
    assert main(["fix", str(FIXTURES / "template_site.txt"), "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "PB206" in printed and "PB204" in printed and "原文第 3 行" in printed
    assert "document:- PB206 原文第 1 行：首页 > 公文范文 > 党性分析 → （删除）" in printed
    assert "PB505" in printed and "责任担当意识" in printed
    fixed = load(out)
    assert "##paid" not in json.dumps(fixed.to_dict(), ensure_ascii=False)


def test_check_docx_goes_through_the_importer(tmp_path, capsys):
    from docx import Document

    doc = Document()
    doc.add_paragraph("2023年秋季科级干部进修班党性分析")
    doc.add_paragraph("按照组织安排，我参加了培训。【更多公文素材，微信：abc123】")
    doc.add_paragraph("一、基本情况")
    doc.add_paragraph("我xxxx年xx月加入中国共产党。")
    path = tmp_path / "旧稿.docx"
    doc.save(str(path))
    assert main(["check", str(path), "--format", "json"]) == 1
    codes = [f["code"] for f in json.loads(capsys.readouterr().out)["findings"]]
    assert "PB202" in codes and "PB201" in codes
