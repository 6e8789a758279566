"""Where partybook finds its data files and the user's drafts."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent


def templates_dir() -> Path:
    """The folder of genre, rule and exercise files.

    ``PARTYBOOK_TEMPLATES`` wins so instructors can point at their own copy; otherwise the
    repository's ``templates/`` (the project is installed editable by ./start and ./test).
    """
    override = os.environ.get("PARTYBOOK_TEMPLATES")
    if override:
        return Path(override)
    return PROJECT_DIR / "templates"


def drafts_dir(default: Path | None = None) -> Path:
    """The folder the workbook autosaves to; ``PARTYBOOK_DRAFTS`` overrides it."""
    override = os.environ.get("PARTYBOOK_DRAFTS")
    if override:
        return Path(override)
    if default is not None:
        return default
    return PROJECT_DIR / "notebooks" / "drafts"
