"""One panel per section: guidance (with the year's meeting notice where the genre has
one), the editor, a live count against the section's range, that section's findings, and
(when the panel is open or focused) prompts, the instructor's comments and an example on
demand (:mod:`~partybook.ui.example_viewer`)."""

from __future__ import annotations

import ipywidgets as w

from ..genre import SectionKind, SectionSpec
from .common import button, esc, findings_html, full_width, html_box, rows_for
from .example_viewer import ExampleViewer
from .fix_buttons import FixButtons
from .items_panel import ItemsPanel
from .messages import Messages
from .session import Session

HUGE = 100_000  # characters in one editor before it stops syncing on every keystroke
SIGNOFF_FIELDS = [
    ("author", "姓名", "例如：张明"),
    ("unit", "单位", "例如：某某市某某局（可不填）"),
    ("position", "职务", "可不填"),
    ("class_name", "班次", "例如：2025年秋季科级干部任职培训班"),
    ("date", "日期", "例如：2025-11 或 2025-11-08"),
]


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
        self.notice = html_box("", "pb-notice-box")
        self.step_prompt = html_box("", "pb-step-prompt")
        self.comments = html_box("", "pb-comments")
        self.count = html_box("", "pb-count")
        self.findings = html_box("", "pb-section-findings")
        self.fixes = FixButtons(session, msgs)  # one click per fixable finding (PB601 …)
        prompts = "".join(f"<li>{esc(p)}</li>" for p in spec.prompts)
        self.prompts = html_box(
            f'<div class="pb-prompts"><b>想一想：</b><ul>{prompts}</ul></div>' if prompts else ""
        )
        self.viewer = ExampleViewer(session, spec, msgs)
        # the widgets scripts and tests reach through the panel
        self.example = self.viewer.box
        self.example_button = self.viewer.button
        self.example_source = self.viewer.source
        self.details = w.VBox([self.prompts, self.viewer.root])
        self.details.add_class("pb-details")
        body = self._build_editor()
        foot = w.HBox([self.count])
        foot.add_class("pb-panel-foot")
        self.root = w.VBox(
            [
                header,
                self.step_prompt,
                self.guidance,
                self.notice,
                self.comments,
                body,
                foot,
                self.findings,
                self.fixes.root,
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
        keys = {self.id, self.spec.lead_key}  # a comment on the lead-in shows here too
        mine = [c for c in (draft.comments if draft else []) if c.section in keys]
        if not mine:
            return ""
        lines = []
        for c in mine:
            where = f"（第 {c.item + 1} 条）" if isinstance(c.item, int) else ""
            where = "（引导语）" if c.section != self.id else where
            who = esc(c.author or "老师")
            lines.append(f"<li><b>{who}</b>{where}：{esc(c.text)}</li>")
        return f'<div class="pb-comment-box"><b>老师批注</b><ul>{"".join(lines)}</ul></div>'

    def refresh_examples(self) -> None:
        """Offer the open draft's examples (the genre's and the shared ones)."""
        self.viewer.refresh()

    def refresh_notice(self, text: str) -> None:
        """The year's meeting notice as guidance (empty: nothing to show)."""
        value = (
            f'<div class="pb-notice-guidance"><b>会议通知</b>：{esc(text)}</div>' if text else ""
        )
        if self.notice.value != value:
            self.notice.value = value

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
        found = self.session.checks.section_findings(self.spec)
        self.findings.value = findings_html(found)
        self.fixes.refresh(found)
