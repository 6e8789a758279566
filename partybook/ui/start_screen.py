"""The start screen: a new draft, one of the drafts found (newest first), or an import."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import ipywidgets as w

from .common import button, esc, full_width, html_box
from .import_choice import PendingImport, genre_name
from .import_picker import ImportPicker, warnings_html
from .library import GenreInfo, genre_choices, genre_infos, list_drafts
from .live_checks import section_name
from .messages import Messages
from .session import Session

SHOWN = 12
REMOVAL_SHOWN = 40
UPLOAD_ACCEPT = ".txt,.md,.markdown,.docx,.doc,.wps,.rtf,.odt,.pdf"
# the importer's genre notice names the command line's --genre; the workbook asks instead
CLI_GENRE_HINT = re.compile(r"如不对，请用 --genre 指定文体[^。]*。")


class StartScreen:
    def __init__(self, session: Session, msgs: Messages, opened: Callable[[], None]) -> None:
        self.session = session
        self.msgs = msgs
        self.opened = opened
        self.genres = genre_infos()
        choices = [(g.name, g.id) for g in self.genres] or [("党性分析", "dangxing-fenxi")]
        self.genre = w.Dropdown(options=choices, value=choices[0][1], description="文体")
        self.author = w.Text(description="姓名", placeholder="例如：张明")
        self.unit = w.Text(description="单位", placeholder="可不填")
        self.class_name = w.Text(
            description="班次", placeholder="例如：2025年秋季科级干部任职培训班"
        )
        for t in (self.genre, self.author, self.unit, self.class_name):
            t.style.description_width = "3em"
            full_width(t)
        self.genre.add_class("pb-new-genre")
        self.author.add_class("pb-new-author")
        self.unit.add_class("pb-new-unit")
        self.class_name.add_class("pb-new-class")
        self.genre_list = html_box("", "pb-genre-list")
        new = button("新建空白草稿", "pb-new", "success", icon="plus")
        new.on_click(msgs.guard(self._new, "新建草稿"))
        self.example_rows = w.VBox()
        self._rows_of: tuple[str, ...] | None = None  # (genre id, example ids) shown there
        self.example_rows.add_class("pb-example-starts")
        self.genre.observe(msgs.guard(lambda _: self._show_genre(), "选择文体"), "value")
        new_card = w.VBox(
            [
                html_box(
                    '<div class="pb-h">新建</div><div class="pb-hint">选择文体，填上姓名、单位和班次'
                    "（都可以以后再改），新建空白草稿，或从这种文体的一篇范例开始。</div>"
                ),
                self.genre,
                self.genre_list,
                self.author,
                self.unit,
                self.class_name,
                new,
                self.example_rows,
            ]
        )
        new_card.add_class("pb-card")

        self.resume = button("继续最近的草稿", "pb-resume", "primary", icon="play")
        self.resume.on_click(msgs.guard(self._resume, "打开草稿"))
        self.listing = w.VBox()
        self.listing.add_class("pb-draft-list")
        self.folder_note = html_box("", "pb-hint")
        open_card = w.VBox(
            [
                html_box('<div class="pb-h">继续写作</div>'),
                self.resume,
                self.listing,
                self.folder_note,
            ]
        )
        open_card.add_class("pb-card")

        self.upload = w.FileUpload(accept=UPLOAD_ACCEPT, multiple=False, description="选择文件")
        self.upload.add_class("pb-import")
        self.upload.observe(msgs.guard(self._import, "导入文档"), "value")
        self.report = html_box("", "pb-import-report")
        self.picker = ImportPicker(session, msgs, self._imported, self.refresh)
        import_card = w.VBox(
            [
                html_box(
                    '<div class="pb-h">从已有文档开始</div><div class="pb-hint">导入 Word（.docx、.doc）、'
                    "WPS（.wps）、.rtf、.odt、带文字的 PDF、文本（.txt）或 Markdown（.md）文件。"
                    "程序会识别文体和各部分，去掉网站水印、广告、占位符等残留，并列出去掉了什么；"
                    "认不出的段落放在“未归类”里，不会丢失。一个文件里有几篇文章时，由您选择打开哪一篇。</div>"
                ),
                self.upload,
                self.picker.root,
                self.report,
            ]
        )
        import_card.add_class("pb-card")
        cards = w.Box([new_card, open_card, import_card])
        cards.add_class("pb-start-cards")
        self.root = w.VBox(
            [
                html_box(
                    '<div class="pb-welcome"><div class="pb-welcome-title">党性分析写作工作簿</div>'
                    "<div>按部分填写，随写随查，自动保存，一键导出符合公文格式的 Word 文档。</div></div>"
                ),
                cards,
            ]
        )
        self.root.add_class("pb-start")

    def refresh(self) -> None:
        drafts = list_drafts(self.session.folder)
        good = [d for d in drafts if not d.error]
        self.resume.disabled = not good
        if good:
            first = good[0]
            self.resume.description = f"继续最近的草稿：{first.title or '（未填标题）'}"[:40]
        else:
            self.resume.description = "继续最近的草稿（还没有草稿）"
        rows = []
        names = dict((gid, name) for name, gid in genre_choices())
        for d in drafts[:SHOWN]:
            if d.error:
                label = html_box(
                    f'<span class="pb-bad">{esc(d.path.name)}：{esc(d.error)}</span>',
                    "pb-draft-info",
                )
                rows.append(w.HBox([label]))
                continue
            who = f" · {esc(d.author)}" if d.author else ""
            label = html_box(
                f'<div class="pb-draft-title">{esc(d.title or "（未填标题）")}</div>'
                f'<div class="pb-draft-meta">{esc(names.get(d.genre, d.genre))}{who} · 最后保存 {d.saved_label}'
                f' · <span class="pb-file">{esc(d.path.name)}</span></div>',
                "pb-draft-info",
            )
            b = button("打开", "pb-open-draft")
            b.on_click(self.msgs.guard(lambda _, p=d.path: self._open(p), "打开草稿"))
            row = w.HBox([label, b])
            row.add_class("pb-draft-row")
            rows.append(row)
        if len(drafts) > SHOWN:
            rows.append(
                html_box(
                    f'<div class="pb-hint">另有 {len(drafts) - SHOWN} 份较早的草稿未列出。</div>'
                )
            )
        self.listing.children = tuple(rows)
        self._show_genre()
        self.folder_note.value = (
            f'<div class="pb-hint">草稿保存在：{esc(str(self.session.folder))}</div>'
        )

    def _chosen(self) -> GenreInfo | None:
        return next((g for g in self.genres if g.id == self.genre.value), None)

    def _show_genre(self) -> None:
        """Every genre with its description (the chosen one marked), and the chosen
        genre's worked examples, each with a button to start from it."""
        chosen = self._chosen()
        rows = []
        for g in self.genres:
            mark = " pb-genre-selected" if chosen is g else ""
            rows.append(
                f'<div class="pb-genre-info pb-genre-info-{esc(g.id)}{mark}">'
                f'<span class="pb-genre-name">{"▶ " if mark else ""}{esc(g.name)}</span>'
                f'<span class="pb-genre-about">{esc(g.description)}</span></div>'
            )
        self.genre_list.value = "".join(rows)
        shown = (chosen.id, *(ex.id for ex in chosen.examples)) if chosen else ()
        if shown == self._rows_of:
            return  # the same buttons stay: a rebuilt button would lose a click in flight
        self._rows_of = shown
        if chosen is None or not chosen.examples:
            self.example_rows.children = ()
            return
        children: list[w.Widget] = [
            html_box(
                f'<div class="pb-hint">或从{esc(chosen.name)}的范例开始（人物和单位都是虚构的；'
                "开始后请逐段改写成自己的经历，照抄的段落会被检查出来）：</div>"
            )
        ]
        for ex in chosen.examples:
            about = (
                f'<div class="pb-draft-meta">{esc(ex.description)}</div>' if ex.description else ""
            )
            label = html_box(
                f'<div class="pb-draft-title">{esc(ex.name)}</div>{about}', "pb-draft-info"
            )
            b = button("从此范例开始", f"pb-from-example pb-from-example-{ex.id}", icon="copy")
            b.on_click(self.msgs.guard(lambda _, e=ex.id: self._new(example=e), "从范例新建"))
            row = w.HBox([label, b])
            row.add_class("pb-draft-row")
            children.append(row)
        self.example_rows.children = tuple(children)

    def _new(self, _: Any = None, example: str | None = None) -> None:
        self.session.new(
            self.genre.value,
            example,
            author=self.author.value,
            unit=self.unit.value,
            class_name=self.class_name.value,
        )
        self.opened()

    def _resume(self, _: Any = None) -> None:
        good = [d for d in list_drafts(self.session.folder) if not d.error]
        if not good:
            self.msgs.show("还没有保存过的草稿，请新建一份。", "warning")
            return
        self._open(good[0].path)

    def _open(self, path: Any) -> None:
        self.session.open(path)
        self.opened()

    def _import(self, change: dict) -> None:
        files = change["new"]
        if not files:
            return
        f = files[0]
        name = f.get("name", "文档") if isinstance(f, dict) else getattr(f, "name", "文档")
        content = f.get("content") if isinstance(f, dict) else getattr(f, "content", b"")
        data = bytes(content or b"")
        self.upload.value = ()  # the same file chosen again is a new upload
        self.picker.show(None)
        self.report.value = ""
        try:
            pending = self.session.read_document(data, name)
        except ImportError:
            self.msgs.show("导入功能尚未安装，暂时无法导入文档。", "error")
            return
        if pending.needs_choice:  # several articles, or an unsure genre: the user picks
            self.picker.show(pending)
            return
        self._imported(self.session.open_import(pending, 0), pending)

    def _imported(self, result: Any, pending: PendingImport) -> None:
        self.msgs.show(f"已导入 {pending.filename}，生成新草稿。", "success")
        for text in result.warnings:
            self.msgs.show(text, "warning")
        self.report.value = import_report(result, self.session, pending)
        self.opened()


