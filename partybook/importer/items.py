"""Items, groups and points inside an item section (a mixin of the section builder):
numbered items in every style, 一是……二是…… split, bold leads, unnumbered heading lines,
groups of points in grouped sections, lead-in text before the first item."""

from __future__ import annotations

from ..draft import Item
from ..numbering import cn_number
from .builder_state import BuilderState
from .headings import (
    INLINE_STYLES,
    Numbered,
    may_hold_points,
    parse_number,
    split_heading,
    split_points,
)
from .model import Para
from .titles import title_like


class ItemsMixin(BuilderState):
    """The item methods of :class:`~.sections.SectionBuilder`."""

    def _new_item(self, sid: str, heading: str, body: str) -> Item:
        item = Item(heading=heading, body=body)
        self.content.setdefault(sid, []).append(item)
        return item

    def _bold_item(self, p: Para) -> tuple[str, str, Numbered | None]:
        assert p.head is not None
        head, body = p.head.strip(), p.text[len(p.head) :].strip()
        num = parse_number(head)
        return (num.rest.strip() if num else head), body, num

    def _item(self, sid: str, p: Para, num: Numbered | None) -> None:
        text = p.text.strip()
        style = self.item_style.get(sid)
        if p.head is not None:
            heading, body, bnum = self._bold_item(p)
            if bnum is not None:
                self.item_style.setdefault(sid, bnum.style)
            self.item = self._new_item(sid, heading, body)
            return
        if num is not None and style in (None, num.style):
            self.item_style[sid] = num.style
            if num.style in INLINE_STYLES:  # 一是……二是…… 第一，……第二，…… on one line
                lead, points = split_points(text, style=num.style)
                if len(points) > 1:
                    for point in points:
                        self.item = self._new_item(sid, *split_heading(point))
                    return
            self.item = self._new_item(sid, *split_heading(num.rest))
            return
        if style in (None, "shi"):
            lead, points = split_points(text, start=self._next_shi(sid))
            if points and (len(points) > 1 or not lead):
                if lead:
                    self._append(sid, lead, p.line)
                self.item_style[sid] = "shi"
                for point in points:
                    self.item = self._new_item(sid, *split_heading(point))
                return
        if (style is None or (style in INLINE_STYLES and self.item is None)) and may_hold_points(
            text
        ):
            for inline in INLINE_STYLES[1:]:  # “有以下问题：第一，……第二，……”
                lead, points = split_points(text, style=inline)
                if len(points) > 1:
                    if lead:
                        self._append(sid, lead, p.line)
                    self.item_style[sid] = inline
                    for point in points:
                        self.item = self._new_item(sid, *split_heading(point))
                    return
        if self.item is not None and not (style == "plain" and _plain_heading(p)):
            _append_body(self.item, text)
            return
        if style in (None, "plain") and _plain_heading(p):
            self.item_style[sid] = "plain"
            self.item = self._new_item(sid, text, "")
            return
        self.leads.setdefault(sid, []).append((text, p.line))

    def _next_shi(self, sid: str) -> int:
        if self.item_style.get(sid) != "shi":
            return 1
        return len(self.content.get(sid, [])) + 1

    def _append(self, sid: str, text: str, line: int) -> None:
        if self.item is not None:
            _append_body(self.item, text)
        else:
            self.leads.setdefault(sid, []).append((text, line))

    def _grouped(self, sid: str, p: Para, num: Numbered | None) -> None:
        text = p.text.strip()
        gstyle = self.item_style.get(sid)
        pstyle = self.point_style.get(sid)
        if p.head is not None:
            heading, body, bnum = self._bold_item(p)
            style = bnum.style if bnum else None
            if (
                self.item is not None
                and style is not None
                and style != gstyle
                and style == (pstyle or style)
            ):
                self.point_style[sid] = style
                self.point = Item(heading=heading, body=body)
                self.item.items = [*(self.item.items or []), self.point]
                return
            if style is not None:
                self.item_style.setdefault(sid, style)
            self._new_group(sid, heading, body)
            return
        if (
            num is not None
            and gstyle in (None, num.style)
            and not (gstyle is None and num.style == "shi")
        ):
            self.item_style[sid] = num.style
            heading, body = split_heading(num.rest)
            self._new_group(sid, heading, body)
            return
        if num is not None and self.item is not None and pstyle in (None, num.style):
            self.point_style[sid] = num.style
            if num.style in INLINE_STYLES:
                lead, points = split_points(text, style=num.style)
                if len(points) > 1:
                    for point in points:
                        self._new_point(*split_heading(point))
                    return
            self._new_point(*split_heading(num.rest))
            return
        if num is not None and self.item is None and num.style == "shi":
            lead, points = split_points(text)
            for point in points if len(points) > 1 else [num.rest]:
                self.item = self._new_item(sid, *split_heading(point))
            return
        if self.item is not None and self.point is None:
            lead, points = split_points(text)
            if len(points) > 1:
                if lead:
                    _append_body(self.item, lead)
                self.point_style[sid] = "shi"
                for point in points:
                    self._new_point(*split_heading(point))
                return
        target = self.point or self.item
        if target is not None:
            _append_body(target, text)
            return
        if p.kind == "subheading" or (title_like(text) and len(text) <= 30):
            self._new_group(sid, text, "")
            return
        self.leads.setdefault(sid, []).append((text, p.line))

    def _new_group(self, sid: str, heading: str, body: str) -> None:
        lead, points = split_points(body)
        if len(points) > 1:
            body = lead
        self.item = self._new_item(sid, heading, body)
        self.item.items = []
        self.point = None
        for point in points if len(points) > 1 else []:
            self._new_point(*split_heading(point))

    def _new_point(self, heading: str, body: str) -> None:
        assert self.item is not None
        self.point = Item(heading=heading, body=body)
        self.item.items = [*(self.item.items or []), self.point]


def _next_number_inline(text: str, num: Numbered) -> int:
    """Where the next number of ``num``'s style starts inside ``text`` after a sentence end
    (0: nowhere)."""
    nxt = num.n + 1
    cn = cn_number(nxt)
    forms = {
        "paren_cn": (f"（{cn}）", f"({cn})"),
        "cn": (f"{cn}、",),
        "arabic": (f"{nxt}、", f"{nxt}．", f"{nxt}."),
        "paren_arabic": (f"（{nxt}）", f"({nxt})"),
    }.get(num.style, ())
    best = 0
    for form in forms:
        i = text.find(form, len(num.label))
        while i > 0:
            if text[i - 1] in "。！？；;!?" and parse_number(text[i:]) is not None:
                best = i if not best else min(best, i)
                break
            i = text.find(form, i + 1)
    return best


def _plain_heading(p: Para) -> bool:
    """An unnumbered line that reads as an item heading: short, no sentence end."""
    text = p.text.strip()
    return p.kind == "subheading" or (title_like(text) and len(text) <= 30)


def _append_body(item: Item, text: str) -> None:
    item.body = f"{item.body}\n{text}" if item.body else text
