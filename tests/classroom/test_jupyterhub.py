"""deploy/jupyterhub_config.py on a real JupyterHub (127.0.0.1, DummyAuthenticator, local
process spawner, configurable-http-proxy from npm): two students save drafts through their
own servers; the instructor's class report, run in the instructor's kernel, sees both; neither
student can reach the other's drafts.

Everything runs as root here, so isolation is shown through each server's root directory
(``notebook_dir = "~"``) and the hub's per-user access control; deploy/README.md explains how
Unix users and groups isolate students on The Littlest JupyterHub.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
import requests
from classroom.classgen import make_draft

from partybook.genre import load_genre
from partybook.storage import dumps

ROOT = Path(__file__).resolve().parents[2]
CHP_BIN = ROOT / ".cache" / "chp" / "node_modules" / ".bin"
VENV_BIN = Path(sys.executable).parent
STUDENTS = ("alice", "bob")
TEACHER = "teacher"

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _config(hub_dir: Path, homes: Path, port: int, token: str) -> Path:
    chp = CHP_BIN / "configurable-http-proxy"
    text = f"""
c = get_config()
load_subconfig({str(ROOT / "deploy" / "jupyterhub_config.py")!r})
c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = {port}
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = {_free_port()}
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{_free_port()}"
c.ConfigurableHTTPProxy.command = [{str(chp) if chp.exists() else "configurable-http-proxy"!r}]
c.ConfigurableHTTPProxy.pid_file = {str(hub_dir / "proxy.pid")!r}
c.JupyterHub.authenticator_class = "dummy"
c.DummyAuthenticator.password = "class-test"
c.Authenticator.allow_all = True
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = {str(homes) + "/{username}"!r}
c.Spawner.cmd = [{str(VENV_BIN / "jupyterhub-singleuser")!r}]
c.Spawner.args = ["--allow-root"]
c.Spawner.http_timeout = 60
c.Spawner.start_timeout = 60
c.JupyterHub.db_url = "sqlite:///{hub_dir / "hub.sqlite"}"
c.JupyterHub.cookie_secret_file = {str(hub_dir / "cookie_secret")!r}
c.JupyterHub.cleanup_servers = True
c.JupyterHub.services = [{{"name": "class-test", "api_token": {token!r}}}]
c.JupyterHub.load_roles = [{{
    "name": "class-test-admin",
    "scopes": ["admin:users", "admin:servers", "tokens", "access:servers", "list:users"],
    "services": ["class-test"],
}}]
"""
    path = hub_dir / "test_config.py"
    path.write_text(text, encoding="utf-8")
    return path


class Hub:
    def __init__(self, base: str, token: str) -> None:
        self.base = base
        self.admin = {"Authorization": f"token {token}"}

    def api(self, method: str, path: str, **kw) -> requests.Response:
        return requests.request(
            method, f"{self.base}/hub/api{path}", headers=self.admin, timeout=30, **kw
        )

    def wait_ready(self, name: str, deadline: float) -> None:
        while time.monotonic() < deadline:
            info = self.api("GET", f"/users/{name}").json()
            server = info.get("servers", {}).get("", {})
            if server.get("ready"):
                return
            time.sleep(0.3)
        raise AssertionError(f"{name} 的服务器没有按时启动")

    def user_token(self, name: str) -> str:
        r = self.api("POST", f"/users/{name}/tokens", json={"note": "class test"})
        assert r.status_code in (200, 201), r.text
        return r.json()["token"]


def _form_login(base: str, name: str) -> None:
    """Log in through the hub's HTML form, as a person would."""
    with requests.Session() as s:
        s.get(f"{base}/hub/login", timeout=30)
        xsrf = s.cookies.get("_xsrf", "")
        r = s.post(
            f"{base}/hub/login?next=",
            data={"username": name, "password": "class-test", "_xsrf": xsrf},
            allow_redirects=False,
            timeout=30,
        )
        assert r.status_code == 302, (name, r.status_code, r.text[:300])
        assert any(c.name.startswith("jupyterhub-hub-login") for c in s.cookies), name


def _run_in_kernel(base: str, user: str, token: str, code: str) -> str:
    """Execute ``code`` in a new kernel of ``user``'s server; return its stdout."""
    import asyncio

    from tornado.httpclient import HTTPRequest
    from tornado.websocket import websocket_connect

    headers = {"Authorization": f"token {token}"}
    r = requests.post(f"{base}/user/{user}/api/kernels", headers=headers, json={}, timeout=60)
    assert r.status_code == 201, r.text
    kernel = r.json()["id"]

    async def run() -> str:
        url = f"{base.replace('http', 'ws', 1)}/user/{user}/api/kernels/{kernel}/channels"
        ws = await websocket_connect(HTTPRequest(url, headers=headers))
        msg_id = uuid.uuid4().hex
        ws.write_message(
            json.dumps(
                {
                    "header": {
                        "msg_id": msg_id,
                        "username": user,
                        "session": uuid.uuid4().hex,
                        "msg_type": "execute_request",
                        "version": "5.3",
                    },
                    "parent_header": {},
                    "metadata": {},
                    "channel": "shell",
                    "buffers": [],
                    "content": {
                        "code": code,
                        "silent": False,
                        "store_history": False,
                        "user_expressions": {},
                        "allow_stdin": False,
                    },
                }  # fmt: skip
            )
        )
        out: list[str] = []
        while True:
            raw = await asyncio.wait_for(ws.read_message(), 60)
            assert raw is not None, "kernel connection closed"
            msg = json.loads(raw)
            if msg.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind = msg["header"]["msg_type"]
            if kind == "stream":
                out.append(msg["content"]["text"])
            elif kind == "error":
                raise AssertionError("\n".join(msg["content"]["traceback"]))
            elif kind == "status" and msg["content"]["execution_state"] == "idle":
                ws.close()
                return "".join(out)

    try:
        return asyncio.run(run())
    finally:
        requests.delete(f"{base}/user/{user}/api/kernels/{kernel}", headers=headers, timeout=30)


