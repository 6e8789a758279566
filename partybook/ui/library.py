"""The drafts folder as the start screen sees it: the drafts found (newest first, unreadable
ones listed with the reason) and the genres a new draft can have. Files are read through
:func:`partybook.storage.load`, the one reader of draft files."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..errors import PartybookError
from ..genre import available_genres, load_genre
from ..storage import load

TITLE_SHOWN = 60
AUTHOR_SHOWN = 30


@dataclass
class DraftInfo:
    """One draft file found in the drafts folder."""

    path: Path
    title: str
    genre: str
    author: str
    updated: str
    mtime: float
    error: str = ""  # why the file cannot be opened (Chinese); empty when it can

    @property
    def saved_label(self) -> str:
        return datetime.fromtimestamp(self.mtime).strftime("%Y-%m-%d %H:%M")


def list_drafts(folder: Path) -> list[DraftInfo]:
    """The draft files in ``folder``, newest first; unreadable ones are listed with why."""
    out: list[DraftInfo] = []
    if not folder.is_dir():
        return out
    for path in folder.glob("*.json"):
        try:
            mtime = path.stat().st_mtime
        except OSError:  # removed meanwhile
            continue
        try:
            draft = load(path)  # every failure, disk errors included, worded in Chinese
        except PartybookError as err:
            out.append(DraftInfo(path, "", "", "", "", mtime, error=err.message))
            continue
        title = " ".join(draft.text_of("title").split())
        out.append(
            DraftInfo(
                path,
                title[:TITLE_SHOWN],
                draft.genre,
                draft.meta.author[:AUTHOR_SHOWN],
                draft.updated,
                mtime,
            )
        )
    out.sort(key=lambda d: d.mtime, reverse=True)
    return out


@dataclass
class ExampleInfo:
    """A worked example as the start screen offers it."""

    id: str
    name: str
    description: str


@dataclass
class GenreInfo:
    """A genre as the start screen offers it: name, description, worked examples."""

    id: str
    name: str
    description: str
    examples: list[ExampleInfo]


def genre_infos() -> list[GenreInfo]:
    """Every genre that loads, in file order, with its worked examples."""
    out = []
    for gid in available_genres():
        try:
            g = load_genre(gid)
        except PartybookError:
            continue
        examples = [ExampleInfo(e.id, e.name, e.description) for e in g.examples]
        out.append(GenreInfo(g.id, g.name, g.description, examples))
    return out


def genre_choices() -> list[tuple[str, str]]:
    """(Chinese name, id) of every genre that loads, for a drop-down."""
    return [(g.name, g.id) for g in genre_infos()]
