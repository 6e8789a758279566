"""partybook new: start an empty draft of a genre."""

from __future__ import annotations

import argparse

HELP = "新建一份空白草稿（JSON）"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--genre",
        default="dangxing-fenxi",
        help="文体 id（默认 dangxing-fenxi；另有 duizhao-jiancha）",
    )
    p.add_argument("-o", "--output", required=True, help="草稿文件路径，如 我的草稿.json")
    p.add_argument("--author", default="", help="作者姓名")
    p.add_argument("--unit", default="", help="工作单位")
    p.add_argument("--class-name", default="", help="班次名称")
    p.add_argument("--force", action="store_true", help="覆盖已存在的文件")


def run(args: argparse.Namespace) -> int:
    from ..draft import new_draft
    from ..genre import load_genre
    from ..storage import save
    from ._io import refuse_overwrite, say

    out = refuse_overwrite(args.output, args.force)
    genre = load_genre(args.genre)
    draft = new_draft(genre, author=args.author, unit=args.unit, class_name=args.class_name)
    save(draft, out)
    say(f"已新建{genre.name}草稿：{out}")
    return 0
