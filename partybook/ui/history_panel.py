"""The 历史版本 page: the draft's saved versions (time, characters, what changed), one of
them side by side with the text in the editors, and restoring it (undoable: the session
pushes the text before the restore on its undo stack)."""

from __future__ import annotations

import ipywidgets as w

from .common import button, esc, html_box
from .messages import Messages
from .session import Session
from .side_by_side import diff_html
from .versions import PAGE, VersionInfo


class HistoryPanel:
    def __init__(self, session: Session, msgs: Messages) -> None:
        self.session = session
        self.msgs = msgs
        self.limit = PAGE
        self.versions: list[VersionInfo] = []
        self.chosen: str | None = None
        self.stale = True  # saved since the list was drawn: draw again when shown

        self.intro = html_box(
            '<div class="pb-h">历史版本</div><div class="pb-hint">每次保存都会留下一个版本：'
            "最近一小时的每一次，一天之内每小时一个，更早的每天一个。点“对照”可与当前文字并排比较，"
            "再决定是否恢复；恢复后如不满意，可以点“撤销”回到恢复前的文字。</div>"
        )
        self.refresh_button = button("刷新", "pb-history-refresh", icon="refresh")
        self.refresh_button.on_click(msgs.guard(lambda _: self.refresh(), "刷新历史版本"))
        self.listing = w.VBox()
        self.listing.add_class("pb-history-list")
        self.more = button("显示更早的版本", "pb-history-more", icon="angle-double-down")
        self.more.on_click(msgs.guard(lambda _: self._more(), "显示更早的版本"))
        self.compare_title = html_box("", "pb-history-compare-title")
        self.restore_button = button(
            "恢复此版本", "pb-history-restore", "warning", icon="history",
            tooltip="用这个版本替换当前文字（可撤销）",
        )  # fmt: skip
        self.restore_button.on_click(msgs.guard(lambda _: self._restore(), "恢复历史版本"))
        self.close_button = button("关闭对照", "pb-history-close", icon="times")
        self.close_button.on_click(msgs.guard(lambda _: self.show(None), "关闭对照"))
        self.show_same = w.Checkbox(value=False, description="显示未改动的部分", indent=False)
        self.show_same.add_class("pb-history-show-same")
        self.show_same.observe(msgs.guard(lambda _: self._draw_diff(), "显示未改动的部分"), "value")
        self.diff = html_box("", "pb-history-diff")
        tools = w.HBox([self.restore_button, self.close_button, self.show_same])
        tools.add_class("pb-history-tools")
        self.compare_box = w.VBox([self.compare_title, tools, self.diff])
        self.compare_box.add_class("pb-card")
        self.compare_box.add_class("pb-history-compare")
        self.compare_box.layout.display = "none"
        list_card = w.VBox([self.intro, self.refresh_button, self.listing, self.more])
        list_card.add_class("pb-card")
        self.root = w.VBox([list_card, self.compare_box])
        self.root.add_class("pb-history")

    # --- the list ---------------------------------------------------------------------------
    def reset(self) -> None:
        """Another draft was opened (or none): forget the list and the comparison."""
        self.limit = PAGE
        self.versions = []
        self.listing.children = ()
        self.stale = True
        self.show(None)

    def refresh(self) -> None:
        if self.session.draft is None:
            return
        self.versions = self.session.versions(self.limit)
        self.stale = False
        rows: list[w.Widget] = []
        for v in self.versions:
            now = '<span class="pb-history-current">当前</span>' if v.current else ""
            info = html_box(
                f'<span class="pb-history-time">{esc(v.when)}</span>{now}'
                f'<span class="pb-history-chars">{v.chars} 字</span>'
                f'<span class="pb-history-summary">{esc(v.summary)}</span>',
                "pb-history-info",
            )
            b = button("对照", "pb-history-compare-btn", icon="columns")
            b.on_click(self.msgs.guard(lambda _, sid=v.id: self.show(sid), "对照历史版本"))
            row = w.HBox([info, b])
            row.add_class("pb-history-row")
            if v.id == self.chosen:
                row.add_class("pb-history-chosen")
            rows.append(row)
        if not rows:
            rows.append(html_box('<div class="pb-hint">还没有历史版本：保存之后就会出现。</div>'))
        self.listing.children = tuple(rows)
        self.more.layout.display = "" if len(self.versions) >= self.limit else "none"

    def _more(self) -> None:
        self.limit += PAGE
        self.refresh()

    # --- one version side by side -------------------------------------------------------------
    def show(self, snap_id: str | None) -> None:
        """Compare version ``snap_id`` with the text in the editors (None: close)."""
        self.chosen = snap_id
        for row, v in zip(self.listing.children, self.versions, strict=False):
            if v.id == snap_id:
                row.add_class("pb-history-chosen")
            else:
                row.remove_class("pb-history-chosen")
        if snap_id is None:
            self.compare_box.layout.display = "none"
            self.diff.value = ""
            return
        self._draw_diff()
        self.compare_box.layout.display = ""

    def _draw_diff(self) -> None:
        if self.chosen is None or self.session.draft is None:
            return
        v = next((v for v in self.versions if v.id == self.chosen), None)
        when = v.when if v else self.chosen
        diffs = self.session.compare_version(self.chosen)
        self.compare_title.value = f'<div class="pb-h">{esc(when)} 的版本与当前文字对照</div>' + (
            f'<div class="pb-hint">{esc(v.summary)}</div>' if v else ""
        )
        self.diff.value = diff_html(
            diffs, f"{when} 的版本", "当前文字", show_same=self.show_same.value
        )
        self.restore_button.disabled = bool(v and v.current)

    def _restore(self) -> None:
        if self.chosen is None:
            return
        self.session.restore_version(self.chosen)
        self.refresh()
        self._draw_diff()

    def mark_stale(self) -> None:
        """Saved or changed since drawn: draw again the next time the page is shown."""
        self.stale = True

    def on_shown(self) -> None:
        """The page was opened (or changed while open): the list and the comparison follow
        the text in the editors."""
        if self.stale:
            self.refresh()
        if self.chosen is not None and any(v.id == self.chosen for v in self.versions):
            self._draw_diff()
        elif self.chosen is not None:
            self.show(None)
