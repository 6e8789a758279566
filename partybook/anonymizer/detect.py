"""Detectors of private details in one text. Each returns candidate spans; the engine
resolves overlaps, drops what touches a public name and applies the reviewer's decisions."""

from __future__ import annotations

import re
from typing import NamedTuple

from .division_match import accept_division, glued_stem
from .divisions import Divisions
from .nlp import Token
from .vocab import Vocabulary

CJK = "\u4e00-\u9fff"
PLACE_SUFFIXES = ("街道", "社区", "市", "县", "区", "镇", "乡", "村")
SUFFIX_KEY = {
    "街道": "subdistrict",
    "社区": "community",
    "市": "city",
    "县": "county",
    "区": "district",
    "镇": "town",
    "乡": "township",
    "村": "village",
}
DEFAULT_PH = {
    "person": "某某",
    "province": "某省",
    "city": "某市",
    "district": "某区",
    "county": "某县",
    "town": "某镇",
    "township": "某乡",
    "village": "某村",
    "subdistrict": "某街道",
    "community": "某社区",
    "unit": "某单位",
    "place": "某地",
    "school": "某学校",
    "bureau": "某局",
}
LEVEL_ZH = {
    "province": "省级",
    "city": "市级",
    "district": "区级",
    "county": "县级",
    "town": "乡镇级",
    "township": "乡镇级",
    "subdistrict": "街道",
    "village": "村级",
    "community": "社区",
}
# tags of words that can be part of a proper name before a suffix (nouns, names, places …)
# tags of words no place name holds: idioms and set phrases, prepositions, pronouns
CLAUSE_TAGS = {"l", "i", "p", "r", "c", "u", "uj", "ul", "d"}
NAME_TAGS = {"n", "nr", "ns", "nz", "nt", "ng", "g", "b", "j", "nrt", "nrfg", "s", "zg", "an"}
PERSON_TAGS = {"nr", "nrfg", "nrt"}
ALIAS_TAGS = {"ns", "nr", "nz", "n", "j"}
# after a standalone 镇/村/乡 these show it stands for "the town" (镇党委, 村干部, 乡纪委)
ABBREVIATION_NEXT = set("党纪政干委两班里内外级领")
# characters of unit names: 局副局长 is not a name before a title
UNIT_CHARS = set("局委办科处室部厅院所站队")
# characters that never occur in a person's name (given names may hold 来, 上, 中 …)
NOT_IN_NAMES = set("的地得了着过们是在把被让给将我你他她它这那某等、")
# words that end a name when walking back from a suffix (verbs of motion are tagged v: 到, 在)
STOP_TAGS = {"x", "p", "c", "r", "u", "uj", "ul", "uz", "ug", "d", "v", "vn", "f", "t", "q", "m"}


NEXT_TOWN_RE = re.compile(f"[{CJK}]{{2,4}}?(?:街道|镇|乡)")


def text_at(toks: list[Token], at: dict[int, int], i: int) -> str:
    """The character at offset ``i`` (from its token: the walk has no text at hand)."""
    k = at.get(i)
    return "" if k is None else toks[k].word[i - toks[k].start]


class Candidate(NamedTuple):
    start: int
    end: int
    placeholder: str
    reason: str
    detector: str
    priority: int  # lower wins an overlap of equal length


def _alternation(words: set[str]) -> str:
    """A fast regex for a set of surnames: one character class for the single characters
    (a plain alternation of hundreds of words is tried word by word at every position)."""
    singles = "".join(sorted(w for w in words if len(w) == 1))
    multi = "|".join(
        map(re.escape, sorted((w for w in words if len(w) > 1), key=len, reverse=True))
    )
    return "|".join(x for x in (multi, f"[{singles}]" if singles else "") if x)


def ph(vocab: Vocabulary, key: str) -> str:
    return vocab.ph.get(key) or DEFAULT_PH.get(key, "某某")


def place_key(name: str) -> str | None:
    for suffix in PLACE_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return SUFFIX_KEY[suffix]
    return None


