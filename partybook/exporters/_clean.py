"""Removal of code points that XML (hence .docx and well-formed HTML) cannot hold.

User text may contain anything a user can paste. Emoji and zero-width characters are
carried; C0 controls (except tab/line feed/carriage return), DEL and C1 controls, lone
surrogates and U+FFFE/U+FFFF are removed, and the exporter tells the user where.
"""

from __future__ import annotations

import dataclasses
import re

from ..assembly import Block

_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def clean_text(text: str) -> tuple[str, int]:
    """``text`` without XML-illegal code points, and how many were removed."""
    if not _ILLEGAL.search(text):
        return text, 0
    return _ILLEGAL.subn("", text)


def clean_blocks(blocks: list[Block], section_names: dict[str, str]) -> tuple[list[Block], str]:
    """Blocks with illegal code points removed, and a Chinese notice ("" when none were)."""
    removed = 0
    where: list[str] = []
    out: list[Block] = []
    for b in blocks:
        text, n1 = clean_text(b.text)
        heading, n2 = clean_text(b.heading)
        if n1 or n2:
            removed += n1 + n2
            name = section_names.get(b.section, b.section)
            if name not in where:
                where.append(name)
            b = dataclasses.replace(b, text=text, heading=heading)
        out.append(b)
    if not removed:
        return out, ""
    return out, (
        f"已删除 {removed} 个无法写入文档的控制字符（位于：{'、'.join(where)}）。"
        "这些字符通常来自复制粘贴，不影响正文内容。"
    )


def clean_notice(removed: int, field: str) -> str:
    return f"已删除 {removed} 个无法写入文档的控制字符（位于：{field}）。"
