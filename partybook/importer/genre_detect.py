"""Which genre a document is: 对照检查材料 or 党性分析, from its title and headings."""

from __future__ import annotations

import re

from .model import Para

_DUIZHAO_TITLE = re.compile(r"对照检查|组织生活会|民主生活会|检视剖析|个人检视")
_DANGXING_TITLE = re.compile(r"党性分析|党性剖析|党性锻炼|党性修养")
_GROUP = re.compile(r"^\s*[（(]?[一二三四五六七八九十]+[）)、.．]?\s*在[^。]{2,40}方面")
_BASIC = re.compile(r"基本情况|个人情况|个人简历")


def detect_genre(paras: list[Para], default: str = "dangxing-fenxi") -> str:
    """``duizhao-jiancha`` when the title or the grouping says so, else ``dangxing-fenxi``."""
    head = [p.text for p in paras[:6] if len(p.text) <= 60]
    for text in head:
        if _DANGXING_TITLE.search(text):
            return "dangxing-fenxi"
        if _DUIZHAO_TITLE.search(text):
            return "duizhao-jiancha"
    groups = sum(1 for p in paras if len(p.text) < 200 and _GROUP.match(p.text))
    basic = any(len(p.text) < 30 and _BASIC.search(p.text) for p in paras)
    if groups >= 2 and not basic:
        return "duizhao-jiancha"
    return default
