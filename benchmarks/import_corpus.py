"""The labelled import corpus (tests/fixtures/import/corpus/) and its scoring.

Each document is imported as a user would (``import_file``); the labels in
``labels.yaml`` say what should come out. Fields scored: articles found, genre, personal
or not (off-genre warning), title, sections (each labelled section holds the words it
should start with), problem count, junk removed (and reported), placeholders kept, meta
(author, unit, date). Characters lost: every fragment of the input (text between
punctuation; numbers such as 一、 and signature labels such as 汇报人： cut, being
structure the exporters print again) must be found in the draft, the unplaced text, the removal
report, the meta or the headings the importer recognised — the count must be 0.

A file ``NAME.docx.txt`` is a Word document written as lines: ``@title`` (centred bold),
``@h1`` (Heading 1 with Word list numbering 一、), ``@n2`` (list numbering （一）),
``@b`` (a paragraph all in bold), ``@right`` (right-aligned); other lines are plain.
"""

from __future__ import annotations

import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

TESTS = Path(__file__).resolve().parent.parent / "tests"
sys.path.insert(0, str(TESTS))  # for importer.build_fixtures
CORPUS = TESTS / "fixtures" / "import" / "corpus"
# written after the importer was tuned, never tuned on: the honest figure
HELDOUT = TESTS / "fixtures" / "import" / "heldout"
FIELDS = (
    "articles",
    "genre",
    "personal",
    "title",
    "sections",
    "problems",
    "junk",
    "placeholders",
    "meta",
)


def build_docx(source: Path, target: Path) -> None:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    # the test fixtures' helpers for Word list numbering (tests/importer/build_fixtures.py)
    from importer.build_fixtures import add_numbering, number_paragraph

    doc = Document()
    num = add_numbering(doc, [("chineseCounting", "%1、"), ("chineseCounting", "（%2）")], 77, 77)

    for line in source.read_text(encoding="utf-8").splitlines():
        tag, _, text = line.partition(" ") if line.startswith("@") else ("", "", line)
        if tag == "@title":
            p = doc.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.add_run(text).bold = True
        elif tag == "@h1":
            number_paragraph(doc.add_paragraph(text, style="Heading 1"), num, 0)
        elif tag == "@n2":
            number_paragraph(doc.add_paragraph(text), num, 1)
        elif tag == "@b":
            doc.add_paragraph().add_run(text).bold = True
        elif tag == "@right":
            doc.add_paragraph(text).alignment = WD_ALIGN_PARAGRAPH.RIGHT
        else:
            doc.add_paragraph(text)
    doc.save(str(target))


def documents(folder: Path, corpus: Path = CORPUS) -> list[tuple[str, Path, dict]]:
    """(name, file to import, labels) for every labelled document of ``corpus``; Word files
    built into ``folder``."""
    labels = yaml.safe_load((corpus / "labels.yaml").read_text(encoding="utf-8"))
    out = []
    for name, label in labels.items():
        path = corpus / name
        if name.endswith(".docx.txt"):
            target = folder / name.removesuffix(".txt")
            build_docx(path, target)
            path = target
        out.append((name, path, label))
    return out


@dataclass
class Score:
    right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    total: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    lost: int = 0
    chars: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, fld: str, ok: bool, doc: str, what: str = "") -> None:
        self.total[fld] += 1
        self.right[fld] += bool(ok)
        if not ok:
            self.misses.append(f"{doc}: {fld} {what}")

    def accuracy(self, fld: str) -> float | None:
        return self.right[fld] / self.total[fld] if self.total[fld] else None


_SQUEEZE = re.compile(r"[\s\u3000]+")


def _norm(text: str) -> str:
    return _SQUEEZE.sub("", text)


def _genre_or_none(gid: str | None):  # noqa: ANN202 - Genre | None
    from partybook.errors import GenreError
    from partybook.genre import load_genre

    if not gid:
        return None
    try:
        return load_genre(gid)
    except GenreError:
        return None


def _section_id(key: str, genre) -> str | None:  # noqa: ANN001 - Genre
    from partybook.importer.headings import match_section

    if key in genre.section_ids:
        return key
    sh = match_section(key, genre)
    return sh.section if sh else None


def problem_count(draft) -> int:  # noqa: ANN001 - Draft
    return sum(len(i.items) if i.items else 1 for i in draft.items("problems"))


def _draft_text(draft) -> str:  # noqa: ANN001 - Draft
    parts = [draft.text_of(sid) for sid in draft.sections] + list(draft.unplaced)
    parts += [draft.meta.author, draft.meta.unit, draft.meta.position, draft.meta.date]
    return _norm("\n".join(parts))


