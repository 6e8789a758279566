"""The fields about the writer a draft carries (作者、单位、职务、班次、日期): one home for
the draft's ``meta`` and a worked example's ``meta`` in a genre file."""

from __future__ import annotations

import datetime as _dt
from typing import Any

from pydantic import BaseModel, ConfigDict, field_validator


class Meta(BaseModel):
    model_config = ConfigDict(extra="allow")  # newer versions' fields survive a round trip
    author: str = ""
    unit: str = ""
    position: str = ""
    class_name: str = ""
    date: str = ""  # "2021-10" or "2021-10-08"; kept as written when it is not

    @field_validator("date", mode="before")
    @classmethod
    def _date_as_text(cls, v: Any) -> Any:  # an unquoted YAML date is a date object
        return v.isoformat() if isinstance(v, _dt.date) else v


class ExampleMeta(Meta):
    """A worked example's meta in a genre file: a misspelt field name is an error."""

    model_config = ConfigDict(extra="forbid")
