"""What the instructor's dashboard draws, as HTML strings and a PNG: the summary, the class
table, similar passages side by side, comments, the completion chart. No widgets here;
escaping and findings come from the workbook's kit (:mod:`partybook.ui.common`), the
styles from its stylesheet (the ``pbc-*`` rules of ``ui/workbook.css``)."""

from __future__ import annotations

import io
from collections.abc import Mapping
from typing import Any

from ..draft import Draft
from ..errors import PartybookError
from ..ui.common import esc
from .model import ClassModel
from .report import Row, short_time

TABLE_HEADINGS = (
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
    "沿用旧稿",
    "问题类别",
    "缺实例",
)
PASSAGES_SHOWN = 12
CARRIED_WARN = 0.2  # share of the text carried over from earlier drafts: worth a look
CARRIED_BAD = 0.5  # most of it


def summary_html(model: ClassModel) -> str:
    rows = model.rows
    ok = [r for r in rows if r.ok]
    finished = sum(1 for r in ok if r.sections_done >= r.sections_total > 0)
    pairs = len(model.report.similar) if model.report else 0
    bad = len(rows) - len(ok)
    text = (
        f"共 {len(rows)} 份草稿：已完成 {finished} 份，有错误 "
        f"{sum(1 for r in ok if r.errors)} 份，相似度过高 {pairs} 对"
    )
    if bad:
        text += f"，<span class='pbc-bad'>无法读取 {bad} 份</span>"
    return text + "。"


def _cls(flag: object, name: str) -> str:
    return name if flag else ""


def table_html(model: ClassModel, rows: list[Row]) -> str:
    head = "".join(f"<th>{h}</th>" for h in TABLE_HEADINGS)
    body = []
    for r in rows:
        if not r.ok:
            body.append(
                f"<tr><td>{esc(r.student)}</td><td>{esc(r.file)}</td>"
                f"<td colspan='{len(TABLE_HEADINGS) - 2}' class='pbc-bad'>"
                f"无法读取：{esc(r.problem)}</td></tr>"
            )
            continue
        similar = model.similar_count(r.file)
        body.append(
            "<tr>"
            f"<td>{esc(r.student)}</td><td>{esc(r.file)}</td><td>{esc(r.genre)}</td>"
            f"<td>{r.sections_done}/{r.sections_total}</td><td>{r.characters}</td>"
            f"<td class='{_cls(r.errors, 'pbc-bad')}'>{r.errors}</td>"
            f"<td class='{_cls(r.warnings, 'pbc-warn')}'>{r.warnings}</td>"
            f"<td class='{_cls(similar, 'pbc-bad')}'>{similar or ''}</td>"
            f"<td>{r.comments or ''}</td><td>{esc(short_time(r.updated))}</td>"
            f"{carried_cell(r)}{categories_cell(r)}"
            f"<td class='{_cls(r.no_example, 'pbc-warn')}'>{len(r.no_example) or ''}</td>"
            "</tr>"
        )
    if not body:
        body.append(
            f"<tr><td colspan='{len(TABLE_HEADINGS)}' class='pbc-muted'>"
            f"{esc(model.source)} 中还没有草稿。</td></tr>"
        )
    return f"<table class='pbc-table'><tr>{head}</tr>{''.join(body)}</table>"


def carried_cell(r: Row) -> str:
    """沿用旧稿: the share carried over from the student's earlier drafts (— without any)."""
    if r.carried_over is None:
        return "<td class='pbc-carried pbc-muted' title='班级文件夹中没有此人更早的草稿'>—</td>"
    share = r.carried_over
    cls = "pbc-bad" if share >= CARRIED_BAD else "pbc-warn" if share >= CARRIED_WARN else ""
    return f"<td class='pbc-carried {cls}'>{share:.0%}</td>"


def categories_cell(r: Row) -> str:
    """问题类别: the categories the problems touch, then the required groups none touches."""
    cats = "".join(f"<span class='pbc-cat'>{esc(c)}</span>" for c in r.categories)
    missing = "".join(f"<span class='pbc-missing'>缺{esc(m)}</span>" for m in r.missing_categories)
    return f"<td class='pbc-cats'>{cats}{missing}</td>"


def categories_html(profile: Any, row: Row | None, show_words: bool = False) -> str:
    """One student's problems: each item's categories (with the words that decided, when
    ``show_words``), whether it gives a concrete example, and the missing groups."""
    if profile is None:
        return ""
    parts = []
    if profile.missing:
        names = "、".join(profile.missing)
        parts.append(
            f"<div class='pbc-bad pbc-missing-line'>没有涉及“{esc(names)}”方面的问题，"
            "值得与学员谈一谈。</div>"
        )
    if row is not None and row.carried_over is not None:
        parts.append(
            f"<div class='pbc-carried-line'>与本人往年的草稿相同的文字约占 {row.carried_over:.0%}。</div>"
        )
    if not profile.items:
        parts.append("<div class='pbc-muted'>还没有写问题。</div>")
        return "".join(parts)
    lis = []
    for it in profile.items:
        heading = it.heading.strip() or "（未写小标题）"
        point = "" if it.point is None else f" 之 {it.point + 1}"
        cats = []
        for c in it.categories:
            words = (
                f"<span class='pbc-words'>（依据：{esc('、'.join(c.words))}）</span>"
                if show_words and c.words
                else ""
            )
            cats.append(f"<span class='pbc-cat'>{esc(c.name)}</span>{words}")
        cat_html = "".join(cats) or "<span class='pbc-muted'>未能归类</span>"
        example = (
            "" if it.concrete else " <span class='pbc-warn pbc-no-example'>缺少具体事例</span>"
        )
        lis.append(
            f"<li class='pbc-problem'>第 {it.item + 1} 条{point}：{esc(heading[:40])} "
            f"{cat_html}{example}</li>"
        )
    parts.append(f"<ol class='pbc-problems'>{''.join(lis)}</ol>")
    return "".join(parts)


