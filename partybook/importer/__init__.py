"""Import: plain text, Markdown and Word .docx into a structured :class:`Draft`.

    result = import_file("旧稿.docx")          # or import_bytes(data, name), import_text(text)
    result.draft        # the draft
    result.removed      # what was taken out (template-site junk, duplicate titles): what, kind, where
    result.unplaced     # text that fits no section (also draft.unplaced) — never dropped
    result.notices      # Chinese remarks for the user

The pipeline, one module a step: :mod:`.limits` (refuse bad input) → :mod:`.readers` /
:mod:`.docx_reader` (bytes → paragraphs with hints) → junk removal through the shared
:mod:`partybook.template_leftovers` → :mod:`.lines` (spaces, half-width punctuation, PDF line
breaks) → :mod:`.genre_detect` → :mod:`.sections` (title, headings, items, sign-off via
:mod:`.signoff`; numbering forms in :mod:`.headings`).

Size limits are in :mod:`.limits` (2 MB text, 20 MB .docx, 500,000 characters).
"""

from __future__ import annotations

import re
from pathlib import Path

from ..draft import Draft
from ..errors import InputError
from ..genre import Genre, load_genre
from .genre_detect import detect_genre
from .model import ImportResult, Para, Removal

__all__ = [
    "ImportResult",
    "Removal",
    "detect_genre",
    "import_bytes",
    "import_file",
    "import_text",
    "parse_text",
]

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ""}
MARKDOWN_SUFFIXES = {".md", ".markdown"}


def parse_text(text: str, *, genre_id: str | None = None) -> Draft:
    """The draft in ``text`` (plain text or Markdown)."""
    return import_text(text, genre_id=genre_id).draft


def import_text(
    text: str,
    *,
    genre_id: str | None = None,
    to_simplified: bool = False,
    markdown: bool | None = None,
    name: str = "文本",
) -> ImportResult:
    """Import plain text or Markdown (``markdown=None`` decides from the text)."""
    from .limits import check_chars
    from .readers import looks_like_markdown, markdown_paras, text_paras

    check_chars(text, name)
    if markdown is None:
        markdown = looks_like_markdown(text)
    paras = markdown_paras(text) if markdown else text_paras(text)
    return _import_paras(paras, genre_id=genre_id, to_simplified=to_simplified, unit="行")


def import_bytes(
    data: bytes, filename: str, *, genre_id: str | None = None, to_simplified: bool = False
) -> ImportResult:
    """Import a file's content; ``filename`` gives the format (.txt, .md, .docx)."""
    from .limits import OLE_MAGIC, check_chars, check_ole, check_size

    name = Path(filename).name or "文件"
    suffix = Path(filename).suffix.lower()
    if suffix in (".doc", ".wps", ".docx") or data.startswith(OLE_MAGIC):
        check_size(data, name, "docx")
        check_ole(data, name, suffix)
    if suffix in TEXT_SUFFIXES and data.startswith(b"PK\x03\x04") and b"word/" in data[:4096]:
        suffix = ".docx"  # a Word file under a text name
    if suffix in (".doc", ".wps"):
        from .limits import SAVE_AS_DOCX

        if not data.startswith(b"PK"):
            raise InputError(f"文件 {name} 是旧版 {suffix} 格式，无法直接导入。{SAVE_AS_DOCX}")
        suffix = ".docx"  # a .docx saved under an old name
    if suffix == ".docx":
        from .docx_reader import docx_paras

        paras = docx_paras(data, name)
        check_chars("".join(p.text for p in paras), name)
        if not paras:
            raise InputError(f"文件 {name} 里没有文字。请检查是否选错了文件。")
        return _import_paras(paras, genre_id=genre_id, to_simplified=to_simplified, unit="段")
    if suffix not in TEXT_SUFFIXES:
        raise InputError(
            f"无法导入 {name}：只支持 .txt、.md 和 .docx 文件。"
            "PDF 请先复制全部文字粘贴到记事本，另存为 .txt 再导入。"
        )
    check_size(data, name, "text")
    from .readers import decode

    text, encoding = decode(data, name)
    check_chars(text, name)
    if not text.strip():
        raise InputError(f"文件 {name} 是空的，没有可导入的内容。请检查是否选错了文件。")
    result = import_text(
        text,
        genre_id=genre_id,
        to_simplified=to_simplified,
        markdown=True if suffix in MARKDOWN_SUFFIXES else None,
        name=name,
    )
    if encoding not in ("utf-8", "ascii"):
        result.notices.insert(0, f"文件 {name} 是 {encoding.upper()} 编码，已自动转换。")
    return result


