"""partybook class-export: the whole class to one zip of .docx (and PDF) files."""

from __future__ import annotations

import argparse

HELP = "班级批量导出：全班草稿打包为 .docx（可选 PDF）压缩包"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("folder", metavar="DIR", help="班级草稿文件夹，或加引号的通配路径")
    p.add_argument("-o", "--output", required=True, help="输出的 .zip 文件")
    pdf = p.add_mutually_exclusive_group()
    pdf.add_argument(
        "--pdf",
        dest="pdf",
        action="store_true",
        default=None,
        help="同时导出 PDF（默认：本机装有 LibreOffice 时自动导出）",
    )
    pdf.add_argument("--no-pdf", dest="pdf", action="store_false", help="只导出 .docx")
    p.add_argument(
        "--no-comments", dest="comments", action="store_false",
        help="不把教师批注写成 Word 批注（默认写入）",
    )  # fmt: skip
    p.add_argument(
        "--findings", action="store_true", help="把自动检查的问题也写成 Word 批注，随文件返还学员"
    )
    p.add_argument("--force", action="store_true", help="覆盖已存在的压缩包")
    p.add_argument("--quiet", action="store_true", help="不显示进度条")


class TextBar:
    """A one-line progress bar on stderr (redrawn in place on a terminal)."""

    def __init__(self, width: int = 30) -> None:
        import sys

        self.width = width
        self.stream = sys.stderr
        self.tty = self.stream.isatty()
        self.last = -1

    def __call__(self, done: int, total: int, message: str) -> None:
        total = max(total, 1)
        filled = self.width * done // total
        pct = 100 * done // total
        if not self.tty and pct // 10 == self.last // 10 and done != total:
            return  # a log file gets a line every 10 %
        self.last = pct
        line = f"[{'#' * filled}{'.' * (self.width - filled)}] {done}/{total} {message}"
        end = "\n" if not self.tty or done >= total else ""
        self.stream.write(("\r" if self.tty else "") + line + end)
        self.stream.flush()


def run(args: argparse.Namespace) -> int:
    from ..classroom.batch import export_class
    from ..classroom.collect import collect
    from ._io import refuse_overwrite, say

    refuse_overwrite(args.output, args.force)
    coll = collect(args.folder)
    if not coll.entries:  # an empty zip helps nobody: say where nothing was found
        from ..errors import InputError

        raise InputError(
            f"{args.folder} 里没有找到学员的草稿或文档（.json、.docx、.txt、.md 等），没有导出。"
            "请检查文件夹是否选对，学员的文件是否已经收齐。"
        )
    result = export_class(
        coll.entries,
        args.output,
        pdf=args.pdf,
        progress=None if args.quiet else TextBar(),
        comments=args.comments,
        findings=args.findings,
    )
    for notice in result.notices:
        say(f"提示：{notice}")
    for file, why in result.failed:
        say(f"未导出：{file}：{why}")
    say(f"{result.summary()}压缩包：{args.output}")
    return 0
