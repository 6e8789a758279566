"""The one import of the shared template-leftovers detector
(``partybook/template_leftovers.py``), so that a move of it changes one line."""

from __future__ import annotations

from ..template_leftovers import find_placeholders, is_junk_line, strip_leftovers

__all__ = ["find_placeholders", "is_junk_line", "strip_leftovers"]
