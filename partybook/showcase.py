"""The showcase (DESIGN §6): a read-only, self-contained HTML page of a worked example.

``notebooks/范例展示.ipynb`` calls :func:`show`, which displays static HTML (no widgets):
per section the genre's guidance, prompts and suggested length, the example's text and the
findings of the checks on it, then the assembled preview. :func:`render_showcase_html`
executes that notebook with nbclient and converts it with nbconvert's ``lab`` template
without code cells and without any script or stylesheet loaded from a CDN, so the page
works offline, e.g. on a course website or as a handout.

The genre comes from ``PARTYBOOK_GENRE`` (default ``dangxing-fenxi``); an anonymised
shared example (a draft .json marked ``example``) may be shown instead of the genre's own
worked example through ``PARTYBOOK_EXAMPLE``. All genre and draft text passes through
:func:`html.escape`. Jupyter is imported only inside the functions that need it.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Sequence
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from .checks.model import SEVERITY_ZH
from .errors import ExportError, InputError
from .paths import PROJECT_DIR

if TYPE_CHECKING:
    from .assembly import Block
    from .checks import Finding
    from .draft import Draft
    from .genre import Genre, SectionSpec

ENV_GENRE = "PARTYBOOK_GENRE"
ENV_EXAMPLE = "PARTYBOOK_EXAMPLE"
DEFAULT_GENRE = "dangxing-fenxi"
NOTEBOOK = PROJECT_DIR / "notebooks" / "范例展示.ipynb"
TIMEOUT = 120  # seconds for the notebook's cell
ERROR_CLASS = "pb-sc-error"


_CSS = """
.pb-sc { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei",
  "PingFang SC", sans-serif; color: #222; font-size: 15px; line-height: 1.75;
  max-width: 1100px; margin: 0 auto; }
.pb-sc h1, .pb-sc h2, .pb-sc h3 { font-family: inherit; margin: 0; line-height: 1.4; }
.pb-sc p { margin: 0 0 .5em 0; }
.pb-sc-head { border-top: 6px solid #b71c1c; background: #fff8f6; padding: 22px 28px 16px;
  border-radius: 0 0 8px 8px; margin-bottom: 18px; }
