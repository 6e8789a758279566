"""partybook new: start a draft of a genre, empty or from one of its worked examples."""

from __future__ import annotations

import argparse

HELP = "新建一份草稿（JSON）：空白，或从文体的范例开始"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--genre",
        default="dangxing-fenxi",
        help="文体 id（默认 dangxing-fenxi；partybook genres 列出全部文体）",
    )
    p.add_argument(
        "--example",
        nargs="?",
        const="",
        default=None,
        metavar="范例id",
        help="从文体的范例开始（不写范例 id 时用第一个范例；partybook genres 列出范例）",
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
    given = {"author": args.author, "unit": args.unit, "class_name": args.class_name}
    if args.example is None:
        draft = new_draft(genre, **given)
        save(draft, out)
        say(f"已新建{genre.name}草稿：{out}")
        return 0
    example = genre.example(args.example or None)
    draft = genre.example_draft(example.id)
    for key, value in given.items():  # what the user gave replaces the example's
        if value:
            setattr(draft.meta, key, value)
    save(draft, out)
    say(f"已从范例“{example.name}”新建{genre.name}草稿：{out}")
    return 0
