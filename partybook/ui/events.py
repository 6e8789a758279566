"""What the workbook's session tells its views (through ``session.events``, an
:class:`~partybook.ui.observable.Observable`). Each event says what changed, so a view does
exactly what that change needs: typing opens the section's panel, an undo does not."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

MessageLevel = Literal["info", "warning", "error", "success"]
SaveState = Literal["saved", "dirty", "saving", "error"]


@dataclass(frozen=True)
class SessionEvent:
    """Base of every session event (observe it to see them all)."""


@dataclass(frozen=True)
class Opened(SessionEvent):
    """A draft was opened, created or imported: rebuild from ``session.draft``."""


@dataclass(frozen=True)
class Closed(SessionEvent):
    """Back to the start screen."""


@dataclass(frozen=True)
class ContentChanged(SessionEvent):
    """The content of ``sections`` changed (observe this for all three kinds below)."""

    sections: tuple[str, ...]


@dataclass(frozen=True)
class Edited(ContentChanged):
    """The user wrote into one section (an editor, a sign-off field, the unplaced box)."""


@dataclass(frozen=True)
class Restructured(ContentChanged):
    """Items were added, removed or moved in these (linked) sections: rebuild their rows."""


@dataclass(frozen=True)
class Replaced(ContentChanged):
    """The whole content was replaced by an undo, by automatic fixes or by restoring an
    earlier version: refill every editor. Nobody typed, so no panel opens."""

    cause: Literal["undo", "fixes", "restore"]


@dataclass(frozen=True)
class FindingsReady(SessionEvent):
    """Fresh findings and preview (after the paced check)."""


@dataclass(frozen=True)
class SaveStatusChanged(SessionEvent):
    """The autosave status: saved, dirty (a save is due), saving, or error."""

    state: SaveState
    text: str


@dataclass(frozen=True)
class CommentsMerged(SessionEvent):
    """The instructor's comments arrived on disk and were merged into the draft."""


@dataclass(frozen=True)
class ExamplesLoaded(SessionEvent):
    """The genre's shared (published, anonymised) examples were loaded."""


@dataclass(frozen=True)
class EarlierChanged(SessionEvent):
    """The author's earlier drafts compared with this one changed (found in the drafts
    folder, added from a file, or removed); fresh carried-over passages follow with the
    next :class:`FindingsReady`."""


@dataclass(frozen=True)
class VersionRestored(SessionEvent):
    """A saved version (``snap_id``) became the draft; the history list is out of date."""

    snap_id: str


@dataclass(frozen=True)
class Message(SessionEvent):
    """Something to tell the user, in Chinese."""

    text: str
    level: MessageLevel = "info"
