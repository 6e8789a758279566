"""The instructor's dashboard (ipywidgets): the class table, a completion chart, one student's
findings, similar drafts, preview and feedback, batch export and publishing examples.

Thin: every action is a :class:`~partybook.classroom.model.ClassModel` method; the widgets
observe the model's events and redraw (the HTML comes from :mod:`.dashboard_html`). It
reuses the workbook's kit: the message area (every callback runs through
:meth:`Messages.guard`, so errors show in Chinese), the findings list and the stylesheet.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import ipywidgets as w

from ..errors import PartybookError
from ..ui.common import esc, findings_html, html_box, style_tag
from ..ui.exports import download_link
from ..ui.messages import Messages
from .dashboard_html import (
    carried_html,
    categories_html,
    category_png,
    comments_html,
    completion_png,
    pairs_html,
    preview_html,
    section_options,
    summary_html,
    table_html,
)
from .model import SORT_KEYS, ClassModel, Commented, Refreshed

FINDINGS_SHOWN = 80
DOWNLOAD_LIMIT = 50 * 1024 * 1024  # bytes: a bigger zip is only saved, not offered as a link


class Dashboard:
    """``Dashboard(folder="/srv/class")`` or ``Dashboard(folder="/home/*/partybook/drafts")``;
    ``folder=None`` uses ``PARTYBOOK_CLASS_DIR``. Display it as the cell's last expression."""

    def __init__(
        self,
        folder: str | os.PathLike[str] | None = None,
        *,
        model: ClassModel | None = None,
        exercise: str | os.PathLike[str] | None = None,
        examples_folder: str | os.PathLike[str] | None = None,
        author: str = "老师",
        load: bool = True,
    ) -> None:
        self.msgs = Messages()
        if model is None:
            try:
                model = ClassModel(
                    folder, exercise=exercise, examples_folder=examples_folder, author=author
                )
            except PartybookError as err:  # e.g. a broken exercise file: say so, go on
                model = ClassModel(
                    folder, exercise="", examples_folder=examples_folder, author=author
                )
                self.msgs.show(err.message, "error")
        self.model = model
        model.events.on_error = lambda err: self.msgs.exception(err, "更新面板")
        model.events.observe(Refreshed, lambda _: self._draw_all())
        model.events.observe(Commented, lambda _: self._draw_all())
        self.candidate: Any = None
        self._build()
        if load:
            self.msgs.guard(self.model.refresh, "读取班级草稿")()

    # --- layout --------------------------------------------------------------------------
    def _build(self) -> None:
        m = self.model
        self.source = w.Text(value=m.source, description="草稿位置", layout=w.Layout(width="60%"))
        self.refresh_button = w.Button(description="刷新", icon="refresh", button_style="info")
        self.refresh_button.on_click(lambda _: self.msgs.guard(self._refresh, "刷新")())
        self.summary = w.HTML()
        self.sort_key = w.Dropdown(
            options=[(v, k) for k, v in SORT_KEYS.items()], value="student", description="排序"
        )
        self.descending = w.ToggleButton(value=False, description="降序", icon="sort-amount-desc")
        self.threshold = w.FloatSlider(
            value=m.thresholds.similarity, min=0.1, max=1.0, step=0.05, description="相似度阈值",
            readout_format=".0%", continuous_update=False,
        )  # fmt: skip
        self.table = w.HTML()
        self.chart = w.Image(format="png")
        self.category_chart = w.Image(format="png")
        self.category_chart.add_class("pbc-category-chart")
        self.sort_key.observe(lambda _: self.msgs.guard(self._draw_table, "排序")(), "value")
        self.descending.observe(lambda _: self.msgs.guard(self._draw_table, "排序")(), "value")
        self.threshold.observe(
            lambda ch: self.msgs.guard(self._set_threshold, "调整阈值")(ch), "value"
        )
        overview = w.VBox(
            [
                w.HBox([self.sort_key, self.descending, self.threshold]),
                self.table,
                w.HBox([self.chart, self.category_chart]),
            ]
        )

        # one student
        self.student = w.Dropdown(description="学员", layout=w.Layout(width="60%"))
        self.student.observe(lambda _: self.msgs.guard(self._draw_student, "显示学员")(), "value")
        self.findings = w.HTML()
        self.similar = w.HTML()
        self.preview = w.HTML()
        self.comments = w.HTML()
        self.categories = w.HTML()
        self.categories.add_class("pbc-student-categories")
        self.show_words = w.ToggleButton(
            value=False, description="显示判定依据", icon="search",
            tooltip="每条问题归入某一类别，是因为其中出现了哪些词",
        )  # fmt: skip
        self.show_words.add_class("pbc-show-words")
        self.carried = w.HTML()
        self.carried.add_class("pbc-student-carried")
        self.show_words.observe(
            lambda _: self.msgs.guard(self._draw_categories, "显示判定依据")(), "value"
        )
        self.fb_section = w.Dropdown(description="章节")
        self.fb_item = w.Dropdown(description="条目")
        self.fb_section.observe(lambda _: self.msgs.guard(self._fill_items, "选择章节")(), "value")
        self.fb_text = w.Textarea(
            placeholder="写给学员的意见，保存后学员在工作簿对应章节下看到", layout=w.Layout(width="90%")
        )  # fmt: skip
        self.fb_save = w.Button(description="保存批注", icon="comment", button_style="primary")
        self.fb_save.on_click(lambda _: self.msgs.guard(self._save_comment, "保存批注")())
        self.pub_prepare = w.Button(description="匿名化预览", icon="user-secret")
        self.pub_prepare.on_click(lambda _: self.msgs.guard(self._prepare_publish, "匿名化")())
        self.pub_name = w.Text(description="范文名", placeholder="默认用标题")
        self.pub_save = w.Button(description="发布为范文", icon="upload", disabled=True)
        self.pub_save.on_click(lambda _: self.msgs.guard(self._publish, "发布范文")())
        self.pub_review = w.HTML()
        feedback = w.VBox(
            [w.HTML("<b>批注</b>"), self.comments, w.HBox([self.fb_section, self.fb_item]),
             self.fb_text, self.fb_save],
        )  # fmt: skip
        publish = w.VBox(
            [w.HTML("<b>发布为共享范文</b>（先匿名化，核对替换后再发布）"),
             w.HBox([self.pub_prepare, self.pub_name, self.pub_save]), self.pub_review],
        )  # fmt: skip
        detail = w.VBox(
            [
                self.student,
                w.HTML("<b>检查结果</b>"),
                self.findings,
                w.HBox([w.HTML("<b>问题类别</b>"), self.show_words]),
                self.categories,
                self.carried,
                w.HTML("<b>相似的草稿</b>"),
                self.similar,
                feedback,
                publish,
                w.HTML("<b>预览</b>"),
                self.preview,
            ]
        )

        # batch export
        self.out_path = w.Text(
            value=str(Path.cwd() / "班级草稿.zip"), description="保存为", layout=w.Layout(width="60%")
        )  # fmt: skip
        self.want_pdf = w.Checkbox(value=False, description="同时导出 PDF（需要 LibreOffice）")
        # the .docx always carry the instructor's comments as Word comments; this adds the
        # checks' findings, so the zip is the class's files returned with full feedback
        self.want_findings = w.Checkbox(value=False, description="把自动检查结果也写成 Word 批注")
        self.export_button = w.Button(
            description="批量导出", icon="download", button_style="success"
        )
        self.export_button.on_click(lambda _: self.msgs.guard(self._export, "批量导出")())
        self.progress = w.IntProgress(value=0, min=0, max=1, description="进度")
        self.progress_label = w.HTML()
        self.export_result = w.HTML()
        export = w.VBox(
            [w.HBox([self.out_path, self.want_pdf, self.want_findings]), self.export_button,
             w.HBox([self.progress, self.progress_label]), self.export_result],
        )  # fmt: skip

        self.tabs = w.Tab(children=[overview, detail, export])
        self.tabs.titles = ("全班概况", "学员详情", "批量导出")
        self.root = w.VBox(
            [
                html_box(style_tag() + "<h3>班级面板</h3>"),
                w.HBox([self.source, self.refresh_button]),
                self.msgs.root,
                self.summary,
                self.tabs,
            ]
        )
        self.root.add_class("pb-app")
        self.root.add_class("pbc-dashboard")

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.root._repr_mimebundle_(**kwargs)

    # --- model events ------------------------------------------------------------------
    def _refresh(self) -> None:
        self.model.refresh(self.source.value)
        self.msgs.show(f"已读取 {len(self.model.rows)} 份草稿。", "success")

    def _set_threshold(self, change: Any) -> None:
        self.model.set_threshold(float(change["new"]))
        self.model.refresh()

    def _draw_all(self) -> None:
        self.summary.value = summary_html(self.model)
        self._draw_table()
        self._draw_chart()
        self._fill_students()
        self._draw_student()

    def _draw_table(self) -> None:
        rows = self.model.sorted_rows(self.sort_key.value, self.descending.value)
        self.table.value = table_html(self.model, rows)

    def _draw_chart(self) -> None:
        rows = [r for r in self.model.sorted_rows("student") if r.ok]
        if not rows:
            self.chart.value = b""
            self.category_chart.value = b""
            return
        self.category_chart.value = category_png(self.model.category_counts(), len(rows))
        total = max(r.sections_total for r in rows)
        self.chart.value = completion_png(
            [r.student for r in rows], [r.sections_done for r in rows], total
        )

    def _fill_students(self) -> None:
        m = self.model
        current = self.student.value
        options = [(f"{r.student}（{r.file}）", r.file) for r in m.sorted_rows("student")]
        files = [f for _, f in options]
        self.student.options = options
        if current in files:
            self.student.value = current
        elif files:
            self.student.value = files[0]

    # --- one student -------------------------------------------------------------------
    def _draw_student(self) -> None:
        m = self.model
        file = self.student.value
        entry = m.entry(file) if file else None
        row = m.report.row(file) if (m.report and file) else None
        self.candidate = None
        self.pub_save.disabled = True
        self.pub_review.value = ""
        if entry is None or entry.draft is None or row is None:
            why = entry.error if entry is not None and entry.error else "请先选择学员。"
            boxes = (self.findings, self.similar, self.preview, self.comments, self.categories)
            for box in (*boxes, self.carried):
                box.value = ""
            self.findings.value = f"<div class='pbc-bad'>{esc(why)}</div>"
            self.fb_section.options = []
            return
        draft = entry.draft
        options = section_options(draft)
        names = {sid: name for name, sid in options}
        names["document"] = "全文"
        self.findings.value = findings_html(
            row.findings, empty="没有发现问题。", limit=FINDINGS_SHOWN, sections=names
        )
        if row.notes:  # a Word or text file imported on the fly: what the import said
            self.findings.value = (
                f"<div class='pbc-notes'>导入说明：{esc(' '.join(row.notes))}</div>"
                + self.findings.value
            )
        self._draw_categories()
        self.carried.value = carried_html(m.carried(file), names)
        self.similar.value = pairs_html(m, file)
        self.preview.value = preview_html(draft)
        self.comments.value = comments_html(draft, names)
        self.fb_section.options = options
        if options:
            self.fb_section.value = options[0][1]
        self._fill_items()

    def _draw_categories(self) -> None:
        file = self.student.value
        m = self.model
        row = m.report.row(file) if (m.report and file) else None
        if row is None or not row.ok:
            self.categories.value = ""
            return
        self.categories.value = categories_html(m.explain(file), row, self.show_words.value)

    def _fill_items(self) -> None:
        m = self.model
        entry = m.entry(self.student.value) if self.student.value else None
        section = self.fb_section.value
        items = entry.draft.items(section) if entry and entry.draft and section else []
        self.fb_item.options = [("整个章节", -1)] + [
            (f"第 {i + 1} 条：{it.heading[:16]}", i) for i, it in enumerate(items)
        ]
        self.fb_item.value = -1

    # --- actions -------------------------------------------------------------------------
    def _save_comment(self) -> None:
        m = self.model
        if not self.student.value:
            raise PartybookError("请先选择学员。")
        item = (
            self.fb_item.value
            if self.fb_item.value is not None and self.fb_item.value >= 0
            else None
        )
        m.add_comment(self.student.value, self.fb_section.value, self.fb_text.value, item)
        self.fb_text.value = ""
        self.msgs.show("批注已保存，学员重新打开工作簿即可看到。", "success")

    def _prepare_publish(self) -> None:
        m = self.model
        if not self.student.value:
            raise PartybookError("请先选择学员。")
        self.candidate = m.prepare_publish(self.student.value)
        lines = self.candidate.review_lines()
        listing = "".join(f"<li>{esc(x)}</li>" for x in lines) or "<li>（没有需要替换的内容）</li>"
        self.pub_review.value = (
            f"<b>替换了 {len(lines)} 处，请逐条核对：</b><ul>{listing}</ul>"
            + preview_html(self.candidate.example)
        )
        self.pub_save.disabled = False

    def _publish(self) -> None:
        m = self.model
        if self.candidate is None:
            raise PartybookError("请先点“匿名化预览”，核对替换后再发布。")
        path = m.publish(self.candidate, self.pub_name.value.strip() or None)
        self.pub_save.disabled = True
        self.candidate = None
        self.msgs.show(f"已发布范文：{path}", "success")

    def _export(self) -> None:
        m = self.model
        target = self.out_path.value.strip()
        if not target:
            raise PartybookError("请填写压缩包的保存位置。")
        if Path(target).exists():
            raise PartybookError(f"{target} 已存在，请换一个文件名，以免覆盖。")
        self.export_button.disabled = True
        self.progress.value = 0

        def step(done: int, total: int, message: str) -> None:
            self.progress.max = max(total, 1)
            self.progress.value = done
            self.progress_label.value = esc(f"{done}/{total} {message}")

        try:
            result = m.export(
                target, pdf=self.want_pdf.value, progress=step, findings=self.want_findings.value
            )
        finally:
            self.export_button.disabled = False
        link = ""
        zip_path = result.zip_path
        if zip_path is not None and zip_path.stat().st_size < DOWNLOAD_LIMIT:
            data = zip_path.read_bytes()
            link = " " + download_link(zip_path.name, data, "application/zip", "zip")
        failed = "".join(f"<li>{esc(f)}：{esc(why)}</li>" for f, why in result.failed)
        self.export_result.value = f"{esc(result.summary())}已保存到 {esc(target)}。{link}" + (
            f"<ul class='pbc-bad'>{failed}</ul>" if failed else ""
        )
