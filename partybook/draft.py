"""The draft: the one piece of state. Its JSON shape is the interchange format (docs/CONTRACTS.md).

Keys may be added, never renamed. The model knows nothing of widgets, files or genres'
guidance; :func:`conform` aligns a draft with its genre's sections.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .genre import Genre, SectionKind
from .meta import Meta
from .validation import zh_reason

SCHEMA_VERSION = 1


def now_iso() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


class Item(BaseModel):
    """One entry of an item section: a short heading sentence and its body.

    ``items`` is used only by grouped sections (对照检查材料: an aspect with 一是/二是 points).
    ``body`` may hold several paragraphs separated by ``\\n``.
    """

    model_config = ConfigDict(extra="allow")
    heading: str = ""
    body: str = ""
    items: list[Item] | None = None

    def is_empty(self) -> bool:
        return not self.heading.strip() and not self.body.strip() and not self.items


class Comment(BaseModel):
    """Instructor feedback on a section (written back by the class tools)."""

    model_config = ConfigDict(extra="allow")
    section: str
    item: int | None = None
    text: str
    author: str = ""
    created: str = Field(default_factory=now_iso)


SectionContent = str | list[str] | list[Item]


class Draft(BaseModel):
    model_config = ConfigDict(extra="allow", populate_by_name=True)

    schema_version: int = Field(default=SCHEMA_VERSION, alias="schema")
    genre: str = "dangxing-fenxi"
    genre_version: int = 1
    meta: Meta = Field(default_factory=Meta)
    sections: dict[str, SectionContent] = Field(default_factory=dict)
    unplaced: list[str] = Field(default_factory=list)
    comments: list[Comment] = Field(default_factory=list)
    example: bool = False  # an anonymised shared example (placeholders are expected)
    created: str = Field(default_factory=now_iso)
    updated: str = Field(default_factory=now_iso)

    @field_validator("sections", mode="before")
    @classmethod
    def _sections_is_mapping(cls, v: Any) -> Any:
        if not isinstance(v, dict):
            raise ValueError("sections 应为“章节 id → 内容”的键值表")
        return v

    # --- convenient, kind-agnostic accessors -------------------------------------------
    def text_of(self, section_id: str) -> str:
        content = self.sections.get(section_id)
        if content is None:
            return ""
        if isinstance(content, str):
            return content
        parts: list[str] = []
        for entry in content:
            if isinstance(entry, Item):
                parts.extend(_item_texts(entry))
            else:
                parts.append(entry)
        return "\n".join(parts)

    def is_blank(self, *section_ids: str | None) -> bool:
        """No printable text in any of these sections (a None id is skipped)."""
        return not any(self.text_of(sid).strip() for sid in section_ids if sid)

    def items(self, section_id: str) -> list[Item]:
        content = self.sections.get(section_id)
        if not isinstance(content, list):
            return []
        items = [e for e in content if isinstance(e, Item)]
        return items if len(items) == len(content) else []

    def paragraphs(self, section_id: str) -> list[str]:
        content = self.sections.get(section_id)
        if isinstance(content, str):
            return [content] if content else []
        if not isinstance(content, list):
            return []
        texts = [e for e in content if isinstance(e, str)]
        return texts if len(texts) == len(content) else []

    def touch(self) -> None:
        self.updated = now_iso()

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(by_alias=True, exclude_none=True, mode="json")


def _item_texts(item: Item) -> list[str]:
    out = [t for t in (item.heading, item.body) if t]
    for sub in item.items or []:
        out.extend(_item_texts(sub))
    return out


def empty_content(kind: SectionKind) -> SectionContent:
    if kind is SectionKind.LINE:
        return ""
    return []


def conform(draft: Draft, genre: Genre) -> Draft:
    """Give every section of ``genre`` the shape its kind needs, coercing obvious cases.

    A paragraphs section given as one string becomes one paragraph; a line given as a list
    is joined; item sections given as strings become items with that body. Sections the
    genre does not know are kept (another tool may have added them). An items section
    with ``lead: true`` also gets ``<id>_lead``, its lead-in paragraphs (a list of
    strings). Raises ValueError with a Chinese message when the shape cannot be made right.
    """
    for spec in genre.content_sections():
        if spec.lead_key:
            lead = draft.sections.get(spec.lead_key)
            if lead is None:
                lead = []
            elif isinstance(lead, str):
                lead = [lead] if lead else []
            elif any(isinstance(e, Item) for e in lead):
                raise ValueError(f"章节 {spec.lead_key} 应为段落列表，不能是条目列表")
            draft.sections[spec.lead_key] = lead
        content = draft.sections.get(spec.id)
        if content is None:
            draft.sections[spec.id] = empty_content(spec.kind)
            continue
        if spec.kind is SectionKind.LINE:
            if isinstance(content, list):
                texts = [e for e in content if isinstance(e, str)]
                if len(texts) != len(content):
                    raise ValueError(f"章节 {spec.id} 应为一行文字，不能是条目列表")
                content = "".join(texts)
            draft.sections[spec.id] = content
        elif spec.kind is SectionKind.PARAGRAPHS:
            if isinstance(content, str):
                content = [content] if content else []
            elif any(isinstance(e, Item) for e in content):
                raise ValueError(f"章节 {spec.id} 应为段落列表，不能是条目列表")
            draft.sections[spec.id] = content
        else:  # items / grouped items
            if isinstance(content, str):
                content = [Item(body=content)] if content else []
            else:
                content = [e if isinstance(e, Item) else Item(body=e) for e in content]
            draft.sections[spec.id] = content
    draft.genre_version = genre.version
    return draft


def new_draft(genre: Genre, **meta: str) -> Draft:
    draft = Draft(genre=genre.id, genre_version=genre.version, meta=Meta(**meta))
    return conform(draft, genre)


def validation_message(err: ValidationError) -> str:
    """A Chinese one-liner naming each bad field of a draft."""
    parts = []
    for e in err.errors():
        loc = ".".join(
            str(p) for p in e["loc"] if not str(p).startswith(("str", "list[", "function-"))
        )
        parts.append(f"{loc or '（根）'}：{zh_reason(e, {'missing': '缺少此项'})}")
    return "；".join(dict.fromkeys(parts))
