"""The sign-off at the end of a draft: unit and author lines and the date, into ``meta``.

Dates: 2021年10月, 2021年10月8日, 2021.10, 2021-10-08, 2021/10/8, 二〇二一年十月 (also
with spaces). ``meta.date`` is ``2021-10`` or ``2021-10-08``; an impossible date
(2020年13月) is kept as written in the same shape (``2020-13``) for the checks to flag.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..text import SENTENCE_END
from .headings import cn_to_int, parse_number
from .model import Para

_YEAR_CN = "〇○零一二三四五六七八九"
_DATE = re.compile(
    rf"""(?:日期|时间)?[：:]?[ \t\u3000]*(?:
      (?P<y>\d{{4}})[ \t\u3000]*年[ \t\u3000]*(?P<m>\d{{1,2}})[ \t\u3000]*月
          (?:[ \t\u3000]*(?P<d>\d{{1,2}})[ \t\u3000]*[日号])?
    | (?P<y2>\d{{4}})[.．/\-](?P<m2>\d{{1,2}})(?:[.．/\-](?P<d2>\d{{1,2}}))?
    | (?P<y3>[{_YEAR_CN}]{{4}})年(?P<m3>[一二三四五六七八九十]{{1,3}})月
          (?:(?P<d3>[一二三四五六七八九十]{{1,3}})日)?
    )""",
    re.VERBOSE,
)
_DATE_AT_END = re.compile(
    rf"(?:\d{{4}}[ \t\u3000]*年[ \t\u3000]*\d{{1,2}}[ \t\u3000]*月(?:[ \t\u3000]*\d{{1,2}}[ \t\u3000]*[日号])?"
    rf"|\d{{4}}[.．/\-]\d{{1,2}}(?:[.．/\-]\d{{1,2}})?"
    rf"|[{_YEAR_CN}]{{4}}年[一二三四五六七八九十]{{1,3}}月(?:[一二三四五六七八九十]{{1,3}}日)?)$"
)
_GAPS = re.compile(r"[ \t\u3000]+")
_Y_DIGIT = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"○": "0", "零": "0"}


def parse_date(text: str) -> str | None:
    """``2021年10月8日`` → ``2021-10-08``; None when ``text`` is not just a date."""
    m = _DATE.fullmatch(text.strip())
    if not m:
        return None
    if m.group("y"):
        y, mo, d = m.group("y"), int(m.group("m")), m.group("d")
        day = int(d) if d else None
    elif m.group("y2"):
        y, mo, d = m.group("y2"), int(m.group("m2")), m.group("d2")
        day = int(d) if d else None
    else:
        y = "".join(_Y_DIGIT[c] for c in m.group("y3"))
        mo = cn_to_int(m.group("m3"))
        day = cn_to_int(m.group("d3")) if m.group("d3") else None
    out = f"{y}-{mo:02d}"
    if day is not None:
        out += f"-{day:02d}"
    return out


_UNIT_ENDS = (
    "局",
    "委",
    "厅",
    "办",
    "部",
    "院",
    "校",
    "所",
    "处",
    "科",
    "站",
    "队",
    "室",
    "馆",
    "中心",
    "支部",
    "党委",
    "总支",
    "政府",
    "公司",
    "集团",
    "银行",
    "医院",
    "学校",
    "街道",
    "社区",
    "委员会",
    "管委会",
    "镇",
    "乡",
    "村",
    "班",
    "组",
    "会",
    "区",
    "县",
    "市",
    "省",
)
LABEL = re.compile(
    r"(?P<label>姓名|党员姓名|作者|署名|单位|工作单位|所在单位|所在支部|所在党支部|所在部门|"
    r"报告人|汇报人|自评人|发言人|填写人|申请人|签名|本人签名|党员|学员)"
    r"[ \t\u3000]*[：:][ \t\u3000]*"
)
_UNIT_NAME = re.compile(
    r"(?P<unit>[^：:\s]{3,30})[ \t\u3000]*[：:][ \t\u3000]*(?P<name>[\u4e00-\u9fff·•]{2,8})"
)


def split_signature(texts: list[str]) -> list[str]:
    """Fields of a signature: “区财政局办公室：李四” is a unit and a name."""
    out: list[str] = []
    for t in texts:
        m = _UNIT_NAME.fullmatch(t.strip())
        if (
            m
            and not LABEL.match(t)
            and looks_like_unit(m.group("unit"))
            and looks_like_name(m.group("name"))
        ):
            out.extend([m.group("unit"), m.group("name")])
        else:
            out.append(t)
    return out


def signature_fields(texts: list[str]) -> bool:
    """Every field reads like part of a signature (a label, a unit, a name, a position)
    — not a line such as “自评等次：合格”."""
    for t in split_signature(texts):
        t = t.strip()
        if not t or LABEL.match(t):
            continue
        if "：" in t or ":" in t:
            return False
    return True


def read_signature(texts: list[str]) -> tuple[str, str, str]:
    """(unit, author, position) from a signature's fields: labelled (姓名：, 汇报人：,
    单位：), “unit：name”, or unit and name in either order."""
    labelled: dict[str, str] = {}
    rest: list[str] = []
    for t in split_signature(texts):
        m = LABEL.match(t)
        if m:
            label = m.group("label")
            key = "unit" if label.endswith(("单位", "支部", "部门")) else "author"
            labelled[key] = t[m.end() :].strip()
        elif t.strip():
            rest.append(t.strip())
    unit = author = position = ""
    if len(rest) >= 2:
        first, last_ = rest[0], rest[-1]
        if looks_like_unit(last_) and not looks_like_unit(first):
            author, unit = first, last_
        else:
            unit, author = first, last_
        position = "".join(rest[1:-1])
    elif len(rest) == 1:
        if looks_like_unit(rest[0]) and "unit" not in labelled:
            unit = rest[0]
        else:
            author = rest[0]
    return labelled.get("unit", unit), labelled.get("author", author), position


def looks_like_unit(line: str) -> bool:
    """A unit's name ends like one (局, 委员会, 支部, 街道 …)."""
    s = line.strip()
    return len(s) >= 3 and s.endswith(_UNIT_ENDS) and not looks_like_name(s)


