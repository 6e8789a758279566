"""Import quality on the labelled corpus (tests/fixtures/import/corpus/, 46 documents the
importer was tuned on): per-field accuracy (target ≥ 95 % each) and characters lost (target
0); the same figures, printed apart, on the held-out set (tests/fixtures/import/heldout/,
written after tuning and never tuned on: the honest measure of real pages); and a Word .doc
through LibreOffice, cold (a fresh profile) and warm."""

from __future__ import annotations

import time

from import_corpus import CORPUS, FIELDS, HELDOUT, evaluate


def run() -> list[dict]:
    figures = []
    for label, folder, shown in (("corpus", CORPUS, 15), ("held-out", HELDOUT, 30)):
        figures.extend(_quality_figures(label, folder, shown))
    figures.extend(_doc_figures())
    return figures


def _quality_figures(label: str, folder, shown: int) -> list[dict]:  # noqa: ANN001 - Path
    score = evaluate(folder)
    figures = []
    for fld in FIELDS:
        acc = score.accuracy(fld)
        if acc is None:
            continue
        figures.append(
            {
                "name": f"import {label}: {fld} accuracy",
                "value": acc * 100,
                "unit": "%",
                "note": f"{score.right[fld]}/{score.total[fld]}, target ≥ 95 %",
            }
        )
    figures.append(
        {
            "name": f"import {label}: characters lost",
            "value": score.lost,
            "unit": "chars",
            "target": 0,
            "note": f"of {score.chars} characters in {score.total['articles']} documents",
        }
    )
    for miss in score.misses[:shown]:
        print(f"  {label} miss:", miss)
    return figures


def _doc_figures() -> list[dict]:
    import shutil

    if shutil.which("soffice") is None:
        print("  (LibreOffice not installed: .doc import not measured)")
        return []
    from pathlib import Path

    from partybook.importer import import_bytes
    from partybook.importer.convert import office_to_docx

    data = (
        Path(__file__).resolve().parent.parent / "tests/fixtures/import/old_word.doc"
    ).read_bytes()
    out = []
    t0 = time.perf_counter()
    office_to_docx([(data, "旧稿.doc")], cold=True)
    cold = time.perf_counter() - t0
    import_bytes(data, "旧稿.doc")  # make sure the shared profile exists
    warm = []
    for _ in range(3):
        t0 = time.perf_counter()
        import_bytes(data, "旧稿.doc")
        warm.append(time.perf_counter() - t0)
    out.append(
        {
            "name": "import .doc via LibreOffice, cold",
            "value": cold,
            "unit": "s",
            "note": "fresh profile, conversion only",
        }
    )
    out.append(
        {
            "name": "import .doc via LibreOffice, warm",
            "value": min(warm),
            "unit": "s",
            "note": "shared profile, best of 3, import included",
        }
    )
    return out


if __name__ == "__main__":
    for fig in run():
        print(fig)
