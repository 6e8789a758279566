"""The instructor's dashboard (ipywidgets): the class table, a completion chart, one student's
findings, similar drafts, preview and feedback, batch export and publishing examples.

Thin: every action is a :class:`~partybook.classroom.model.ClassModel` method; the widgets
observe the model and redraw. Every callback runs through :meth:`Dashboard._guard`, which
shows errors in Chinese in the message area instead of losing them.
"""

from __future__ import annotations

import base64
import functools
import html
import io
import os
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import ipywidgets as w

from ..checks.model import SEVERITY_ZH
from ..errors import PartybookError
from .model import SORT_KEYS, ClassModel

CSS = """<style>
.pbc-table {border-collapse: collapse; font-size: 13px; width: 100%;}
.pbc-table th, .pbc-table td {border-bottom: 1px solid #ddd; padding: 3px 8px; text-align: left;}
.pbc-table th {background: #f3f3f3;}
.pbc-bad {color: #b00020;} .pbc-warn {color: #a15c00;} .pbc-muted {color: #888;}
.pbc-pair {border: 1px solid #ddd; margin: 6px 0; padding: 4px 8px;}
.pbc-side {display: flex; gap: 8px;} .pbc-side > div {flex: 1; background: #fff8e1; padding: 4px;}
.pbc-common {opacity: .55;}
.pbc-preview {border: 1px solid #ddd; padding: 8px 16px; max-height: 480px; overflow: auto;}
</style>"""


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def _cjk_font() -> str | None:
    from matplotlib import font_manager

    wanted = ("Noto Sans CJK SC", "Noto Serif CJK SC", "AR PL UMing CN", "AR PL UKai CN")
    names = {f.name for f in font_manager.fontManager.ttflist}
    return next((n for n in wanted if n in names), None)


