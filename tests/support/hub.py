"""A real JupyterHub on 127.0.0.1 with real Unix users, for the isolation test and the load
benchmark (``benchmarks/class_load.py``).

* :func:`unix_users` creates Unix users (``useradd``, homes under a temporary folder) and
  removes them, their groups, their processes and their homes afterwards, whatever happened.
* :func:`reachable_python` lets those users execute the test's Python: every folder on the
  way to the interpreter and the virtual environment gets the "search" bit for others
  (e.g. ``/root`` of a pyenv install), and gets its old mode back afterwards.
* :class:`RunningHub` starts JupyterHub with ``deploy/jupyterhub_config.py`` and
  ``LocalProcessSpawner`` (TLJH's SystemdSpawner needs systemd), logs users in through the
  form, starts their servers, makes API tokens, and runs code in their kernels.

Root only: creating users and spawning as them needs it.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import pwd
import shutil
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent
PASSWORD = "class-test"


def chp_command() -> str:
    """configurable-http-proxy: ./test installs it into .cache/chp of the checkout."""
    for root in (ROOT, Path(os.environ.get("PARTYBOOK_CHP_ROOT", ROOT))):
        chp = root / ".cache" / "chp" / "node_modules" / ".bin" / "configurable-http-proxy"
        if chp.exists():
            return str(chp)
    found = shutil.which("configurable-http-proxy")
    assert found, "configurable-http-proxy is required (./test installs it from npm)"
    return found


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def free_names(prefix: str, n: int) -> list[str]:
    """``n`` names ``PREFIX-NN`` that are no Unix user or group yet."""
    import grp

    out: list[str] = []
    k = 1
    while len(out) < n:
        name = f"{prefix}-{k:02d}"
        k += 1
        with contextlib.suppress(KeyError):
            pwd.getpwnam(name)
            continue
        with contextlib.suppress(KeyError):
            grp.getgrnam(name)
            continue
        out.append(name)
    return out


def _kill_processes_of(uids: set[int]) -> None:
    import psutil

    procs = [
        p for p in psutil.process_iter(["uids"]) if p.info["uids"] and p.info["uids"].real in uids
    ]
    for p in procs:
        with contextlib.suppress(psutil.Error):
            p.kill()
    psutil.wait_procs(procs, timeout=10)


@contextlib.contextmanager
def unix_users(names: list[str], homes: Path) -> Iterator[list[str]]:
    """Create the users (own group each, home ``homes/NAME``); remove everything after."""
    created: list[str] = []
    try:
        for name in names:
            subprocess.run(
                ["useradd", "--create-home", "--home-dir", str(homes / name),
                 "--shell", "/bin/bash", "--user-group", name],
                check=True, capture_output=True,
            )  # fmt: skip
            created.append(name)
        yield created
    finally:
        uids = set()
        for name in created:
            with contextlib.suppress(KeyError):
                uids.add(pwd.getpwnam(name).pw_uid)
        _kill_processes_of(uids)
        for name in reversed(created):
            subprocess.run(["userdel", "--force", name], capture_output=True)
            subprocess.run(["groupdel", name], capture_output=True)  # if userdel left it


@contextlib.contextmanager
def reachable_python(extra: list[Path] = ()) -> Iterator[None]:  # type: ignore[assignment]
    """Others may traverse (x, not list) every folder above the interpreter, the venv and
    ``extra``; modes are restored on exit."""
    targets = [Path(os.path.realpath(sys.executable)), Path(sys.prefix), ROOT, *extra]
    changed: dict[Path, int] = {}
    try:
        for target in targets:
            for folder in [target, *target.parents] if target.is_dir() else target.parents:
                mode = stat.S_IMODE(folder.stat().st_mode)
                if not mode & stat.S_IXOTH and folder not in changed:
                    changed[folder] = mode
                    os.chmod(folder, mode | stat.S_IXOTH)
        yield
    finally:
        for folder, mode in changed.items():
            os.chmod(folder, mode)


@contextlib.contextmanager
def scratch_dir(prefix: str) -> Iterator[Path]:
    """A temporary folder others may traverse (homes live in it), removed afterwards."""
    path = Path(tempfile.mkdtemp(prefix=prefix, dir="/tmp"))
    os.chmod(path, 0o755)
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def hub_config(hub_dir: Path, port: int, token: str, extra: str = "") -> Path:
    text = f"""
