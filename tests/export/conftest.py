"""Drafts for the export tests (original text, fictional people and places)."""

from __future__ import annotations

import pytest

from partybook.draft import Draft, Item, Meta, conform
from partybook.genre import Genre


@pytest.fixture
def hostile_draft(genre: Genre) -> Draft:
    """Markup, entities, quotes and control characters in every field."""
    evil = '<script>alert("x")</script> & \'q\' "dq" <b>粗</b> &amp;'
    return conform(
        Draft(
            genre=genre.id,
            meta=Meta(
                author=f"张<三>{evil}",
                unit=f"某<单位>&{evil}",
                position=evil,
                class_name=evil,
                date="2025-11",
            ),
            sections={
                "title": f"标题{evil}",
                "opening": [f"开头{evil}"],
                "basic": [f"基本{evil}"],
                "problems": [Item(heading=f"问题标题{evil}。", body=f"问题正文{evil}")],
                "causes": [Item(heading=f"原因{evil}", body=f"原因正文{evil}")],
                "measures": [Item(heading=f"措施{evil}。", body=f"措施正文{evil}")],
            },
        ),
        genre,
    )
