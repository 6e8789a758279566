"""partybook class-report and class-export as a user runs them."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile

from partybook.cli import main

CLI = [sys.executable, "-m", "partybook"]


def test_class_report_json(klass, capsys):
    folder, roles = klass
    assert main(["class-report", str(folder), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    files = {r["file"] for r in data["rows"]}
    assert files == {f for names in roles.values() for f in names}
    for r in data["rows"]:
        assert r["author"] and r["sections_done"] == 6 and isinstance(r["errors"], int)
    pairs = {frozenset((p["a"], p["b"])): p for p in data["similar"]}
    key = frozenset((roles["distinct"][0], roles["near_copy"][1]))
    assert key in pairs
    assert pairs[key]["similarity"] > 0.5 and pairs[key]["passages"][0]["text_a"]
    assert frozenset(("example_copy.json", "范文：党性分析")) in pairs


def test_class_report_threshold_and_text(klass, capsys):
    folder, roles = klass
    assert (
        main(
            [
                "class-report",
                str(folder),
                "--threshold",
                "0.99",
                "--containment",
                "0.99",
                "--min-shared",
                "100000",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "学员" in out and "钟晓岚" in out
    assert "相似：example_copy.json" in out
    assert (
        f"相似：{roles['near_copy'][0]}" not in out and "copy0.json（钟晓岚）与 student" not in out
    )


def test_class_report_bad_input_exits_2(tmp_path):
    missing = subprocess.run(
        [*CLI, "class-report", str(tmp_path / "无")], capture_output=True, text=True
    )
    assert missing.returncode == 2 and "找不到班级草稿文件夹" in missing.stderr
    assert "Traceback" not in missing.stderr
    bad = subprocess.run(
        [*CLI, "class-report", str(tmp_path), "--threshold", "7"], capture_output=True, text=True
    )
    assert bad.returncode == 2 and "--threshold" in bad.stderr


def test_class_export_zip(klass, tmp_path):
    folder, roles = klass
    out = tmp_path / "班级.zip"
    proc = subprocess.run(
        [*CLI, "class-export", str(folder), "-o", str(out), "--no-pdf"],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    assert "已导出 11 份 .docx" in proc.stdout
    assert "11/11" in proc.stderr  # the progress bar
    with zipfile.ZipFile(out) as zf:
        assert sum(n.endswith(".docx") for n in zf.namelist()) == 11
    again = subprocess.run(
        [*CLI, "class-export", str(folder), "-o", str(out)], capture_output=True, text=True
    )
    assert again.returncode == 2 and "已存在" in again.stderr


def test_model_modules_do_not_load_widgets():
    """The classroom model is usable from scripts and the CLI without ipywidgets or pyplot."""
    code = (
        "import sys\n"
        "import partybook.classroom.model, partybook.classroom.report, partybook.classroom.batch\n"
        "import partybook.classroom.publish, partybook.classroom.feedback, partybook.cli.cmd_class_report\n"
        "print(sorted(m for m in ('ipywidgets', 'matplotlib.pyplot', 'IPython') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_class_export_of_an_empty_folder_says_so_and_writes_nothing(tmp_path, capsys):
    empty = tmp_path / "班级"
    empty.mkdir()
    out = tmp_path / "返还.zip"
    assert main(["class-export", str(empty), "-o", str(out), "--no-pdf", "--quiet"]) == 2
    err = capsys.readouterr().err
    assert "没有找到学员的草稿或文档" in err and not out.exists()
