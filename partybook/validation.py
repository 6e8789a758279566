"""Chinese wording of pydantic validation errors, shared by every model a user's file feeds
(genres, drafts, exercises). Each caller formats the key path its own way and may word a
few error types for its own file (e.g. minutes in an exercise)."""

from __future__ import annotations

from typing import Any

REASONS: dict[str, str] = {
    "missing": "缺少必填项",
    "extra_forbidden": "不认识的键，请检查拼写",
    "string_type": "应为文字",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "bool_type": "应为 true 或 false",
    "bool_parsing": "应为 true 或 false",
    "list_type": "应为列表",
    "enum": "取值不在允许范围内",
    "greater_than_equal": "不能为负数",
    "model_type": "应为键值表",
    "dict_type": "应为键值表",
}


def zh_reason(error: Any, overrides: dict[str, str] | None = None) -> str:
    """The Chinese reason for one entry of ``ValidationError.errors()``."""
    kind = error["type"]
    zh = (overrides or {}).get(kind) or REASONS.get(kind)
    if zh is None:  # our own validators already speak Chinese
        return str(error.get("msg", "")).removeprefix("Value error, ")
    if kind == "enum":
        return f"{zh}（可用：{error.get('ctx', {}).get('expected', '')}）"
    return zh
