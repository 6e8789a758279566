"""partybook export: write a draft as .docx, .pdf, .html, .md or .txt."""

from __future__ import annotations

import argparse

HELP = "导出草稿为 docx / pdf / html / md / txt"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("input", help="草稿（.json）或文档（.txt/.md/.docx）")
    p.add_argument(
        "--to",
        dest="fmt",
        choices=["docx", "pdf", "html", "md", "txt"],
        help="导出格式（默认按输出文件后缀）",
    )
    p.add_argument("-o", "--output", required=True, help="输出文件路径")
    p.add_argument("--force", action="store_true", help="覆盖已存在的文件")
    p.add_argument(
        "--findings",
        action="store_true",
        help="（仅 docx）把自动检查发现的问题也写成 Word 批注，附在对应的部分",
    )
    p.add_argument("--no-comments", action="store_true", help="（仅 docx）不写入草稿里的教员批注")


def run(args: argparse.Namespace) -> int:
    from ..errors import ExportError
    from ..exporters import format_from_path, get_exporter
    from ._io import read_draft, refuse_overwrite, say

    refuse_overwrite(args.output, args.force)
    fmt = args.fmt or format_from_path(args.output)
    options = {}
    if args.findings or args.no_comments:
        if fmt != "docx":
            raise ExportError(
                "--findings 和 --no-comments 只用于 Word 文件：批注只能写进 .docx。"
                "请把输出文件改为 .docx，或去掉这两个选项。"
            )
        options = {"findings": args.findings, "comments": not args.no_comments}
    draft = read_draft(args.input)
    exporter = get_exporter(fmt, **options)
    path = exporter.write(draft, args.output, force=args.force)
    for notice in exporter.notices:
        say(f"提示：{notice}")
    say(f"已导出：{path}")
    return 0
