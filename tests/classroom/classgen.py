"""A fictional class of drafts, generated: distinct drafts, near-copies and a copied example.

Every text is built here from small original word pools (fictional people and places), with
a seeded random generator, so drafts written "independently" share only the stock phrases
any class would share, while copies share whole passages. Used by the classroom tests and
by ``benchmarks/bench_classroom.py``.
"""

from __future__ import annotations

import random
from pathlib import Path

from partybook.draft import Draft, Item, Meta, conform
from partybook.genre import Genre, load_genre
from partybook.storage import save

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "志远晓明海燕建国春华秋实文涛丽娟国栋雪梅卫东红霞立新玉兰振华桂芳德胜小军晨阳思源子涵雨欣浩然嘉怡宏伟淑珍"
PLACES = [
    "青川",
    "河西",
    "石桥",
    "柳溪",
    "云台",
    "东湖",
    "北岭",
    "南塘",
    "白沙",
    "梅岭",
    "松坪",
    "双河",
]
UNITS = [
    "农业农村局",
    "教育局",
    "卫生健康局",
    "司法局",
    "财政局",
    "民政局",
    "自然资源局",
    "交通运输局",
    "市场监管局",
    "街道办事处",
    "镇人民政府",
    "水利局",
]

SUBJECTS = [
    "我",
    "本人",
    "自己",
    "我作为分管领导",
    "我在工作中",
    "回头看，我",
    "对照党章，我",
    "说实话，我",
    "我们科里我",
]
ADVERBS = [
    "有时",
    "往往",
    "不够",
    "多次",
    "一度",
    "习惯",
    "很少",
    "满足于",
    "经常",
    "没有及时",
    "总想",
    "偶尔",
    "长期",
    "反复",
]
VERBS = [
    "调研",
    "督办",
    "协调",
    "落实",
    "推进",
    "走访",
    "统筹",
    "研究",
    "梳理",
    "整改",
    "部署",
    "检查",
    "跟踪",
    "复盘",
    "对接",
    "核查",
    "过问",
    "盯住",
    "摸排",
    "回访",
]
PREFIXES = [
    "石桥镇",
    "柳溪村",
    "三组",
    "东片区",
    "城南",
    "二中",
    "北岭乡",
    "老街",
    "河东",
    "新村",
    "五号",
    "南塘",
    "双河口",
    "松坪",
    "云台",
    "白沙湾",
    "全区",
    "局里",
    "六个村",
    "梅岭",
]
NOUNS = [
    "农田项目",
    "集体经济台账",
    "防汛物资",
    "校舍维修",
    "卫生服务站",
    "信访积案",
    "惠民资金",
    "道路养护",
    "河道清淤",
    "小区改造",
    "食品抽检",
    "低保复核",
    "法律服务",
    "林地确权",
    "养老服务",
    "农技推广",
    "企业帮扶",
    "耕地保护",
    "供水工程",
    "食堂管理",
    "便民窗口",
    "危房改造",
    "垃圾分类",
    "秸秆禁烧",
]
YEARS = ["2019年", "2020年", "2021年", "2022年", "2023年", "2024年", "去年", "前年", "今年"]
SEASONS = [
    "春天",
    "夏天",
    "汛期",
    "年初",
    "秋收时",
    "年底",
    "3月",
    "9月",
    "上半年",
    "国庆前后",
    "春节前",
]
RESULTS = [
    "群众有意见",
    "慢了两个月",
    "三个村没完成",
    "返工一次",
    "被通报",
    "群众跑了多趟",
    "账目对不上",
    "留下隐患",
    "错过时机",
    "只完成六成",
    "问题反弹",
    "评分靠后",
    "拖到年底",
    "被约谈",
]
ROOTS = [
    "担当不够",
    "宗旨意识淡化",
    "学习不深",
    "作风不实",
    "调研不够",
    "标准不高",
    "怕担责任",
    "群众观念不牢",
    "能力有差距",
    "自律放松",
    "本领恐慌",
    "纪律松弛",
]
PLANS = [
    "每季度住村两天",
    "建问题清单",
    "每月读一本书",
    "年底前整改完",
    "请群众打分",
    "逐项复核台账",
    "向组织报告",
    "啃最硬的骨头",
    "每周接访半天",
    "请同事监督",
    "跟班学习",
    "定期复盘",
]


def obj(rng: random.Random) -> str:
    return rng.choice(PREFIXES) + rng.choice(NOUNS)


