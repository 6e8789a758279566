"""Word comments in an imported .docx land on the section or item of the text they
comment: a section heading, a short numbered item, an item's body, a paragraph of 基本情况,
the title, a lead-in, text the importer removed (the part before it); a comment with
no place is kept and named in a notice. The documents are built with python-docx's
``add_comment`` as an instructor's Word would write them."""

from __future__ import annotations

import io
from collections.abc import Iterable

import docx
import pytest
from docx.oxml.ns import qn

from partybook.importer import import_bytes

TITLE = "进修班学员个人党性分析"
PARAGRAPHS = [
    TITLE,
    "按照进修班的安排，我对照党章和入党誓词逐条查摆，现将个人党性分析报告如下。",
    "一、基本情况",
    "我于二〇一二年入党，在机关从事文字综合工作，进修期间按时上课、认真完成各项作业。",
    "二、存在的问题",
    "（一）理论学习不够系统。平时学习多是跟着任务走，碰到什么学什么，没有形成持续研读原著的习惯，"
    "对新观点新要求的理解还停留在字面上。",
    "第 2 页",
    "（二）服务意识不强。下基层调研的次数偏少，接待来访群众有时不够耐心，答复问题不够细致。",
    "三、原因分析",
    "反思上面这些问题，根子还是出在思想上。",
    "（一）理想信念有所松懈。对自己的要求逐渐放松。",
    "（二）宗旨意识有所淡化。",
    "四、整改措施",
    "（一）加强学习。每周学习两次。",
    "（二）改进作风。每季度下基层不少于三次，建立来访登记台账，件件有回音。",
    "张小禾",
    "2025年6月",
]


def _docx(comments: Iterable[tuple[int, str]], unanchored: Iterable[str] = ()) -> bytes:
    """The document with a comment (by 周老师) on each (paragraph index, text); each of
    ``unanchored`` added on the title, then its range marks removed (no place in the text)."""
    document = docx.Document()
    paragraphs = [document.add_paragraph(text) for text in PARAGRAPHS]
    for index, text in comments:
        document.add_comment(paragraphs[index].runs, text, author="周老师", initials="周")
    for text in unanchored:
        c = document.add_comment(paragraphs[0].runs, text, author="周老师", initials="周")
        cid = str(c.comment_id)
        for tag in ("w:commentRangeStart", "w:commentRangeEnd", "w:commentReference"):
            for el in list(document.element.body.iter(qn(tag))):
                if el.get(qn("w:id")) == cid:
                    parent = el.getparent()
                    if tag == "w:commentReference":
                        el = parent  # the run holding the reference
                        parent = el.getparent()
                    parent.remove(el)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _places(data: bytes) -> dict[str, tuple[str, int | None]]:
    result = import_bytes(data, "学员稿.docx")
    return {c.text: (c.section, c.item) for c in result.draft.comments}


CASES = [
    (0, "标题可以再具体些。", ("title", None)),
    (1, "开头简洁。", ("opening", None)),
    (3, "基本情况写得实在。", ("basic", None)),
    (4, "这一部分太单薄。", ("problems", None)),
    (5, "要写具体事例。", ("problems", 0)),
    (7, "服务意识写得好。", ("problems", 1)),
    (8, "原因分析要深挖。", ("causes", None)),
    (9, "引言可以删去。", ("causes_lead", None)),
    (11, "这一条太短。", ("causes", 1)),
    (12, "措施部分要有时限。", ("measures", None)),
    (13, "每周两次太笼统。", ("measures", 0)),
    (14, "台账要写清谁来管。", ("measures", 1)),
    (15, "署名后加单位。", ("signoff", None)),
]


@pytest.mark.parametrize(("index", "text", "place"), CASES, ids=[c[1] for c in CASES])
def test_a_comment_lands_on_the_section_or_item_it_comments(
    index: int, text: str, place: tuple[str, int | None]
) -> None:
    assert _places(_docx([(index, text)]))[text] == place


def test_every_comment_of_one_document_in_place() -> None:
    data = _docx([(i, t) for i, t, _ in CASES])
    assert _places(data) == {t: p for _, t, p in CASES}