def carried_html(passages: list[Any], names: Mapping[str, str]) -> str:
    """The passages carried over from the student's earlier drafts, beside the old text."""
    if not passages:
        return ""
    from ..ui.side_by_side import carried_html as side_by_side

    total = sum(c.length for c in passages)
    return (
        f"<div class='pbc-carried-head'><b>沿用旧稿</b>：{len(passages)} 段、{total} 字"
        "与本人往年的草稿相同。</div>"
        "<div class='pb-diff'><div class='pb-diff-cols'><div>本稿</div><div>往年的草稿</div></div>"
        f"{side_by_side(passages[:PASSAGES_SHOWN], names)}</div>"
    )


def pairs_html(model: ClassModel, file: str) -> str:
    """The drafts too similar to ``file``, with the shared passages side by side."""
    pairs = model.report.pairs_of(file) if model.report else []
    if not pairs:
        return "<div class='pbc-muted'>未发现相似度超过阈值的草稿。</div>"
    out = []
    for p in pairs:
        mine_first = p.a == file
        other, other_name = (p.b, p.student_b) if mine_first else (p.a, p.student_a)
        blocks = []
        for s in p.passages[:PASSAGES_SHOWN]:
            mine, theirs = (s.text_a, s.text_b) if mine_first else (s.text_b, s.text_a)
            cls = " pbc-common" if s.common else ""
            note = "（全班常见套话，不计入）" if s.common else ""
            blocks.append(
                f"<div class='pbc-side{cls}'><div>{esc(mine)}</div>"
                f"<div>{esc(theirs)}{note}</div></div>"
            )
        out.append(
            f"<div class='pbc-pair'><b>与 {esc(other_name)}（{esc(other)}）</b>："
            f"相似度 {p.similarity:.0%}，包含度 {p.containment:.0%}，"
            f"相同段落共 {p.shared_chars} 字。"
            f"<div class='pbc-muted'>{esc('；'.join(p.reasons))}</div>{''.join(blocks)}</div>"
        )
    return "".join(out)


def section_options(draft: Draft) -> list[tuple[str, str]]:
    """(name, id) of the draft's content sections, for the comment drop-down."""
    from ..genre import load_genre

    try:
        genre = load_genre(draft.genre)
    except PartybookError:
        return [(sid, sid) for sid in draft.sections]
    return [(genre.section_label(s), s.id) for s in genre.content_sections()]


def comments_html(draft: Draft, names: Mapping[str, str]) -> str:
    comments = [
        f"<li>{esc(names.get(c.section, c.section))}"
        f"{'' if c.item is None else f'（第 {c.item + 1} 条）'}："
        f"{esc(c.text)} <span class='pbc-muted'>{esc(c.author)} {esc(c.created[:16])}</span></li>"
        for c in draft.comments
    ]
    return f"<ul>{''.join(comments)}</ul>" if comments else "（还没有批注）"


def preview_html(draft: Any) -> str:
    from ..exporters.html import render_html_fragment

    return f"<div class='pbc-preview'>{render_html_fragment(draft)}</div>"


def _cjk_font() -> str | None:
    from matplotlib import font_manager

    wanted = ("Noto Sans CJK SC", "Noto Serif CJK SC", "AR PL UMing CN", "AR PL UKai CN")
    names = {f.name for f in font_manager.fontManager.ttflist}
    return next((n for n in wanted if n in names), None)


def _hbar_png(
    labels: list[str],
    values: list[int],
    *,
    color: str | list[str],
    xmax: int,
    xlabel: str,
    title: str,
    row: float,
    pad: float,
    integer_ticks: bool = False,
    annotate: bool = False,
) -> bytes:
    """One horizontal bar chart (matplotlib, no pyplot) as PNG, labels in a CJK face."""
    from matplotlib.figure import Figure

    font = _cjk_font() or "sans-serif"
    height = max(2.0, row * len(labels) + pad)
    fig = Figure(figsize=(6.4, min(height, 40.0)), dpi=80)
    ax = fig.add_subplot()
    ys = list(range(len(labels)))
    ax.barh(ys, values, color=color)
    ax.set_yticks(ys, labels, fontfamily=font, fontsize=9)
    ax.invert_yaxis()
    ax.set_xlim(0, max(xmax, 1))
    if integer_ticks:
        ax.set_xticks(range(0, max(xmax, 1) + 1))
    if annotate:
        for y, v in zip(ys, values, strict=True):
            if v:
                ax.text(v, y, f" {v}", va="center", fontsize=8)
    ax.set_xlabel(xlabel, fontfamily=font)
    ax.set_title(title, fontfamily=font)
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    return buf.getvalue()


def category_png(counts: dict[str, int], drafts: int) -> bytes:
    """A horizontal bar chart: how many drafts have a problem of each category."""
    names = list(counts)
    return _hbar_png(
        names,
        [counts[n] for n in names],
        color="#8b1a1a",
        xmax=drafts,
        xlabel="写到这一类问题的草稿数",
        title=f"全班问题类别分布（共 {drafts} 份草稿）",
        row=0.32,
        pad=1.2,
        annotate=True,
    )


def completion_png(labels: list[str], done: list[int], total: int) -> bytes:
    """A horizontal bar chart of sections done per student."""
    colours = ["#2e7d32" if d >= total else "#f9a825" if d else "#c62828" for d in done]
    return _hbar_png(
        labels,
        done,
        color=colours,
        xmax=total,
        xlabel="完成章节数",
        title=f"完成情况（共 {total} 个章节）",
        row=0.28,
        pad=1.0,
        integer_ticks=True,
    )
