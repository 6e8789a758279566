"""The files the workbook offers for download: the draft in an export format, and the draft
anonymised as a shared example. In memory only (the export page shows ``data:`` links)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from ..draft import Draft
from ..filenames import safe_filename
from ..genre import Genre


def export_file(draft: Draft, genre: Genre, fmt: str) -> tuple[str, bytes, str, list[str]]:
    """(file name, bytes, mimetype, notices) of the draft in ``fmt``."""
    from ..exporters import get_exporter

    exporter = get_exporter(fmt)
    data = exporter.export(draft, genre)
    stem = safe_filename(" ".join(draft.text_of("title").split()) or genre.name)
    return (
        f"{stem}.{exporter.extension.lstrip('.')}",
        data,
        exporter.mimetype,
        list(exporter.notices),
    )


def example_file(draft: Draft, genre: Genre) -> tuple[str, bytes, list[Any]]:
    """The anonymised draft as a shared example (JSON, marked ``example``), and the
    replacements made, for the user to review."""
    from ..anonymizer import anonymize
    from ..storage import dumps

    anon, replacements = anonymize(draft.model_copy(deep=True))
    anon.example = True
    stem = safe_filename(f"共享范文-{genre.name}-{datetime.now():%Y%m%d-%H%M}")
    return f"{stem}.json", dumps(anon).encode("utf-8"), list(replacements)
