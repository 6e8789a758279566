"""The one import of the shared template-leftovers detector (``partybook/leftovers.py``;
the checks area is renaming it to ``template_leftovers.py``: only this line follows)."""

from __future__ import annotations

from ..leftovers import find_placeholders, is_junk_line, strip_leftovers

__all__ = ["find_placeholders", "is_junk_line", "strip_leftovers"]
