"""The document as it will print: ``assembly.blocks(draft)`` laid out line by line on
A4 pages the way the .docx exporter sets them and LibreOffice breaks them.

No widgets and no LibreOffice here: a model of the exporter's page (GB/T 9704: 22 grid
lines of 28 characters, numbers from :data:`partybook.exporters.ooxml.LAYOUT` and
``templates/layout/fonts.yaml``) and of LibreOffice's line breaking — CJK characters one
cell each, Latin letters and digits narrower and never split inside a word, a small gap
where CJK meets Latin (LibreOffice's Asian/Latin autospace), 避头尾 (no line starts with
，。、；：？！”）》…, none ends with “（《…), closing punctuation hanging in the right margin,
and keep-with-next of headings, salutation, closing and signature lines. The workbook's
paged preview draws the result; tests compare its page breaks with LibreOffice's PDF.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from ..assembly import SIGNOFF_ROLES, Block, blocks
from ..draft import Draft
from ..exporters._common import _NO_END, _NO_START, balance_lines
from ..exporters.ooxml import LAYOUT, PageLayout
from ..genre import Genre, load_genre

# the title's line length in 2号 characters, as the .docx exporter breaks it
TITLE_LINE_EMS = int(LAYOUT.text_width / 20 / 22)
# closing punctuation LibreOffice lets hang past the right margin (hanging punctuation)
HANGING = frozenset("，。、；：？！．")
# LibreOffice's gap where CJK text meets Latin letters or digits, in ems of the font
AUTOSPACE_EM = 0.2


def latin_half(c: str) -> float:
    """Width of a non-CJK character in ems: half-width (Times New Roman's digits)."""
    return 0.25 if c == " " else 0.5


@dataclass(frozen=True, slots=True)
class Metrics:
    """The numbers of the page: paper and grid from ``PageLayout``, type sizes in twips."""

    layout: PageLayout = LAYOUT
    body_twips: int = 320  # 3号
    title_twips: int = 440  # 2号
    latin_em: Callable[[str], float] = latin_half
    autospace_em: float = AUTOSPACE_EM
    # the line length LibreOffice fills: its layout leaves a little less than the 156 mm
    # of the text block, so 27 characters and a hanging punctuation mark make a full line
    slack: int = 40

    @property
    def width(self) -> int:
        return self.layout.text_width - self.slack

    @property
    def lines(self) -> int:
        return self.layout.lines


def is_wide(unit: str) -> bool:
    """A CJK (or ambiguous: “”—…, set in the CJK font) character: one full cell."""
    return len(unit) == 1 and unicodedata.east_asian_width(unit) in "WFA"


@dataclass(frozen=True, slots=True)
class Line:
    """One printed line: its text and the paragraph (block) it belongs to."""

    text: str
    block: int  # index into the blocks
    role: str  # the block's role (title, heading, paragraph, item, signoff …)
    level: int = 0  # heading level (font) of a heading or item heading
    head: str = ""  # the part of ``text`` in the heading's face (run-in item headings)
    indent: int = 0  # first-line indent in characters
    align: str = "justify"  # justify, center, left, right
    first: bool = False  # the paragraph's first line
    last: bool = False  # the paragraph's last line


@dataclass
class Page:
    number: int
    lines: list[Line | None] = field(default_factory=list)  # None: a blank grid line


@dataclass
class Pagination:
    pages: list[Page]
    blocks: list[Block]

    @property
    def count(self) -> int:
        return len(self.pages)

    def text_offsets(self) -> list[int]:
        """Where each page after the first starts, as a character offset into the text of
        all lines joined (:func:`text_key`) — comparable with any other rendering."""
        out, pos = [], 0
        for page in self.pages:
            if page.number > 1:
                out.append(pos)
            pos += sum(len(text_key(ln.text)) for ln in page.lines if ln)
        return out


def text_key(text: str) -> str:
    """A line's text for comparing renderings: no whitespace, no hanging punctuation (a
    mark hung in the margin may be missing from a PDF's extracted text)."""
    return "".join(c for c in text if not c.isspace() and c not in HANGING)


# --- line breaking --------------------------------------------------------------------
def _units(text: str) -> list[str]:
    """Unbreakable units: one CJK character, or a run of non-CJK non-space characters, or
    one space."""
    out: list[str] = []
    for c in text:
        if is_wide(c) or c == " " or not out or is_wide(out[-1]) or out[-1] == " ":
            out.append(c)
        else:
            out[-1] += c
    return out


def _width(unit: str, size: int, m: Metrics, prev: str) -> float:
    condense = m.layout.condense if size == m.body_twips else 0
    w: float
    gap: bool
    if is_wide(unit):
        w = size + condense
        gap = bool(prev) and not is_wide(prev) and prev != " " and prev[-1].isalnum()
    else:
        w = sum(m.latin_em(c) * size + condense for c in unit)
        gap = bool(prev) and is_wide(prev) and prev not in _NO_START and prev not in _NO_END
        gap = gap and unit[0].isalnum()
    if gap and is_wide(unit) and (unit in _NO_START or unit in _NO_END):
        gap = False
    return w + (m.autospace_em * size if gap else 0)


@lru_cache(maxsize=4096)  # a keystroke re-breaks only the paragraph it changed
def break_lines(
    text: str, width: float, first_indent: float, size: int, m: Metrics
) -> tuple[str, ...]:
    """The lines LibreOffice makes of one paragraph."""
    units: list[str] = []
    for unit in _units(text):  # a Latin run longer than a line is broken anywhere
        if _width(unit, size, m, "") > width - first_indent:
            units.extend(unit)
        else:
            units.append(unit)
    lines: list[str] = []
    i = 0
    indent = first_indent
    while i < len(units):
        used = indent
        j = i
        prev = ""
        while j < len(units):
            w = _width(units[j], size, m, prev)
            if used + w > width + 0.5 and j > i:
                break
            used += w
            prev = units[j]
            j += 1
        if j < len(units):
            j = _adjust_break(units, i, j)
        line = "".join(units[i:j]).rstrip(" ")
        lines.append(line)
        i = j
        while i < len(units) and units[i] == " ":
            i += 1
        indent = 0
    return tuple(lines) or ("",)


def _adjust_break(units: list[str], start: int, j: int) -> int:
    """Move a break at ``j`` (units[j] starts the next line) to satisfy 避头尾."""
    nxt = units[j]
    if nxt in HANGING and not (j + 1 < len(units) and units[j + 1] in HANGING):
        return j + 1  # hangs in the margin
    k = j
    while k > start + 1 and (units[k] in _NO_START or units[k - 1] in _NO_END):
        k -= 1
    return k if k > start else j


# --- blocks → lines ---------------------------------------------------------------------
KEEP_NEXT_ROLES = ("title", "heading", "salutation", "closing")


def _keep_next(b: Block) -> bool:
    if b.role in KEEP_NEXT_ROLES or b.role == "signoff":
        return True
    return b.role == "item" and bool(b.heading) and not b.run_in


def block_lines(b: Block, index: int, m: Metrics) -> list[Line]:
    size, width = m.body_twips, m.width
    two = 2 * m.layout.char_pitch
    if b.role == "title":
        # the exporter's balanced lines (<w:br/>), each wrapped again should one not fit
        wrapped = [
            part
            for line in balance_lines(b.text, TITLE_LINE_EMS)
            for part in break_lines(line, m.width, 0, m.title_twips, m)
        ]
        return [
            Line(t, index, "title", align="center", first=k == 0, last=k == len(wrapped) - 1)
            for k, t in enumerate(wrapped)
        ]
    indent_chars = 2
    align = "justify"
    head = ""
    level = b.level
    if b.role == "heading":
        text = b.number + b.text
        head = text
        level = b.level or 1
    elif b.role in ("salutation", "closing"):
        text, indent_chars, align = b.text, b.indent or 0, "left"
    elif b.role in SIGNOFF_ROLES:
        text, indent_chars = b.text, 0
        align = "left" if b.align == "left" else "right"
        if align == "right":
            width -= two
    elif b.role == "item" and b.heading:
        level = min(max(b.level, 1), 4)
        head = b.number + b.heading
        text = head + b.text
    else:
        text = b.number + b.text
    parts = break_lines(text, width, indent_chars * m.layout.char_pitch, size, m)
    out = []
    pos = 0
    for k, t in enumerate(parts):
        h = head[pos : pos + len(t)] if pos < len(head) else ""
        pos += len(t)
        out.append(
            Line(
                t,
                index,
                b.role,
                level=level,
                head=h,
                indent=indent_chars if k == 0 else 0,
                align=align,
                first=k == 0,
                last=k == len(parts) - 1,
            )
        )
    return out


def _space_before(doc: Sequence[Block], i: int) -> int:
    """Blank grid lines above block ``i`` (one above the sign-off, below the title)."""
    b = doc[i]
    prev = doc[i - 1].role if i else ""
    if b.role in SIGNOFF_ROLES and prev not in (*SIGNOFF_ROLES, "closing", ""):
        return 1
    return 1 if prev == "title" else 0


def paginate_blocks(doc: Sequence[Block], m: Metrics | None = None) -> Pagination:
    m = m or Metrics()
    per_block = [block_lines(b, i, m) for i, b in enumerate(doc)]
    keep = [_keep_next(b) for b in doc]
    forced: set[int] = set()
    while True:
        starts, ends, pages = _place(doc, per_block, forced, m)
        moved = _first_violation(keep, starts, ends, forced)
        if moved is None:
            return Pagination(pages, list(doc))
        forced.add(moved)


def _place(
    doc: Sequence[Block], per_block: list[list[Line]], forced: set[int], m: Metrics
) -> tuple[list[tuple[int, int]], list[int], list[Page]]:
    """Lay the lines out; ``starts[i]`` = (page, row) of block i's first line, ``ends[i]``
    the page of its last line."""
    pages = [Page(1)]
    starts: list[tuple[int, int]] = []
    ends: list[int] = []
    for i, lines in enumerate(per_block):
        if i in forced and pages[-1].lines:
            pages.append(Page(len(pages) + 1))
        blank = _space_before(doc, i)
        for _ in range(blank):
            if pages[-1].lines and len(pages[-1].lines) < m.lines:
                pages[-1].lines.append(None)
        for k, line in enumerate(lines):
            if len(pages[-1].lines) >= m.lines:
                pages.append(Page(len(pages) + 1))
            if k == 0:
                starts.append((len(pages) - 1, len(pages[-1].lines)))
            pages[-1].lines.append(line)
        ends.append(len(pages) - 1)
    for page in pages:  # a blank line never ends a page
        while page.lines and page.lines[-1] is None:
            page.lines.pop()
    return starts, ends, pages


def _first_violation(
    keep: list[bool], starts: list[tuple[int, int]], ends: list[int], forced: set[int]
) -> int | None:
    """The block that must move to the next page so that a keep-with-next paragraph is
    whole on the page of the next one's first line (LibreOffice does not split such a
    paragraph either); None when all is well."""
    for i in range(len(keep)):
        if not keep[i]:
            continue
        split = starts[i][0] != ends[i]
        if not split and (i + 1 == len(keep) or starts[i + 1][0] == ends[i]):
            continue
        c = i  # the chain of keep-with-next paragraphs ending at i
        while c > 0 and keep[c - 1] and ends[c - 1] == starts[c][0]:
            c -= 1
        if starts[c][1] == 0 or c in forced:
            continue  # already at the top of a page: the chain is longer than a page
        return c
    return None


def paginate(draft: Draft, genre: Genre | None = None, m: Metrics | None = None) -> Pagination:
    genre = genre or load_genre(draft.genre)
    return paginate_blocks(blocks(draft, genre), m)


def page_count(draft: Draft, genre: Genre | None = None) -> int:
    return paginate(draft, genre).count
