"""Bytes and text → paragraphs (:class:`Para`) with the hints the sectioning uses.

Plain text: one paragraph a line. Markdown: blocks separated by blank lines, ``#``
headings, a bold lead ``**（一）标题。**`` as an item heading, right-aligned ``<p>`` as
the sign-off, backslash escapes undone. Encodings: UTF-8 (with or without BOM), UTF-16
with a BOM, and anything else charset-normalizer recognises — in practice GBK/GB18030
from Chinese Windows. Word files are read by :mod:`.docx_reader`.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from ..errors import InputError
from .model import Para, Removal

_CHINESE_ENCODINGS = ("gb18030", "gbk", "gb2312", "big5", "big5hkscs", "hz", "utf_16", "utf_8")


def _binary(name: str) -> InputError:
    return InputError(
        f"文件 {name} 不是文本文件（看起来是图片、压缩包等二进制数据）。"
        "请导入 .txt、.md 或 .docx 格式的文稿。"
    )


def _looks_binary(text: str) -> bool:
    bad = sum(
        1
        for c in text[:20000]
        if c == "\ufffd" or (unicodedata.category(c) == "Cc" and c not in "\t\n\r\f\v")
    )
    return bad > max(8, len(text[:20000]) // 100)


def decode(data: bytes, name: str) -> tuple[str, str]:
    """The text and the encoding it was read in."""
    for bom, enc in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            text = data.decode(enc, errors="replace")
            if _looks_binary(text):
                raise _binary(name)
            return text, enc.removesuffix("-sig")
    if b"\x00" in data[:8192]:
        raise _binary(name)
    try:
        text = data.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError:
        text, encoding = _guess(data, name)
    if _looks_binary(text):
        raise _binary(name)
    return text, encoding


def _cjk_share(text: str) -> float:
    sample = text[:5000]
    return sum(1 for c in sample if "\u4e00" <= c <= "\u9fff") / max(1, len(sample))


def _guess(data: bytes, name: str) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    candidates: list[tuple[float, str, str]] = []
    best = from_bytes(data[:200_000], cp_isolation=list(_CHINESE_ENCODINGS)).best()
    if best is not None:
        try:
            text = data.decode(best.encoding)
            candidates.append((_cjk_share(text), text, best.encoding))
        except (UnicodeDecodeError, LookupError):
            pass
    try:  # GB18030 is a superset of GBK and GB2312: the usual Windows encoding
        text = data.decode("gb18030")
        candidates.append((_cjk_share(text) + 0.01, text, "gb18030"))
    except UnicodeDecodeError:
        pass
    if not candidates:
        raise InputError(
            f"无法识别文件 {name} 的文字编码。请用记事本或 WPS 打开它，另存为“UTF-8”编码的 .txt 文件后再导入。"
        )
    _, text, encoding = max(candidates)
    return text, encoding


# --- plain text ------------------------------------------------------------------------


def text_paras(text: str) -> list[Para]:
    out: list[Para] = []
    blank = False
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            blank = True
            continue
        out.append(Para(line, n, blank_before=blank))
        blank = False
    return out


# --- Markdown ---------------------------------------------------------------------------

_MD_HINT = re.compile(r"^(?:#{1,6}[ \t]|\*\*|<p\b)", re.M)
_ATX = re.compile(r"^(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_RIGHT = re.compile(r'^<p\s+align\s*=\s*"?right"?\s*>(.*?)</p>\s*$', re.I | re.S)
_BOLD_LEAD = re.compile(r"^\*\*((?:\\.|[^\\*])+?)\*\*(.*)$", re.S)
_BULLET = re.compile(r"^[ \t]*(?:[-+*]|>)[ \t]+")
_RULE = re.compile(r"^[ \t]*(?:[-*_][ \t]*){3,}$")
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_EMPHASIS = re.compile(r"(?<![\\_])(\*\*|__)(?!_)")
_TAG = re.compile(r"(?<!\\)</?[A-Za-z][^<>\n]{0,200}>")
_NEW_BLOCK = re.compile(r"^(?:#{1,6}[ \t]|[ \t]*(?:[-+*]|\d{1,2}[.)])[ \t]|<p\b)")


_MD_HEADING = re.compile(r"^#{1,6}[ \t]+\S", re.M)
_MD_BOLD = re.compile(r"^(?:\*\*[^*\n]+\*\*|<p\s+align)", re.M)


def looks_like_markdown(text: str) -> bool:
    """Clearly Markdown: two ``#`` headings or more, or a heading and a bold lead. One
    line starting with “# ” is not enough (a plain text may begin so)."""
    if ("#" not in text and "**" not in text and "<p" not in text) or not _MD_HINT.search(text):
        return False  # substring tests first: a multiline regex tries every position
    headings = len(_MD_HEADING.findall(text, 0, 200_000))
    return headings >= 2 or (headings >= 1 and bool(_MD_BOLD.search(text)))


