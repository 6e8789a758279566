"""Place-like names in partybook's own texts, read against the administrative-divisions
dataset the anonymiser uses (jionlp's ``china_location.zip``, every level down to villages
and communities). The allowlist of real places and of look-alike ordinary words is data:
``templates/places/allowlist.yaml``."""

from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from partybook.anonymizer.divisions import data_path
from partybook.datafile import read_yaml

ROOT = Path(__file__).resolve().parents[2]
ALLOWLIST = ROOT / "templates" / "places" / "allowlist.yaml"
CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
# the users' texts: genres, notices, exercises, rule texts, the checks' good drafts, the
# README and the notebooks; templates/anonymize/ is left out (the anonymiser's lists of real
# public names, each with its real location) and so is the allowlist itself
SKIPPED = ("templates/anonymize/", "templates/places/")


@dataclass(frozen=True)
class Division:
    name: str
    level: int  # 0 province … 4 village or community
    parents: tuple[str, ...]  # province first


@dataclass(frozen=True)
class Reading:
    """A name as it may be read at one place of a text: two to four characters and a
    suffix (栖凤县, 我镇鹤岭村 → 鹤岭村, 镇鹤岭村, 我镇鹤岭村)."""

    name: str
    file: str
    start: int
    text: str = field(repr=False)

    @property
    def context(self) -> str:
        return self.text[max(0, self.start - 8) : self.start + len(self.name) + 8]


@cache
def _raw() -> str:
    with zipfile.ZipFile(data_path()) as archive:
        raw = archive.read(archive.infolist()[0]).decode("utf-8")
    return raw.replace("\r", "")  # some lines end in CR LF


@cache
def names() -> frozenset[str]:
    """Every name of the dataset, at any level."""
    lines = (line.strip() for line in _raw().split("\n"))
    return frozenset(line.split("\t", 1)[0] for line in lines if line)


@cache
def where(name: str) -> tuple[Division, ...]:
    """Where each division of that name lies."""
    out = []
    chain: list[str] = []
    for line in _raw().split("\n"):
        bare = line.strip()
        if not bare:
            continue
        level = len(line) - len(line.lstrip("\t"))
        del chain[level:]
        own = bare.split("\t", 1)[0]
        if own == name:
            out.append(Division(own, level, tuple(chain)))
        chain.append(own)
    return tuple(out)


def data_date() -> str:
    with zipfile.ZipFile(data_path()) as archive:
        year, month, day = archive.infolist()[0].date_time[:3]
    return f"{year:04d}-{month:02d}-{day:02d}"


@cache
def allowlist() -> dict:
    return read_yaml(ALLOWLIST, "地名核对清单")


def _texts_of(path: Path) -> list[str]:
    """A file's texts: YAML and Markdown as written (comments too), JSON drafts' strings,
    notebook cells' sources."""
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".ipynb":
        return ["".join(cell["source"]) for cell in json.loads(raw)["cells"]]
    if path.suffix == ".json":
        return list(_strings(json.loads(raw)))
    return [raw]


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def user_texts() -> dict[str, list[str]]:
    """Relative path → texts, for every file whose words users read."""
    paths = [
        *ROOT.glob("templates/**/*.yaml"),
        *ROOT.glob("templates/**/*.md"),
        *ROOT.glob("tests/checks/corpus/drafts/*.json"),
        ROOT / "README.md",
        *ROOT.glob("notebooks/*.ipynb"),
    ]
    out = {}
    for path in sorted(set(paths)):
        rel = path.relative_to(ROOT).as_posix()
        if not rel.startswith(SKIPPED):
            out[rel] = _texts_of(path)
    return out


def readings(file: str, text: str, suffixes: list[str]) -> Iterator[Reading]:
    """Every way a name could be read before each suffix: two, three and four characters
    of the same run of Chinese characters (the boundary of a made-up name is unknown, so
    all are tried)."""
    alternation = "|".join(map(re.escape, sorted(suffixes, key=len, reverse=True)))
    pattern = re.compile(f"(?=({alternation}))")
    for run in CJK_RUN.finditer(text):
        for m in pattern.finditer(text, run.start(), run.end()):
            end = m.start() + len(m.group(1))
            if end > run.end():
                continue
            for k in (2, 3, 4):
                if m.start() - k >= run.start():
                    start = m.start() - k
                    yield Reading(text[start:end], file, start, text)


def exempt(reading: Reading, not_places: list[dict]) -> bool:
    """The reading lies inside a phrase where its characters are ordinary words (深化农村)."""
    for entry in not_places:
        if entry["name"] != reading.name:
            continue
        phrase = entry["phrase"]
        lo = max(0, reading.start + len(reading.name) - len(phrase))
        for p in range(lo, reading.start + 1):
            if reading.text.startswith(phrase, p):
                return True
    return False