c = get_config()
load_subconfig({str(ROOT / "deploy" / "jupyterhub_config.py")!r})
c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = {port}
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = {free_port()}
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{free_port()}"
c.ConfigurableHTTPProxy.command = [{chp_command()!r}]
c.ConfigurableHTTPProxy.pid_file = {str(hub_dir / "proxy.pid")!r}
c.JupyterHub.authenticator_class = "dummy"
c.DummyAuthenticator.password = {PASSWORD!r}
c.Authenticator.allow_all = True
c.JupyterHub.spawner_class = "localprocess"
c.Spawner.cmd = [{str(VENV_BIN / "jupyterhub-singleuser")!r}]
c.Spawner.environment = {{"PYTHONPATH": {str(ROOT)!r}}}
c.Spawner.http_timeout = 120
c.Spawner.start_timeout = 120
c.JupyterHub.db_url = "sqlite:///{hub_dir / "hub.sqlite"}"
c.JupyterHub.cookie_secret_file = {str(hub_dir / "cookie_secret")!r}
c.JupyterHub.cleanup_servers = True
c.JupyterHub.services = [{{"name": "class-test", "api_token": {token!r}}}]
c.JupyterHub.load_roles = [{{
    "name": "class-test-admin",
    "scopes": ["admin:users", "admin:servers", "tokens", "access:servers", "list:users"],
    "services": ["class-test"],
}}]
{extra}
"""
    path = hub_dir / "hub_config.py"
    path.write_text(text, encoding="utf-8")
    return path


class RunningHub:
    """JupyterHub as a child process (own session: stopping it stops proxy and servers)."""

    def __init__(self, hub_dir: Path, homes: Path, teachers: list[str], extra: str = "") -> None:
        self.dir = hub_dir
        self.token = uuid.uuid4().hex
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        config = hub_config(hub_dir, self.port, self.token, extra)
        env = dict(
            os.environ,
            PATH=f"{Path(chp_command()).parent}{os.pathsep}{VENV_BIN}{os.pathsep}"
            f"{os.environ.get('PATH', '')}",
            PARTYBOOK_TEACHERS=",".join(teachers),
            PARTYBOOK_UNIX_PREFIX="",
            PARTYBOOK_HOME_TEMPLATE=str(homes) + "/{unix}",
            PARTYBOOK_NOTEBOOKS=str(ROOT / "notebooks"),
        )
        for name in ("PARTYBOOK_DRAFTS", "PARTYBOOK_CLASS_DIR", "PARTYBOOK_EXERCISE"):
            env.pop(name, None)
        self.log = (hub_dir / "hub.log").open("w")
        self.proc = subprocess.Popen(
            [str(VENV_BIN / "jupyterhub"), "-f", str(config)],
            cwd=hub_dir, env=env, stdout=self.log, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
        self.tokens: dict[str, str] = {}

    def log_tail(self, n: int = 3000) -> str:
        return (self.dir / "hub.log").read_text(errors="replace")[-n:]

    def wait_up(self, timeout: float = 90) -> None:
        deadline = time.monotonic() + timeout
        while True:
            assert self.proc.poll() is None, self.log_tail()
            with contextlib.suppress(requests.ConnectionError):
                if requests.get(f"{self.base}/hub/api", timeout=2).status_code == 200:
                    return
            assert time.monotonic() < deadline, self.log_tail()
            time.sleep(0.3)

    def api(self, method: str, path: str, **kw) -> requests.Response:
        headers = {"Authorization": f"token {self.token}"}
        return requests.request(method, f"{self.base}/hub/api{path}", headers=headers,
                                timeout=60, **kw)  # fmt: skip

    def login(self, name: str) -> requests.Session:
        """Log in through the hub's HTML form, as a person would; the session is kept."""
        s = requests.Session()
        s.get(f"{self.base}/hub/login", timeout=30)
        r = s.post(
            f"{self.base}/hub/login?next=",
            data={"username": name, "password": PASSWORD, "_xsrf": s.cookies.get("_xsrf", "")},
            allow_redirects=False,
            timeout=30,
        )
        assert r.status_code == 302, (name, r.status_code, r.text[:300])
        return s

    def start(self, name: str) -> None:
        r = self.api("POST", f"/users/{name}/server")
        assert r.status_code in (201, 202), r.text

    def wait_ready(self, name: str, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            server = self.api("GET", f"/users/{name}").json().get("servers", {}).get("", {})
            if server.get("ready"):
                return
            time.sleep(0.3)
        raise AssertionError(f"{name} 的服务器没有按时启动\n{self.log_tail()}")

    def user_token(self, name: str) -> str:
        if name not in self.tokens:
            r = self.api("POST", f"/users/{name}/tokens", json={"note": "class test"})
            assert r.status_code in (200, 201), r.text
            self.tokens[name] = r.json()["token"]
        return self.tokens[name]

    def server_pid(self, name: str) -> int | None:
        """The single-user server's process id (from the hub's database, via the proxy's
        route we cannot tell): found by the user's uid instead."""
        import psutil

        uid = pwd.getpwnam(name).pw_uid
        for p in psutil.process_iter(["uids", "cmdline"]):
            cmd = " ".join(p.info["cmdline"] or [])
            if p.info["uids"] and p.info["uids"].real == uid and "jupyterhub-singleuser" in cmd:
                return p.pid
        return None

    def stop(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGTERM)  # the hub stops the servers and the proxy
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=10)
        self.log.close()


