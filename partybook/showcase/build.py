"""Building the offline showcase page: execute ``范例展示.ipynb`` with nbclient and convert
it with nbconvert's ``lab`` template without code cells and without any script or
stylesheet loaded from a CDN, so the page works offline (a course website, a handout).

Jupyter is imported only inside the functions that need it.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path
from typing import Any

from .. import paths
from ..errors import ExportError
from .page import ERROR_CLASS, resolve

NOTEBOOK_NAME = "范例展示.ipynb"
TIMEOUT = 120  # seconds for the notebook's cell


def notebook_path() -> Path:
    """The showcase notebook: the checkout's or the one shipped in the package."""
    return paths.notebooks_source_dir() / NOTEBOOK_NAME


# nbconvert's lab template with the head scripts removed: require.js, MathJax and mermaid
# (all loaded from a CDN) and the widget renderer. The page shows static HTML only.
_TEMPLATE_NAME = "partybook_showcase.html.j2"
_TEMPLATE = """{%- extends 'index.html.j2' -%}
{%- block html_head_js -%}{%- endblock html_head_js -%}
{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
"""

_REMOTE_SCRIPT = re.compile(
    r"<script\b[^>]*\bsrc\s*=\s*[\"']?(?:https?:)?//[^>]*>.*?</script\s*>", re.I | re.S
)
_REMOTE_LINK = re.compile(r"<link\b[^>]*\bhref\s*=\s*[\"']?(?:https?:)?//[^>]*>", re.I)
_REMOTE_IMPORT = re.compile(r"""\bimport\(\s*["'](?:https?:)?//""", re.I)


def make_self_contained(page: str) -> str:
    """Remove any script or stylesheet the page would load from another site."""
    page = _REMOTE_SCRIPT.sub("", page)
    page = _REMOTE_LINK.sub("", page)
    if _REMOTE_IMPORT.search(page):
        raise ExportError("展示页中仍有从网络加载的脚本，无法生成离线页面。请联系维护者。")
    return page


def _child_env(genre_id: str | None, example_path: Path | None) -> dict[str, str]:
    names = (paths.SHOWCASE_GENRE_ENV, paths.SHOWCASE_EXAMPLE_ENV)
    env = {k: v for k, v in os.environ.items() if k not in names}
    if genre_id:
        env[paths.SHOWCASE_GENRE_ENV] = genre_id
    if example_path is not None:
        env[paths.SHOWCASE_EXAMPLE_ENV] = str(example_path)
    return env


def _cell_error(nb: Any) -> str | None:
    """The Chinese message of an error output in the executed notebook (an nbformat node)."""
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            html = out.get("data", {}).get("text/html", "")
            if isinstance(html, list):
                html = "".join(html)
            if f'class="{ERROR_CLASS}"' in html:
                return re.sub(r"<[^>]+>", "", html).removeprefix("错误：").strip()
    return None


def _execute(nb: Any, env: dict[str, str]) -> None:
    from jupyter_client.kernelspec import NoSuchKernel
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

    client = NotebookClient(
        nb,
        timeout=TIMEOUT,
        kernel_name="python3",
        resources={"metadata": {"path": str(notebook_path().parent)}},
    )
    try:
        # the kernel's own log lines (English, e.g. about TCP transport) are not for users;
        # a failing cell still reaches us through the messages
        client.execute(env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    except NoSuchKernel:
        raise ExportError(
            "找不到名为 python3 的 Jupyter 内核，无法执行范例笔记本。请安装 ipykernel（pip install ipykernel）。"
        ) from None
    except CellTimeoutError:
        raise ExportError(
            f"执行范例笔记本超过 {TIMEOUT} 秒仍未完成，已放弃。请稍后重试。"
        ) from None
    except DeadKernelError:
        raise ExportError("执行范例笔记本时内核意外退出（可能是内存不足）。请稍后重试。") from None
    except CellExecutionError as err:
        last = str(err).strip().splitlines()[-1:] or [""]
        raise ExportError(f"执行范例笔记本时出错：{last[0]}") from None


def render_showcase_html(
    genre_id: str | None = paths.DEFAULT_GENRE,
    example_path: str | os.PathLike[str] | None = None,
    output: str | os.PathLike[str] | None = None,
) -> bytes:
    """Execute the showcase notebook and convert it to one self-contained HTML page
    (UTF-8 bytes); also written to ``output`` when given (atomically, overwriting).

    With ``example_path`` (an anonymised draft .json) its genre is used; pass
    ``genre_id=None`` or the same id. Raises :class:`PartybookError` in Chinese."""
    import nbformat
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter
    from nbconvert.preprocessors import TagRemovePreprocessor

    example = Path(example_path).resolve() if example_path else None
    genre, _ = resolve(genre_id, example)  # user errors before a kernel is started
    notebook = notebook_path()
    if not notebook.is_file():
        raise ExportError(f"找不到范例笔记本 {notebook}，请检查 partybook 是否完整安装。")
    nb = nbformat.read(notebook, as_version=4)
    _execute(nb, _child_env(genre.id, example))
    problem = _cell_error(nb)
    if problem:
        raise ExportError(problem)
    nb.metadata["title"] = f"{genre.name}范例"

    exporter = HTMLExporter(
        template_name="lab",
        extra_loaders=[DictLoader({_TEMPLATE_NAME: _TEMPLATE})],
        template_file=_TEMPLATE_NAME,
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )
    exporter.mathjax_url = ""
    exporter.require_js_url = ""
    exporter.language_code = "zh"
    # the notebook's own instructions (markdown for someone opening it) are not printed
    exporter.register_preprocessor(
        TagRemovePreprocessor(remove_cell_tags={"pb-hide"}, enabled=True), enabled=True
    )
    page, _ = exporter.from_notebook_node(nb)
    data = make_self_contained(page).encode("utf-8")
    if output is not None:
        from ..storage import write_atomic

        write_atomic(Path(output), data, keep_backup=False)
    return data
