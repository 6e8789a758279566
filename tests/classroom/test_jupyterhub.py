"""deploy/jupyterhub_config.py as deployed: a real JupyterHub (127.0.0.1, DummyAuthenticator,
configurable-http-proxy from npm) spawning each user's server as that user's own Unix
account with LocalProcessSpawner — two students and an instructor, real users
``pbtest-NN`` made with useradd and removed afterwards.

Shown from inside the users' own kernels, where any path can be ``open()``-ed: a student
can neither list nor read the other student's drafts folder (Unix permissions: home 0750,
drafts 2770, files 0660 under the servers' umask 0007); the instructor, a member of each
student's group, can list, read and comment them, and the class report sees both. The
hub's own URL-level isolation (per-user servers and tokens, each server rooted at its
home) is checked too. Root only (creating users needs it); ./test runs as root in CI.
"""

from __future__ import annotations

import json
import os
import random
import stat
from pathlib import Path

import pytest
import requests
from classroom.classgen import make_draft
from support.hub import RunningHub, free_names, reachable_python, run_in_kernel, scratch_dir
from support.hub import unix_users as make_users

from partybook.genre import load_genre
from partybook.storage import dumps

NOT_ROOT_OUTSIDE_CI = os.geteuid() != 0 and os.environ.get("CI") != "true"

pytestmark = [
    pytest.mark.slow,
    # a developer without root may skip it; under CI=true it runs (and fails without root)
    pytest.mark.skipif(NOT_ROOT_OUTSIDE_CI, reason="creating Unix users needs root"),
]

DRAFT = "我的草稿.json"
PROBE = """
import json, os
result = {}
for name, path in %r.items():
    try:
        os.listdir(path)
        result[name + ":list"] = "ok"
    except PermissionError:
        result[name + ":list"] = "denied"
    try:
        with open(os.path.join(path, %r), encoding="utf-8") as fh:
            result[name + ":read"] = json.load(fh)["meta"]["author"]
    except PermissionError:
        result[name + ":read"] = "denied"
print(json.dumps(result, ensure_ascii=False))
"""


def test_students_isolated_by_unix_permissions_instructor_reads_all(tmp_path: Path) -> None:
    alice, bob, teacher = free_names("pbtest", 3)
    hub_dir = tmp_path / "hub"
    hub_dir.mkdir()
    with scratch_dir("pbtest-homes-") as homes, make_users([alice, bob, teacher], homes), \
            reachable_python():  # fmt: skip
        hub = RunningHub(hub_dir, homes, teachers=[teacher])
        try:
            hub.wait_up()
            for name in (alice, bob, teacher):
                hub.login(name)  # DummyAuthenticator: the form login creates the hub user
            for name in (alice, bob):  # students first: their hooks add the teacher to
                hub.start(name)  # their groups, which the teacher's server then gets
            for name in (alice, bob):
                hub.wait_ready(name)
            hub.start(teacher)
            hub.wait_ready(teacher)
            _check(hub, homes, alice, bob, teacher)
        finally:
            hub.stop()


