"""partybook check: run the rule catalogue on a draft or a document and report findings."""

from __future__ import annotations

import argparse

HELP = "检查草稿或文档（结构、模板残留、标点、前后一致、篇幅和文风），列出问题"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("input", help="草稿（.json）或文档（.txt/.md/.docx）")
    p.add_argument(
        "--format",
        dest="fmt",
        choices=["text", "json"],
        default="text",
        help="输出格式：text（每行“章节:条目:位置 代码 说明”）或 json",
    )
    p.add_argument("--rules", metavar="FILE", help="教师自定义的短语规则文件（YAML）")
    p.add_argument(
        "--earlier",
        metavar="OLD",
        action="append",
        default=[],
        help="本人往年的旧稿（.json/.txt/.md/.docx，可多次给出）：照搬旧稿的段落报 PB650",
    )


def run(args: argparse.Namespace) -> int:
    import json

    from ..checks import check, load_phrase_rules
    from ..earlier import earlier_doubts
    from ._io import say, warn
    from ._report import read_for_check

    extra = load_phrase_rules(args.rules) if args.rules else None
    draft, pre = read_for_check(args.input)
    findings = pre + check(draft, extra_rules=extra)
    if args.earlier:
        # PB650 is made here, not in the rule registry: it needs the earlier drafts
        from pathlib import Path

        from ..carryover import findings as carried_over
        from ..earlier import read_earlier
        from ..errors import InputError

        for p in args.earlier:
            if Path(p).resolve() == Path(args.input).resolve():
                raise InputError(f"--earlier 给出的 {p} 就是要检查的草稿本身，请给出往年的旧稿。")
        earlier = [read_earlier(p) for p in args.earlier]
        for note in earlier_doubts(draft, earlier):
            warn(note)
        findings += carried_over(draft, earlier)
    if args.fmt == "json":
        say(
            json.dumps(
                {"file": args.input, "findings": [f.to_dict() for f in findings]},
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        for f in findings:
            say(f"{f.location} {f.code} {f.message}")
        counts = {
            s: sum(1 for f in findings if f.severity == s) for s in ("error", "warning", "hint")
        }
        if findings:
            say(
                f"共 {len(findings)} 处：错误 {counts['error']}，警告 {counts['warning']}，"
                f"提示 {counts['hint']}。"
            )
        else:
            say("没有发现问题。")
    return 1 if any(f.severity == "error" for f in findings) else 0
