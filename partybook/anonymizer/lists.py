"""Names in lists: joined by 、 and closed by 等/两位/同志… (张三、李四等), or with the last
member joined by 和/与/及 (马丽娟、郭晓峰和付强)."""

from __future__ import annotations

import re

from .detect import CJK, NAME_TAGS, NOT_IN_NAMES, PERSON_TAGS, STOP_TAGS, Candidate, Detector, ph
from .nlp import Token

LIST_JOINERS = "和与及"


class Lists:
    def __init__(self, det: Detector) -> None:
        self.det = det
        enders = "|".join(map(re.escape, det.v.list_enders))
        self.list_re = re.compile(f"[{CJK}]{{2,3}}(?:、[{CJK}]{{2,3}})+")
        self.closed_list_re = re.compile(
            f"[{CJK}]{{2,3}}(?:、[{CJK}]{{2,3}}?)+(?=(?:{enders}))" if enders else "(?!)"
        )

    def find(self, text: str, toks: list[Token]) -> list[Candidate]:
        """Names in a list joined by 、 and closed by 等/两位/同志… (张三、李四等): each
        item of two or three characters that starts with a surname is a name. The first
        item starts and the last one ends where the tagger's words do (感谢|许华、…,
        …、赖霞|多次), so that no neighbouring character is taken for a name's."""
        out: list[Candidate] = []
        runs = list(self.closed_list_re.finditer(text))
        covered = [(r.start(), r.end()) for r in runs]
        runs += [
            r
            for r in self.list_re.finditer(text)
            if not any(r.start() < e and b < r.end() for b, e in covered)
        ]
        if not runs:
            return out
        person_words = {t.word for t in toks if t.tag in PERSON_TAGS}
        words = {t.word for t in toks if t.tag in NAME_TAGS}
        bounds = {t.start for t in toks} | {t.end for t in toks}
        # a word the tagger is sure of (多次/m, 都/d) starts after a name, not inside it
        word_after = {t.start for t in toks if t.tag in STOP_TAGS}
        # …、韩杰/nr 主动: the tagger's two-character name ends the item
        word_after |= {t.end for t in toks if t.tag in PERSON_TAGS and len(t.word) == 2}
        for run in runs:
            items = run.group(0).split("、")
            pos = run.start()
            spans = []
            for k, item in enumerate(items):
                start = pos
                if k == 0:  # the first item: a surname starts it (的符建华 → 符建华)
                    names = [item[-n:] for n in (3, 2) if self.det.is_name(item[-n:])]
                    end = pos + len(item)
                    fallback = names[-1] if names else ""  # the shorter: never a neighbour
                    item = next((w for w in names if end - len(w) in bounds), fallback)
                    start = end - len(item)
                elif (
                    k == len(items) - 1
                    and len(item) == 3
                    and pos + 3 not in bounds
                    and pos + 2 in word_after
                    and self.det.is_name(item[:2])
                ):
                    item = item[:2]  # …、赖霞|多次
                if item and self.det.is_name(item) and len(item) <= 3:
                    spans.append((start, start + len(item)))
                pos += len(items[k]) + 1
            closed = any(text.startswith(e, run.end()) for e in self.det.v.list_enders)
            if closed and person_words & set(items):
                # 买买提、古丽等, 乌日娜、苏和等: one item is a tagged name, so are the others
                spans = []
                pos = run.start()
                for k, item in enumerate(items):
                    plausible = (
                        item not in self.det.v.generic_words
                        and item not in self.det.v.titles
                        and not set(item) & NOT_IN_NAMES
                    )
                    # the first item must be one word of its own (我和|买买提、古丽等)
                    first_ok = k > 0 or item in words or self.det.is_name(item)
                    if plausible and first_ok:
                        spans.append((pos, pos + len(item)))
                    pos += len(item) + 1
            if (closed and len(spans) >= 2) or (spans and len(items) == len(spans)):
                spans = self._joined_last(text, spans, bounds)
                for b, e in spans:
                    out.append(Candidate(b, e, ph(self.det.v, "person"), "并列的人名", "list", 3))
        return out

    def _joined_last(
        self, text: str, spans: list[tuple[int, int]], bounds: set[int]
    ) -> list[tuple[int, int]]:
        """马丽娟、郭晓峰和付强: the last member of a list joined by 和/与/及 is a name too
        (the tagger may read it as a verb: 付强/v); it ends where a word ends."""
        b, e = spans[-1]
        if e - b == 3 and text[e - 1] in LIST_JOINERS and self.det.is_name(text[b : e - 1]):
            spans = [*spans[:-1], (b, e - 1)]  # 郭峰和|付强: the item ran into 和
            e -= 1
        if text[e : e + 1] not in LIST_JOINERS:
            return spans
        start = e + 1
        for n in (3, 2):
            end = start + n
            word = text[start:end]
            boundary = end in bounds or not re.match(f"[{CJK}]", text[end : end + 1])
            if re.fullmatch(f"[{CJK}]{{{n}}}", word) and boundary and self.det.is_name(word):
                return [*spans, (start, end)]
        return spans
