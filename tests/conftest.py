"""Shared fixtures. Tests never skip for a missing tool: ./test installs it, CI fails without it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from partybook.draft import Draft
from partybook.genre import Genre, load_genre

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def genre() -> Genre:
    return load_genre("dangxing-fenxi")


@pytest.fixture
def example_draft(genre: Genre) -> Draft:
    """The genre's worked example as a draft."""
    return genre.example_draft()


@pytest.fixture
def artifacts_dir() -> Path:
    path = Path(os.environ.get("PARTYBOOK_TEST_ARTIFACTS", ROOT / "test-artifacts"))
    path.mkdir(parents=True, exist_ok=True)
    return path


def require_tools(*names: str) -> None:
    """Fail (never skip) when a tool the test needs is missing: ./test installs it."""
    import shutil

    missing = [n for n in names if shutil.which(n) is None]
    assert not missing, f"missing tools {missing}: run ./test, which installs them"


@pytest.fixture
def soffice() -> None:
    require_tools("soffice")


@pytest.fixture
def pdftotext() -> None:
    require_tools("pdftotext", "soffice")
