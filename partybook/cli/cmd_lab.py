"""partybook lab: open the workbook in JupyterLab (or, with --voila, as a code-free app).

Works from a checkout (the repository's ``notebooks/``) and from an installed package: the
shipped notebooks are copied to ``~/partybook/`` the first time (a copy the user already
has is never overwritten), drafts go to ``~/partybook/drafts`` unless ``PARTYBOOK_DRAFTS``
says otherwise. The server listens on 127.0.0.1 only. Needs ``partybook[workbook]``; without
it the command says so and exits 2.
"""

from __future__ import annotations

import argparse
from pathlib import Path

HELP = (
    "打开党性分析工作簿（JupyterLab；加 --voila 为无代码的应用界面），只在本机 127.0.0.1 上提供服务"
)

WORKBOOK = "党性分析工作簿.ipynb"
# module → the distribution that provides it, all in the [workbook] extra
NEEDED = {"jupyterlab": "jupyterlab", "ipywidgets": "ipywidgets", "ipykernel": "ipykernel"}
NEEDED_VOILA = {"voila": "voila"}
LAB_PORT = 8888
VOILA_PORT = 8866


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--voila", action="store_true", help="以 Voila 应用界面打开（不显示代码）")
    p.add_argument("--no-browser", action="store_true", help="不自动打开浏览器，只打印网址")
    p.add_argument(
        "--port",
        type=int,
        default=None,
        help=f"端口（默认 JupyterLab {LAB_PORT}，Voila {VOILA_PORT}）",
    )
    p.add_argument(
        "--dir",
        default=None,
        metavar="文件夹",
        help="工作簿所在的文件夹（默认：源码目录中的 notebooks/，安装版为 ~/partybook/）",
    )


def missing_modules(voila: bool) -> list[str]:
    """The workbook's modules that cannot be imported here (distribution names)."""
    from importlib.util import find_spec

    needed = {**NEEDED, **(NEEDED_VOILA if voila else {})}
    out = []
    for module, dist in needed.items():
        try:
            found = find_spec(module) is not None
        except (ImportError, ValueError):  # a module set to None in sys.modules, a bad spec
            found = False
        if not found:
            out.append(dist)
    return out


def prepare_folder(folder: str | None) -> tuple[Path, list[Path]]:
    """The folder the server opens, and the notebooks copied into it just now.

    From a checkout without ``--dir`` that is the repository's ``notebooks/`` (nothing is
    copied); otherwise the folder gets each shipped notebook it does not have yet."""
    import shutil

    from .. import paths

    source = paths.notebooks_source_dir()
    if folder is None and paths.in_checkout():
        return source, []
    target = Path(folder).expanduser() if folder else paths.user_home_dir()
    target.mkdir(parents=True, exist_ok=True)
    copied = []
    for nb in sorted(source.glob("*.ipynb")):
        dest = target / nb.name
        if not dest.exists():
            shutil.copy2(nb, dest)
            copied.append(dest)
    return target, copied


def server_command(args: argparse.Namespace, root: Path) -> list[str]:
    """The Jupyter server's command line (JupyterLab or Voila), bound to 127.0.0.1."""
    import os
    import sys
    from urllib.parse import quote

    if args.voila:
        cmd = [sys.executable, "-m", "voila", str(root / WORKBOOK), "--Voila.ip=127.0.0.1"]
        cmd += [f"--port={args.port or VOILA_PORT}"]
        # a student who closes the tab frees the kernel after an hour
        cmd += ["--MappingKernelManager.cull_idle_timeout=3600"]
        cmd += ["--MappingKernelManager.cull_interval=300"]
    else:
        cmd = [sys.executable, "-m", "jupyterlab", "--ServerApp.ip=127.0.0.1"]
        cmd += [f"--port={args.port or LAB_PORT}", f"--ServerApp.root_dir={root}"]
        cmd += [f"--LabApp.default_url=/lab/tree/{quote(WORKBOOK)}"]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            cmd.append("--allow-root")
    if args.no_browser:
        cmd.append("--no-browser")
    return cmd


def run(args: argparse.Namespace) -> int:
    import os
    import subprocess

    from .. import paths
    from ..errors import PartybookError
    from ..extras import WORKBOOK as WORKBOOK_EXTRA
    from ..extras import install_hint
    from ._io import say

    missing = missing_modules(args.voila)
    if missing:
        raise PartybookError(
            f"打开工作簿需要 Jupyter 组件（缺少：{'、'.join(missing)}）。{install_hint(WORKBOOK_EXTRA)}"
        )
    root, copied = prepare_folder(args.dir)
    if not (root / WORKBOOK).is_file():
        raise PartybookError(f"在 {root} 中找不到 {WORKBOOK}。请检查 --dir，或重新安装 partybook。")
    for path in copied:
        say(f"已将 {path.name} 复制到 {path.parent}")
    drafts = paths.drafts_dir()
    drafts.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, paths.DRAFTS_ENV: str(drafts)}
    cmd = server_command(args, root)
    if os.name == "posix":  # the server takes over this process: Ctrl-C and signals reach it
        os.chdir(root)
        os.execve(cmd[0], cmd, env)
    return subprocess.call(cmd, cwd=root, env=env)
