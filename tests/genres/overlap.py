"""12-character runs a text shares with the reference 党性分析, compared by hash: the
reference's text is not in the repository, only the hashes of its runs (data/)."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

RUN = 12
DATA = Path(__file__).resolve().parent / "data"
_WS = re.compile(r"\s+")


def run_hash(run: str) -> str:
    return hashlib.blake2b(run.encode("utf-8"), digest_size=8).hexdigest()


def runs(text: str) -> list[str]:
    """Every 12-character run of one paragraph, whitespace removed."""
    t = _WS.sub("", text)
    return [t[i : i + RUN] for i in range(len(t) - RUN + 1)]


def _lines(name: str) -> list[str]:
    text = (DATA / name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@cache
def seed_hashes() -> frozenset[str]:
    return frozenset(_lines("seed_runs.blake2b"))


@cache
def stock_phrases() -> tuple[str, ...]:
    return tuple(_lines("stock_phrases.txt"))


def shared_runs(paragraphs: Iterable[str]) -> list[str]:
    """Runs found in the reference that no stock phrase accounts for."""
    seed = seed_hashes()
    stock = stock_phrases()
    out = []
    for para in paragraphs:
        for run in runs(para):
            if run_hash(run) in seed and not any(run in phrase for phrase in stock):
                out.append(run)
    return out
