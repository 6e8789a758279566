"""The shared examples of a genre: drafts published (anonymised) by the classroom tools
(:mod:`partybook.classroom.publish`), offered beside the genre's own worked example."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..draft import Draft, conform
from ..genre import Genre

TITLE_SHOWN = 24
SKIPPED_NAMED = 5


@dataclass
class SharedExample:
    """A published, anonymised example draft of the open draft's genre."""

    path: Path
    title: str
    draft: Draft

    def label(self, number: int) -> str:
        """The drop-down entry: "共享范文 1：标题（已匿名）"."""
        title = self.title
        if len(title) > TITLE_SHOWN:
            title = title[: TITLE_SHOWN - 1] + "…"
        return f"共享范文 {number}：{title}（已匿名）"


def load_shared_examples(genre: Genre) -> tuple[list[SharedExample], str]:
    """The published examples of ``genre`` (``<paths.examples_root()>/<genre>/``) and a
    Chinese notice naming the files skipped:
    unreadable ones and ones not marked as anonymised. Never raises."""
    from ..classroom.publish import examples_dir, load_examples

    skipped: list[tuple[Path, str]] = []
    out: list[SharedExample] = []
    try:
        found = load_examples(genre.id, skipped=skipped)
    except Exception as err:  # an unreadable folder must not stop the workbook
        folder = examples_dir(genre.id)
        return [], f"共享范文文件夹 {folder} 无法读取（{err}），暂不显示共享范文。请告诉老师检查。"
    for path, draft in found:
        if not draft.example:
            skipped.append((path, "未标记为匿名化范文，不予显示"))
            continue
        try:
            conform(draft, genre)
        except Exception as err:
            skipped.append((path, f"内容与文体不符（{err}）"))
            continue
        title = " ".join(draft.text_of("title").split()) or path.stem
        out.append(SharedExample(path, title, draft))
    notice = ""
    if skipped:
        names = "；".join(f"{p.name}（{why}）" for p, why in skipped[:SKIPPED_NAMED])
        more = f"等 {len(skipped)} 个" if len(skipped) > SKIPPED_NAMED else ""
        notice = (
            f"有共享范文文件无法使用，已跳过：{names}{more}。其余范文照常显示；"
            "请告诉老师检查范文文件夹。"
        )
    return out, notice
