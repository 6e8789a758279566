"""Run every benchmark module ``benchmarks/bench_*.py`` and print its figures.

Each module defines ``run() -> list[Figure]`` where a Figure is a dict with ``name``,
``value``, ``unit`` and optionally ``target`` (same unit, lower is better) and ``note``.
Figures are printed as a table; the run fails (exit 1) only when a module crashes —
targets are reported, not asserted, so a slow machine never turns the suite red.
"""

from __future__ import annotations

import importlib.util
import sys
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))  # benchmark modules share benchmarks/common.py


def _load(path: Path):
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main(argv: list[str]) -> int:
    wanted = set(argv)
    failed = 0
    rows: list[tuple[str, str, str, str]] = []
    for path in sorted(HERE.glob("bench_*.py")):
        if wanted and path.stem.removeprefix("bench_") not in wanted:
            continue
        print(f"benchmarks: {path.stem} …", flush=True)
        try:
            for fig in _load(path).run():
                target = fig.get("target")
                verdict = ""
                if target is not None:
                    verdict = "ok" if fig["value"] <= target else "OVER TARGET"
                    verdict = f"≤ {target:g} {fig['unit']}  {verdict}"
                rows.append(
                    (fig["name"], f"{fig['value']:.3g} {fig['unit']}", verdict, fig.get("note", ""))
                )
        except Exception:
            failed += 1
            traceback.print_exc()
    width = max((len(r[0]) for r in rows), default=10)
    print("\n" + "benchmark".ljust(width), "value".rjust(14), "  target")
    for name, value, verdict, note in rows:
        print(name.ljust(width), value.rjust(14), " ", verdict, f"({note})" if note else "")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
