"""HTML: a self-contained page laid out like the printed document (GB/T 9704 look), and
the same document as a fragment for the workbook's live preview.

All user text passes through :func:`html.escape`; the only markup is ours. Fast enough to
re-render on every keystroke (no template engine, one pass over the blocks).
"""

from __future__ import annotations

from html import escape

from ..assembly import SIGNOFF_ROLES, Block, blocks
from ..draft import Draft
from ..genre import Genre, load_genre
from ._clean import clean_blocks
from ._common import balance_lines, section_names
from .base import Exporter
from .fonts import FontConfig, load_fonts

TITLE_LINE_EMS = 20  # 2号 characters on one 156 mm line


def _css(fonts: FontConfig, page: bool) -> str:
    # the page shows the GB/T 9704 margins; the embedded preview keeps the 156 mm line
    # (28 characters) but only a narrow frame, to fit beside the editor
    padding = "37mm 26mm 35mm 28mm" if page else "1.5em 1.5em 2em 1.5em"

    def stack(role: str) -> str:
        # the configured font first (one place to change it), then the fallbacks
        first = fonts.role(role).east_asia.replace('"', "")
        rest = fonts.css_stack(role)
        return f'"{first}", {rest}'.replace("<", "").replace("{", "").replace("}", "")

    return f"""
.pb-doc {{ box-sizing: content-box; width: 156mm; max-width: 100%; margin: 0 auto;
  padding: {padding}; background: #fff; color: #000;
  font-family: "Times New Roman", {stack("body")}; font-size: 16pt; line-height: 28.95pt;
  text-align: justify; word-break: break-all; overflow-wrap: anywhere; }}
.pb-doc p {{ margin: 0; text-indent: 2em; }}
.pb-doc .pb-title {{ font-family: "Times New Roman", {stack("title")}; font-size: 22pt;
  font-weight: bold; text-align: center; text-indent: 0; margin-bottom: 28.95pt;
  word-break: normal; }}
.pb-doc .pb-h1, .pb-doc .pb-l1 {{ font-family: "Times New Roman", {stack("heading1")}; }}
.pb-doc .pb-h2, .pb-doc .pb-l2 {{ font-family: "Times New Roman", {stack("heading2")}; }}
.pb-doc .pb-h3, .pb-doc .pb-l3 {{ font-family: "Times New Roman", {stack("heading3")}; }}
.pb-doc .pb-h4, .pb-doc .pb-l4 {{ font-family: "Times New Roman", {stack("heading4")}; }}
.pb-doc .pb-sign {{ text-align: right; text-indent: 0; padding-right: 2em; }}
.pb-doc .pb-sign-first {{ margin-top: 28.95pt; }}
.pb-doc .pb-sign-left {{ text-align: left; padding-right: 0; }}
.pb-doc .pb-salutation, .pb-doc .pb-closing {{ text-indent: 0; text-align: left; }}
@media screen and (max-width: 800px) {{ .pb-doc {{ padding: 1.5em; font-size: 14pt;
  line-height: 1.8; }} }}
""".strip()


def _block_html(b: Block, first_of_signoff: bool) -> str:
    if b.role == "title":
        lines = balance_lines(b.text, TITLE_LINE_EMS)
        return '<p class="pb-title">' + "<br>".join(escape(line) for line in lines) + "</p>"
    if b.role == "heading":
        return f'<p class="pb-h{b.level or 1}">{escape(b.number + b.text)}</p>'
    if b.role in SIGNOFF_ROLES:
        cls = "pb-sign pb-sign-first" if first_of_signoff else "pb-sign"
        if b.align == "left":
            cls += " pb-sign-left"
        return f'<p class="{cls}">{escape(b.text)}</p>'
    if b.role == "salutation":
        return f'<p class="pb-salutation">{escape(b.text)}</p>'
    if b.role == "closing":
        style = f' style="text-indent: {b.indent}em"' if b.indent else ""
        return f'<p class="pb-closing"{style}>{escape(b.text)}</p>'
    if b.role == "item" and b.heading:
        level = min(max(b.level, 1), 4)
        head = escape(b.number + b.heading)
        if b.run_in:
            return f'<p><span class="pb-l{level}">{head}</span>{escape(b.text)}</p>'
        return f'<p class="pb-h{level}">{head}{escape(b.text)}</p>'
    return f"<p>{escape(b.number + b.text)}</p>"


def _render(
    draft: Draft, genre: Genre, fonts: FontConfig, *, page: bool
) -> tuple[str, str, str, str]:
    """(style, body, title text, notice)."""
    doc_blocks, notice = clean_blocks(blocks(draft, genre), section_names(genre))
    parts: list[str] = []
    prev = ""
    for b in doc_blocks:
        first = b.role in SIGNOFF_ROLES and prev not in (*SIGNOFF_ROLES, "closing", "")
        parts.append(_block_html(b, first))
        prev = b.role
    body = '<div class="pb-doc" lang="zh-CN">' + "\n".join(parts) + "</div>"
    title = next((b.text for b in doc_blocks if b.role == "title"), genre.name)
    return _css(fonts, page), body, title, notice


def render_html_fragment(draft: Draft, genre: Genre | None = None) -> str:
    """The document as an embeddable fragment: a scoped ``<style>`` and a ``div.pb-doc``."""
    style, body, _, _ = _render(draft, genre or load_genre(draft.genre), load_fonts(), page=False)
    return f"<style>{style}</style>\n{body}"


class HtmlExporter(Exporter):
    format = "html"
    extension = ".html"
    label = "网页（HTML）"
    mimetype = "text/html; charset=utf-8"

    def to_bytes(self, draft: Draft, genre: Genre) -> bytes:
        style, body, title, notice = _render(draft, genre, load_fonts(), page=True)
        if notice:
            self.notices.append(notice)
        page = (
            '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{escape(title)}</title>\n"
            f"<style>\nbody {{ margin: 0; background: #eee; }}\n{style}\n</style>\n"
            f"</head>\n<body>\n{body}\n</body>\n</html>\n"
        )
        return page.encode("utf-8")
