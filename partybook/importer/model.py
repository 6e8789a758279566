"""The importer's small data types: a paragraph of input with its hints, a removal, and
the result handed back to callers."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..draft import Draft


@dataclass(slots=True)
class Para:
    """One paragraph of input (a line of text, a Markdown block, a Word paragraph).

    ``line`` is its 1-based position in the input (a line of text or a Word paragraph).
    The hints come from the reader: ``kind`` is "title", "heading" (a level-1 heading
    style or Markdown ``#``/``##``), "subheading" (lower heading levels), "signoff"
    (right-aligned) or ""; ``head`` is a bold lead (``**（一）标题。**正文``), the start of
    ``text`` that marks an item heading exactly.
    """

    text: str
    line: int
    blank_before: bool = False
    kind: str = ""
    head: str | None = None
    parts: list[str] | None = None  # a short line's fields split at wide gaps (sign-off)


@dataclass(frozen=True, slots=True)
class Removal:
    """Something the importer took out: what, which kind, where it was."""

    what: str
    kind: str  # a leftovers kind (watermark, url, marker, …) or duplicate_title
    line: int
    section: str = ""  # the section id it was in ("" before the first section)
    message: str = ""

    def where(self, unit: str = "行", names: dict[str, str] | None = None) -> str:
        place = f"第 {self.line} {unit}"
        if self.section:
            name = (names or {}).get(self.section, self.section)
            place += f"（{name}）"
        return place


@dataclass(frozen=True, slots=True)
class Change:
    """Something the importer changed in place (not removed): half-width punctuation made
    full-width, traditional characters made simplified. ``count`` changes on the line."""

    before: str
    after: str
    kind: str  # punctuation | script
    line: int
    count: int = 1
    section: str = ""


@dataclass(slots=True)
class ImportResult:
    """What an import produced. ``unplaced`` is the same list as ``draft.unplaced``.

    A page holding several articles gives one result per article: ``articles`` lists them
    all in order (this result among them; a single article: ``[self]``).
    """

    draft: Draft
    removed: list[Removal] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    line_unit: str = "行"  # "段" for Word documents
    warnings: list[str] = field(default_factory=list)  # not a personal self-analysis …
    off_genre: list[str] = field(default_factory=list)  # collective | survey | summary | speech
    genre_confidence: float = 1.0  # 1.0 when the genre was given
    close_genres: list[str] = field(default_factory=list)  # nearly as likely as the one chosen
    changes: list[Change] = field(default_factory=list)
    placeholders: list[str] = field(default_factory=list)  # kept for the author to fill in
    headings: list[tuple[int, str, str]] = field(default_factory=list)  # (line, as typed, section)
    articles: list[ImportResult] = field(default_factory=list, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.articles:
            self.articles = [self]

    @property
    def unplaced(self) -> list[str]:
        return self.draft.unplaced
