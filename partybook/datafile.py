"""Reading the YAML data files in ``templates/`` (genres, rules, exercises, fonts, word lists).

One place for the safe loader and for the Chinese messages about a file that cannot be
read: every data file is parsed with a safe loader (never code), and each problem names
the kind of file, its path and what to do.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml

from .errors import PartybookError

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
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise error(not_found or f"找不到{what} {p}，请检查路径和文件名。") from None
    except IsADirectoryError:
        raise error(f"{p} 是文件夹，不是{what}。") from None
    except PermissionError:
        raise error(f"没有权限读取{what} {p}，请检查文件权限。") from None
    except UnicodeDecodeError:
        raise error(f"{what} {p} 不是 UTF-8 编码，请用 UTF-8 重新保存。") from None
    except OSError as err:
        raise error(f"无法读取{what} {p}：{err.strerror or err}。") from None
    try:
        return parse_yaml(text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f"第 {mark.line + 1} 行" if mark is not None else ""
        raise error(f"{what} {p} {where}不是合法的 YAML，请检查缩进和引号。") from None
