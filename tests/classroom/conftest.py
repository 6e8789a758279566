"""Fixtures for the classroom tests: a generated class of drafts in a temp folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from classroom.classgen import write_class


@pytest.fixture
def klass(tmp_path: Path) -> tuple[Path, dict[str, list[str]]]:
    """(folder, file names by role): 8 distinct drafts, 2 near-copies of the first, 1 copy of
    the worked example."""
    folder = tmp_path / "class"
    return folder, write_class(folder, n_distinct=8, seed=11)
