"""Export figures: in-process .docx, the CLI as a whole process against pandoc, 200 drafts.

Targets (docs/CONTRACTS.md): .docx of one typical draft ≤ 15 ms median in-process; the CLI process
≤ 2× pandoc converting the same Markdown; 200 drafts ≤ 3 s. Also python-docx doing the same
job naively, for comparison.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import median_ms

from partybook.assembly import assemble_markdown, blocks
from partybook.draft import Draft, Item
from partybook.exporters import get_exporter
from partybook.exporters.html import render_html_fragment
from partybook.genre import load_genre


def typical_draft() -> Draft:
    genre = load_genre("dangxing-fenxi")
    return genre.example_draft()


def class_of(n: int) -> list[Draft]:
    """``n`` distinct drafts: the example with each student's own name and a varied body."""
    base = typical_draft()
    out = []
    for i in range(n):
        d = base.model_copy(deep=True)
        d.meta.author = f"学员{i:03d}"
        d.sections["opening"] = [f"第{i}位学员的开头。" + p for p in base.paragraphs("opening")]
        d.sections["problems"] = [
            Item(heading=it.heading, body=it.body + f"（补充{i}）") for it in base.items("problems")
        ]
        out.append(d)
    return out


def naive_python_docx(draft: Draft) -> bytes:
    """What a straightforward python-docx exporter does (fonts on every run), for scale."""
    import io

    import docx
    from docx.oxml.ns import qn
    from docx.shared import Pt

    doc = docx.Document()
    for b in blocks(draft):
        p = doc.add_paragraph()
        run = p.add_run(b.plain)
        run.font.size = Pt(16)
        run.font.name = "Times New Roman"
        run._element.rPr.rFonts.set(qn("w:eastAsia"), "仿宋_GB2312")
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _process_ms(cmd: list[str], runs: int = 7) -> float:
    samples = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        samples.append(time.perf_counter() - t0)
    return statistics.median(samples) * 1000


def run() -> list[dict]:
    draft = typical_draft()
    genre = load_genre(draft.genre)
    exporter = get_exporter("docx")
    figures: list[dict] = [
        {
            "name": "docx export, typical draft (in-process)",
            "value": median_ms(lambda: exporter.export(draft, genre)),
            "unit": "ms",
            "target": 15,
            "note": f"{len(blocks(draft, genre))} paragraphs",
        },
        {
            "name": "naive python-docx, same draft (for comparison)",
            "value": median_ms(lambda: naive_python_docx(draft), repeat=30),
            "unit": "ms",
        },
        {
            "name": "html preview fragment, typical draft",
            "value": median_ms(lambda: render_html_fragment(draft, genre)),
            "unit": "ms",
        },
    ]

    drafts = class_of(200)
    t0 = time.perf_counter()
    for d in drafts:
        get_exporter("docx").export(d)
    figures.append(
        {
            "name": "docx export of 200 drafts",
            "value": time.perf_counter() - t0,
            "unit": "s",
            "target": 3,
        }
    )

    with tempfile.TemporaryDirectory(prefix="pb-bench-") as tmp:
        work = Path(tmp)
        src = work / "draft.json"
        src.write_text(draft.model_dump_json(by_alias=True), encoding="utf-8")
        md = work / "draft.md"
        md.write_text(assemble_markdown(draft, genre), encoding="utf-8")
        cli = [
            sys.executable,
            "-m",
            "partybook",
            "export",
            str(src),
            "--to",
            "docx",
            "-o",
            str(work / "cli.docx"),
            "--force",
        ]
        cli_ms = _process_ms(cli)
        figures.append(
            {"name": "CLI export --to docx (whole process)", "value": cli_ms, "unit": "ms"}
        )
        pandoc = shutil.which("pandoc")
        if pandoc is None:
            print("pandoc not installed: CLI/pandoc ratio not measured")
            figures.append(
                {
                    "name": "CLI / pandoc ratio",
                    "value": float("nan"),
                    "unit": "×",
                    "note": "pandoc not installed",
                }
            )
        else:
            pandoc_ms = _process_ms([pandoc, str(md), "-o", str(work / "pandoc.docx")])
            figures.append(
                {"name": "pandoc draft.md -o draft.docx", "value": pandoc_ms, "unit": "ms"}
            )
            figures.append(
                {
                    "name": "CLI / pandoc ratio",
                    "value": cli_ms / pandoc_ms,
                    "unit": "×",
                    "target": 2,
                }
            )
    return figures


if __name__ == "__main__":
    for fig in run():
        print(fig)
