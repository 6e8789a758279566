"""An uploaded document before it becomes a draft: its articles, each with its title,
size and guessed genre, so the user can pick one article and confirm an unsure genre.

Widget-free (the session holds one; :mod:`~partybook.ui.import_picker` shows it). Choosing
another genre imports the file again with that genre (placement follows the genre's
section names); article splitting does not depend on the genre, so article *n* stays
article *n*.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from ..draft import Draft, conform
from ..filenames import safe_filename, unique_path
from ..genre import Genre, load_genre

SURE = 0.55  # as the importer: a guess this confident, with no close rival, is just stated


@dataclass
class ArticleChoice:
    """One article of the upload as the picker lists it."""

    index: int
    title: str
    chars: int
    genre: str  # the genre it will be imported as (guessed, or chosen by the user)
    confidence: float
    choices: list[str]  # genre ids the user may choose from (the guess first)
    warnings: list[str] = field(default_factory=list)  # not a personal self-analysis …

    @property
    def unsure(self) -> bool:
        return len(self.choices) > 1


def genre_name(genre_id: str) -> str:
    try:
        return load_genre(genre_id).name
    except Exception:  # noqa: BLE001 - a broken genre file is reported where it is opened
        return genre_id


def article_chars(result: Any) -> int:
    """Characters of an article's draft (whitespace excluded), the unplaced text included."""
    draft = result.draft
    texts = [draft.text_of(sid) for sid in draft.sections] + list(draft.unplaced)
    return sum(len("".join(t.split())) for t in texts)


def _choices(result: Any, all_genres: list[str]) -> list[str]:
    guessed = result.draft.genre
    close = [g for g in result.close_genres if g != guessed]
    if result.genre_confidence >= SURE and not close:
        return [guessed]
    if not close:  # no idea at all: every genre is a candidate
        close = [g for g in all_genres if g != guessed]
    return [guessed, *close]


class PendingImport:
    """The upload ``filename`` (``data``) imported once; ``articles`` to choose from."""

    def __init__(self, data: bytes, filename: str, result: Any, all_genres: list[str]) -> None:
        self.data = data
        self.filename = filename
        self.first = result
        self.saved: dict[int, str] = {}  # article index → file name it was saved as
        self._by_genre: dict[str, Any] = {}
        self.articles = [
            ArticleChoice(
                i,
                str(r.draft.sections.get("title") or "").strip(),
                article_chars(r),
                r.draft.genre,
                r.genre_confidence,
                _choices(r, all_genres),
                list(r.warnings),
            )
            for i, r in enumerate(result.articles)
        ]

    @property
    def needs_choice(self) -> bool:
        """Several articles, or a genre the detection was unsure of: ask before opening."""
        return len(self.articles) > 1 or any(a.unsure for a in self.articles)

    def choose_genre(self, index: int, genre_id: str) -> ArticleChoice:
        """Import article ``index`` as ``genre_id``: its title, size and warnings follow."""
        article = self.articles[index]
        if genre_id not in article.choices:
            raise ValueError(genre_id)
        result = self.result(index, genre_id)
        article.genre = genre_id
        article.title = str(result.draft.sections.get("title") or "").strip()
        article.chars = article_chars(result)
        article.warnings = list(result.warnings)
        return article

    def result(self, index: int, genre_id: str | None = None) -> Any:
        """The importer's result for article ``index`` imported as ``genre_id`` (default:
        the genre chosen for it)."""
        genre_id = genre_id or self.articles[index].genre
        if genre_id == self.first.articles[index].draft.genre:
            return self.first.articles[index]
        if genre_id not in self._by_genre:
            from ..importer import import_bytes

            self._by_genre[genre_id] = import_bytes(self.data, self.filename, genre_id=genre_id)
        articles = self._by_genre[genre_id].articles
        return articles[index] if index < len(articles) else self.first.articles[index]

    def target(self, index: int, folder: Path) -> tuple[Draft, Genre, Path]:
        """A copy of article ``index``'s draft in its genre's shape, and a new file for it
        in ``folder`` (``<name>-第N篇-导入-<time>.json``)."""
        draft = self.result(index).draft.model_copy(deep=True)  # the upload stays as read
        genre = load_genre(draft.genre)
        conform(draft, genre)
        part = f"-第{index + 1}篇" if len(self.articles) > 1 else ""
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        stem = safe_filename(f"{Path(self.filename).stem}{part}-导入-{stamp}")
        return draft, genre, unique_path(folder, stem, ".json")

    def chosen_by_user(self, index: int) -> bool:
        """The user was offered a genre choice for this article (its guess was unsure)."""
        return self.articles[index].unsure
