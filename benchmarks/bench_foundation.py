"""Foundation figures: `import partybook` time, assembly of a 10,000-character draft."""

from __future__ import annotations

import statistics
import subprocess
import sys

from common import large_draft, median_ms

from partybook.assembly import assemble, assemble_markdown
from partybook.genre import load_genre


def _import_ms(code: str, runs: int = 7) -> float:
    samples = []
    for _ in range(runs):
        out = subprocess.run(
            [
                sys.executable,
                "-c",
                f"import time; t=time.perf_counter(); {code}; print(time.perf_counter()-t)",
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        samples.append(float(out.stdout) * 1000)
    return statistics.median(samples)


def run() -> list[dict]:
    draft = large_draft(10_000)
    genre = load_genre(draft.genre)
    chars = len(assemble(draft, genre))
    return [
        {
            "name": "import partybook",
            "value": _import_ms("import partybook"),
            "unit": "ms",
            "target": 150,
        },
        {
            "name": "import partybook + load a draft (pydantic, yaml)",
            "value": _import_ms("import partybook; partybook.load_genre('dangxing-fenxi')"),
            "unit": "ms",
        },
        {
            "name": f"assemble text, {chars} chars",
            "value": median_ms(lambda: assemble(draft, genre)),
            "unit": "ms",
        },
        {
            "name": f"assemble markdown, {chars} chars",
            "value": median_ms(lambda: assemble_markdown(draft, genre)),
            "unit": "ms",
        },
    ]
