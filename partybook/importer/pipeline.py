"""The import pipeline from paragraphs to drafts, one article at a time.

paragraphs → script conversion and machine repairs (:mod:`.repair`) → articles
(:mod:`.articles`) → per article: genre (:mod:`.detect`) → junk through the shared
:mod:`partybook.template_leftovers` → line clean-up (:mod:`.lines`) → placement (:mod:`.sections`)
→ off-genre warnings (:mod:`.offgenre`).
"""

from __future__ import annotations

import re

from ..draft import Draft
from ..genre import Genre, load_genre
from .detect import GenreGuess, guess_genre
from .model import Change, ImportResult, Para, Removal
from .signals import signals

SURE = 0.55  # a genre guess at least this confident, with no close rival, is just stated
# the characters of every placeholder form (xx, ×××, 某某, ____, 【】) but the blank bracket
_HOLE_CHARS = "xX×Ｘｘ*＊某_＿【[［"
_GAP = re.compile(r"[ \u3000\t]+")


def import_paras(
    paras: list[Para],
    *,
    genre_id: str | None,
    to_simplified: bool | None,
    unit: str,
    removed: list[Removal] | None = None,
) -> ImportResult:
    """Import ``paras``: the first article's result, every article in ``.articles``."""
    from .articles import split_articles
    from .repair import convert_script, mostly_traditional, repair

    notices: list[str] = []
    traditional = mostly_traditional(paras)
    if to_simplified is None:
        to_simplified = traditional
        if to_simplified:
            notices.append(
                "这份文稿大部分是繁体字（可能是网页机器转换的），已转换为简体字；"
                "如需保留繁体，请使用 --keep-traditional。"
            )
    script = convert_script(paras) if to_simplified else []
    kept_traditional = not to_simplified and traditional
    paras, repaired = repair(paras)
    articles, seps = split_articles(paras)
    removed = [*(removed or []), *repaired, *seps]
    starts = [a[0].line if a else 0 for a in articles]
    results = []
    for n, article in enumerate(articles):
        lo = starts[n]
        hi = starts[n + 1] if n + 1 < len(articles) else None

        def here(line: int, n: int = n, lo: int = lo, hi: int | None = hi) -> bool:
            return (n == 0 or line >= lo) and (hi is None or line < hi)

        mine = [r for r in removed if here(r.line)]
        article = [p for p in article if p.kind != "separator"]
        result = _import_article(article, genre_id, unit, mine, list(notices), kept_traditional)
        result.changes[:0] = [c for c in script if here(c.line)]
        results.append(result)
    if len(results) > 1:
        for n, r in enumerate(results, 1):
            r.notices.insert(
                0,
                f"这个网页上有 {len(results)} 篇文章，这是第 {n} 篇（“{r.draft.sections.get('title') or '无标题'}”）。",
            )
    for r in results:
        r.articles = results
    return results[0]


def _strip_junk(paras: list[Para], genre: Genre) -> tuple[list[Para], list[Removal]]:
    from .detect import title_markers
    from .junk import strip_leftovers

    markers = title_markers()
    related = signals().related_list
    removed: list[Removal] = []
    kept: list[Para] = []
    in_list = False  # inside a page's list of other articles (after “相关文章：”)
    for i, p in enumerate(paras):
        if in_list and _list_entry(p.text):
            removed.append(
                Removal(p.text.strip(), "navigation", p.line, "", _LIST_MSG.format(p.text.strip()))
            )
            continue
        in_list = False
        text, cuts = strip_leftovers(p.text, genre)
        if len(cuts) == 1 and cuts[0].kind == "navigation" and related.fullmatch(p.text):
            in_list = True
        if (
            not kept
            and len(cuts) == 1
            and cuts[0].kind == "stray_title"
            and not any(_compact(q.text).endswith(markers) for q in paras[i + 1 : i + 4])
        ):
            kept.append(p)  # the document's own title (a 工作总结 imported as it is)
            continue
        for x in cuts:
            removed.append(Removal(x.text.strip(), x.kind, p.line, "", x.message))
        if p.head is not None and cuts:
            head, _ = strip_leftovers(p.head, genre)
            p.head = head if text.startswith(head) and head.strip() else None
        if not text.strip():
            continue
        p.text = text
        kept.append(p)
    return kept, removed


_LIST_MSG = "“{}”是网页上推荐的其他文章的标题，不属于本文，已删除。"


def _list_entry(text: str) -> bool:
    """A line of a page's list of other articles: a short title, no sentence in it."""
    from .sections import title_like
    from .signoff import parse_date

    s = text.strip()
    return 4 <= len(s) <= 40 and title_like(s) and parse_date(s) is None


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _placeholders(draft: Draft) -> list[str]:
    from ..template_leftovers import quick_parts
    from .junk import find_placeholders

    text = "\n".join([draft.text_of(sid) for sid in draft.sections] + draft.unplaced)
    # the leftovers' own blank-bracket patterns (a literal first character: fast on long text)
    blank = quick_parts().patterns
    if not any(c in text for c in _HOLE_CHARS) and not any(b.search(text) for b in blank):
        return []  # every placeholder holds one of these (scans at C speed)
    return [x.text for x in find_placeholders(text)]


