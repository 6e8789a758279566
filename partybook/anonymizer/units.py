"""Detectors of units: a bureau named after its place (某县东风局) and named units
(汇川电子科技有限公司, 澄江师范学院, 城关派出所). The regexes are built with the
:class:`~partybook.anonymizer.detect.Detector` (the engine also reads ``unit_re``)."""

from __future__ import annotations

from .detect import Candidate, Detector, ph
from .nlp import Token


def bureaus(det: Detector, text: str, ends: set[int]) -> list[Candidate]:
    """XX局 right after a place is a unit's name (某县东风局 → 某县某局); a department's
    generic name (水利局, 农机局) is kept."""
    out = []
    for m in det.bureau_re.finditer(text):
        prefix = m.group(1)
        if m.start() not in ends or any(
            c in det.v.function_chars or c in "局副党某" for c in prefix
        ):
            continue
        if any(prefix[i:] in det.v.generic_bureaus for i in range(len(prefix) - 1)):
            continue
        if (prefix + "局") in det.v.generic_words or prefix[-1:] + "局" in det.v.generic_words:
            continue
        out.append(Candidate(m.start(), m.end(), ph(det.v, "bureau"), "单位名称（局）", "unit", 7))
    return out


def named_units(det: Detector, text: str, toks: list[Token]) -> list[Candidate]:
    """Named units: 汇川电子科技有限公司, 澄江师范学院, 礁石小学, 城关派出所."""
    if det.unit_re is None:
        return []
    out = []
    at = {i: k for k, t in enumerate(toks) for i in range(t.start, t.end)}
    bounds = {t.start for t in toks} | {t.end for t in toks}
    for m in det.unit_re.finditer(text):
        if m.start() not in bounds and m.end() not in bounds:
            continue  # 集中学习 holds no 中学 (but 师范学院, 小学校长 do)
        start = det._prefix_start(toks, m.start(), 8, at, unit=True)
        prefix = text[start : m.start()]
        if len(prefix) < 2 or prefix in det.v.generic_unit_prefixes:
            continue
        out.append(
            Candidate(
                start, m.end(), det.v.units[m.group(0)], f"单位名称（{m.group(0)}）", "unit", 7
            )
        )
    return out
