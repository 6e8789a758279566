"""Guided exercises: a small YAML file that orders a class's work.

An exercise names a genre, the steps in the order the instructor opens the sections (each
with a prompt and a time suggestion) and, optionally, a YAML file of phrase rules for the
class. The format is documented in ``templates/exercises/README.md``. Files are read with
``yaml.safe_load``; any problem raises :class:`ExerciseError` naming the file, the key and
what to do, in Chinese.

The workbook's exercise mode reads an :class:`Exercise` and shows ``exercise.steps[i].prompt``
while opening ``exercise.steps[i].section`` (students may still go back to any section).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from ..datafile import read_yaml
from ..errors import GenreError, PartybookError
from ..genre import Genre, SectionKind, load_genre
from ..paths import templates_dir
from ..validation import zh_reason


class ExerciseError(PartybookError):
    """An exercise file is missing or malformed."""


class Step(BaseModel):
    """One step of the exercise: open ``section``, show ``prompt``, suggest ``minutes``."""

    model_config = ConfigDict(extra="forbid")

    section: Annotated[str, Field(min_length=1)]
    prompt: str = ""
    minutes: Annotated[int, Field(ge=0, le=600)] = 0
    title: str = ""  # optional short label; the section heading is used when empty


class Exercise(BaseModel):
    model_config = ConfigDict(extra="forbid")

    genre: str = "dangxing-fenxi"
    title: Annotated[str, Field(min_length=1)]
    description: str = ""
    steps: Annotated[list[Step], Field(min_length=1)]
    rules_file: str | None = None  # instructor phrase rules, relative to the exercise file
    source: str = ""  # the file this exercise was read from (set by the loader)

    @model_validator(mode="after")
    def _unique_sections(self) -> Exercise:
        seen: set[str] = set()
        for i, step in enumerate(self.steps):
            if step.section in seen:
                raise ValueError(f"steps[{i}] 的章节 {step.section} 重复出现，每个章节只开放一次")
            seen.add(step.section)
        return self

    @property
    def total_minutes(self) -> int:
        return sum(s.minutes for s in self.steps)

    @property
    def section_order(self) -> list[str]:
        return [s.section for s in self.steps]

    def step_for(self, section_id: str) -> Step | None:
        for s in self.steps:
            if s.section == section_id:
                return s
        return None

    def step_label(self, index: int, genre: Genre | None = None) -> str:
        """ "第 2 步：基本情况（15 分钟）" — for the workbook's step header."""
        step = self.steps[index]
        name = step.title
        if not name:
            name = step.section
            if genre is not None:
                specs = {s.id: s for s in genre.sections}
                if step.section in specs:
                    name = specs[step.section].display_name
        minutes = f"（{step.minutes} 分钟）" if step.minutes else ""
        return f"第 {index + 1} 步：{name}{minutes}"

    def rules_path(self) -> Path | None:
        """The phrase-rules file as an absolute path (relative names resolve beside the file)."""
        if not self.rules_file:
            return None
        p = Path(self.rules_file)
        if not p.is_absolute():
            base = Path(self.source).parent if self.source else templates_dir() / "exercises"
            p = base / p
        return p

    def phrase_rules(self) -> list[Any]:
        """The class's phrase rules (``partybook.checks.PhraseRule``), for
        ``check(draft, extra_rules=...)``; empty when the exercise has none."""
        path = self.rules_path()
        if path is None:
            return []
        from ..checks import load_phrase_rules

        try:
            return load_phrase_rules(path)
        except PartybookError as err:
            raise ExerciseError(f"练习文件 {self.source} 的键 rules_file 有误：{err}") from None


# minutes and steps: worded for an exercise file; everything else as for any data file
_EXERCISE_REASONS = {
    "string_too_short": "不能为空",
    "int_type": "应为整数（分钟数）",
    "int_parsing": "应为整数（分钟数）",
    "int_from_float": "应为整数（分钟数）",
    "less_than_equal": "不能超过 600 分钟",
    "too_short": "至少要有一步",
}


def _describe(err: ValidationError) -> str:
    parts = []
    for e in err.errors():
        loc = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in e["loc"]).lstrip(".")
        msg = zh_reason(e, _EXERCISE_REASONS)
        parts.append(f"键 {loc or '（根）'}：{msg}")
    return "；".join(dict.fromkeys(parts))


def parse_exercise(data: Any, source: str = "练习文件") -> Exercise:
    """Validate already-parsed YAML data; checks section ids against the genre."""
    hint = "请对照 templates/exercises/README.md 修改。"
    if not isinstance(data, dict):
        raise ExerciseError(f"练习文件 {source} 的内容应为键值表（YAML 映射）。{hint}")
    data = {**data, "source": source}
    try:
        exercise = Exercise.model_validate(data)
    except ValidationError as err:
        raise ExerciseError(f"练习文件 {source} 有误：{_describe(err)}。{hint}") from None
    try:
        genre = load_genre(exercise.genre)
    except GenreError as err:
        raise ExerciseError(f"练习文件 {source} 的键 genre 有误：{err}") from None
    known = {s.id: s for s in genre.sections}
    for i, step in enumerate(exercise.steps):
        spec = known.get(step.section)
        if spec is None:
            ids = "、".join(s.id for s in genre.sections if s.kind is not SectionKind.SIGNOFF)
            raise ExerciseError(
                f"练习文件 {source} 的键 steps[{i}].section：文体“{genre.name}”没有章节 "
                f"{step.section}。可用的章节：{ids}。"
            )
    rules = exercise.rules_path()
    if rules is not None:
        if not rules.is_file():
            raise ExerciseError(
                f"练习文件 {source} 的键 rules_file：找不到短语规则文件 {rules}。"
                "请检查文件名（相对路径以练习文件所在文件夹为准），或删去这一项。"
            )
        exercise.phrase_rules()  # a broken rules file is reported now, naming the file
    return exercise


def exercises_dir() -> Path:
    return templates_dir() / "exercises"


def available_exercises() -> list[Path]:
    folder = exercises_dir()
    return sorted(folder.glob("*.yaml")) if folder.is_dir() else []


def load_exercise(path: str | os.PathLike[str]) -> Exercise:
    """Read an exercise file. A bare name such as ``dangxing-fenxi-90min`` is looked up in
    ``templates/exercises/``. Raises :class:`ExerciseError` with a Chinese message."""
    p = Path(path)
    if not p.exists() and p.parent == Path(".") and not p.suffix:
        p = exercises_dir() / f"{p.name}.yaml"
    names = "、".join(x.stem for x in available_exercises()) or "（无）"
    data = read_yaml(
        p,
        "练习文件",
        ExerciseError,
        not_found=f"找不到练习文件 {p}。templates/exercises/ 中现有：{names}。",
    )
    return parse_exercise(data, str(p))


__all__ = [
    "Exercise",
    "ExerciseError",
    "Step",
    "available_exercises",
    "exercises_dir",
    "load_exercise",
    "parse_exercise",
]
