"""PB2xx — leftovers of template sites, found by the shared detector
:mod:`partybook.template_leftovers` (the importer uses the same detector to remove them)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..template_leftovers import find_leftovers, find_placeholders, is_stray_title, quick_parts
from .model import Context, Finding, Unit
from .registry import Env, Hit, Trigger, draft_rule, finding, unit_rule

KIND_CODE = {
    "placeholder": "PB201",
    "watermark": "PB202",
    "url": "PB203",
    "marker": "PB204",
    "stray_title": "PB205",
    "navigation": "PB206",
    "furniture": "PB207",
}
REMOVAL_CODE = "PB208"  # anything else the importer removed


def _shown(text: str) -> str:
    text = text.strip()
    return text if len(text) <= 30 else text[:28] + "……"


@unit_rule(
    "PB201",
    "PB202",
    "PB203",
    "PB204",
    "PB205",
    "PB206",
    "PB207",
    fixable=True,
    trigger=Trigger(
        chars=lambda env: quick_parts().chars,
        patterns=lambda env: quick_parts().patterns,
        words=lambda env: quick_parts().words,
        short_lines=80,  # navigation, page furniture and stray titles are short lines
    ),
)
def leftovers(unit: Unit, env: Env) -> list[Hit]:
    """Every leftover in the unit; removable ones carry a fix that deletes them."""
    text = unit.text
    # the title: a stray title here is the wrong title, reported but kept
    if unit.field == "line" and is_stray_title(text, env.genre):
        return [("PB205", 0, len(text), {"text": _shown(text)}, None)]
    hits: list[Hit] = []
    for x in find_leftovers(text, env.genre, example=env.example):
        if x.kind == "stray_title" and unit.field in ("heading", "line"):
            continue
        start, end = x.start, x.end
        fix: str | None = None
        if x.removable and unit.field != "line":
            fix = ""
            if x.line:  # take the whole line, and one line break with it
                line_start = text.rfind("\n", 0, start) + 1
                line_end = text.find("\n", end)
                line_end = len(text) if line_end < 0 else line_end
                start, end = line_start, line_end
                if end < len(text):
                    end += 1
                elif start > 0:
                    start -= 1
            elif start > 0 and end < len(text) and text[start - 1] == " " == text[end]:
                end += 1  # "a 【ad】 b" → "a b"
        hits.append((KIND_CODE[x.kind], start, end, {"text": _shown(x.text)}, fix))
    return hits


# the sign-off's fields, as a writer reads them
META_FIELDS = {
    "author": "署名",
    "unit": "单位",
    "position": "职务",
    "class_name": "班次",
    "date": "日期",
}


@draft_rule("PB201")
def placeholder_in_signoff(ctx: Context) -> Iterable[Finding]:
    """Placeholders (某某, 张某, ×××, XX月) in the sign-off and the other meta fields."""
    meta = ctx.draft.meta
    for name, label in META_FIELDS.items():
        value = str(getattr(meta, name, "") or "")
        if not value.strip():
            continue
        found = [x.text for x in find_placeholders(value, example=ctx.example)]
        surname_only = name == "author" and _SURNAME_ONLY.fullmatch(value.strip())
        if not found and surname_only and not ctx.example:
            found = [value.strip()]  # 张某, 李某某: a name not filled in
        for text in found:
            yield finding("PB201", "signoff", args={"text": f"{label}：{_shown(text)}"})


_SURNAME_ONLY = re.compile(r"[\u4e00-\u9fff]某+(?:同志)?")


RULES = (leftovers, placeholder_in_signoff)
