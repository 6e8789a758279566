"""Import: text, Markdown, Word, WPS, RTF, ODF and PDF documents into structured drafts.

    result = import_file("旧稿.docx")          # or import_bytes(data, name), import_text(text)
    result.draft        # the draft (of the first article on the page)
    result.articles     # one ImportResult per article (a list page holds several)
    result.removed      # what was taken out (template-site junk, duplicate titles): what, kind, where
    result.unplaced     # text that fits no section (also draft.unplaced) — never dropped
    result.notices      # Chinese remarks for the user
    result.warnings     # not a personal self-analysis (collective, survey, summary, speech)
    result.genre_confidence, result.close_genres

The pipeline (:mod:`.pipeline`): :mod:`.limits` refuses bad input → :mod:`.readers` /
:mod:`.docx_reader` / :mod:`.convert` (LibreOffice, pdftotext) turn bytes into paragraphs
with hints → :mod:`.repair` (traditional script, pinyin, filter marks, paywall notes) →
:mod:`.articles` → per article :mod:`.detect` (genre), junk through the shared
:mod:`partybook.template_leftovers`, :mod:`.lines`, :mod:`.sections` (placement; numbering in
:mod:`.headings`, wording in :mod:`.vocabulary`, sign-off in :mod:`.signoff`),
:mod:`.offgenre`.

Size limits are in :mod:`.limits` (2 MB text, 20 MB Word/PDF, 500,000 characters).
"""

from __future__ import annotations

from pathlib import Path

from ..draft import Draft
from ..errors import InputError
from .detect import GenreGuess, detect_genre, guess_genre
from .model import Change, ImportResult, Para, Removal

__all__ = [
    "Change",
    "GenreGuess",
    "ImportResult",
    "Removal",
    "detect_genre",
    "guess_genre",
    "import_bytes",
    "import_file",
    "import_files",
    "import_text",
    "parse_text",
    "SUFFIXES",
]

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ""}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
OFFICE_SUFFIXES = {".doc", ".wps", ".rtf", ".odt", ".wpt", ".dot"}
SUFFIXES = sorted(TEXT_SUFFIXES - {""} | {".docx", ".pdf"} | OFFICE_SUFFIXES)


def parse_text(text: str, *, genre_id: str | None = None) -> Draft:
    """The draft in ``text`` (plain text or Markdown)."""
    return import_text(text, genre_id=genre_id).draft


def import_text(
    text: str,
    *,
    genre_id: str | None = None,
    to_simplified: bool | None = None,
    markdown: bool | None = None,
    name: str = "文本",
) -> ImportResult:
    """Import plain text or Markdown.

    ``markdown=None`` reads the text as Markdown only when it clearly is (several ``#``
    headings, or headings and bold leads); a file's suffix decides in :func:`import_bytes`
    (only .md is Markdown). ``to_simplified=None`` converts a mostly traditional text.
    """
    from .limits import check_chars
    from .pipeline import import_paras
    from .readers import looks_like_markdown, markdown_paras, text_paras

    check_chars(text, name)
    if markdown is None:
        markdown = looks_like_markdown(text)
    paras, dropped = markdown_paras(text) if markdown else (text_paras(text), [])
    return import_paras(
        paras, genre_id=genre_id, to_simplified=to_simplified, unit="行", removed=dropped
    )


