"""partybook import: a document into a draft (JSON); a page of several articles into one
draft per article (OUT-1.json … OUT-N.json)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from ..importer.model import ImportResult

HELP = (
    "导入旧稿或模板（.txt、.md、.docx、.doc、.wps、.rtf、.odt、.pdf），整理成草稿（JSON），"
    "并列出删除和未归类的内容"
)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("input", metavar="IN", help="要导入的文件，如 旧稿.docx、模板.txt、下载.pdf")
    p.add_argument(
        "-o",
        "--output",
        required=True,
        help="草稿文件路径，如 我的草稿.json（网页上有几篇文章时写成 我的草稿-1.json、我的草稿-2.json …）",
    )
    p.add_argument(
        "--genre", default=None, help="文体 id（默认自动识别；识别没把握时会列出相近的文体）"
    )
    script = p.add_mutually_exclusive_group()
    script.add_argument(
        "--keep-traditional",
        action="store_true",
        help="保留繁体字（默认把以繁体为主的文稿转为简体）",
    )
    script.add_argument("--simplified", action="store_true", help="无论繁简，一律转换为简体字")
    p.add_argument("--force", action="store_true", help="覆盖已存在的输出文件")


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ..errors import InputError
    from ..importer import import_file
    from ..storage import save
    from ._io import refuse_overwrite, say

    out = Path(args.output)
    if out.suffix.lower() != ".json":
        raise InputError(f"输出文件 {out.name} 应以 .json 结尾（草稿保存为 JSON）。")
    if Path(args.input).resolve() == out.resolve():
        raise InputError("输出文件不能与输入文件相同，请换一个输出文件名。")
    refuse_overwrite(str(out), args.force)
    simplify = True if args.simplified else False if args.keep_traditional else None
    result = import_file(args.input, genre_id=args.genre, to_simplified=simplify)
    articles = result.articles
    if len(articles) == 1:
        targets = [out]
    else:
        targets = [
            out.with_name(f"{out.stem}-{n}{out.suffix}") for n in range(1, len(articles) + 1)
        ]
        for t in targets:
            refuse_overwrite(str(t), args.force)
    for r, target in zip(articles, targets, strict=True):
        save(r.draft, target)
    name = Path(args.input).name
    if len(articles) > 1:
        say(
            f"{name} 里有 {len(articles)} 篇文章，已分别保存为 "
            f"{'、'.join(str(t) for t in targets)}。请选择你要修改的那一篇。"
        )
    for n, (r, target) in enumerate(zip(articles, targets, strict=True), 1):
        if len(articles) > 1:
            say("")
            say(f"【第 {n} 篇】")
        _report(r, name, target)
    return 0


def _report(result: ImportResult, name: str, target: Path) -> None:
    from ..genre import load_genre
    from ._io import say

    genre = load_genre(result.draft.genre)
    names = {s.id: s.display_name for s in genre.sections}
    say(f"已导入 {name}，保存为 {target}（{genre.name}）。")
    for warning in result.warnings:
        say(f"  ！注意：{warning}")
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


_KIND = {
    "watermark": "水印或广告",
    "url": "网址",
    "marker": "网页标记",
    "navigation": "网页导航",
    "furniture": "页码等版面残留",
    "stray_title": "无关标题",
    "duplicate_title": "重复标题",
    "pinyin": "拼音注音",
    "page_title": "网页标题或序号",
    "layout": "书信格式，导出时自动加上",
}


def _short(text: str, n: int = 30) -> str:
    return text if len(text) <= n else text[: n - 2] + "……"
