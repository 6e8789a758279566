"""The state machine that places paragraphs into a genre's sections.

Input: paragraphs already cleaned (junk removed, lines re-joined). It recognises the
title (the first title-like line; a duplicate is collapsed, another document's title is
removed), section headings (numbered or not, by name or alias, running into their body
or not), items (a numbered heading sentence and its body; 一是……二是…… inside one
paragraph split into items; an unnumbered heading line followed by its body), groups of
points in grouped sections, and the sign-off. What it cannot place goes to ``unplaced``.
"""

from __future__ import annotations

from ..draft import Draft, Item, Meta, conform
from ..genre import Genre, SectionKind
from .builder_state import Placed
from .free_text import distribute, fixed_line, free_sections, unheaded_after_opening
from .headings import Numbered, SectionHeading, match_section, parse_number, split_heading
from .items import ItemsMixin, _next_number_inline
from .model import Para, Removal
from .signoff import parse_date, take_signoff
from .titles import _CLAUSE, TitleMixin, _compact, title_like

__all__ = ["Placed", "SectionBuilder", "title_like"]

STAY = 0.3  # how much more a paragraph of the opening must score to move to a section


class SectionBuilder(TitleMixin, ItemsMixin):
    def __init__(self, genre: Genre) -> None:
        self.genre = genre
        self.specs = {s.id: s for s in genre.sections}
        self.content = {}
        self.title = ""
        self.title_line = 0
        self.copy_line = 0
        self.title_marker = _compact(genre.title_example)[-4:]
        self.meta = Meta()
        self.unplaced: list[str] = []
        self.removed: list[Removal] = []
        self.notices = []
        self.placed = Placed()
        self.headings: list[tuple[int, str, str]] = []  # (line, heading as typed, section id)
        self.current = None
        self.unknown = False  # inside a heading the genre does not know
        self.started = False
        self.section_style: str | None = None
        self.section_no = 0
        self.seen: list[str] = []
        self.item = None
        self.point = None
        self.item_style = {}
        self.point_style = {}
        self.leads = {}
        first = next(
            (s for s in genre.sections if s.kind is SectionKind.PARAGRAPHS and not s.heading), None
        )
        self.opening = first.id if first else None

    # --- helpers ---------------------------------------------------------------------
    def _name(self, sid: str) -> str:
        spec = self.specs.get(sid)
        return spec.display_name if spec else sid

    def _heading_of(self, p: Para) -> tuple[Numbered | None, SectionHeading | None]:
        num = parse_number(p.text)
        text = num.rest if num else p.text
        loose = (
            num is not None
            and num.n > self.section_no
            and (
                num.style == self.section_style
                or (
                    self.section_style is None
                    and self.current is None
                    and num.style in ("cn", "arabic", "di", "paren_cn", "part")
                )
            )
        ) or p.kind == "heading"
        seen = tuple(self.seen)
        next_number = (
            num is not None and num.style == self.section_style and num.n == self.section_no + 1
        )
        sh = match_section(text, self.genre, loose=loose, seen=seen, next_number=next_number)
        if (
            sh is not None
            and next_number
            and not sh.exact
            and sh.rest
            and not self._later(sh.section)
        ):
            sh = None  # a run-on heading by meaning names a section after the current one
        if sh is None and num is None and not loose and self._shaped_like_heading(p):
            sh = match_section(text, self.genre, loose=True, seen=seen, min_score=1.0)
            if sh is not None and not self._later(sh.section):
                sh = None
        if sh is None:
            return num, None
        if num is None and not sh.rest and len(text) > 30:
            return num, None
        if (
            num is not None
            and sh.rest
            and self.section_style is not None
            and num.style != self.section_style
        ):
            return num, None  # “1.整改措施：落实不到位” inside a section is an item
        if (
            num is not None
            and not sh.exact
            and self.current is not None
            and num.style == self.item_style.get(self.current)
        ):
            return num, None  # an item of the current section that mentions 问题/措施
        return num, sh

    def _shaped_like_heading(self, p: Para) -> bool:
        """A short line set apart (blank line before, bold, a heading style) without a
        sentence end: a heading by its shape, if its words name a section."""
        text = p.text.strip()
        return (
            len(text) <= 20
            and title_like(text)
            and (p.blank_before or p.kind in ("subheading", "heading") or p.head == p.text)
            and (self.started or self.current is not None or bool(self.title))
        )

    def _later(self, sid: str) -> bool:
        """``sid`` comes after the current section in the genre's order."""
        if self.current is None:
            return True
        ids = self.genre.section_ids
        return sid in ids and self.current in ids and ids.index(sid) > ids.index(self.current)

    def is_heading(self, p: Para) -> bool:
        return self._heading_of(p)[1] is not None

    # --- the run ---------------------------------------------------------------------
    def run(self, paras: list[Para]) -> None:
        sign = take_signoff(paras, self.is_heading)
        body = paras[: len(paras) - sign.paras]
        for p in body:
            self.feed(p)
        clash = any(
            new and old and new != old
            for new, old in (
                (sign.author, self.meta.author),
                (sign.unit, self.meta.unit),
                (sign.position, self.meta.position),
            )
        )
        if clash:  # a second signature (the top one was taken): its lines stay text
            for p in paras[len(body) :]:
                if parse_date(p.text) is None:
                    self.feed(p)
            sign.author = sign.unit = sign.position = ""
            body = paras
        self._close_section()
        self.meta.author = self.meta.author or sign.author
        self.meta.unit = self.meta.unit or sign.unit
        self.meta.date = sign.date or self.meta.date
        self.meta.position = self.meta.position or sign.position
        for p in paras[len(body) :]:
            self.placed.add(p.line, "signoff")

    def feed(self, p: Para) -> None:
        text = p.text.strip()
        if not text:
            return
        what = fixed_line(text, self.genre)
        if what is not None:
            self._remove(
                text,
                "layout",
                p.line,
                f"“{text}”是{what}，导出时按书信格式自动加上，已从正文中去掉。",
            )
            return
        if self._title(p):
            return
        text = p.text.strip()
        num, sh = self._heading_of(p)
        if sh is not None:
            self._open_section(sh, num, p)
            return
        if num is not None and self._unknown_heading(num, p):
            return
        if self.unknown:
            self._unplace(text, p.line)
            return
        self.started = True
        sid = self.current or self.opening
        if sid is None:
            self._unplace(text, p.line)
            return
        self.placed.add(p.line, sid)
        kind = self.specs[sid].kind
        if kind is not SectionKind.PARAGRAPHS and num is not None and p.head is None:
            cut = _next_number_inline(text, num)
            if cut:  # “（一）在……方面。一是……（二）在……方面。……” on one line
                self.feed(Para(text[:cut], p.line, p.blank_before, p.kind))
                self.feed(Para(text[cut:], p.line))
                return
        if kind is SectionKind.PARAGRAPHS:
            self.content.setdefault(sid, []).append(text)
        elif kind is SectionKind.ITEMS:
            self._item(sid, p, num)
        elif kind is SectionKind.GROUPED_ITEMS:
            self._grouped(sid, p, num)
        else:
            self._unplace(text, p.line)

    def _remove(self, text: str, kind: str, line: int, message: str) -> None:
        self.removed.append(Removal(text, kind, line, self.current or "", message))

    def _unplace(self, text: str, line: int) -> None:
        self.unplaced.append(text)
        self.placed.add(line, "")

    # --- sections --------------------------------------------------------------------
    def _open_section(self, sh: SectionHeading, num: Numbered | None, p: Para) -> None:
        self._close_section()
        self.unknown = False
        self.started = True
        if num is not None:
            if sh.exact or self.section_style is None:
                self.section_style = self.section_style or num.style
            self.section_no = num.n
        if sh.section in self.seen:
            self.notices.append(
                f"第 {p.line} 行“{sh.name}”与前面的“{self._name(sh.section)}”属于同一部分，"
                "内容已并入该部分，请检查。"
            )
        else:
            self.seen.append(sh.section)
        if not sh.exact:
            self.notices.append(
                f"第 {p.line} 行“{sh.name}”按“{self._name(sh.section)}”导入，请核对。"
            )
        self.current = sh.section
        self.item = self.point = None
        self.placed.add(p.line, sh.section)
        self.headings.append((p.line, sh.name, sh.section))
        if sh.rest:
            self.feed(Para(sh.rest, p.line))

    def _unknown_heading(self, num: Numbered, p: Para) -> bool:
        text = num.rest.strip()
        if not (
            # the next number, or the last one again (a slip: “四、整改措施” … “四、其他说明”)
            (num.style == self.section_style and self.section_no <= num.n <= self.section_no + 1)
            or p.kind == "heading"
        ):
            return False
        if num.n == self.section_no and num.style == self.item_style.get(self.current or ""):
            return False  # an item of the current section, numbered like the sections
        if len(text) > 25 or _CLAUSE.search(text.rstrip("。：:")):
            return False
        self._close_section()
        self.section_no = num.n
        self.unknown = True
        self.current = None
        self.started = True
        self._unplace(p.text.strip(), p.line)
        self.notices.append(
            f"第 {p.line} 行“{p.text.strip()}”不是本文体的部分，这一部分的内容已放入“未归类”，"
            "请移到合适的位置。"
        )
        return True

    def _close_section(self) -> None:
        sid = self.current
        if sid is None:
            return
        leads = self.leads.pop(sid, [])
        if not leads:
            return
        items = self.content.setdefault(sid, [])
        if not items:  # a section of plain paragraphs: each paragraph is an item
            for text, _ in leads:
                heading, body = split_heading(text)
                items.append(Item(heading=heading, body=body))
            return
        if getattr(self.specs[sid], "lead", False):  # the genre has a lead paragraph here
            self.content.setdefault(f"{sid}_lead", []).extend(text for text, _ in leads)
            for _, line in leads:
                self.placed.add(line, sid)
            return
        for text, line in leads:
            self._unplace(text, line)
            self.notices.append(
                f"第 {line} 行“{_short(text)}”是“{self._name(sid)}”前的引导语，已放入“未归类”。"
            )

    # --- result ----------------------------------------------------------------------
    def draft(self) -> Draft:
        sections: dict = {"title": self.title} if "title" in self.specs else {}
        free = free_sections(self.genre)
        if (
            len(free) > 1
            and self.content.get(free[0])
            and not any(self.content.get(sid) for sid in free[1:])
        ):  # a letter without headings: its paragraphs spread over the free sections
            self.content.update(distribute(self.content[free[0]], self.genre))
        elif len(free) == 1 and (cut := _after_lead(self.content.get(free[0], []))):
            filled = {sid for sid, c in self.content.items() if c}
            empty = unheaded_after_opening(self.genre, filled)
            if empty:  # “自评内容：” and paragraphs of headed sections left empty
                paras = self.content[free[0]]
                spread = distribute(paras[cut:], self.genre, [free[0], *empty], STAY)
                spread[free[0]] = paras[:cut] + spread[free[0]]
                moved = [self._name(sid) for sid in empty if spread.get(sid)]
                if moved:
                    self.notices.append(
                        f"开头的几段没有小标题，已按内容分到“{'”“'.join(moved)}”，请核对。"
                    )
                self.content.update(spread)
        for sid, content in self.content.items():
            spec = self.specs.get(sid)
            if spec is not None and spec.kind is SectionKind.GROUPED_ITEMS:
                for item in content:
                    if item.items == []:
                        item.items = None
            sections[sid] = content
        draft = Draft(
            genre=self.genre.id, meta=self.meta, sections=sections, unplaced=self.unplaced
        )
        return conform(draft, self.genre)


def _after_lead(paras: list[str]) -> int:
    """Where the paragraphs after the opening's last line ending in a colon (“自评内容：”,
    “现将个人情况报告如下：”) start, when two or more follow it (0: no such line)."""
    for i in range(len(paras) - 2, -1, -1):
        if paras[i].rstrip().endswith(("：", ":")):
            return i + 1 if len(paras) - i - 1 >= 2 else 0
    return 0


def _short(text: str, n: int = 20) -> str:
    return text if len(text) <= n else text[: n - 2] + "……"
