"""Title and signature lines at the top of a document (a mixin of the section builder):
the document's own title, list-page titles and copy numbers, duplicate and stray titles,
a title set on two lines, a date or a signature next to the title."""

from __future__ import annotations

import re

from ..text import ends_sentence
from .builder_state import BuilderState
from .headings import parse_number
from .model import Para
from .signals import signals
from .signoff import (
    LABEL,
    looks_like_name,
    looks_like_unit,
    parse_date,
    read_signature,
    signature_fields,
    split_signature,
)

_TITLE_WORDS = re.compile(
    r"(?:材料|报告|分析|总结|发言|讲话|方案|计划|体会|通知|汇报|提纲|剖析)[）)]?$"
)
_CLAUSE = re.compile(r"[。！？!?；;]")


def _compact(s: str) -> str:
    return re.sub(r"\s+", "", s)


def title_like(text: str) -> bool:
    s = text.strip()
    return (
        2 <= len(s) <= 60
        and not ends_sentence(s)
        and not _CLAUSE.search(s)
        and not s.endswith(("：", ":", "，", ","))
        and parse_number(s) is None
    )


class TitleMixin(BuilderState):
    """The title methods of :class:`~.sections.SectionBuilder`."""

    def _title(self, p: Para) -> bool:
        if self.started or self.current is not None:
            return False
        text = p.text.strip()
        if p.kind not in ("title", "") or not (p.kind == "title" or title_like(text)):
            return False
        if self.is_heading(p):
            return False
        if self._page_title(text, p):
            return True
        text = p.text.strip()
        if (date := parse_date(text)) is not None and not self.meta.date:
            self.meta.date = date  # a date written under (or over) the title
            self.placed.add(p.line, "signoff")
            return True
        if not self.title:
            self.title, self.title_line = text, p.line
            self.placed.add(p.line, "title")
            return True
        if self._genre_title(text) and not self._genre_title(self.title):
            if (
                self.placed.sections[-1:] == ["title"]
                and self.title_line != self.copy_line
                and not p.blank_before
                and len(self.title) > 4
                and len(_compact(text)) <= 8
                and not _TITLE_WORDS.search(self.title)
                and len(self.title) + len(text) <= 60
            ):
                self.title += text  # a title set on two lines
                self.placed.add(p.line, "title")
                return True
            old, old_line = self.title, self.title_line
            self.title, self.title_line = text, p.line
            self.placed.add(p.line, "title")
            if _TITLE_WORDS.search(old) or not self._signoff_line(old, old_line):
                self._remove(
                    old,
                    "stray_title",
                    old_line,
                    f"“{old}”像是另一份文件的标题，不属于本文，已删除。",
                )
            return True
        if (
            not p.blank_before
            and self.placed.sections[-1:] == ["title"]
            and self.title_line != self.copy_line
            and len(self.title) > 4
            and not _TITLE_WORDS.search(self.title)
            and _TITLE_WORDS.search(text)
            and len(self.title) + len(text) <= 60
        ):  # a title set on two lines
            self.title += text
            self.placed.add(p.line, "title")
            return True
        if _compact(text) == _compact(self.title):
            self._remove(text, "duplicate_title", p.line, f"重复的标题“{text}”已合并为一个。")
            return True
        if p.kind == "title" or _TITLE_WORDS.search(text):
            self._remove(
                text,
                "stray_title",
                p.line,
                f"“{text}”像是另一份文件的标题，不属于本文，已删除。",
            )
            return True
        return self._signoff_line(text, p.line, p.parts)

    def _page_title(self, text: str, p: Para) -> bool:
        """A list page's title (“……范文5篇”) is removed; a copy number (“……材料(3)”)
        is cut from the title."""
        sig = signals()
        if sig.page_title.search(text) and not self._genre_title(text):
            self._remove(
                text,
                "page_title",
                p.line,
                f"“{text}”是网页列表或合集的标题，不是本文的标题，已删除。",
            )
            return True
        m = sig.copy_number.search(text)
        if m and m.start() >= 4:
            self._remove(
                m.group().strip(),
                "page_title",
                p.line,
                f"标题后的“{m.group().strip()}”是网页上的序号，已删除。",
            )
            p.text = text[: m.start()]
            self.copy_line = p.line  # a numbered copy's title is whole: nothing joins it
        return False

    def _signoff_line(self, text: str, line: int, parts: list[str] | None = None) -> bool:
        """A short name or unit line next to the title goes into ``meta`` (also “单位：
        姓名”, “单位 姓名”, “汇报人：姓名”)."""
        if len(text) > 40:
            return False
        fields = split_signature(parts or [text])
        if not all(
            LABEL.match(f) or looks_like_unit(f) or looks_like_name(f) for f in fields
        ) or not signature_fields(fields):
            return False
        unit, author, position = read_signature(fields)
        if (unit and self.meta.unit) or (author and self.meta.author) or not (unit or author):
            return False
        self.meta.unit = self.meta.unit or unit
        self.meta.author = self.meta.author or author
        self.meta.position = self.meta.position or position
        self.placed.add(line, "signoff")
        self.notices.append(f"第 {line} 行“{text}”看作署名，已放入作者信息。")
        return True

    def _genre_title(self, text: str) -> bool:
        """The title names this genre (ends like the genre's example title)."""
        return bool(self.title_marker) and _compact(text).endswith(self.title_marker)
