"""The showcase page: per section the genre's guidance, prompts and suggested length, the
worked example's text and the findings of the checks on it, then the assembled preview.

:func:`show` displays it in the running notebook as static HTML outputs (no widgets);
:func:`showcase_parts` is the pure function behind it. The genre comes from
``PARTYBOOK_GENRE`` (default ``dangxing-fenxi``); an anonymised shared example (a draft
.json marked ``example``) may be shown instead of the genre's own worked example through
``PARTYBOOK_EXAMPLE`` (both read in :mod:`partybook.paths`). All genre and draft text passes
through :func:`html.escape`; the stylesheet is ``showcase.css`` beside this module.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import cache
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from ..checks.model import SEVERITY_ZH
from ..errors import InputError
from ..paths import DEFAULT_GENRE

if TYPE_CHECKING:
    from ..assembly import Block
    from ..checks import Finding
    from ..draft import Draft
    from ..genre import Genre, SectionSpec

ERROR_CLASS = "pb-sc-error"  # the class of a Chinese error output (build.py looks for it)
CSS_FILE = Path(__file__).with_name("showcase.css")


@cache
def _css() -> str:
    return CSS_FILE.read_text(encoding="utf-8")


def genre_example(genre: Genre) -> Draft:
    """The genre's own (first) worked example as a draft."""
    return genre.example_draft()


def resolve(
    genre_id: str | None, example_path: str | os.PathLike[str] | None
) -> tuple[Genre, Draft]:
    """The genre and the draft to show. With an example file, its genre is used; a
    different ``genre_id`` is an error. Errors are :class:`PartybookError` in Chinese."""
    from ..draft import conform
    from ..genre import load_genre

    if not example_path:
        genre = load_genre(genre_id or DEFAULT_GENRE)
        return genre, genre_example(genre)
    from ..storage import load

    path = Path(example_path)
    if path.suffix.lower() != ".json":
        raise InputError(
            f"范例文件 {path.name} 不是 .json 草稿。请先用 partybook anonymize 生成匿名化范例（.json）。"
        )
    draft = load(path)
    if not draft.example:
        raise InputError(
            f"{path.name} 不是匿名化的共享范例，不能直接公开展示。请先运行 "
            f"partybook anonymize {path.name} -o 范例.json，核对替换结果后再用生成的文件。"
        )
    if genre_id and draft.genre != genre_id:
        raise InputError(
            f"范例文件 {path.name} 属于文体 {draft.genre}，与所选文体 {genre_id} 不一致。"
            "请去掉 --genre，或换一个范例文件。"
        )
    genre = load_genre(draft.genre)
    return genre, conform(draft, genre)


def _length(spec: SectionSpec) -> str:
    lo, hi = spec.length.min, spec.length.max
    if hi:
        return f"建议篇幅：{lo}–{hi} 字"
    return f"建议篇幅：不少于 {lo} 字" if lo else ""


def _block(b: Block) -> str:
    if b.role == "title":
        return f'<p class="pb-sc-t">{escape(b.text)}</p>'
    if b.role in ("signoff", "date"):
        return f'<p class="pb-sc-sign">{escape(b.text)}</p>'
    if b.role == "item" and b.heading:
        head = f'<span class="pb-sc-ih">{escape(b.number + b.heading)}</span>'
        return f"<p>{head}{escape(b.text)}</p>"
    return f"<p>{escape(b.number + b.text)}</p>"


def _finding(f: Finding, spec: SectionSpec | None) -> str:
    from ..numbering import label

    where = ""
    if f.item is not None and spec is not None:
        where = f"第{label(spec.item_numbering, f.item + 1)}项："
    sev = f.severity if f.severity in SEVERITY_ZH else "hint"
    return (
        f'<li><span class="pb-sc-sev pb-sc-sev-{sev}">{SEVERITY_ZH[sev]}</span>'
        f'<span class="pb-sc-code">{escape(f.code)}</span>{escape(where + f.message)}</li>'
    )


def _findings_html(found: Sequence[Finding], spec: SectionSpec | None) -> str:
    if not found:
        return (
            '<div class="pb-sc-find"><span class="pb-sc-ok">✓ 检查：本节未发现问题。</span></div>'
        )
    items = "".join(_finding(f, spec) for f in found)
    return f'<div class="pb-sc-find">检查发现 {len(found)} 处问题：<ul>{items}</ul></div>'


