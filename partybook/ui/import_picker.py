"""The start screen's choice after an upload: which article to open (a file holding
several lists each with its title and size; the others can be kept as drafts of their
own) and, when the genre detection was unsure, which of the close genres it is. Off-genre
warnings (a collective or third-person report, a work summary, a speech) show on the
article they concern."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as w

from .common import button, esc, full_width, html_box
from .import_choice import ArticleChoice, PendingImport, genre_name
from .messages import Messages
from .session import Session


def warnings_html(warnings: list[str]) -> str:
    """Off-genre warnings, prominent: what the document looks like and what to do."""
    if not warnings:
        return ""
    lines = "".join(f"<li>{esc(t)}</li>" for t in warnings)
    return (
        '<div class="pb-import-warning"><b>注意：这可能不是个人的自我剖析材料</b>'
        f"<ul>{lines}</ul><div>已照常导入，请按上面的提示改写后再提交。</div></div>"
    )


def article_label(a: ArticleChoice, total: int) -> str:
    title = esc(a.title or "（无标题）")
    head = f"第 {a.index + 1} 篇：" if total > 1 else ""
    sure = "" if not a.unsure else f"（把握 {a.confidence:.0%}，请确认）"
    return (
        f'<div class="pb-draft-title pb-import-title">{head}{title}</div>'
        f'<div class="pb-draft-meta"><span class="pb-import-size">{a.chars} 字</span>'
        f" · 识别为{esc(genre_name(a.genre))}{sure}</div>"
    )


class ImportPicker:
    """Shows a :class:`PendingImport`; ``opened(result, pending)`` after one is opened."""

    def __init__(
        self,
        session: Session,
        msgs: Messages,
        opened: Callable[[Any, PendingImport], None],
        saved: Callable[[], None],
    ) -> None:
        self.session = session
        self.msgs = msgs
        self.opened = opened
        self.saved = saved  # a draft file was written: the drafts list changes
        self.pending: PendingImport | None = None
        self.head = html_box("", "pb-import-choice-head")
        self.rows = w.VBox()
        self.rows.add_class("pb-import-articles")
        self.keep_rest = w.Checkbox(
            value=True,
            description="打开一篇时，其余各篇各存为一份草稿",
            indent=False,
        )
        self.keep_rest.add_class("pb-import-keep-rest")
        full_width(self.keep_rest)
        self.save_all = button("全部各存为一份草稿", "pb-import-save-all", icon="save")
        self.save_all.on_click(msgs.guard(self._save_all, "保存草稿"))
        self.cancel = button("取消导入", "pb-import-cancel", icon="times")
        self.cancel.on_click(msgs.guard(lambda _: self.show(None), "取消导入"))
        self.many = w.VBox([self.keep_rest, self.save_all])
        self.root = w.VBox([self.head, self.rows, self.many, self.cancel])
        self.root.add_class("pb-import-choice")
        self.show(None)

    def show(self, pending: PendingImport | None) -> None:
        self.pending = pending
        if pending is None:
            self.rows.children = ()
            self.root.layout.display = "none"
            return
        n = len(pending.articles)
        if n > 1:
            head = (
                f"文件“{esc(pending.filename)}”里有 {n} 篇文章。请选一篇打开；"
                "其余各篇不会丢失，可以各存为一份草稿。"
            )
        else:
            head = f"文件“{esc(pending.filename)}”的文体识别把握不大，请从相近的文体中选择后打开。"
        self.head.value = f'<div class="pb-h">选择要打开的内容</div><div>{head}</div>'
        self.rows.children = tuple(self._row(a) for a in pending.articles)
        self.many.layout.display = "" if n > 1 else "none"
        self.root.layout.display = ""

    def _row(self, a: ArticleChoice) -> w.Widget:
        assert self.pending is not None
        total = len(self.pending.articles)
        label = html_box(article_label(a, total), "pb-draft-info")
        warn = html_box(warnings_html(a.warnings), "pb-import-warnings")
        below: list[w.Widget] = []  # the genre choice gets a line of its own
        if a.unsure:
            pick = w.Dropdown(
                options=[(genre_name(g), g) for g in a.choices], value=a.genre, description="文体"
            )
            pick.style.description_width = "3em"
            pick.add_class("pb-import-genre")
            pick.add_class(f"pb-import-genre-{a.index}")
            pick.observe(
                self.msgs.guard(lambda ch, i=a.index: self._genre(i, ch["new"]), "选择文体"),
                "value",
            )
            full_width(pick)
            below.append(pick)
        go = button("打开这篇", f"pb-import-open pb-import-open-{a.index}", "primary", icon="play")
        go.on_click(self.msgs.guard(lambda _, i=a.index: self._open(i), "打开导入的文章"))
        buttons: list[w.Widget] = [go]
        if total > 1:
            saved = a.index in self.pending.saved
            keep = button(
                "已存为草稿" if saved else "存为草稿",
                f"pb-import-save pb-import-save-{a.index}",
                icon="save",
            )
            keep.disabled = saved
            keep.on_click(self.msgs.guard(lambda _, i=a.index: self._save(i), "保存草稿"))
            buttons.append(keep)
        row = w.VBox([w.HBox([label, *buttons]), *below, warn])
        row.add_class("pb-import-article")
        row.add_class(f"pb-import-article-{a.index}")
        return row

    def _genre(self, index: int, genre_id: str) -> None:
        assert self.pending is not None
        self.pending.choose_genre(index, genre_id)
        self.show(self.pending)

    def _save(self, index: int) -> None:
        assert self.pending is not None
        path = self.session.save_import(self.pending, index)
        self.msgs.show(f"第 {index + 1} 篇已存为草稿：{path.name}", "success")
        self.show(self.pending)
        self.saved()

    def _save_all(self, _: Any = None) -> None:
        pending = self.pending
        assert pending is not None
        names = [
            self.session.save_import(pending, a.index).name
            for a in pending.articles
            if a.index not in pending.saved
        ]
        if names:
            self.msgs.show(f"已存为 {len(names)} 份草稿：{'、'.join(names)}", "success")
        self.show(None)
        self.saved()

    def _open(self, index: int) -> None:
        pending = self.pending
        assert pending is not None
        if self.keep_rest.value and len(pending.articles) > 1:
            for a in pending.articles:
                if a.index != index and a.index not in pending.saved:
                    self.session.save_import(pending, a.index)
        result = self.session.open_import(pending, index)
        self.show(None)
        self.opened(result, pending)