def test_class_on_jupyterhub(tmp_path):
    hub_dir, homes = tmp_path / "hub", tmp_path / "home"
    hub_dir.mkdir()
    token = uuid.uuid4().hex
    port = _free_port()
    config = _config(hub_dir, homes, port, token)
    env = dict(
        os.environ,
        PATH=f"{CHP_BIN}{os.pathsep}{VENV_BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        PARTYBOOK_TEACHERS=TEACHER,
        PARTYBOOK_UNIX_PREFIX="",
        PARTYBOOK_HOME_TEMPLATE=str(homes) + "/{unix}",
        PARTYBOOK_NOTEBOOKS=str(ROOT / "notebooks"),
    )
    env.pop("PARTYBOOK_DRAFTS", None)
    env.pop("PARTYBOOK_CLASS_DIR", None)
    log = (hub_dir / "hub.log").open("w")
    proc = subprocess.Popen(
        [str(VENV_BIN / "jupyterhub"), "-f", str(config)],
        cwd=hub_dir, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    hub = Hub(base, token)
    try:
        deadline = time.monotonic() + 60
        while True:
            assert proc.poll() is None, (hub_dir / "hub.log").read_text()[-3000:]
            try:
                if requests.get(f"{base}/hub/api", timeout=2).status_code == 200:
                    break
            except requests.ConnectionError:
                pass
            assert time.monotonic() < deadline, (hub_dir / "hub.log").read_text()[-3000:]
            time.sleep(0.3)

        users = (*STUDENTS, TEACHER)
        for name in users:
            _form_login(base, name)  # DummyAuthenticator: the form login creates the user
            r = hub.api("POST", f"/users/{name}/server")
            assert r.status_code in (201, 202), r.text
        deadline = time.monotonic() + 90
        for name in users:
            hub.wait_ready(name, deadline)
        tokens = {name: hub.user_token(name) for name in users}

        def contents(user: str, as_user: str, path: str, method: str = "GET", **kw):
            return requests.request(
                method,
                f"{base}/user/{user}/api/contents/{path}",
                headers={"Authorization": f"token {tokens[as_user]}"},
                timeout=30,
                **kw,
            )

        # the workbook is each student's default page; the instructor gets the dashboard
        assert contents("alice", "alice", "partybook/党性分析工作簿.ipynb").status_code == 200
        assert contents(TEACHER, TEACHER, "partybook/教师面板.ipynb").status_code == 200
        info = hub.api("GET", "/users/alice").json()
        assert info["name"] == "alice"

        # each student saves a draft through their own server: alice with the contents API
        # (as the file browser does), bob from his kernel with partybook itself (as the
        # workbook's autosave does, into PARTYBOOK_DRAFTS set by the config)
        import random

        genre = load_genre()
        rng = random.Random(4)
        authors = {"alice": "艾丽华", "bob": "包文涛"}
        drafts = {name: make_draft(rng, genre, 1200, author=authors[name]) for name in STUDENTS}
        r = contents("alice", "alice", "partybook/drafts/我的草稿.json", "PUT",
                     json={"type": "file", "format": "text", "content": dumps(drafts["alice"])})  # fmt: skip
        assert r.status_code in (200, 201), r.text
        saved = _run_in_kernel(
            base,
            "bob",
            tokens["bob"],
            "import json\n"
            "from partybook.paths import drafts_dir\n"
            "from partybook.storage import draft_from_dict, save\n"
            f"draft = draft_from_dict(json.loads({dumps(drafts['bob'])!r}))\n"
            "print(save(draft, drafts_dir() / '我的草稿.json'))\n",
        )
        assert saved.strip() == str(homes / "bob" / "partybook" / "drafts" / "我的草稿.json")
        for name in STUDENTS:
            assert (homes / name / "partybook" / "drafts" / "我的草稿.json").is_file()

        # neither student can reach the other's drafts
        for me, other in (("alice", "bob"), ("bob", "alice")):
            r = contents(other, me, "partybook/drafts/我的草稿.json")
            assert r.status_code == 403, (me, other, r.status_code)
            r = contents(me, me, f"%2E%2E/{other}/partybook/drafts/我的草稿.json")
            assert r.status_code in (400, 403, 404), (me, other, r.status_code)
            assert authors[other] not in r.text
            listing = contents(me, me, "").json()
            assert other not in {x["name"] for x in listing["content"]}

        # the instructor's class report, in the instructor's own kernel and environment
        out = _run_in_kernel(
            base,
            TEACHER,
            tokens[TEACHER],
            "import os, subprocess, sys\n"
            "print(os.environ['PARTYBOOK_CLASS_DIR'])\n"
            "r = subprocess.run([sys.executable, '-m', 'partybook', 'class-report',\n"
            "    os.environ['PARTYBOOK_CLASS_DIR'], '--format', 'json'],\n"
            "    capture_output=True, text=True)\n"
            "print(r.returncode)\n"
            "print(r.stdout)\n",
        )
        glob, code, report = out.split("\n", 2)
        assert glob == str(homes / "*" / "partybook" / "drafts" / "*.json")
        assert code == "0", out
        rows = json.loads(report)["rows"]
        assert sorted((r["author"], Path(r["file"]).parts[0]) for r in rows) == [
            ("包文涛", "bob"), ("艾丽华", "alice"),
        ]  # fmt: skip
        assert all(r["sections_done"] == 6 for r in rows)
    finally:
        os.killpg(proc.pid, signal.SIGTERM)  # the hub stops the servers and the proxy
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)
        log.close()
