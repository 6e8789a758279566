"""Running the partybook command as a separate process, the way a user's shell does."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def run_partybook(
    *args: str, cwd: Path | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "partybook", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=timeout,
    )
