"""A class typing at once on one server: real JupyterHub, real single-user servers, load.

    sudo .venv/bin/python benchmarks/class_load.py --students 40 --minutes 5 [--json out.json]

Each simulated student is a Unix user ``pbload-NN`` (made with useradd, removed afterwards
with its home and processes, whatever happens) with their own single-user server spawned by
JupyterHub (``deploy/jupyterhub_config.py``, LocalProcessSpawner) behind the real proxy.
Through the proxy, as JupyterLab does, the client opens a notebook session on the
workbook, runs its cells, fills in the start screen and clicks "new draft" (widget
messages over the kernel websocket), then types into 基本情况: every 1.5 s (with jitter) a
widget ``update`` of the Textarea's value with 2–4 more characters, as the browser sends it.

Measured: the delay from sending an update to the next update of a findings widget
(``pb-findings`` / ``pb-section-findings``: the paced check of each keystroke), the
autosave delay (from sending a text to that text being in the draft file on disk), lost
saves (the file does not end with the last text typed) and conflict copies, and memory as
PSS of the hub, the proxy, the single-user servers and their kernels.

Students join 10 a minute. The run stops at ``--minutes`` after the first joined, or early
when the p95 delay of the last 30 s passes 1 s, memory passes 20 GiB or 20 minutes passed.
Root only. ``benchmarks/bench_class_load.py`` runs it small (5 students, 1 minute).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import random
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

WORKBOOK = "党性分析工作簿.ipynb"
SECTION = "basic"
JOIN_PER_MINUTE = 10
KEY_INTERVAL = 1.5
STOP_P95 = 1.0  # seconds
STOP_PSS = 20 * 1024**3
STOP_WALL = 20 * 60
WINDOW = 30.0
NO_UPDATE_AFTER = 10.0  # a keystroke unanswered this long is counted as unanswered
# typed text, my own sentences, cycled
PHRASES = (
    "我在日常工作中注重学习，坚持每周读书，但学用结合还不够紧密。",
    "去年牵头整理档案时，我对基层的实际困难了解不深，方案改了三次。",
    "今后要多到一线听意见，把调研得来的情况写进工作台账，按月对照。",
)
FINDINGS_CLASSES = {"pb-findings", "pb-section-findings"}


@dataclass
class Student:
    name: str
    seq: int
    comms: dict[str, dict] = field(default_factory=dict)
    text: str = ""
    sent: dict[str, float] = field(default_factory=dict)  # text → time sent
    pending: list[float] = field(default_factory=list)  # send times awaiting findings
    delays: list[tuple[float, float]] = field(default_factory=list)  # (time, delay)
    save_delays: list[float] = field(default_factory=list)
    unanswered: int = 0
    spawn_s: float = 0.0
    open_s: float = 0.0
    typing_since: float = 0.0
    error: str = ""
    drafts: Path | None = None
    saved_mtime: int = 0


def _classes(state: dict) -> set[str]:
    return set(state.get("_dom_classes") or ())


def _find(st: Student, model: str, cls: str) -> str | None:
    for cid, state in st.comms.items():
        if state.get("_model_name") == model and cls in _classes(state):
            return cid
    return None


def _message(msg_type: str, content: dict, user: str) -> str:
    import uuid

    header = {"msg_id": uuid.uuid4().hex, "username": user, "session": uuid.uuid4().hex,
              "msg_type": msg_type, "version": "5.3"}  # fmt: skip
    return json.dumps({"header": header, "parent_header": {}, "metadata": {},
                       "channel": "shell", "content": content, "buffers": []})  # fmt: skip


def _on_message(st: Student, raw: str) -> None:
    now = time.monotonic()
    msg = json.loads(raw)
    kind = msg["header"]["msg_type"]
    content = msg.get("content", {})
    if kind == "comm_open" and content.get("target_name") == "jupyter.widget":
        st.comms[content["comm_id"]] = dict(content["data"].get("state", {}))
    elif kind == "comm_msg":
        data = content.get("data", {})
        if data.get("method") not in ("update", "echo_update"):
            return
        state = st.comms.setdefault(content["comm_id"], {})
        state.update(data.get("state", {}))
        changed = data["method"] == "update" and "value" in data.get("state", {})
        if changed and _classes(state) & FINDINGS_CLASSES and st.pending:
            st.delays.extend((now, now - t0) for t0 in st.pending)
            st.pending.clear()


async def _until(predicate, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError(what)
        await asyncio.sleep(0.1)


async def run_student(hub, st: Student, stop: asyncio.Event, rng: random.Random) -> None:
    import requests
    from tornado.httpclient import HTTPRequest
    from tornado.websocket import websocket_connect

    t0 = time.monotonic()
    await asyncio.to_thread(hub.login, st.name)  # the login form, as the student does
    await asyncio.to_thread(hub.start, st.name)
    await asyncio.to_thread(hub.wait_ready, st.name, 300)
    st.spawn_s = time.monotonic() - t0
    headers = {"Authorization": f"token {await asyncio.to_thread(hub.user_token, st.name)}"}
    api = f"{hub.base}/user/{st.name}/api"
    body = {"path": f"partybook/{WORKBOOK}", "type": "notebook", "name": WORKBOOK,
            "kernel": {"name": "python3"}}  # fmt: skip
    r = await asyncio.to_thread(requests.post, f"{api}/sessions", json=body, headers=headers,
                                timeout=120)  # fmt: skip
    r.raise_for_status()
    kernel = r.json()["kernel"]["id"]
    url = f"{api.replace('http', 'ws', 1)}/kernels/{kernel}/channels"
    ws = await websocket_connect(HTTPRequest(url, headers=headers), max_message_size=64 << 20)

    async def reader() -> None:
        while (raw := await ws.read_message()) is not None:
            if isinstance(raw, str):
                _on_message(st, raw)

    read_task = asyncio.create_task(reader())
    try:
        cells = json.loads((ROOT / "notebooks" / WORKBOOK).read_text(encoding="utf-8"))["cells"]
        for cell in cells:  # Run All
            if cell["cell_type"] == "code":
                code = "".join(cell["source"])
                ws.write_message(_message("execute_request", {
                    "code": code, "silent": False, "store_history": True,
                    "user_expressions": {}, "allow_stdin": False}, st.name))  # fmt: skip
        await _until(lambda: _find(st, "ButtonModel", "pb-new"), 180, "start screen")
        author = _find(st, "TextModel", "pb-new-author")
        if author:
            ws.write_message(_comm(author, {"method": "update", "state": {"value": f"学员{st.seq:02d}"},
                                            "buffer_paths": []}, st.name))  # fmt: skip
        ws.write_message(_comm(_find(st, "ButtonModel", "pb-new") or "",
                               {"method": "custom", "content": {"event": "click"}}, st.name))  # fmt: skip
        await _until(lambda: _find(st, "TextareaModel", f"pb-editor-{SECTION}"), 120, "editor")
        editor = _find(st, "TextareaModel", f"pb-editor-{SECTION}") or ""
        st.open_s = time.monotonic() - t0 - st.spawn_s
        st.typing_since = time.monotonic()
        source = "".join(PHRASES) * 20
        await asyncio.sleep(rng.uniform(0, KEY_INTERVAL))
        while not stop.is_set():
            now = time.monotonic()
            st.unanswered += sum(1 for t in st.pending if now - t >= NO_UPDATE_AFTER)
            st.pending = [t for t in st.pending if now - t < NO_UPDATE_AFTER]
            n = rng.randint(2, 4)
            st.text = source[: len(st.text) + n]
            st.sent[st.text] = now
            st.pending.append(now)
            ws.write_message(_comm(editor, {"method": "update", "state": {"value": st.text},
                                            "buffer_paths": []}, st.name))  # fmt: skip
            await asyncio.sleep(KEY_INTERVAL + rng.uniform(-0.3, 0.3))
        await asyncio.sleep(3)  # the last autosave and findings
    finally:
        read_task.cancel()
        ws.close()


def _comm(comm_id: str, data: dict, user: str) -> str:
    return _message("comm_msg", {"comm_id": comm_id, "data": data}, user)


def _saved_text(path: Path) -> str | None:
    try:
        draft = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    content = draft.get("sections", {}).get(SECTION)
    return "\n".join(content) if isinstance(content, list) else content


def _draft_file(folder: Path) -> Path | None:
    files = [p for p in folder.glob("*.json") if "冲突副本" not in p.name]
    return max(files, key=lambda p: p.stat().st_mtime_ns) if files else None


async def watch_saves(students: list[Student], stop: asyncio.Event) -> None:
    """Autosave delay: when the text sent at time t first appears in the file on disk."""
    while not stop.is_set():
        now = time.monotonic()
        for st in students:
            path = _draft_file(st.drafts) if st.drafts and st.drafts.is_dir() else None
            if path is None:
                continue
            mtime = path.stat().st_mtime_ns
            if mtime == st.saved_mtime:
                continue
            st.saved_mtime = mtime
            text = _saved_text(path)
            if text and text in st.sent:
                st.save_delays.append(now - st.sent.pop(text))
                for k in [k for k, t in st.sent.items() if t < now - 60]:
                    st.sent.pop(k)  # older texts overtaken by a later save
        await asyncio.sleep(0.2)


def memory(hub_pid: int) -> dict[str, float]:
    """PSS in bytes by role: hub, proxy, servers, kernels (and other children)."""
    import psutil

    out = {"hub": 0.0, "proxy": 0.0, "servers": 0.0, "kernels": 0.0, "other": 0.0}
    try:
        root = psutil.Process(hub_pid)
        procs = [root, *root.children(recursive=True)]
    except psutil.Error:
        return out
    for p in procs:
        try:
            cmd = " ".join(p.cmdline())
            pss = p.memory_full_info().pss
        except psutil.Error:
            continue
        role = ("hub" if p.pid == hub_pid else "proxy" if "configurable-http-proxy" in cmd
                else "servers" if "jupyterhub-singleuser" in cmd
                else "kernels" if "ipykernel" in cmd else "other")  # fmt: skip
        out[role] += pss
    return out


def _pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


async def drive(hub, homes: Path, names: list[str], minutes: float, log) -> dict:
    from concurrent.futures import ThreadPoolExecutor

    # blocking hub calls (login, start, wait for ready) run in threads: one per student
    asyncio.get_running_loop().set_default_executor(ThreadPoolExecutor(len(names) + 4))
    rng = random.Random(15)
    stop = asyncio.Event()
    students: list[Student] = []
    tasks: list[asyncio.Task] = []
    watcher = asyncio.create_task(watch_saves(students, stop))
    start = time.monotonic()
    reason, peak, peak_students, first_over = "time", {}, 0, None
    next_join = next_sample = start
    while True:
        now = time.monotonic()
        if len(students) < len(names) and now >= next_join:
            st = Student(names[len(students)], len(students) + 1)
            st.drafts = homes / st.name / "partybook" / "drafts"
            students.append(st)
            tasks.append(
                asyncio.create_task(run_student(hub, st, stop, random.Random(rng.random())))
            )
            next_join += 60 / JOIN_PER_MINUTE
        active = [s for s in students if s.typing_since]
        recent = [d for s in students for t, d in s.delays if t > now - WINDOW]
        if now >= next_sample:
            next_sample = now + 10
            mem = memory(hub.proc.pid)
            if sum(mem.values()) > sum(peak.values() or [0]):
                peak, peak_students = mem, len(active)
            p95 = _pct(recent, 95)
            log(f"{now - start:5.0f}s  typing {len(active):3d}/{len(students):3d}  "
                f"p95 {p95 * 1000:6.0f} ms  PSS {sum(mem.values()) / 2**30:5.2f} GiB")  # fmt: skip
            if sum(mem.values()) > STOP_PSS:
                reason = "memory"
                break
        if len(recent) >= 20 and _pct(recent, 95) > STOP_P95:
            first_over = first_over or len(active)
            reason = "p95"
            break
        failed = [t for t in tasks if t.done() and t.exception()]
        if failed:
            reason = f"student failed: {failed[0].exception()!r}"
            break
        if now - start > STOP_WALL:
            reason = "wall clock"
            break
        typing_start = min((s.typing_since for s in students if s.typing_since), default=0)
        if typing_start and now - typing_start > minutes * 60 and len(students) == len(names):
            break
        await asyncio.sleep(1)
    stop.set()
    await asyncio.gather(*tasks, return_exceptions=True)
    watcher.cancel()
    lost = conflicts = 0
    for st in students:
        if not st.typing_since or not st.drafts:
            continue
        path = _draft_file(st.drafts)
        if path is None or _saved_text(path) != st.text:
            lost += 1
        conflicts += len(list(st.drafts.glob("*冲突副本*")))
    delays = [d for s in students for _, d in s.delays]
    saves = [d for s in students for d in s.save_delays]
    typing = [s for s in students if s.typing_since]
    per_student = (peak.get("servers", 0) + peak.get("kernels", 0)) / max(peak_students, 1)
    return {
        "students_joined": len(students),
        "students_typing": len(typing),
        "stopped_by": reason,
        "p95_over_1s_at_students": first_over,
        "keystrokes": len(delays) + sum(s.unanswered for s in students),
        "unanswered": sum(s.unanswered for s in students),
        "findings_p50_ms": _pct(delays, 50) * 1000,
        "findings_p95_ms": _pct(delays, 95) * 1000,
        "autosave_p50_ms": _pct(saves, 50) * 1000,
        "autosave_p95_ms": _pct(saves, 95) * 1000,
        "lost_saves": lost,
        "conflict_copies": conflicts,
        "spawn_s_median": statistics.median([s.spawn_s for s in typing]) if typing else None,
        "open_s_median": statistics.median([s.open_s for s in typing]) if typing else None,
        "pss_mib": {k: round(v / 2**20, 1) for k, v in peak.items()},
        "pss_students": peak_students,
        "pss_per_student_mib": round(per_student / 2**20, 1),
        "errors": [
            f"{s.name}: {t.exception()!r}"
            for s, t in zip(students, tasks, strict=True)
            if t.done() and not t.cancelled() and t.exception()
        ],  # fmt: skip
    }


def run(students: int, minutes: float, log=print) -> dict:
    import os

    from support.hub import RunningHub, free_names, reachable_python, scratch_dir, unix_users

    if os.geteuid() != 0:
        raise SystemExit("class_load.py needs root (it creates Unix users pbload-NN)")
    names = free_names("pbload", students)
    with scratch_dir("pbload-") as work, unix_users(names, work) as _users, reachable_python():
        hub_dir = work / "hub"
        hub_dir.mkdir()
        extra = "c.JupyterHub.concurrent_spawn_limit = 200\nc.JupyterHub.log_level = 'WARN'\n"
        hub = RunningHub(hub_dir, work, teachers=["pbload-nobody"], extra=extra)
        try:
            hub.wait_up()
            result = asyncio.run(drive(hub, work, names, minutes, log))
        finally:
            hub.stop()
    result["cpus"] = os.cpu_count()
    return result


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--students", type=int, default=40)
    p.add_argument("--minutes", type=float, default=5)
    p.add_argument("--json", type=Path, help="write the figures here too")
    args = p.parse_args(argv)
    result = run(args.students, args.minutes, log=lambda s: print(s, flush=True))
    text = json.dumps(result, ensure_ascii=False, indent=1)
    print(text)
    if args.json:
        args.json.write_text(text, encoding="utf-8")
    return 0 if not result["errors"] else 1


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        sys.exit(main())
