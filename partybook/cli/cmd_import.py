"""partybook import: a .txt/.md/.docx document into a draft (JSON)."""

from __future__ import annotations

import argparse

HELP = "导入旧稿或模板（.txt、.md、.docx），整理成草稿（JSON），并列出删除和未归类的内容"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("input", metavar="IN", help="要导入的文件：.txt、.md 或 .docx")
    p.add_argument("-o", "--output", required=True, help="草稿文件路径，如 我的草稿.json")
    p.add_argument(
        "--genre", default=None, help="文体 id（默认自动识别：dangxing-fenxi 或 duizhao-jiancha）"
    )
    p.add_argument("--simplified", action="store_true", help="把繁体字转换为简体字")
    p.add_argument("--force", action="store_true", help="覆盖已存在的输出文件")


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ..errors import InputError
    from ..importer import import_file
    from ..storage import save
    from ._io import refuse_overwrite, say

    out = refuse_overwrite(args.output, args.force)
    if Path(args.input).resolve() == out.resolve():
        raise InputError("输出文件不能与输入文件相同，请换一个输出文件名。")
    if out.suffix.lower() != ".json":
        raise InputError(f"输出文件 {out.name} 应以 .json 结尾（草稿保存为 JSON）。")
    result = import_file(args.input, genre_id=args.genre, to_simplified=args.simplified)
    from ..genre import load_genre

    genre = load_genre(result.draft.genre)
    names = {s.id: s.display_name for s in genre.sections}
    save(result.draft, out)
    say(f"已导入 {Path(args.input).name}，保存为 {out}（{genre.name}）。")
    for notice in result.notices:
        say(f"  · {notice}")
    if result.removed:
        say(f"删除了 {len(result.removed)} 处：")
        for r in result.removed:
            say(
                f"  - {r.where(result.line_unit, names)}：{_short(r.what)}（{_KIND.get(r.kind, r.kind)}）"
            )
    else:
        say("没有删除任何内容。")
    if result.unplaced:
        say(f"未归类 {len(result.unplaced)} 段（已保存在草稿的 unplaced 中，请移到合适的位置）：")
        for text in result.unplaced:
            say(f"  ? {_short(text, 40)}")
    return 0


_KIND = {
    "watermark": "水印或广告",
    "url": "网址",
    "marker": "网页标记",
    "navigation": "网页导航",
    "furniture": "页码等版面残留",
    "stray_title": "无关标题",
    "duplicate_title": "重复标题",
}


def _short(text: str, n: int = 30) -> str:
    return text if len(text) <= n else text[: n - 2] + "……"
