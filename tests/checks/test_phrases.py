"""Instructor phrase rules (PHRxxx): the default file and files given by an instructor."""

from __future__ import annotations

import pytest

from partybook.checks import load_phrase_rules
from partybook.errors import InputError

RULES = """\
rules:
  - severity: warning
    message: 本班不提倡“{text}”这种说法。
    phrases: [新时代新征程, 不忘初心]
  - code: CLS007
    severity: error
    sections: [causes]
    phrases: [客观条件]
    fix: 主观认识
"""


@pytest.fixture
def rules_file(tmp_path):
    p = tmp_path / "class.yaml"
    p.write_text(RULES, encoding="utf-8")
    return p


def test_PHR001_default_stock_phrase_flagged(clean, only):
    item = clean.sections["problems"][0]
    item.body += "理论水平有待进一步提高。"
    found = only(clean, "PHR001")
    s = len(item.heading) + 1 + item.body.index("有待进一步提高")
    assert [(f.section, f.item, f.start, f.end, f.severity) for f in found] == [
        ("problems", 0, s, s + 7, "hint")
    ]
    assert "有待进一步提高" in found[0].message


def test_PHR001_clean_draft_not_flagged(clean, only):
    assert only(clean, "PHR001") == []


def test_PHR002_excuse_in_causes_flagged_only_there(clean, only):
    clean.sections["causes"][0].body += "加上工作忙，学习时间少。"
    clean.sections["problems"][0].body += "那段时间工作忙。"
    found = only(clean, "PHR002")
    assert [(f.section, f.item) for f in found] == [("causes", 0)]


def test_PHR002_subjective_causes_not_flagged(clean, only):
    assert only(clean, "PHR002") == []


def test_instructor_rules_file_adds_codes_beside_builtins(clean, run, rules_file):
    rules = load_phrase_rules(rules_file)
    assert [r.code for r in rules] == ["PHR001", "CLS007"]
    clean.sections["opening"][0] += "迈上新时代新征程。"
    clean.sections["causes"][1].body += "也有客观条件的影响。"
    found = run(clean, extra_rules=rules)
    mine = [(f.code, f.severity, f.section, f.fix) for f in found if f.code in ("PHR001", "CLS007")]
    assert mine == [
        ("PHR001", "warning", "opening", None),
        ("CLS007", "error", "causes", "主观认识"),
    ]
    assert "本班不提倡“新时代新征程”" in next(f.message for f in found if f.code == "PHR001")


def test_instructor_rules_file_not_given_adds_nothing(clean, run):
    clean.sections["opening"][0] += "迈上新时代新征程。"
    assert [f for f in run(clean) if f.code == "CLS007"] == []


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("rules: [", "YAML"),
        ("- a\n- b\n", "rules"),
        ("rules:\n  - phrases: []\n", "phrases"),
        ("rules:\n  - phrases: [x]\n    severity: fatal\n", "severity"),
        ("rules:\n  - phrases: [x]\n    code: bad\n", "code"),
        ("rules:\n  - phrases: [x]\n    colour: red\n", "colour"),
    ],
)
def test_bad_rules_file_gives_chinese_error(tmp_path, text, words):
    p = tmp_path / "bad.yaml"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_phrase_rules(p)
    assert words in str(err.value) and "bad.yaml" in str(err.value)


def test_missing_rules_file_gives_chinese_error(tmp_path):
    with pytest.raises(InputError, match="找不到规则文件"):
        load_phrase_rules(tmp_path / "none.yaml")
