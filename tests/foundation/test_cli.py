from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from partybook.cli import main
from partybook.storage import load, save

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    exe = Path(sys.executable).with_name("partybook")
    return subprocess.run([str(exe), *args], cwd=cwd, capture_output=True, text=True, timeout=60)


def test_new_then_export_md_as_a_user_would(tmp_path):
    r = run("new", "-o", "d.json", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "已新建党性分析草稿" in r.stdout
    r = run("export", "d.json", "--to", "md", "-o", "d.md", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "## 一、基本情况" in (tmp_path / "d.md").read_text(encoding="utf-8")


def test_help_lists_commands_in_chinese(tmp_path):
    r = run("--help", cwd=tmp_path)
    assert r.returncode == 0
    assert "new" in r.stdout and "export" in r.stdout and "新建" in r.stdout


def test_no_command_is_usage_error(capsys):
    assert main([]) == 2


def test_bad_usage_exits_2_with_chinese_message(capsys):
    with pytest.raises(SystemExit) as err:
        main(["new"])
    assert err.value.code == 2
    assert "缺少必填参数" in capsys.readouterr().err


def test_refuses_to_overwrite_without_force(tmp_path, capsys):
    out = tmp_path / "d.json"
    out.write_text("keep me", encoding="utf-8")
    assert main(["new", "-o", str(out)]) == 2
    assert "已存在" in capsys.readouterr().err and "--force" in capsys.readouterr().err + "--force"
    assert out.read_text(encoding="utf-8") == "keep me"
    assert main(["new", "-o", str(out), "--force", "--genre", "duizhao-jiancha"]) == 0
    assert load(out).genre == "duizhao-jiancha"


def test_export_refuses_overwrite_and_reports_bad_input(tmp_path, example_draft, capsys):
    src = tmp_path / "d.json"
    save(example_draft, src)
    (tmp_path / "x.txt").write_text("old", encoding="utf-8")
    assert main(["export", str(src), "--to", "txt", "-o", str(tmp_path / "x.txt")]) == 2
    assert (tmp_path / "x.txt").read_text(encoding="utf-8") == "old"
    assert main(["export", str(src), "--to", "txt", "-o", str(tmp_path / "x.txt"), "--force"]) == 0
    assert (
        (tmp_path / "x.txt").read_text(encoding="utf-8").startswith(example_draft.sections["title"])
    )
    broken = tmp_path / "broken.json"
    broken.write_text('{"schema": 1, "genre"', encoding="utf-8")
    capsys.readouterr()
    assert main(["export", str(broken), "--to", "md", "-o", str(tmp_path / "b.md")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("错误：") and "Traceback" not in err
    assert not (tmp_path / "b.md").exists()


def test_unknown_genre_is_exit_2(tmp_path, capsys):
    assert main(["new", "--genre", "nope", "-o", str(tmp_path / "d.json")]) == 2
    assert "没有名为 nope 的文体" in capsys.readouterr().err
    assert not (tmp_path / "d.json").exists()


def test_new_draft_file_is_valid_json_of_the_genre(tmp_path):
    assert main(["new", "-o", str(tmp_path / "d.json"), "--author", "王五"]) == 0
    data = json.loads((tmp_path / "d.json").read_text(encoding="utf-8"))
    assert data["meta"]["author"] == "王五" and data["genre"] == "dangxing-fenxi"


def test_import_partybook_is_light():
    code = "import sys, partybook; bad = [m for m in ('pydantic', 'docx', 'ipywidgets', 'yaml') if m in sys.modules]; print(bad)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env={**os.environ}, check=True
    )
    assert out.stdout.strip() == "[]"
