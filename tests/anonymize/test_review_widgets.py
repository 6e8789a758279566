"""The workbook's 导出为共享范文 review, in-process: a 替换 checkbox per text, the example
built with the choices, the choices remembered in the draft file."""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path

import ipywidgets as w

from partybook.storage import load
from partybook.ui import Workbook
from partybook.ui.scheduler import ManualScheduler

TEXT = "我和宋立群、蒋可欣等同事到枫川县调研，学习焦裕禄精神。"


def _walk(widget: w.Widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _walk(child)


def _all(root: w.Widget, cls: str) -> list[w.Widget]:
    return [x for x in _walk(root) if cls in getattr(x, "_dom_classes", ())]


def _row(root: w.Widget, text: str) -> w.HBox:
    rows = [r for r in _all(root, "pb-anon-row") if f">{text}<" in r.children[1].value]
    assert len(rows) == 1, text
    return rows[0]


def _example(book: Workbook) -> dict:
    m = re.search(r'href="data:application/json;base64,([^"]+)"', book.exports.result.value)
    assert m, book.exports.result.value
    return json.loads(base64.b64decode(m.group(1)))


def test_review_toggle_exports_and_is_remembered(tmp_path: Path) -> None:
    clock = ManualScheduler()
    book = Workbook(drafts=tmp_path, scheduler=clock)
    book.start.author.value = "程雨岚"
    _all(book.root, "pb-new")[0].click()
    _all(book.root, "pb-editor-opening")[0].value = TEXT
    clock.advance(1)
    _all(book.root, "pb-export-example")[0].click()
    originals = [
        re.search(r'pb-anon-orig">([^<]+)<', r.children[1].value).group(1)
        for r in _all(book.root, "pb-anon-row")
    ]
    assert originals == ["宋立群", "蒋可欣", "枫川县"]  # 焦裕禄精神 is public: no row
    assert "并列的人名" in _row(book.root, "宋立群").children[1].value
    keep = _row(book.root, "枫川县").children[0]
    assert keep.value is True  # replaced unless the reviewer says otherwise
    keep.value = False
    _all(book.root, "pb-anon-make")[0].click()
    example = _example(book)
    assert example["example"] is True and "anonymize_decisions" not in example
    assert example["sections"]["opening"] == ["我和某某、某某等同事到枫川县调研，学习焦裕禄精神。"]
    # the choice is in the draft file, and a new workbook on it shows it
    saved = load(book.session.saver.path)
    assert saved.model_extra["anonymize_decisions"]["keep"] == ["枫川县"]
    again = Workbook(drafts=tmp_path, scheduler=ManualScheduler())
    _all(again.root, "pb-resume")[0].click()
    _all(again.root, "pb-export-example")[0].click()
    assert _row(again.root, "枫川县").children[0].value is False
    assert _row(again.root, "宋立群").children[0].value is True
