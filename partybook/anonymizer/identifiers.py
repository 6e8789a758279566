"""Numbers and addresses that identify a person: phone numbers, licence plates, 工号/警号/
学号/户号/信用代码 and other ID-like strings, numeric dates (2024-03-05), and streets and
roads with their house numbers (银杏路17号, 霁川大道)."""

from __future__ import annotations

import re

from .detect import CJK, NAME_TAGS, Candidate, Detector, ph
from .nlp import Token

PHONE_RE = re.compile(
    r"(?<![\dA-Za-z])(?:1[3-9]\d(?:[ -]?\d{4}){2}|0\d{2,3}-\d{7,8})(?![\dA-Za-z])"
)
PLATE_RE = re.compile(
    "[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼]"
    r"[A-HJ-NP-Z][·•.\s]?(?:[A-HJ-NP-Z0-9]{5,6}(?![A-Za-z0-9])|[A-HJ-NP-Z0-9]{4}(?:应急|警|学|挂))"
)
NUMERIC_DATE_RE = re.compile(
    r"(?<![\d.])((?:19|20)\d{2})([./-])(1[0-2]|0?[1-9])(?:\2([12]\d|3[01]|0?[1-9]))?(?![\d.-])"
)
TOKEN_RE = re.compile(r"(?<![A-Za-z0-9-])[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?")
STANDARD_PREFIX_RE = re.compile(r"(?<![A-Za-z])(?:GB|GJB|ISO|IEC|JGJ|DB\d*)(?:/[TZ])?\s*$")
HOUSE_NUMBER_RE = re.compile(r"\d+(?:-\d+)?号(?:\d+(?:栋|幢|号楼|楼|单元|室))*")


class Identifiers:
    def __init__(self, det: Detector) -> None:
        self.det = det
        v = det.v
        self.cues = sorted(v.identifier_cues, key=len, reverse=True)
        suffixes = "|".join(map(re.escape, v.road_suffixes))
        self.road_re = re.compile(f"(?:{suffixes})") if suffixes else None

    def find(self, text: str, toks: list[Token]) -> list[Candidate]:
        if not text:
            return []
        out: list[Candidate] = []
        v = self.det.v
        taken: list[tuple[int, int]] = []
        for regex, key, reason in (
            (PHONE_RE, "phone", "电话号码"),
            (PLATE_RE, "plate", "车牌号"),
        ):
            for m in regex.finditer(text):
                out.append(Candidate(m.start(), m.end(), ph(v, key), reason, "number", 1))
                taken.append(m.span())
        for m in NUMERIC_DATE_RE.finditer(text):
            sep = m.group(2)
            after = f"{m.group(1)[:2]}XX{sep}X" + (f"{sep}X" if m.group(4) else "")
            out.append(Candidate(m.start(), m.end(), after, "日期", "date", 1))
            taken.append(m.span())
        for m in TOKEN_RE.finditer(text):
            b, e = m.span()
            if any(b < te and tb < e for tb, te in taken) or not self._is_identifier(text, b, e):
                continue
            out.append(Candidate(b, e, ph(v, "identifier"), "编号", "number", 1))
        out.extend(self.roads(text, toks))
        return out

    def _is_identifier(self, text: str, b: int, e: int) -> bool:
        word = text[b:e]
        if STANDARD_PREFIX_RE.search(text, max(0, b - 8), b):
            return False  # GB/T 9704-2012: a published standard's number
        digits = sum(c.isdigit() for c in word)
        letters = sum(c.isalpha() for c in word)
        after = text[e : e + 1]
        if after and after in self.det.v.measure_chars:
            return False  # 120000元, 2024年: a quantity or a date
        if letters and digits >= 3:
            return True  # WZ0317, QZJ-2024-0317, 91330000MA2H7X3K5B
        if letters:
            return False
        if digits >= 6:
            return True  # 081237, 2023110457
        before = text[max(0, b - 8) : b]
        return digits >= 4 and any(c in before for c in self.cues)  # 尾数0417

    def roads(self, text: str, toks: list[Token]) -> list[Candidate]:
        """霁川大道, 临江路, 青苗巷口, 银杏路17号: a name before a road suffix that starts a
        word (邮路, 思路 are words of their own), with the house number if one follows."""
        if self.road_re is None:
            return []
        v = self.det.v
        out = []
        starts = {t.start for t in toks}
        at = {i: k for k, t in enumerate(toks) for i in range(t.start, t.end)}
        for m in self.road_re.finditer(text):
            s, e = m.span()
            if s == 0:
                continue
            if s not in starts:
                inner = toks[at[s]] if s in at else None
                if inner is None or inner.end != e or inner.tag != "ns":
                    continue  # 邮路, 思路: a word of its own; but 芸/台路 (ns) is a road
            number = HOUSE_NUMBER_RE.match(text, e)
            start = self.det._prefix_start(toks, s, 6, at)
            cut = [i + 1 for i in range(start, s) if text[i] in v.function_chars]
            start = max([start, *cut])  # 车辆/在霁川: the name starts after 在
            if number and s - start < 2:
                start = s  # 重工大道88号: any two name characters before a numbered road
                while start > 0 and s - start < 4 and re.match(f"[{CJK}]", text[start - 1]):
                    if text[start - 1] in v.function_chars:
                        break
                    start -= 1
            name = text[start:s]
            if len(name) < 2 or (name + m.group(0)) in v.generic_roads:
                continue
            if any(name[i:] + m.group(0) in v.generic_roads for i in range(len(name))):
                continue
            first = toks[at[start]] if start in at else None
            if not number and (first is None or first.tag not in NAME_TAGS):
                continue
            end = number.end() if number else e
            out.append(Candidate(start, end, ph(v, "address"), "地址", "address", 6))
        return out
