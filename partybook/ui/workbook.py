"""The workbook: the widgets around one :class:`Session`, wired by the session's events.

``Workbook()`` shows the start screen; once a draft is open, the writing page (one panel
per section, findings and the live preview beside them), the review page and the export
page, under a header with the save status and the progress that is always visible.
"""

from __future__ import annotations

import os

import ipywidgets as w

from .. import paths
from ..genre import Genre, SectionKind
from .common import button, esc, html_box, style_tag
from .earlier_panel import EarlierPanel
from .events import (
    Closed,
    CommentsMerged,
    ContentChanged,
    EarlierChanged,
    Edited,
    ExamplesLoaded,
    FindingsReady,
    Message,
    Opened,
    Replaced,
    Restructured,
    SaveStatusChanged,
)
from .exercise_bar import ExerciseBar
from .exports import ExportsPanel
from .history_panel import HistoryPanel
from .messages import Messages
from .paged_preview import PagedPreview
from .preview import Preview
from .progress import FindingsSummary, ProgressBar, SaveStatus
from .review import ReviewPage
from .scheduler import Scheduler
from .section_panel import SectionPanel
from .session import Session
from .start_screen import StartScreen

TAB_WRITE, TAB_REVIEW, TAB_EARLIER, TAB_HISTORY, TAB_EXPORT = 0, 1, 2, 3, 4
# Open a section's panel when one of its editors gets focus (ipywidgets has no focus
# events): a capturing focusin listener clicks the panel's hidden "opener" button.
FOCUS_JS = """
(function () {
  if (window.__pbFocusHook) { return; }
  window.__pbFocusHook = true;
  document.addEventListener('focusin', function (e) {
    var panel = e.target && e.target.closest ? e.target.closest('.pb-panel') : null;
    if (!panel || panel.classList.contains('pb-open')) { return; }
    // the header's own toggle opens and closes the panel: opening here too would race it
    if (e.target.closest('.pb-panel-head')) { return; }
    var opener = panel.querySelector('.pb-panel-opener');
    if (opener) { opener.click(); }
  }, true);
})();
"""


