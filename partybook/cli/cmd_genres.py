"""partybook genres: list every genre with its sections and worked examples."""

from __future__ import annotations

import argparse

HELP = "列出所有文体及其章节和范例"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--format", choices=["text", "json"], default="text", help="输出格式（默认 text）"
    )


def run(args: argparse.Namespace) -> int:
    import json

    from ..genre import available_genres, load_genre
    from ._io import say

    genres = [load_genre(gid) for gid in available_genres()]
    if args.format == "json":
        rows = [
            {
                "id": g.id,
                "name": g.name,
                "description": g.description,
                "sections": [
                    {"id": s.id, "kind": s.kind.value, "heading": s.heading, "name": s.display_name}
                    for s in g.sections
                ],
                "examples": [
                    {"id": e.id, "name": e.name, "description": e.description} for e in g.examples
                ],
            }
            for g in genres
        ]
        say(json.dumps({"genres": rows}, ensure_ascii=False, indent=2))
        return 0
    for g in genres:
        say(f"{g.id}\t{g.name}")
        parts = [s.display_name for s in g.sections]
        say(f"  章节：{'、'.join(parts)}")
        for e in g.examples:
            say(f"  范例 {e.id}：{e.name}")
    say("新建草稿：partybook new --genre 文体id -o 草稿.json；从范例开始：加 --example [范例id]")
    return 0