.pb-sc-head h1 { font-size: 30px; color: #b71c1c; letter-spacing: .08em; margin-bottom: 8px; }
.pb-sc-desc { font-size: 16px; }
.pb-sc-facts { display: flex; flex-wrap: wrap; gap: 6px 22px; color: #555; font-size: 14px;
  margin: 6px 0 4px; }
.pb-sc-facts b { color: #333; font-weight: 600; }
.pb-sc-note { color: #777; font-size: 13px; }
.pb-sc-banner { background: #fff3cd; border: 1px solid #f0d58a; border-radius: 6px;
  padding: 8px 14px; margin: 10px 0 4px; font-size: 14px; }
.pb-sc-sec { border: 1px solid #e4e0dc; border-radius: 8px; margin: 0 0 18px; background: #fff;
  overflow: hidden; }
.pb-sc-sec > h2 { font-size: 21px; background: #faf6f3; border-bottom: 1px solid #e4e0dc;
  padding: 10px 22px; color: #8e1b1b; }
.pb-sc-grid { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 3fr); }
.pb-sc-guide { background: #fbfaf8; padding: 14px 22px; border-right: 1px solid #eee; }
.pb-sc-ex { padding: 14px 24px; }
.pb-sc h3 { font-size: 14px; color: #8e1b1b; letter-spacing: .1em; margin: 8px 0 4px; }
.pb-sc-guide h3:first-child, .pb-sc-ex h3:first-child { margin-top: 0; }
.pb-sc-guide ul { margin: 0 0 .5em 1.2em; padding: 0; }
.pb-sc-guide li { margin: 0 0 .2em 0; }
.pb-sc-len, .pb-sc-count { color: #666; font-size: 13px; }
.pb-sc-text { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "FangSong", serif;
  font-size: 16px; line-height: 1.9; text-align: justify; }
.pb-sc-text p { text-indent: 2em; }
.pb-sc-text .pb-sc-t { text-indent: 0; text-align: center; font-weight: bold; font-size: 18px; }
.pb-sc-text .pb-sc-sign { text-indent: 0; text-align: right; }
.pb-sc-text .pb-sc-ih { font-weight: bold; }
.pb-sc-empty { color: #999; }
.pb-sc-find { border-top: 1px solid #eee; padding: 8px 22px; font-size: 14px; }
.pb-sc-ok { color: #1b6e3a; }
.pb-sc-find ul { margin: 4px 0 0 1.2em; padding: 0; }
.pb-sc-sev { display: inline-block; border-radius: 3px; padding: 0 6px; font-size: 12px;
  margin-right: 6px; color: #fff; background: #888; }
.pb-sc-sev-error { background: #c62828; }
.pb-sc-sev-warning { background: #e08a00; }
.pb-sc-sev-hint { background: #1565c0; }
.pb-sc-code { color: #888; font-family: monospace; margin-right: 6px; }
.pb-sc-sum { border: 1px solid #e4e0dc; border-radius: 8px; padding: 12px 22px; margin: 0 0 18px;
  background: #fff; }
.pb-sc-sum h2, .pb-sc-prev h2 { font-size: 21px; color: #8e1b1b; margin-bottom: 6px; }
.pb-sc-prev { margin: 0 0 18px; }
.pb-sc-paper { background: #e9e6e2; padding: 24px 0; border-radius: 8px; }
.pb-sc-paper .pb-doc { box-shadow: 0 1px 6px rgba(0,0,0,.18); }
.pb-sc-error { border: 2px solid #c62828; background: #fdecea; padding: 12px 18px;
  border-radius: 6px; color: #8e1b1b; }
@media screen and (max-width: 800px) { .pb-sc-grid { grid-template-columns: 1fr; }
  .pb-sc-guide { border-right: 0; border-bottom: 1px solid #eee; } }
""".strip()


# --- what is shown --------------------------------------------------------------------


def genre_example(genre: Genre) -> Draft:
    """The genre's own worked example as a draft."""
    return genre.example_draft()


def resolve(
    genre_id: str | None, example_path: str | os.PathLike[str] | None
) -> tuple[Genre, Draft]:
    """The genre and the draft to show. With an example file, its genre is used; a
    different ``genre_id`` is an error. Errors are :class:`PartybookError` in Chinese."""
    from .draft import conform
    from .genre import load_genre

    if not example_path:
        genre = load_genre(genre_id or DEFAULT_GENRE)
        return genre, genre_example(genre)
    from .storage import load

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


def _section_title(spec: SectionSpec, numbers: dict[str, int]) -> str:
    from .genre import SectionKind
    from .numbering import cn_number

    if spec.heading:
        n = numbers.get(spec.id)
        return f"{cn_number(n)}、{spec.heading}" if n else spec.heading
    return {SectionKind.LINE: "标题", SectionKind.SIGNOFF: "落款"}.get(spec.kind, "开头")


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
    from .numbering import label

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
    from .text import format_date

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
        f'<style>{_CSS}</style><div class="pb-sc"><header class="pb-sc-head">'
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
    from .assembly import blocks
    from .checks import check
    from .exporters.html import render_html_fragment
    from .text import count_chars

    doc = blocks(draft, genre)
    findings = check(draft, genre)
    numbers = genre.heading_numbers()
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
            f"<h2>{escape(_section_title(spec, numbers))}</h2>"
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

    from .errors import PartybookError

    genre_id = genre_id or os.environ.get(ENV_GENRE) or None
    example_path = example_path or os.environ.get(ENV_EXAMPLE) or None
    try:
        genre, draft = resolve(genre_id, example_path)
        parts = showcase_parts(genre, draft, from_file=bool(example_path))
    except PartybookError as err:
        display(HTML(f'<div class="{ERROR_CLASS}">错误：{escape(str(err))}</div>'))
        return
    for part in parts:
        display(HTML(part))


# --- notebook → self-contained HTML ------------------------------------------------------

# nbconvert's lab template with the head scripts removed: require.js, MathJax and mermaid
# (all loaded from a CDN) and the widget renderer. The page shows static HTML only.
_TEMPLATE_NAME = "partybook_showcase.html.j2"
_TEMPLATE = """{%- extends 'index.html.j2' -%}
{%- block html_head_js -%}{%- endblock html_head_js -%}
{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
"""

_REMOTE_SCRIPT = re.compile(
    r"<script\b[^>]*\bsrc\s*=\s*[\"']?(?:https?:)?//[^>]*>.*?</script\s*>", re.I | re.S
)
_REMOTE_LINK = re.compile(r"<link\b[^>]*\bhref\s*=\s*[\"']?(?:https?:)?//[^>]*>", re.I)
_REMOTE_IMPORT = re.compile(r"""\bimport\(\s*["'](?:https?:)?//""", re.I)


def make_self_contained(page: str) -> str:
    """Remove any script or stylesheet the page would load from another site."""
    page = _REMOTE_SCRIPT.sub("", page)
    page = _REMOTE_LINK.sub("", page)
    if _REMOTE_IMPORT.search(page):
        raise ExportError("展示页中仍有从网络加载的脚本，无法生成离线页面。请联系维护者。")
    return page


def _child_env(genre_id: str | None, example_path: Path | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in (ENV_GENRE, ENV_EXAMPLE)}
    if genre_id:
        env[ENV_GENRE] = genre_id
    if example_path is not None:
        env[ENV_EXAMPLE] = str(example_path)
    return env


def _cell_error(nb: object) -> str | None:
    for cell in nb.cells:  # type: ignore[attr-defined]
        for out in cell.get("outputs", []):
            html = out.get("data", {}).get("text/html", "")
            if isinstance(html, list):
                html = "".join(html)
            if f'class="{ERROR_CLASS}"' in html:
                return re.sub(r"<[^>]+>", "", html).removeprefix("错误：").strip()
    return None


def _execute(nb: object, env: dict[str, str]) -> None:
    from jupyter_client.kernelspec import NoSuchKernel
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

    client = NotebookClient(
        nb,  # type: ignore[arg-type]
        timeout=TIMEOUT,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    )
    try:
        # the kernel's own log lines (English, e.g. about TCP transport) are not for users;
        # a failing cell still reaches us through the messages
        client.execute(env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    except NoSuchKernel:
        raise ExportError(
            "找不到名为 python3 的 Jupyter 内核，无法执行范例笔记本。请安装 ipykernel（pip install ipykernel）。"
        ) from None
    except CellTimeoutError:
        raise ExportError(
            f"执行范例笔记本超过 {TIMEOUT} 秒仍未完成，已放弃。请稍后重试。"
        ) from None
    except DeadKernelError:
        raise ExportError("执行范例笔记本时内核意外退出（可能是内存不足）。请稍后重试。") from None
    except CellExecutionError as err:
        last = str(err).strip().splitlines()[-1:] or [""]
        raise ExportError(f"执行范例笔记本时出错：{last[0]}") from None


def render_showcase_html(
    genre_id: str | None = DEFAULT_GENRE,
    example_path: str | os.PathLike[str] | None = None,
    output: str | os.PathLike[str] | None = None,
) -> bytes:
    """Execute ``notebooks/范例展示.ipynb`` and convert it to one self-contained HTML page
    (UTF-8 bytes); also written to ``output`` when given (atomically, overwriting).

    With ``example_path`` (an anonymised draft .json) its genre is used; pass
    ``genre_id=None`` or the same id. Raises :class:`PartybookError` in Chinese."""
    import nbformat
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter
    from nbconvert.preprocessors import TagRemovePreprocessor

    example = Path(example_path).resolve() if example_path else None
    genre, _ = resolve(genre_id, example)  # user errors before a kernel is started
    if not NOTEBOOK.is_file():
        raise ExportError(f"找不到范例笔记本 {NOTEBOOK}，请检查 partybook 是否完整安装。")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    _execute(nb, _child_env(genre.id, example))
    problem = _cell_error(nb)
    if problem:
        raise ExportError(problem)
    nb.metadata["title"] = f"{genre.name}范例"

    exporter = HTMLExporter(
        template_name="lab",
        extra_loaders=[DictLoader({_TEMPLATE_NAME: _TEMPLATE})],
        template_file=_TEMPLATE_NAME,
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )
    exporter.mathjax_url = ""
    exporter.require_js_url = ""
    exporter.language_code = "zh"
    # the notebook's own instructions (markdown for someone opening it) are not printed
    exporter.register_preprocessor(
        TagRemovePreprocessor(remove_cell_tags={"pb-hide"}, enabled=True), enabled=True
    )
    page, _ = exporter.from_notebook_node(nb)
    data = make_self_contained(page).encode("utf-8")
    if output is not None:
        from .storage import write_atomic

        write_atomic(Path(output), data, keep_backup=False)
    return data
