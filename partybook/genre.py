"""Genres as data: a YAML file in ``templates/`` describes a document type.

The file format is documented in ``templates/README.md``. Files are read with
``yaml.safe_load`` and validated with pydantic; a broken file raises :class:`GenreError`
naming the file, the key and the problem in Chinese.
"""

from __future__ import annotations

import string
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from .datafile import read_yaml
from .errors import GenreError
from .meta import ExampleMeta
from .paths import templates_dir
from .validation import zh_reason

if TYPE_CHECKING:
    from .draft import Draft

LEAD_SUFFIX = "_lead"  # draft.sections["<id>_lead"]: lead-in paragraphs above the items
META_FIELDS = ("author", "unit", "position", "class_name", "date")


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


_KIND_NAMES = {SectionKind.LINE: "标题", SectionKind.SIGNOFF: "落款"}


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
    label: str = ""  # what users call a section without a printed heading (学习体会)
    kind: SectionKind
    required: bool = True
    numbered: bool = True  # a headed section gets 一、二、… in order
    item_numbering: Numbering = Numbering.PAREN_CN
    point_numbering: Numbering = Numbering.SHI  # inside grouped items
    linked_to: str | None = None  # items align one-to-one with that section's items
    guidance: str = ""
    prompts: list[str] = Field(default_factory=list)
    length: LengthRange = Field(default_factory=LengthRange)
    aliases: list[str] = Field(default_factory=list)  # heading variants the importer knows
    lead: bool = False  # items sections: optional lead-in paragraphs above the items

    @model_validator(mode="after")
    def _lead_only_on_items(self) -> SectionSpec:
        if self.lead and self.kind not in (SectionKind.ITEMS, SectionKind.GROUPED_ITEMS):
            raise ValueError(f"章节 {self.id} 不是条目章节，不能设 lead（引言段）")
        return self

    @property
    def display_name(self) -> str:
        """The name a user knows the section by: its heading, its label, or its kind's."""
        return self.heading or self.label or _KIND_NAMES.get(self.kind, "开头")

    @property
    def lead_key(self) -> str | None:
        """The draft key of this section's lead-in paragraphs, if it has any."""
        return f"{self.id}{LEAD_SUFFIX}" if self.lead else None


class ClosingLine(BaseModel):
    """One closing line of a letter-like genre (思想汇报: 此致 indented, 敬礼！ flush left)."""

    model_config = ConfigDict(extra="forbid")
    text: Annotated[str, Field(min_length=1)]
    indent: Annotated[int, Field(ge=0, le=8)] = 2  # first-line indent in characters


class Layout(BaseModel):
    """How the genre is laid out on the page, beyond its sections."""

    model_config = ConfigDict(extra="forbid")
    salutation: str = ""  # flush left, no indent, right under the title
    closing: list[ClosingLine] = Field(default_factory=list)  # after the body
    # sign-off lines, top to bottom; {author} {unit} {position} {class_name} {date} come
    # from the draft's meta; a line whose fields are all empty is left out
    signature: list[str] = Field(default_factory=lambda: ["{unit}", "{author}", "{date}"])
    signature_align: Literal["right", "left"] = "right"
    numbered_headings: bool = True  # False: no 一、二、 before any section heading

    @field_validator("signature")
    @classmethod
    def _known_fields(cls, lines: list[str]) -> list[str]:
        for line in lines:
            for field in signature_fields(line):
                if field not in META_FIELDS:
                    known = "、".join("{" + f + "}" for f in META_FIELDS)
                    raise ValueError(f"落款行“{line}”里的 {{{field}}} 不认识（可用：{known}）")
        return lines


def signature_fields(line: str) -> list[str]:
    """The ``{field}`` names in a signature line (``ValueError`` for a broken brace)."""
    try:
        return [f for _, f, _, _ in string.Formatter().parse(line) if f is not None]
    except ValueError:
        raise ValueError(f"落款行“{line}”的花括号不成对") from None


