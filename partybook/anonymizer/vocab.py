"""The anonymiser's data from ``templates/anonymize/``: rules for private details and the
lists of public names that are never replaced (each list names its source in its file)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import PartybookError
from ..paths import templates_dir


@dataclass(frozen=True, slots=True)
class Public:
    """A protected name: ``kind`` is leader, model, spirit, meeting, document, organ or site;
    ``year`` the year of a meeting or document; ``location`` the divisions a site lies in."""

    name: str
    kind: str
    year: int | None = None
    location: tuple[str, ...] = ()


@dataclass
class Vocabulary:
    ph: dict[str, str]
    generic_words: set[str]
    generic_bureaus: set[str]
    function_chars: set[str]
    surnames: set[str]
    not_names: set[str]
    not_followed_by: dict[str, str]
    titles: list[str]
    ambiguous_aliases: set[str]
    units: dict[str, str]
    generic_unit_prefixes: set[str]
    list_enders: list[str]
    word_like_surnames: set[str] = field(default_factory=set)
    short_titles: set[str] = field(default_factory=set)
    division_organs: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    markers_before: list[str] = field(default_factory=list)
    markers_after: list[str] = field(default_factory=list)
    markers_after_list: list[str] = field(default_factory=list)
    identifier_cues: list[str] = field(default_factory=list)
    measure_chars: set[str] = field(default_factory=set)
    road_suffixes: list[str] = field(default_factory=list)
    generic_roads: set[str] = field(default_factory=set)
    name_glue_chars: set[str] = field(default_factory=set)
    ordinary_modifiers: set[str] = field(default_factory=set)
    not_name_starts: set[str] = field(default_factory=set)
    name_breaking_chars: set[str] = field(default_factory=set)
    verbs_before_names: set[str] = field(default_factory=set)
    name_glue_if_followed: dict[str, str] = field(default_factory=dict)
    public: dict[str, Public] = field(default_factory=dict)
    public_lexicon: Lexicon | None = None


class Lexicon:
    """Longest-match lookup of a word list in a text: candidate positions by a character
    class of first characters, then dictionary look-ups by the lengths present."""

    def __init__(self, words: list[str]) -> None:
        self.words = set(words)
        self.lengths = sorted({len(w) for w in words}, reverse=True)
        firsts = "".join(sorted({w[0] for w in words}))
        self.first_re = re.compile(f"[{re.escape(firsts)}]") if firsts else None

    def finditer(self, text: str) -> list[tuple[int, int, str]]:
        out: list[tuple[int, int, str]] = []
        if self.first_re is None:
            return out
        pos = 0
        words = self.words
        while True:
            m = self.first_re.search(text, pos)
            if m is None:
                return out
            i = m.start()
            for n in self.lengths:
                if text[i : i + n] in words:
                    out.append((i, i + n, text[i : i + n]))
                    pos = i + n
                    break
            else:
                pos = i + 1


def anonymize_dir() -> Path:
    return templates_dir() / "anonymize"


def _read(name: str) -> dict[str, Any]:
    from ..datafile import read_yaml

    path = anonymize_dir() / name
    data = read_yaml(path, "匿名化词表", PartybookError)
    if not isinstance(data, dict):
        raise PartybookError(f"匿名化词表 {path} 格式不对：应为键值表。")
    return data


def _public_names() -> dict[str, Public]:
    out: dict[str, Public] = {}

    def add(name: str, kind: str, year: Any = None, location: Any = ()) -> None:
        name = str(name).strip()
        if name and name not in out:
            out[name] = Public(name, kind, int(year) if year else None, tuple(location or ()))

    for group in _read("people.yaml").get("lists", []):
        for name in group.get("names", []):
            add(name, str(group.get("kind", "leader")))
    spirits = _read("spirits.yaml")
    for name in [*spirits.get("first_batch", []), *spirits.get("related", [])]:
        add(name, "spirit")
    history = _read("history.yaml")
    for kind, key in (("meeting", "meetings"), ("document", "documents")):
        for entry in history.get(key, []):
            for name in entry.get("names", []):
                add(name, kind, entry.get("year"))
                if name.startswith("《") and name.endswith("》"):
                    add(name[1:-1], kind, entry.get("year"))
    for name in _read("organs.yaml").get("names", []):
        add(name, "organ")
    for entry in _read("sites.yaml").get("sites", []):
        for name in entry.get("names", []):
            add(name, "site", entry.get("year"), entry.get("location", []))
    return out


@lru_cache(maxsize=1)
def load_vocabulary() -> Vocabulary:
    rules = _read("rules.yaml")
    public = _public_names()
    ordered = list(public)
    markers = dict(rules.get("public_markers", {}) or {})
    return Vocabulary(
        ph=dict(rules.get("placeholders", {})),
        generic_words=set(rules.get("generic_words", [])),
        generic_bureaus=set(rules.get("generic_bureaus", [])),
        function_chars=set(str(rules.get("function_chars", ""))),
        surnames=set(rules.get("surnames", [])),
        not_names=set(rules.get("not_names", [])),
        not_followed_by=dict(rules.get("not_followed_by", {}) or {}),
        titles=sorted(rules.get("titles", []), key=len, reverse=True),
        ambiguous_aliases=set(rules.get("ambiguous_aliases", [])),
        units=dict(rules.get("units", {})),
        generic_unit_prefixes=set(rules.get("generic_unit_prefixes", [])),
        list_enders=list(rules.get("list_enders", [])),
        word_like_surnames=set(rules.get("word_like_surnames", [])),
        short_titles=set(rules.get("short_titles", [])),
        division_organs=list(rules.get("division_organs", [])),
        roles=sorted(rules.get("roles", []), key=len, reverse=True),
        markers_before=sorted(markers.get("before", []), key=len, reverse=True),
        markers_after=list(markers.get("after", [])),
        markers_after_list=list(markers.get("after_list", [])),
        identifier_cues=list(rules.get("identifier_cues", [])),
        measure_chars=set(str(rules.get("measure_chars", ""))),
        road_suffixes=sorted(rules.get("road_suffixes", []), key=len, reverse=True),
        generic_roads=set(rules.get("generic_roads", [])),
        name_glue_chars=set(str(rules.get("name_glue_chars", ""))),
        ordinary_modifiers=set(str(rules.get("ordinary_modifiers", ""))),
        not_name_starts=set(str(rules.get("not_name_starts", ""))),
        name_breaking_chars=set(str(rules.get("name_breaking_chars", ""))),
        verbs_before_names=set(rules.get("verbs_before_names", [])),
        name_glue_if_followed={
            str(k): str(v) for k, v in (rules.get("name_glue_if_followed") or {}).items()
        },
        public=public,
        public_lexicon=Lexicon(ordered),
    )
