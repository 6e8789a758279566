"""Anonymised shared examples: private details out, public figures and history in.

``propose(draft)`` lists every proposed replacement (:class:`Proposal`: where, span,
original, placeholder, reason, detector, keep); the reviewer toggles ``keep``;
``apply(draft, proposals)`` builds the example. ``anonymize(draft)`` does both with the
decisions remembered in the draft (:class:`Decisions`). Data: ``templates/anonymize/``;
administrative divisions from jionlp's dataset; person names and word boundaries from rjieba.
"""

from __future__ import annotations

import re
from typing import Any

from ..draft import Draft, Item
from ..genre import Genre
from .engine import apply_proposals, context_for, proposals_for
from .model import DECISIONS_KEY, Decisions, Proposal, Replacement
from .review import Review

__all__ = [
    "DECISIONS_KEY",
    "Decisions",
    "Proposal",
    "Replacement",
    "Review",
    "anonymize",
    "apply",
    "propose",
    "remember",
]


def _meta_values(draft: Draft) -> dict[str, str]:
    meta = draft.meta.model_dump()
    return {k: str(v) for k, v in meta.items() if isinstance(v, str | int)}


def _texts(draft: Draft) -> list[tuple[str, int | None, str, str]]:
    """(section, item, part, text) of every text of the draft, in order."""
    out: list[tuple[str, int | None, str, str]] = []
    for sid, content in draft.sections.items():
        if isinstance(content, str):
            out.append((sid, None, "text", content))
            continue
        for i, entry in enumerate(content):
            if isinstance(entry, Item):
                _item_texts(entry, sid, i, "", out)
            else:
                out.append((sid, None, f"paragraph:{i}", str(entry)))
    for i, u in enumerate(draft.unplaced):
        out.append(("unplaced", None, f"paragraph:{i}", u))
    if draft.meta.class_name:
        out.append(("meta.class_name", None, "class_name", draft.meta.class_name))
    return out


def _item_texts(
    it: Item, sid: str, index: int, path: str, out: list[tuple[str, int | None, str, str]]
) -> None:
    out.append((sid, index, f"{path}heading", it.heading))
    out.append((sid, index, f"{path}body", it.body))
    for k, sub in enumerate(it.items or []):
        _item_texts(sub, sid, index, f"{path}items:{k}.", out)


def propose(draft: Draft, decisions: Decisions | None = None) -> list[Proposal]:
    """Every proposed replacement in ``draft``'s texts, with the remembered decisions (and
    ``decisions``, which take precedence) already applied to ``keep``."""
    remembered = Decisions.of(draft).merged(decisions)
    ctx = context_for(_meta_values(draft), Decisions(set(), remembered.replace))
    out: list[Proposal] = []
    for sid, item, part, text in _texts(draft):
        for p in proposals_for(ctx, text, sid, item, part):
            p.keep = p.original in remembered.keep
            out.append(p)
    return out


def remember(draft: Draft, proposals: list[Proposal], added: set[str] | None = None) -> None:
    """Store the reviewer's toggles in ``draft`` (kept texts; ``added``: texts to replace
    that no detector found). Save the draft afterwards to keep them."""
    old = Decisions.of(draft)
    kept = {p.original for p in proposals if p.keep}
    shown = {p.original for p in proposals}
    keep = (old.keep - shown) | kept
    Decisions(keep, (old.replace | (added or set())) - keep).store(draft)


def _set_text(out: Draft, section: str, item: int | None, part: str, value: str) -> None:
    if section == "unplaced":
        out.unplaced[int(part.split(":")[1])] = value
    elif section == "meta.class_name":
        out.meta.class_name = value
    elif item is None:
        content = out.sections[section]
        if isinstance(content, str):
            out.sections[section] = value
        else:
            paragraphs = out.paragraphs(section)
            paragraphs[int(part.split(":")[1])] = value
            out.sections[section] = paragraphs
    else:
        it = out.items(section)[item]
        *path, leaf = part.split(".")
        for step in path:
            it = (it.items or [])[int(step.split(":")[1])]
        setattr(it, leaf, value)


def apply(draft: Draft, proposals: list[Proposal]) -> tuple[Draft, list[Replacement]]:
    """The example: ``draft`` with every proposal not kept applied, meta generalised,
    comments and decisions dropped, marked ``example``."""
    from .model import DECISIONS_KEY as KEY

    out = draft.model_copy(deep=True)
    if out.model_extra is not None:
        out.model_extra.pop(KEY, None)
    by_text: dict[tuple[str, int | None, str], list[Proposal]] = {}
    for p in proposals:
        by_text.setdefault((p.section, p.item, p.part), []).append(p)
    reps: list[Replacement] = []
    for sid, item, part, text in _texts(draft):
        props = by_text.get((sid, item, part), [])
        if any(not p.keep for p in props):
            _set_text(out, sid, item, part, apply_proposals(text, props))
            reps.extend(p.as_replacement() for p in props if not p.keep)
    reps.extend(_meta(draft, out))
    if draft.comments:
        reps.append(
            Replacement(
                "comments", None, f"{len(draft.comments)} 条批注", "（已删除）", "批注不随范文发布"
            )
        )
        out.comments = []
    out.example = True
    return out, reps


def _meta(draft: Draft, out: Draft) -> list[Replacement]:
    meta = draft.meta
    new = {
        "author": "某某" if meta.author.strip() else "",
        "unit": "某单位" if meta.unit.strip() else "",
        "position": "某职务" if meta.position.strip() else "",
        "date": _date(meta.date) if meta.date.strip() else "",
    }
    reasons = {
        "author": "作者本人的姓名",
        "unit": "作者所在单位",
        "position": "作者的职务",
        "date": "落款日期",
    }
    reps = []
    for field, value in new.items():
        before = getattr(meta, field)
        if before != value:
            reps.append(Replacement(f"meta.{field}", None, before, value, reasons[field]))
    extras: dict[str, Any] = {}
    for key, value in (meta.model_extra or {}).items():
        if isinstance(value, str) and value.strip():
            extras[key] = "某某"
            reps.append(Replacement(f"meta.{key}", None, value, "某某", "草稿信息"))
    out.meta = out.meta.model_copy(update={**new, **extras})
    return reps


def _date(value: str) -> str:
    m = re.fullmatch(r"\s*(\d{2})\d{2}-(\d{1,2})(?:-(\d{1,2}))?\s*", value)
    if m:
        return f"{m.group(1)}XX年X月" + ("X日" if m.group(3) else "")
    value = re.sub(r"(?<!\d)(\d{2})\d{2}(?=年)", r"\1XX", value)
    value = re.sub(r"(?<![\d.])(1[0-2]|0?[1-9])(?=月)", "X", value)
    return re.sub(r"(?<![\d.])([12]\d|3[01]|0?[1-9])(?=日)", "X", value)


def anonymize(
    draft: Draft, genre: Genre | None = None, decisions: Decisions | None = None
) -> tuple[Draft, list[Replacement]]:
    """An anonymised copy of ``draft`` (marked ``example``) and every replacement made,
    honouring the decisions remembered in the draft and ``decisions``. ``genre`` is accepted
    for symmetry with the other entry points: sections are walked by their content."""
    return apply(draft, propose(draft, decisions))
