"""Errors a user can read: every message is Simplified Chinese and says what to do."""

from __future__ import annotations


class PartybookError(Exception):
    """Base class. ``str(err)`` is the Chinese message shown to the user."""

    exit_code = 2

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class GenreError(PartybookError):
    """A genre file is missing or malformed."""


class DraftFileError(PartybookError):
    """A draft file cannot be read or written; the file on disk is left untouched."""


class InputError(PartybookError):
    """An input document (txt/md/docx) cannot be read."""


class ExportError(PartybookError):
    """An export could not be produced."""


class SaveConflictError(DraftFileError):
    """The draft changed on disk since we loaded it (another tab or tool saved it)."""

    def __init__(self, message: str, conflict_path: str) -> None:
        super().__init__(message)
        self.conflict_path = conflict_path