class Detector:
    def __init__(self, vocab: Vocabulary, divisions: Divisions) -> None:
        self.v = vocab
        self.d = divisions
        surnames = _alternation(vocab.surnames)
        titles = vocab.titles
        self.name_re = re.compile(
            f"({surnames})([{CJK}]{{0,2}}?)({'|'.join(map(re.escape, titles))})"
        )
        self.suffix_re = re.compile("|".join((*PLACE_SUFFIXES, "省", "州", "旗", "盟")))
        units = sorted(vocab.units, key=len, reverse=True)
        self.unit_re = re.compile("|".join(map(re.escape, units))) if units else None
        stops = re.escape("".join(sorted(vocab.function_chars)))
        self.pre_title_re = re.compile(
            f"(?:{'|'.join(map(re.escape, titles))})"
            f"((?:{surnames})[{CJK}]{{1,2}}?)(?=[{stops}]|[^{CJK}]|$)"
        )
        self.bureau_re = re.compile(f"(?<=[省市县区镇乡])([{CJK}]{{2,4}}?)局")

    # --- people ---------------------------------------------------------------------
    def titled(self, text: str, toks: list[Token]) -> list[Candidate]:
        """赵书记, 骆文斌同志, 韦大娘: a surname, up to two characters and a title (the
        surname starting a word: 身边同志 and 分管副县长 are no Mr 边 or Mr 管)."""
        out = []
        starts = {t.start for t in toks}
        # 对景/经理: a function character glued to the surname as a two-character word
        glued = {t.start + 1 for t in toks if len(t.word) == 2}
        pos = 0
        while (m := self.name_re.search(text, pos)) is not None:
            pos = m.start() + 1  # a rejected match may hide one inside it: 党委|贺书记
            if m.start() not in starts and not (
                m.start() in glued and text[m.start() - 1] in self.v.function_chars
            ):
                continue  # 身边同志, 分管副县长, 调解员仇大姐; but 对|景经理
            surname, given, title = m.groups()
            if self._not_name(surname + given) or any(c in self.v.function_chars for c in given):
                continue
            if any(u in m.group(0) for u in self.v.units) or set(given) & UNIT_CHARS:
                continue  # 礁石小学校长 is a school's head, not a Mr 石
            person = ph(self.v, "person") if given else self.v.ph.get("person_with_title", "某")
            out.append(Candidate(m.start(), m.end(), person + title, "姓名加称谓", "title", 2))
            pos = m.end()
        return out

    def pre_titled(self, text: str, toks: list[Token]) -> list[Candidate]:
        """党小组长殷红梅对…, 校长羿春华后来…: a title, then a name up to a function word
        (not a word the tagger knows as something else: 科长关心…, 主任管理…)."""
        out = []
        starts = {t.start: t for t in toks}
        for m in self.pre_title_re.finditer(text):
            first = starts.get(m.start(1))
            if first is None or (len(first.word) >= 2 and first.tag not in PERSON_TAGS):
                continue
            if self.is_name(m.group(1)):
                out.append(
                    Candidate(
                        m.start(1), m.end(1), ph(self.v, "person"), "称谓后的姓名", "title", 2
                    )
                )
        return out

    def _not_name(self, word: str) -> bool:
        """Starts with ordinary vocabulary (许多, 党委, 关心 …)?"""
        return any(word[:k] in self.v.not_names for k in range(2, min(len(word), 4) + 1))

    def is_name(self, word: str) -> bool:
        if not 2 <= len(word) <= 4 or word in self.v.not_names or word in self.v.public:
            return False
        if len(word) == 2 and word[0] == word[1]:
            return False  # 感/谢谢/nr: a doubled character is a word (谢谢, 常常), no name
        if any(c in NOT_IN_NAMES for c in word):
            return False
        if self._not_name(word) or word[:2] in self.v.word_like_surnames:
            return False  # 东方红 is no Mr 东方 (with a title he is found: 东方明同志)
        return word[:1] in self.v.surnames or word[:2] in self.v.surnames

    def persons(self, text: str, toks: list[Token]) -> list[Candidate]:
        """Person names tagged by the tagger (nr) or after a title (names in lists:
        ``lists.py``)."""
        out = self.pre_titled(text, toks)
        for t in toks:
            if (
                t.tag in ("nr", "nrfg")
                and self.is_name(t.word)
                and not place_key(t.word)
                and (len(t.word) < 4 or t.word[:2] in self.v.surnames)  # not 严守纪律
            ):
                out.append(
                    Candidate(t.start, t.end, ph(self.v, "person"), "人名（分词识别）", "nlp", 4)
                )
        for a, b in zip(toks, toks[1:], strict=False):
            # 羿/春华, 蓝/海燕: a surname tagged alone, its given name tagged as a name
            if (
                a.tag == "nr"
                and len(a.word) == 1
                and a.word in self.v.surnames
                and b.tag in ("nr", "nz", "nrfg", "t")
                and len(b.word) <= 2
                and b.word not in self.v.titles
                and a.end == b.start
                and self.is_name(a.word + b.word)
            ):
                out.append(
                    Candidate(a.start, b.end, ph(self.v, "person"), "人名（分词识别）", "nlp", 4)
                )
        return out

    # --- places and units -------------------------------------------------------------
    def _prefix_start(
        self, toks: list[Token], pos: int, max_len: int, at: dict[int, int], unit: bool = False
    ) -> int:
        """Walk back over name-like words before ``pos`` (at most ``max_len`` characters).
        ``unit``: a unit's name, which may start with a place's bare name whatever its tag
        (遵义/v 医科大学附属医院, 井冈山/ns 大学)."""
        start = pos
        k = at.get(pos - 1)
        named = False  # a word the tagger knows as a place is in the name already
        while k is not None and k >= 0:
            t = toks[k]
            short = pos - start < 2  # 上/坳村, 五里/铺村: a name's first word may be anything
            if (
                start < pos
                and len(t.word) > 1
                and t.word[0] in self.v.name_breaking_chars
                and t.tag in NAME_TAGS
            ):
                start = t.start + 1  # 毕业于云岚/nr 师范大学: the name starts after 于
                break
            if named and len(t.word) > 1 and t.tag in ("n", "vn", "v"):
                break  # 办理/n 鹤岭/ns 县: the tagger's place name starts the name
            if unit and pos - t.start <= max_len and self._place_word(t.word):
                start = t.start
                k -= 1
                if k >= 0 and toks[k].end != start:
                    break
                continue
            if (
                short
                and t.tag not in NAME_TAGS
                and not (t.tag == "f" or (t.tag == "m" and not re.search(r"[\d年月日号]", t.word)))
            ):
                break  # but not a verb, measure or date: 先后/任镇, 这名/村, 9月/任镇
            if not short and (
                t.tag in STOP_TAGS or (len(t.word) == 1 and t.word in self.v.function_chars)
            ):
                break
            if (
                t.word in self.v.generic_words
                or t.word in self.v.generic_unit_prefixes
                or t.word in self.v.verbs_before_names
            ):
                break
            if t.end <= pos and t.word.endswith(("局", "委", "府", *"省市县区镇乡村")):
                break  # the end of another place or unit (红枫镇|枫林村, 公安局|城关派出所)
            if t.tag not in NAME_TAGS and pos - start >= 2:
                break
            if pos - t.start > max_len and pos - start >= 2:
                break
            start = t.start
            named = named or (t.tag == "ns" and len(t.word) > 1)
            k -= 1
            if k >= 0 and toks[k].end != start:
                break
        trimmed = False
        while start < pos - 2 and (
            text_at(toks, at, start) in self.v.not_name_starts
            or (trimmed and text_at(toks, at, start) in self.v.name_breaking_chars)
        ):
            start += 1  # 我向沅芷区/n, 从溪棠/n 县: a pronoun or preposition glued to the name
            trimmed = True
        return start

    def _place_word(self, word: str) -> bool:
        """A province's or city's bare name, or a public site's (遵义, 井冈山, 延安)."""
        pub = self.v.public.get(word)
        return word in self.d.alias or (pub is not None and pub.kind == "site")

    def places(self, text: str, toks: list[Token]) -> list[Candidate]:
        """Divisions from the dataset (full names, and bare province/city names tagged as
        places), and unknown names ending in 市/县/区/镇/乡/村/街道/社区."""
        out: list[Candidate] = []
        at = {i: k for k, t in enumerate(toks) for i in range(t.start, t.end)}
        starts = {t.start for t in toks}
        name_ends = {t.end for t in toks if t.tag in PERSON_TAGS}
        for m in self.suffix_re.finditer(text):
            s, e = m.start(), m.end()
            found = False
            for k in range(min(self.d.max_len, s + len(m.group(0))), len(m.group(0)), -1):
                b = e - k
                if b >= 0 and text[b:e] in self.d.full:
                    name = text[b:e]
                    if len(name) == 2 and name[0] in self.v.function_chars:
                        break  # 和县, 沙县 … written after 和/在: too likely ordinary words
                    if not accept_division(self.v, text, b, e, text[e : e + 1], starts, name_ends):
                        break
                    key = self.d.full[text[b:e]]
                    held = at.get(b)
                    if b not in starts and held is not None and toks[held].tag in NAME_TAGS:
                        # 栖凤/ng 县: the real 凤县 is the tail of a longer name; the whole
                        # name goes, or its first character would be left behind (栖某县)
                        b = toks[held].start
                    elif len(name) == 2 and b > 0 and glued_stem(self.v, text[b - 1]):
                        b -= 1  # 栖/v 凤县, 清/t 岚县: the same, split by the tagger
                    out.append(
                        Candidate(
                            b,
                            e,
                            ph(self.v, key),
                            f"行政区划（{LEVEL_ZH.get(key, '')}）",
                            "division",
                            5,
                        )
                    )
                    found = True
                    break
            if found:
                continue
            if m.group(0) not in SUFFIX_KEY:
                continue  # 省/州/旗/盟: only the dataset's names
            start = self._prefix_start(toks, s, 4, at)
            while start < s and text[start] in "省市县区镇乡村":
                start += 1  # 我镇鹤岭村: the name starts after the other place's suffix
            if s - start < 2:
                start = self._list_item_start(text, s, m.group(0), start)
            official = any(text.startswith(w, e) for w in self.v.division_organs) or (
                m.group(0) in "区县" and NEXT_TOWN_RE.match(text, e) is not None
            )  # 桐山区审计局, 菰城区榉林街道: an organ or a town of the division follows
            from_bare = False
            if s - start < 2 and official:
                bare = self._bare_start(text, s)  # 桐/山区|审计局: the tagger's 山区
                inside = [t for t in toks if bare <= t.start < s and t.end <= s]
                j = at.get(bare)  # the word the bare name starts in (按程序/l: 程序交镇)
                holder = toks[j] if j is not None else None
                cut = holder is not None and holder.start < bare and holder.tag in CLAUSE_TAGS
                if all(t.tag in NAME_TAGS for t in inside) and not cut:  # not 按照/p|市委
                    start, from_bare = bare, True
            word = text[start:e]
            if s - start < 2 or not self.is_place(word, text[e : e + 1], official):
                continue
            if not from_bare and any(
                t.tag in CLAUSE_TAGS for t in toks if start <= t.start and t.end <= s
            ):
                continue  # 按程序/l 交镇: no place name holds an idiom or a preposition
            if text[s - 1] in self.v.function_chars:
                continue  # 任镇, 向镇, 到村: a verb before 镇/村, not a name
            token = at.get(s)
            if (
                token is not None
                and toks[token].word == m.group(0)
                and len(m.group(0)) == 1
                and text[e : e + 1] in ABBREVIATION_NEXT
            ):
                continue  # 报告镇党委书记, 面向镇党委: 镇 is "the town", not a suffix
            key = SUFFIX_KEY[m.group(0)]
            out.append(Candidate(start, e, ph(self.v, key), f"地名（{m.group(0)}）", "place", 6))
        for t in toks:
            # the tagger calls some city names persons (嘉兴/nr): any noun tag will do
            if (
                t.tag in ALIAS_TAGS
                and t.word in self.d.alias
                and t.word not in self.v.ambiguous_aliases
                and not (  # 和/田敏对我说: a conjunction before a name, not 和田
                    t.word[0] in self.v.function_chars
                    and self.is_name(text[t.start + 1 : t.end + 1])
                )
            ):
                key = self.d.alias[t.word]
                out.append(
                    Candidate(
                        t.start,
                        t.end,
                        ph(self.v, key),
                        f"行政区划（{LEVEL_ZH[key]}）",
                        "division",
                        5,
                    )
                )
        return out

    def _bare_start(self, text: str, s: int) -> int:
        """Up to three name characters before ``s``, back to a function word or another
        place's suffix."""
        j = s
        while j > 0 and s - j < 3 and re.match(f"[{CJK}]", text[j - 1]):
            if text[j - 1] in self.v.function_chars or text[j - 1] in "省市县区镇乡村":
                break
            j -= 1
        return j

    def _list_item_start(self, text: str, s: int, suffix: str, start: int) -> int:
        """木樨社区、鹭鸣社区: in a list of places with the same suffix, an item's name runs
        back to the 、 even where the tagger split it into other words (鹭/鸣)."""
        j = s
        while j > 0 and s - j < 4 and re.match(f"[{CJK}]", text[j - 1]):
            if text[j - 1] in self.v.function_chars:
                return start
            j -= 1
        if j > 0 and text[j - 1] == "、" and text[: j - 1].endswith(suffix):
            return j
        return start

    def is_place(self, word: str, next_char: str, official: bool = False) -> bool:
        """``official``: an organ of the division follows (桐山区审计局), so a name ending
        like an ordinary word (山区, 湾区) is the division's."""
        suffix = next((s for s in PLACE_SUFFIXES if word.endswith(s)), word[-1:])
        if any(c in "XＸx×某" for c in word) or any(c in "个些座各每几多" for c in word[:-1]):
            return False
        if official:  # 桐山区审计局: only the bare name must not be an ordinary word
            if word[: -len(suffix)] in self.v.generic_words:
                return False
        elif any(word[i:] in self.v.generic_words for i in range(len(word) - len(suffix))):
            return False
        return not (next_char and next_char in self.v.not_followed_by.get(suffix, ""))
