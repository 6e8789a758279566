"""One panel per section: guidance, the editor, a live count against the section's range,
that section's findings, and (when the panel is open or focused) prompts, the instructor's
comments and the worked example on demand: the genre's own, or one of the shared examples
published by the classroom tools (anonymised; chosen in a drop-down, read-only)."""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from ..genre import SectionKind, SectionSpec
from .common import button, esc, findings_html, full_width, html_box, rows_for
from .items_panel import ItemsPanel
from .messages import Messages
from .session import Session
from .shared_examples import SharedExample

HUGE = 100_000  # characters in one editor before it stops syncing on every keystroke
EXAMPLE_LIMIT = 20_000  # characters of a shared example's section shown (bounded page)
OWN_EXAMPLE = -1  # the example source drop-down's value for the genre's worked example

SIGNOFF_FIELDS = [
    ("author", "姓名", "例如：张明"),
    ("unit", "单位", "例如：某某市某某局（可不填）"),
    ("position", "职务", "可不填"),
    ("class_name", "班次", "例如：2025年秋季科级干部任职培训班"),
    ("date", "日期", "例如：2025-11 或 2025-11-08"),
]


def example_html(spec: SectionSpec, ex: Any) -> str:
    """One section of a worked example (``Genre.example_section``) as HTML."""
    if ex is None:
        return "<p>本节没有范例。</p>"
    parts: list[str] = []

    def add_items(items: list[Any], depth: int = 0) -> None:
        for it in items:
            if isinstance(it, dict):
                head, body = it.get("heading", ""), it.get("body", "")
                parts.append(f"<p><b>{esc(head)}</b>{esc(body)}</p>")
                add_items(it.get("items") or [], depth + 1)
            else:
                parts.append(f"<p>{esc(str(it))}</p>")

    if isinstance(ex, str):
        parts.append(f"<p>{esc(ex)}</p>")
    elif isinstance(ex, list):
        add_items(ex)
    return (
        '<div class="pb-example">'
        + "".join(parts)
        + '<p class="pb-example-note">范例仅供参考，请写自己的经历，不要照抄。</p></div>'
    )


def shared_example_html(example: SharedExample, spec: SectionSpec) -> str:
    """One section of a published example, escaped, marked as shared and anonymised."""
    draft = example.draft
    parts: list[str] = []
    if spec.kind is SectionKind.SIGNOFF:
        m = draft.meta
        lines = [m.author, m.unit, m.position, m.class_name, m.date]
        parts.extend(f"<p>{esc(x)}</p>" for x in lines if x.strip())
    elif spec.kind in (SectionKind.ITEMS, SectionKind.GROUPED_ITEMS):
        for it in draft.items(spec.id):
            parts.append(f"<p><b>{esc(it.heading)}</b>{esc(it.body)}</p>")
            parts.extend(
                f'<p class="pb-example-point"><b>{esc(pt.heading)}</b>{esc(pt.body)}</p>'
                for pt in it.items or []
            )
    elif spec.kind is SectionKind.LINE:
        text = draft.text_of(spec.id)
        if text.strip():
            parts.append(f"<p>{esc(text)}</p>")
    else:
        parts.extend(f"<p>{esc(x)}</p>" for x in draft.paragraphs(spec.id))
    shown: list[str] = []
    size = 0
    for part in parts:
        if size > EXAMPLE_LIMIT:
            shown.append(f"<p>……（本节较长，只显示前 {EXAMPLE_LIMIT} 字左右）</p>")
            break
        shown.append(part)
        size += len(part)
    body = "".join(shown) or "<p>这篇共享范文的本节没有内容。</p>"
    return (
        '<div class="pb-example pb-example-shared">'
        f'<p class="pb-example-source-title"><b>共享范文（已匿名化）</b>：{esc(example.title)}</p>'
        + body
        + '<p class="pb-example-note">共享范文由往期学员撰写，发布前已匿名化处理（姓名、单位、地名等已替换）。'
        "仅供参考，请写自己的经历，不要照抄。</p></div>"
    )


