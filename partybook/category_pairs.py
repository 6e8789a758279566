"""The categoriser's back-off for items no category reaches by keywords: character pairs
(两字组) weighted per category, learnt from the labelled problem items and kept as data in
``templates/categories/learned_pairs.yaml``.

A pair's weight for a category is the log of how much more often items of that category
contain it than other items do (smoothed); only pairs seen in at least ``min_count`` items of
the category and pointing to it are kept, the ``top`` strongest per category. An item scores
each category by the weights of the distinct pairs of its text (heading pairs count
``heading_weight`` times); the pairs that scored are the explanation shown to the user.

Relearn after adding labelled items::

    python -m partybook.category_pairs tests/categories/labelled*.yaml
"""

from __future__ import annotations

import math
import re
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

# anything that is not a Chinese character breaks a pair, and so do function characters,
# pronouns and counters: a pair like 的能 or 一位 would explain nothing to the reader (and
# pairs that explain nothing are what a new writer's item matches by chance)
_BREAK = re.compile(r"[^\u4e00-\u9fff]|[的了我们是在和也就都着过把被这那个一他她你您位名有很]")


def pairs(text: str) -> set[str]:
    """The distinct pairs of adjacent content characters of ``text``."""
    t = _BREAK.sub("|", text)
    return {t[i : i + 2] for i in range(len(t) - 1) if "|" not in t[i : i + 2]}


def learn(
    items: Iterable[dict],
    top: int = 300,
    smoothing: float = 0.5,
    min_count: int = 2,
    min_weight: float = 1.5,
) -> dict[str, dict[str, float]]:
    """Per category id, its pairs and their weights, strongest first. ``items`` are dicts
    with ``heading``, ``body`` and ``categories`` (ids), as in tests/categories."""
    items = list(items)
    per: dict[str, Counter[str]] = {}
    total: Counter[str] = Counter()
    size: Counter[str] = Counter()
    for d in items:
        found = pairs(d["heading"]) | pairs(d["body"])
        total.update(found)
        for cid in d["categories"]:
            per.setdefault(cid, Counter()).update(found)
            size[cid] += 1
    out: dict[str, dict[str, float]] = {}
    for cid, counts in sorted(per.items()):
        inside, outside = size[cid], len(items) - size[cid]
        weights = {}
        for pair, n in counts.items():
            if n < min_count:
                continue
            p = (n + smoothing) / (inside + 2 * smoothing)
            q = (total[pair] - n + smoothing) / (outside + 2 * smoothing)
            w = math.log(p / q)
            if w >= min_weight:
                weights[pair] = round(w, 2)
        strongest = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
        out[cid] = dict(strongest)
    return out


def best(
    weights: dict[str, dict[str, float]], heading: str, body: str, heading_weight: float
) -> tuple[str, float, list[str]] | None:
    """The best-scoring category id, its score and the pairs that scored, strongest first."""
    in_heading, in_body = pairs(heading), pairs(body)
    found = in_heading | in_body
    winner: tuple[str, float, list[str]] | None = None
    for cid, table in weights.items():
        hits = [p for p in found if p in table]
        score = sum(table[p] * (heading_weight if p in in_heading else 1) for p in hits)
        if hits and (winner is None or score > winner[1]):
            winner = (cid, score, sorted(hits, key=lambda p: (-table[p], p)))
    return winner


HEADER = """\
# Learnt, not written: character pairs (两字组) per category with their weights, from the
# labelled problem items of tests/categories. The categoriser uses them only for an item no
# category reaches by keywords (problems.yaml), and shows the pairs that decided. Regenerate with
#   python -m partybook.category_pairs tests/categories/labelled*.yaml
# rather than editing by hand; to change what an item gets, add keywords to problems.yaml.
"""


def write(weights: dict[str, dict[str, float]], path: Path) -> None:
    import yaml

    body = yaml.safe_dump(weights, allow_unicode=True, sort_keys=False, width=100)
    path.write_text(HEADER + body, encoding="utf-8")


def main(argv: list[str]) -> int:
    from .datafile import read_yaml
    from .paths import templates_dir

    items = [d for a in argv for d in read_yaml(a, "标注文件")]
    target = templates_dir() / "categories" / "learned_pairs.yaml"
    write(learn(items), target)
    print(f"{target}: {len(items)} items")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