def import_report(result: Any, session: Session, pending: PendingImport | None = None) -> str:
    """The import report shown above the panels until closed: off-genre warnings first,
    the genre, the other articles of the file, what was removed, what was not placed."""
    names = {}
    if session.genre is not None:
        genre = session.genre
        keys = [k for s in genre.sections for k in (s.id, s.lead_key) if k]
        names = {k: section_name(genre, k) for k in keys}
    unit = getattr(result, "line_unit", "行")
    removed = list(getattr(result, "removed", []))
    parts = ['<div class="pb-h">导入报告</div>', warnings_html(list(result.warnings))]
    parts.append(_genre_line(result, session, pending))
    if pending is not None and len(pending.articles) > 1:
        parts.append(_articles_line(result, pending))
    if removed:
        items = []
        for r in removed[:REMOVAL_SHOWN]:
            where = r.where(unit, names) if hasattr(r, "where") else ""
            msg = getattr(r, "message", "") or getattr(r, "kind", "")
            items.append(
                f"<li>{esc(where)}：去掉“{esc(getattr(r, 'what', str(r))[:80])}”{('（' + esc(msg) + '）') if msg else ''}</li>"
            )
        more = (
            f"<li>……另有 {len(removed) - REMOVAL_SHOWN} 处</li>"
            if len(removed) > REMOVAL_SHOWN
            else ""
        )
        parts.append(
            f'<div class="pb-import-removed">去掉了 {len(removed)} 处模板残留：</div>'
            f"<ul>{''.join(items)}{more}</ul>"
        )
    else:
        parts.append("<div>没有发现需要去掉的模板残留。</div>")
    unplaced = list(getattr(result, "unplaced", []))
    if unplaced:
        lis = "".join(f"<li>{esc(u[:120])}</li>" for u in unplaced[:20])
        parts.append(
            f'<div class="pb-import-unplaced">{len(unplaced)} 段未能归入任何部分，'
            f"已保留在“未归类”中，请手工移入：</div><ul>{lis}</ul>"
        )
    for n in getattr(result, "notices", []) or []:
        if pending is not None and ("识别为“" in n or "判断文体" in n):
            continue  # the genre line above says it for the workbook
        n = CLI_GENRE_HINT.sub("如不对，请重新导入，在相近的文体中选择。", n)
        parts.append(f'<div class="pb-notice">{esc(n)}</div>')
    return "".join(parts)


