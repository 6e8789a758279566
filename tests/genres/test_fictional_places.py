"""Places in our own texts are plainly fictional or real and correctly placed: every
place-like name (two to four characters and a suffix, every reading) that exists in the
divisions dataset is listed in templates/places/allowlist.yaml, as a real place (checked to
lie where the list says) or as ordinary words in a given phrase."""

from __future__ import annotations

import re
from collections import defaultdict

import pytest

from .places import Reading, allowlist, data_date, exempt, names, readings, user_texts, where


@pytest.fixture(scope="module")
def found() -> list[Reading]:
    """The readings of all user texts that name a division of the dataset."""
    known = names()
    suffixes = allowlist()["suffixes"]
    return [
        r
        for file, texts in user_texts().items()
        for text in texts
        for r in readings(file, text, suffixes)
        if r.name in known
    ]


def _report(readings_: list[Reading]) -> str:
    by_name: dict[str, list[str]] = defaultdict(list)
    for r in readings_:
        by_name[r.name].append(f"{r.file}: …{r.context}…")
    lines = [f"divisions dataset of {data_date()}"]
    for name, seen in sorted(by_name.items()):
        places = "; ".join("/".join((*d.parents, d.name)) for d in where(name)[:3])
        lines.append(f"{name} (real: {places})")
        lines.extend(f"    {w}" for w in sorted(set(seen)))
    return "\n".join(lines)


def test_every_real_name_in_our_texts_is_on_the_allowlist(found: list[Reading]) -> None:
    real = {e["name"] for e in allowlist()["real"]}
    offending = [
        r for r in found if r.name not in real and not exempt(r, allowlist()["not_places"])
    ]
    if offending:
        pytest.fail("real places not on templates/places/allowlist.yaml:\n" + _report(offending))


def test_allowed_real_places_are_where_the_list_says() -> None:
    wrong = []
    for entry in allowlist()["real"]:
        matches = [d for d in where(entry["name"]) if d.level < 4]
        if not any(set(entry["within"]) <= set(d.parents) for d in matches):
            wrong.append(f"{entry['name']} within {entry['within']}: {matches}")
        assert entry["why"].strip()
    assert not wrong


def test_every_allowlist_entry_is_still_needed(found: list[Reading]) -> None:
    """A stale entry would let a later real name through unnoticed."""
    read = {r.name for r in found}
    not_places = allowlist()["not_places"]
    unused = [e["name"] for e in allowlist()["real"] if e["name"] not in read]
    for entry in not_places:
        assert entry["name"] in entry["phrase"] and entry["why"].strip()
        if entry["name"] not in names():
            unused.append(entry["name"])  # not a real name: nothing to excuse
        elif not any(r.name == entry["name"] and exempt(r, [entry]) for r in found):
            unused.append(f"{entry['name']} ({entry['phrase']})")
    assert not unused


def test_the_fictional_places_do_not_exist_and_are_used() -> None:
    texts = "\n".join(t for ts in user_texts().values() for t in ts)
    texts = re.sub(r"(?m)^\s*#.*$", "", texts)  # a header comment does not count as a use
    entries = allowlist()["fictional"]
    assert entries
    existing = [e["name"] for e in entries if e["name"] in names()]
    assert not existing, f"these made-up names are real places: {existing}"
    assert [e["name"] for e in entries if e["name"] not in texts] == []


def test_a_real_town_written_into_an_example_is_caught() -> None:
    # the check's own reading: 松岭镇 is a real town (河北省承德市宽城满族自治县)
    text = "先后任栖凤县松岭镇党政办科员"
    read = {r.name for r in readings("t", text, allowlist()["suffixes"])}
    assert {"栖凤县", "松岭镇", "县松岭镇"} <= read
    assert "松岭镇" in names() and "栖凤县" not in names()
    # the phrase of a not-a-place entry excuses only its own occurrence
    entry = {"name": "化农村", "phrase": "深化农村"}
    shown = {r.start: exempt(r, [entry]) for r in readings("t", "深化农村；文化农村", ["村"])}
    assert [shown[1], shown[6]] == [True, False]
