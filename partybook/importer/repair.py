"""Repairs for pages that went through machines: traditional script, pinyin annotations,
keyword-filter marks inside words, paywall and truncation notes, the site's own prose.

Each repair reports what it removed (a :class:`Removal`) or says what it changed (a
notice); characters of the document itself are never dropped. Runs before the shared
leftovers detector, on the paragraphs as read.
"""

from __future__ import annotations

import re

from .model import Change, Para, Removal
from .signals import signals

_CONVERTER = None
_FILTER_TEST = re.compile(r"[\-*#|_^~]")
_LATIN = re.compile(r"[（(][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]")  # a pinyin annotation's start
_ASCII_LOWER = re.compile(rb"[a-z]")  # pinyin has a plain letter: a cheap test first
_CJK = re.compile(r"[\u4e00-\u9fff]")
_TIME = re.compile(r"\d:\d\d")
_HASHES = re.compile(r"^#{1,6}[ \t]+(?=\S)", re.M)
_HASH_MSG = "行首的“{}”是 Markdown 的标题符号（这是纯文本文件，不按 Markdown 读），已删除。"
_BOLD_MSG = "“{}”两头的“**”是 Markdown 的加粗符号（这是纯文本文件，不按 Markdown 读），已删除，这一行按小标题读。"


def to_simplified(text: str) -> str:
    global _CONVERTER
    if _CONVERTER is None:
        from opencc import OpenCC

        _CONVERTER = OpenCC("t2s")
    return _CONVERTER.convert(text)


def mostly_traditional(paras: list[Para]) -> bool:
    """At least 2 % of the characters (and 5 in all) are written only in traditional script."""
    sample = "".join(p.text for p in paras)[:6000]
    hits = len(signals().traditional.findall(sample))
    if hits < 5:
        return False
    return hits >= 0.02 * len(_CJK.findall(sample))


def convert_script(paras: list[Para]) -> list[Change]:
    """Convert every paragraph to simplified script; the paragraphs changed."""
    changed: list[Change] = []
    for p in paras:
        new = to_simplified(p.text)
        if new != p.text:
            n = sum(1 for a, b in zip(p.text, new, strict=False) if a != b)
            changed.append(Change(p.text.strip(), new.strip(), "script", p.line, n))
            if p.head is not None:
                head = to_simplified(p.head)
                p.head = head if new.startswith(head) else None
            p.text = new
    return changed


_PAYWALL_MSG = "“{}”是文库网站的截断或付费提示，已删除。"
_PINYIN_MSG = "“{}”是机器转换留下的拼音注音，已删除。"
_FILTER_MSG = "词语中间的“{}”是网站过滤插入的符号，已删除。"
_INTRO_MSG = "“{}”是网站自己的说明文字，不属于本文，已删除。"


_SITE_SEPARATORS = ("-", "|", "_", "｜", "—", "–")  # a substring test before the regex
_SITE_MSG = "标题后的“{}”是网站的名称，不属于标题，已删除。"
_SENTENCE = re.compile(r"[。！？；，：]")


def _site_suffixes(paras: list[Para]) -> list[Removal]:
    """Cut a site's name after a title (“党性分析报告 - 范文网”, “……材料_第一范文网”)."""
    removed: list[Removal] = []
    for p in paras:
        text = p.text
        if len(text) > 80 or "。" in text:
            continue
        if not any(sep in text for sep in _SITE_SEPARATORS):
            continue
        text = text.strip()
        m = signals().site_suffix.search(text)
        if m is None or m.start() < 4 or _SENTENCE.search(text, 0, m.start()):
            continue
        cut = text[m.start() :].strip()
        removed.append(Removal(cut, "page_title", p.line, "", _SITE_MSG.format(cut)))
        p.text = text[: m.start()].rstrip()
        if p.head is not None and not p.text.startswith(p.head):
            p.head = None
    return removed


def _bold_line(text: str) -> str | None:
    """The text of a line wholly wrapped in ``**`` (“**一、存在的问题**”), else None."""
    s = text.strip()
    if len(s) <= 4 or len(s) > 84 or not (s.startswith("**") and s.endswith("**")):
        return None
    inner = s[2:-2]
    if "*" in inner or not inner.strip() or inner != inner.strip():
        return None
    return inner


def _short(text: str, n: int = 30) -> str:
    return text if len(text) <= n else text[: n - 2] + "……"


def repair(paras: list[Para]) -> tuple[list[Para], list[Removal]]:
    """Cut paywall notes, pinyin and filter marks; drop the site's prose lines."""
    sig = signals()
    suffixes = _site_suffixes(paras)
    whole = "\n".join(p.text for p in paras)
    if (
        not any(c in whole for c in "#*|_^~:")
        and "--" not in whole
        and not (_ASCII_LOWER.search(whole.encode("ascii", "ignore")) and _LATIN.search(whole))
        and not sig.quick.search(whole)
    ):
        return paras, suffixes  # the fast path: a few scans of the whole text at C speed
    active = [
        (pattern, kind, msg)
        for test, pattern, kind, msg in (
            (sig.paywall_words, sig.paywall, "marker", _PAYWALL_MSG),
            (sig.pinyin_test, sig.pinyin, "pinyin", _PINYIN_MSG),
            (_FILTER_TEST, sig.filter_marks, "marker", _FILTER_MSG),
        )
        if test.search(whole)
    ]
    intro = sig.page_intro.search(whole) is not None
    lines = _TIME.search(whole) is not None
    hashes = _HASHES.search(whole) is not None
    bold = "**" in whole
    if not active and not intro and not lines and not hashes and not bold:
        return paras, suffixes
    removed: list[Removal] = suffixes
    kept: list[Para] = []
    for p in paras:
        text = p.text
        if lines and len(text) <= 60 and sig.page_line.fullmatch(text.strip()):
            removed.append(
                Removal(
                    text.strip(), "navigation", p.line, "", _INTRO_MSG.format(_short(text.strip()))
                )
            )
            continue
        if intro and len(text) <= 120 and sig.page_intro.search(text):
            removed.append(
                Removal(
                    text.strip(), "navigation", p.line, "", _INTRO_MSG.format(_short(text.strip()))
                )
            )
            continue
        if hashes and len(text) <= 60 and (m := _HASHES.match(text)):
            removed.append(
                Removal(
                    m.group().strip(), "marker", p.line, "", _HASH_MSG.format(m.group().strip())
                )
            )
            text = text[m.end() :]
        if bold and (inner := _bold_line(text)) is not None:
            removed.append(Removal("** **", "marker", p.line, "", _BOLD_MSG.format(inner)))
            text = inner
            p.head = inner  # a bold line: a heading by its shape
        for pattern, kind, msg in active:
            if pattern.search(text):
                for m in pattern.finditer(text):
                    removed.append(
                        Removal(m.group(), kind, p.line, "", msg.format(_short(m.group())))
                    )
                text = pattern.sub("", text)
        if text != p.text:
            if p.head is not None and not text.startswith(p.head):
                p.head = None
            p.text = text
        if text.strip():
            kept.append(p)
    return kept, removed
