"""Reading the YAML data files in ``templates/`` (genres, rules, exercises, fonts, word lists).

The one reader of YAML in partybook: every data file is parsed here with a safe loader
(never code); a file that cannot be read or parsed raises a Chinese message naming the kind
of file, its path and what to do (reading itself is :func:`partybook.reading.read_text_zh`).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml

from .errors import PartybookError
from .reading import read_text_zh

# libyaml's loader when present: as safe as yaml.safe_load, ~10× faster to parse.
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str) -> Any:
    return yaml.load(text, Loader=SafeLoader)  # noqa: S506 - a safe loader


def read_yaml(
    path: str | os.PathLike[str],
    what: str,
    error: type[PartybookError] = PartybookError,
    *,
    not_found: str | None = None,
) -> Any:
    """Parse the YAML file at ``path``; ``what`` names it for the user (e.g. 文体文件).

    Raises ``error`` with a Chinese message for a missing, unreadable, non-UTF-8 or
    malformed file (``not_found`` replaces the message for a missing one).
    """
    p = Path(path)
    text = read_text_zh(p, what, error, not_found=not_found)
    try:
        return parse_yaml(text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f"第 {mark.line + 1} 行" if mark is not None else ""
        raise error(f"{what} {p} {where}不是合法的 YAML，请检查缩进和引号。") from None
