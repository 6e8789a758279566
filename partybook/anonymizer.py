"""Anonymised shared examples: identifying details become placeholders (某某, 某区, 20XX年).

The draft's own meta values (author, unit, position, class name, date) are replaced
wherever they occur; then personal names before a title (王建国同志, 李书记), place names
from a gazetteer and from patterns (XX区/XX县/XX镇/XX村/XX市/XX乡/XX街道), unit names
(XX局) and dates. Every replacement is returned for review; the result is marked as an
example so the placeholder checks leave it alone. Word lists live in
``templates/anonymize/gazetteer.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .draft import Draft, Item
from .errors import PartybookError
from .genre import Genre
from .paths import templates_dir

CJK = "\u4e00-\u9fff"
PLACE_SUFFIXES = ("街道", "市", "县", "区", "镇", "乡", "村")


@dataclass(frozen=True, slots=True)
class Replacement:
    """One replaced occurrence. ``section`` is a section id, ``meta.<field>``, ``unplaced``
    or ``comments``; ``item`` the item index within an item section (else None)."""

    section: str
    item: int | None
    before: str
    after: str

    def describe(self) -> str:
        where = self.section if self.item is None else f"{self.section}[{self.item + 1}]"
        return f"{where}：{self.before} → {self.after}"


@dataclass(frozen=True, slots=True)
class _Span:
    start: int
    end: int
    after: str
    priority: int  # lower wins an overlap


class Gazetteer:
    """The word lists and compiled patterns (loaded once per process)."""

    def __init__(self, data: dict[str, Any]) -> None:
        ph: dict[str, str] = data.get("placeholders", {})
        self.ph = ph
        self.function_chars = set(str(data.get("function_chars", "")))
        self.generic_words = set(data.get("generic_words", []))
        self.generic_bureaus = set(data.get("generic_bureaus", []))
        self.not_names = set(data.get("not_names", []))
        self.not_followed_by: dict[str, str] = data.get("not_followed_by", {}) or {}
        suffix_ph = {
            "街道": ph.get("subdistrict", "某街道"),
            "市": ph.get("city", "某市"),
            "县": ph.get("county", "某县"),
            "区": ph.get("district", "某区"),
            "镇": ph.get("town", "某镇"),
            "乡": ph.get("township", "某乡"),
            "村": ph.get("village", "某村"),
        }
        self.suffix_ph = suffix_ph
        places: dict[str, str] = {}
        province = ph.get("province", "某省")
        city = ph.get("city", "某市")
        for name in data.get("provinces", []):
            places[name] = province
            places[name + "省"] = province
        for name in data.get("autonomous_region_forms", []):
            places[name] = province
        for name in data.get("municipalities", []):
            places[name] = city
            places[name + "市"] = city
        ambiguous = set(data.get("ambiguous_cities", []))
        for name in data.get("cities", []):
            if name.endswith("市"):
                places[name] = city
                continue
            places[name + "市"] = city
            if name not in ambiguous:
                places[name] = city
        for name in [*data.get("districts", []), *data.get("counties", [])]:
            suffix = next((s for s in PLACE_SUFFIXES if name.endswith(s)), "区")
            places[name] = suffix_ph[suffix]
        self.places = places
        self.places_re = _alternation(places)
        self.pattern_re = re.compile(f"(?=([{CJK}]{{2}}(?:{'|'.join(PLACE_SUFFIXES)})))")
        self.bureau_re = re.compile(f"(?<=[省市县区镇乡])(?=([{CJK}]{{2,4}}?)局)")
        surnames = sorted(data.get("surnames", []), key=len, reverse=True)
        titles = sorted(data.get("titles", []), key=len, reverse=True)
        self.name_re = re.compile(
            f"({'|'.join(map(re.escape, surnames))})([{CJK}]{{0,2}}?)({'|'.join(map(re.escape, titles))})"
        )
        self.year_re = re.compile(r"(?<!\d)(1[89]|20)\d{2}(?=年)")
        self.month_re = re.compile(r"(?<![\d.])(1[0-2]|0?[1-9])(?=月)")
        self.day_re = re.compile(r"(?<![\d.])([12]\d|3[01]|0?[1-9])(?=日)")

    # --- span detectors ---------------------------------------------------------------
    def spans(self, text: str, fixed: dict[str, str]) -> list[_Span]:
        out: list[_Span] = []
        for value, after in fixed.items():
            start = text.find(value)
            while start != -1:
                out.append(_Span(start, start + len(value), after, 0))
                start = text.find(value, start + len(value))
        for m in self.name_re.finditer(text):
            surname, given, title = m.groups()
            if (surname + given) in self.not_names or any(c in self.function_chars for c in given):
                continue
            placeholder = (
                self.ph.get("person", "某某") if given else self.ph.get("person_with_title", "某")
            )
            out.append(_Span(m.start(), m.end(), placeholder + title, 1))
        if self.places_re is not None:
            for m in self.places_re.finditer(text):
                out.append(_Span(m.start(), m.end(), self.places[m.group(0)], 2))
        for m in self.pattern_re.finditer(text):
            word = m.group(1)
            start, end = m.start(), m.start() + len(word)
            if not self._is_place(word, text[end : end + 1]):
                continue
            suffix = next(s for s in PLACE_SUFFIXES if word.endswith(s))
            out.append(_Span(start, end, self.suffix_ph[suffix], 3))
        place_ends = {s.end for s in out if s.priority in (2, 3)}
        for m in self.bureau_re.finditer(text):
            prefix = m.group(1)
            if m.start() not in place_ends:  # XX局 is a unit's name only right after a place
                continue
            if any(c in self.function_chars or c in "局副党某" for c in prefix) or any(
                prefix[i:] in self.generic_bureaus for i in range(len(prefix) - 1)
            ):
                continue
            if (prefix + "局") in self.generic_words or prefix[-1:] + "局" in self.generic_words:
                continue
            out.append(
                _Span(m.start(), m.start() + len(prefix) + 1, self.ph.get("bureau", "某局"), 4)
            )
        year_ph = self.ph.get("year", "XX年").removesuffix("年")
        for m in self.year_re.finditer(text):
            out.append(_Span(m.start(), m.end(), m.group(1) + year_ph, 5))
        month_ph = self.ph.get("month", "X月").removesuffix("月")
        for m in self.month_re.finditer(text):
            out.append(_Span(m.start(), m.end(), month_ph, 5))
        day_ph = self.ph.get("day", "X日").removesuffix("日")
        for m in self.day_re.finditer(text):
            out.append(_Span(m.start(), m.end(), day_ph, 5))
        return out

    def _is_place(self, word: str, next_char: str) -> bool:
        prefix = word[:2]
        if any(c in self.function_chars or c in "XＸx×" for c in prefix):
            return False
        if any(word[i:] in self.generic_words for i in range(len(word) - 1)):
            return False
        suffix = word[2:]
        return not (next_char and next_char in self.not_followed_by.get(suffix, ""))


def _alternation(words: dict[str, str]) -> re.Pattern[str] | None:
    if not words:
        return None
    ordered = sorted(words, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, ordered)))


def gazetteer_file():
    return templates_dir() / "anonymize" / "gazetteer.yaml"


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    from .datafile import read_yaml

    path = gazetteer_file()
    data = read_yaml(path, "匿名化词表", PartybookError)
    if not isinstance(data, dict):
        raise PartybookError(f"匿名化词表 {path} 格式不对：应为键值表。")
    return Gazetteer(data)


def _apply(text: str, spans: list[_Span]) -> tuple[str, list[tuple[str, str]]]:
    """Replace non-overlapping spans (lower priority number, then longer, wins)."""
    chosen: list[_Span] = []
    taken: list[tuple[int, int]] = []
    for s in sorted(spans, key=lambda s: (s.priority, -(s.end - s.start), s.start)):
        if any(s.start < e and b < s.end for b, e in taken):
            continue
        chosen.append(s)
        taken.append((s.start, s.end))
    chosen.sort(key=lambda s: s.start)
    out: list[str] = []
    pairs: list[tuple[str, str]] = []
    pos = 0
    for s in chosen:
        before = text[s.start : s.end]
        if before == s.after:
            continue
        out.append(text[pos : s.start])
        out.append(s.after)
        pairs.append((before, s.after))
        pos = s.end
    out.append(text[pos:])
    return "".join(out), pairs


class _Anonymizer:
    def __init__(self, draft: Draft, gaz: Gazetteer) -> None:
        self.gaz = gaz
        self.replacements: list[Replacement] = []
        self.fixed: dict[str, str] = {}
        meta = draft.meta
        ph = gaz.ph
        if meta.author.strip():
            self.fixed[meta.author.strip()] = ph.get("person", "某某")
        if meta.unit.strip():
            self.fixed[meta.unit.strip()] = ph.get("unit", "某单位")
        # a long, specific position (河西区农业农村局副局长) identifies; 副局长 alone does not
        if len(meta.position.strip()) >= 4:
            self.fixed[meta.position.strip()] = ph.get("position", "某职务")

    def text(self, value: str, section: str, item: int | None = None) -> str:
        if not value:
            return value
        new, pairs = _apply(value, self.gaz.spans(value, self.fixed))
        self.replacements.extend(Replacement(section, item, b, a) for b, a in pairs)
        return new

    def item(self, it: Item, section: str, index: int) -> Item:
        new = it.model_copy(deep=True)
        new.heading = self.text(it.heading, section, index)
        new.body = self.text(it.body, section, index)
        if it.items:
            new.items = [self.item(sub, section, index) for sub in it.items]
        return new


def _anonymize_date(value: str, gaz: Gazetteer) -> str:
    m = re.fullmatch(r"\s*(\d{2})\d{2}-(\d{1,2})(?:-(\d{1,2}))?\s*", value)
    year = gaz.ph.get("year", "XX年")
    month = gaz.ph.get("month", "X月")
    day = gaz.ph.get("day", "X日")
    if m:
        return f"{m.group(1)}{year}{month}" + (day if m.group(3) else "")
    new, _ = _apply(value, gaz.spans(value, {}))
    return new


def anonymize(draft: Draft, genre: Genre | None = None) -> tuple[Draft, list[Replacement]]:
    """An anonymised copy of ``draft`` (marked ``example``) and every replacement made.

    ``genre`` is accepted for symmetry with the other entry points; sections are walked by
    their content, so sections unknown to the genre are anonymised too.
    """
    gaz = load_gazetteer()
    anon = _Anonymizer(draft, gaz)
    out = draft.model_copy(deep=True)
    ph = gaz.ph
    for section_id, content in draft.sections.items():
        if isinstance(content, str):
            out.sections[section_id] = anon.text(content, section_id)
        elif all(isinstance(e, Item) for e in content):
            out.sections[section_id] = [
                anon.item(e, section_id, i)  # type: ignore[arg-type]
                for i, e in enumerate(content)
            ]
        else:
            out.sections[section_id] = [anon.text(str(e), section_id) for e in content]
    out.unplaced = [anon.text(u, "unplaced") for u in draft.unplaced]
    meta = draft.meta
    new_meta = {
        "author": ph.get("person", "某某") if meta.author.strip() else "",
        "unit": ph.get("unit", "某单位") if meta.unit.strip() else "",
        "position": ph.get("position", "某职务") if meta.position.strip() else "",
        "class_name": anon.text(meta.class_name, "meta.class_name") if meta.class_name else "",
        "date": _anonymize_date(meta.date, gaz) if meta.date.strip() else "",
    }
    for field in ("author", "unit", "position", "date"):
        before = getattr(meta, field)
        if before != new_meta[field]:
            anon.replacements.append(Replacement(f"meta.{field}", None, before, new_meta[field]))
    out.meta = meta.model_copy(update=new_meta)
    if draft.comments:
        anon.replacements.append(
            Replacement("comments", None, f"{len(draft.comments)} 条批注", "（已删除）")
        )
        out.comments = []
    out.example = True
    return out, anon.replacements
