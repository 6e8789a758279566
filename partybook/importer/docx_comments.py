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
from typing import Any

from ..draft import Comment, Draft, Item, _item_texts
from ..genre import Genre, load_genre
from .docx_reader import W, _blocks, paragraph_text
from .model import ImportResult

FINDINGS_AUTHOR = "partybook 自动检查"  # as partybook.exporters.word_comments writes it
_NOISE = re.compile(r"[\s\W_]+")
_NAME_PREFIX = re.compile(r"^（([^（）]{1,20})）")
KEY_CHARS = 20  # a paragraph is found in a section by its last characters (no numbering)


def _compact(text: str) -> str:
    return _NOISE.sub("", text)


def _ranges(body: Any) -> dict[str, list[str]]:
    """Comment id → the texts of the paragraphs its range covers, in order."""
    open_: set[str] = set()
    out: dict[str, list[str]] = {}
    for p in _blocks(body):
        text = paragraph_text(p)
        here: set[str] = set()
        for el in p.iter(f"{W}commentRangeStart", f"{W}commentRangeEnd", f"{W}commentReference"):
            cid = el.get(f"{W}id", "")
            if el.tag == f"{W}commentRangeStart":
                open_.add(cid)
            here.add(cid)
            if el.tag != f"{W}commentRangeStart":
                open_.discard(cid)
        for cid in here | open_:
            out.setdefault(cid, []).append(text)
    return out


def _place(draft: Draft, genre: Genre, texts: list[str]) -> tuple[str, int | None] | None:
    """(section, item) the paragraphs belong to, or None when no section holds them."""
    headings = {_compact(s.heading): s.id for s in genre.sections if s.heading}
    hits: list[tuple[str, int | None]] = []
    for text in texts:
        key = _compact(text)
        if not key:
            continue
        tail = key[-KEY_CHARS:]
        found: tuple[str, int | None] | None = None
        for sid, content in draft.sections.items():
            if isinstance(content, list) and content and isinstance(content[0], Item):
                for i, item in enumerate(content):
                    if isinstance(item, Item) and tail in _compact("".join(_item_texts(item))):
                        found = (sid, i)
                        break
            elif tail in _compact(draft.text_of(sid)):
                found = (sid, None)
            if found:
                break
        if found is None:
            heading = next((v for k, v in headings.items() if k and k in key), None)
            found = (heading, None) if heading else None
        if found:
            hits.append(found)
    if not hits:
        return None
    section = hits[0][0]
    items = {i for s, i in hits if s == section}
    return section, (items.pop() if len(items) == 1 and None not in items else None)


def read_comments(data: bytes, draft: Draft, genre: Genre | None = None) -> list[Comment]:
    """The .docx's comments as draft comments (those of the checks left out)."""
    from docx import Document

    genre = genre or load_genre(draft.genre)
    try:
        document = Document(io.BytesIO(data))
        found = list(document.comments)
    except Exception:  # a package without a readable comments part: no comments
        return []
    if not found:
        return []
    ranges = _ranges(document.element.body)
    names = {s.display_name: s.id for s in genre.sections}
    fallback = next(iter(draft.sections), genre.sections[0].id)
    out: list[Comment] = []
    for c in found:
        author = (c.author or "").strip()
        text = c.text.strip()
        if author == FINDINGS_AUTHOR or not text:
            continue
        place = _place(draft, genre, ranges.get(str(c.comment_id), []))
        m = _NAME_PREFIX.match(text)
        if m and m.group(1) in names:  # partybook's note for an empty section
            place, text = (names[m.group(1)], None), text[m.end() :].strip()
        section, item = place or (fallback, None)
        extra: dict[str, str] = {}
        if c.timestamp is not None:
            extra["created"] = c.timestamp.isoformat(timespec="seconds")
        out.append(Comment(section=section, item=item, text=text, author=author, **extra))
    return out


def add_docx_comments(result: ImportResult, data: bytes) -> None:
    """Append the .docx's comments to ``result.draft.comments`` and say how many."""
    comments = read_comments(data, result.draft)
    if comments:
        result.draft.comments.extend(comments)
        result.notices.append(f"已读入 {len(comments)} 条 Word 批注。")