def import_bytes(
    data: bytes, filename: str, *, genre_id: str | None = None, to_simplified: bool | None = None
) -> ImportResult:
    """Import a file's content; ``filename`` gives the format (the content may correct it:
    an OLE file is a .doc, a zip holding ``word/`` a .docx, ``%PDF`` a PDF)."""
    from .limits import OLE_MAGIC, check_chars, check_ole, check_size

    name = Path(filename).name or "文件"
    suffix = Path(filename).suffix.lower()
    if data.startswith(OLE_MAGIC):
        check_size(data, name, "docx")
        check_ole(data, name)  # refuses an encrypted file
        suffix = ".doc"  # Word 97–2003 and Kingsoft WPS files are OLE documents read as .doc
    elif data.startswith(b"{\\rtf"):
        suffix = ".rtf"
    elif data.startswith(b"%PDF"):
        suffix = ".pdf"
    elif data.startswith(b"PK\x03\x04"):
        head = data[:4096]
        if b"word/" in head or suffix in (".doc", ".wps"):
            suffix = ".docx"  # a .docx under another name
        elif b"opendocument.text" in head:
            suffix = ".odt"
    if suffix in OFFICE_SUFFIXES or suffix == ".pdf":
        check_size(data, name, "docx")
        if suffix == ".pdf":
            from .convert import pdf_paras

            paras, furniture = pdf_paras(data, name)
            return _from_paras(paras, name, "行", genre_id, to_simplified, furniture)
        from .convert import office_to_docx
        from .docx_comments import add_docx_comments
        from .docx_reader import docx_paras

        docx = office_to_docx([(data, name)])[0]
        result = _from_paras(docx_paras(docx, name), name, "段", genre_id, to_simplified)
        add_docx_comments(result, docx)  # a .doc/.wps/.odt's comments too
        return result
    if suffix == ".docx":
        from .docx_comments import add_docx_comments
        from .docx_reader import docx_paras

        check_size(data, name, "docx")
        result = _from_paras(docx_paras(data, name), name, "段", genre_id, to_simplified)
        add_docx_comments(result, data)  # Word comments → draft.comments (docx_comments.py)
        return result
    if suffix not in TEXT_SUFFIXES:
        raise InputError(
            f"无法导入 {name}：支持的格式是 .txt、.md、.docx、.doc、.wps、.rtf、.odt 和带文字层的 .pdf。"
            "其他格式请在 Word 或 WPS 中打开，另存为 .docx 再导入。"
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
        markdown=suffix in MARKDOWN_SUFFIXES,  # a .txt is never Markdown
        name=name,
    )
    if encoding not in ("utf-8", "ascii"):
        for r in result.articles:
            r.notices.insert(0, f"文件 {name} 是 {encoding.upper()} 编码，已自动转换。")
    return result


def _from_paras(
    paras: list[Para],
    name: str,
    unit: str,
    genre_id: str | None,
    to_simplified: bool | None,
    removed: list[Removal] | None = None,
) -> ImportResult:
    from .limits import check_chars
    from .pipeline import import_paras

    check_chars("".join(p.text for p in paras), name)
    if not paras:
        raise InputError(f"文件 {name} 里没有文字。请检查是否选错了文件。")
    return import_paras(
        paras, genre_id=genre_id, to_simplified=to_simplified, unit=unit, removed=removed
    )


def _read(path: str | Path) -> bytes:
    from ..reading import read_bytes_zh
    from .limits import MAX_DOCX_BYTES

    p = Path(path)
    if p.exists() and not p.is_file() and not p.is_dir():
        raise InputError(f"{p} 不是文件，请给出要导入的文档（.txt、.docx、.doc、.pdf 等）。")
    return read_bytes_zh(
        p,
        "文件",
        InputError,
        max_bytes=MAX_DOCX_BYTES * 2,  # refuse before reading a huge file into memory
    )


def import_file(
    path: str | Path, *, genre_id: str | None = None, to_simplified: bool | None = None
) -> ImportResult:
    """Import a document file (see :data:`SUFFIXES`); every article in ``.articles``."""
    return import_bytes(
        _read(path), Path(path).name, genre_id=genre_id, to_simplified=to_simplified
    )


def import_files(
    paths: list[str | Path], *, genre_id: str | None = None, to_simplified: bool | None = None
) -> list[ImportResult | InputError]:
    """Import many files; the .doc/.wps/.rtf/.odt among them go through one LibreOffice
    call. A file that cannot be read gives its :class:`InputError` in its place."""
    from .convert import office_to_docx

    out: list[ImportResult | InputError | None] = [None] * len(paths)
    office: list[tuple[int, bytes, str]] = []
    for i, path in enumerate(paths):
        try:
            data = _read(path)
        except InputError as err:
            out[i] = err
            continue
        name = Path(path).name
        if Path(name).suffix.lower() in OFFICE_SUFFIXES and len(data) > 8:
            office.append((i, data, name))
        else:
            out[i] = _guarded(data, name, genre_id, to_simplified)
    if office:
        try:
            converted: list[bytes | InputError] = list(
                office_to_docx([(d, n) for _, d, n in office], keep_going=True)
            )
        except InputError as err:
            converted = [err] * len(office)
        for (i, _, name), docx in zip(office, converted, strict=True):
            out[i] = (
                docx
                if isinstance(docx, InputError)
                else _guarded(docx, f"{Path(name).stem}.docx", genre_id, to_simplified)
            )
    return [r for r in out if r is not None]


def _guarded(
    data: bytes, name: str, genre_id: str | None, to_simplified: bool | None
) -> ImportResult | InputError:
    try:
        return import_bytes(data, name, genre_id=genre_id, to_simplified=to_simplified)
    except InputError as err:
        return err
