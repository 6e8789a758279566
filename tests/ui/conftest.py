"""Fixtures of the workbook's in-process UI tests."""

from __future__ import annotations

import pytest

from partybook.ui.scheduler import ManualScheduler


@pytest.fixture
def clock() -> ManualScheduler:
    """The workbook's timers, advanced by hand (``clock.advance(seconds)``)."""
    return ManualScheduler()