def execute_request(code: str, user: str) -> tuple[str, dict]:
    msg_id = uuid.uuid4().hex
    return msg_id, {
        "header": {"msg_id": msg_id, "username": user, "session": uuid.uuid4().hex,
                   "msg_type": "execute_request", "version": "5.3"},
        "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
        "content": {"code": code, "silent": False, "store_history": False,
                    "user_expressions": {}, "allow_stdin": False},
    }  # fmt: skip


def run_in_kernel(hub: RunningHub, user: str, code: str, timeout: float = 120) -> str:
    """Execute ``code`` in a new kernel of ``user``'s server; return its stdout."""
    from tornado.httpclient import HTTPRequest
    from tornado.websocket import websocket_connect

    headers = {"Authorization": f"token {hub.user_token(user)}"}
    api = f"{hub.base}/user/{user}/api/kernels"
    r = requests.post(api, headers=headers, json={}, timeout=120)
    assert r.status_code == 201, r.text
    kernel = r.json()["id"]

    async def run() -> str:
        url = f"{api.replace('http', 'ws', 1)}/{kernel}/channels"
        ws = await websocket_connect(HTTPRequest(url, headers=headers))
        msg_id, msg = execute_request(code, user)
        ws.write_message(json.dumps(msg))
        out: list[str] = []
        while True:
            raw = await asyncio.wait_for(ws.read_message(), timeout)
            assert raw is not None, "kernel connection closed"
            reply = json.loads(raw)
            if reply.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind = reply["header"]["msg_type"]
            if kind == "stream":
                out.append(reply["content"]["text"])
            elif kind == "error":
                raise AssertionError("\n".join(reply["content"]["traceback"]))
            elif kind == "status" and reply["content"]["execution_state"] == "idle":
                ws.close()
                return "".join(out)

    try:
        return asyncio.run(run())
    finally:
        requests.delete(f"{api}/{kernel}", headers=headers, timeout=30)