def test_a_comment_on_removed_text_goes_to_the_part_before_it_with_a_notice() -> None:
    result = import_bytes(_docx([(6, "页码不用管。")]), "学员稿.docx")
    assert "第 2 页" not in result.draft.text_of("problems")  # removed as a page number
    [comment] = result.draft.comments
    assert (comment.section, comment.item) == ("problems", None)
    assert any("页码不用管" in n and "存在的问题和不足" in n for n in result.notices)


def test_a_comment_with_no_place_is_kept_and_named_in_a_notice() -> None:
    result = import_bytes(_docx([(5, "要写具体事例。")], ["整篇再压缩一些。"]), "学员稿.docx")
    by_text = {c.text: c for c in result.draft.comments}
    assert (by_text["要写具体事例。"].section, by_text["要写具体事例。"].item) == ("problems", 0)
    assert "整篇再压缩一些。" in by_text  # kept
    notice = next(n for n in result.notices if "整篇再压缩一些" in n)
    assert "找不到所批的正文" in notice and "周老师" in notice
    assert not any("要写具体事例" in n for n in result.notices)


def test_a_range_over_two_items_is_a_comment_on_their_section() -> None:
    document = docx.Document()
    paragraphs = [document.add_paragraph(text) for text in PARAGRAPHS]
    document.add_comment(
        [paragraphs[13].runs[0], paragraphs[14].runs[0]], "两条都要细化。", author="周老师"
    )
    out = io.BytesIO()
    document.save(out)
    assert _places(out.getvalue())["两条都要细化。"] == ("measures", None)


def test_headings_worded_freely_and_points_numbered_yi_shi() -> None:
    """“根源剖析” is read as 问题和原因分析 by the importer (its vocabulary): a comment on it
    goes there too; “一是……” points are found without their number."""
    texts = [
        TITLE,
        "存在的问题",
        "一是学习不深入。读书看报多停留在浏览标题。",
        "二是作风不扎实。下基层次数偏少。",
        "根源剖析",
        "一是理想信念有所弱化。",
        "二是宗旨意识有所淡化。",
        "今后努力方向",
        "一是加强学习。",
        "二是改进作风。",
        "张小禾",
        "2025年6月",
    ]
    document = docx.Document()
    paragraphs = [document.add_paragraph(text) for text in texts]
    wanted = {7: ("努力方向太简单。", ("measures", None)), 2: ("举个例子。", ("problems", 0))}
    wanted |= {9: ("这条要具体。", ("measures", 1)), 3: ("展开写。", ("problems", 1))}
    wanted |= {4: ("根源要挖深。", ("causes", None))}
    for index, (text, _) in wanted.items():
        document.add_comment(paragraphs[index].runs, text, author="周老师")
    out = io.BytesIO()
    document.save(out)
    assert _places(out.getvalue()) == dict(wanted.values())


def test_traditional_characters_made_simplified_still_find_their_items() -> None:
    texts = [
        "學員個人黨性分析",
        "一、存在的問題",
        "（一）學習不夠深入。對理論學習滿足於一般性了解，沒有學深悟透，聯繫實際不夠緊密。",
        "（二）作風不夠紮實。",
        "二、原因分析",
        "（一）理想信念有所弱化。",
        "三、整改措施",
        "（一）加強學習。每週學習兩次。",
    ]
    document = docx.Document()
    paragraphs = [document.add_paragraph(text) for text in texts]
    wanted = {1: ("problems", None), 2: ("problems", 0), 3: ("problems", 1), 7: ("measures", 0)}
    for index in wanted:
        document.add_comment(paragraphs[index].runs, f"意见{index}", author="周老师")
    out = io.BytesIO()
    document.save(out)
    result = import_bytes(out.getvalue(), "學員稿.docx")
    assert result.draft.items("problems")[0].heading == "学习不够深入。"  # made simplified
    got = {c.text: (c.section, c.item) for c in result.draft.comments}
    assert got == {f"意见{i}": place for i, place in wanted.items()}
