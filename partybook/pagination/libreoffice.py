"""Compare the pagination model with LibreOffice: export drafts to .docx, convert them in
one headless LibreOffice run (own profile, the PDF exporter's font substitutes), read each
PDF page's text lines with poppler's ``pdftotext -bbox-layout`` and count the page breaks
that fall within ±1 line of the model's. Used by tests/pagination and the benchmark.
"""

from __future__ import annotations

import bisect
import difflib
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from ..draft import Draft
from ..exporters.docx import DocxExporter
from ..exporters.fonts import load_fonts
from ..exporters.pdf import find_soffice, installed_families, run_libreoffice, substitutions
from ..genre import Genre, SectionKind, available_genres, load_genre
from . import Metrics, Pagination, latin_half, paginate, text_key
from .latin import installed_latin as installed_latin_widths

XHTML = "{http://www.w3.org/1999/xhtml}"
TEXT_BOTTOM_PT = 750  # below the 225 mm text block: the page number's line


@dataclass(frozen=True)
class Document:
    name: str
    draft: Draft
    genre: Genre


@dataclass(frozen=True)
class Comparison:
    name: str
    lo_pages: int
    model_pages: int
    breaks: int  # LibreOffice's page breaks (and the model's extra ones)
    agree: int  # within ±1 line
    misses: tuple[str, ...]  # "page N: LibreOffice starts at …, model at …"
    lines: int = 0  # LibreOffice's text lines
    lines_same: int = 0  # of those, lines the model breaks identically


def worked_examples() -> list[Document]:
    """Every genre's worked examples (templates/*.yaml)."""
    out = []
    for gid in available_genres():
        genre = load_genre(gid)
        for eid in genre.example_ids:
            out.append(Document(f"{gid}/{eid}", genre.example_draft(eid), genre))
    return out


# a neutral filler sentence (27 characters: one full line) for the shifted variants
FILLER = "这一段只用来把后面的文字往下推几行，检验分页是否仍然准确。"


def shifted_examples(shifts: Sequence[int] = (1, 2, 3, 5, 8, 13)) -> list[Document]:
    """Every worked example with a paragraph of ``n`` lines put before its first paragraph:
    each shift moves every later page break to another place in the text, so headings,
    signatures and run-in items meet the foot of the page in many more ways."""
    out = []
    for doc in worked_examples():
        target = next(
            (
                s.id
                for s in doc.genre.sections
                if s.kind is SectionKind.PARAGRAPHS and doc.draft.paragraphs(s.id)
            ),
            None,
        )
        if target is None:
            continue
        for n in shifts:
            draft = doc.draft.model_copy(deep=True)
            filler = (FILLER * n)[: 27 * n - 2]  # n lines after the 2-character indent
            draft.sections[target] = [filler, *draft.paragraphs(target)]
            out.append(Document(f"{doc.name}+{n}", draft, doc.genre))
    return out


def pdf_lines(pdf: Path) -> list[list[str]]:
    """Each page's text lines (whitespace removed), top to bottom, page number left out."""
    xml = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    root = ElementTree.fromstring(xml)
    pages = []
    for page in root.iter(XHTML + "page"):
        rows = []
        for line in page.iter(XHTML + "line"):
            y = float(line.get("yMin", "0"))
            text = "".join("".join((w.text or "").split()) for w in line.iter(XHTML + "word"))
            if y < TEXT_BOTTOM_PT and text:
                rows.append((y, float(line.get("xMin", "0")), text))
        pages.append([t for _, _, t in sorted(rows)])
    return pages


def render(docs: Sequence[Document], work: Path) -> dict[str, list[list[str]]]:
    """One LibreOffice run for all documents → each one's pages of lines."""
    fonts = load_fonts()
    exporter = DocxExporter(fonts)
    sources = []
    for k, doc in enumerate(docs):
        src = work / f"doc{k}.docx"
        src.write_bytes(exporter.to_bytes(doc.draft, doc.genre))
        sources.append(src)
    missing = set(substitutions(fonts, installed_families()))
    run_libreoffice(find_soffice(), sources, work, work, fonts, missing, timeout=300)
    return {doc.name: pdf_lines(work / f"doc{k}.pdf") for k, doc in enumerate(docs)}


def compare(name: str, lo: list[list[str]], model: Pagination) -> Comparison:
    """Page breaks of LibreOffice and the model, matched in order; one agrees when the
    model starts that page within one line of where LibreOffice does."""
    starts: list[int] = []
    pos = 0  # the model's line starts as text offsets
    for page in model.pages:
        for ln in page.lines:
            if ln is not None:
                starts.append(pos)
                pos += len(text_key(ln.text))
    mine = model.text_offsets()
    theirs: list[int] = []
    pos = 0
    for lo_page in lo[:-1]:
        pos += sum(len(text_key(t)) for t in lo_page)
        theirs.append(pos)
    agree, misses = 0, []
    for k in range(max(len(mine), len(theirs))):
        if k >= len(mine) or k >= len(theirs):
            extra = "model" if k >= len(theirs) else "LibreOffice"
            misses.append(f"page {k + 2}: only {extra} has it")
            continue
        lo_line = bisect.bisect_right(starts, theirs[k]) - 1
        me_line = bisect.bisect_right(starts, mine[k]) - 1
        if abs(lo_line - me_line) <= 1:
            agree += 1
        else:
            misses.append(f"page {k + 2}: LibreOffice line {lo_line}, model line {me_line}")
    lo_flat = [text_key(t) for page in lo for t in page]
    model_flat = [text_key(ln.text) for page in model.pages for ln in page.lines if ln]
    matcher = difflib.SequenceMatcher(None, lo_flat, model_flat, autojunk=False)
    same = sum(block.size for block in matcher.get_matching_blocks())
    breaks = max(len(mine), len(theirs))
    return Comparison(name, len(lo), model.count, breaks, agree, tuple(misses), len(lo_flat), same)


def rendered(docs: Sequence[Document]) -> dict[str, list[list[str]]]:
    """LibreOffice's pages of lines of each document (one run, a throw-away folder)."""
    with tempfile.TemporaryDirectory(prefix="partybook-pagination-") as tmp:
        return render(docs, Path(tmp))


def compare_all(
    docs: Sequence[Document], lo: dict[str, list[list[str]]], *, installed_latin: bool = True
) -> list[Comparison]:
    """The model against LibreOffice's pages. ``installed_latin``: the widths of the Latin
    font LibreOffice really uses here, as the workbook does (False: half-width Latin, as
    Times New Roman or Liberation Serif would give)."""
    latin = installed_latin_widths() if installed_latin else latin_half
    metrics = Metrics(latin_em=latin)
    return [compare(d.name, lo[d.name], paginate(d.draft, d.genre, metrics)) for d in docs]


def measure(
    docs: Sequence[Document] | None = None, *, installed_latin: bool = True
) -> list[Comparison]:
    """Render ``docs`` (default: every worked example) with LibreOffice and compare."""
    docs = list(docs) if docs is not None else worked_examples()
    return compare_all(docs, rendered(docs), installed_latin=installed_latin)