def _genre_notice(guess: GenreGuess, genre: Genre) -> str:
    if guess.confidence >= SURE and not guess.close:
        return f"识别为“{genre.name}”。"
    names = []
    for gid in guess.close:
        try:
            names.append(f"“{load_genre(gid).name}”（{gid}）")
        except Exception:  # noqa: BLE001 - a broken genre file is reported where it is used
            continue
    if guess.confidence == 0:
        head = f"没能从标题和小标题判断文体，按“{genre.name}”导入"
    else:
        head = f"识别为“{genre.name}”，但把握不大（{guess.confidence:.0%}）"
    close = f"，也可能是{'、'.join(names)}" if names else ""
    how = (
        f"如 --genre {guess.close[0]}"
        if guess.close
        else "partybook genres 列出全部文体"  # suggesting the genre chosen would help nobody
    )
    return f"{head}{close}。如不对，请用 --genre 指定文体（{how}）。"


def _import_article(
    paras: list[Para],
    genre_id: str | None,
    unit: str,
    removed: list[Removal],
    notices: list[str],
    traditional: bool = False,
) -> ImportResult:
    """One article. ``traditional``: the text keeps its traditional script, so the genre
    and the off-genre signals are read from a simplified copy."""
    from .lines import clean_line, rejoin_broken
    from .offgenre import off_genre
    from .repair import to_simplified
    from .sections import SectionBuilder

    def simple(text: str) -> str:
        return to_simplified(text) if traditional else text

    guess = None
    if genre_id is None:
        guess = guess_genre(
            [Para(simple(p.text), p.line, p.blank_before, p.kind) for p in paras]
            if traditional
            else paras
        )
        genre_id = guess.genre
    genre = load_genre(genre_id)
    paras, junk = _strip_junk(paras, genre)
    removed = removed + junk
    changes: list[Change] = []
    for p in paras:
        if len(p.text.strip()) <= 40:
            parts = _GAP.split(p.text.strip())
            p.parts = parts if len(parts) > 1 else None
        before = p.text
        p.text, n = clean_line(p.text)
        if n:
            changes.append(Change(before.strip(), p.text, "punctuation", p.line, n))
        if p.head is not None:
            head, _ = clean_line(p.head)
            p.head = head if p.text.startswith(head) else None
    paras = [p for p in paras if p.text]
    paras, joins = rejoin_broken(paras)
    builder = SectionBuilder(genre)
    builder.run(paras)
    removed = [
        Removal(r.what, r.kind, r.line, r.section or builder.placed.section_at(r.line), r.message)
        for r in removed
    ]
    removed.extend(builder.removed)
    removed.sort(key=lambda r: r.line)
    changes = [
        Change(c.before, c.after, c.kind, c.line, c.count, builder.placed.section_at(c.line))
        for c in changes
    ]
    draft = builder.draft()
    title = draft.sections.get("title", "")
    found = off_genre(
        simple("\n".join(p.text for p in paras)[:3000]),
        simple(title if isinstance(title, str) else ""),
        genre,
    )
    if guess is not None:
        notices.append(_genre_notice(guess, genre))
    if joins:
        notices.append(f"有 {joins} 处从 PDF 复制造成的断行已重新接上。")
    fixed = sum(c.count for c in changes)
    if fixed:
        notices.append(f"有 {fixed} 处夹在中文里的半角标点已改为全角。")
    notices.extend(builder.notices)
    missing = [
        s.heading
        for s in genre.sections
        if s.heading and s.required and not draft.text_of(s.id).strip()
    ]
    if missing:
        notices.append(f"没有找到这些部分：{'、'.join(missing)}。请补写。")
    holes = _placeholders(draft)
    if holes:
        shown = "、".join(f"“{h}”" for h in list(dict.fromkeys(holes))[:3])
        notices.append(f"有 {len(holes)} 处模板占位符（如{shown}）保留未动，请换成你自己的内容。")
    if draft.unplaced:
        notices.append(
            f"有 {len(draft.unplaced)} 段文字无法归入任何部分，已放在“未归类”中，请移到合适的位置。"
        )
    return ImportResult(
        draft=draft,
        removed=removed,
        notices=notices,
        line_unit=unit,
        warnings=[msg for _, msg in found],
        off_genre=[kind for kind, _ in found],
        genre_confidence=guess.confidence if guess is not None else 1.0,
        close_genres=list(guess.close) if guess is not None else [],
        changes=changes,
        placeholders=holes,
        headings=builder.headings,
    )
