"""Build step: ship the repository's top-level data inside the package.

``templates/`` (genres, rules, exercises, layout, word lists) and ``notebooks/*.ipynb`` stay
at the top of the repository, where instructors and contributors edit them; a wheel gets a
copy of them as ``partybook/_data/templates`` and ``partybook/_data/notebooks`` (read by
``partybook.paths`` with importlib.resources). Local state is never copied: no drafts
folder, no notebook checkpoints, no published examples, no caches.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
# source folder → glob of the files shipped from it, into partybook/_data/<folder>
DATA = {"templates": "**/*", "notebooks": "*.ipynb"}
# local state that may sit inside templates/ in a working checkout
SKIP_DIRS = {"examples", "drafts", "__pycache__"}


def data_files(folder: str, pattern: str) -> list[Path]:
    """The files to ship from ``folder``, relative to it: no hidden file, no local state."""
    base = ROOT / folder
    out: list[Path] = []
    for path in base.glob(pattern):
        rel = path.relative_to(base)
        hidden = any(part.startswith(".") for part in rel.parts)
        if path.is_file() and not hidden and not SKIP_DIRS.intersection(rel.parts[:-1]):
            out.append(rel)
    return sorted(out)


class BuildWithData(build_py):
    def run(self) -> None:
        super().run()
        # an editable install reads the checkout's folders directly
        if getattr(self, "editable_mode", False):
            return
        for folder, pattern in DATA.items():
            target = Path(self.build_lib) / "partybook" / "_data" / folder
            if target.exists():
                shutil.rmtree(target)
            for rel in data_files(folder, pattern):
                dest = target / rel
                dest.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(ROOT / folder / rel, dest)


setup(cmdclass={"build_py": BuildWithData})
