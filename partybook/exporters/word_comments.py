"""Instructor feedback (and optionally the checks' findings) as real Word comments.

A draft's ``comments`` are attached to a section, or to one item of it. In the .docx each
becomes a ``w:comment`` in ``word/comments.xml`` whose range covers the paragraphs printed
for that item (or the whole section, heading included), with the comment's author and
date, so Word, WPS and LibreOffice show it in the margin beside the passage it is about.
A comment on a section's lead-in (``<id>_lead``) covers the paragraphs printed above its
items. A comment whose section printed nothing (left empty) is anchored to the title, its
text prefixed with the section's name, so no feedback is dropped.

:func:`attach` is the only entry point the exporter needs: it marks the paragraphs and
returns the extra package part.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..assembly import Block
from ..draft import Draft
from ..genre import LEAD_SUFFIX, Genre
from . import ooxml, ooxml_package
from ._clean import clean_text

COMMENTS_PART = "word/comments.xml"
COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
FINDINGS_AUTHOR = "partybook 自动检查"
# xsd:dateTime as Word writes it; anything else (a hand-edited draft) is left out
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?")


@dataclass(frozen=True, slots=True)
class WordComment:
    section: str
    item: int | None
    text: str
    author: str = ""
    date: str = ""


def initials(author: str) -> str:
    """Word shows initials in the margin: a Chinese name's surname, a Latin name's capitals."""
    name = author.strip()
    if not name:
        return ""
    if name.isascii():
        caps = "".join(w[0].upper() for w in name.split() if w)
        return caps[:4]
    return name[0]


def from_draft(draft: Draft) -> list[WordComment]:
    return [WordComment(c.section, c.item, c.text, c.author, c.created) for c in draft.comments]


def from_findings(draft: Draft, genre: Genre) -> list[WordComment]:
    """The live checks' findings that name a section, as comments by "partybook 自动检查"."""
    from ..checks import check

    labels = {"error": "错误", "warning": "提醒", "hint": "建议"}
    return [
        WordComment(
            f.section,
            f.item,
            f"【{labels.get(f.severity, f.severity)}】{f.message}",
            FINDINGS_AUTHOR,
            draft.updated,
        )  # fmt: skip
        for f in check(draft, genre)
        if f.section
    ]


def _span(blocks: Sequence[Block], c: WordComment) -> tuple[int, int] | None:
    """The first and last paragraph printed for the comment's item (or whole section)."""
    hits = [
        i
        for i, b in enumerate(blocks)
        if b.section == c.section and (c.item is None or b.item == c.item)
    ]
    if not hits and c.section.endswith(LEAD_SUFFIX):  # a lead-in: printed in its section,
        owner = c.section.removesuffix(LEAD_SUFFIX)  # the paragraphs above the items
        hits = [
            i
            for i, b in enumerate(blocks)
            if b.section == owner and b.role == "paragraph" and b.item is None
        ]
    if not hits and c.item is not None:  # the item is gone: the section instead
        hits = [i for i, b in enumerate(blocks) if b.section == c.section]
    return (hits[0], hits[-1]) if hits else None


def comment_xml(cid: int, c: WordComment) -> str:
    esc = ooxml.esc
    author, _ = clean_text(c.author)
    date = f' w:date="{esc(c.date)}"' if _DATE.fullmatch(c.date or "") else ""
    paras = []
    for n, line in enumerate(clean_text(c.text)[0].split("\n") or [""]):
        ref = "<w:r><w:annotationRef/></w:r>" if n == 0 else ""
        paras.append(f'<w:p>{ref}<w:r><w:t xml:space="preserve">{esc(line)}</w:t></w:r></w:p>')
    return (
        f'<w:comment w:id="{cid}" w:author="{esc(author)}"{date}'
        f' w:initials="{esc(initials(author))}">{"".join(paras)}</w:comment>'
    )


def comments_part(comments: Sequence[WordComment]) -> ooxml_package.ExtraPart:
    body = "".join(comment_xml(i, c) for i, c in enumerate(comments))
    data = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:comments xmlns:w="{ooxml.W_NS}" xmlns:r="{ooxml.R_NS}">{body}</w:comments>'
    ).encode()
    return ooxml_package.ExtraPart(COMMENTS_PART, data, COMMENTS_TYPE, "comments", "rIdComments")


def attach(
    comments: Sequence[WordComment],
    blocks: Sequence[Block],
    paragraphs: list[ooxml.Paragraph],
    section_names: dict[str, str],
) -> tuple[list[ooxml.Paragraph], list[ooxml_package.ExtraPart]]:
    """``paragraphs`` (one per block) with the comments' ranges marked, and the comments
    part; unchanged and no part when there is no comment."""
    if not comments or not paragraphs:
        return paragraphs, []
    starts: dict[int, list[int]] = {}
    ends: dict[int, list[int]] = {}
    written: list[WordComment] = []
    for c in comments:
        span = _span(blocks, c)
        if span is None:  # nothing printed for that section: anchor on the first paragraph
            name = section_names.get(c.section)  # None: about the whole document
            if name:
                c = dataclasses.replace(c, text=f"（{name}）{c.text}")
            span = (0, 0)
        cid = len(written)
        written.append(c)
        starts.setdefault(span[0], []).append(cid)
        ends.setdefault(span[1], []).append(cid)
    out = [
        dataclasses.replace(
            p, comment_starts=tuple(starts.get(i, ())), comment_ends=tuple(ends.get(i, ()))
        )
        if i in starts or i in ends
        else p
        for i, p in enumerate(paragraphs)
    ]
    return out, [comments_part(written)]


def draft_comments(
    draft: Draft, genre: Genre, *, findings: bool = False, own: bool = True
) -> list[WordComment]:
    """What :class:`~partybook.exporters.docx.DocxExporter` writes as comments: the
    draft's own (``own``), then the findings (``findings``)."""
    out = from_draft(draft) if own else []
    if findings:
        out.extend(from_findings(draft, genre))
    return out
