"""notebooks/教师面板.ipynb runs headlessly over a class folder and shows the class."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
from nbclient import NotebookClient

NOTEBOOK = Path(__file__).resolve().parents[2] / "notebooks" / "教师面板.ipynb"


def test_instructor_notebook_executes_over_a_class(klass, monkeypatch):
    folder, roles = klass
    monkeypatch.setenv("PARTYBOOK_CLASS_DIR", str(folder))
    nb = nbformat.read(NOTEBOOK, as_version=4)
    assert all(c.outputs == [] for c in nb.cells if c.cell_type == "code")
    client = NotebookClient(
        nb, timeout=120, kernel_name="python3", store_widget_state=True,
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    )  # fmt: skip
    client.execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert any("application/vnd.jupyter.widget-view+json" in o.get("data", {}) for o in outputs)
    state = json.dumps(nb.metadata["widgets"], ensure_ascii=False)
    n = sum(len(v) for v in roles.values())
    assert f"共 {n} 份草稿" in state  # the summary line, computed from the class folder
    assert "钟晓岚" in state and "覃春华" in state  # students in the table