class SectionPanel:
    def __init__(self, session: Session, spec: SectionSpec, msgs: Messages) -> None:
        self.session = session
        self.spec = spec
        self.msgs = msgs
        self.id = spec.id
        self._loading = False
        self.items: ItemsPanel | None = None
        self.editor: w.Widget | None = None
        self.meta_editors: dict[str, w.Text] = {}

        self.toggle = button("", "pb-panel-toggle")
        self.toggle.on_click(msgs.guard(lambda _: self.set_open(not self.is_open), "展开"))
        # clicked by the page's focus hook (workbook.FOCUS_JS) when an editor gets focus
        self.opener = button("", "pb-panel-opener")
        self.opener.on_click(msgs.guard(lambda _: self.set_open(True), "展开"))
        self.chip = html_box("", "pb-chip")
        header = w.HBox([self.toggle, self.chip, self.opener])
        header.add_class("pb-panel-head")
        self.guidance = html_box(f'<div class="pb-guidance">{esc(spec.guidance)}</div>')
        self.step_prompt = html_box("", "pb-step-prompt")
        self.comments = html_box("", "pb-comments")
        self.count = html_box("", "pb-count")
        self.findings = html_box("", "pb-section-findings")
        prompts = "".join(f"<li>{esc(p)}</li>" for p in spec.prompts)
        self.prompts = html_box(
            f'<div class="pb-prompts"><b>想一想：</b><ul>{prompts}</ul></div>' if prompts else ""
        )
        self.example = html_box("", "pb-example-box")
        self.example_button = button(
            "看范例", f"pb-example-toggle pb-example-{spec.id}", icon="eye"
        )
        self.example_button.on_click(msgs.guard(self._toggle_example, "显示范例"))
        # which example: the genre's own, or a shared one (hidden when none is published)
        self.example_source = w.Dropdown(
            options=[("本文体范例", OWN_EXAMPLE)], value=OWN_EXAMPLE, description="范文："
        )
        self.example_source.style.description_width = "3em"
        self.example_source.layout.width = "auto"
        self.example_source.layout.display = "none"
        self.example_source.add_class("pb-example-source")
        self.example_source.add_class(f"pb-example-source-{spec.id}")
        self.example_source.observe(msgs.guard(self._on_example_source, "切换范文"), "value")
        self._setting_source = False
        self._source_options: list[tuple[str, int]] = [("本文体范例", OWN_EXAMPLE)]
        example_bar = w.HBox([self.example_button, self.example_source])
        example_bar.add_class("pb-example-bar")
        self.details = w.VBox([self.prompts, example_bar, self.example])
        self.details.add_class("pb-details")
        body = self._build_editor()
        foot = w.HBox([self.count])
        foot.add_class("pb-panel-foot")
        self.root = w.VBox(
            [
                header,
                self.step_prompt,
                self.guidance,
                self.comments,
                body,
                foot,
                self.findings,
                self.details,
            ]
        )
        self.root.add_class("pb-panel")
        self.root.add_class(f"pb-panel-{spec.id}")
        self.is_open = False
        self.refresh_header()

    # --- editors ----------------------------------------------------------------------
    def _build_editor(self) -> w.Widget:
        spec = self.spec
        if spec.kind is SectionKind.LINE:
            self.editor = w.Text(placeholder="在这里输入标题")
        elif spec.kind is SectionKind.PARAGRAPHS:
            self.editor = w.Textarea(placeholder="在这里写作。每段一行，按回车另起一段。", rows=4)
        elif spec.kind is SectionKind.SIGNOFF:
            rows = []
            for name, label_text, hint in SIGNOFF_FIELDS:
                t = w.Text(placeholder=hint, description=label_text)
                t.style.description_width = "3em"
                full_width(t)
                t.add_class(f"pb-editor-signoff-{name}")
                t.add_class("pb-editor")
                t.observe(
                    self.msgs.guard(lambda ch, n=name: self._on_meta(n, ch["new"]), "保存落款"),
                    "value",
                )
                self.meta_editors[name] = t
                rows.append(t)
            box = w.VBox(rows)
            box.add_class(f"pb-editor-{spec.id}")
            return box
        else:
            self.items = ItemsPanel(self.session, spec, self.msgs)
            return self.items.root
        full_width(self.editor)
        self.editor.add_class(f"pb-editor-{spec.id}")
        self.editor.add_class("pb-editor")
        self.editor.observe(self.msgs.guard(self._on_text, "保存输入"), "value")
        return self.editor

    def _on_text(self, change: dict) -> None:
        if self._loading:
            return
        self.session.set_text(self.id, change["new"])
        if isinstance(self.editor, w.Textarea):
            rows = rows_for(change["new"], minimum=4)
            if rows != self.editor.rows:
                self.editor.rows = rows
            self._adapt_sync(len(change["new"]))

    def _adapt_sync(self, size: int) -> None:
        """Past HUGE characters, sending the whole text on every keystroke would freeze the
        page: such an editor syncs when it loses focus (or Enter) instead, and says so."""
        huge = size > HUGE
        if self.editor is None or self.editor.continuous_update != huge:
            return
        self.editor.continuous_update = not huge
        if huge:
            self.session.tell(
                f"本节超过 {HUGE // 10000} 万字。为保持输入流畅，此后在点击输入框以外的地方时保存本节。",
                "warning",
            )

    def _on_meta(self, name: str, value: str) -> None:
        if not self._loading:
            self.session.set_meta(name, value)

    def fill(self) -> None:
        """Load the editors from the draft (on open, undo and fixes)."""
        self._loading = True
        try:
            draft = self.session.draft
            assert draft is not None
            if self.spec.kind is SectionKind.SIGNOFF:
                for name, t in self.meta_editors.items():
                    t.value = str(getattr(draft.meta, name, "") or "")
            elif self.items is not None:
                self.items.rebuild()
            elif self.editor is not None:
                value = self.session.text_value(self.id)
                self.editor.value = value
                if isinstance(self.editor, w.Textarea):
                    self.editor.rows = rows_for(value, minimum=4)
                    self.editor.continuous_update = len(value) <= HUGE
            self.comments.value = self._comments_html()
        finally:
            self._loading = False
        self.refresh_header()
        self.refresh_findings()

    def refresh_comments(self) -> None:
        self.comments.value = self._comments_html()

    def _comments_html(self) -> str:
        draft = self.session.draft
        mine = [c for c in (draft.comments if draft else []) if c.section == self.id]
        if not mine:
            return ""
        lines = []
        for c in mine:
            where = f"（第 {c.item + 1} 条）" if isinstance(c.item, int) else ""
            who = esc(c.author or "老师")
            lines.append(f"<li><b>{who}</b>{where}：{esc(c.text)}</li>")
        return f'<div class="pb-comment-box"><b>老师批注</b><ul>{"".join(lines)}</ul></div>'

    def _toggle_example(self, _: object) -> None:
        if self.example.value:
            self.example.value = ""
            self.example_button.description = "看范例"
        else:
            self._show_example()

    def _show_example(self) -> None:
        chosen = self.example_source.value
        shared = self.session.examples
        if chosen == OWN_EXAMPLE or not 0 <= chosen < len(shared):
            genre = self.session.genre
            ex = genre.example_section(self.spec.id) if genre else None
            self.example.value = example_html(self.spec, ex)
        else:
            self.example.value = shared_example_html(shared[chosen], self.spec)
        self.example_button.description = "收起范例"

    def _on_example_source(self, _: dict) -> None:
        if not self._setting_source:
            self._show_example()  # choosing a source shows it

    def refresh_examples(self) -> None:
        """Offer the open draft's shared examples (after the session loaded them)."""
        options = [("本文体范例", OWN_EXAMPLE)] + [
            (ex.label(n), n - 1) for n, ex in enumerate(self.session.examples, 1)
        ]
        if options != self._source_options:  # another list: back to the genre's example
            self._source_options = options
            self._setting_source = True
            try:
                self.example_source.options = options
                self.example_source.value = OWN_EXAMPLE
            finally:
                self._setting_source = False
        if self.example.value:  # shown: show the freshly loaded text
            self._show_example()
        self.example_source.layout.display = "" if self.session.examples else "none"

    # --- state ------------------------------------------------------------------------
    def set_open(self, is_open: bool) -> None:
        self.is_open = is_open
        if is_open:
            self.root.add_class("pb-open")
        else:
            self.root.remove_class("pb-open")
        self.refresh_header()

    def set_step(self, text: str) -> None:
        self.step_prompt.value = f'<div class="pb-step">{esc(text)}</div>' if text else ""

    def refresh_header(self) -> None:
        if self.session.genre is None or self.session.draft is None:
            return
        name = self.session.genre.section_label(self.spec)
        done = self.session.checks.is_done(self.id)
        self.toggle.description = f"{'▾' if self.is_open else '▸'} {name}"
        n = self.session.checks.chars(self.id)
        lo, hi = self.spec.length.min, self.spec.length.max
        if self.spec.kind is SectionKind.SIGNOFF:
            count = "已填写" if done else "请填写姓名和日期"
        else:
            rng = f"{lo}–{hi}" if hi else f"{lo} 以上"
            state = ""
            if n and n < lo:
                state = f"，还差 {lo - n} 字"
            elif hi and n > hi:
                state = f"，超出 {n - hi} 字"
            count = f"已写 {n} 字（建议 {rng} 字{state}）"
        cls = "pb-done" if done else ("pb-over" if hi and n > hi else "pb-todo")
        self.count.value = f'<span class="{cls}">{esc(count)}</span>'
        mark = "✓ 完成" if done else ("未开始" if n == 0 else "进行中")
        self.chip.value = f'<span class="pb-chip-{cls}">{mark}</span>'

    def refresh_findings(self) -> None:
        found = self.session.checks.findings_for(self.id)
        self.findings.value = findings_html(found)