def _genre_line(result: Any, session: Session, pending: PendingImport | None) -> str:
    name = session.genre.name if session.genre is not None else genre_name(result.draft.genre)
    index = next((i for i, r in enumerate(result.articles) if r is result), 0)
    if pending is not None and index < len(pending.articles) and pending.chosen_by_user(index):
        how = "由您在相近的文体中选定"
    elif result.genre_confidence >= 1.0:
        how = "已指定"
    else:
        how = f"自动识别，把握 {result.genre_confidence:.0%}"
    return f'<div class="pb-import-genre-line">文体：{esc(name)}（{how}）</div>'


def _articles_line(result: Any, pending: PendingImport) -> str:
    index = next((i for i, r in enumerate(result.articles) if r is result), None)
    others = []
    for a in pending.articles:
        if a.index == index:
            continue
        title = esc(a.title or "（无标题）")
        kept = pending.saved.get(a.index)
        state = f"已存为草稿 {esc(kept)}" if kept else "未保存，需要时请重新导入这个文件"
        others.append(f"<li>第 {a.index + 1} 篇“{title}”：{state}</li>")
    opened = f"第 {index + 1} 篇" if index is not None else "其中一篇"
    return (
        f'<div class="pb-import-articles-line">这个文件共有 {len(pending.articles)} 篇文章，'
        f"打开的是{opened}。其余各篇：</div><ul>{''.join(others)}</ul>"
    )
