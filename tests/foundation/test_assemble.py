from __future__ import annotations

from hypothesis import given, settings
from support.strategies import cjk_text, drafts

from partybook.assembly import assemble, assemble_markdown, blocks, md_escape
from partybook.draft import Draft, Item, Meta, conform, new_draft
from partybook.genre import load_genre
from partybook.numbering import cn_number

GENRE = load_genre("dangxing-fenxi")
GROUPED = load_genre("duizhao-jiancha")


def _design_draft() -> Draft:
    d = Draft(
        genre="dangxing-fenxi",
        meta=Meta(author="李四", unit="某县农业农村局", date="2021-10-08"),
        sections={
            "title": "科级干部任职培训班党性分析",
            "opening": ["开头段。"],
            "basic": ["基本一。", "基本二。"],
            "problems": [
                Item(heading="调查研究不够深入。", body="问题正文。"),
                Item(heading="创新意识不强", body="没有句号的标题另起一段。"),
            ],
            "causes": [
                Item(heading="原因一。", body="原因正文。"),
                Item(heading="原因二。", body="正文。"),
            ],
            "measures": [
                Item(heading="增强担当意识，做攻坚克难的“排头兵”。", body="措施正文。"),
                Item(heading="改进作风。", body="第一段。\n第二段。"),
            ],
        },
    )
    return conform(d, GENRE)


def test_design_shape_assembles_in_order_with_numbering_once():
    text = assemble(_design_draft())
    lines = text.splitlines()
    assert lines[0] == "科级干部任职培训班党性分析"
    assert lines[1] == ""
    assert lines[2] == "开头段。"
    order = ["一、基本情况", "二、存在的问题和不足", "三、问题和原因分析", "四、整改措施"]
    positions = [lines.index(h) for h in order]
    assert positions == sorted(positions)
    assert "（一）调查研究不够深入。问题正文。" in lines
    assert "（二）创新意识不强" in lines and "没有句号的标题另起一段。" in lines
    assert "一是增强担当意识，做攻坚克难的“排头兵”。措施正文。" in lines
    assert "二是改进作风。第一段。" in lines and "第二段。" in lines
    for label in ("（一）", "一是", "一、"):
        assert text.count(label) == (2 if label == "（一）" else 1)
    assert lines[-3:] == ["某县农业农村局", "李四", "2021年10月8日"]
    assert lines[-4] == ""


def test_numbers_skip_empty_items():
    d = _design_draft()
    d.sections["problems"].insert(0, Item())
    text = assemble(d)
    assert "（一）调查研究不够深入。" in text and "（三）" not in text.split("三、")[0]


def test_grouped_items_print_groups_and_points():
    d = GROUPED.example_draft()
    group = d.items("problems")[0]
    first, second = group.items[:2]
    lines = assemble(d).splitlines()
    i = lines.index(f"（一）{group.heading}{group.body}")
    assert lines[i + 1].startswith(f"一是{first.heading}{first.body.splitlines()[0]}")
    assert lines[i + 2].startswith(f"二是{second.heading}{second.body.splitlines()[0]}")
    kinds = {(b.number, b.level) for b in blocks(d) if b.number}
    assert ("（一）", 2) in kinds and ("一是", 3) in kinds and ("一、", 1) in kinds


def test_empty_draft_still_shows_the_headings():
    text = assemble(new_draft(GENRE))
    assert text.splitlines() == [
        "一、基本情况",
        "二、存在的问题和不足",
        "三、问题和原因分析",
        "四、整改措施",
    ]


def test_empty_optional_section_is_not_printed_and_takes_no_number():
    optional = [s for s in GROUPED.sections if not s.required and s.heading]
    assert optional  # 上年度整改落实情况, 对批评意见的认领
    d = GROUPED.example_draft()
    full = [b.plain for b in blocks(d) if b.role == "heading"]
    assert full == [GROUPED.section_label(s) for s in GROUPED.sections if s.heading]
    for spec in optional:
        d.sections[spec.id] = []
    printed = [b.plain for b in blocks(d) if b.role == "heading"]
    kept = [s.heading for s in GROUPED.sections if s.heading and s.required]
    assert printed == [f"{cn_number(n)}、{h}" for n, h in enumerate(kept, 1)]
    assert not any(b.section in {s.id for s in optional} for b in blocks(d))


def test_markdown_shape_and_escaping():
    d = _design_draft()
    d.sections["basic"] = ["# 不是标题 *也不是强调* <b>x</b>"]
    md = assemble_markdown(d)
    assert md.startswith("# 科级干部任职培训班党性分析\n\n")
    assert "## 一、基本情况" in md
    assert "**（一）调查研究不够深入。**问题正文。" in md
    assert "\\# 不是标题 \\*也不是强调\\* \\<b\\>x\\</b\\>" in md
    assert md_escape("1. 不是列表") == "1\\. 不是列表"


def _all_user_text(d: Draft) -> list[str]:
    out = [" ".join(d.text_of("title").split())]
    for sid in ("opening", "basic"):
        out += [p.strip() for para in d.paragraphs(sid) for p in para.split("\n")]
    for sid in ("problems", "causes", "measures"):
        for it in d.items(sid):
            out.append(it.heading.strip())
            out += [p.strip() for p in it.body.split("\n")]
    return [t for t in out if t]


@settings(max_examples=80, deadline=None)
@given(draft=drafts(GENRE, text=cjk_text))
def test_assemble_never_loses_a_heading_or_body(draft):
    text = assemble(draft)
    for piece in _all_user_text(draft):
        assert piece in text
    for d in (assemble_markdown(draft),):
        assert d.endswith("\n") or d == ""


@settings(max_examples=40, deadline=None)
@given(draft=drafts(GROUPED, text=cjk_text))
def test_grouped_assembly_never_loses_a_point(draft):
    text = assemble(draft)
    for group in draft.items("problems"):
        for point in group.items or []:
            for piece in (point.heading.strip(), point.body.strip()):
                for line in piece.split("\n"):
                    assert line.strip() in text
