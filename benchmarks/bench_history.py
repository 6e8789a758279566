"""Version history: what a snapshot adds to each save (10,000-character draft, every save a
changed draft, as the workbook's autosave does), and the size of a snapshot on disk."""

from __future__ import annotations

import tempfile
from pathlib import Path

from common import large_draft, median_ms

from partybook import history, storage
from partybook.draft import Item


def _saver(folder: Path, snapshot: bool):
    draft = large_draft(10_000)
    path = folder / ("with.json" if snapshot else "without.json")
    problems = draft.sections["problems"]
    counter = iter(range(10**9))

    def save() -> None:
        k = next(counter)
        problems[0] = Item(heading=problems[0].heading, body=problems[0].body[:-8] + f"{k:08d}")
        storage.save(draft, path, snapshot=snapshot)

    return save, path


def run() -> list[dict]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        plain, _ = _saver(folder, snapshot=False)
        snap, path = _saver(folder, snapshot=True)
        without = median_ms(plain, repeat=150)
        with_ = median_ms(snap, repeat=150)  # 150 saves within the hour: all kept
        snaps = history.snapshots(path)
        size = sum(s.size for s in snaps) / len(snaps)
        listing = median_ms(lambda: history.versions(path), repeat=5, warmup=1)
    return [
        {"name": "save, 10,000 characters, without snapshot", "value": without, "unit": "ms"},
        {"name": "save, 10,000 characters, with snapshot", "value": with_, "unit": "ms"},
        {
            "name": "snapshot overhead per save",
            "value": with_ - without,
            "unit": "ms",
            "note": f"{len(snaps)} snapshots in the folder",
        },
        {"name": "snapshot size on disk (gzip)", "value": size / 1024, "unit": "KB"},
        {
            "name": "history listing with summaries",
            "value": listing,
            "unit": "ms",
            "note": f"{len(snaps)} versions",
        },
    ]


if __name__ == "__main__":
    for fig in run():
        print(fig["name"], round(fig["value"], 2), fig["unit"], fig.get("note", ""))