def unescape(text: str) -> str:
    return _ESCAPE.sub(r"\1", text)


def _join(lines: list[str]) -> str:
    out = lines[0].strip()
    for line in lines[1:]:
        s = line.strip()
        if (
            out
            and s
            and out[-1].isascii()
            and out[-1].isalnum()
            and s[0].isascii()
            and s[0].isalnum()
        ):
            out += " "
        out += s
    return out


_ENDS = frozenset("。！？；：!?;:")
_CLOSERS = "”’」』）)*_ \t"


def _wide(c: str) -> bool:
    return c >= "\u2e80"


def _cjk_break(above: str, line: str) -> bool:
    """A single newline in Chinese prose that ends a paragraph (CommonMark would join the
    lines): the line above ends a sentence or a lead (。！？；：) or is a numbered heading,
    both lines are short and bare (a unit, a name), or the next line opens with a number,
    a bold lead or a date. A line broken in mid-sentence (“我是” / “一名干部。”) is joined."""
    from .headings import parse_number
    from .signoff import parse_date

    a, b = above.rstrip(), line.strip()
    if not a or not b or not (_wide(a[-1]) or _wide(b[0])):
        return False
    last = a.rstrip(_CLOSERS)[-1:]
    if last in _ENDS:
        return True
    if b.startswith(("**", "【")) or parse_number(b) is not None:
        return True
    core = a.lstrip("#>*-+ \t").rstrip(_CLOSERS)
    if (num := parse_number(core)) is not None and len(num.rest) <= 30:
        return True  # a numbered heading without a stop (“二、原因分析”)
    if len(core) <= 12 and len(b) <= 12 and _bare(core) and _bare(b):
        return True  # short lines without punctuation: a unit, a name (the sign-off)
    return len(b) <= 20 and parse_date(b) is not None


def _bare(text: str) -> bool:
    return not any(c in text for c in "，,、。！？；：!?;:“”（）()")


def markdown_paras(text: str) -> tuple[list[Para], list[Removal]]:
    """The paragraphs of a Markdown text, and the horizontal rules dropped (reported)."""
    blocks: list[tuple[int, list[str], bool]] = []
    blank = False
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            blank = True
            continue
        if (
            blocks
            and not blank
            and not _NEW_BLOCK.match(line)
            and not _ATX.match(blocks[-1][1][0])
            and not _cjk_break(blocks[-1][1][-1], line)
        ):
            blocks[-1][1].append(line)
        else:
            blocks.append((n, [line], blank))
        blank = False
    out: list[Para] = []
    dropped: list[Removal] = []
    for n, lines, blank_before in blocks:
        raw = _join(lines)
        para = _md_para(raw, n, blank_before)
        if para is not None:
            out.append(para)
        else:
            dropped.append(
                Removal(
                    raw.strip(), "marker", n, "", f"“{raw.strip()}”是 Markdown 的分隔线，已删除。"
                )
            )
    return out, dropped


def _md_para(raw: str, n: int, blank_before: bool) -> Para | None:
    if _RULE.match(raw):
        return None
    kind = ""
    head: str | None = None
    if m := _ATX.match(raw):
        kind = (
            "title" if len(m.group(1)) == 1 else "heading" if len(m.group(1)) == 2 else "subheading"
        )
        raw = m.group(2)
    elif m := _RIGHT.match(raw):
        kind = "signoff"
        raw = m.group(1)
    else:
        raw = _BULLET.sub("", raw)
        if m := _BOLD_LEAD.match(raw):
            if m.group(2).strip():
                head = _plain(m.group(1))
                raw = m.group(1) + m.group(2)
            else:
                kind = "subheading"
                raw = m.group(1)
                head = _plain(raw)
    text = _plain(raw)
    if head is not None and not text.startswith(head):
        head = None
    return Para(text, n, blank_before=blank_before, kind=kind, head=head)


def _plain(md: str) -> str:
    md = _TAG.sub("", md)
    md = _EMPHASIS.sub("", md)
    return unescape(md)
