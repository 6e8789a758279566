"""Forms of private people's names the tagger alone misses: 老覃 and 小马, 尚某 and 王某某,
compound surnames (上官雨晴), transliterated names with a middle dot (吐尔洪·买买提) and
a name right after a word saying who the person is (村民蒙秀英, 驾驶人单春雷)."""

from __future__ import annotations

import re

from .detect import CJK, NOT_IN_NAMES, PERSON_TAGS, STOP_TAGS, Candidate, Detector, ph
from .nlp import Token

NICKNAME_PREFIXES = "老小"
GIVEN_TAGS = {*PERSON_TAGS, "nz", "ng", "zg", "g"}  # tags of a given name the tagger split off
DOTS = "·•・"
DOT_NAME_RE = re.compile(f"[{CJK}]{{1,8}}(?:[{DOTS}][{CJK}]{{1,8}})+")


class NameForms:
    def __init__(self, det: Detector) -> None:
        self.det = det
        v = det.v
        single = "".join(sorted(s for s in v.surnames if len(s) == 1))
        compound = sorted((s for s in v.surnames if len(s) == 2), key=len)
        self.single = set(single)
        self.compound = [s for s in compound if s not in v.word_like_surnames]
        self.nick_re = re.compile(f"[{NICKNAME_PREFIXES}][{single}]")
        self.mou_re = re.compile(f"(?:{'|'.join(compound)}|[{single}])某某?")
        self.compound_re = re.compile("|".join(self.compound)) if self.compound else None
        roles = sorted({*v.roles, *v.titles}, key=len, reverse=True)
        self.role_re = re.compile("|".join(map(re.escape, roles)))

    def find(self, text: str, toks: list[Token]) -> list[Candidate]:
        starts = {t.start: t for t in toks}
        out = self.nicknames(text, toks, starts)
        out += self.short_titled(toks)
        out += self.mou(text, starts)
        out += self.compounds(text, starts)
        out += self.dotted(text, toks)
        out += self.after_roles(text, starts)
        return out

    def _person(self, b: int, e: int, reason: str) -> Candidate:
        return Candidate(b, e, ph(self.det.v, "person"), reason, "name", 3)

    def nicknames(self, text: str, toks: list[Token], starts: dict[int, Token]) -> list[Candidate]:
        """老覃, 小马: 老/小 and a surname, written as a word of its own (老党员 and 小康 are
        other words: the tagger puts 党 in 党员 and reads 小康 as one word)."""
        out: list[Candidate] = []
        matches = list(self.nick_re.finditer(text))
        if not matches:
            return out
        ends = {t.end for t in toks}
        role_ends = {m.end() for m in self.role_re.finditer(text)}
        at = {i: t for t in toks for i in range(t.start, t.end)}
        for m in matches:
            b, e = m.span()
            word = m.group(0)
            if word in self.det.v.not_names:
                continue
            holder = at.get(b + 1)  # 老/a 刘和小王/nr: the tagger put the surname in a name
            glued = holder is not None and (holder.end > e or holder.start < b)
            if (
                glued
                and holder is not None
                and holder.tag in PERSON_TAGS
                and self._nick_ends(text, e)
            ):
                out.append(self._person(b, e, "姓氏加老/小的称呼"))
                continue
            if e not in ends and b not in role_ends:
                continue
            first = starts.get(b)
            if b in role_ends:  # 楼栋长老包, 保安老甘提的: the role says who follows
                out.append(self._person(b, e, "姓氏加老/小的称呼"))
                continue
            if first is None:
                continue
            glued = first.word == word and first.tag in (*PERSON_TAGS, "n", "nz", "ng")
            split = first.word == word[0] and (t := starts.get(b + 1)) is not None
            if glued or (split and t is not None and len(t.word) == 1):
                out.append(self._person(b, e, "姓氏加老/小的称呼"))
        return out

    def _nick_ends(self, text: str, e: int) -> bool:
        """老刘|和小王, 小王|都: what follows a nickname the tagger glued to other words
        starts a new word (a joiner, particle or adverb, or punctuation)."""
        nxt = text[e : e + 1]
        return not re.match(f"[{CJK}]", nxt) or nxt in self.det.v.name_glue_chars

    def short_titled(self, toks: list[Token]) -> list[Candidate]:
        """蔺总, 李总: a surname and a one-character title (总 for 总经理), each a word of its
        own or tagged as a name together (党总支 and 汇总 are other words)."""
        out = []
        shorts = self.det.v.short_titles
        for a, b in zip(toks, toks[1:], strict=False):
            if a.tag in PERSON_TAGS and a.word in self.single and b.word in shorts:
                out.append(self._titled(a.start, b.end, b.word))
        for t in toks:
            two = len(t.word) == 2 and t.word not in self.det.v.not_names
            if two and t.word[0] in self.single and t.word[1] in shorts:  # 李总/nr, 蔺总/b
                out.append(self._titled(t.start, t.end, t.word[1]))
        return out

    def _titled(self, b: int, e: int, title: str) -> Candidate:
        person = self.det.v.ph.get("person_with_title", "某")
        return Candidate(b, e, person + title, "姓氏加称谓", "name", 3)

    def mou(self, text: str, starts: dict[int, Token]) -> list[Candidate]:
        """尚某, 王某某同志: a name already shortened still names the surname."""
        out = []
        fn = self.det.v.function_chars
        for m in self.mou_re.finditer(text):
            b = m.start()
            if b in starts or (b > 0 and text[b - 1] in fn) or b == 0:
                out.append(self._person(b, m.end(), "姓氏加某"))
        return out

    def compounds(self, text: str, starts: dict[int, Token]) -> list[Candidate]:
        """上官雨晴, 诸葛明远, 端木清先生: a compound surname and one or two characters."""
        if self.compound_re is None:
            return []
        out = []
        titles = set(self.det.v.titles)
        for m in self.compound_re.finditer(text):
            b, q = m.span()
            if b > 0 and re.match(f"[{CJK}]", text[b - 1]) and b not in starts:
                continue  # inside another word
            nxt = starts.get(q)
            if nxt is not None and 1 <= len(nxt.word) <= 2 and nxt.word not in titles:
                e = nxt.end
            else:
                e = q
                while e < len(text) and e - q < 2 and re.match(f"[{CJK}]", text[e]):
                    if text[e] in NOT_IN_NAMES or any(text.startswith(t, e) for t in titles):
                        break
                    e += 1
            if e > q:
                out.append(self._person(b, e, "复姓人名"))
        return out

    @staticmethod
    def _adjective_first(first: Token | None) -> bool:
        """代表|高/质量: a surname character the tagger reads as an adjective or adverb
        before an ordinary word is that word's start, not a name (but 邓/nr 春生/n is)."""
        return first is not None and first.tag in {"a", "ad", "d", "b", "m", "q"}

    def dotted(self, text: str, toks: list[Token]) -> list[Candidate]:
        """吐尔洪·买买提: a transliterated name with a middle dot (public ones are shielded),
        each outer part at most five characters, after a role, verb or function word."""
        fn = self.det.v.function_chars
        role_ends = {m.end() for m in self.role_re.finditer(text)}
        verb_ends = {t.end for t in toks if t.tag in STOP_TAGS}
        out = []
        for m in DOT_NAME_RE.finditer(text):
            dots = [m.start() + i for i, c in enumerate(m.group(0)) if c in DOTS]
            b = max(m.start(), dots[0] - 5)
            for i in range(b, dots[0]):
                if text[i] in fn:
                    b = i + 1
                elif i in role_ends or i in verb_ends:
                    b = i
            end = dots[-1] + 1
            titles = self.det.v.titles
            while end < m.end() and end - dots[-1] <= 5 and text[end] not in fn:
                if any(text.startswith(t, end) for t in titles):
                    break  # 吐尔洪·买买提|大爷
                end += 1
            if b < dots[0] and end > dots[-1] + 1:
                out.append(self._person(b, end, "音译人名"))
        return out

    def after_roles(self, text: str, starts: dict[int, Token]) -> list[Candidate]:
        """村民蒙秀英家, 驾驶人单春雷酒后, 室友古丽娜尔: after a role, a surname and the given
        name the tagger found, or a word the tagger tags as a name."""
        out = []
        v = self.det.v
        for m in self.role_re.finditer(text):
            p = m.end()
            whole = starts.get(p)
            if (
                whole is not None
                and whole.tag in PERSON_TAGS
                and 2 <= len(whole.word) <= 4
                and not set(whole.word) & NOT_IN_NAMES
                and whole.word not in v.titles
                and whole.word not in v.not_names
                and not self.det._not_name(whole.word)  # 同志|廉政, 病人|康复
                and not self.nick_re.match(whole.word)  # 老甘提/nr: 老甘, found above
            ):
                end = whole.end
                # 阿依/努尔: one name in two tagged pieces (not 丁志才/nr 明白/nr: a Han name
                # of surname and given name is complete)
                while (more := starts.get(end)) is not None and more.tag in PERSON_TAGS:
                    if end - p + len(more.word) > 6 or self.det.is_name(whole.word):
                        break
                    end = more.end
                if end - p == 2 and not self.det.is_name(text[p:end]):
                    continue  # 群众|修渠/nr: two characters without a surname are no name
                glued = starts.get(end)
                if (
                    glued is not None
                    and len(glued.word) == 2
                    and glued.word[1] == "家"
                    and not (end - p >= 3 and self.det.is_name(text[p:end]))
                ):
                    end += 1  # 郝秀/珍家: the tagger glued the name's end to 家 (彭东同|大家)
                if end - p >= 4 and text[end - 1] == "家":
                    end -= 1  # 韦桂英家/nr: her home, not her name
                out.append(self._person(p, end, "身份后的人名"))
                continue
            surname = text[p : p + 2] if text[p : p + 2] in self.compound else text[p : p + 1]
            if surname not in self.single and surname not in self.compound:
                continue
            given = starts.get(p + len(surname))
            if (
                given is None
                or not 1 <= len(given.word) <= 2
                or given.tag in STOP_TAGS
                or (given.tag not in GIVEN_TAGS and self._adjective_first(starts.get(p)))
                or given.word in v.titles
                or set(given.word) & NOT_IN_NAMES
            ):
                continue
            if self.det.is_name(text[p : given.end]) or len(surname) == 2:
                out.append(self._person(p, given.end, "身份后的人名"))
        return out
