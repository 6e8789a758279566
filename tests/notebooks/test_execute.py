"""Every notebook in notebooks/ runs headlessly (nbclient) without an error, and none is
committed with outputs (the JSON draft is the state, never the notebook)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def test_the_workbook_notebook_exists() -> None:
    assert ROOT / "notebooks" / "党性分析工作簿.ipynb" in NOTEBOOKS


def _committed(path: Path) -> str:
    """The notebook as committed (JupyterLab autosaves outputs into a working copy a user
    ran; that copy is not what the repository ships)."""
    rel = path.relative_to(ROOT).as_posix()
    out = subprocess.run(["git", "show", f"HEAD:{rel}"], cwd=ROOT, capture_output=True, check=False)
    if out.returncode == 0:
        return out.stdout.decode("utf-8")
    return path.read_text(encoding="utf-8")  # not committed yet: check the file itself


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_committed_without_outputs(path: Path) -> None:
    nb = nbformat.reads(_committed(path), as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, path.name


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_executes(path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PARTYBOOK_DRAFTS", str(tmp_path / "drafts"))
    nb = nbformat.read(path, as_version=4)
    NotebookClient(
        nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    ).execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    if path.name == "党性分析工作簿.ipynb":
        widgets = [
            o for o in outputs if "application/vnd.jupyter.widget-view+json" in o.get("data", {})
        ]
        assert widgets, "the workbook cell displays no widget"
