"""Exact political wordings (``templates/rules/formulas.yaml``) and pure functions over them.

- :func:`find_misquotes` — a formula spelled out with a wrong, missing or reordered member,
  a changed word, an outdated version, or a misspelt name.
- :func:`find_dated` — campaigns, meetings, plans and titles presented as current in a draft
  of a later year; mentions clearly presented as history are left alone.
- :func:`formula_wordings_in` — every formula a text spells out, right or wrong.

One Aho-Corasick pass over the text finds every trigger word; a text without any returns at
once, and formulas are judged only in windows around their hits. Results are cached per
(text, year).
"""

from __future__ import annotations

from .data import DatedMention, Formula, FormulaFile, Misquote, Wording, compiled, hits, load_file
from .dated import _dated, current_for, find_dated
from .misquotes import _scan, find_misquotes, formula_wordings_in

__all__ = [
    "DatedMention",
    "Formula",
    "FormulaFile",
    "Misquote",
    "Wording",
    "clear_cache",
    "clear_results",
    "current_for",
    "find_dated",
    "find_misquotes",
    "formula_wordings_in",
    "load_file",
]


def clear_results() -> None:
    """Forget the per-text results (the data file stays compiled)."""
    _scan.cache_clear()
    _dated.cache_clear()
    hits.cache_clear()


def clear_cache() -> None:
    """Forget cached results and the compiled data file (after editing formulas.yaml)."""
    clear_results()
    compiled.cache_clear()