class WorkedExample(BaseModel):
    """A complete worked example of the genre, in the shape of a draft's sections."""

    model_config = ConfigDict(extra="forbid")
    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$")]
    name: Annotated[str, Field(min_length=1)]  # shown in the workbook's chooser
    description: str = ""
    meta: ExampleMeta = Field(default_factory=ExampleMeta)
    sections: dict[str, Any]


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
    layout: Layout = Field(default_factory=Layout)
    sections: list[SectionSpec]
    examples: list[WorkedExample] = Field(default_factory=list)

    @model_validator(mode="after")
    def _consistent(self) -> Genre:
        ids = [s.id for s in self.sections]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"章节 id 重复：{'、'.join(dupes)}")
        for s in self.sections:
            if s.linked_to is not None and s.linked_to not in ids:
                raise ValueError(f"章节 {s.id} 的 linked_to 指向不存在的章节 {s.linked_to}")
            if s.lead_key in ids:
                raise ValueError(f"章节 id {s.lead_key} 与章节 {s.id} 的引言段重名")
        ex_ids = [e.id for e in self.examples]
        dupes = sorted({i for i in ex_ids if ex_ids.count(i) > 1})
        if dupes:
            raise ValueError(f"范例 id 重复：{'、'.join(dupes)}")
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

    def printed_sections(self, draft: Draft | None = None) -> list[SectionSpec]:
        """The sections a document prints: all of them, less the optional ones ``draft``
        leaves empty (an empty optional heading would stand alone on the page)."""
        if draft is None:
            return list(self.sections)
        return [s for s in self.sections if s.required or not draft.is_blank(s.id, s.lead_key)]

    def heading_numbers(self, draft: Draft | None = None) -> dict[str, int]:
        """Section id → its 1-based number among numbered, headed sections (with ``draft``:
        among those it prints, so an empty optional section takes no number)."""
        out: dict[str, int] = {}
        if not self.layout.numbered_headings:
            return out
        n = 0
        for s in self.printed_sections(draft):
            if s.heading and s.numbered:
                n += 1
                out[s.id] = n
        return out

    def section_label(self, spec: SectionSpec) -> str:
        """The section's name with its printed number: 一、基本情况 / 标题 / 开头 / 落款."""
        from .numbering import label

        n = self.heading_numbers().get(spec.id)
        return f"{label(Numbering.CN, n)}{spec.display_name}" if n else spec.display_name

    # --- worked examples -------------------------------------------------------------
    @property
    def example_ids(self) -> list[str]:
        return [e.id for e in self.examples]

    def example(self, example_id: str | None = None) -> WorkedExample:
        """The worked example ``example_id`` (default: the first one)."""
        if not self.examples:
            raise GenreError(f"文体 {self.id}（{self.name}）还没有范例。")
        if example_id is None or example_id == "":
            return self.examples[0]
        for e in self.examples:
            if e.id == example_id:
                return e
        known = "、".join(self.example_ids)
        raise GenreError(f"文体 {self.id} 没有名为 {example_id} 的范例。可用的范例：{known}。")

    def example_section(self, section_id: str, example_id: str | None = None) -> Any:
        """One section of a worked example as written in the genre file (None if absent)."""
        if not self.examples:
            return None
        return self.example(example_id).sections.get(section_id)

    def example_draft(self, example_id: str | None = None) -> Draft:
        """A worked example as a draft conforming to this genre (the one builder)."""
        from .worked_examples import build_example_draft

        return build_example_draft(self, self.example(example_id))


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
        genre = Genre.model_validate(data)
    except ValidationError as err:
        raise GenreError(
            f"文体文件 {source} 有误：{_describe(err)}。请对照 templates/README.md 修改。"
        ) from None
    from .worked_examples import example_problems

    problems = example_problems(genre)
    if problems:
        raise GenreError(
            f"文体文件 {source} 的范例有误：{'；'.join(problems)}。请对照 templates/README.md 修改。"
        )
    return genre


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
