"""The quality bar of the issue: worked examples pass, a clean draft passes, a draft built
like a template-site page gets every defect reported once, at the right place."""

from __future__ import annotations

import pytest

from partybook.genre import available_genres, load_genre
from partybook.storage import load

from .conftest import FIXTURES


@pytest.mark.parametrize("genre_id", available_genres())
def test_worked_example_has_no_error_and_no_warning(run, genre_id):
    """Every worked example of every genre raises nothing but hints."""
    g = load_genre(genre_id)
    for example in g.examples:
        found = run(g.example_draft(example.id))
        assert [(example.id, f.code, f.message) for f in found if f.severity != "hint"] == []


def test_example_fixture_has_no_error_and_no_warning(example_draft, run):
    assert [f.code for f in run(example_draft) if f.severity in ("error", "warning")] == []


def test_clean_draft_of_our_own_has_no_finding_at_all(clean, run):
    assert run(clean) == []


def test_template_site_draft_every_defect_once_at_its_place(run):
    draft = load(FIXTURES / "template_site_draft.json")
    found = run(draft)
    opening = "\n".join(draft.sections["opening"])
    basic = draft.sections["basic"][0]
    p0 = draft.sections["problems"][0]
    m1 = draft.sections["measures"][1]
    m2 = draft.sections["measures"][2]
    expected = {
        # a stray title of another document, the first paragraph
        ("PB205", "opening", None, 0),
        # the watermark line
        ("PB202", "opening", None, opening.index("【")),
        # placeholders
        ("PB201", "opening", None, opening.index("XX区委")),
        ("PB201", "basic", None, basic.index("xxxx年xx月")),
        # paywall markers
        ("PB204", "basic", None, 0),
        ("PB204", "measures", 2, len(m2.heading) + 1 + m2.body.index("##paidend##")),
        # an impossible date
        ("PB401", "basic", None, basic.index("2020年13月")),
        # half-width punctuation
        ("PB301", "problems", 0, len(p0.heading) + 1 + p0.body.index(",")),
        # one misspelling
        ("PB505", "measures", 1, m1.heading.index("责任当意识")),
        # three problems, two causes
        ("PB104", "causes", None, 0),
    }
    got = [(f.code, f.section, f.item, f.start) for f in found]
    for defect in expected:
        assert got.count(defect) == 1, defect
    # every code of a defect is reported only where we put one
    for code in {e[0] for e in expected}:
        assert sum(1 for g in got if g[0] == code) == sum(1 for e in expected if e[0] == code), code
    # nothing else is an error (the draft is also too short: warnings only)
    extra = {g for g in got if g not in expected}
    assert {g[0] for g in extra} <= {"PB501", "PB502"}


def test_template_site_draft_findings_are_located_on_the_defect(run):
    draft = load(FIXTURES / "template_site_draft.json")
    texts = {
        "opening": "\n".join(draft.sections["opening"]),
        "basic": "\n".join(draft.sections["basic"]),
    }
    for f in run(draft):
        if f.section in texts and f.end > f.start:
            snippet = texts[f.section][f.start : f.end]
            if f.code == "PB201":
                assert snippet in ("XX", "xxxx年xx月")
            if f.code == "PB204":
                assert snippet == "##paidbegin##"
            if f.code == "PB401":
                assert snippet == "2020年13月"


def test_anonymised_example_draft_not_flagged_for_placeholders(example_draft, run):
    example_draft.example = True
    example_draft.meta.author = "某某"
    example_draft.sections["title"] = "20XX年秋季科级干部任职培训班党性分析"
    example_draft.sections["basic"][0] = (
        "我19XX年出生，20XX年XX月加入中国共产党，先后在某镇、某区某局工作，现任某单位副局长。"
    )
    example_draft.sections["opening"][0] = example_draft.sections["opening"][0].replace(
        "河西区委党校", "某区委党校"
    )
    found = run(example_draft)
    assert [f for f in found if f.code == "PB201"] == []
    # the same text in a personal draft is full of blanks to fill in (某区 alone is not a
    # blank, 某某 and the XX dates are; the 某某 signing it too)
    example_draft.example = False
    basic = example_draft.sections["basic"][0]
    flagged = [
        (f.section, basic[f.start : f.end] if f.section == "basic" else None)
        for f in run(example_draft)
        if f.code == "PB201"
    ]
    assert flagged == [
        ("title", None),
        ("basic", "19XX年"),
        ("basic", "20XX年XX月"),
        ("signoff", None),
    ]


def test_check_is_pure(clean, run):
    before = clean.model_dump()
    clean.sections["problems"][0].body += "学习,工作。。"
    snapshot = clean.model_dump()
    run(clean)
    run(clean)
    assert clean.model_dump() == snapshot != before


def test_check_accepts_genre_id_and_genre_object(clean, run):
    g = load_genre("dangxing-fenxi")
    clean.sections["problems"][0].body += "学习,工作。"
    assert run(clean, genre=g) == run(clean, genre="dangxing-fenxi") == run(clean)


def test_any_unicode_and_huge_text_do_not_break_check_or_fix(clean, run):
    from partybook.checks import fix

    from .conftest import TODAY

    odd = "\x00\x07\u200b\ufeff😀（“《\ud7ff\U0002a6a5 \u3000\r\t" * 50
    clean.sections["opening"] = [odd, "", "  "]
    clean.sections["title"] = "\n\n"
    clean.sections["problems"][0].heading = "\u200b"
    clean.sections["basic"] = ["字" * 300_000 + "，xx。" + "我" * 300_000]
    found = run(clean)
    assert all(f.start <= f.end for f in found)
    assert any(f.code == "PB201" for f in found)  # the blank inside the huge paragraph
    fixed, _ = fix(clean, today=TODAY)
    assert fixed.sections["basic"][0].count("字") == 300_000  # content never dropped