def import_file(
    path: str | Path, *, genre_id: str | None = None, to_simplified: bool = False
) -> ImportResult:
    """Import a .txt, .md or .docx file."""
    from .limits import MAX_DOCX_BYTES

    p = Path(path)
    try:
        size = p.stat().st_size
        if not p.is_file():
            raise InputError(f"{p} 不是文件，请给出要导入的 .txt、.md 或 .docx 文件。")
        if size > MAX_DOCX_BYTES * 2:  # refuse before reading a huge file into memory
            raise InputError(
                f"文件 {p.name} 有 {size / 1024 / 1024:.0f} MB，超过导入上限。请确认选对了文件。"
            )
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError(f"找不到文件 {p}，请检查路径和文件名。") from None
    except PermissionError:
        raise InputError(f"没有权限读取文件 {p}，请检查文件权限。") from None
    except IsADirectoryError:
        raise InputError(f"{p} 是文件夹，请给出要导入的文件。") from None
    return import_bytes(data, p.name, genre_id=genre_id, to_simplified=to_simplified)


# --- the pipeline ------------------------------------------------------------------------

_CONVERTER = None
_GAP = re.compile(r"[ \u3000]{2,}|\t+")


def _to_simplified(text: str) -> str:
    global _CONVERTER
    if _CONVERTER is None:
        from opencc import OpenCC

        _CONVERTER = OpenCC("t2s")
    return _CONVERTER.convert(text)


def _strip_junk(paras: list[Para], genre: Genre) -> tuple[list[Para], list[Removal]]:
    from ..template_leftovers import strip_leftovers

    removed: list[Removal] = []
    kept: list[Para] = []
    for p in paras:
        text, cuts = strip_leftovers(p.text, genre)
        for x in cuts:
            removed.append(Removal(x.text.strip(), x.kind, p.line, "", x.message))
        if p.head is not None and cuts:
            head, _ = strip_leftovers(p.head, genre)
            p.head = head if text.startswith(head) and head.strip() else None
        if not text.strip():
            continue
        p.text = text
        kept.append(p)
    return kept, removed


def _placeholders(draft: Draft) -> list[str]:
    from ..template_leftovers import find_placeholders

    text = "\n".join([draft.text_of(sid) for sid in draft.sections] + draft.unplaced)
    return [x.text for x in find_placeholders(text)]


def _import_paras(
    paras: list[Para], *, genre_id: str | None, to_simplified: bool, unit: str
) -> ImportResult:
    from .lines import clean_line, rejoin_broken
    from .sections import SectionBuilder

    notices: list[str] = []
    if to_simplified:
        for p in paras:
            p.text = _to_simplified(p.text)
            if p.head is not None:
                p.head = _to_simplified(p.head)
    genre = load_genre(genre_id or detect_genre(paras))
    paras, removed = _strip_junk(paras, genre)
    fixed = 0
    for p in paras:
        if len(p.text) <= 60:
            parts = _GAP.split(p.text.strip())
            p.parts = parts if len(parts) > 1 else None
        p.text, n = clean_line(p.text)
        fixed += n
        if p.head is not None:
            head, _ = clean_line(p.head)
            p.head = head if p.text.startswith(head) else None
    paras = [p for p in paras if p.text]
    paras, joins = rejoin_broken(paras)
    builder = SectionBuilder(genre)
    builder.run(paras)
    removed = [
        Removal(r.what, r.kind, r.line, builder.placed.section_at(r.line), r.message)
        for r in removed
    ]
    removed.extend(builder.removed)
    removed.sort(key=lambda r: r.line)
    draft = builder.draft()
    if genre_id is None:
        notices.append(f"识别为“{genre.name}”。")
    if joins:
        notices.append(f"有 {joins} 处从 PDF 复制造成的断行已重新接上。")
    if fixed:
        notices.append(f"有 {fixed} 处夹在中文里的半角标点已改为全角。")
    notices.extend(builder.notices)
    missing = [
        s.heading
        for s in genre.sections
        if s.heading and s.required and not draft.text_of(s.id).strip()
    ]
    if missing:
        notices.append(f"没有找到这些部分：{'、'.join(missing)}。请补写。")
    holes = _placeholders(draft)
    if holes:
        shown = "、".join(f"“{h}”" for h in list(dict.fromkeys(holes))[:3])
        notices.append(f"有 {len(holes)} 处模板占位符（如{shown}）保留未动，请换成你自己的内容。")
    if draft.unplaced:
        notices.append(
            f"有 {len(draft.unplaced)} 段文字无法归入任何部分，已放在“未归类”中，请移到合适的位置。"
        )
    return ImportResult(draft=draft, removed=removed, notices=notices, line_unit=unit)
