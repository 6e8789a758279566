"""The registry: every code has its texts, its implementation, its tests and its docs."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from partybook.checks import Finding, rules
from partybook.checks.docs import render
from partybook.checks.table import implemented_codes

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent


def test_every_catalogue_code_is_implemented_and_every_implementation_documented():
    assert set(rules()) == implemented_codes()
    for r in rules().values():
        assert re.fullmatch(r"PB[1-6]\d\d", r.code)
        assert r.severity in ("error", "warning", "hint")
        assert r.message and r.what and r.why and r.example, r.code
        assert r.family in (
            "structure",
            "leftovers",
            "typography",
            "consistency",
            "style",
            "substance",
        )
    assert len(rules()) >= 30


def test_every_code_has_a_positive_and_a_negative_test_named_by_it():
    names = re.findall(
        r"^def (test_\w+)", "\n".join(p.read_text("utf-8") for p in HERE.glob("test_*.py")), re.M
    )
    negative = re.compile(r"not_flagged|_not_|unchanged")
    for code in [*rules(), "PHR001", "PHR002"]:
        mine = [n for n in names if n.startswith(f"test_{code}_")]
        assert any(not negative.search(n) for n in mine), f"{code}: no positive test"
        assert any(negative.search(n) for n in mine), f"{code}: no negative test"


def test_docs_rules_md_is_up_to_date():
    assert (ROOT / "docs" / "RULES.md").read_text("utf-8") == render()


def test_docs_module_runs_as_a_script():
    out = subprocess.run(
        [sys.executable, "-m", "partybook.checks.docs"], capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0 and "### PB505" in out.stdout and "PHR001" in out.stdout


def test_finding_json_shape_and_location():
    f = Finding("PB201", "error", "消息", "problems", 2, 5, 9, "body", None, 3)
    assert f.to_dict() == {
        "code": "PB201",
        "severity": "error",
        "message": "消息",
        "section": "problems",
        "item": 2,
        "start": 5,
        "end": 9,
    }
    assert f.location == "problems:2:5"
    assert Finding("PB101", "error", "m", "basic").location == "basic:-:0"


def test_importing_partybook_does_not_load_the_checks():
    code = "import sys, partybook; print('partybook.checks' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "False"


def test_public_api_check_is_the_catalogue(clean):
    import partybook

    assert partybook.check(clean) == []
    assert partybook.Finding is Finding
