"""The rule catalogue: ``check(draft) -> list[Finding]`` and ``fix(draft)``.

Families, one module each: :mod:`.structure` (PB1xx), :mod:`.leftovers` (PB2xx),
:mod:`.typography` (PB3xx), :mod:`.consistency` (PB4xx), :mod:`.style` (PB5xx); instructor
phrase rules (PHRxxx) in :mod:`.phrases`. Rule texts live in
``templates/rules/catalogue.yaml``; word lists beside it. ``python -m partybook.checks.docs``
prints the catalogue as Markdown (docs/RULES.md). Locations are explained in :mod:`.model`.
"""

from __future__ import annotations

from .engine import check, clear_cache
from .fixes import fix
from .model import Change, Finding, item_text
from .phrases import PhraseRule, load_phrase_rules
from .registry import Rule
from .table import rules

__all__ = [
    "Change",
    "Finding",
    "PhraseRule",
    "Rule",
    "check",
    "clear_cache",
    "fix",
    "item_text",
    "load_phrase_rules",
    "rules",
]
