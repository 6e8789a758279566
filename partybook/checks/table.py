"""The rule table: every family's ``RULES`` joined in one place (as ruff's code table joins
its linters' rules). A rule exists when it is listed here, nowhere else; the catalogue
(``templates/rules/catalogue.yaml``) gives each code its texts."""

from __future__ import annotations

from . import consistency, leftovers, problems, structure, style, substance, typography
from .registry import DraftRule, Rule, UnitRule, catalogue

# code digit → family name, and the family's rules
FAMILIES: dict[str, str] = {
    "1": "structure",
    "2": "leftovers",
    "3": "typography",
    "4": "consistency",
    "5": "style",
    "6": "substance",
}
FAMILY_RULES: dict[str, tuple[UnitRule | DraftRule, ...]] = {
    "structure": structure.RULES,
    "leftovers": leftovers.RULES,
    "typography": typography.RULES,
    "consistency": consistency.RULES,
    "style": style.RULES + problems.RULES,
    "substance": substance.RULES,
}

UNIT_RULES: tuple[UnitRule, ...] = tuple(
    r for rs in FAMILY_RULES.values() for r in rs if isinstance(r, UnitRule)
)
DRAFT_RULES: tuple[DraftRule, ...] = tuple(
    r for rs in FAMILY_RULES.values() for r in rs if isinstance(r, DraftRule)
)
FIXABLE: frozenset[str] = frozenset(
    c for rs in FAMILY_RULES.values() for r in rs if r.fixable for c in r.codes
)

# codes raised outside the rule functions: PB208 reports what the importer removed that
# is no leftover kind (``partybook check`` on a .txt/.md/.docx, see cli/_report.py); PB650
# needs the author's earlier drafts (``check --earlier``, the workbook: carryover.findings)
EXTERNAL_CODES = frozenset({"PB208", "PB650"})


def implemented_codes() -> set[str]:
    codes = set(EXTERNAL_CODES)
    codes.update(c for rs in FAMILY_RULES.values() for r in rs for c in r.codes)
    return codes


def rules() -> dict[str, Rule]:
    """Every built-in rule by code, in code order."""
    out: dict[str, Rule] = {}
    for code, entry in sorted(catalogue().items()):
        out[code] = Rule(
            code=code,
            title=entry["title"],
            severity=entry["severity"],
            message=entry["message"],
            what=entry.get("what", ""),
            why=entry.get("why", ""),
            example=entry.get("example", ""),
            fixable=code in FIXABLE,
            family=FAMILIES.get(code[2:3], "phrases"),
        )
    return out
