"""partybook anonymize: a shared example with private names, places, units and dates
replaced, public names and history kept; every replacement printed with its reason."""

from __future__ import annotations

import argparse

HELP = "生成匿名化示例：替换私人姓名、单位、地名、日期，保留公众人物与历史，并列出每一处替换及原因"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("input", help="草稿（.json）或文档（.txt/.md/.docx）")
    p.add_argument("-o", "--output", required=True, help="输出的示例草稿（.json）")
    p.add_argument("--force", action="store_true", help="覆盖已存在的文件")
    p.add_argument(
        "--keep",
        action="append",
        default=[],
        metavar="文字",
        help="保留这段文字不替换（可多次使用）",
    )
    p.add_argument(
        "--replace",
        action="append",
        default=[],
        metavar="文字",
        help="另外替换这段文字（未被自动识别的姓名、地名；可多次使用）",
    )
    p.add_argument(
        "--remember",
        action="store_true",
        help="把 --keep / --replace 的决定记入输入的草稿（.json），下次自动沿用",
    )


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ..anonymizer import Decisions, apply, propose, remember
    from ..errors import InputError
    from ..storage import save
    from ._io import read_draft, refuse_overwrite, say

    if Path(args.output).suffix.lower() != ".json":
        raise InputError(f"输出文件 {args.output} 应以 .json 结尾（匿名化结果保存为草稿）。")
    refuse_overwrite(args.output, args.force)
    if args.remember and Path(args.input).suffix.lower() != ".json":
        raise InputError("--remember 只能用于 .json 草稿：决定记在草稿文件里。")
    draft = read_draft(args.input)
    choice = Decisions(set(args.keep), set(args.replace))
    proposals = propose(draft, choice)
    example, replacements = apply(draft, proposals)
    kept = [p for p in proposals if p.keep]
    if replacements:
        say(f"共替换 {len(replacements)} 处（请逐条核对；要保留某处，用 --keep 文字）：")
        for r in replacements:
            say(f"  {r.describe()}")
    else:
        say("没有发现需要替换的姓名、单位、地名或日期。请仍然通读一遍再分享。")
    if kept:
        say(f"按审阅决定保留 {len(kept)} 处：" + "、".join(sorted({p.original for p in kept})))
    unused = set(args.keep) - {p.original for p in kept}
    if unused:
        say("提示：以下 --keep 文字没有对应的替换：" + "、".join(sorted(unused)))
    path = save(example, args.output)
    say(f"已保存匿名化示例（已标记为示例）：{path}")
    if args.remember:
        remember(draft, proposals, set(args.replace))
        save(draft, args.input)
        say(f"已把审阅决定记入草稿：{args.input}")
    return 0
