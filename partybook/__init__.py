"""partybook: draft, check, import and export 党性分析 and similar self-examination reports.

The public API (kept stable, see docs/CONTRACTS.md)::

    import partybook
    draft = partybook.load("我的草稿.json")
    findings = partybook.check(draft)
    text = partybook.assemble(draft)
    partybook.export(draft, "我的党性分析.docx", "docx")
    partybook.save(draft, "我的草稿.json")
    draft = partybook.parse_text(open("旧稿.txt", encoding="utf-8").read())

Names are imported on first use so ``import partybook`` stays fast and the CLI loads
only what a command needs.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_LAZY: dict[str, str] = {
    "load": "partybook.storage",
    "save": "partybook.storage",
    "Draft": "partybook.draft",
    "Item": "partybook.draft",
    "Meta": "partybook.draft",
    "new_draft": "partybook.draft",
    "Genre": "partybook.genre",
    "load_genre": "partybook.genre",
    "assemble": "partybook.assembly",
    "assemble_markdown": "partybook.assembly",
    "export": "partybook.exporters",
    "check": "partybook.checks",
    "fix": "partybook.checks",
    "Finding": "partybook.checks",
    "parse_text": "partybook.importer",
    "import_file": "partybook.importer",
    "anonymize": "partybook.anonymizer",
    "PartybookError": "partybook.errors",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'partybook' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_LAZY])


__all__ = sorted(_LAZY)
