"""partybook class-report: the class table and the flagged similar pairs."""

from __future__ import annotations

import argparse

HELP = "班级报告：每份草稿的完成情况、错误和警告，以及相似度过高的草稿"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "folder",
        metavar="DIR",
        help="班级草稿文件夹，或通配路径（如 '/home/*/partybook/drafts/*.json'，请加引号）",
    )
    p.add_argument("--format", choices=["text", "json"], default="text", help="输出格式")
    p.add_argument(
        "--threshold",
        type=float,
        default=None,
        help="整体相似度阈值，0 到 1 之间（默认 0.5）",
    )
    p.add_argument(
        "--containment",
        type=float,
        default=None,
        help="较短一篇有此比例的内容出现在另一篇中即算相似，0 到 1 之间（默认 0.6）",
    )
    p.add_argument(
        "--min-shared",
        type=int,
        default=None,
        help="相同段落累计字数达到此值也算相似（默认 300）",
    )
    p.add_argument("--rules", help="本班的短语规则文件（YAML），与内置检查一起使用")
    p.add_argument("--examples", help="已发布范文的文件夹（默认 templates/examples）")
    p.add_argument("-o", "--output", help="把报告写入文件（默认输出到屏幕）")
    p.add_argument("--force", action="store_true", help="覆盖已存在的输出文件")


def run(args: argparse.Namespace) -> int:
    import json
    from dataclasses import replace

    from ..classroom.collect import collect
    from ..classroom.report import class_report, format_text
    from ..classroom.similarity import Thresholds
    from ..errors import InputError
    from ._io import refuse_overwrite, say

    t = Thresholds()
    if args.threshold is not None:
        if not 0 < args.threshold <= 1:
            raise InputError(f"--threshold 应在 0 到 1 之间（如 0.5），现在是 {args.threshold}。")
        t = replace(t, similarity=args.threshold)
    if args.containment is not None:
        if not 0 < args.containment <= 1:
            raise InputError(f"--containment 应在 0 到 1 之间，现在是 {args.containment}。")
        t = replace(t, containment=args.containment)
    if args.min_shared is not None:
        if args.min_shared < t.min_passage:
            raise InputError(f"--min-shared 不能小于 {t.min_passage}（单段最短字数）。")
        t = replace(t, min_shared=args.min_shared)
    if args.output:
        refuse_overwrite(args.output, args.force)
    rules = []
    if args.rules:
        from ..checks import load_phrase_rules

        rules = load_phrase_rules(args.rules)
    report = class_report(collect(args.folder), t, extra_rules=rules, examples_folder=args.examples)
    if args.format == "json":
        text = json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"
    else:
        text = format_text(report)
    if args.output:
        from pathlib import Path

        from ..storage import write_atomic

        write_atomic(Path(args.output), text.encode("utf-8"), keep_backup=False)
        say(f"已写入：{args.output}")
    else:
        print(text, end="")
    return 0
