"""partybook anonymize: reasons printed, --keep / --replace honoured and remembered."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from partybook.cli import main
from partybook.draft import Draft, Meta
from partybook.storage import load, save


def _draft(tmp_path: Path) -> Path:
    draft = Draft(
        meta=Meta(author="程雨岚", unit="云岚市澄溪区委办公室"),
        sections={
            "opening": ["我和宋立群、蒋可欣等同事到枫川县调研，重温了1929年古田会议的历史。"]
        },
    )
    return save(draft, tmp_path / "草稿.json")


def test_each_replacement_is_printed_with_its_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = _draft(tmp_path)
    assert main(["anonymize", str(src), "-o", str(tmp_path / "例.json")]) == 0
    out = capsys.readouterr().out
    assert "opening：宋立群 → 某某（并列的人名）" in out
    assert "opening：枫川县 → 某县（地名（县））" in out
    assert "古田会议" not in out and "1929" not in out  # history is not a replacement
    saved = json.loads((tmp_path / "例.json").read_text(encoding="utf-8"))
    assert saved["sections"]["opening"] == [
        "我和某某、某某等同事到某县调研，重温了1929年古田会议的历史。"
    ]


def test_keep_and_replace_are_applied_and_remembered(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = _draft(tmp_path)
    args = ["anonymize", str(src), "-o", str(tmp_path / "例.json"), "--keep", "枫川县"]
    assert main([*args, "--replace", "调研", "--remember"]) == 0
    out = capsys.readouterr().out
    assert "按审阅决定保留 1 处：枫川县" in out and "opening：调研 → 某某（审阅时指定替换）" in out
    example = load(tmp_path / "例.json")
    assert example.sections["opening"] == [
        "我和某某、某某等同事到枫川县某某，重温了1929年古田会议的历史。"
    ]
    # the decisions are in the draft now: a plain second run uses them
    remembered = json.loads(src.read_text(encoding="utf-8"))["anonymize_decisions"]
    assert remembered == {"keep": ["枫川县"], "replace": ["调研"]}
    assert "anonymize_decisions" not in example.to_dict()
    assert main(["anonymize", str(src), "-o", str(tmp_path / "例2.json")]) == 0
    assert load(tmp_path / "例2.json").sections == example.sections


def test_remember_needs_a_json_draft(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "草稿.txt"
    src.write_text("党性分析\n我在枫川县工作。\n", encoding="utf-8")
    code = main(["anonymize", str(src), "-o", str(tmp_path / "例.json"), "--remember"])
    assert code == 2 and "--remember 只能用于 .json 草稿" in capsys.readouterr().err
