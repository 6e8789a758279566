"""partybook anonymize: a shared example with names, places, units and dates replaced."""

from __future__ import annotations

import argparse

HELP = "生成匿名化示例：替换姓名、单位、地名、日期等，并列出每一处替换"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("input", help="草稿（.json）或文档（.txt/.md/.docx）")
    p.add_argument("-o", "--output", required=True, help="输出的示例草稿（.json）")
    p.add_argument("--force", action="store_true", help="覆盖已存在的文件")


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ..anonymizer import anonymize
    from ..errors import InputError
    from ..storage import save
    from ._io import read_draft, refuse_overwrite, say

    if Path(args.output).suffix.lower() != ".json":
        raise InputError(f"输出文件 {args.output} 应以 .json 结尾（匿名化结果保存为草稿）。")
    refuse_overwrite(args.output, args.force)
    draft = read_draft(args.input)
    example, replacements = anonymize(draft)
    if replacements:
        say(f"共替换 {len(replacements)} 处（请逐条核对，必要时手工修改）：")
        for r in replacements:
            say(f"  {r.describe()}")
    else:
        say("没有发现需要替换的姓名、单位、地名或日期。请仍然通读一遍再分享。")
    path = save(example, args.output)
    say(f"已保存匿名化示例（已标记为示例）：{path}")
    return 0
