"""Several articles on one page (篇一 / 篇二, 【篇3】, 范文一, or one genre title after
another): split into one list of paragraphs per article.

A separator line is removed (reported); text after the separator on its line is that
article's title. Without separators, a line that reads like a genre's title (it ends
with the end of a genre's name: 党性分析, 对照检查材料 …) opens a new article when the
current one already holds 300 characters and a sign-off (a date, or a short line) just
before. Text before the first separator (the page title, the site's intro) stays with the
first article, where the title and junk rules deal with it.
"""

from __future__ import annotations

import re

from .detect import title_markers
from .junk import is_junk_line
from .model import Para, Removal
from .signals import signals
from .signoff import parse_date

MIN_ARTICLE = 300  # characters before a second genre title opens a new article
_SENTENCE = re.compile(r"[。！？；;，,]")
# every separator holds one of these (a fast pre-test over the whole text)
_SEPARATOR_WORDS = re.compile(r"篇|(?:范文|例文|样文|材料|文章|模板)\s*[一二三四五六七八九十\d]")


def _separator(p: Para) -> re.Match[str] | None:
    if len(p.text) > 70:
        return None
    return signals().article_separator.fullmatch(p.text.strip())


def _genre_title(text: str, markers: tuple[str, ...]) -> bool:
    s = re.sub(r"\s+", "", text)
    core = signals().copy_number.sub("", s)
    return 6 <= len(s) <= 60 and not _SENTENCE.search(s) and any(core.endswith(m) for m in markers)


def split_articles(paras: list[Para]) -> tuple[list[list[Para]], list[Removal]]:
    """The articles (at least one, possibly empty) and the separator lines removed. An
    article opened by a separator starts with a paragraph holding its separator's line
    number (``kind="separator"``, empty text) so removals can be told apart by line."""
    removed: list[Removal] = []
    whole = "\n".join(p.text for p in paras)
    maybe = (
        "篇" in whole
        or "范文" in whole
        or (
            any(w in whole for w in ("材料", "文章", "模板", "例文", "样文"))
            and _SEPARATOR_WORDS.search(whole)
        )
    )
    seps = [i for i, p in enumerate(paras) if _separator(p) is not None] if maybe else []
    if seps:
        articles: list[list[Para]] = [paras[: seps[0]]]
        for n, i in enumerate(seps):
            m = _separator(paras[i])
            assert m is not None
            sep = paras[i].text.strip()
            rest = (m.group("rest") or "").strip()
            label = sep[: len(sep) - len(rest)].strip() if rest else sep
            removed.append(
                Removal(
                    label,
                    "navigation",
                    paras[i].line,
                    "",
                    f"“{label}”是网页上分隔几篇文章的标记，已删除。",
                )
            )
            stop = seps[n + 1] if n + 1 < len(seps) else len(paras)
            body = paras[i + 1 : stop]
            if rest:
                body = [Para(rest, paras[i].line, blank_before=True, kind="title"), *body]
            body = [Para("", paras[i].line, kind="separator"), *body]
            if n == 0 and not _substantial(articles[0]):
                articles[0] = articles[0] + body  # the page's title and intro go with article 1
            else:
                articles.append(body)
        articles = [a for a in articles if a] or [[]]
        return _merge_tiny(articles), removed
    markers = title_markers()
    if not markers:
        return [paras], removed
    if sum(whole.count(m) for m in markers) < 2:
        return [paras], removed  # a second article needs a second genre title
    articles = [[]]
    size = 0
    for i, p in enumerate(paras):
        prev = articles[-1][-1] if articles[-1] else None
        if (
            size >= MIN_ARTICLE
            and prev is not None
            and len(p.text) <= 60
            and i + 1 < len(paras)
            and (len(prev.text.strip()) <= 20 or parse_date(prev.text) is not None)
            and _genre_title(p.text, markers)
            and is_junk_line(p.text) is None
        ):
            articles.append([])
            size = 0
        articles[-1].append(p)
        size += len(p.text)
    return _merge_tiny(articles), removed


def _substantial(paras: list[Para]) -> bool:
    return sum(len(p.text) for p in paras) >= MIN_ARTICLE


def _merge_tiny(articles: list[list[Para]]) -> list[list[Para]]:
    """An article of a line or two (a stray separator at the end) joins its neighbour."""
    out: list[list[Para]] = []
    for a in articles:
        if out and sum(len(p.text) for p in a) < 40 and len(a) < 3:
            out[-1].extend(a)
        else:
            out.append(a)
    return out