def _check(hub: RunningHub, homes: Path, alice: str, bob: str, teacher: str) -> None:
    drafts_dir = {name: homes / name / "partybook" / "drafts" for name in (alice, bob)}

    def contents(user: str, as_user: str, path: str, method: str = "GET", **kw):
        return requests.request(
            method, f"{hub.base}/user/{user}/api/contents/{path}",
            headers={"Authorization": f"token {hub.user_token(as_user)}"}, timeout=60, **kw,
        )  # fmt: skip

    # the workbook is each student's default page; the instructor gets the dashboard
    assert contents(alice, alice, "partybook/党性分析工作簿.ipynb").status_code == 200
    assert contents(teacher, teacher, "partybook/教师面板.ipynb").status_code == 200

    # each server runs as its own Unix user
    assert run_in_kernel(hub, alice, "import getpass; print(getpass.getuser())").strip() == alice

    # alice saves through the contents API (the file browser), bob from his kernel with
    # partybook itself (the workbook's autosave into PARTYBOOK_DRAFTS)
    genre = load_genre()
    rng = random.Random(4)
    authors = {alice: "艾丽华", bob: "包文涛"}
    drafts = {n: make_draft(rng, genre, 1200, author=authors[n]) for n in (alice, bob)}
    r = contents(alice, alice, f"partybook/drafts/{DRAFT}", "PUT",
                 json={"type": "file", "format": "text", "content": dumps(drafts[alice])})  # fmt: skip
    assert r.status_code in (200, 201), r.text
    saved = run_in_kernel(
        hub, bob,
        "import json\n"
        "from partybook.paths import drafts_dir\n"
        "from partybook.storage import draft_from_dict, save\n"
        f"draft = draft_from_dict(json.loads({dumps(drafts[bob])!r}))\n"
        f"print(save(draft, drafts_dir() / {DRAFT!r}))\n",
    )  # fmt: skip
    assert saved.strip() == str(drafts_dir[bob] / DRAFT)
    for name in (alice, bob):
        st = (drafts_dir[name] / DRAFT).stat()
        assert stat.S_IMODE(st.st_mode) == 0o660, oct(st.st_mode)  # the servers' umask 0007
        assert stat.S_IMODE((homes / name).stat().st_mode) == 0o750
        assert stat.S_IMODE(drafts_dir[name].stat().st_mode) == 0o2770

    # inside each student's kernel: the other's drafts can be neither listed nor read
    paths = {name: str(drafts_dir[name]) for name in (alice, bob)}
    for me, other in ((alice, bob), (bob, alice)):
        seen = json.loads(run_in_kernel(hub, me, PROBE % (paths, DRAFT)))
        assert seen[f"{me}:list"] == "ok" and seen[f"{me}:read"] == authors[me]
        assert seen[f"{other}:list"] == "denied", seen
        assert seen[f"{other}:read"] == "denied", seen
        # nor through the hub: the other's server, or a path outside one's own home
        assert contents(other, me, f"partybook/drafts/{DRAFT}").status_code == 403
        r = contents(me, me, f"%2E%2E/{other}/partybook/drafts/{DRAFT}")
        assert r.status_code in (400, 403, 404) and authors[other] not in r.text

    # the instructor's kernel: both folders listed and read, feedback written, class report
    seen = json.loads(run_in_kernel(hub, teacher, PROBE % (paths, DRAFT)))
    assert seen == {
        f"{alice}:list": "ok", f"{alice}:read": authors[alice],
        f"{bob}:list": "ok", f"{bob}:read": authors[bob],
    }  # fmt: skip
    out = run_in_kernel(
        hub, teacher,
        "import os, subprocess, sys\n"
        "from partybook.classroom.feedback import add_comment\n"
        f"add_comment({str(drafts_dir[alice] / DRAFT)!r}, 'basic', '请写具体些。', author='周老师')\n"
        "print(os.environ['PARTYBOOK_CLASS_DIR'])\n"
        "r = subprocess.run([sys.executable, '-m', 'partybook', 'class-report',\n"
        "    os.environ['PARTYBOOK_CLASS_DIR'], '--format', 'json'],\n"
        "    capture_output=True, text=True)\n"
        "print(r.returncode)\n"
        "print(r.stdout)\n",
    )  # fmt: skip
    glob, code, report = out.split("\n", 2)
    assert glob == str(homes / "*" / "partybook" / "drafts" / "*.json")
    assert code == "0", out
    rows = json.loads(report)["rows"]
    assert sorted((r["author"], Path(r["file"]).parts[0], r["comments"]) for r in rows) == sorted(
        [(authors[alice], alice, 1), (authors[bob], bob, 0)]
    )
    # the comment's atomic save made the file the instructor's, in alice's group (setgid
    # folder) with mode 0660: alice's next autosave still reads and replaces it
    st = (drafts_dir[alice] / DRAFT).stat()
    assert (st.st_gid, stat.S_IMODE(st.st_mode)) == ((homes / alice).stat().st_gid, 0o660)
    out = run_in_kernel(
        hub, alice,
        "from partybook.paths import drafts_dir\n"
        "from partybook.storage import load, save\n"
        f"path = drafts_dir() / {DRAFT!r}\n"
        "draft = load(path)\n"
        "draft.meta.position = '科员'\n"
        "save(draft, path)\n"
        "print(len(load(path).comments))\n",
    )  # fmt: skip
    assert out.strip() == "1"
    assert (drafts_dir[alice] / DRAFT).stat().st_uid == (homes / alice).stat().st_uid