def person(rng: random.Random) -> str:
    i = rng.randrange(len(GIVEN) // 2)
    return rng.choice(SURNAMES) + GIVEN[2 * i : 2 * i + 2]


def sentence(rng: random.Random) -> str:
    c = rng.choice
    shape = rng.randrange(5)
    t = c(YEARS) + c(SEASONS)
    n = rng.randint(2, 39)
    if shape == 0:
        return f"{t}，{c(SUBJECTS)}{c(ADVERBS)}{c(VERBS)}{obj(rng)}，{c(RESULTS)}，是{c(ROOTS)}。"
    if shape == 1:
        return f"{c(SUBJECTS)}{c(VERBS)}{obj(rng)}时{c(ADVERBS)}{c(VERBS)}{obj(rng)}，拖了{n}天，{c(RESULTS)}。"
    if shape == 2:
        return f"比如{obj(rng)}，{c(SUBJECTS)}只{c(VERBS)}了{n}处，没{c(VERBS)}{obj(rng)}，{c(ROOTS)}。"
    if shape == 3:
        return f"{t}{c(VERBS)}{obj(rng)}，{c(SUBJECTS)}{c(ADVERBS)}{c(VERBS)}，{c(RESULTS)}。"
    return f"今后我{c(PLANS)}，{c(VERBS)}{obj(rng)}，{n}个月见效。"


def paragraph(rng: random.Random, chars: int) -> str:
    out = ""
    while len(out) < chars:
        out += sentence(rng)
    return out


def make_draft(
    rng: random.Random, genre: Genre, size: int = 3000, author: str | None = None
) -> Draft:
    """A distinct draft of about ``size`` characters."""
    place, unit = rng.choice(PLACES), rng.choice(UNITS)
    k = size / 3000
    items = lambda heads: [  # noqa: E731
        Item(
            heading=f"{h}{obj(rng)}{rng.choice(['方面', '工作中', '上'])}还有差距。",
            body=paragraph(rng, int(260 * k)),
        )
        for h in heads
    ]
    sections = {
        "title": "2025年秋季科级干部任职培训班党性分析",
        "opening": [
            f"按照组织安排，我参加了{place}区委党校的培训。{paragraph(rng, int(120 * k))}"
            "下面，我结合思想和工作实际作个人党性分析，不妥之处，恳请组织和同志们批评指正。"
        ],
        "basic": [paragraph(rng, int(300 * k)), paragraph(rng, int(250 * k))],
        "problems": items(["理论学习", "担当作为", "联系群众"]),
        "causes": items(["理想信念", "党性修养", "宗旨意识"]),
        "measures": items(["强化学习", "勇于担当", "践行宗旨"]),
    }
    draft = Draft(
        genre=genre.id,
        meta=Meta(
            author=author or person(rng),
            unit=f"{place}区{unit}",
            position="科长",
            class_name="2025年秋季科级干部任职培训班",
            date="2025-11",
        ),
        sections=sections,
    )
    return conform(draft, genre)


def near_copy(rng: random.Random, original: Draft, author: str, rewrite: float = 0.15) -> Draft:
    """``original`` with another author and about ``rewrite`` of its sentences rewritten."""
    data = original.model_copy(deep=True)
    data.meta.author = author

    def edit(text: str) -> str:
        parts = [p + "。" for p in text.split("。") if p]
        return "".join(sentence(rng) if rng.random() < rewrite else p for p in parts)

    for sid, content in data.sections.items():
        if isinstance(content, list):
            data.sections[sid] = [
                Item(heading=e.heading, body=edit(e.body)) if isinstance(e, Item) else edit(e)
                for e in content
            ]
    return data


def example_copy(genre: Genre, author: str) -> Draft:
    """The genre's worked example handed in as one's own (only the name changed)."""
    draft = genre.example_draft()
    draft.meta.author = author
    return conform(draft, genre)


def write_class(
    folder: Path,
    n_distinct: int = 8,
    seed: int = 1,
    size: int = 1500,
    genre: Genre | None = None,
) -> dict[str, list[str]]:
    """Write a class into ``folder``: ``n_distinct`` distinct drafts, two near-copies of the
    first one, and one copy of the worked example. Returns file names by role."""
    genre = genre or load_genre("dangxing-fenxi")
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    roles: dict[str, list[str]] = {"distinct": [], "near_copy": [], "example_copy": []}
    names: set[str] = set()
    drafts = []
    while len(drafts) < n_distinct:
        d = make_draft(rng, genre, size)
        if d.meta.author in names:
            continue
        names.add(d.meta.author)
        drafts.append(d)
    for i, d in enumerate(drafts):
        name = f"student{i:03d}.json"
        save(d, folder / name)
        roles["distinct"].append(name)
    source = drafts[0]
    for i, author in enumerate(["钟晓岚", "韦立新"]):
        name = f"copy{i}.json"
        save(near_copy(rng, source, author), folder / name)
        roles["near_copy"].append(name)
    save(example_copy(genre, "覃春华"), folder / "example_copy.json")
    roles["example_copy"].append("example_copy.json")
    return roles
