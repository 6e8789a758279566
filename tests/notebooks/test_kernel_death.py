"""kill -9 the kernel in the middle of a burst of edits: the draft on disk is valid and at
most the last second of typing is missing (issue 6; docs/CONTRACTS.md, reliability).

The workbook runs in a real ipykernel; the edits arrive as the same comm messages a browser
sends when the user types into the basic-information editor.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import jupyter_client

from partybook.storage import load

SETUP = """
from partybook.ui import Workbook
wb = Workbook()
wb.start._new()
print("MODEL", wb.editor("pb-editor-basic").model_id)
"""
TEXT = "我们要把学习成果转化为推动工作的实际行动，做到学思用贯通、知信行统一。"


def _start(tmp_path: Path):
    env = {**os.environ, "PARTYBOOK_DRAFTS": str(tmp_path)}
    km = jupyter_client.KernelManager(kernel_name="python3")
    km.start_kernel(env=env)
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=60)
    return km, kc


def test_kill_9_mid_typing_loses_at_most_the_last_second(tmp_path: Path) -> None:
    km, kc = _start(tmp_path)
    try:
        out: list[str] = []
        reply = kc.execute_interactive(
            SETUP,
            timeout=60,
            output_hook=lambda m: out.append(m["content"].get("text", "")),
        )
        assert reply["content"]["status"] == "ok", out
        model_id = "".join(out).split("MODEL ")[1].split()[0]
        sent: list[tuple[float, str]] = []
        start = time.monotonic()
        kill_at = start + 3.0
        text = ""
        killed = None
        i = 0
        while time.monotonic() < start + 3.6:  # keep typing a little past the kill
            text += TEXT[i % len(TEXT)]
            if i % 40 == 39:
                text += "\n"
            i += 1
            msg = kc.session.msg(
                "comm_msg",
                {
                    "comm_id": model_id,
                    "data": {"method": "update", "state": {"value": text}, "buffer_paths": []},
                },
            )
            kc.shell_channel.send(msg)
            sent.append((time.monotonic(), text))
            if killed is None and time.monotonic() >= kill_at:
                os.kill(km.provisioner.pid, signal.SIGKILL)
                killed = time.monotonic()
            time.sleep(0.05)  # brisk typing: 20 characters a second
        assert killed is not None
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    files = [p for p in tmp_path.glob("*.json")]
    assert len(files) == 1, files
    draft = load(files[0])  # valid JSON, valid draft
    on_disk = draft.text_of("basic")
    typed = [t for at, t in sent if at <= killed]
    assert len(typed) > 40
    # what is on disk is something the user typed, as typed (paragraph breaks aside)
    values = ["\n".join(p for p in t.split("\n") if p.strip()) for t in typed]
    assert on_disk in values
    # ... and no older than one second before the kill
    typed_by = max(at for at, t in sent if at <= killed - 1.0)
    needed = next(v for (at, _), v in zip(sent, values, strict=False) if at == typed_by)
    assert len(on_disk) >= len(needed), (len(on_disk), len(needed), len(values[-1]))