_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,6}[·•][\u4e00-\u9fff]{1,8}")


def looks_like_name(line: str) -> bool:
    """A person's name: two to four Chinese characters (or a name with a middle dot)."""
    s = line.strip()
    return bool(_NAME.fullmatch(s)) and not (
        len(s) > 2
        and s.endswith(
            (
                "局",
                "委",
                "办",
                "部",
                "处",
                "科",
                "镇",
                "乡",
                "村",
                "区",
                "县",
                "市",
                "省",
                "道",
                "会",
                "院",
                "校",
                "所",
                "站",
                "队",
                "心",
                "室",
            )
        )
    )


def _signoff_like(p: Para) -> bool:
    s = p.text.strip()
    return (
        0 < len(s) <= 40
        and s[-1] not in SENTENCE_END + "，,；;：:"
        and not re.search(r"[。！？!?，,；;]", s)
        and parse_number(s) is None
    )


@dataclass(slots=True)
class Signoff:
    author: str = ""
    unit: str = ""
    date: str = ""
    position: str = ""
    paras: int = 0  # how many paragraphs at the end it took


def take_signoff(paras: list[Para], is_heading: Callable[[Para], bool]) -> Signoff:
    """Read the sign-off from the end of ``paras`` (which it does not change).

    The date is the last line when it is only a date; up to two short lines before it
    (or, with no date, right-aligned lines or short lines after a blank line) are the unit
    and the author, in the order ``assemble`` prints them (unit, then author).
    """
    out = Signoff()
    i = len(paras)
    tail: str = ""  # a name written before the date on the same line
    date_last = False
    if i:
        last = paras[i - 1]
        if (d := parse_date(last.text)) is not None:
            out.date, date_last = d, True
            i -= 1
        elif (m := _DATE_AT_END.search(last.text)) and (d := parse_date(m.group())) is not None:
            prefix = last.text[: m.start()].strip()
            probe = Para(prefix, last.line)
            if prefix and _signoff_like(probe) and not is_heading(probe):
                out.date, tail = d, prefix
                i -= 1
    names: list[Para] = []
    while i > 0 and len(names) < 2 and not tail:
        p = paras[i - 1]
        if (
            not _signoff_like(p)
            or is_heading(p)
            or p.kind in ("title", "heading")
            or not signature_fields(p.parts or [p.text])
            and parse_date(p.text) is None
        ):
            break
        if not out.date and (d := parse_date(p.text)) is not None:
            out.date = d  # the date written above the name
            i -= 1
            if p.blank_before and p.kind != "signoff":
                break
            continue
        names.insert(0, p)
        i -= 1
        if p.blank_before and p.kind != "signoff":
            break
    if not out.date:  # without a date, only lines set apart from the text (or labelled)
        while names and not (
            names[0].blank_before or names[0].kind == "signoff" or LABEL.match(names[0].text)
        ):
            names.pop(0)
            i += 1
    if i == 0 and names:  # a sign-off needs text before it
        names, tail = [], ""
        if date_last:
            i = len(paras) - 1
        else:
            out.date, i = "", len(paras)
    texts: list[str] = []
    for p in names:
        texts.extend(p.parts if p.parts else [p.text.strip()])
    if tail:
        texts.extend(_GAPS.split(tail) if _GAPS.search(tail) else [tail])
    out.unit, out.author, out.position = read_signature(texts)
    out.paras = len(paras) - i
    return out