def completion_png(labels: list[str], done: list[int], total: int) -> bytes:
    """A horizontal bar chart of sections done per student (matplotlib, no pyplot)."""
    from matplotlib.figure import Figure

    font = _cjk_font()
    height = max(2.0, 0.28 * len(labels) + 1.0)
    fig = Figure(figsize=(6.4, min(height, 40.0)), dpi=80)
    ax = fig.add_subplot()
    ys = list(range(len(labels)))
    colours = ["#2e7d32" if d >= total else "#f9a825" if d else "#c62828" for d in done]
    ax.barh(ys, done, color=colours)
    ax.set_yticks(ys, labels, fontfamily=font or "sans-serif", fontsize=9)
    ax.invert_yaxis()
    ax.set_xlim(0, max(total, 1))
    ax.set_xticks(range(0, max(total, 1) + 1))
    ax.set_xlabel("完成章节数", fontfamily=font or "sans-serif")
    ax.set_title(f"完成情况（共 {total} 个章节）", fontfamily=font or "sans-serif")
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    return buf.getvalue()


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
        self.messages = w.HTML()
        self.model = model
        if self.model is None:
            try:
                self.model = ClassModel(
                    folder, exercise=exercise, examples_folder=examples_folder, author=author
                )
            except PartybookError as err:  # e.g. a broken exercise file: say so, go on
                self.model = ClassModel(
                    folder, exercise="", examples_folder=examples_folder, author=author
                )
                self.show(str(err), "error")
        self.model.observe(self._on_model)
        self.candidate: Any = None
        self._build()
        if load:
            self._guard(self.model.refresh, "读取班级草稿")()

    # --- messages ----------------------------------------------------------------------
    def show(self, text: str, level: str = "info") -> None:
        colour = {"error": "#b00020", "success": "#2e7d32", "warning": "#a15c00"}.get(level, "#333")
        self.messages.value = f'<div style="color:{colour}">{esc(text)}</div>'

    def _guard(self, fn: Callable[..., Any], doing: str) -> Callable[..., Any]:
        @functools.wraps(fn)
        def run(*args: Any, **kwargs: Any) -> Any:
            try:
                return fn(*args, **kwargs)
            except PartybookError as err:
                self.show(f"{doing}时出错：{err}", "error")
            except Exception as err:
                detail = esc(traceback.format_exc())
                self.messages.value = (
                    f'<div style="color:#b00020">{esc(doing)}时出错：{esc(type(err).__name__)}：'
                    f"{esc(err)}<details><summary>技术信息</summary><pre>{detail}</pre>"
                    "</details></div>"
                )
            return None

        return run

    # --- layout --------------------------------------------------------------------------
    def _build(self) -> None:
        m = self.model
        assert m is not None
        self.source = w.Text(value=m.source, description="草稿位置", layout=w.Layout(width="60%"))
        self.refresh_button = w.Button(description="刷新", icon="refresh", button_style="info")
        self.refresh_button.on_click(lambda _: self._guard(self._refresh, "刷新")())
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
        self.sort_key.observe(lambda _: self._guard(self._draw_table, "排序")(), "value")
        self.descending.observe(lambda _: self._guard(self._draw_table, "排序")(), "value")
        self.threshold.observe(lambda ch: self._guard(self._set_threshold, "调整阈值")(ch), "value")
        overview = w.VBox(
            [
                w.HBox([self.sort_key, self.descending, self.threshold]),
                self.table,
                self.chart,
            ]
        )

        # one student
        self.student = w.Dropdown(description="学员", layout=w.Layout(width="60%"))
        self.student.observe(lambda _: self._guard(self._draw_student, "显示学员")(), "value")
        self.findings = w.HTML()
        self.similar = w.HTML()
        self.preview = w.HTML()
        self.comments = w.HTML()
        self.fb_section = w.Dropdown(description="章节")
        self.fb_item = w.Dropdown(description="条目")
        self.fb_section.observe(lambda _: self._guard(self._fill_items, "选择章节")(), "value")
        self.fb_text = w.Textarea(
            placeholder="写给学员的意见，保存后学员在工作簿对应章节下看到", layout=w.Layout(width="90%")
        )  # fmt: skip
        self.fb_save = w.Button(description="保存批注", icon="comment", button_style="primary")
        self.fb_save.on_click(lambda _: self._guard(self._save_comment, "保存批注")())
        self.pub_prepare = w.Button(description="匿名化预览", icon="user-secret")
        self.pub_prepare.on_click(lambda _: self._guard(self._prepare_publish, "匿名化")())
        self.pub_name = w.Text(description="范文名", placeholder="默认用标题")
        self.pub_save = w.Button(description="发布为范文", icon="upload", disabled=True)
        self.pub_save.on_click(lambda _: self._guard(self._publish, "发布范文")())
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
        self.export_button = w.Button(
            description="批量导出", icon="download", button_style="success"
        )
        self.export_button.on_click(lambda _: self._guard(self._export, "批量导出")())
        self.progress = w.IntProgress(value=0, min=0, max=1, description="进度")
        self.progress_label = w.HTML()
        self.export_result = w.HTML()
        export = w.VBox(
            [w.HBox([self.out_path, self.want_pdf]), self.export_button,
             w.HBox([self.progress, self.progress_label]), self.export_result],
        )  # fmt: skip

        self.tabs = w.Tab(children=[overview, detail, export])
        self.tabs.titles = ("全班概况", "学员详情", "批量导出")
        self.root = w.VBox(
            [
                w.HTML(CSS + "<h3>班级面板</h3>"),
                w.HBox([self.source, self.refresh_button]),
                self.messages,
                self.summary,
                self.tabs,
            ]
        )

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.root._repr_mimebundle_(**kwargs)

    # --- model events ------------------------------------------------------------------
    def _on_model(self, event: str) -> None:
        if event in ("refreshed", "commented"):
            self._draw_all()

    def _refresh(self) -> None:
        assert self.model is not None
        self.model.refresh(self.source.value)
        self.show(f"已读取 {len(self.model.rows)} 份草稿。", "success")

    def _set_threshold(self, change: Any) -> None:
        assert self.model is not None
        self.model.set_threshold(float(change["new"]))
        self.model.refresh()

    def _draw_all(self) -> None:
        self._draw_summary()
        self._draw_table()
        self._draw_chart()
        self._fill_students()
        self._draw_student()

    def _draw_summary(self) -> None:
        m = self.model
        assert m is not None
        rows = m.rows
        ok = [r for r in rows if r.ok]
        finished = sum(1 for r in ok if r.sections_done >= r.sections_total > 0)
        pairs = len(m.report.similar) if m.report else 0
        bad = len(rows) - len(ok)
        text = (
            f"共 {len(rows)} 份草稿：已完成 {finished} 份，有错误 "
            f"{sum(1 for r in ok if r.errors)} 份，相似度过高 {pairs} 对"
        )
        if bad:
            text += f"，<span class='pbc-bad'>无法读取 {bad} 份</span>"
        self.summary.value = text + "。"

    def _draw_table(self) -> None:
        m = self.model
        assert m is not None
        rows = m.sorted_rows(self.sort_key.value, self.descending.value)
        head = "".join(
            f"<th>{h}</th>"
            for h in (
                "学员",
                "文件",
                "文体",
                "完成章节",
                "字数",
                "错误",
                "警告",
                "相似",
                "批注",
                "最后保存",
            )
        )
        body = []
        from .report import short_time

        for r in rows:
            if not r.ok:
                body.append(
                    f"<tr><td>{esc(r.student)}</td><td>{esc(r.file)}</td>"
                    f"<td colspan='8' class='pbc-bad'>无法读取：{esc(r.problem)}</td></tr>"
                )
                continue
            similar = m.similar_count(r.file)
            body.append(
                "<tr>"
                f"<td>{esc(r.student)}</td><td>{esc(r.file)}</td><td>{esc(r.genre)}</td>"
                f"<td>{r.sections_done}/{r.sections_total}</td><td>{r.characters}</td>"
                f"<td class='{'pbc-bad' if r.errors else ''}'>{r.errors}</td>"
                f"<td class='{'pbc-warn' if r.warnings else ''}'>{r.warnings}</td>"
                f"<td class='{'pbc-bad' if similar else ''}'>{similar or ''}</td>"
                f"<td>{r.comments or ''}</td><td>{esc(short_time(r.updated))}</td>"
                "</tr>"
            )
        if not body:
            body.append(
                f"<tr><td colspan='10' class='pbc-muted'>{esc(m.source)} 中还没有草稿。</td></tr>"
            )
        self.table.value = f"<table class='pbc-table'><tr>{head}</tr>{''.join(body)}</table>"

    def _draw_chart(self) -> None:
        m = self.model
        assert m is not None
        rows = [r for r in m.sorted_rows("student") if r.ok]
        if not rows:
            self.chart.value = b""
            return
        total = max(r.sections_total for r in rows)
        self.chart.value = completion_png(
            [r.student for r in rows], [r.sections_done for r in rows], total
        )

    def _fill_students(self) -> None:
        m = self.model
        assert m is not None
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
        assert m is not None
        file = self.student.value
        entry = m.entry(file) if file else None
        row = m.report.row(file) if (m.report and file) else None
        self.candidate = None
        self.pub_save.disabled = True
        self.pub_review.value = ""
        if entry is None or entry.draft is None or row is None:
            why = entry.error if entry is not None and entry.error else "请先选择学员。"
            for box in (self.findings, self.similar, self.preview, self.comments):
                box.value = ""
            self.findings.value = f"<div class='pbc-bad'>{esc(why)}</div>"
            self.fb_section.options = []
            return
        draft = entry.draft
        names = dict((sid, label) for label, sid in self._section_options(draft))
        names["document"] = "全文"
        self.findings.value = self._findings_html(row.findings, names)
        self.similar.value = self._pairs_html(file)
        from ..exporters.html import render_html_fragment

        self.preview.value = f"<div class='pbc-preview'>{render_html_fragment(draft)}</div>"
        comments = [
            f"<li>{esc(names.get(c.section, c.section))}"
            f"{'' if c.item is None else f'（第 {c.item + 1} 条）'}："
            f"{esc(c.text)} <span class='pbc-muted'>{esc(c.author)} {esc(c.created[:16])}</span></li>"
            for c in draft.comments
        ]
        self.comments.value = f"<ul>{''.join(comments)}</ul>" if comments else "（还没有批注）"
        options = self._section_options(draft)
        self.fb_section.options = options
        if options:
            self.fb_section.value = options[0][1]
        self._fill_items()

    def _section_options(self, draft: Any) -> list[tuple[str, str]]:
        from ..genre import load_genre

        try:
            genre = load_genre(draft.genre)
            specs = [(s.heading or {"title": "标题", "opening": "开头"}.get(s.id, s.id), s.id)
                     for s in genre.content_sections()]  # fmt: skip
        except PartybookError:
            specs = [(sid, sid) for sid in draft.sections]
        return specs

    def _fill_items(self) -> None:
        m = self.model
        assert m is not None
        entry = m.entry(self.student.value) if self.student.value else None
        section = self.fb_section.value
        items = entry.draft.items(section) if entry and entry.draft and section else []
        self.fb_item.options = [("整个章节", -1)] + [
            (f"第 {i + 1} 条：{it.heading[:16]}", i) for i, it in enumerate(items)
        ]
        self.fb_item.value = -1

    @staticmethod
    def _findings_html(findings: list[Any], names: dict[str, str] | None = None) -> str:
        if not findings:
            return "<div class='pbc-muted'>没有发现问题。</div>"
        items = []
        for f in findings[:80]:
            cls = {"error": "pbc-bad", "warning": "pbc-warn"}.get(f.severity, "pbc-muted")
            where = (names or {}).get(f.section, f.section)
            where += "" if f.item is None else f" 第 {f.item + 1} 条"
            items.append(
                f"<li class='{cls}'>{SEVERITY_ZH.get(f.severity, f.severity)} [{esc(where)}] "
                f"{esc(f.message)} <span class='pbc-muted'>{esc(f.code)}</span></li>"
            )
        more = f"<li>……另有 {len(findings) - 80} 条</li>" if len(findings) > 80 else ""
        return f"<ul>{''.join(items)}{more}</ul>"

    def _pairs_html(self, file: str) -> str:
        m = self.model
        assert m is not None and m.report is not None
        pairs = m.report.pairs_of(file)
        if not pairs:
            return "<div class='pbc-muted'>未发现相似度超过阈值的草稿。</div>"
        out = []
        for p in pairs:
            other, other_name = (p.b, p.student_b) if p.a == file else (p.a, p.student_a)
            mine_first = p.a == file
            blocks = []
            for s in p.passages[:12]:
                mine, theirs = (s.text_a, s.text_b) if mine_first else (s.text_b, s.text_a)
                cls = " pbc-common" if s.common else ""
                note = "（全班常见套话，不计入）" if s.common else ""
                blocks.append(
                    f"<div class='pbc-side{cls}'><div>{esc(mine)}</div><div>{esc(theirs)}{note}</div></div>"
                )
            out.append(
                f"<div class='pbc-pair'><b>与 {esc(other_name)}（{esc(other)}）</b>："
                f"相似度 {p.similarity:.0%}，包含度 {p.containment:.0%}，相同段落共 {p.shared_chars} 字。"
                f"<div class='pbc-muted'>{esc('；'.join(p.reasons))}</div>{''.join(blocks)}</div>"
            )
        return "".join(out)

    # --- actions -------------------------------------------------------------------------
    def _save_comment(self) -> None:
        m = self.model
        assert m is not None
        if not self.student.value:
            raise PartybookError("请先选择学员。")
        item = (
            self.fb_item.value
            if self.fb_item.value is not None and self.fb_item.value >= 0
            else None
        )
        m.add_comment(self.student.value, self.fb_section.value, self.fb_text.value, item)
        self.fb_text.value = ""
        self.show("批注已保存，学员重新打开工作簿即可看到。", "success")

    def _prepare_publish(self) -> None:
        m = self.model
        assert m is not None
        if not self.student.value:
            raise PartybookError("请先选择学员。")
        self.candidate = m.prepare_publish(self.student.value)
        lines = self.candidate.review_lines()
        listing = "".join(f"<li>{esc(x)}</li>" for x in lines) or "<li>（没有需要替换的内容）</li>"
        from ..exporters.html import render_html_fragment

        self.pub_review.value = (
            f"<b>替换了 {len(lines)} 处，请逐条核对：</b><ul>{listing}</ul>"
            f"<div class='pbc-preview'>{render_html_fragment(self.candidate.example)}</div>"
        )
        self.pub_save.disabled = False

    def _publish(self) -> None:
        m = self.model
        assert m is not None
        if self.candidate is None:
            raise PartybookError("请先点“匿名化预览”，核对替换后再发布。")
        path = m.publish(self.candidate, self.pub_name.value.strip() or None)
        self.pub_save.disabled = True
        self.candidate = None
        self.show(f"已发布范文：{path}", "success")

    def _export(self) -> None:
        m = self.model
        assert m is not None
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
            result = m.export(target, pdf=self.want_pdf.value, progress=step)
        finally:
            self.export_button.disabled = False
        link = ""
        if result.zip_path is not None and result.zip_path.stat().st_size < 50 * 1024 * 1024:
            data = base64.b64encode(result.zip_path.read_bytes()).decode("ascii")
            link = (
                f" <a download='{esc(result.zip_path.name)}' "
                f"href='data:application/zip;base64,{data}'>下载 {esc(result.zip_path.name)}</a>"
            )
        failed = "".join(f"<li>{esc(f)}：{esc(why)}</li>" for f, why in result.failed)
        self.export_result.value = f"{esc(result.summary())}已保存到 {esc(target)}。{link}" + (
            f"<ul class='pbc-bad'>{failed}</ul>" if failed else ""
        )
