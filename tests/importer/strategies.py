"""Hypothesis strategies for the importer: realistic drafts (for the round trip) and
messy documents (for "nothing is lost")."""

from __future__ import annotations

from hypothesis import strategies as st

from partybook.draft import Draft, Item, Meta
from partybook.genre import Genre, SectionKind

# Words a draft is made of (no numerals at the start, no section names, no junk words).
WORDS = [
    "理论学习",
    "联系实际",
    "深入基层",
    "服务群众",
    "担当作为",
    "工作作风",
    "调查研究",
    "落实责任",
    "改进方法",
    "提高效率",
    "乡村振兴",
    "农田建设",
    "窗口服务",
    "社区治理",
    "认真反思",
    "对照党章",
    "坚持原则",
    "廉洁自律",
    "主动作为",
    "敢于碰硬",
    "学用结合",
    "统筹推进",
    "抓好落实",
    "听取意见",
    "改革创新",
    "群众满意",
    "不够深入",
    "有所放松",
    "比较薄弱",
    "还有差距",
    "河西区",
    "青川市",
    "农业农村局",
    "政务中心",
    "2024年",
    "3.5万亩",
    "百分之二十",
    "“明白人”",
    "“实干人”",
    "《党章》",
    "（试行）",
    "Python",
    "GDP",
    "5G网络",
    "App",
    "a*b",
    "x_y",
    "C#",
    "A|B",
    "反斜杠\\",
    "`代码`",
    "1+1",
]
ENDS = ["。", "。", "。", "！", "？"]
NAME_CHARS = "林王陈张刘周马吴赵孙志远明华建国晓东思雅琴兰芳文军"
UNIT_HEADS = ["青川市河西区", "柳溪县", "东岭区", "南湖街道", "白河市"]
UNIT_TAILS = ["农业农村局", "统计局", "政务服务中心第二党支部", "市场监管局", "水务局办公室"]


@st.composite
def clause(draw: st.DrawFn) -> str:
    return "".join(draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=4)))


@st.composite
def sentence(draw: st.DrawFn) -> str:
    parts = draw(st.lists(clause(), min_size=1, max_size=3))
    return "，".join(parts) + draw(st.sampled_from(ENDS))


@st.composite
def paragraph(draw: st.DrawFn) -> str:
    return "".join(draw(st.lists(sentence(), min_size=1, max_size=3)))


@st.composite
def heading(draw: st.DrawFn, rich: bool = False) -> str:
    """One short sentence, with or without its full stop (``rich``: sometimes two
    sentences, which only Markdown's bold marks apart from the body)."""
    parts = draw(st.lists(clause(), min_size=1, max_size=2))
    end = draw(st.sampled_from(["。", "。", "", "！"]))
    text = "，".join(parts) + end
    if rich and draw(st.booleans()):
        text = draw(sentence()) + text
    return text


@st.composite
def body(draw: st.DrawFn, allow_empty: bool = True) -> str:
    paras = draw(st.lists(paragraph(), min_size=0 if allow_empty else 1, max_size=2))
    return "\n".join(paras)


def item(rich: bool = False) -> st.SearchStrategy[Item]:
    return st.builds(Item, heading=heading(rich), body=body())


def group(rich: bool = False) -> st.SearchStrategy[Item]:
    points = st.one_of(st.none(), st.lists(item(rich), min_size=1, max_size=3))
    return st.builds(Item, heading=heading(rich), body=body(), items=points)


name = st.text(alphabet=NAME_CHARS, min_size=2, max_size=3)
unit = st.builds(lambda a, b: a + b, st.sampled_from(UNIT_HEADS), st.sampled_from(UNIT_TAILS))
date = st.one_of(
    st.just(""),
    st.builds(lambda y, m: f"{y}-{m:02d}", st.integers(2000, 2030), st.integers(1, 12)),
    st.builds(
        lambda y, m, d: f"{y}-{m:02d}-{d:02d}",
        st.integers(2000, 2030),
        st.integers(1, 12),
        st.integers(1, 28),
    ),
    st.just("2020-13"),  # impossible, kept as written
)


