"""Worked examples: each genre file's ``examples`` list, checked against the genre's
sections on load and turned into drafts.

An example's ``sections`` has the shape of a draft's ``sections``: a ``line`` section is a
string, ``paragraphs`` a list of strings, ``items`` a list of ``{heading, body}``,
``grouped_items`` a list of ``{heading, body, items: [{heading, body}]}``; an items section
with ``lead: true`` may add ``<id>_lead``, a list of strings. A problem is reported in
Chinese naming the genre, the example and the key.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

from .draft import Draft, Meta, conform
from .genre import Genre, SectionKind, WorkedExample

_ITEM_KEYS = {"heading", "body"}


def build_example_draft(genre: Genre, example: WorkedExample) -> Draft:
    draft = Draft(
        genre=genre.id,
        genre_version=genre.version,
        meta=Meta(**example.meta.model_dump()),
        sections=copy.deepcopy(example.sections),
    )
    return conform(draft, genre)


def example_problems(genre: Genre) -> list[str]:
    """Every way the genre's worked examples do not fit its sections (empty: all fit)."""
    out: list[str] = []
    for n, ex in enumerate(genre.examples):
        where = f"文体 {genre.id} 的范例 {ex.id}"
        for key, reason in _section_problems(genre, ex):
            out.append(f"{where}：键 examples.{n}.sections.{key}：{reason}")
    return out


def _section_problems(genre: Genre, ex: WorkedExample) -> Iterator[tuple[str, str]]:
    specs = {s.id: s for s in genre.content_sections()}
    leads = {s.lead_key: s for s in specs.values() if s.lead_key}
    for key, value in ex.sections.items():
        if key in leads:
            yield from _strings(key, value)
        elif key not in specs:
            known = "、".join([*specs, *leads])
            yield key, f"文体没有这个章节（可用：{known}）"
        else:
            yield from _content(key, specs[key].kind, value)
    for spec in specs.values():
        if spec.required and not ex.sections.get(spec.id):
            yield spec.id, "必填章节，范例里不能缺"


def _content(key: str, kind: SectionKind, value: Any) -> Iterator[tuple[str, str]]:
    if kind is SectionKind.LINE:
        if not isinstance(value, str):
            yield key, "应为一行文字"
    elif kind is SectionKind.PARAGRAPHS:
        yield from _strings(key, value)
    elif not isinstance(value, list):
        yield key, "应为条目列表（每条含 heading 和 body）"
    else:
        grouped = kind is SectionKind.GROUPED_ITEMS
        for i, item in enumerate(value):
            yield from _item(f"{key}.{i}", item, grouped)


def _strings(key: str, value: Any) -> Iterator[tuple[str, str]]:
    if not isinstance(value, list):
        yield key, "应为段落列表（每段一个字符串）"
        return
    for i, para in enumerate(value):
        if not isinstance(para, str) or not para.strip():
            yield f"{key}.{i}", "应为一段非空文字"


def _item(key: str, item: Any, grouped: bool) -> Iterator[tuple[str, str]]:
    if not isinstance(item, dict):
        yield key, "应为键值表（heading 和 body）"
        return
    allowed = _ITEM_KEYS | ({"items"} if grouped else set())
    for k, v in item.items():
        if k not in allowed:
            yield f"{key}.{k}", "不认识的键，请检查拼写"
        elif k in _ITEM_KEYS and not isinstance(v, str):
            yield f"{key}.{k}", "应为文字"
    if not str(item.get("heading") or "").strip() and not str(item.get("body") or "").strip():
        yield key, "小标题和正文不能都为空"
    subs = item.get("items")
    if grouped and subs is not None:
        if not isinstance(subs, list):
            yield f"{key}.items", "应为条目列表"
            return
        for j, sub in enumerate(subs):
            yield from _item(f"{key}.items.{j}", sub, grouped=False)
