"""Editors of an item section (problems, causes, measures; grouped items of 对照检查材料).

Items of linked sections are added, removed and moved together through the session, so
problem N, cause N and measure N stay aligned; each cause and measure shows its problem.
Deleting asks for a second click and can be undone.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import ipywidgets as w

from ..genre import SectionKind, SectionSpec
from ..numbering import label
from .common import button, esc, full_width, html_box, rows_for
from .editing import clean_text
from .messages import Messages
from .session import Session

ITEM_NOUN = {"problems": "问题", "causes": "原因", "measures": "措施", "criticism": "意见"}
# what a lead-in may say: a first section introduces its items, a linked one answers them
LEAD_HINT_FIRST = "可写一句引导语，如“对照党员标准，我还存在以下不足：”；不写也可以。"
LEAD_HINT_LINKED = "可写一句引导语，如“针对上述问题，……”；不写也可以。"


class ItemsPanel:
    def __init__(self, session: Session, spec: SectionSpec, msgs: Messages) -> None:
        self.session = session
        self.spec = spec
        self.msgs = msgs
        self.rows = w.VBox()
        self.rows.add_class("pb-item-rows")
        self.note = html_box("", "pb-items-note")
        self.footer = w.HBox()
        self.editors: dict[str, w.Widget] = {}
        self.linked_labels: list[w.HTML] = []
        self._loading = False
        self._confirm: int | None = None
        self.lead: w.Textarea | None = None
        parts: list[w.Widget] = [self.rows, self.note, self.footer]
        if spec.lead_key:
            parts.insert(0, self._build_lead())
        self.root = w.VBox(parts)
        self.root.add_class("pb-items")
        self._build_footer()

    # --- lead-in ----------------------------------------------------------------------
    def _build_lead(self) -> w.Widget:
        """The optional lead-in paragraphs printed between the heading and the items."""
        hint = LEAD_HINT_LINKED if self.spec.linked_to else LEAD_HINT_FIRST
        self.lead = w.Textarea(placeholder="引导语（可不写）。每段一行。", rows=2)
        full_width(self.lead)
        self.lead.add_class(f"pb-editor-{self.spec.id}-lead")
        self.lead.add_class("pb-editor")
        self.lead.observe(self.msgs.guard(self._on_lead, "保存引导语"), "value")
        box = w.VBox([html_box(f'<div class="pb-lead-hint">{esc(hint)}</div>'), self.lead])
        box.add_class("pb-lead")
        return box

    def _on_lead(self, change: dict) -> None:
        if self._loading or self.lead is None:
            return
        self.session.set_lead(self.spec.id, change["new"])
        rows = rows_for(change["new"], minimum=2)
        if rows != self.lead.rows:
            self.lead.rows = rows

    def _fill_lead(self) -> None:
        if self.lead is None:
            return
        value = self.session.lead_value(self.spec.id) if self.session.draft else ""
        # rows are rebuilt while the user may be typing here: leave an editor alone whose
        # text already says what the draft holds (its blank lines are not stored)
        shown = [p for p in clean_text(self.lead.value).split("\n") if p.strip()]
        if shown != [p for p in value.split("\n") if p]:
            self.lead.value = value
            self.lead.rows = rows_for(value, minimum=2)
        self.editors[f"pb-editor-{self.spec.id}-lead"] = self.lead

    # --- structure --------------------------------------------------------------------
    @property
    def is_root(self) -> bool:
        return self.spec.linked_to is None

    def _noun(self) -> str:
        return ITEM_NOUN.get(self.spec.id, "条目")

    def _build_footer(self) -> None:
        if not self.is_root:
            self.footer.children = ()
            return
        noun = "方面" if self.spec.kind is SectionKind.GROUPED_ITEMS else self._noun()
        add = button(f"添加一个{noun}", f"pb-add pb-add-{self.spec.id}", "info", icon="plus")
        if self.spec.id.endswith("s"):
            add.add_class(f"pb-add-{self.spec.id[:-1]}")
        group = self.session.linked_group(self.spec.id) if self.session.draft else [self.spec.id]
        if len(group) > 1:
            add.tooltip = "同时添加对应的" + "、".join(
                ITEM_NOUN.get(s, s) for s in group if s != self.spec.id
            )
        add.on_click(self.msgs.guard(lambda _: self.session.add_item(self.spec.id), "添加条目"))
        self.footer.children = (add,)

    def rebuild(self) -> None:
        """Recreate the rows from the draft (after add / remove / move / undo)."""
        self._loading = True
        try:
            self._build_footer()
            self.editors = {}
            self.linked_labels = []
            items = self.session.draft.items(self.spec.id) if self.session.draft else []
            self.rows.children = tuple(self._row(i) for i in range(len(items)))
            self._fill_lead()
            self._update_note()
        finally:
            self._loading = False

    def update_linked(self) -> None:
        """Refresh the "对应问题" labels after the problems were edited."""
        for index, hint in enumerate(self.linked_labels):
            text = f"对应问题：{esc(self.session.linked_heading(self.spec.id, index))}"
            if hint.value != text:
                hint.value = text

    def _update_note(self) -> None:
        draft, genre = self.session.draft, self.session.genre
        if draft is None or genre is None:
            return
        group = self.session.linked_group(self.spec.id)
        counts = {s: len(draft.items(s)) for s in group}
        notes = []
        if not self.is_root:
            root_spec = self.session.spec(group[0])
            notes.append(
                f"本部分与“{genre.section_label(root_spec)}”逐条对应：条目在那里添加；"
                "在这里删除或调整顺序时，对应的各条一起变动。"
            )
        if len(set(counts.values())) > 1:
            detail = "、".join(
                f"{genre.section_label(genre.section(s))} {n} 条" for s, n in counts.items()
            )
            notes.append(f"⚠️ 条数不一致（{detail}）。可点“补齐条目”为较少的部分添加空白条目。")
            fix = button("补齐条目", "pb-align", "warning")
            fix.on_click(self.msgs.guard(lambda _: self.session.align(self.spec.id), "补齐条目"))
            self.footer.children = (*self.footer.children[:1], fix) if self.is_root else (fix,)
        if not counts.get(self.spec.id):
            notes.append(
                "还没有条目。" + ("点下面的按钮添加。" if self.is_root else "请先在上面添加问题。")
            )
        self.note.value = "".join(f"<div>{esc(n)}</div>" for n in notes)

    def _row(self, index: int) -> w.Widget:
        draft = self.session.draft
        assert draft is not None
        item = draft.items(self.spec.id)[index]
        sid = self.spec.id
        number = label(self.spec.item_numbering, index + 1)
        title = html_box(f'<span class="pb-num">{esc(number)}</span>', "pb-item-num")
        parts: list[w.Widget] = []
        linked = self.session.linked_heading(sid, index) if self.spec.linked_to else ""
        if self.spec.linked_to:
            hint = html_box(f"对应问题：{esc(linked)}", "pb-linked")
            self.linked_labels.append(hint)
            parts.append(hint)
        heading = self._text(
            item.heading,
            f"pb-editor-{sid}-{index}-heading",
            "小标题：用一句话概括（不用写序号）",
            partial(self.session.set_item, sid, index, "heading"),
            line=True,
        )
        parts.append(heading)
        if self.spec.kind is SectionKind.GROUPED_ITEMS:
            if item.body:
                parts.append(
                    self._text(
                        item.body,
                        f"pb-editor-{sid}-{index}-body",
                        "补充说明（可不填）",
                        partial(self.session.set_item, sid, index, "body"),
                    )
                )
            parts.append(self._points(index))
        else:
            parts.append(
                self._text(
                    item.body,
                    f"pb-editor-{sid}-{index}-body",
                    "具体内容：写清时间、事情、做法；可分几段，按回车另起一段",
                    partial(self.session.set_item, sid, index, "body"),
                )
            )
        tools = self._tools(index)
        head = w.HBox([title, tools])
        head.add_class("pb-item-head")
        box = w.VBox([head, *parts])
        box.add_class("pb-item")
        box.add_class(f"pb-item-{sid}-{index}")
        return box

    def _points(self, index: int) -> w.Widget:
        sid = self.spec.id
        draft = self.session.draft
        assert draft is not None
        item = draft.items(sid)[index]
        rows: list[w.Widget] = []
        for p, point in enumerate(item.items or []):
            num = html_box(esc(label(self.spec.point_numbering, p + 1)), "pb-point-num")
            rm = button("", f"pb-remove-point pb-remove-{sid}-{index}-{p}", icon="trash")
            rm.tooltip = "删除这一点（可撤销）"
            rm.on_click(self.msgs.guard(partial(self._remove_point, index, p), "删除要点"))
            h = self._text(
                point.heading,
                f"pb-editor-{sid}-{index}-{p}-heading",
                "要点：一句话概括",
                partial(self.session.set_item, sid, index, "heading", point=p),
                line=True,
            )
            b = self._text(
                point.body,
                f"pb-editor-{sid}-{index}-{p}-body",
                "具体表现",
                partial(self.session.set_item, sid, index, "body", point=p),
            )
            box = w.VBox([w.HBox([num, rm]), h, b])
            box.add_class("pb-point")
            rows.append(box)
        add = button("添加一点", f"pb-add-point pb-add-point-{sid}-{index}", icon="plus")
        add.on_click(self.msgs.guard(lambda _: self.session.add_point(sid, index), "添加要点"))
        box = w.VBox([*rows, add])
        box.add_class("pb-points")
        return box

    def _remove_point(self, index: int, point: int, _: object = None) -> None:
        self.session.remove_point(self.spec.id, index, point)

    def _tools(self, index: int) -> w.Widget:
        sid = self.spec.id
        draft = self.session.draft
        assert draft is not None
        n = len(draft.items(sid))
        up = button("", f"pb-up pb-up-{sid}-{index}", icon="arrow-up", tooltip="上移")
        down = button("", f"pb-down pb-down-{sid}-{index}", icon="arrow-down", tooltip="下移")
        up.disabled = index == 0
        down.disabled = index >= n - 1
        up.on_click(self.msgs.guard(lambda _: self.session.move_item(sid, index, -1), "上移"))
        down.on_click(self.msgs.guard(lambda _: self.session.move_item(sid, index, 1), "下移"))
        group = self.session.linked_group(sid)
        others = "、".join(ITEM_NOUN.get(s, s) for s in group if s != sid)
        rm = button("删除", f"pb-remove pb-remove-{sid}-{index}", icon="trash")
        rm.tooltip = f"删除本条（连同对应的{others}）" if others else "删除本条"

        def remove(_: object) -> None:
            if self._confirm != index:
                self._confirm = index
                rm.description = "确认删除？" + (f"（连同对应的{others}）" if others else "")
                rm.button_style = "danger"
                return
            self._confirm = None
            self.session.remove_item(sid, index)
            self.session.tell(f"已删除第 {index + 1} 条。如是误删，点上方“撤销”即可恢复。")

        rm.on_click(self.msgs.guard(remove, "删除条目"))
        box = w.HBox([up, down, rm])
        box.add_class("pb-item-tools")
        return box

    def _text(
        self,
        value: str,
        cls: str,
        placeholder: str,
        setter: Callable[[str], None],
        line: bool = False,
    ) -> w.Widget:
        if line:
            widget: w.Widget = w.Text(value=value, placeholder=placeholder)
        else:
            widget = w.Textarea(value=value, placeholder=placeholder, rows=rows_for(value))
        full_width(widget)
        widget.add_class(cls)
        widget.add_class("pb-editor")
        self.editors[cls] = widget

        def on_change(change: dict) -> None:
            if self._loading:
                return
            setter(change["new"])
            if not line:
                rows = rows_for(change["new"])
                if rows != widget.rows:
                    widget.rows = rows

        widget.observe(self.msgs.guard(on_change, "保存输入"), "value")
        return widget
