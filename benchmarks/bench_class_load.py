"""``./test --bench``: the class load benchmark, small (5 students typing for 1 minute).

The full run is a separate command: ``benchmarks/class_load.py --students 40 --minutes 5``
(figures in deploy/README.md). Needs root, as it creates Unix users; skipped otherwise.
"""

from __future__ import annotations

import os


def run() -> list[dict]:
    if os.geteuid() != 0:
        print("bench_class_load: skipped (needs root to create the users pbload-NN)")
        return []
    from class_load import run as load_run

    r = load_run(students=5, minutes=1)
    note = f"{r['students_typing']} students, {r['keystrokes']} keystrokes, stop: {r['stopped_by']}"
    return [
        {"name": "class load: keystroke → findings p50", "value": r["findings_p50_ms"],
         "unit": "ms", "note": note},
        {"name": "class load: keystroke → findings p95", "value": r["findings_p95_ms"],
         "unit": "ms", "target": 300, "note": "checks run at once after a pause, then every 300 ms"},
        {"name": "class load: autosave delay p95", "value": r["autosave_p95_ms"], "unit": "ms"},
        {"name": "class load: lost or conflicting saves",
         "value": r["lost_saves"] + r["conflict_copies"], "unit": "", "target": 0},
        {"name": "class load: PSS per student (server + kernel)",
         "value": r["pss_per_student_mib"], "unit": "MiB", "target": 150},
        {"name": "class load: PSS hub + proxy",
         "value": r["pss_mib"]["hub"] + r["pss_mib"]["proxy"], "unit": "MiB"},
        {"name": "class load: server start (spawn → ready), median",
         "value": r["spawn_s_median"] or 0, "unit": "s"},
    ]  # fmt: skip