@st.composite
def title(draw: st.DrawFn, genre: Genre) -> str:
    if not draw(st.integers(0, 4)):
        return ""
    words = draw(
        st.lists(
            st.sampled_from(
                ["2025年秋季", "科级干部", "任职培训班", "中青年干部", "进修班", "年度"]
            ),
            min_size=1,
            max_size=3,
        )
    )
    return "".join(words) + ("党性分析" if genre.id == "dangxing-fenxi" else "个人对照检查材料")


@st.composite
def drafts(draw: st.DrawFn, genre: Genre, rich: bool = False) -> Draft:
    sections: dict = {}
    for spec in genre.content_sections():
        if spec.kind is SectionKind.LINE:
            sections[spec.id] = draw(title(genre))
        elif spec.kind is SectionKind.PARAGRAPHS:
            sections[spec.id] = draw(st.lists(paragraph(), max_size=3))
        elif spec.kind is SectionKind.GROUPED_ITEMS:
            sections[spec.id] = draw(st.lists(group(rich), max_size=3))
        else:
            sections[spec.id] = draw(st.lists(item(rich), max_size=4))
        if getattr(spec, "lead", False) and sections[spec.id]:  # lead-ins above the items
            sections[f"{spec.id}_lead"] = draw(st.lists(paragraph(), max_size=2))
    meta = Meta(
        author=draw(st.one_of(st.just(""), name)),
        unit=draw(st.one_of(st.just(""), unit)),
        date=draw(date),
    )
    return Draft(genre=genre.id, meta=meta, sections=sections)


# --- messy documents: real sentences with junk around them ------------------------------

JUNK_LINES = [
    "首页 > 范文大全 > 党性分析",
    "浏览次数：1024",
    "— 3 —",
    "第 2 页",
    "##paidbegin##",
    "【更多公文素材，微信：abc12345】",
    "关注公众号“公文范本”免费领取",
    "http://www.fanwen-example.com/a/123.html",
    "上一篇：年度工作总结范文",
]
INLINE_JUNK = [
    "【更多范文，微信：wx123456】",
    "##paidend##",
    "（来源：公文范文网）",
    " www.fanwen8.cn ",
]
TITLE_LINES = [
    "科级干部进修班党性分析",
    "2023年度机关工作总结",
    "关于加强作风建设的调研材料",
    "林志远",
    "青川市河西区农业农村局",
    "2024年度组织生活会个人对照检查材料",
]
HEADINGS = [
    "一、基本情况",
    "二、存在的问题",
    "2、存在的问题和不足",
    "三、原因分析",
    "（三）产生问题的原因",
    "四、整改措施",
    "五、今后努力方向",
    "整改措施：",
]


@st.composite
def messy_document(draw: st.DrawFn) -> tuple[str, list[str]]:
    """A messy text and the sentences it holds."""
    lines: list[str] = []
    sentences: list[str] = []
    for _ in range(draw(st.integers(1, 14))):
        kind = draw(st.integers(0, 11))
        if kind == 10:  # a title, another document's title, a name or a unit
            line = draw(st.sampled_from(TITLE_LINES))
            lines.append(line)
            sentences.append(line)
        elif kind == 11:
            lines.append(
                draw(st.sampled_from(["2021年10月", "二〇二三年五月", "2024.3", "2020年13月"]))
            )
        elif kind == 0:
            lines.append(draw(st.sampled_from(JUNK_LINES)))
        elif kind == 1:
            lines.append(draw(st.sampled_from(HEADINGS)))
        elif kind == 2:
            lines.append("")
        else:
            prefix = draw(
                st.sampled_from(["", "", "（一）", "(二)", "1、", "一是", "二是", "  ", "一、"])
            )
            parts = draw(st.lists(sentence(), min_size=1, max_size=3))
            sentences.extend(parts)
            text = "".join(parts)
            if draw(st.booleans()):
                at = draw(st.integers(0, len(parts)))
                junk = draw(st.sampled_from(INLINE_JUNK))
                text = "".join(parts[:at]) + junk + "".join(parts[at:])
            lines.append(prefix + text)
    return "\n".join(lines), sentences
