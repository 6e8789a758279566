"""Safe fixes: :func:`fix` applies each finding's ``fix`` (the replacement of its span) to a
copy of the draft. The workbook's fix buttons and ``partybook fix`` go through here."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from ..draft import Draft, Item
from ..genre import Genre
from .engine import check
from .model import Change, Finding

_CONTEXT = 8


def _get(draft: Draft, f: Finding) -> str | None:
    content = draft.sections.get(f.section)
    if f.field == "line":
        return content if isinstance(content, str) else None
    if not isinstance(content, list):
        return None
    if f.field == "paragraph":
        if f.index is None or f.index >= len(content) or not isinstance(content[f.index], str):
            return None
        return content[f.index]  # type: ignore[return-value]
    item = _item(content, f)
    return None if item is None else getattr(item, f.field)


def _item(content: list, f: Finding) -> Item | None:
    if f.item is None or f.item >= len(content) or not isinstance(content[f.item], Item):
        return None
    item: Item = content[f.item]
    if f.index is not None:
        if not item.items or f.index >= len(item.items):
            return None
        item = item.items[f.index]
    return item


def _set(draft: Draft, f: Finding, text: str) -> None:
    content = draft.sections[f.section]
    if f.field == "line":
        draft.sections[f.section] = text
    elif f.field == "paragraph":
        assert isinstance(content, list) and f.index is not None
        content[f.index] = text  # type: ignore[call-overload]  # a list of paragraphs
    else:
        item = _item(content, f)  # type: ignore[arg-type]
        assert item is not None
        setattr(item, f.field, text)


def _snippet(text: str, s: int, e: int) -> str:
    left = "…" if s > _CONTEXT else ""
    right = "…" if len(text) - e > _CONTEXT else ""
    return f"{left}{text[max(0, s - _CONTEXT) : e + _CONTEXT]}{right}".replace("\n", "⏎")


def _apply(draft: Draft, findings: Iterable[Finding]) -> list[Change]:
    groups: dict[tuple[object, ...], list[Finding]] = {}
    for f in findings:
        groups.setdefault((f.section, f.item, f.field, f.index), []).append(f)
    changes: list[Change] = []
    emptied: list[tuple[str, int]] = []
    for fs in groups.values():
        original = _get(draft, fs[0])
        if original is None:
            continue
        pieces: list[str] = []  # the new text, built back to front
        last = len(original)
        done: list[Change] = []
        for f in sorted(fs, key=lambda f: (f.field_start, f.end - f.start), reverse=True):
            s = f.field_start
            e = s + (f.end - f.start)
            if e > last:
                continue  # overlaps a fix already applied; the next round sees it again
            repl = f.fix or ""
            left, right = original[max(0, s - _CONTEXT) : s], original[e : e + _CONTEXT]
            lead = "…" if s > _CONTEXT else ""
            tail = "…" if len(original) - e > _CONTEXT else ""
            after = f"{lead}{left}{repl}{right}{tail}".replace("\n", "⏎")
            done.append(
                Change(
                    f.code,
                    f.section,
                    f.item,
                    _snippet(original, s, e),
                    after if (left or repl or right) else "（删除）",
                    f.field,
                    f.index,
                )
            )
            pieces.append(original[e:last])
            pieces.append(repl)
            last = s
        pieces.append(original[:last])
        text = "".join(reversed(pieces))
        if text != original:
            _set(draft, fs[0], text)
            changes.extend(reversed(done))
            if fs[0].field == "paragraph" and not text.strip() and fs[0].index is not None:
                emptied.append((fs[0].section, fs[0].index))
    for section, index in sorted(emptied, reverse=True):
        del draft.sections[section][index]  # type: ignore[union-attr]
    return changes


def fix(
    draft: Draft,
    genre: Genre | str | None = None,
    *,
    today: date | None = None,
    codes: Iterable[str] | None = None,
    where: Callable[[Finding], bool] | None = None,
) -> tuple[Draft, list[Change]]:
    """A copy of ``draft`` with every safe fix applied, and the changes made.

    Safe fixes: template leftovers removed (PB2xx), punctuation normalised (PB3xx), known
    misspellings corrected (PB505), a number typed before a heading removed (PB107).
    ``codes`` limits the fixes to those codes; ``where`` to the findings it accepts (the
    workbook fixes one finding alone this way). Nothing else is touched.
    """
    new = draft.model_copy(deep=True)
    wanted = set(codes) if codes is not None else None
    changes: list[Change] = []
    for _ in range(6):  # a fix may uncover another (a removed ad leaves 。。)
        todo = [
            f
            for f in check(new, genre, today=today, phrase_defaults=False)
            if f.fix is not None
            and (wanted is None or f.code in wanted)
            and (where is None or where(f))
        ]
        if not todo:
            break
        step = _apply(new, todo)
        if not step:
            break
        changes.extend(step)
    return new, changes