class Workbook:
    def __init__(
        self,
        exercise: str | os.PathLike[str] | None = None,
        drafts: str | os.PathLike[str] | None = None,
        scheduler: Scheduler | None = None,
    ) -> None:
        self.msgs = Messages()
        self.session = Session(drafts, scheduler=scheduler)
        self.session.events.on_error = lambda err: self.msgs.exception(err, "更新界面")
        self.panels: dict[str, SectionPanel] = {}
        self._panel_genre: str | None = None

        self.title = html_box("", "pb-app-title")
        self.saved = SaveStatus(self.session)
        self.progress = ProgressBar(self.session)
        self.undo_button = button(
            "撤销", "pb-undo-top", icon="undo", tooltip="撤销上一次删除或自动修复"
        )
        self.undo_button.on_click(self.msgs.guard(lambda _: self.session.undo(), "撤销"))
        self.home_button = button("草稿列表", "pb-home", icon="folder-open")
        self.home_button.on_click(self.msgs.guard(lambda _: self.session.close(), "返回"))
        self.paged = PagedPreview(self.session)  # 按页预览 (side column) and 约 N 页 (header)
        right = w.HBox([self.paged.count, self.saved.root, self.undo_button, self.home_button])
        right.add_class("pb-header-tools")
        head_top = w.HBox([self.title, right])
        head_top.add_class("pb-header-top")
        self.header = w.VBox([head_top, self.progress.root])
        self.header.add_class("pb-header")

        self.start = StartScreen(self.session, self.msgs, self._opened)
        self.exercise = ExerciseBar(self.session, self.msgs, lambda: self.panels, self.jump)
        self.report = html_box("", "pb-report")
        self.report_close = button("知道了，关闭报告", "pb-report-close", icon="check")
        self.report_close.on_click(self.msgs.guard(lambda _: self._show_report(""), "关闭报告"))
        self.report_box = w.VBox([self.report, self.report_close])
        self.report_box.add_class("pb-card")
        self.report_box.layout.display = "none"
        self.unplaced = w.Textarea(rows=4)
        self.unplaced.add_class("pb-editor-unplaced")
        self.unplaced.layout.width = "100%"
        self.unplaced.observe(self.msgs.guard(self._on_unplaced, "保存未归类段落"), "value")
        self.unplaced_box = w.VBox(
            [
                html_box(
                    '<div class="pb-h">未归类的段落</div><div class="pb-hint">导入时没能归入任何部分的内容'
                    "保存在这里，不会丢失，也不会打印。请把需要的句子复制到合适的部分，再从这里删去。</div>"
                ),
                self.unplaced,
            ]
        )
        self.unplaced_box.add_class("pb-card")
        self.unplaced_box.layout.display = "none"
        self._loading_unplaced = False

        self.panel_column = w.VBox()
        self.panel_column.add_class("pb-panels")
        left = w.VBox([self.report_box, self.panel_column, self.unplaced_box])
        left.add_class("pb-left")
        self.findings = FindingsSummary(self.session)
        self.preview = Preview(self.session)
        side = w.VBox([self.findings.root, self.preview.root, self.paged.root])
        side.add_class("pb-side")
        write = w.HBox([left, side])
        write.add_class("pb-write")
        self.review = ReviewPage(self.session, self.msgs, self.jump)
        self.exports = ExportsPanel(self.session, self.msgs)
        self.earlier = EarlierPanel(self.session, self.msgs)
        self.history = HistoryPanel(self.session, self.msgs)
        self.tabs = w.Tab(
            children=[
                write,
                self.review.root,
                self.earlier.root,
                self.history.root,
                self.exports.root,
            ]
        )
        self.tabs.titles = ("撰写", "检查与修改", "与往年对照", "历史版本", "导出")
        self.tabs.add_class("pb-tabs")
        self.tabs.observe(self.msgs.guard(self._on_tab, "切换页面"), "selected_index")
        self.js = w.Output()
        self.js.add_class("pb-js")
        self.focus_hook = w.Output()
        self.focus_hook.add_class("pb-js")
        from IPython.display import Javascript

        self.focus_hook.append_display_data(Javascript(FOCUS_JS))
        self.main = w.VBox([self.header, self.exercise.root, self.tabs])
        self.main.add_class("pb-main")
        self.root = w.VBox(
            [
                html_box(style_tag()),
                self.msgs.root,
                self.start.root,
                self.main,
                self.js,
                self.focus_hook,
            ]
        )
        self.root.add_class("pb-app")

        events = self.session.events
        events.observe(Opened, lambda _: self._on_opened())
        events.observe(Closed, lambda _: self._on_closed())
        # rows and editors first, then what every change needs, then what typing adds
        events.observe(Replaced, self._on_replaced)
        events.observe(Restructured, self._on_restructured)
        events.observe(ContentChanged, self._on_content_changed)
        events.observe(Edited, lambda e: self._open_panels(e.sections))
        events.observe(FindingsReady, lambda _: self._on_findings())
        events.observe(Message, lambda m: self.msgs.show(m.text, m.level))
        events.observe(CommentsMerged, lambda _: self._on_comments())
        events.observe(ExamplesLoaded, lambda _: self._on_examples())
        events.observe(EarlierChanged, lambda _: self._on_earlier())
        events.observe(SaveStatusChanged, self._on_save_status)
        exercise = exercise or paths.class_exercise()
        if exercise is not None:
            self.msgs.guard(self._load_exercise, "读取练习文件")(exercise)
        self._on_closed()

    # --- display ----------------------------------------------------------------------
    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.root)

    # --- exercise mode ----------------------------------------------------------------
    def _load_exercise(self, path: str | os.PathLike[str]) -> None:
        ex = self.exercise.load(path)
        if ex.genre in [v for _, v in self.start.genre.options]:
            self.start.genre.value = ex.genre

    # --- navigation -------------------------------------------------------------------
    def jump(self, section_id: str) -> None:
        self.tabs.selected_index = TAB_WRITE
        for sid, panel in self.panels.items():
            panel.set_open(sid == section_id)
        self._scroll_to(f".pb-panel-{section_id}")

    def _scroll_to(self, selector: str) -> None:
        from IPython.display import Javascript

        self.js.outputs = ()
        self.js.append_display_data(
            Javascript(
                f"setTimeout(function(){{var e=document.querySelector('{selector}');"
                "if(e){e.scrollIntoView({behavior:'smooth',block:'start'});}},150);"
            )
        )

    def _on_tab(self, change: dict) -> None:
        if change["new"] == TAB_REVIEW:
            self.review.refresh()
        elif change["new"] == TAB_EARLIER:
            self.earlier.refresh()
        elif change["new"] == TAB_HISTORY:
            self.history.on_shown()

    # --- session events ---------------------------------------------------------------
    def _build_panels(self, genre: Genre) -> None:
        if self._panel_genre == genre.id:
            return
        self.panels = {s.id: SectionPanel(self.session, s, self.msgs) for s in genre.sections}
        self.panel_column.children = tuple(p.root for p in self.panels.values())
        self._panel_genre = genre.id

    def _opened(self) -> None:
        """Called by the start screen after it opened a draft."""
        self._show_report(self.start.report.value)
        self.start.report.value = ""

    def _show_report(self, value: str) -> None:
        self.report.value = value
        self.report_box.layout.display = "" if value else "none"

    def _on_opened(self) -> None:
        s = self.session
        assert s.genre is not None and s.draft is not None
        self._build_panels(s.genre)
        for panel in self.panels.values():
            panel.fill()
        self._fill_unplaced()
        self._show_title()
        self._refresh_notices()
        self.start.root.layout.display = "none"
        self.main.layout.display = ""
        self.tabs.selected_index = TAB_WRITE
        self.exports.result.value = ""
        first = next(
            (sid for sid in self.panels if not s.checks.is_done(sid)), next(iter(self.panels), "")
        )
        for sid, panel in self.panels.items():
            panel.set_open(sid == first)
        self.exercise.opened()
        self.history.reset()
        self._on_findings()
        self.undo_button.disabled = not s.undo_label

    def _show_title(self) -> None:
        s = self.session
        if s.draft is None or s.genre is None:
            return
        title = s.draft.text_of("title").strip() or "（未填标题）"
        self.title.value = (
            f'<div class="pb-app-name">{esc(s.genre.name)}工作簿</div>'
            f'<div class="pb-doc-title">{esc(title[:60])}</div>'
        )

    def _refresh_notices(self) -> None:
        """The year's meeting notice on the panels where it matters (opening, problems)."""
        text = self.session.notice_guidance()
        shown = set(self.session.notice_sections()) if text else set()
        for sid, panel in self.panels.items():
            panel.refresh_notice(text if sid in shown else "")

    def _on_closed(self) -> None:
        self.history.reset()
        self.main.layout.display = "none"
        self.start.root.layout.display = ""
        self.start.refresh()

    def _fill_unplaced(self) -> None:
        draft = self.session.draft
        lines = draft.unplaced if draft else []
        self._loading_unplaced = True
        try:
            self.unplaced.value = "\n".join(lines)
        finally:
            self._loading_unplaced = False
        self.unplaced_box.layout.display = "" if lines else "none"

    def _on_unplaced(self, change: dict) -> None:
        if not self._loading_unplaced:
            self.session.set_unplaced(change["new"])

    def _on_content_changed(self, event: ContentChanged) -> None:
        for sid in event.sections:
            panel = self.panels.get(sid)
            if panel is not None:
                panel.refresh_header()
        if "title" in event.sections:
            self._show_title()
        if {"title", "signoff"} & set(event.sections):
            self._refresh_notices()  # the year reviewed comes from the title or the date
        for p in self.panels.values():
            if p.items is not None and p.spec.linked_to:
                p.items.update_linked()

    def _open_panels(self, sections: tuple[str, ...]) -> None:
        """Open the panels the user is working in; the others stay as they are (closing
        them would move the page)."""
        for sid in sections:
            panel = self.panels.get(sid)
            if panel is not None and not panel.is_open:
                panel.set_open(True)

    def _on_restructured(self, event: Restructured) -> None:
        for sid in event.sections:
            panel = self.panels.get(sid)
            if panel is not None and panel.items is not None:
                panel.items.rebuild()
        self._open_panels(event.sections)
        self.undo_button.disabled = not self.session.undo_label

    def _on_replaced(self, _: Replaced) -> None:
        """An undo, the fixes or a restore replaced the content: refill, open nothing."""
        for panel in self.panels.values():
            panel.fill()
        self._fill_unplaced()
        self.undo_button.disabled = not self.session.undo_label
        self._show_title()
        self.history.mark_stale()
        if self.tabs.selected_index == TAB_HISTORY:
            self.history.on_shown()

    def _on_save_status(self, event: SaveStatusChanged) -> None:
        if event.state != "saved":
            return
        self.history.mark_stale()
        if self.tabs.selected_index == TAB_HISTORY:
            self.history.on_shown()

    def _on_earlier(self) -> None:
        if self.tabs.selected_index == TAB_EARLIER:
            self.earlier.refresh()

    def _on_comments(self) -> None:
        for panel in self.panels.values():
            panel.refresh_comments()

    def _on_examples(self) -> None:
        for panel in self.panels.values():
            panel.refresh_examples()

    def _on_findings(self) -> None:
        if self.session.draft is None:
            return
        for panel in self.panels.values():
            panel.refresh_findings()
            panel.refresh_header()
        self.progress.refresh()
        self.findings.refresh()
        self.preview.refresh()
        if self.tabs.selected_index == TAB_REVIEW:
            self.review.refresh()
        elif self.tabs.selected_index == TAB_EARLIER:
            self.earlier.refresh()

    # --- conveniences for scripts and tests ---------------------------------------------
    def editor(self, cls: str) -> w.Widget:
        """The editor widget carrying the CSS class ``cls`` (e.g. ``pb-editor-basic``)."""
        for panel in self.panels.values():
            if panel.editor is not None and cls in panel.editor._dom_classes:
                return panel.editor
            for t in panel.meta_editors.values():
                if cls in t._dom_classes:
                    return t
            if panel.items is not None and cls in panel.items.editors:
                return panel.items.editors[cls]
        raise KeyError(cls)

    def section_names(self) -> dict[str, str]:
        g = self.session.genre
        return {s.id: g.section_label(s) for s in g.sections} if g else {}


def is_item_section(kind: SectionKind) -> bool:
    return kind in (SectionKind.ITEMS, SectionKind.GROUPED_ITEMS)
