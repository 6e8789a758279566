"""The importer's word lists and patterns, read once from ``templates/import/signals.yaml``.

Section names are not here: each genre file holds its own (``heading`` + ``aliases``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..datafile import read_yaml
from ..errors import GenreError
from ..paths import templates_dir
from ..text import any_pattern, any_word


@dataclass(frozen=True, slots=True)
class OffGenre:
    kind: str  # collective | survey | summary | speech
    title_words: tuple[str, ...]
    title_exempt: tuple[str, ...]
    words: re.Pattern[str]
    min: int
    ratio: float
    message: str


@dataclass(frozen=True, slots=True)
class Signals:
    article_separator: re.Pattern[str]  # group "rest": the article's title
    page_title: re.Pattern[str]
    copy_number: re.Pattern[str]
    site_suffix: re.Pattern[str]  # a site's name after a title (group "site")
    page_intro: re.Pattern[str]
    page_line: re.Pattern[str]
    related_list: re.Pattern[str]  # a line opening a list of other articles
    quick: re.Pattern[str]  # literal words: the paywall notes' and the site prose's
    paywall_words: re.Pattern[str]
    paywall: re.Pattern[str]
    pinyin_test: re.Pattern[str]
    pinyin: re.Pattern[str]
    filter_marks: re.Pattern[str]
    traditional: re.Pattern[str]
    synonyms: dict[str, tuple[str, ...]]
    free_synonyms: dict[str, tuple[str, ...]]  # heading synonyms and free-paragraph words
    offgenre: tuple[OffGenre, ...]


def _stem(pattern: str) -> str:
    """The literal start of a pattern (登录后(?:阅读|…) → 登录后), for a literal pre-test."""
    m = re.match(r"[^\\()\[\]?*+{}|.]+", pattern)
    return m.group() if m else pattern


@lru_cache(maxsize=1)
def signals() -> Signals:
    data = read_yaml(templates_dir() / "import" / "signals.yaml", "导入词表文件", GenreError)
    sep = any_pattern(data["article_separators"])
    off = tuple(
        OffGenre(
            kind,
            tuple(spec["title_words"]),
            tuple(spec.get("title_exempt", ())),
            re.compile("|".join(re.escape(w) for w in spec["words"])),
            int(spec["min"]),
            float(spec["ratio"]),
            spec["message"],
        )
        for kind, spec in data["offgenre"].items()
    )
    chars = "".join(sorted(set(data["traditional_chars"])))
    return Signals(
        article_separator=re.compile(rf"\s*(?:{sep})\s*(?:[：:、.．]\s*)?(?P<rest>.{{0,60}})$"),
        page_title=re.compile(any_pattern(data["page_title_patterns"])),
        copy_number=re.compile(data["copy_number"]),
        site_suffix=re.compile(
            rf"(?:{any_pattern(data['site_suffix_separators'])})"
            r"(?P<site>[^\s|｜_\-–—。，！？]{0,10}(?:"
            + "|".join(re.escape(w) for w in data["site_suffix_words"])
            + r")[^\s|｜_\-–—。，！？]{0,8}|(?:www\.)?[\w-]+(?:\.[\w-]+)*\.(?:com|cn|net|org)(?:\.cn)?)\s*$"
        ),
        page_intro=re.compile("|".join(re.escape(w) for w in data["page_intro_words"])),
        page_line=re.compile(any_pattern(data["page_line_patterns"])),
        related_list=re.compile(
            r"[\s|｜•·\-–—]*(?:"
            + "|".join(re.escape(w) for w in data["related_list_heads"])
            + r")\s*[：:]?\s*$"
        ),
        quick=re.compile(
            any_word({*data["page_intro_words"], *(_stem(w) for w in data["paywall_words"])})
        ),
        paywall_words=re.compile(any_pattern(data["paywall_words"])),
        paywall=re.compile(
            r"[（(【\[]?[^（(）)【】\[\]\n。！？]{0,24}(?:"
            + any_pattern(data["paywall_words"])
            + r")[^（(）)【】\[\]\n。！？]{0,30}[)）】\]]?"
        ),
        pinyin_test=re.compile(data["pinyin"]),
        pinyin=re.compile(rf"(?<=[\u4e00-\u9fff])(?:{data['pinyin']})"),
        filter_marks=re.compile(data["filter_marks"]),
        traditional=re.compile(f"[{re.escape(chars)}]"),
        synonyms={k: tuple(v) for k, v in data["heading_synonyms"].items()},
        free_synonyms={
            k: tuple(v)
            for k, v in {**data["heading_synonyms"], **data.get("free_text_synonyms", {})}.items()
        },
        offgenre=off,
    )
