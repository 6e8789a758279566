"""Version history: what a snapshot adds to each save (10,000-character draft, every save a
changed draft, as the workbook's autosave does) with a history already holding an hour of
saves every few seconds, the size of a snapshot on disk, and listing the newest versions."""

from __future__ import annotations

import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from common import large_draft, median_ms

from partybook import history, storage
from partybook.draft import Item

PREFILL = 1000  # snapshots already there: an hour of typing, autosaved every ~3.6 s


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
        snap()
        data = path.read_bytes()
        start = datetime.now(UTC) - timedelta(hours=1)
        for k in range(PREFILL):
            history.snapshot(path, data + b" " * (k + 1), now=start + timedelta(seconds=3.6 * k))
        without = median_ms(plain, repeat=150)
        with_ = median_ms(snap, repeat=150)
        counter = iter(range(10**9))
        alone = median_ms(lambda: history.snapshot(path, data + b"\n" * next(counter)), repeat=150)
        snaps = history.snapshots(path)
        size = sum(s.size for s in snaps) / len(snaps)
        listing = median_ms(lambda: history.versions(path, limit=30), repeat=5, warmup=1)
    return [
        {"name": "save, 10,000 characters, without snapshot", "value": without, "unit": "ms"},
        {"name": "save, 10,000 characters, with snapshot", "value": with_, "unit": "ms"},
        {
            "name": "snapshot per save (history.snapshot alone)",
            "value": alone,
            "unit": "ms",
            "note": f"{len(snaps)} snapshots in the folder; save with − without: "
            f"{with_ - without:.1f} ms (fsync noise)",
        },
        {"name": "snapshot size on disk (gzip)", "value": size / 1024, "unit": "KB"},
        {
            "name": "history listing: newest 30 versions with summaries",
            "value": listing,
            "unit": "ms",
            "note": f"of {len(snaps)} versions",
        },
    ]


if __name__ == "__main__":
    for fig in run():
        print(fig["name"], round(fig["value"], 2), fig["unit"], fig.get("note", ""))
