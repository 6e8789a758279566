"""partybook history: list a draft's saved versions, compare one with the draft, restore one."""

from __future__ import annotations

import argparse

HELP = "历史版本：列出草稿每次保存留下的版本，与当前内容对比，或恢复某个版本"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("draft", metavar="DRAFT", help="草稿文件（.json）")
    p.add_argument(
        "--format", dest="fmt", choices=["text", "json"], default="text", help="输出格式"
    )
    p.add_argument("--limit", type=int, metavar="N", help="只列出最近的 N 个版本")
    group = p.add_mutually_exclusive_group()
    group.add_argument(
        "--restore", metavar="ID", help="恢复到该版本（恢复本身也记入历史，可再撤销）"
    )
    group.add_argument("--diff", metavar="ID", help="逐段对比该版本与当前草稿")


def _short(text: str, width: int = 60) -> str:
    flat = text.replace("\n", " ")
    return flat if len(flat) <= width else flat[:width] + "……"


def run(args: argparse.Namespace) -> int:
    import json
    from pathlib import Path

    from .. import history
    from ..errors import InputError
    from ._io import say

    path = Path(args.draft)
    if path.suffix.lower() != ".json":
        raise InputError(f"{path.name} 不是草稿文件：历史版本只为 .json 草稿保存。")
    if not path.exists() and not history.snapshots(path):
        raise InputError(f"找不到草稿文件 {path}，请检查路径。")
    if args.restore:
        snap = history.find(path, args.restore)
        history.restore(path, args.restore)
        when = history.local_iso(snap.saved)
        if args.fmt == "json":
            say(
                json.dumps(
                    {"file": args.draft, "restored": snap.id, "saved": when}, ensure_ascii=False
                )
            )
        else:
            say(f"已把 {path.name} 恢复为 {when[:19].replace('T', ' ')} 保存的版本（{snap.id}）。")
            say("恢复前的内容也已记入历史，如需撤销，再运行 partybook history 选择它即可。")
        return 0
    if args.diff:
        from ..history_diff import compare_with_current

        diffs = compare_with_current(path, args.diff)
        if args.fmt == "json":
            data = {"file": args.draft, "id": args.diff, "sections": [d.to_dict() for d in diffs]}
            say(json.dumps(data, ensure_ascii=False, indent=2))
            return 0
        changed = [d for d in diffs if d.changed]
        if not changed:
            say(f"版本 {args.diff} 与当前草稿内容相同。")
        for d in changed:
            say(f"【{d.name}】")
            for r in d.rows:
                if r.kind in ("removed", "changed"):
                    say(f"  - 版本 {args.diff}：{_short(r.old)}")
                if r.kind in ("added", "changed"):
                    say(f"  + 当前草稿：{_short(r.new)}")
        return 0
    if args.limit is not None and args.limit < 1:
        raise InputError(f"--limit 应为正整数，现在是 {args.limit}。")
    versions = history.versions(path, limit=args.limit)
    if args.fmt == "json":
        data = {"file": args.draft, "versions": [v.to_dict() for v in versions]}
        say(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    if not versions:
        say(f"{path.name} 还没有历史版本（每次保存后才会留下版本）。")
        return 0
    say(f"{path.name} 的历史版本（共 {len(versions)} 个，最新的在前）：")
    for v in versions:
        say(f"{v.id}\t{v.saved[:19].replace('T', ' ')}\t{v.chars} 字\t{v.summary}")
    say("恢复某个版本：partybook history 草稿.json --restore 版本编号")
    return 0
