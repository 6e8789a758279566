"""The public API (docs/CONTRACTS.md), used the way a script would use it."""

from __future__ import annotations

import zipfile

import pytest

import partybook


def test_api_round_trip_through_every_format(tmp_path, example_draft):
    path = tmp_path / "草稿.json"
    partybook.save(example_draft, path)
    draft = partybook.load(path)
    assert draft == example_draft
    assert [f for f in partybook.check(draft) if f.severity == "error"] == []
    text = partybook.assemble(draft)
    assert text.startswith(draft.sections["title"])
    assert partybook.parse_text(text).sections == draft.sections
    for fmt in ("docx", "html", "md", "txt"):
        out = partybook.export(draft, tmp_path / f"党性分析.{fmt}", fmt)
        assert out.stat().st_size > 0
    with zipfile.ZipFile(tmp_path / "党性分析.docx") as z:
        assert "word/document.xml" in z.namelist()
    with pytest.raises(partybook.PartybookError, match="已存在"):
        partybook.export(draft, tmp_path / "党性分析.md", "md")


def test_api_fix_and_anonymize(example_draft):
    example_draft.sections["basic"][0] += "【更多范文，微信：abc123】"
    fixed, changes = partybook.fix(example_draft)
    assert changes and "微信" not in fixed.text_of("basic")
    shared, replacements = partybook.anonymize(fixed)
    assert shared.example is True and replacements
    assert example_draft.meta.author not in partybook.assemble(shared)


def test_api_names_are_listed_and_never_shadowed_by_a_submodule():
    # Importing a submodule sets it as an attribute of the package: a submodule named like
    # an API function (say partybook/assemble.py) would replace the function once imported.
    import importlib
    import pkgutil

    for info in pkgutil.walk_packages(partybook.__path__, "partybook."):
        if not info.name.endswith("__main__"):
            importlib.import_module(info.name)
    for name in ("load", "save", "parse_text", "check", "assemble", "export", "fix", "anonymize"):
        assert name in dir(partybook)
        assert callable(getattr(partybook, name))
    with pytest.raises(AttributeError):
        partybook.no_such_name  # noqa: B018
