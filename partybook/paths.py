"""Every setting partybook reads from the environment, and where its files live.

This is the one module that reads ``PARTYBOOK_*`` variables; everything else asks it.

Data (genres, rules, exercises, layout, word lists) and the notebooks exist in two places:

* in a checkout they are the repository's top-level ``templates/`` and ``notebooks/``
  (./start and ./test install the project editable, so edits show at once);
* in an installed wheel they are shipped inside the package as ``partybook/_data/templates``
  and ``partybook/_data/notebooks`` (copied there by the build, see ``setup.py``) and read
  with :mod:`importlib.resources`.

The user's own files (drafts, published examples, the notebooks ``partybook lab`` opens) go
to the checkout's ``notebooks/`` folder when run from a checkout, else under
``~/partybook/`` — the layout ``deploy/`` gives every JupyterHub user.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent

TEMPLATES_ENV = "PARTYBOOK_TEMPLATES"  # a folder of genre, rule and exercise files
DRAFTS_ENV = "PARTYBOOK_DRAFTS"  # the workbook's autosave folder
EXAMPLES_ENV = "PARTYBOOK_EXAMPLES"  # root of the published (anonymised) examples
CLASS_DIR_ENV = "PARTYBOOK_CLASS_DIR"  # the class's drafts: a folder or a glob
EXERCISE_ENV = "PARTYBOOK_EXERCISE"  # the guided exercise of the class (id or file)
SHOWCASE_GENRE_ENV = "PARTYBOOK_GENRE"  # the showcase's genre
SHOWCASE_EXAMPLE_ENV = "PARTYBOOK_EXAMPLE"  # the showcase's worked example (.json)

DEFAULT_GENRE = "dangxing-fenxi"


def _env(name: str) -> str | None:
    """The variable's value, or None when it is unset or empty."""
    return os.environ.get(name) or None


def in_checkout() -> bool:
    """True when this package runs from a source checkout (not from an installed wheel)."""
    return (PROJECT_DIR / "pyproject.toml").is_file() and (PROJECT_DIR / "templates").is_dir()


@cache
def _packaged(name: str) -> Path | None:
    """``partybook/_data/<name>`` of an installed wheel, when present (never in a checkout)."""
    from importlib import resources  # only here: it imports typing and tempfile

    ref = resources.files("partybook").joinpath("_data", name)
    if not ref.is_dir():
        return None
    # wheels are installed unpacked, so the resource is a real folder
    return Path(str(ref))


def templates_dir() -> Path:
    """The folder of genre, rule and exercise files.

    ``PARTYBOOK_TEMPLATES`` wins so instructors can point at their own copy; then the data
    shipped in the installed package; then the checkout's ``templates/``.
    """
    override = _env(TEMPLATES_ENV)
    if override:
        return Path(override)
    return _packaged("templates") or PROJECT_DIR / "templates"


def notebooks_source_dir() -> Path:
    """The folder holding the shipped notebooks (``*.ipynb``)."""
    return _packaged("notebooks") or PROJECT_DIR / "notebooks"


def user_home_dir() -> Path:
    """``~/partybook``: the user's own folder outside a checkout."""
    return Path.home() / "partybook"


def drafts_dir(default: Path | None = None) -> Path:
    """The folder the workbook autosaves to.

    ``PARTYBOOK_DRAFTS`` overrides it; otherwise ``default`` when given, the checkout's
    ``notebooks/drafts`` when run from a checkout, else ``~/partybook/drafts``.
    """
    override = _env(DRAFTS_ENV)
    if override:
        return Path(override)
    if default is not None:
        return default
    if in_checkout():
        return PROJECT_DIR / "notebooks" / "drafts"
    return user_home_dir() / "drafts"


def examples_root() -> Path:
    """Root of the published examples (one sub-folder per genre).

    ``PARTYBOOK_EXAMPLES``; else ``examples/`` in the templates folder when that folder is
    the user's (a checkout or ``PARTYBOOK_TEMPLATES``); else ``~/partybook/examples`` — never
    inside an installed package.
    """
    override = _env(EXAMPLES_ENV)
    if override:
        return Path(override)
    if _env(TEMPLATES_ENV) or _packaged("templates") is None:
        return templates_dir() / "examples"
    return user_home_dir() / "examples"


def class_source() -> str:
    """The class's drafts for the dashboard and class report: ``PARTYBOOK_CLASS_DIR`` (a
    folder or a glob) or the local drafts folder."""
    return _env(CLASS_DIR_ENV) or str(drafts_dir())


def class_exercise() -> str | None:
    """The guided exercise of the class (``PARTYBOOK_EXERCISE``: an id or a file), if any."""
    return _env(EXERCISE_ENV)


def showcase_genre() -> str | None:
    """The showcase's genre id (``PARTYBOOK_GENRE``), if set."""
    return _env(SHOWCASE_GENRE_ENV)


def showcase_example() -> str | None:
    """The showcase's worked example file (``PARTYBOOK_EXAMPLE``), if set."""
    return _env(SHOWCASE_EXAMPLE_ENV)
