"""PB1xx — structure: empty sections, the title, counts of linked items, half-written
items, numbering typed by hand, text the importer could not place."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..draft import Item
from ..genre import Genre, SectionKind, SectionSpec
from .data import words
from .model import Context, Finding, Unit
from .registry import Env, Hit, Trigger, draft_rule, finding, unit_rule


def section_name(spec: SectionSpec) -> str:
    return spec.display_name  # heading, the genre's label, or 标题/开头/落款


def _filled(items: list[Item]) -> list[Item]:
    return [i for i in items if not i.is_empty()]


@draft_rule("PB101")
def required_section_empty(ctx: Context) -> Iterable[Finding]:
    for spec in ctx.genre.content_sections():
        if not spec.required or spec.kind is SectionKind.LINE:
            continue
        if not any(u.text.strip() for u in ctx.by_section.get(spec.id, ())):
            yield finding("PB101", spec.id, args={"name": section_name(spec)})


@draft_rule("PB102")
def title_missing(ctx: Context) -> Iterable[Finding]:
    for spec in ctx.genre.content_sections():
        if spec.kind is SectionKind.LINE and not ctx.draft.text_of(spec.id).strip():
            example = ctx.genre.title_example or str(ctx.genre.example_section(spec.id) or "")
            yield finding("PB102", spec.id, args={"example": example})


_SENTENCE = re.compile(r"[。！？!?；;，,：:]")


def _title_like(text: str, genre: Genre, title: str) -> bool:
    s = text.strip()
    if not s or len(s) > 40 or _SENTENCE.search(s):
        return False
    tails = {genre.name, genre.name[-4:]}
    if genre.title_example:
        tails.add(genre.title_example[-4:])
    return s == title.strip() or any(s.endswith(t) for t in tails if t)


@draft_rule("PB103")
def two_titles(ctx: Context) -> Iterable[Finding]:
    for spec in ctx.genre.content_sections():
        if spec.kind is not SectionKind.LINE:
            continue
        title = ctx.draft.text_of(spec.id)
        lines = title.split("\n")
        pos = len(lines[0]) + 1
        seen = bool(lines[0].strip())
        for line in lines[1:]:
            if line.strip() and seen:
                yield finding("PB103", spec.id, None, pos, pos + len(line), {"text": line.strip()})
            seen = seen or bool(line.strip())
            pos += len(line) + 1
        # the title typed again as the first paragraph of the document
        first = next((u for u in ctx.units if u.field == "paragraph" and u.text.strip()), None)
        if first is not None and _title_like(first.text, ctx.genre, title):
            yield finding(
                "PB103",
                first.section,
                None,
                first.base,
                first.base + len(first.text),
                {"text": first.text.strip()},
                field=first.field,
                index=first.index,
            )


def _root(genre: Genre, spec: SectionSpec) -> SectionSpec:
    seen = {spec.id}
    while spec.linked_to and spec.linked_to not in seen:
        spec = genre.section(spec.linked_to)
        seen.add(spec.id)
    return spec


@draft_rule("PB104")
def linked_count_mismatch(ctx: Context) -> Iterable[Finding]:
    for spec in ctx.genre.content_sections():
        if not spec.linked_to:
            continue
        root = _root(ctx.genre, spec)
        n, n_root = len(_filled(ctx.items(spec.id))), len(_filled(ctx.items(root.id)))
        if n and n_root and n != n_root:
            yield finding(
                "PB104",
                spec.id,
                args={
                    "name": section_name(spec),
                    "count": n,
                    "root": section_name(root),
                    "root_count": n_root,
                },
            )


ONE_SENTENCE_MIN = 15  # characters of a measure written as one sentence, heading and all


def _one_sentence_measure(section: str, heading: str) -> bool:
    """A measure written as one complete sentence (with a deadline, quantity or standard)
    needs no separate body."""
    from .substance import checkable

    return (
        section in words().plan_sections and len(heading) >= ONE_SENTENCE_MIN and checkable(heading)
    )


def _half_written(section: str, i: int, item: Item, base: int, index: int | None) -> list[Finding]:
    heading, body = item.heading.strip(), item.body.strip()
    has_points = any(not p.is_empty() for p in item.items or [])
    if heading and not body and not has_points and not _one_sentence_measure(section, heading):
        return [
            finding(
                "PB105",
                section,
                i,
                base,
                base + len(item.heading),
                {"text": heading},
                field="heading",
                index=index,
            )
        ]
    if body and not heading:
        b = base + len(item.heading) + 1
        return [finding("PB106", section, i, b, b + len(item.body), field="body", index=index)]
    return []


@draft_rule("PB105")
def heading_without_body(ctx: Context) -> Iterable[Finding]:
    yield from (f for f in _item_shape(ctx) if f.code == "PB105")


@draft_rule("PB106")
def body_without_heading(ctx: Context) -> Iterable[Finding]:
    yield from (f for f in _item_shape(ctx) if f.code == "PB106")


def _item_shape(ctx: Context) -> list[Finding]:
    memo = ctx.memo.get("item_shape")
    if memo is not None:
        return memo
    out: list[Finding] = []
    ctx.memo["item_shape"] = out
    for spec in ctx.genre.content_sections():
        if spec.kind not in (SectionKind.ITEMS, SectionKind.GROUPED_ITEMS):
            continue
        for i, item in enumerate(ctx.items(spec.id)):
            if item.heading.strip() and item.body.strip():
                if not item.items:
                    continue  # heading and body written, no points (the usual case)
            elif item.is_empty():
                continue
            else:
                out.extend(_half_written(spec.id, i, item, 0, None))
            pos = len(item.heading) + len(item.body) + 2
            for k, point in enumerate(item.items or []):
                if not point.is_empty():
                    out.extend(_half_written(spec.id, i, point, pos, k))
                pos += len(point.heading) + len(point.body) + 2
    return out


_NUMBER = re.compile(
    r"(?m)^[ \t\u3000]*(?:"
    r"[（(][一二三四五六七八九十]{1,3}[)）]"
    r"|[一二三四五六七八九十]{1,3}(?:是|、)"
    r"|第[一二三四五六七八九十]{1,3}[，,、]"
    r"|[（(]\d{1,2}[)）]"
    r"|\d{1,2}[、．.](?![\d.])"
    r"|[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]"
    r")[ \t\u3000]*"
)


@unit_rule(
    "PB107",
    fixable=True,
    trigger=Trigger(
        patterns=(r"\n[ \t\u3000]*[（(一二三四五六七八九十第0-9①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]",)
    ),
)
def typed_numbering(unit: Unit, env: Env) -> list[Hit]:
    if unit.field == "line":
        return []
    hits: list[Hit] = []
    for m in _NUMBER.finditer(unit.text):
        # removing a heading's own number is safe; inside a body it may be a list the
        # writer wants, so only report it
        safe = unit.field == "heading" and m.start() == 0 and unit.text[m.end() :].strip()
        hits.append(
            ("PB107", m.start(), m.end(), {"text": m.group().strip()}, "" if safe else None)
        )
    return hits


@draft_rule("PB108")
def unplaced_text(ctx: Context) -> Iterable[Finding]:
    texts = [t for t in ctx.draft.unplaced if t.strip()]
    if texts:
        first = texts[0].strip()
        shown = first if len(first) <= 20 else first[:18] + "……"
        yield finding("PB108", "unplaced", args={"count": len(texts), "text": shown})


@draft_rule("PB109")
def signer_missing(ctx: Context) -> Iterable[Finding]:
    """A personal document without the writer's name to sign it."""
    if not ctx.genre.personal or ctx.draft.meta.author.strip():
        return
    if any(u.text.strip() for u in ctx.units):
        yield finding("PB109", "signoff")


RULES = (
    required_section_empty,
    title_missing,
    two_titles,
    linked_count_mismatch,
    heading_without_body,
    body_without_heading,
    typed_numbering,
    unplaced_text,
    signer_missing,
)
