"""The .docx exporter: a draft's blocks laid out per GB/T 9704-2012.

This is the readable part: which block becomes which paragraph, in which named style and
font. Every WordprocessingML detail (markup, page setup, footers, styles) is in
:mod:`partybook.exporters.ooxml`; fonts come from ``templates/layout/fonts.yaml``.
"""

from __future__ import annotations

from ..assembly import SIGNOFF_ROLES, Block, blocks
from ..draft import Draft
from ..genre import Genre
from . import ooxml, ooxml_package, word_comments
from ._clean import clean_blocks, clean_text
from ._common import balance_lines, section_names
from .base import Exporter
from .fonts import FontConfig, load_fonts

# ems of 2号 title text that fit one line of the 156 mm text block
TITLE_LINE_EMS = int(ooxml.LAYOUT.text_width / 20 / 22)  # 20


class DocxExporter(Exporter):
    format = "docx"
    extension = ".docx"
    label = "Word 文档（公文格式）"
    mimetype = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

    def __init__(
        self, fonts: FontConfig | None = None, *, comments: bool = True, findings: bool = False
    ) -> None:
        super().__init__()
        self.fonts = fonts or load_fonts()
        # the draft's instructor comments (and, if asked, the checks' findings) as Word
        # comments: see partybook.exporters.word_comments
        self.comments, self.findings = comments, findings
        self.template = ooxml_package.template(self.fonts)  # parsed once, reused for every draft

    def to_bytes(self, draft: Draft, genre: Genre) -> bytes:
        names = section_names(genre)
        doc_blocks, notice = clean_blocks(blocks(draft, genre), names)
        if notice:
            self.notices.append(notice)
        paragraphs = self.paragraphs(doc_blocks)
        extras: list[ooxml_package.ExtraPart] = []
        if self.comments or self.findings:
            notes = word_comments.draft_comments(
                draft, genre, findings=self.findings, own=self.comments
            )
            paragraphs, extras = word_comments.attach(notes, doc_blocks, paragraphs, names)
        title = next((b.text for b in doc_blocks if b.role == "title"), "")
        author, _ = clean_text(draft.meta.author)
        core = ooxml_package.core_xml(title, author, draft.created, draft.updated)
        return ooxml_package.package(self.template, ooxml.document_xml(paragraphs), core, extras)

    # --- block → paragraph -------------------------------------------------------------
    def paragraphs(self, doc_blocks: list[Block]) -> list[ooxml.Paragraph]:
        out: list[ooxml.Paragraph] = []
        prev = ""
        for b in doc_blocks:
            out.append(
                self.paragraph(
                    b,
                    first_of_signoff=b.role in SIGNOFF_ROLES
                    and prev not in (*SIGNOFF_ROLES, "closing", ""),
                )
            )
            prev = b.role
        return out

    def paragraph(self, b: Block, *, first_of_signoff: bool = False) -> ooxml.Paragraph:
        f = self.fonts
        body = f.role("body")
        P, R = ooxml.Paragraph, ooxml.Run
        if b.role == "title":
            lines = balance_lines(b.text, TITLE_LINE_EMS)
            return P("Title", [R(b.text, f.role("title"))], lines=lines)
        if b.role == "heading":
            level = b.level or 1
            return P(f"Heading{level}", [R(b.number + b.text, f.role(f"heading{level}"))])
        if b.role == "salutation":
            return P("Salutation", [R(b.text, body)])
        if b.role == "closing":
            return P("Closing", [R(b.text, body)], first_line_chars=b.indent or 0)
        if b.role in SIGNOFF_ROLES:
            style = "Date" if b.role == "date" else "Signature"
            align = "left" if b.align == "left" else ""
            return P(
                style,
                [R(b.text, f.role("signoff"))],
                space_before_line=first_of_signoff,
                first_line_chars=0 if align else None,
                align=align,
            )
        if b.role == "item" and b.heading:
            level = min(max(b.level, 1), 4)
            heading_font = f.role(f"heading{level}")
            if b.run_in:  # heading in its level's font, body in body font, one paragraph
                return P(
                    "Normal",
                    [R(b.number + b.heading, heading_font, f"Heading{level}Char"), R(b.text, body)],
                )
            runs = [R(b.number + b.heading, heading_font)]
            if b.text:
                runs.append(R(b.text, body))
            return P(f"Heading{level}", runs)
        # ordinary paragraph, or an item without a heading: number + text in body font
        return P("Normal", [R(b.number + b.text, body)])
