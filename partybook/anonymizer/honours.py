"""Names made public by their context: right after a national honour ("人民英雄"张定宇,
"七一勋章"获得者王书茂, 全国道德模范郭明义), right before 院士/烈士 (吴孟超院士), the
names listed with such a name (狼牙山五壮士马宝玉、葛振林、宋学义), and a list closed by
等 and a public category (华罗庚、茅以升等老一辈科学家). The word lists live in
``templates/anonymize/rules.yaml`` (``public_markers``); a figure missing from the lists of
public names is still kept when the text says who they are."""

from __future__ import annotations

import re

from .detect import Candidate
from .vocab import Vocabulary

PERSON_DETECTORS = {"title", "nlp", "list", "name"}
QUOTES = "\"'“”‘’「」『』"


class Honours:
    def __init__(self, vocab: Vocabulary) -> None:
        before = "|".join(map(re.escape, vocab.markers_before))
        q = re.escape(QUOTES)
        self.before_re = (
            re.compile(f"(?:{before})[{q}]?(?:称号)?(?:获得者)?[{q}]?") if before else None
        )
        self.after = tuple(vocab.markers_after)
        self.after_list = tuple(f"等{m}" for m in vocab.markers_after_list)

    def spans(self, text: str, cands: list[Candidate]) -> list[tuple[int, int]]:
        """Spans of person candidates that the context marks as public figures."""
        people = [c for c in cands if c.detector in PERSON_DETECTORS]
        if not people or (self.before_re is None and not self.after):
            return []
        by_start: dict[int, list[Candidate]] = {}
        for c in people:
            by_start.setdefault(c.start, []).append(c)
        out: list[tuple[int, int]] = []
        starts: list[int] = []
        if self.before_re is not None:
            starts = [m.end() for m in self.before_re.finditer(text)]
        for c in people:
            if self.after and text.startswith(self.after, c.end):
                starts.append(c.start)
        by_end = {c.end: c for c in people}
        for c in people:
            if self.after_list and text.startswith(self.after_list, c.end):
                # 华罗庚、茅以升等老一辈科学家: back to the first name of the list
                first = c
                while text[first.start - 1 : first.start] == "、" and first.start - 1 in by_end:
                    first = by_end[first.start - 1]
                starts.append(first.start)
        for pos in starts:
            # the name there, then every name joined to it by 、 (a list of heroes)
            while pos in by_start:
                end = max(c.end for c in by_start[pos])
                out.append((pos, end))
                if text[end : end + 1] != "、":
                    break
                pos = end + 1
        return out
