"""Fixtures for the rule catalogue tests: a clean draft to break one rule at a time."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from partybook.checks import Finding, check
from partybook.draft import Draft, Item
from partybook.storage import load

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "checks"
TODAY = date(2026, 11, 27)


@pytest.fixture
def clean() -> Draft:
    """A well-written 党性分析 of our own (fictional author), free of every defect."""
    return load(FIXTURES / "clean_draft.json")


@pytest.fixture
def run() -> Callable[..., list[Finding]]:
    def _run(draft: Draft, **kw: object) -> list[Finding]:
        kw.setdefault("today", TODAY)
        return check(draft, **kw)  # type: ignore[arg-type]

    return _run


@pytest.fixture
def only(run: Callable[..., list[Finding]]) -> Callable[..., list[Finding]]:
    """The findings of one code."""

    def _only(draft: Draft, code: str, **kw: object) -> list[Finding]:
        return [f for f in run(draft, **kw) if f.code == code]

    return _only


def items(draft: Draft, section: str) -> list[Item]:
    return draft.sections[section]  # type: ignore[return-value]
