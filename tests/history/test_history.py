"""Version history: snapshots at every save, tiers, the size bound, listing, diff, restore."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support.cli import run_partybook

from partybook import history, storage
from partybook.classroom.collect import collect
from partybook.draft import Item, new_draft
from partybook.errors import SaveConflictError
from partybook.history_diff import compare, compare_with_current, summarize

DELETED = "二〇二五年六月，我在一次调研中只听了村干部汇报，没有入户看一看，后来群众反映的灌渠渗漏问题拖了两个月才解决。"


@pytest.fixture
def draft(genre):
    d = new_draft(genre, author="韩知秋")
    d.sections["basic"] = ["我1984年出生，2006年入党。", "现任青川市河西区某科科长。"]
    d.sections["problems"] = [
        Item(heading="调查研究不够深入。", body=DELETED),
        Item(heading="学习不够系统。", body="读书多是应付检查，记笔记多、想问题少。"),
    ]
    return d


def test_every_save_leaves_a_snapshot_beside_the_draft(tmp_path, draft):
    path = tmp_path / "韩知秋.json"
    storage.save(draft, path)
    draft.sections["basic"].append("第三段。")
    storage.save(draft, path)
    snaps = history.snapshots(path)
    assert len(snaps) == 2
    assert all(s.path.parent == tmp_path / ".history" / "韩知秋.json" for s in snaps)
    assert history.load_snapshot(snaps[-1]) == storage.load(path)


def test_a_save_without_changes_adds_no_snapshot(tmp_path, draft):
    path = tmp_path / "d.json"
    storage.save(draft, path, touch=False)
    storage.save(draft, path, touch=False)
    assert len(history.snapshots(path)) == 1


def test_restore_brings_back_a_paragraph_deleted_in_an_earlier_session(tmp_path, draft):
    path = tmp_path / "d.json"
    storage.save(draft, path)
    del draft.sections["problems"][0]
    storage.save(draft, path)
    assert DELETED not in path.read_text("utf-8")
    # a new process stands for a kernel restart: nothing in memory survives
    out = run_partybook("history", str(path), "--format", "json")
    versions = json.loads(out.stdout)["versions"]
    assert versions[0]["summary"].startswith("删除了“存在的问题和不足”第1条")
    older = versions[1]["id"]
    done = run_partybook("history", str(path), "--restore", older)
    assert done.returncode == 0, done.stderr
    assert storage.load(path).sections["problems"][0].body == DELETED
    # the restore is a save of its own: newest in the list, and undoable
    after = history.versions(path)
    assert len(after) == 3 and after[0].summary.startswith("新增了“存在的问题和不足”第1条")
    history.restore(path, after[1].id)
    assert DELETED not in path.read_text("utf-8")


def test_restore_keeps_a_file_changed_outside_partybook_in_the_history(tmp_path, draft):
    path = tmp_path / "d.json"
    storage.save(draft, path)
    first = history.snapshots(path)[0].id
    data = json.loads(path.read_text("utf-8"))
    data["sections"]["basic"] = ["外部编辑器写的一段。"]
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    history.restore(path, first)
    texts = [history.load_snapshot(s).sections["basic"] for s in history.snapshots(path)]
    assert ["外部编辑器写的一段。"] in texts


def test_json_listing_is_newest_first_with_the_documented_keys(tmp_path, draft):
    path = tmp_path / "d.json"
    for k in range(3):
        draft.sections["basic"].append(f"新的一段，第{k}次。")
        storage.save(draft, path)
    out = run_partybook("history", str(path), "--format", "json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["file"] == str(path)
    saved = [v["saved"] for v in data["versions"]]
    assert saved == sorted(saved, reverse=True) and len(saved) == 3
    for v in data["versions"]:
        assert set(v) == {"id", "saved", "chars", "summary"}
        assert datetime.fromisoformat(v["saved"]).tzinfo is not None
    assert data["versions"][0]["chars"] > data["versions"][-1]["chars"]


def test_cli_text_listing_diff_and_bad_id(tmp_path, draft):
    path = tmp_path / "d.json"
    storage.save(draft, path)
    first = history.snapshots(path)[0].id
    draft.sections["basic"][0] = "我1984年出生，2006年在大学入党。"
    storage.save(draft, path)
    listing = run_partybook("history", str(path))
    assert listing.returncode == 0 and "修改了“基本情况”第1段（+3字）" in listing.stdout
    diff = run_partybook("history", str(path), "--diff", first)
    assert "【基本情况】" in diff.stdout and "在大学入党" in diff.stdout
    bad = run_partybook("history", str(path), "--restore", "20000101-000000-000")
    assert bad.returncode == 2 and "没有编号为" in bad.stderr
    assert run_partybook("history", str(tmp_path / "x.docx")).returncode == 2


def test_compare_aligns_paragraphs_for_a_side_by_side_view(draft):
    new = draft.model_copy(deep=True)
    new.sections["basic"] = ["我1984年出生，2006年入党。", "插入的一段。", "现任某科科长。"]
    diff = {d.section: d for d in compare(draft, new)}
    kinds = [r.kind for r in diff["basic"].rows]
    assert kinds == ["same", "changed", "added"] or kinds == ["same", "added", "changed"]
    assert not diff["problems"].changed
    assert "修改了“基本情况”" in summarize(draft, new)


def test_compare_with_current(tmp_path, draft):
    path = tmp_path / "d.json"
    storage.save(draft, path)
    first = history.snapshots(path)[0].id
    del draft.sections["problems"][1]
    storage.save(draft, path)
    diff = {d.section: d for d in compare_with_current(path, first)}
    removed = [r for r in diff["problems"].rows if r.kind == "removed"]
    assert len(removed) == 1 and removed[0].old.startswith("学习不够系统。")


def _snap(when: datetime, sid: str = "", size: int = 1) -> history.Snapshot:
    return history.Snapshot(sid or history._id_for(when), "/nonexistent", when, size)


def test_tiers_keep_every_recent_save_then_hourly_then_daily():
    now = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)
    recent = [_snap(now - timedelta(minutes=m)) for m in range(0, 60, 5)]
    hours = [_snap(now - timedelta(hours=3, minutes=m)) for m in (1, 10, 20)]  # one hour bucket
    days = [_snap(now - timedelta(days=3, hours=h)) for h in (1, 2, 3)]  # same day
    kept = history.keep(recent + hours + days, now)
    assert {s.id for s in recent} <= kept
    assert len(kept & {s.id for s in hours}) == 1 and hours[0].id in kept  # newest of the hour
    assert len(kept & {s.id for s in days}) == 1


def test_thinning_deletes_files_on_disk(tmp_path, draft):
    path = tmp_path / "d.json"
    data = storage.dumps(draft).encode()
    start = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)
    for k in range(48):  # two days of hourly saves, each one changed
        history.snapshot(path, data + b" " * k, now=start + timedelta(minutes=30 * k))
    now = start + timedelta(minutes=30 * 47)
    snaps = history.snapshots(path)
    assert len(snaps) < 48
    ages = [now - s.saved for s in snaps]
    assert sum(1 for a in ages if a <= timedelta(hours=1)) == 3  # 0, 30 and 60 minutes old


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    saves=st.lists(
        st.tuples(st.integers(0, 4000), st.integers(0, 200_000)), min_size=1, max_size=40
    ),
    bound=st.integers(2_000, 30_000),
)
def test_snapshots_never_grow_past_their_bound(tmp_path_factory, saves, bound):
    import random

    path = tmp_path_factory.mktemp("h") / "d.json"
    when = datetime(2026, 1, 1, tzinfo=UTC)
    rng = random.Random(len(saves))
    for k, (size, seconds) in enumerate(saves):
        when += timedelta(seconds=seconds)
        # incompressible bytes, so the stored size follows the draft's size
        data = f"{k}".encode() + rng.randbytes(size)
        history.snapshot(path, data, now=when, max_bytes=bound)
        snaps = history.snapshots(path)
        assert snaps, "the newest save is always kept"
        assert snaps[-1].saved == history.parse_id(snaps[-1].id)
        assert sum(s.size for s in snaps) <= bound or len(snaps) == 1


def test_a_failing_snapshot_never_fails_the_save(tmp_path, draft, monkeypatch):
    path = tmp_path / "d.json"
    (tmp_path / ".history").write_text("a file where the folder should be")
    storage.save(draft, path)
    assert storage.load(path) == draft

    def boom(*a, **k):
        raise OSError("disk full")

    monkeypatch.setattr(history, "snapshot", boom)
    draft.sections["basic"].append("又一段。")
    storage.save(draft, path)
    assert storage.load(path) == draft


def test_conflict_copies_and_snapshot_false_leave_no_snapshot(tmp_path, draft):
    path = tmp_path / "d.json"
    storage.save(draft, path, snapshot=False)
    assert history.snapshots(path) == []
    storage.save(draft, path)
    before = history.snapshots(path)
    draft.sections["basic"].append("另一个标签页里写的。")
    with pytest.raises(SaveConflictError):
        storage.save(draft, path, expect_updated="2000-01-01T00:00:00+08:00")
    assert history.snapshots(path) == before
    assert sorted(p.name for p in (tmp_path / ".history").iterdir()) == ["d.json"]


def test_first_snapshot_adopts_the_backup_of_an_older_draft(tmp_path, draft):
    path = tmp_path / "d.json"
    storage.save(draft, path, snapshot=False)
    draft.sections["basic"] = []
    storage.save(draft, path)  # the first save with history: the .bak is the older version
    snaps = history.snapshots(path)
    assert len(snaps) == 2
    assert history.load_snapshot(snaps[0]).sections["basic"][0].startswith("我1984年")


def test_drafts_listings_ignore_the_history_folder(tmp_path, draft):
    from partybook.ui.library import list_drafts

    path = tmp_path / "韩知秋.json"
    for k in range(3):
        draft.sections["basic"].append(f"第{k}段。")
        storage.save(draft, path)
    # a plain .json in the history folder too (as if someone unpacked one there)
    (tmp_path / ".history" / "韩知秋.json" / "x.json").write_text(storage.dumps(draft), "utf-8")
    listed = list_drafts(tmp_path)  # the workbook's start screen
    assert [d.path for d in listed] == [path]
    coll = collect(tmp_path)
    assert [e.file for e in coll.entries] == ["韩知秋.json"]
    coll = collect(str(tmp_path / "**" / "*.json"))
    assert [e.path for e in coll.entries] == [path]


def test_snapshots_keep_the_drafts_permissions_in_a_class_folder(tmp_path, draft):
    import os
    import stat

    old = os.umask(0o007)
    try:
        os.chmod(tmp_path, 0o2770)  # a class folder: group shared, setgid
        path = tmp_path / "d.json"
        storage.save(draft, path)
        os.chmod(path, 0o640)
        draft.sections["basic"].append("又写一段。")
        storage.save(draft, path)
    finally:
        os.umask(old)
    folder = history.history_dir(path)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o2770
    assert stat.S_IMODE(folder.parent.stat().st_mode) == 0o2770
    modes = [stat.S_IMODE(s.path.stat().st_mode) for s in history.snapshots(path)]
    assert modes == [0o660, 0o640]  # each as readable as the draft was when saved


def test_a_limited_listing_gives_the_newest_versions_with_their_real_summaries(tmp_path, draft):
    path = tmp_path / "d.json"
    for k in range(5):
        draft.sections["basic"].append(f"第{k}次新加的一段。")
        storage.save(draft, path)
    full = history.versions(path)
    two = history.versions(path, limit=2)
    assert [v.to_dict() for v in two] == [v.to_dict() for v in full[:2]]
    assert two[-1].summary.startswith("新增了“基本情况”")
    out = run_partybook("history", str(path), "--limit", "3", "--format", "json")
    assert len(json.loads(out.stdout)["versions"]) == 3
    assert run_partybook("history", str(path), "--limit", "0").returncode == 2


def test_thinning_runs_at_most_once_a_minute_but_the_bound_always_holds(tmp_path):
    path = tmp_path / "d.json"
    start = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)
    for k in range(30):  # 30 saves in 30 seconds, then one two hours later
        history.snapshot(path, b"x" * 100 + str(k).encode(), now=start + timedelta(seconds=k))
    assert len(history.snapshots(path)) == 30  # all in the last hour: all kept
    history.snapshot(path, b"later", now=start + timedelta(hours=2))
    assert len(history.snapshots(path)) == 2  # the newest of that old hour, and the new one
    for k in range(40):
        history.snapshot(
            path, bytes(k) * 50, now=start + timedelta(hours=2, seconds=k), max_bytes=600
        )
        assert sum(s.size for s in history.snapshots(path)) <= 600
