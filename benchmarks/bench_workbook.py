"""Workbook figures (targets in docs/CONTRACTS.md): Run All → interactive widgets, a keystroke's check and
preview refresh on a 10,000-character draft, and the kernel's memory with the workbook open.

The first and last figures use a real ipykernel driven by jupyter_client: the notebook's
code cells are executed exactly as "Run All" sends them, timed from the kernel being ready
to the cell's reply (the Workbook is built and displayed when the cell returns).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "党性分析工作簿.ipynb"


def _example_draft(chars: int):
    from partybook.genre import load_genre

    genre = load_genre("dangxing-fenxi")
    draft = genre.example_draft()
    basic = list(draft.paragraphs("basic"))
    while (
        len(draft.text_of("basic"))
        + sum(len(draft.text_of(s.id)) for s in genre.content_sections() if s.id != "basic")
        < chars
    ):
        basic.append(basic[len(basic) % min(4, len(basic))])
        draft.sections["basic"] = list(basic)
    return draft


def keystroke_ms(chars: int = 10_000, runs: int = 30) -> float:
    """Median ms for one keystroke: editor value → model → checks → preview → widgets."""
    from partybook.storage import save
    from partybook.ui import Workbook
    from partybook.ui.scheduler import ManualScheduler

    with tempfile.TemporaryDirectory() as tmp:
        draft = _example_draft(chars)
        save(draft, Path(tmp) / "bench.json")
        clock = ManualScheduler()
        wb = Workbook(drafts=tmp, scheduler=clock)
        wb.start._resume()
        editor = wb.editor("pb-editor-basic")
        base = editor.value
        times = []
        for i in range(runs):
            t = time.perf_counter()
            editor.value = base + "字" * (i + 1)
            clock.advance(0.35)  # the debounced check + preview fires
            times.append((time.perf_counter() - t) * 1000)
        total = len(wb.session.draft.text_of("basic"))
        assert total > chars // 2
        return statistics.median(times)


def kernel_figures() -> tuple[float, float, float]:
    """(seconds from kernel ready to widgets, RSS MB with a draft open, RSS MB after .docx)."""
    import jupyter_client
    import nbformat
    import psutil

    code = "\n".join(
        c.source for c in nbformat.read(NOTEBOOK, as_version=4).cells if c.cell_type == "code"
    )
    with tempfile.TemporaryDirectory() as tmp:
        from partybook.storage import save

        save(_example_draft(10_000), Path(tmp) / "bench.json")
        km = jupyter_client.KernelManager(kernel_name="python3")
        km.start_kernel(env={**os.environ, "PARTYBOOK_DRAFTS": tmp})
        kc = km.client()
        kc.start_channels()
        try:
            kc.wait_for_ready(timeout=60)
            t = time.perf_counter()
            reply = kc.execute_interactive(code, timeout=60, output_hook=lambda m: None)
            elapsed = time.perf_counter() - t
            assert reply["content"]["status"] == "ok"
            opened = kc.execute_interactive(
                "_.start._resume(); _.session.refresh()", timeout=60, output_hook=lambda m: None
            )
            assert opened["content"]["status"] == "ok"
            proc = psutil.Process(km.provisioner.pid)
            rss_open = proc.memory_info().rss / 2**20
            kc.execute_interactive(
                "_.exports.export('docx')", timeout=60, output_hook=lambda m: None
            )
            rss_docx = proc.memory_info().rss / 2**20
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)
    return elapsed, rss_open, rss_docx


def run() -> list[dict]:
    sys.path.insert(0, str(ROOT))
    seconds, rss_open, rss_docx = kernel_figures()
    return [
        {
            "name": "workbook: Run All → interactive widgets",
            "value": seconds,
            "unit": "s",
            "target": 1.5,
            "note": "kernel ready → cell reply, real ipykernel",
        },
        {
            "name": "workbook: keystroke check + preview",
            "value": keystroke_ms(),
            "unit": "ms",
            "target": 50,
            "note": "10,000-character draft, median of 30, in-process widgets",
        },
        {
            "name": "workbook: kernel RSS, draft open",
            "value": rss_open,
            "unit": "MB",
            "target": 90,
            "note": "10,000-character draft, checks and preview done",
        },
        {
            "name": "workbook: kernel RSS after a .docx export",
            "value": rss_docx,
            "unit": "MB",
            "target": 90,
            "note": "exporter modules loaded",
        },
    ]


if __name__ == "__main__":
    for fig in run():
        print(fig)
