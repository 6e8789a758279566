"""No silent loss on every labelled document: the tuning corpus and the held-out set
(tests/fixtures/import/corpus/ and heldout/) imported as a user would; every fragment of
the input (text between punctuation; numbers such as 一、 and signature labels such as
汇报人： are structure the exporters print again) is placed, in 未归类, in the meta, a
recognised heading, or reported as removed. The scoring is the corpus bench's own
(``benchmarks/import_corpus.py``), so the test and the printed figure cannot drift."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "benchmarks"
sys.path.insert(0, str(BENCH))

from import_corpus import CORPUS, HELDOUT, build_docx, characters_lost  # noqa: E402

from partybook.importer import import_file  # noqa: E402


def _cases() -> list[tuple[Path, str]]:
    import yaml

    out = []
    for folder in (CORPUS, HELDOUT):
        names = yaml.safe_load((folder / "labels.yaml").read_text(encoding="utf-8"))
        out += [(folder, name) for name in names]
    return out


def test_both_sets_are_labelled_and_apart():
    corpus = {name for folder, name in _cases() if folder == CORPUS}
    heldout = {name for folder, name in _cases() if folder == HELDOUT}
    assert len(heldout) >= 15 and not corpus & heldout
    for folder, name in _cases():
        assert (folder / name).is_file(), name


@pytest.mark.parametrize(("folder", "name"), _cases(), ids=lambda v: getattr(v, "name", v))
def test_no_character_of_a_labelled_document_is_lost(
    folder: Path, name: str, tmp_path: Path
) -> None:
    path = folder / name
    if name.endswith(".docx.txt"):  # a Word file written as lines (see import_corpus)
        path = tmp_path / name.removesuffix(".txt")
        build_docx(folder / name, path)
    result = import_file(path)
    lost, total, missing = characters_lost(path, result)
    assert total > 0
    assert lost == 0, missing