def score_article(score: Score, doc: str, r, label: dict) -> None:  # noqa: ANN001, C901
    draft = r.draft
    genre = _genre_or_none(label.get("genre"))
    if label.get("genre") and genre is not None:
        score.add("genre", draft.genre == label["genre"], doc, f"{draft.genre} ≠ {label['genre']}")
    if "personal" in label:
        score.add("personal", (not r.off_genre) == label["personal"], doc, str(r.off_genre))
    if "title" in label:
        got = draft.sections.get("title", "")
        score.add("title", got == label["title"], doc, f"“{got}”")
    if genre is not None and draft.genre == genre.id:
        for key, words in (label.get("sections") or {}).items():
            sid = _section_id(key, genre)
            if sid is None:
                continue
            ok = _norm(words) in _norm(draft.text_of(sid))
            score.add("sections", ok, doc, f"{sid} lacks “{words}”")
        if "problems" in label and "problems" in genre.section_ids:
            n = problem_count(draft)
            score.add("problems", n == label["problems"], doc, f"{n} ≠ {label['problems']}")
    text = _draft_text(draft)
    removed = _norm("\n".join(x.what for x in r.removed))
    for junk in label.get("junk") or []:
        j = _norm(junk)
        score.add("junk", j in removed and j not in text, doc, f"“{junk}”")
    for hole in label.get("placeholders") or []:
        score.add("placeholders", _norm(hole) in text, doc, f"“{hole}”")
    for key, value in (label.get("meta") or {}).items():
        got = getattr(draft.meta, key)
        score.add("meta", got == str(value), doc, f"{key} “{got}” ≠ “{value}”")


_PUNCT = re.compile(r"[\s\u3000。！？!?；;，,、：:“”‘’\"'（）()【】\[\]《》<>…—\-_*#>|.．·•/]+")


_INLINE_NUMBER = re.compile(
    r"(?<=[。！？；])\s*(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、)"
)


def _input_text(path: Path) -> str:
    if path.suffix == ".docx":
        from docx import Document

        return "\n".join(p.text for p in Document(str(path)).paragraphs)
    return path.read_text(encoding="utf-8")


def characters_lost(path: Path, result) -> tuple[int, int, list[str]]:  # noqa: ANN001
    """Characters of the input found nowhere in the output, and the input's characters."""
    from partybook.importer.headings import _INLINE, _POINT_AFTER_COMMA, parse_number
    from partybook.importer.repair import to_simplified
    from partybook.importer.signoff import LABEL, parse_date

    dates = {r.draft.meta.date for r in result.articles}

    blob_parts = []
    for r in result.articles:
        blob_parts.append(_draft_text(r.draft))
        blob_parts += [x.what for x in r.removed]
        blob_parts += [h for _, h, _ in r.headings]
        blob_parts += [c.before for c in r.changes]
    blob = _PUNCT.sub("", to_simplified("\n".join(blob_parts)))
    lost, total, missing = 0, 0, []
    for line in to_simplified(_input_text(path)).splitlines():
        line = line.strip()
        if parse_date(_norm(line)) in dates:
            continue  # the date line (“2024 年 11 月” too), in meta
        if path.suffix == ".md":
            line = re.sub(r"^#{1,6}\s+|<[^>]+>|\*\*", "", line)
        while (num := parse_number(line)) is not None and num.rest != line:
            line = num.rest.strip()
        line = _POINT_AFTER_COMMA.sub("", line)
        for inline in _INLINE.values():  # 第二， ② 其次， inside a line: item numbers too
            line = inline.sub("", line)
        line = _INLINE_NUMBER.sub("", line)
        line = LABEL.sub("", line)  # 汇报人： 姓名： are structure, like numbers
        for frag in _PUNCT.split(to_simplified(line)):
            frag = parse_number(frag).rest if parse_number(frag) else frag
            if not frag:
                continue
            total += len(frag)
            if parse_date(frag) in dates:
                continue  # the date, in meta
            if frag not in blob:
                lost += len(frag)
                missing.append(frag)
    return lost, total, missing


def evaluate(corpus: Path = CORPUS) -> Score:
    from partybook.importer import import_file

    score = Score()
    with tempfile.TemporaryDirectory(prefix="partybook-corpus-") as tmp:
        for name, path, label in documents(Path(tmp), corpus):
            result = import_file(path)
            labels = [label, *(label.get("more") or [])]
            score.add(
                "articles",
                len(result.articles) == len(labels),
                name,
                f"{len(result.articles)} ≠ {len(labels)}",
            )
            for n, lab in enumerate(labels):
                if n < len(result.articles):
                    score_article(score, name, result.articles[n], lab)
                else:
                    for fld in ("title", "genre"):
                        if fld in lab:
                            score.add(fld, False, name, f"article {n + 1} missing")
            lost, total, missing = characters_lost(path, result)
            score.lost += lost
            score.chars += total
            if lost:
                score.misses.append(f"{name}: lost {missing}")
    return score


if __name__ == "__main__":
    for folder in (CORPUS, HELDOUT):
        s = evaluate(folder)
        print(f"== {folder.name}")
        for fld in FIELDS:
            acc = s.accuracy(fld)
            print(
                f"{fld:14} {s.right[fld]:4}/{s.total[fld]:<4} {'' if acc is None else f'{acc:.1%}'}"
            )
        print(f"characters lost {s.lost} of {s.chars}")
        for m in s.misses:
            print(" -", m)
