# JupyterHub configuration for one partybook class on one server (The Littlest JupyterHub
# style). See deploy/README.md. On TLJH, copy this file to
# /opt/tljh/config/jupyterhub_config.d/partybook.py and run `sudo tljh-config reload`.
#
# What it sets up, for every user, before their server starts (pre_spawn_hook, run as root
# by the hub):
#   ~/partybook/drafts/     the student's drafts (PARTYBOOK_DRAFTS points here); mode 2770,
#                           group = the student's own group, which the instructors join,
#                           so instructors can read (and comment on) drafts and classmates
#                           cannot
#   ~/partybook/*.ipynb     the workbook (students) or the instructor's notebook (teachers),
#                           copied once, opened as the default URL
#   PARTYBOOK_CLASS_DIR     for instructors: a glob over every student's drafts folder
#
# Settings come from environment variables of the hub process so the file itself needs no
# editing: PARTYBOOK_TEACHERS (comma-separated hub user names, default "teacher"),
# PARTYBOOK_HOME_TEMPLATE (default "/home/{unix}"), PARTYBOOK_UNIX_PREFIX (TLJH's
# "jupyter-"), PARTYBOOK_NOTEBOOKS (where the two notebooks are, default the ones shipped
# in the installed package); PARTYBOOK_EXERCISE and PARTYBOOK_EXAMPLES are passed on to
# every server.
# ruff: noqa: F821  (get_config is provided by JupyterHub when it loads this file)

import grp
import os
import pwd
import shutil
import subprocess
from pathlib import Path

c = get_config()  # type: ignore[name-defined]

TEACHERS = {
    n.strip() for n in os.environ.get("PARTYBOOK_TEACHERS", "teacher").split(",") if n.strip()
}
UNIX_PREFIX = os.environ.get("PARTYBOOK_UNIX_PREFIX", "jupyter-")
HOME_TEMPLATE = os.environ.get("PARTYBOOK_HOME_TEMPLATE", "/home/{unix}")


def _notebooks_dir() -> Path:
    override = os.environ.get("PARTYBOOK_NOTEBOOKS")
    if override:
        return Path(override)
    try:  # the notebooks shipped in the installed package (or the checkout's)
        from partybook.paths import notebooks_source_dir

        return notebooks_source_dir()
    except ImportError:  # the hub's Python may not have partybook; the users' one has
        return Path("/opt/partybook/notebooks")


WORKBOOK = "党性分析工作簿.ipynb"
TEACHER_NOTEBOOK = "教师面板.ipynb"


def unix_name(hub_name: str) -> str:
    return f"{UNIX_PREFIX}{hub_name}"


def home_of(spawner) -> Path:
    """The user's home: the spawner's own idea of it when it has one (SimpleLocalProcess-
    Spawner in tests), else the Unix account's, else the template."""
    home = getattr(spawner, "home_dir", None)
    if home:
        return Path(home)
    try:
        return Path(pwd.getpwnam(unix_name(spawner.user.name)).pw_dir)
    except KeyError:
        return Path(HOME_TEMPLATE.format(unix=unix_name(spawner.user.name), user=spawner.user.name))


def class_glob() -> str:
    """Every student's drafts, for the instructor's dashboard and `partybook class-report`."""
    pattern = HOME_TEMPLATE.format(unix=f"{UNIX_PREFIX}*", user="*")
    return os.path.join(pattern, "partybook", "drafts", "*.json")


def _unix_account(name: str):
    try:
        return pwd.getpwnam(name)
    except KeyError:
        return None  # no such Unix user (tests, or a spawner that makes none)


def _share_with_teachers(student_unix: str, drafts: Path, home: Path) -> None:
    """Real Unix users (TLJH): drafts folder owned by the student, group = the student's
    group, setgid so new files keep that group; every instructor joins that group."""
    account = _unix_account(student_unix)
    if account is None or os.geteuid() != 0:
        return
    group = grp.getgrgid(account.pw_gid).gr_name
    for path in (home / "partybook", drafts):
        os.chown(path, account.pw_uid, account.pw_gid)
        os.chmod(path, 0o2770)
    os.chmod(home, 0o750)  # the student's group (instructors) may enter; others may not
    for teacher in TEACHERS:
        if _unix_account(unix_name(teacher)) is not None:
            subprocess.run(["usermod", "-aG", group, unix_name(teacher)], check=False)


def prepare_user(spawner) -> None:
    """pre_spawn_hook: folders, notebook copy, environment and default URL for this user."""
    name = spawner.user.name
    teacher = name in TEACHERS
    home = home_of(spawner)
    drafts = home / "partybook" / "drafts"
    drafts.mkdir(parents=True, exist_ok=True)
    notebook = TEACHER_NOTEBOOK if teacher else WORKBOOK
    source = _notebooks_dir() / notebook
    target = home / "partybook" / notebook
    if source.is_file() and not target.exists():
        shutil.copyfile(source, target)
        account = _unix_account(unix_name(name))
        if account is not None and os.geteuid() == 0:
            os.chown(target, account.pw_uid, account.pw_gid)
    if not teacher:
        _share_with_teachers(unix_name(name), drafts, home)
    # two malloc arenas, not one per thread: the server's and the kernel's helper threads
    # would each keep their own heap (per-student memory, measured by class_load.py)
    env = {**spawner.environment, "PARTYBOOK_DRAFTS": str(drafts), "MALLOC_ARENA_MAX": "2"}
    # the class's exercise (workbook and dashboard) and its shared examples folder
    for name in ("PARTYBOOK_EXERCISE", "PARTYBOOK_EXAMPLES"):
        if os.environ.get(name):
            env[name] = os.environ[name]
    if teacher:
        env["PARTYBOOK_CLASS_DIR"] = class_glob()
    spawner.environment = env  # a new dict: the configured one is shared by all spawners
    spawner.default_url = f"/lab/tree/partybook/{notebook}"


c.Spawner.pre_spawn_hook = prepare_user
# Only what a student uses: JupyterLab. The language server, terminals (a shell per student
# is more than a writing class needs) and the Voila server extension each cost memory in
# every student's server (benchmarks/class_load.py measures it).
c.Spawner.args = [
    "--ServerApp.jpserver_extensions="
    '{"jupyter_lsp": False, "jupyter_server_terminals": False, "voila.server_extension": False}'
]
c.Spawner.notebook_dir = "~"  # each server sees only its own home: students cannot browse others
c.Spawner.default_url = f"/lab/tree/partybook/{WORKBOOK}"
# Drafts are created group-readable (0660) so the instructors' group can read them; the
# folder's mode keeps everyone else out. SystemdSpawner (TLJH) applies this umask.
c.SystemdSpawner.unit_extra_properties = {"UMask": "0007"}
c.LocalProcessSpawner.popen_kwargs = {"umask": 0o007}  # the same without systemd
# Instructors are ordinary users here: on TLJH an admin also gets sudo, so grant that
# separately (`sudo tljh-config add-item users.admin NAME`) only to whoever runs the server.
c.JupyterHub.admin_access = False
