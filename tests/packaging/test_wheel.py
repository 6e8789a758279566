"""The built wheel works without a checkout: build it from a clean copy of HEAD, install it
(core only, dependencies from the index at the versions of requirements.lock) into a fresh
venv, and use the ``partybook`` command from an unrelated folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


@dataclass
class Installed:
    wheel: Path
    bin: Path  # the fresh venv's bin/
    home: Path  # HOME of the commands run
    build_seconds: float
    install_seconds: float


def _quiet(cmd: list[str]) -> subprocess.CompletedProcess[str]:
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=900)
    assert r.returncode == 0, f"{cmd}\n{r.stdout}\n{r.stderr}"
    return r


def _tracked(folder: str) -> list[str]:
    """Files of ``folder`` at HEAD, relative to it."""
    out = _quiet(
        [
            "git",
            "-C",
            str(ROOT),
            "-c",
            "core.quotePath=false",
            "ls-tree",
            "-r",
            "--name-only",
            "HEAD",
            folder,
        ]
    )
    return [line.removeprefix(folder + "/") for line in out.stdout.splitlines()]


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    # the wheel is built from a clean copy of HEAD: a checkout without git is an error here
    assert (ROOT / ".git").exists() and shutil.which("git"), "needs a git checkout and git"
    tmp = tmp_path_factory.mktemp("wheel")
    src = tmp / "src"
    src.mkdir()
    archive = tmp / "head.tar"
    _quiet(["git", "-C", str(ROOT), "archive", "--format=tar", "-o", str(archive), "HEAD"])
    with tarfile.open(archive) as tar:
        tar.extractall(src, filter="data")
    t0 = time.monotonic()
    pip = [sys.executable, "-m", "pip"]
    _quiet([*pip, "wheel", "-q", "--no-deps", "-w", str(tmp / "dist"), str(src)])
    build = time.monotonic() - t0
    (wheel,) = (tmp / "dist").glob("partybook-*.whl")

    t0 = time.monotonic()
    venv = tmp / "venv"
    # a venv of its own, no access to this one's packages; this venv's pip installs into it
    _quiet([sys.executable, "-m", "venv", "--without-pip", str(venv)])
    lock = src / "requirements.lock"
    python = venv / "bin" / "python"
    _quiet([*pip, "--python", str(python), "install", "-q", "-c", str(lock), str(wheel)])
    install = time.monotonic() - t0
    print(f"\nwheel: built in {build:.1f} s, installed (core, fresh venv) in {install:.1f} s")
    home = tmp / "home"
    home.mkdir()
    return Installed(wheel, venv / "bin", home, build, install)


def _run(inst: Installed, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PARTYBOOK_")}
    env.pop("PYTHONPATH", None)
    env["HOME"] = str(inst.home)
    return subprocess.run(
        [str(inst.bin / "partybook"), *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_wheel_ships_the_data_and_notebooks_and_nothing_local(installed: Installed) -> None:
    names = zipfile.ZipFile(installed.wheel).namelist()
    data = [n for n in names if n.startswith("partybook/_data/")]
    shipped_templates = sorted(
        n.removeprefix("partybook/_data/templates/")
        for n in data
        if n.startswith("partybook/_data/templates/")
    )
    expected = [t for t in _tracked("templates") if not t.startswith("examples/")]
    assert expected and shipped_templates == sorted(expected)
    notebooks = sorted(
        n.removeprefix("partybook/_data/notebooks/")
        for n in data
        if n.startswith("partybook/_data/notebooks/")
    )
    assert notebooks == sorted(n for n in _tracked("notebooks") if n.endswith(".ipynb"))
    assert len(notebooks) == 3
    assert "partybook/ui/workbook.css" in names and "partybook/showcase/showcase.css" in names
    assert not [n for n in names if "/drafts/" in n or n.endswith(".json")], "a drafts folder"
    assert not [n for n in names if n.startswith("tests/") or "/tests/" in n], "tests shipped"
    assert not [n for n in names if "__pycache__" in n or ".ipynb_checkpoints" in n]
    assert not [n for n in names if "/examples/" in n], "published examples shipped"


def test_new_check_export_from_an_unrelated_folder(installed: Installed, tmp_path: Path) -> None:
    r = _run(installed, "new", "-o", "a.json", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "已新建党性分析草稿" in r.stdout
    r = _run(installed, "new", "--genre", "duizhao-jiancha", "-o", "b.json", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    r = _run(installed, "check", "a.json", cwd=tmp_path)
    assert r.returncode == 1 and "PB101" in r.stdout, r.stdout + r.stderr  # empty sections
    r = _run(installed, "export", "a.json", "--to", "docx", "-o", "a.docx", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert zipfile.ZipFile(tmp_path / "a.docx").read("word/document.xml")
    r = _run(installed, "export", "b.json", "--to", "md", "-o", "b.md", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "一、存在的问题" in (tmp_path / "b.md").read_text(encoding="utf-8")


def test_the_installed_package_reads_its_own_data_and_keeps_drafts_in_home(
    installed: Installed, tmp_path: Path
) -> None:
    code = (
        "from partybook import paths;"
        "print(paths.in_checkout(), paths.templates_dir(), paths.drafts_dir(),"
        " paths.examples_root(), sep='\\n')"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("PARTYBOOK_")}
    env["HOME"] = str(installed.home)
    r = subprocess.run(
        [str(installed.bin / "python"), "-c", code],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert r.returncode == 0, r.stderr
    checkout, templates, drafts, examples = r.stdout.splitlines()
    assert checkout == "False"
    assert "site-packages" in templates and templates.endswith("partybook/_data/templates")
    assert drafts == str(installed.home / "partybook" / "drafts")
    assert examples == str(installed.home / "partybook" / "examples")
    # PARTYBOOK_TEMPLATES still wins: an instructor's own copy with one genre only
    own = tmp_path / "own"
    own.mkdir()
    shutil.copy(ROOT / "templates" / "duizhao-jiancha.yaml", own)
    env = {"PARTYBOOK_TEMPLATES": str(own)}
    os_env = {**os.environ, **env, "HOME": str(installed.home)}
    r = subprocess.run(
        [str(installed.bin / "partybook"), "new", "-o", "c.json"],
        cwd=tmp_path,
        env=os_env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert r.returncode == 2 and "可用的文体：duizhao-jiancha" in r.stderr, r.stderr


def test_a_core_install_explains_the_missing_extras(installed: Installed, tmp_path: Path) -> None:
    r = _run(installed, "lab", "--help", cwd=tmp_path)
    assert r.returncode == 0 and "--voila" in r.stdout, r.stderr
    r = _run(installed, "--help", cwd=tmp_path)
    assert r.returncode == 0
    from partybook.cli import COMMANDS

    listed = [
        name for name in COMMANDS if f"    {name} " in r.stdout or f"    {name}\n" in r.stdout
    ]
    assert listed == list(COMMANDS), r.stdout
    r = _run(installed, "lab", cwd=tmp_path)
    assert r.returncode == 2
    assert "partybook[workbook]" in r.stderr and "请先安装" in r.stderr
    assert not (installed.home / "partybook").exists() or not any(
        (installed.home / "partybook").glob("*.ipynb")
    ), "nothing is copied when the server cannot start"
    r = _run(installed, "showcase", "-o", "s.html", cwd=tmp_path)
    assert r.returncode == 2 and "partybook[workbook]" in r.stderr, r.stderr
    r = _run(installed, "class-report", str(tmp_path), cwd=tmp_path)
    assert r.returncode == 2 and "partybook[classroom]" in r.stderr, r.stderr
    assert "Traceback" not in r.stderr
