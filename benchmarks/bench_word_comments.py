"""Word comments read back on import: accuracy of their place (section and item) on the
labelled documents of tests/importer/comment_places (own writing, each paragraph of each
document commented once), and how many were named as unplaced.

``python benchmarks/bench_word_comments.py`` prints the figures and the misplaced comments.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # measure this checkout's partybook and templates, not another
    sys.path.insert(0, str(ROOT))

from partybook.importer import import_bytes  # noqa: E402

LABELLED = ROOT / "tests" / "importer" / "comment_places"


def _docx(paragraphs: list[str], commented: list[int]) -> bytes:
    import docx

    document = docx.Document()
    written = [document.add_paragraph(text) for text in paragraphs]
    for n in commented:
        document.add_comment(written[n].runs, f"批注{n}", author="周老师")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def measure(verbose: bool = False) -> tuple[int, int, int]:
    """(comments, placed right, named as unplaced)."""
    total = right = unplaced = 0
    for path in sorted(LABELLED.glob("*.yaml")):
        for doc in yaml.safe_load(path.read_text(encoding="utf-8")):
            gold = {f"批注{n}": (s, i) for n, s, i in doc["comments"]}
            data = _docx(doc["paragraphs"], [n for n, _, _ in doc["comments"]])
            result = import_bytes(data, "批注.docx", genre_id=doc["genre"])
            got = {c.text: (c.section, c.item) for c in result.draft.comments}
            unplaced += sum(1 for n in result.notices if "找不到所批的正文" in n)
            for text, place in gold.items():
                total += 1
                if got.get(text) == place:
                    right += 1
                elif verbose:
                    n = int(text.removeprefix("批注"))
                    print(f"{doc['name']}: {doc['paragraphs'][n][:20]} → {got.get(text)}, "
                          f"expected {place}")  # fmt: skip
    return total, right, unplaced


def run() -> list[dict]:
    total, right, unplaced = measure()
    return [
        {"name": "word comments: placed right", "value": 100 * right / total, "unit": "%",
         "note": f"{right}/{total} comments, section and item"},
        {"name": "word comments: documents with an unplaced notice", "value": unplaced,
         "unit": "", "note": "every labelled comment has a place"},
    ]  # fmt: skip


if __name__ == "__main__":
    print(measure(verbose=True))
