"""A minimal read-only view used before the full workbook UI: show the newest draft."""

from __future__ import annotations

from pathlib import Path

from .assemble import assemble
from .paths import drafts_dir


def newest_draft(folder: Path | None = None) -> Path | None:
    folder = folder or drafts_dir()
    files = sorted(folder.glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
    return files[0] if files else None


def show_latest_draft(folder: Path | None = None) -> str:
    """Print the assembled text of the newest draft (or say there is none) and return it."""
    from .storage import load

    path = newest_draft(folder)
    if path is None:
        text = "还没有草稿。可在终端运行：partybook new -o notebooks/drafts/我的草稿.json"
    else:
        text = assemble(load(path))
    print(text)
    return text
