"""Instructor phrase rules: a YAML file of phrases to flag, like Vale's ``existence`` rules.

The default set is ``templates/rules/phrases.yaml``; an instructor passes another file with
``partybook check IN --rules FILE`` or ``check(draft, extra_rules=load_phrase_rules(path))``.
File format (see the default file)::

    rules:
      - code: PHR001          # optional, default PHR001, PHR002 … in file order
        severity: hint        # error | warning | hint (default hint)
        message: “{text}”是套话……   # {text} is the phrase found
        phrases: [有待进一步提高, 还有一定差距]
        sections: [problems]  # optional: only these sections
        fix: ""               # optional replacement text (makes the rule fixable)
        unless: excuse_named  # optional: a sentence matching this shared exemption of
                              # templates/rules/substance.yaml is left alone
        yields_to: [PB604]    # optional: codes that report the same words more precisely
                              # (the phrase is then not reported a second time)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..datafile import read_yaml
from ..errors import InputError
from ..paths import templates_dir
from .data import substance
from .model import SEVERITIES, Finding, Unit
from .sentences import sentence_spans

# The exemptions of templates/rules/substance.yaml a phrase rule may share (``unless``):
# one home for "the writer names the excuse as an excuse" and its kin.
SHARED_EXEMPTIONS = ("excuse_named", "virtue_unmasked", "confession_denied", "quotation")


@dataclass(frozen=True, slots=True)
class PhraseRule:
    code: str
    severity: str
    message: str
    phrases: tuple[str, ...]
    sections: frozenset[str] | None = None
    fix: str | None = None
    pattern: re.Pattern[str] | None = None
    unless: str | None = None  # the name of a shared exemption (SHARED_EXEMPTIONS)
    yields_to: frozenset[str] = frozenset()  # codes that win on the same words

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Where the phrases occur in ``text``, outside sentences the exemption covers."""
        if self.pattern is None:
            return []
        found = [m.span() for m in self.pattern.finditer(text)]
        if not found or self.unless is None:
            return found
        exempt: re.Pattern[str] = getattr(substance(), self.unless)
        sentences = [(s, e) for s, e in sentence_spans(text) if exempt.search(text, s, e)]
        return [(a, b) for a, b in found if not any(s <= a < e for s, e in sentences)]

    def scan(self, unit: Unit) -> list[Finding]:
        if self.pattern is None or (
            self.sections is not None and unit.section not in self.sections
        ):
            return []
        out = []
        for start, end in self.spans(unit.text):
            out.append(
                Finding(
                    self.code,
                    self.severity,
                    self.message.replace("{text}", unit.text[start:end]),
                    unit.section,
                    unit.item,
                    unit.base + start,
                    unit.base + end,
                    unit.field,
                    unit.index,
                    start,
                    self.fix,
                )
            )
        return out


def parse_phrase_rules(data: Any, source: str) -> list[PhraseRule]:
    """Phrase rules from parsed YAML; a Chinese :class:`InputError` names what is wrong."""

    def bad(where: str, what: str) -> InputError:
        return InputError(
            f"规则文件 {source} 中{where}{what}。请对照 templates/rules/phrases.yaml 修改。"
        )

    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise bad("", "应有一个 rules: 列表")
    out: list[PhraseRule] = []
    for n, entry in enumerate(data["rules"], 1):
        where = f"第 {n} 条规则"
        if not isinstance(entry, dict):
            raise bad(where, "应为键值表")
        keys = {"code", "severity", "message", "phrases", "sections", "fix", "unless", "yields_to"}
        unknown = set(entry) - keys
        if unknown:
            raise bad(where, f"有不认识的键 {'、'.join(sorted(map(str, unknown)))}")
        code = str(entry.get("code") or f"PHR{n:03d}")
        if not re.fullmatch(r"[A-Z]{2,4}\d{3}", code):
            raise bad(where, f"的 code “{code}”格式不对（应如 PHR001）")
        sev = str(entry.get("severity", "hint"))
        if sev not in SEVERITIES:
            raise bad(where, f"的 severity “{sev}”无效（可用 error、warning、hint）")
        phrases = entry.get("phrases")
        if (
            not isinstance(phrases, list)
            or not phrases
            or not all(isinstance(p, str) and p.strip() for p in phrases)
        ):
            raise bad(where, "的 phrases 应为非空的文字列表")
        message = entry.get("message") or "“{text}”是本班要求避免的说法，请修改。"
        if not isinstance(message, str):
            raise bad(where, "的 message 应为文字")
        sections = entry.get("sections")
        if sections is not None and not (
            isinstance(sections, list) and all(isinstance(s, str) for s in sections)
        ):
            raise bad(where, "的 sections 应为章节 id 的列表")
        fix = entry.get("fix")
        if fix is not None and not isinstance(fix, str):
            raise bad(where, "的 fix 应为文字")
        unless = entry.get("unless")
        if unless is not None and unless not in SHARED_EXEMPTIONS:
            raise bad(where, f"的 unless 应为 {'、'.join(SHARED_EXEMPTIONS)} 之一")
        yields_to = entry.get("yields_to") or []
        if not (isinstance(yields_to, list) and all(isinstance(c, str) for c in yields_to)):
            raise bad(where, "的 yields_to 应为规则代码的列表（如 [PB604]）")
        ordered = sorted({p.strip() for p in phrases}, key=lambda p: (-len(p), p))
        out.append(
            PhraseRule(
                code,
                sev,
                message,
                tuple(ordered),
                frozenset(sections) if sections is not None else None,
                fix,
                re.compile("|".join(re.escape(p) for p in ordered)),
                unless,
                frozenset(yields_to),
            )
        )
    return out


def load_phrase_rules(path: str | Path) -> list[PhraseRule]:
    """Phrase rules from a YAML file (Chinese :class:`InputError` when it cannot be used)."""
    p = Path(path)
    data = read_yaml(p, "规则文件", InputError)
    return parse_phrase_rules(data, str(p))


@lru_cache(maxsize=1)
def default_phrase_rules() -> tuple[PhraseRule, ...]:
    path = templates_dir() / "rules" / "phrases.yaml"
    if not path.is_file():
        return ()
    return tuple(load_phrase_rules(path))
