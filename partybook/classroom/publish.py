"""Publishing anonymised examples from a class's drafts.

The instructor picks drafts; :func:`prepare` anonymises each one with
:func:`partybook.anonymizer.anonymize` and returns the replacements for review; after review
:func:`publish` saves the example into the examples folder, where the class report compares
new drafts with it and workbooks can offer it as an extra example (:func:`load_examples`).

The examples root is :func:`partybook.paths.examples_root` (``PARTYBOOK_EXAMPLES``, the
checkout's ``templates/examples/`` or ``~/partybook/examples``) unless the ``folder``
argument names another; each genre has its own sub-folder.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..draft import Draft
from ..errors import PartybookError
from ..paths import EXAMPLES_ENV as EXAMPLES_ENV  # re-exported for callers and tests


def examples_root(folder: str | os.PathLike[str] | None = None) -> Path:
    if folder is not None:
        return Path(folder)
    from .. import paths

    return paths.examples_root()


def examples_dir(genre_id: str, folder: str | os.PathLike[str] | None = None) -> Path:
    from ..filenames import safe_filename

    return examples_root(folder) / safe_filename(genre_id, default="examples")


@dataclass
class Candidate:
    """A draft picked for publishing, anonymised, waiting for the instructor's review."""

    source: str  # the draft's file name in the class
    original: Draft
    example: Draft
    replacements: list[Any] = field(default_factory=list)  # anonymizer.Replacement
    proposals: list[Any] = field(default_factory=list)  # anonymizer.Proposal, with keep toggles

    def review_lines(self) -> list[str]:
        """Every replacement as "章节：原文 → 替换（原因）", for the instructor to check."""
        return [r.describe() for r in self.replacements]

    def reapply(self) -> None:
        """Rebuild the example after the instructor toggled ``keep`` on some proposals."""
        from ..anonymizer import apply

        self.example, self.replacements = apply(self.original, self.proposals)


def prepare(draft: Draft, source: str = "") -> Candidate:
    """Anonymise ``draft`` for publishing (with the decisions remembered in it). The
    instructor's comments are not published."""
    from ..anonymizer import apply, propose

    proposals = propose(draft)
    example, replacements = apply(draft, proposals)
    return Candidate(
        source=source,
        original=draft,
        example=example,
        replacements=replacements,
        proposals=proposals,
    )


def publish(
    candidate: Candidate | Draft,
    folder: str | os.PathLike[str] | None = None,
    name: str | None = None,
) -> Path:
    """Save a reviewed example as ``<examples folder>/<genre>/<name>.json`` (never overwriting
    another example: a number is added to the name). Returns the path written."""
    from ..filenames import safe_filename, unique_path
    from ..storage import save

    example = candidate.example if isinstance(candidate, Candidate) else candidate
    if not example.example:
        raise PartybookError("只能发布经过匿名化处理的范文。请先点“匿名化”，核对替换后再发布。")
    target = examples_dir(example.genre, folder)
    title = example.text_of("title").strip()
    stem = safe_filename(name or title or "范文", default="范文", max_bytes=90)
    try:
        target.mkdir(parents=True, exist_ok=True)
        return save(example, unique_path(target, stem, ".json"), touch=False)
    except PermissionError:
        raise PartybookError(
            f"没有权限写入范文文件夹 {target}。请换一个文件夹，或请管理员开放写权限。"
        ) from None


def load_examples(
    genre_id: str,
    folder: str | os.PathLike[str] | None = None,
    skipped: list[tuple[Path, str]] | None = None,
) -> list[tuple[Path, Draft]]:
    """Published examples of a genre, by file name. Unreadable files are left out; when
    ``skipped`` is given, each of them is appended to it as (path, Chinese reason)."""
    from ..storage import load

    d = examples_dir(genre_id, folder)
    out = []
    for path in sorted(d.glob("*.json")) if d.is_dir() else []:
        try:
            draft = load(path)
        except (PartybookError, OSError, ValueError, RecursionError) as err:
            if skipped is not None:
                reason = err.message if isinstance(err, PartybookError) else str(err)
                skipped.append((path, reason or type(err).__name__))
            continue
        if draft.genre == genre_id:
            out.append((path, draft))
    return out
