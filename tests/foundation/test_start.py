"""./start --no-browser really serves JupyterLab on 127.0.0.1 (the README's first command)."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _launch(tmp_path: Path, *args: str) -> tuple[subprocess.Popen[bytes], Path]:
    env = {
        **os.environ,
        "PARTYBOOK_DRAFTS": str(tmp_path / "drafts"),
        "JUPYTER_RUNTIME_DIR": str(tmp_path / "rt"),
    }
    log = tmp_path / "start.log"
    with log.open("w") as fh:
        proc = subprocess.Popen(
            [str(ROOT / "start"), *args],
            cwd=ROOT,
            env=env,
            stdout=fh,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    return proc, log


def _stop(proc: subprocess.Popen[bytes]) -> None:
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)


def _listening_on_loopback_only(port: int) -> list[str]:
    listening = subprocess.run(["ss", "-ltn"], capture_output=True, text=True).stdout
    lines = [ln for ln in listening.splitlines() if f":{port} " in ln]
    assert lines and all("127.0.0.1" in ln for ln in lines), lines
    return lines


def test_start_no_browser_serves_jupyterlab_on_loopback(tmp_path):
    port = _free_port()
    proc, log = _launch(tmp_path, "--no-browser", "--port", str(port))
    try:
        url = None
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and url is None:
            assert proc.poll() is None, log.read_text()
            m = re.search(rf"(http://127\.0\.0\.1:{port}/lab[^\s]*token=\w+)", log.read_text())
            url = m.group(1) if m else None
            time.sleep(0.3)
        assert url, log.read_text()
        with urllib.request.urlopen(url, timeout=30) as resp:
            assert resp.status == 200
            assert "JupyterLab" in resp.read().decode("utf-8", "replace")
        _listening_on_loopback_only(port)
    finally:
        _stop(proc)


def test_start_voila_serves_the_workbook_without_code(tmp_path):
    port = _free_port()
    proc, log = _launch(tmp_path, "--voila", "--no-browser", "--port", str(port))
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            assert proc.poll() is None, log.read_text()
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.3)
        _listening_on_loopback_only(port)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=90) as resp:
            page = resp.read().decode("utf-8", "replace")
        assert resp.status == 200
        assert "voila" in page.lower()
        assert "from partybook" not in page  # no code shown
    finally:
        _stop(proc)
