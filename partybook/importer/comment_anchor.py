"""Where a Word comment's paragraphs went in the imported draft.

Each paragraph of the .docx is matched, in document order, to what the draft prints
(:func:`partybook.assembly.blocks`: title, section headings, lead-ins, items, sign-off):

1. its text with the leading number stripped (``一、`` ``（一）`` ``一是`` …, the importer's
   :func:`~.headings.parse_number`) and punctuation and spaces ignored;
2. a section heading — as the importer read it (``ImportResult.headings``, so a heading
   worded “今后打算” still finds 整改措施) or named by :func:`~.headings.match_section` —
   is its section;
3. otherwise the printed paragraph equal to it, then one containing it (a short item
   heading “加强学习。” alone), then one it contains (a paragraph the importer split),
   then one sharing its first or last ``KEY_CHARS`` characters (text the importer tidied);
   among several, the first at or after the previous paragraph's place;
4. a paragraph found nowhere (removed as a page number or watermark, a closing line)
   takes the section of the nearest placed paragraph before it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..assembly import blocks
from ..draft import Draft
from ..genre import Genre
from .headings import match_section, parse_number

KEY_CHARS = 20  # a tidied paragraph is still found by its first or last characters
_NOISE = re.compile(r"[\s\W_]+")

Place = tuple[str, int | None]  # (section id, item index or None for the section)


def compact(text: str) -> str:
    return _NOISE.sub("", text)


def strip_number(text: str) -> str:
    """``text`` without its leading number(s): “一、（一）学习不深入。” → “学习不深入。”."""
    s = text.strip()
    for _ in range(3):  # “一、” then a second number typed after it
        numbered = parse_number(s)
        if numbered is None or not numbered.rest.strip():
            break
        s = numbered.rest.strip()
    return s


@dataclass(frozen=True, slots=True)
class _Target:
    section: str
    item: int | None
    key: str  # the printed paragraph, compacted
    head: str  # an item's heading alone, compacted ("" otherwise)


def _targets(draft: Draft, genre: Genre) -> list[_Target]:
    leads = {s.id: s.lead_key for s in genre.sections if s.lead_key}
    out: list[_Target] = []
    for b in blocks(draft, genre):
        if not b.section:  # closing lines (此致 / 敬礼！) are no section's
            continue
        section, item = b.section, b.item if b.role in ("item", "paragraph") else None
        if b.role == "paragraph" and item is None and section in leads:
            section = leads[section]  # a lead-in paragraph above the items (draft key)
        key = compact(b.heading + b.text)
        if key:
            out.append(_Target(section, item, key, compact(b.heading)))
    return out


class Anchors:
    """The draft places of a document's paragraphs (indexes as in ``_blocks`` order)."""

    def __init__(
        self,
        draft: Draft,
        genre: Genre,
        texts: Sequence[str],
        headings: Sequence[tuple[int, str, str]] = (),
        simplify: bool = False,
    ) -> None:
        self.genre = genre
        self.targets = _targets(draft, genre)
        self.headings = [(line, compact(strip_number(typed)), sid) for line, typed, sid in headings]
        self.simplify = simplify
        self.places: list[list[Place]] = []  # per paragraph: [] when found nowhere
        cursor = 0
        for n, text in enumerate(texts):
            found, cursor = self._match(n + 1, text, cursor)
            self.places.append(found)

    def _heading(self, line: int, bare: str, key: str, printed: bool) -> str | None:
        """The section whose heading this paragraph is, if it is one: as the importer read
        it (“一、基本情况：我……” included), else named exactly — unless it is printed text."""
        for at, typed, sid in self.headings:
            if typed and (key == typed or (at == line and key.startswith(typed))):
                return sid
        if not printed and len(bare) <= 40:
            heading = match_section(bare, self.genre)
            if heading is not None and not heading.rest:
                return heading.section
        return None

    def _match(self, line: int, text: str, cursor: int) -> tuple[list[Place], int]:
        if self.simplify:
            from .repair import to_simplified

            text = to_simplified(text)
        bare = strip_number(text)
        key = compact(bare)
        if not key:
            return [], cursor
        equal, *rest = self._tiers(key)
        sid = self._heading(line, bare, key, printed=bool(equal))
        if sid is not None:
            at = next((i for i, t in enumerate(self.targets) if t.section == sid), cursor)
            return [(sid, None)], at
        for tier, hits in enumerate((equal, *rest)):
            if not hits:
                continue
            if (
                tier == 2
                and len({(self.targets[i].section, self.targets[i].item) for i in hits}) > 1
            ):
                # one paragraph the importer split (一是……二是…… into items): all of them
                return [(self.targets[i].section, self.targets[i].item) for i in hits], hits[-1]
            later = [i for i in hits if i >= cursor]
            i = (later or hits)[0]
            return [(self.targets[i].section, self.targets[i].item)], i
        return [], cursor

    def _tiers(self, key: str) -> list[list[int]]:
        ts = self.targets
        equal = [i for i, t in enumerate(ts) if key in (t.key, t.head)]
        inside = [i for i, t in enumerate(ts) if key in t.key] if len(key) >= 2 else []
        holds = [i for i, t in enumerate(ts) if len(t.key) >= 4 and t.key in key]
        near: list[int] = []
        if len(key) > KEY_CHARS:
            head, tail = key[:KEY_CHARS], key[-KEY_CHARS:]
            near = [i for i, t in enumerate(ts) if head in t.key or tail in t.key]
        return [equal, inside, holds, near]

    def place(self, paragraphs: Sequence[int]) -> Place | None:
        """The place of a comment over these paragraphs: the item they all fall in, else the
        section of the first placed one; None when neither they nor any paragraph before
        them is placed."""
        hits = [p for n in paragraphs if 0 <= n < len(self.places) for p in self.places[n]]
        if not hits:
            before = [n for n in paragraphs if 0 <= n < len(self.places)]
            start = min(before) if before else -1
            for n in range(start - 1, -1, -1):
                if self.places[n]:
                    return self.places[n][-1][0], None
            return None
        section = hits[0][0]
        items = {i for s, i in hits if s == section}
        return section, (items.pop() if len(items) == 1 and None not in items else None)

    def found(self, paragraphs: Sequence[int]) -> bool:
        """Some of these paragraphs are in the draft (not placed by the fallback)."""
        return any(self.places[n] for n in paragraphs if 0 <= n < len(self.places))
