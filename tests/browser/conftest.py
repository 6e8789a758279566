"""Real servers and a real Chromium for the workbook's browser tests.

JupyterLab and Voila run on 127.0.0.1 on random free ports, with their own config, runtime
and settings folders, a temporary drafts folder (``PARTYBOOK_DRAFTS``) and a copy of the
notebooks, so nothing of the developer's setup is touched.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from support.chromium import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent
WORKBOOK = "党性分析工作簿.ipynb"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_port(port: int, proc: subprocess.Popen[bytes], log: Path, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited:\n{log.read_text(errors='replace')[-3000:]}")
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise RuntimeError(f"port {port} not open:\n{log.read_text(errors='replace')[-3000:]}")


def stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is not None:
        return
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=5)


@dataclass
class Server:
    url: str
    port: int
    token: str
    drafts: Path
    root: Path
    proc: subprocess.Popen[bytes]
    log: Path


def _env(base: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        PARTYBOOK_DRAFTS=str(base / "drafts"),
        JUPYTER_CONFIG_DIR=str(base / "config"),
        JUPYTER_RUNTIME_DIR=str(base / "runtime"),
        JUPYTERLAB_SETTINGS_DIR=str(base / "settings"),
        JUPYTERLAB_WORKSPACES_DIR=str(base / "workspaces"),
        PATH=f"{VENV_BIN}{os.pathsep}{env.get('PATH', '')}",
        # the kernels import this checkout's partybook (a worktree), not the venv's install
        PYTHONPATH=os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p),
    )
    return env


def _prepare(base: Path) -> Path:
    root = base / "nb"
    root.mkdir(parents=True)
    for nb in (ROOT / "notebooks").glob("*.ipynb"):
        shutil.copy(nb, root / nb.name)
    (base / "drafts").mkdir()
    # silence the news and update pop-ups, which would cover the page
    settings = base / "settings" / "@jupyterlab" / "apputils-extension"
    settings.mkdir(parents=True)
    (settings / "notification.jupyterlab-settings").write_text(
        json.dumps({"fetchNews": "false", "checkForUpdates": False}), encoding="utf-8"
    )
    return root


@pytest.fixture(scope="package")
def lab_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    base = tmp_path_factory.mktemp("lab")
    root = _prepare(base)
    port, token = free_port(), secrets.token_hex(16)
    cmd = [
        str(VENV_BIN / "jupyter"),
        "lab",
        "--no-browser",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={root}",
        "--LabApp.news_url=",
        "--ServerApp.port_retries=0",
    ]
    if os.geteuid() == 0:
        cmd.append("--allow-root")
    log = base / "lab.log"
    with log.open("wb") as fh:
        proc = subprocess.Popen(
            cmd, env=_env(base), stdout=fh, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        wait_port(port, proc, log)
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=5) as r:
                    if r.status == 200:
                        break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.3)
        yield Server(url, port, token, base / "drafts", root, proc, log)
    finally:
        stop(proc)


@pytest.fixture(scope="package")
def voila_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    base = tmp_path_factory.mktemp("voila")
    root = _prepare(base)
    port = free_port()
    cmd = [
        str(VENV_BIN / "voila"),
        str(root / WORKBOOK),
        f"--port={port}",
        "--no-browser",
        "--Voila.ip=127.0.0.1",
        "--MappingKernelManager.cull_idle_timeout=600",
        "--MappingKernelManager.cull_interval=60",
    ]
    log = base / "voila.log"
    with log.open("wb") as fh:
        proc = subprocess.Popen(
            cmd,
            env=_env(base),
            cwd=root,
            stdout=fh,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        wait_port(port, proc, log)
        yield Server(f"http://127.0.0.1:{port}", port, "", base / "drafts", root, proc, log)
    finally:
        stop(proc)


@pytest.fixture(scope="package")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):  # noqa: ARG001
    outcome = yield
    rep = outcome.get_result()
    setattr(item, f"rep_{rep.when}", rep)


@pytest.fixture
def page(browser: object, request: pytest.FixtureRequest, artifacts_dir: Path) -> Iterator[object]:
    context = browser.new_context(  # type: ignore[attr-defined]
        accept_downloads=True, viewport={"width": 1440, "height": 1000}, locale="zh-CN"
    )
    context.set_default_timeout(30_000)
    pg = context.new_page()
    try:
        yield pg
        rep = getattr(request.node, "rep_call", None)
        if rep is not None and rep.failed:
            pg.screenshot(
                path=str(artifacts_dir / f"FAILED-{request.node.name}.png"), full_page=True
            )
    finally:
        context.close()
