"""Assembly: a draft becomes an ordered list of :class:`Block` — the document every
exporter renders — and from that the canonical plain text and Markdown.

Numbering is generated here and only here: headings and bodies in the draft hold the
user's words, never 一、/（一）/一是.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from .draft import Draft, Item
from .genre import Genre, Numbering, SectionKind, load_genre
from .numbering import LEVEL_OF, label
from .text import ends_sentence, format_date

Role = Literal["title", "heading", "paragraph", "item", "signoff", "date"]


@dataclass(frozen=True, slots=True)
class Block:
    """One printed paragraph.

    ``heading`` + ``text``: for an item whose heading ends a sentence the two run into one
    paragraph (``run_in``); otherwise the heading stands alone and the body follows as
    paragraphs of its own. ``level`` is the GB/T 9704 heading level that sets the font.
    """

    role: Role
    text: str = ""
    number: str = ""
    heading: str = ""
    level: int = 0
    section: str = ""
    item: int | None = None
    run_in: bool = False

    @property
    def plain(self) -> str:
        """The paragraph as printed, numbering included."""
        return f"{self.number}{self.heading}{self.text}"


def _paras(text: str) -> list[str]:
    return [p for p in (line.strip() for line in text.split("\n")) if p]


def _item_blocks(
    item: Item, number: str, level: int, section: str, index: int, point_style: Numbering
) -> list[Block]:
    heading = item.heading.strip()
    body = _paras(item.body)
    out: list[Block] = []
    if heading and (ends_sentence(heading) and body or not body):
        first, rest = (body[0], body[1:]) if body else ("", [])
        out.append(Block("item", first, number, heading, level, section, index, run_in=bool(body)))
    elif heading:
        out.append(Block("item", "", number, heading, level, section, index))
        first, rest = (body[0], body[1:]) if body else ("", [])
        if first:
            out.append(Block("paragraph", first, section=section, item=index, level=level))
    else:
        first, rest = (body[0], body[1:]) if body else ("", [])
        out.append(Block("item", first, number, "", level, section, index))
    out.extend(Block("paragraph", p, section=section, item=index) for p in rest)
    n = 0
    for sub in item.items or []:
        if sub.is_empty():
            continue
        n += 1
        sub_label = label(point_style, n)
        out.extend(_item_blocks(sub, sub_label, LEVEL_OF[point_style], section, index, point_style))
    return out


def blocks(draft: Draft, genre: Genre | None = None) -> list[Block]:
    """The document as printed, in the genre's order."""
    genre = genre or load_genre(draft.genre)
    numbers = genre.heading_numbers()
    out: list[Block] = []
    for spec in genre.sections:
        if spec.kind is SectionKind.SIGNOFF:
            for line in (draft.meta.unit, draft.meta.author):
                if line.strip():
                    out.append(Block("signoff", line.strip(), section=spec.id))
            if draft.meta.date.strip():
                out.append(Block("date", format_date(draft.meta.date), section=spec.id))
            continue
        if spec.kind is SectionKind.LINE:
            title = " ".join(draft.text_of(spec.id).split())
            if title:
                out.append(Block("title", title, section=spec.id))
            continue
        if spec.heading:
            number = label(Numbering.CN, numbers[spec.id]) if spec.id in numbers else ""
            out.append(Block("heading", spec.heading, number, level=1, section=spec.id))
        if spec.kind is SectionKind.PARAGRAPHS:
            for para in draft.paragraphs(spec.id):
                out.extend(Block("paragraph", p, section=spec.id) for p in _paras(para))
            continue
        n = 0
        for index, item in enumerate(draft.items(spec.id)):
            if item.is_empty():
                continue
            n += 1
            style = spec.item_numbering
            out.extend(
                _item_blocks(
                    item, label(style, n), LEVEL_OF[style], spec.id, index, spec.point_numbering
                )
            )
    return out


def assemble(draft: Draft, genre: Genre | None = None) -> str:
    """The canonical plain text: one paragraph a line, a blank line after the title and
    before the sign-off."""
    lines: list[str] = []
    prev: Role | None = None
    for b in blocks(draft, genre):
        if prev == "title" or (
            b.role in ("signoff", "date") and prev not in ("signoff", "date", None)
        ):
            lines.append("")
        lines.append(b.plain)
        prev = b.role
    return "\n".join(lines) + ("\n" if lines else "")


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")
_MD_LEADING = re.compile(r"^(\s*)([-+>]|\d+)([.)]?)(?=\s|$)")


def md_escape(text: str) -> str:
    """Escape what Markdown would read as markup, so user text prints as typed."""
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return _MD_LEADING.sub(_escape_leading, text)


def _escape_leading(m: re.Match[str]) -> str:
    lead, mark, punct = m.group(1), m.group(2), m.group(3)
    if mark.isdigit():  # "1. x" would be a list item: escape the dot, not the digit
        return f"{lead}{mark}\\{punct}" if punct else m.group(0)
    return f"{lead}\\{mark}{punct}"


def assemble_markdown(draft: Draft, genre: Genre | None = None) -> str:
    out: list[str] = []
    for b in blocks(draft, genre):
        if b.role == "title":
            out.append(f"# {md_escape(b.text)}")
        elif b.role == "heading":
            out.append(f"## {b.number}{md_escape(b.text)}")
        elif b.role == "item" and b.heading:
            out.append(f"**{b.number}{md_escape(b.heading)}**{md_escape(b.text)}")
        elif b.role in ("signoff", "date"):
            out.append(f'<p align="right">{md_escape(b.text)}</p>')
        else:
            out.append(f"{b.number}{md_escape(b.text)}")
    return "\n\n".join(out) + ("\n" if out else "")
