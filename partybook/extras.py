"""The optional parts of partybook and the modules each needs.

The core (model, checks, import, export) installs without Jupyter; ``partybook[workbook]``
adds the notebook workbook (JupyterLab, widgets, kernel, Voila, nbconvert) and
``partybook[classroom]`` the instructor's tools (the workbook's plus similarity and charts).
A command that reaches a module of a missing extra says which extra to install.
"""

from __future__ import annotations

WORKBOOK = "workbook"
CLASSROOM = "classroom"

# top-level module → the extra that installs it (pyproject.toml's optional dependencies)
EXTRA_OF_MODULE: dict[str, str] = {
    "jupyterlab": WORKBOOK,
    "jupyter_server": WORKBOOK,
    "jupyter_client": WORKBOOK,
    "ipywidgets": WORKBOOK,
    "ipykernel": WORKBOOK,
    "IPython": WORKBOOK,
    "voila": WORKBOOK,
    "nbconvert": WORKBOOK,
    "nbclient": WORKBOOK,
    "nbformat": WORKBOOK,
    "datasketch": CLASSROOM,
    "numpy": CLASSROOM,
    "matplotlib": CLASSROOM,
}


def install_hint(extra: str) -> str:
    return f"请先安装 partybook[{extra}]：pip install 'partybook[{extra}]'"


def missing_extra(err: ModuleNotFoundError) -> str | None:
    """The extra whose absence caused ``err``, or None when it is not an optional module."""
    top = (err.name or "").split(".")[0]
    return EXTRA_OF_MODULE.get(top)


def missing_message(err: ModuleNotFoundError) -> str | None:
    """A Chinese message naming the extra to install, or None for any other missing module."""
    extra = missing_extra(err)
    if extra is None:
        return None
    return f"这项功能需要可选组件 {err.name}，当前安装中没有。{install_hint(extra)}"
