"""Genres as data: a YAML file in ``templates/`` describes a document type.

The file format is documented in ``templates/README.md``. Files are read with
``yaml.safe_load`` and validated with pydantic; a broken file raises :class:`GenreError`
naming the file, the key and the problem in Chinese.
"""

from __future__ import annotations

from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from .datafile import read_yaml
from .errors import GenreError
from .paths import templates_dir
from .validation import zh_reason


class SectionKind(StrEnum):
    LINE = "line"  # one line of text (the title)
    PARAGRAPHS = "paragraphs"  # a list of paragraphs
    ITEMS = "items"  # a list of {heading, body}
    GROUPED_ITEMS = "grouped_items"  # groups {heading, body, items: [{heading, body}]}
    SIGNOFF = "signoff"  # author / unit / date, taken from meta


class Numbering(StrEnum):
    """How generated numbers are printed (GB/T 9704 §7.3.3 plus 一是 for measures)."""

    CN = "cn"  # 一、
    PAREN_CN = "paren_cn"  # （一）
    ARABIC = "arabic"  # 1.
    PAREN_ARABIC = "paren_arabic"  # （1）
    SHI = "shi"  # 一是
    NONE = "none"


class LengthRange(BaseModel):
    model_config = ConfigDict(extra="forbid")
    min: Annotated[int, Field(ge=0)] = 0
    max: Annotated[int, Field(ge=0)] = 0  # 0 = no upper bound

    @model_validator(mode="after")
    def _ordered(self) -> LengthRange:
        if self.max and self.max < self.min:
            raise ValueError("max 不能小于 min")
        return self


class SectionSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]
    heading: str | None = None  # printed heading without its number, e.g. 基本情况
    kind: SectionKind
    required: bool = True
    numbered: bool = True  # a headed section gets 一、二、… in order
    item_numbering: Numbering = Numbering.PAREN_CN
    point_numbering: Numbering = Numbering.SHI  # inside grouped items
    linked_to: str | None = None  # items align one-to-one with that section's items
    guidance: str = ""
    prompts: list[str] = Field(default_factory=list)
    length: LengthRange = Field(default_factory=LengthRange)
    example: Any = None  # same shape as the section's content in a draft
    aliases: list[str] = Field(default_factory=list)  # heading variants the importer knows

    @property
    def display_name(self) -> str:
        """The name a user knows the section by: its heading, else 标题 (the title line),
        落款 (the sign-off) or 开头 (an unheaded paragraph section is the opening)."""
        if self.heading:
            return self.heading
        return _UNHEADED_NAMES.get(self.kind, "开头")


_UNHEADED_NAMES = {SectionKind.LINE: "标题", SectionKind.SIGNOFF: "落款"}


class Genre(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: Annotated[str, Field(pattern=r"^[a-z][a-z0-9-]*$")]
    version: int = 1
    name: str
    description: str = ""
    personal: bool = True  # first-person genre: problems are about oneself
    length: LengthRange = Field(default_factory=LengthRange)
    title_example: str = ""
    stray_title_words: list[str] = Field(default_factory=list)
    example_meta: dict[str, str] = Field(default_factory=dict)
    sections: list[SectionSpec]

    @model_validator(mode="after")
    def _consistent(self) -> Genre:
        ids = [s.id for s in self.sections]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"章节 id 重复：{'、'.join(dupes)}")
        for s in self.sections:
            if s.linked_to is not None and s.linked_to not in ids:
                raise ValueError(f"章节 {s.id} 的 linked_to 指向不存在的章节 {s.linked_to}")
        return self

    def section(self, section_id: str) -> SectionSpec:
        for s in self.sections:
            if s.id == section_id:
                return s
        raise KeyError(section_id)

    @property
    def section_ids(self) -> list[str]:
        return [s.id for s in self.sections]

    def content_sections(self) -> list[SectionSpec]:
        """Sections whose content lives in ``draft.sections`` (all but the sign-off)."""
        return [s for s in self.sections if s.kind is not SectionKind.SIGNOFF]

    def heading_numbers(self) -> dict[str, int]:
        """Section id → its 1-based number among numbered, headed sections."""
        out: dict[str, int] = {}
        n = 0
        for s in self.sections:
            if s.heading and s.numbered:
                n += 1
                out[s.id] = n
        return out

    def section_label(self, spec: SectionSpec) -> str:
        """The section's name with its printed number: 一、基本情况 / 标题 / 开头 / 落款."""
        from .numbering import label

        n = self.heading_numbers().get(spec.id)
        return f"{label(Numbering.CN, n)}{spec.display_name}" if n else spec.display_name

    def example_sections(self) -> dict[str, Any]:
        return {s.id: s.example for s in self.content_sections() if s.example is not None}


def _describe(err: ValidationError) -> str:
    lines = []
    for e in err.errors():
        loc = ".".join(str(p) for p in e["loc"]) or "（根）"
        lines.append(f"键 {loc}：{zh_reason(e, _GENRE_REASONS)}")
    return "；".join(lines)


_GENRE_REASONS = {"string_pattern_mismatch": "格式不对（只能用小写字母、数字和连字符）"}


def parse_genre(data: Any, source: str) -> Genre:
    if not isinstance(data, dict):
        raise GenreError(
            f"文体文件 {source} 的内容应为键值表（YAML 映射），请对照 templates/README.md 修改。"
        )
    try:
        return Genre.model_validate(data)
    except ValidationError as err:
        raise GenreError(
            f"文体文件 {source} 有误：{_describe(err)}。请对照 templates/README.md 修改。"
        ) from None


def load_genre_file(path: Path) -> Genre:
    data = read_yaml(path, "文体文件", GenreError)
    return parse_genre(data, str(path))


def available_genres() -> list[str]:
    """Ids of the genre files: every ``*.yaml`` directly in the templates folder.

    Other data (rules, exercises, gazetteers) lives in sub-folders.
    """
    return [p.stem for p in sorted(templates_dir().glob("*.yaml"))]


@lru_cache(maxsize=16)
def _load_cached(path: str, mtime: float) -> Genre:
    return load_genre_file(Path(path))


def load_genre(genre_id: str = "dangxing-fenxi") -> Genre:
    """Load a genre by id from the templates folder (cached until the file changes)."""
    path = templates_dir() / f"{genre_id}.yaml"
    if not path.is_file():
        known = "、".join(available_genres()) or "（无）"
        raise GenreError(f"没有名为 {genre_id} 的文体。可用的文体：{known}。")
    return _load_cached(str(path), path.stat().st_mtime)
