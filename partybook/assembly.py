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
from .genre import Genre, Numbering, SectionKind, SectionSpec, load_genre, signature_fields
from .numbering import LEVEL_OF, label
from .text import ends_sentence, format_date

Role = Literal["title", "salutation", "heading", "paragraph", "item", "closing", "signoff", "date"]
SIGNOFF_ROLES = ("signoff", "date")


@dataclass(frozen=True, slots=True)
class Block:
    """One printed paragraph.

    ``heading`` + ``text``: for an item whose heading ends a sentence the two run into one
    paragraph (``run_in``); otherwise the heading stands alone and the body follows as
    paragraphs of its own. ``level`` is the GB/T 9704 heading level that sets the font.
    ``indent`` (characters of first-line indent) is set only where the genre's layout
    fixes it (closing lines such as 此致 / 敬礼！); ``align`` likewise for the sign-off.
    """

    role: Role
    text: str = ""
    number: str = ""
    heading: str = ""
    level: int = 0
    section: str = ""
    item: int | None = None
    run_in: bool = False
    indent: int | None = None
    align: str = ""

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


def signature_blocks(draft: Draft, genre: Genre, section: str = "") -> list[Block]:
    """The sign-off lines of the genre's layout filled from the draft's meta; a line whose
    fields are all empty is left out. A line of the date alone is a ``date`` block."""
    values = draft.meta.model_dump()
    values["date"] = format_date(draft.meta.date) if draft.meta.date.strip() else ""
    align = genre.layout.signature_align
    out: list[Block] = []
    for line in genre.layout.signature:
        fields = signature_fields(line)
        filled = {f: " ".join(str(values.get(f) or "").split()) for f in fields}
        if fields and not any(filled.values()):
            continue
        text = line.format_map(filled).strip()
        if not text:
            continue
        role: Role = "date" if fields == ["date"] and line.strip() == "{date}" else "signoff"
        out.append(Block(role, text, section=section, align=align))
    return out


def _section_blocks(draft: Draft, spec: SectionSpec, numbers: dict[str, int]) -> list[Block]:
    out: list[Block] = []
    if spec.heading:
        number = label(Numbering.CN, numbers[spec.id]) if spec.id in numbers else ""
        out.append(Block("heading", spec.heading, number, level=1, section=spec.id))
    if spec.kind is SectionKind.PARAGRAPHS:
        for para in draft.paragraphs(spec.id):
            out.extend(Block("paragraph", p, section=spec.id) for p in _paras(para))
        return out
    if spec.lead_key:  # lead-in paragraphs above the items
        for para in draft.paragraphs(spec.lead_key):
            out.extend(Block("paragraph", p, section=spec.id) for p in _paras(para))
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


def blocks(draft: Draft, genre: Genre | None = None) -> list[Block]:
    """The document as printed, in the genre's order, laid out as the genre's ``layout``
    says: salutation under the title, closing lines and signature at the sign-off."""
    genre = genre or load_genre(draft.genre)
    layout = genre.layout
    numbers = genre.heading_numbers(draft)
    out: list[Block] = []
    salutation = Block("salutation", layout.salutation, indent=0) if layout.salutation else None
    closing = [Block("closing", c.text, indent=c.indent) for c in layout.closing]
    for spec in genre.printed_sections(draft):
        if spec.kind is SectionKind.SIGNOFF:
            out.extend(closing)
            closing = []
            out.extend(signature_blocks(draft, genre, spec.id))
            continue
        if spec.kind is SectionKind.LINE:
            title = " ".join(draft.text_of(spec.id).split())
            if title:
                out.append(Block("title", title, section=spec.id))
            if salutation:
                out.append(salutation)
                salutation = None
            continue
        if salutation:  # a genre without a title: the salutation opens the document
            out.append(salutation)
            salutation = None
        out.extend(_section_blocks(draft, spec, numbers))
    out.extend(closing)  # a genre without a sign-off section
    return out


def assemble(draft: Draft, genre: Genre | None = None) -> str:
    """The canonical plain text: one paragraph a line, a blank line after the title and
    before the sign-off."""
    lines: list[str] = []
    prev: Role | None = None
    for b in blocks(draft, genre):
        ending = (*SIGNOFF_ROLES, "closing")
        if prev == "title" or (b.role in ending and prev not in (*ending, None)):
            lines.append("")
        lines.append(indented(b))
        prev = b.role
    return "\n".join(lines) + ("\n" if lines else "")


def indented(b: Block) -> str:
    """A closing line as plain text: its layout indent as ideographic spaces (此致 sits two
    characters in; every other paragraph is printed as written)."""
    if b.role == "closing" and b.indent:
        return "\u3000" * b.indent + b.plain
    return b.plain


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
        elif b.role in SIGNOFF_ROLES:
            out.append(f'<p align="{b.align or "right"}">{md_escape(b.text)}</p>')
        elif b.role == "closing":
            out.append(md_escape(indented(b)))
        else:
            out.append(f"{b.number}{md_escape(b.text)}")
    return "\n\n".join(out) + ("\n" if out else "")
