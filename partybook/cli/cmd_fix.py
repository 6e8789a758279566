"""partybook fix: apply the safe automatic fixes and save the result as a draft."""

from __future__ import annotations

import argparse

HELP = "自动修正可安全修改的问题（删除模板残留、规范标点、改正常见错别字），另存为草稿"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("input", help="草稿（.json）或文档（.txt/.md/.docx）")
    p.add_argument("-o", "--output", required=True, help="修正后的草稿（.json）")
    p.add_argument("--force", action="store_true", help="覆盖已存在的输出文件")


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ..checks import fix
    from ..errors import InputError
    from ..storage import save
    from ._io import refuse_overwrite, say
    from ._report import load_input, removal_code, shown

    if Path(args.output).suffix.lower() != ".json":
        raise InputError(f"输出文件 {args.output} 应以 .json 结尾（修正结果保存为草稿）。")
    refuse_overwrite(args.output, args.force)
    draft, removed, unit = load_input(args.input)  # a document: the importer removes junk
    for r in removed:
        where = f"原文第 {r.line} {unit}"
        say(
            f"{r.section or 'document'}:- {removal_code(r.kind)} {where}：{shown(r.what)} → （删除）"
        )
    fixed, changes = fix(draft)
    for c in changes:
        item = "-" if c.item is None else str(c.item)
        say(f"{c.section}:{item} {c.code} {c.before} → {c.after}")
    path = save(fixed, args.output)
    if changes or removed:
        say(f"共修正 {len(changes) + len(removed)} 处，已保存：{path}")
    else:
        say(f"没有可以自动修正的地方，已原样保存：{path}")
    return 0
