"""The page as it will print: the draft on A4 pages as LibreOffice breaks them (the
pagination model, ``partybook.pagination``), and the page count for the header.

Each page is drawn at GB/T 9704 proportions — 210 × 297 mm, the 156 × 225 mm text block,
22 grid lines of 28.95 pt — scaled down to fit the side column; the title and headings in
their faces (CSS font stacks from ``templates/layout/fonts.yaml``), "— N —" under the
text block on the right of odd pages and the left of even ones. All text is escaped.
"""

from __future__ import annotations

from html import escape

from ..exporters.fonts import FontConfig, load_fonts
from ..pagination import Line, Metrics, Page, Pagination, paginate
from ..pagination.latin import installed_latin
from .common import html_box
from .events import Closed, FindingsReady
from .live_checks import PREVIEW_LIMIT, bounded
from .session import Session

SCALE = 0.42  # the drawn page against real A4, to fit the side column


def _css(fonts: FontConfig) -> str:
    def stack(role: str) -> str:
        first = fonts.role(role).east_asia.replace('"', "")
        safe = f'"Times New Roman", "{first}", {fonts.css_stack(role)}'
        return safe.replace("<", "").replace("{", "").replace("}", "")

    return f"""
.pb-pages {{ zoom: {SCALE}; }}
.pb-page {{ position: relative; box-sizing: border-box; width: 210mm; height: 297mm;
  padding: 37mm 26mm 35mm 28mm; margin: 0 auto 8mm auto; background: #fff; color: #000;
  box-shadow: 0 1mm 4mm rgba(0,0,0,.35); font-family: {stack("body")}; font-size: 16pt; }}
.pb-page-body {{ height: 225mm; overflow: hidden; }}
.pb-line {{ height: 28.95pt; line-height: 28.95pt; white-space: pre; overflow: visible;
  text-align: justify; text-align-last: justify; }}
.pb-line-last, .pb-line-left {{ text-align: left; text-align-last: left; }}
.pb-line-center {{ text-align: center; text-align-last: center; }}
.pb-line-right {{ text-align: right; text-align-last: right; padding-right: 2em; }}
.pb-line-title {{ font-family: {stack("title")}; font-size: 22pt; font-weight: bold; }}
.pb-f1 {{ font-family: {stack("heading1")}; }}
.pb-f2 {{ font-family: {stack("heading2")}; }}
.pb-f3 {{ font-family: {stack("heading3")}; }}
.pb-f4 {{ font-family: {stack("heading4")}; }}
.pb-page-number {{ position: absolute; bottom: calc(35mm - 7mm - 14pt); font-size: 14pt;
  line-height: 14pt; font-family: {stack("page_number")}; }}
.pb-page-odd .pb-page-number {{ right: calc(26mm + 14pt); }}
.pb-page-even .pb-page-number {{ left: calc(28mm + 14pt); }}
""".strip()


def _line_html(ln: Line | None) -> str:
    if ln is None:
        return '<div class="pb-line pb-line-blank"> </div>'
    cls = ["pb-line", f"pb-role-{ln.role}"]
    if ln.role == "title":
        cls.append("pb-line-title")
    if ln.align != "justify":
        cls.append(f"pb-line-{ln.align}")
    elif ln.last:
        cls.append("pb-line-last")
    indent = "\u3000" * ln.indent  # the first-line indent, two full-width cells
    body = escape(ln.text[len(ln.head) :])
    head = escape(ln.head)
    if head and ln.role == "heading":
        body, head = head + body, ""
        cls.append(f"pb-f{ln.level or 1}")
    elif head:
        head = f'<span class="pb-f{min(max(ln.level, 1), 4)}">{head}</span>'
    return f'<div class="{" ".join(cls)}">{indent}{head}{body}</div>'


def _page_html(page: Page) -> str:
    side = "odd" if page.number % 2 else "even"
    lines = "".join(_line_html(ln) for ln in page.lines)
    return (
        f'<div class="pb-page pb-page-{side}" data-page="{page.number}">'
        f'<div class="pb-page-body">{lines}</div>'
        f'<div class="pb-page-number">— {page.number} —</div></div>'
    )


def render_pages_html(pagination: Pagination, fonts: FontConfig | None = None) -> str:
    """The pages as one HTML fragment with its scoped style."""
    pages = "".join(_page_html(p) for p in pagination.pages)
    return f'<style>{_css(fonts or load_fonts())}</style><div class="pb-pages">{pages}</div>'


def page_count_text(count: int) -> str:
    return f"约 {count} 页"


class PagedPreview:
    """按页预览 in the side column and 约 N 页 in the header; refreshed with the checks."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.root = html_box("", "pb-paged-preview")
        self.count = html_box("", "pb-page-count")
        self.pagination: Pagination | None = None
        session.events.observe(FindingsReady, lambda _: self.refresh())
        session.events.observe(Closed, lambda _: self.refresh())

    def refresh(self) -> None:
        s = self.session
        if s.draft is None or s.genre is None:
            self.pagination = None
            self.root.value = self.count.value = ""
            return
        draft, _ = bounded(s.draft, s.genre, PREVIEW_LIMIT)
        metrics = Metrics(latin_em=installed_latin())  # the server's LibreOffice fonts
        self.pagination = p = paginate(draft, s.genre, metrics)
        count = page_count_text(p.count)
        title = "按页预览（A4 公文版式，分页与 LibreOffice 打印一致）"
        self.root.value = f'<div class="pb-side-title">{title} · {count}</div>' + render_pages_html(
            p
        )
        self.count.value = (
            f'<span class="pb-page-count-text" title="按 A4 公文版式（每页 22 行、每行 28 字）'
            f'估算的打印页数">{count}</span>'
        )
