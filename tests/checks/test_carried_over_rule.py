"""PB650 as a rule of the table: catalogued with the others (texts, docs), raised by
``carryover.findings`` when the author's earlier drafts are given."""

from __future__ import annotations

from partybook.carryover import Earlier, findings
from partybook.checks import rules
from partybook.checks.table import EXTERNAL_CODES, implemented_codes
from partybook.draft import Item, new_draft

LAST_YEAR = (
    "落实整改不够及时。去年群众反映村道路灯坏了半个月没人修，我当时只转给了施工单位，"
    "没有跟踪到底，直到第三次接到电话才去现场查看，说明我对群众的急难愁盼还不够上心。"
)
REWRITTEN = (
    "跟踪群众诉求不到底。今年3月到9月接到的46件诉求，有5件我转办后没有再过问，"
    "其中两件拖过了承诺的办结时限，根子在于我把转办当成了办结。"
)


def _draft(genre, date: str, body: str):
    d = new_draft(genre, author="钟予安", date=date)
    d.sections["problems"] = [Item(heading="服务群众不到位。", body=body)]
    return d


def test_PB650_is_catalogued_and_raised_at_the_carried_passage(genre):
    assert "PB650" in rules() and "PB650" in EXTERNAL_CODES and "PB650" in implemented_codes()
    assert rules()["PB650"].severity == "warning"
    old = _draft(genre, "2025-01", LAST_YEAR)
    new = _draft(genre, "2026-01", LAST_YEAR)
    found = findings(new, [Earlier(old, 2025, "2025.json")])
    assert [(f.code, f.section, f.item) for f in found] == [("PB650", "problems", 0)]
    assert "2025年" in found[0].message and "落实整改不够及时" in found[0].message


def test_PB650_not_flagged_when_the_problem_is_written_afresh(genre):
    old = _draft(genre, "2025-01", LAST_YEAR)
    new = _draft(genre, "2026-01", REWRITTEN)
    assert findings(new, [Earlier(old, 2025, "2025.json")]) == []
