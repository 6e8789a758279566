"""Word comments of an imported .docx, back into the draft's ``comments``.

An instructor may comment a student's Word file in Word or WPS (or partybook may have
exported the draft with its comments). Each comment's range — the paragraphs between
``commentRangeStart`` and ``commentRangeEnd`` — is matched against the imported draft: a
range inside one item becomes a comment on that item, a range over a section (or its
heading) one on the section. A comment partybook wrote on an empty section, anchored on
the title as "（章节名）……", goes back to that section. Comments the checks wrote
("partybook 自动检查") are not imported: the workbook shows findings live.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..draft import Comment, Draft
from ..genre import Genre, load_genre
from .comment_anchor import Anchors
from .docx_reader import W, _blocks, paragraph_text
from .model import ImportResult

FINDINGS_AUTHOR = "partybook 自动检查"  # as partybook.exporters.word_comments writes it
_NAME_PREFIX = re.compile(r"^（([^（）]{1,20})）")


@dataclass(slots=True)
class ReadComments:
    """The comments read, and what to tell the user about their places."""

    comments: list[Comment] = field(default_factory=list)
    moved: list[str] = field(default_factory=list)  # commented text gone: placed nearby
    unplaced: list[str] = field(default_factory=list)  # no place found: kept on the first part


def _ranges(body: Any) -> tuple[list[str], dict[str, list[int]]]:
    """The body's paragraph texts, and comment id → the paragraphs its range covers."""
    open_: set[str] = set()
    texts: list[str] = []
    out: dict[str, list[int]] = {}
    for n, p in enumerate(_blocks(body)):
        texts.append(paragraph_text(p))
        here: set[str] = set()
        for el in p.iter(f"{W}commentRangeStart", f"{W}commentRangeEnd", f"{W}commentReference"):
            cid = el.get(f"{W}id", "")
            if el.tag == f"{W}commentRangeStart":
                open_.add(cid)
            here.add(cid)
            if el.tag != f"{W}commentRangeStart":
                open_.discard(cid)
        for cid in here | open_:
            if not out.get(cid) or out[cid][-1] != n:
                out.setdefault(cid, []).append(n)
    return texts, out


def _quote(text: str) -> str:
    one = " ".join(text.split())
    return one if len(one) <= 15 else one[:15] + "……"


def read_comments(
    data: bytes,
    draft: Draft,
    genre: Genre | None = None,
    headings: Sequence[tuple[int, str, str]] = (),
    simplify: bool = False,
) -> ReadComments:
    """The .docx's comments as draft comments (those of the checks left out), placed on
    the section or item of the text they comment (:mod:`.comment_anchor`). ``headings``:
    the import's section headings (``ImportResult.headings``); ``simplify``: the import
    turned traditional characters into simplified ones."""
    from docx import Document

    genre = genre or load_genre(draft.genre)
    out = ReadComments()
    try:
        document = Document(io.BytesIO(data))
        found = list(document.comments)
    except Exception:  # a package without a readable comments part: no comments
        return out
    if not found:
        return out
    texts, ranges = _ranges(document.element.body)
    anchors = Anchors(draft, genre, texts, headings, simplify)
    names = {s.display_name: s.id for s in genre.sections}
    shown = {s.id: s.display_name for s in genre.sections}
    shown |= {s.lead_key: f"{s.display_name}的引导语" for s in genre.sections if s.lead_key}
    first = next((s.id for s in genre.sections if draft.text_of(s.id).strip()), None)
    first = first or genre.sections[0].id
    for c in found:
        author = (c.author or "").strip()
        text = c.text.strip()
        if author == FINDINGS_AUTHOR or not text:
            continue
        covered = ranges.get(str(c.comment_id), [])
        place = anchors.place(covered)
        m = _NAME_PREFIX.match(text)
        if m and m.group(1) in names:  # partybook's note for an empty section
            place, text = (names[m.group(1)], None), text[m.end() :].strip()
        elif place is None:
            out.unplaced.append(f"“{_quote(text)}”（{author or '未署名'}）")
            place = (first, None)
        elif not anchors.found(covered):
            out.moved.append(f"“{_quote(text)}”→{shown.get(place[0], place[0])}")
        section, item = place
        extra: dict[str, str] = {}
        if c.timestamp is not None:
            extra["created"] = c.timestamp.isoformat(timespec="seconds")
        out.comments.append(Comment(section=section, item=item, text=text, author=author, **extra))
    if out.unplaced:
        out.unplaced = [f"{u}，已放在“{shown.get(first, first)}”下" for u in out.unplaced]
    return out


def add_docx_comments(result: ImportResult, data: bytes) -> None:
    """Append the .docx's comments to ``result.draft.comments`` and say how many, and
    which could not be placed on the text they comment."""
    simplify = any(c.kind == "script" for c in result.changes)
    read = read_comments(data, result.draft, headings=result.headings, simplify=simplify)
    if not read.comments:
        return
    result.draft.comments.extend(read.comments)
    result.notices.append(f"已读入 {len(read.comments)} 条 Word 批注。")
    if read.moved:
        result.notices.append(
            "这些批注所批的文字不在导入后的正文里（已删去或列入未归类），已放在它前面的内容所在部分："
            + "；".join(read.moved)
            + "。"
        )
    if read.unplaced:
        result.notices.append(
            "这些批注找不到所批的正文，内容已保留，请核对位置：" + "；".join(read.unplaced) + "。"
        )
