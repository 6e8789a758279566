"""Classroom figures for a class of 200 drafts of about 3,000 characters; targets in docs/CONTRACTS.md.

- check all + similarity of all pairs, in-process (collection already read): ≤ 1 s
- batch export of the 200 to .docx (one zip, in memory): ≤ 3 s
- peak memory of a process doing collect + report + export: ≤ 300 MB (ru_maxrss)

The class is generated (tests/classroom/classgen.py): 196 distinct drafts, two near-copies,
one copy of the worked example, so the similarity figure includes verifying real pairs.
"""

from __future__ import annotations

import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

N = 200
SIZE = 3000


def write_class(folder: Path, n: int = N) -> None:
    from classroom.classgen import example_copy, make_draft, near_copy

    from partybook.genre import load_genre
    from partybook.storage import save

    genre = load_genre()
    rng = random.Random(2026)
    drafts = [make_draft(rng, genre, SIZE) for _ in range(n - 3)]
    drafts.append(near_copy(rng, drafts[0], "钟晓岚"))
    drafts.append(near_copy(rng, drafts[0], "韦立新"))
    drafts.append(example_copy(genre, "覃春华"))
    for i, d in enumerate(drafts):
        save(d, folder / f"s{i:03d}.json")


_CHILD = """
import json, resource, sys, time
from partybook.classroom.collect import collect
from partybook.classroom.report import class_report
from partybook.classroom.batch import export_class
t = time.perf_counter()
coll = collect(sys.argv[1])
report = class_report(coll)
result = export_class(coll.entries, None, pdf=False)
print(json.dumps({"maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                  "seconds": time.perf_counter() - t, "pairs": len(report.similar),
                  "files": len(result.files)}))
"""


def run() -> list[dict]:
    from partybook.classroom.batch import export_class
    from partybook.classroom.collect import collect
    from partybook.classroom.report import class_report
    from partybook.text import count_chars

    figures = []
    with tempfile.TemporaryDirectory(prefix="partybook-bench-class-") as tmp:
        folder = Path(tmp)
        write_class(folder)
        t0 = time.perf_counter()
        coll = collect(folder)
        t_collect = time.perf_counter() - t0
        sizes = [
            sum(count_chars(e.draft.text_of(s)) for s in e.draft.sections) for e in coll.drafts
        ]
        class_report(coll)  # warm-up: rule tables and genre caches, as in a running dashboard
        times, pairs = [], 0
        for _ in range(3):
            t0 = time.perf_counter()
            report = class_report(coll)
            times.append(time.perf_counter() - t0)
            pairs = len(report.similar)
        figures.append(
            {
                "name": f"class: check all + similarity, {N} drafts",
                "value": statistics.median(times),
                "unit": "s",
                "target": 1.0,
                "note": f"median of 3; {statistics.mean(sizes):.0f} chars/draft; "
                f"{pairs} flagged pairs; reading the files {t_collect:.2f} s",
            }
        )
        from partybook.classroom.similarity import compare_class

        t0 = time.perf_counter()
        compare_class([(e.file, e.student, e.draft) for e in coll.drafts])
        figures.append(
            {
                "name": f"class: similarity alone, {N} drafts",
                "value": time.perf_counter() - t0,
                "unit": "s",
                "note": "MinHash+LSH candidates, exact verification, shared passages",
            }
        )
        export_class(coll.entries[:2], None, pdf=False)  # warm-up: exporter imports
        times = []
        for _ in range(2):
            t0 = time.perf_counter()
            result = export_class(coll.entries, None, pdf=False)
            times.append(time.perf_counter() - t0)
        figures.append(
            {
                "name": f"class: batch export to .docx zip, {N} drafts",
                "value": min(times),
                "unit": "s",
                "target": 3.0,
                "note": f"best of 2; zip {len(result.data or b'') / 1e6:.1f} MB",
            }
        )
        proc = subprocess.run(
            [sys.executable, "-c", _CHILD, str(folder)], capture_output=True, text=True, check=True
        )
        child = json.loads(proc.stdout.strip().splitlines()[-1])
        figures.append(
            {
                "name": f"class: peak memory, collect + report + export of {N}",
                "value": child["maxrss_kb"] / 1024,
                "unit": "MB",
                "target": 300.0,
                "note": f"ru_maxrss of a fresh process; cold run took {child['seconds']:.1f} s",
            }
        )
    return figures


if __name__ == "__main__":
    for fig in run():
        print(fig)
