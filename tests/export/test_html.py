"""HTML export and preview fragment: every piece of user text escaped; layout CSS present."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from partybook.draft import Draft
from partybook.exporters import get_exporter
from partybook.exporters.html import render_html_fragment
from partybook.genre import Genre


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):  # noqa: ANN001
        self.tags.append(tag)

    def handle_data(self, data):  # noqa: ANN001
        self.text.append(data)


def _parse(page: str) -> _Collect:
    c = _Collect()
    c.feed(page)
    return c


def test_hostile_input_is_escaped_everywhere(hostile_draft: Draft, genre: Genre) -> None:
    page = get_exporter("html").export(hostile_draft).decode("utf-8")
    parsed = _parse(page)
    # the only elements are ours: no <script>, no <b> from the user
    assert "script" not in parsed.tags and "b" not in parsed.tags
    assert set(parsed.tags) <= {
        "html",
        "head",
        "meta",
        "title",
        "style",
        "body",
        "div",
        "p",
        "span",
        "br",
    }
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "padding: 37mm 26mm 35mm 28mm" in page  # the page shows the GB/T 9704 margins
    # text comes back exactly as typed (entities decoded once, not twice)
    text = "".join(parsed.text)
    assert '<script>alert("x")</script> & \'q\' "dq" <b>粗</b> &amp;' in text
    for field in ("标题", "开头", "基本", "问题标题", "问题正文", "原因正文", "措施正文"):
        assert f"{field}<script>" in text, field
    # meta: unit and author appear in the sign-off, escaped
    assert "某<单位>&<script>" in text and "张<三><script>" in text


def test_fragment_for_live_preview(example_draft: Draft, genre: Genre) -> None:
    frag = render_html_fragment(example_draft, genre)
    assert frag.startswith("<style>") and '<div class="pb-doc"' in frag
    assert "<html" not in frag and "<body" not in frag
    # scoped CSS mimicking the layout: 156 mm block, 16 pt body, exact 28.95 pt lines
    style = frag.split("</style>")[0]
    assert all(
        rule.strip().startswith((".pb-doc", "@media", "}")) or not rule.strip()
        for rule in re.split(r"(?<=})\n", style.removeprefix("<style>"))
    )
    for needle in (
        "156mm",
        "16pt",
        "28.95pt",
        "22pt",
        "text-indent: 2em",
        "仿宋_GB2312",
        "黑体",
        "楷体_GB2312",
    ):
        assert needle in style, needle
    body = frag.split("</style>")[1]
    title = example_draft.sections["title"]
    first_problem = example_draft.items("problems")[0].heading
    assert '<p class="pb-title">' + html.escape(title) in body
    assert '<p class="pb-h1">一、基本情况</p>' in body
    assert f'<span class="pb-l2">（一）{html.escape(first_problem)}</span>' in body
    assert '<span class="pb-l3">一是' in body
    assert body.count('class="pb-sign') == 3 and "pb-sign-first" in body


def test_hostile_fragment(hostile_draft: Draft, genre: Genre) -> None:
    frag = render_html_fragment(hostile_draft, genre)
    assert "<script>" not in frag and "<b>" not in frag


def test_control_characters_removed_with_notice(genre: Genre) -> None:
    from partybook.draft import conform

    d = conform(
        Draft(
            genre=genre.id,
            sections={"title": "标\x00题\x1b", "opening": ["开头\ud800正文😀\u200b"]},
        ),
        genre,
    )
    exporter = get_exporter("html")
    page = exporter.export(d).decode("utf-8")
    assert "标题" in page and "\x00" not in page and "\x1b" not in page
    assert "😀\u200b" in page  # emoji and zero-width characters are carried
    assert exporter.notices and "3 个" in exporter.notices[0] and "标题" in exporter.notices[0]