def _header(genre: Genre, draft: Draft, total: int, from_file: bool) -> str:
    from ..text import format_date

    meta = draft.meta
    facts = [
        ("作者", meta.author),
        ("单位", meta.unit),
        ("职务", meta.position),
        ("班次", meta.class_name),
        ("日期", format_date(meta.date) if meta.date else ""),
    ]
    fact_html = "".join(f"<span><b>{k}</b>　{escape(v)}</span>" for k, v in facts if v)
    lo, hi = genre.length.min, genre.length.max
    suggested = f"（建议 {lo}–{hi} 字）" if hi else ""
    fact_html += f"<span><b>全文</b>　{total} 字{suggested}</span>"
    banner = ""
    if from_file:
        banner = (
            '<div class="pb-sc-banner">本范例是一份经匿名化处理的共享范例：作者、单位、地名、日期等'
            "已替换为“某某”“某单位”“20XX年”等占位符。</div>"
        )
    return (
        f'<style>{_css()}</style><div class="pb-sc"><header class="pb-sc-head">'
        f"<h1>{escape(genre.name)}范例</h1>"
        f'<p class="pb-sc-desc">{escape(genre.description)}</p>'
        f'<div class="pb-sc-facts">{fact_html}</div>{banner}'
        '<p class="pb-sc-note">下面逐节列出写作要求、思考提示和范例原文，以及 partybook 自动检查的结果，'
        "最后是按公文格式排出的成稿预览。人物、单位和事例均为虚构，仅供学习参考，请用自己的经历和语言来写。</p>"
        "</header></div>"
    )


def showcase_parts(genre: Genre, draft: Draft, *, from_file: bool = False) -> list[str]:
    """The page as HTML fragments, one per displayed output: header, one card per section,
    the summary of the checks, the assembled preview. Pure; all text escaped."""
    from ..assembly import blocks
    from ..checks import check
    from ..exporters.html import render_html_fragment
    from ..text import count_chars

    doc = blocks(draft, genre)
    findings = check(draft, genre)
    total = 0
    cards: list[str] = []
    for spec in genre.sections:
        own = [b for b in doc if b.section == spec.id and b.role != "heading"]
        chars = sum(count_chars(b.number + b.heading + b.text) for b in own)
        if spec.id != "title" and spec.kind.value != "signoff":
            total += chars
        guide = f"<h3>写作要求</h3><p>{escape(spec.guidance)}</p>" if spec.guidance else ""
        if spec.prompts:
            guide += (
                "<h3>思考提示</h3><ul>"
                + "".join(f"<li>{escape(p)}</li>" for p in spec.prompts)
                + "</ul>"
            )
        if _length(spec):
            guide += f'<p class="pb-sc-len">{_length(spec)}</p>'
        text = "".join(_block(b) for b in own) or '<p class="pb-sc-empty">（范例中本节为空）</p>'
        count = f'<p class="pb-sc-count">本节 {chars} 字</p>' if own else ""
        mine = [f for f in findings if f.section == spec.id]
        cards.append(
            f'<div class="pb-sc"><section class="pb-sc-sec" id="pb-sc-{escape(spec.id)}">'
            f"<h2>{escape(genre.section_label(spec))}</h2>"
            f'<div class="pb-sc-grid"><div class="pb-sc-guide">{guide or "<p>（无）</p>"}</div>'
            f'<div class="pb-sc-ex"><h3>范例</h3><div class="pb-sc-text">{text}</div>{count}</div></div>'
            f"{_findings_html(mine, spec)}</section></div>"
        )
    specs = {s.id: s for s in genre.sections}
    if findings:
        counts = "，".join(
            f"{SEVERITY_ZH[s]} {n} 处"
            for s in ("error", "warning", "hint")
            if (n := sum(1 for f in findings if f.severity == s))
        )
        other = [f for f in findings if f.section not in specs]
        summary = f"<p>共发现 {len(findings)} 处问题（{counts}），已列在各节下方。</p>"
        if other:
            summary += _findings_html(other, None)
    else:
        summary = '<p class="pb-sc-ok">✓ 全部检查通过：范例中没有发现错误、警告或提示。</p>'
    summary_html = (
        f'<div class="pb-sc"><section class="pb-sc-sum"><h2>检查结果</h2>{summary}</section></div>'
    )
    preview = (
        '<div class="pb-sc"><section class="pb-sc-prev"><h2>成稿预览</h2>'
        '<p class="pb-sc-note">按党政机关公文格式（GB/T 9704）排出的全文，编号由 partybook 自动生成。</p>'
        f'<div class="pb-sc-paper">{render_html_fragment(draft, genre)}</div></section></div>'
    )
    return [_header(genre, draft, total, from_file), *cards, summary_html, preview]


def show(genre_id: str | None = None, example_path: str | None = None) -> None:
    """Display the showcase in the running notebook (static HTML outputs, no widgets).

    Arguments default to ``PARTYBOOK_GENRE`` and ``PARTYBOOK_EXAMPLE``. A user error is
    shown as a Chinese message, not a traceback."""
    from IPython.display import HTML, display

    from .. import paths
    from ..errors import PartybookError

    genre_id = genre_id or paths.showcase_genre()
    example_path = example_path or paths.showcase_example()
    try:
        genre, draft = resolve(genre_id, example_path)
        parts = showcase_parts(genre, draft, from_file=bool(example_path))
    except PartybookError as err:
        display(HTML(f'<div class="{ERROR_CLASS}">错误：{escape(str(err))}</div>'))
        return
    for part in parts:
        display(HTML(part))
