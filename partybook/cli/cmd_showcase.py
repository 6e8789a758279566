"""partybook showcase: an offline, read-only HTML page of a worked example (the executed
showcase notebook converted with nbconvert)."""

from __future__ import annotations

import argparse

HELP = "生成范例展示网页：逐节的写作要求、思考提示、范例原文、检查结果和成稿预览（离线可看的只读 HTML）"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--genre",
        default=None,
        help="文体 id（默认 dangxing-fenxi；另有 duizhao-jiancha；给了 --example 时取范例文件的文体）",
    )
    p.add_argument(
        "--example",
        default=None,
        metavar="范例.json",
        help="改为展示一份匿名化的共享范例（由 partybook anonymize 生成的 .json）",
    )
    p.add_argument("-o", "--output", required=True, help="输出的网页文件，如 党性分析范例.html")
    p.add_argument("--force", action="store_true", help="覆盖已存在的文件")


def run(args: argparse.Namespace) -> int:
    from ..errors import InputError
    from ..showcase import render_showcase_html
    from ._io import refuse_overwrite, say

    out = refuse_overwrite(args.output, args.force)
    if out.suffix.lower() not in (".html", ".htm"):
        raise InputError(f"输出文件 {out.name} 应以 .html 结尾，例如 党性分析范例.html。")
    if out.is_dir():
        raise InputError(f"{out} 是文件夹，请给出网页文件名，例如 {out}/党性分析范例.html。")
    genre_id = args.genre if (args.genre or args.example) else "dangxing-fenxi"
    render_showcase_html(genre_id, args.example, out)
    say(f"已生成范例展示网页：{out}")
    return 0
