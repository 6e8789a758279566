"""Each messy real-world document becomes the right draft."""

from __future__ import annotations

from partybook.importer import import_bytes, import_file


def _headings(draft, sid):
    return [i.heading for i in draft.items(sid)]


def test_template_site_page_is_cleaned_and_reported(fixture_path):
    r = import_file(fixture_path("template_site.txt"))
    d = r.draft
    assert d.genre == "dangxing-fenxi"
    assert d.sections["title"] == "科级干部任职培训班党性分析"
    assert _headings(d, "problems") == [
        "理论学习不够深入。",
        "工作标准不够高。",
        "联系群众不够紧密。",
    ]
    assert len(d.items("causes")) == 3
    assert _headings(d, "measures")[0] == "加强学习，做信念坚定的“明白人”。"
    assert d.meta.author == "张明远" and d.meta.date == "2023-05"
    kinds = {(x.kind, x.line) for x in r.removed}
    assert ("navigation", 1) in kinds and ("navigation", 2) in kinds  # breadcrumb, 浏览次数
    assert ("stray_title", 4) in kinds  # 2022年度机关党建工作总结
    assert ("marker", 6) in kinds and ("marker", 23) in kinds  # ##paidbegin## / ##paidend##
    assert ("furniture", 9) in kinds  # — 1 —
    assert ("url", 18) in kinds or ("watermark", 18) in kinds
    whats = " ".join(x.what for x in r.removed)
    for junk in ("微信公众号", "公文范文网", "淘文网", "上一篇", "下一篇", "fanwen-daquan"):
        assert junk in whats
    text = " ".join(d.text_of(s) for s in d.sections) + " ".join(d.unplaced)
    for junk in ("微信", "公众号", "http", "paid", "淘文网", "浏览次数", "— 1 —", "工作总结"):
        assert junk not in text
    # placeholders stay for the author to fill in (the checks flag them)
    assert "XXX" in d.paragraphs("basic")[0] and "19xx年x月" in d.paragraphs("basic")[0]
    assert any("3 处模板占位符" in n and "“XXX”" in n for n in r.notices)
    # each removal says where it was
    by_line = {x.line: x.section for x in r.removed}
    assert by_line[9] == "basic" and by_line[23] == "measures" and by_line[4] == "title"


def test_old_style_draft_numbered_1_with_inline_points(fixture_path):
    r = import_file(fixture_path("old_style.txt"))
    d = r.draft
    assert d.sections["title"] == "党性分析材料"
    assert d.paragraphs("basic") == [
        "本人1988年6月出生，研究生学历，2012年加入中国共产党，现任柳溪县统计局综合股股长。"
    ]
    assert _headings(d, "problems") == ["学习不够系统。", "创新意识不强。", "服务意识不足。"]
    assert d.items("problems")[0].body == "平时忙于统计报表，学习多是临时抱佛脚，没有形成习惯。"
    assert _headings(d, "causes") == [
        "思想上重业务轻学习。",
        "工作上安于现状。",
        "宗旨意识有所淡化。",
    ]
    assert _headings(d, "measures") == ["把学习摆在首位。", "大胆探索创新。", "真心服务基层。"]
    assert (d.meta.unit, d.meta.author, d.meta.date) == ("柳溪县统计局", "王晓东", "2024-03-18")
    # the lead-in above the problems is the section's lead paragraph, printed by exports
    assert d.paragraphs("problems_lead") == ["通过认真查摆，我主要存在以下问题："]
    assert d.unplaced == []
    assert not any("引导语" in n for n in r.notices)  # nothing to move: no notice


def test_pdf_copy_lines_rejoined_and_punctuation_fixed(fixture_path):
    r = import_file(fixture_path("pdf_copy.txt"))
    d = r.draft
    opening = d.paragraphs("opening")
    assert opening[0].startswith("按照市委组织部安排，我参加了")
    assert "我系统学习了党的创新理论" in opening[0]  # "我系\n统学习" joined
    basic = d.paragraphs("basic")
    assert len(basic) == 1 and "曾在县乡两级工作十余年，现任白河市商务局副局长" in basic[0]
    assert "大学学历，2001年" in basic[0]
    problems = d.items("problems")
    assert [p.heading for p in problems] == ["理论学习存在“学用两张皮”。", "担当作为有差距。"]
    assert problems[0].body.endswith("落地效果不理想。") and "\n" not in problems[0].body
    assert problems[1].body.endswith("存在畏难情绪。")
    assert _headings(d, "measures") == ["持续深化理论学习", "增强担当意识"]
    assert d.items("measures")[1].body.startswith("年内牵头建立口岸通关协调机制")
    assert d.meta.date == "2023-11"  # 二〇二三年十一月
    assert any("断行" in n for n in r.notices) and any("半角" in n for n in r.notices)


def test_duizhao_grouped_problems_keep_their_groups(fixture_path):
    r = import_file(fixture_path("duizhao_grouped.txt"))
    d = r.draft
    assert d.genre == "duizhao-jiancha"
    groups = d.items("problems")
    assert [g.heading for g in groups] == ["在学习贯彻党的创新理论方面。", "在联系服务群众方面。"]
    assert [p.heading for p in groups[0].items] == ["学习不够经常。", "运用不够自觉。"]
    # the second group runs its points inline in one paragraph
    assert [p.heading for p in groups[1].items] == ["走访不够深入。", "回应不够及时。"]
    assert groups[1].items[1].body == "有三件居民反映的楼道照明问题，拖了一个多月才解决。"
    assert groups[0].body == ""
    assert _headings(d, "causes") == ["理论武装的自觉性不强。", "群众观念有所弱化。"]
    assert len(d.items("measures")) == 2
    assert (d.meta.author, d.meta.date) == ("马兰芳", "2025-01-10")
    assert d.unplaced == []


def test_extra_section_merged_into_measures(fixture_path):
    r = import_file(fixture_path("extra_section.txt"))
    d = r.draft
    assert _headings(d, "measures") == [
        "系统学习原著，每月精读一篇。",
        "遇事敢于表态，矛盾纠纷一周内拿出处理意见。",
        "严格要求自己，在街道各项工作中走在前、做表率。",
    ]
    assert any("今后努力方向" in n and "并入" in n for n in r.notices)
    assert (d.meta.unit, d.meta.author) == ("南湖街道", "陈思远")


def test_missing_section_is_reported_and_left_empty(fixture_path):
    r = import_file(fixture_path("missing_section.txt"))
    d = r.draft
    assert d.items("causes") == []
    assert len(d.items("problems")) == 2 and len(d.items("measures")) == 2
    assert any("问题和原因分析" in n and "没有找到" in n for n in r.notices)


def test_unknown_section_goes_to_unplaced():
    text = (
        "科级干部进修班党性分析\n\n一、基本情况\n我是一名基层干部。\n"
        "二、存在的问题\n（一）学习不够。平时学得少。\n"
        "三、其他需要说明的事项\n我今年还参加了两次培训。\n"
        "四、整改措施\n一是加强学习。每周学四小时。\n"
    )
    r = import_bytes(text.encode(), "a.txt")
    assert r.draft.unplaced == ["三、其他需要说明的事项", "我今年还参加了两次培训。"]
    assert len(r.draft.items("measures")) == 1
    assert any("其他需要说明的事项" in n for n in r.notices)


def test_word_list_numbering_and_odd_styles(built):
    r = import_file(built["word_numbered.docx"])
    d = r.draft
    assert r.line_unit == "段"
    assert d.sections["title"] == "2024年春季中青年干部培训班党性分析"
    # the last clause is a tracked insertion (w:ins)
    assert d.paragraphs("basic") == [
        "我1987年9月出生，2010年6月加入中国共产党，现任松江区发展改革委项目科科长。"
    ]
    assert _headings(d, "problems") == ["谋划工作不够超前。", "服务企业不够主动"]
    assert d.items("problems")[1].body.startswith("企业来办事时能够热情接待")
    assert _headings(d, "causes") == ["进取意识有所减弱。", "宗旨意识不够牢固。"]
    assert _headings(d, "measures") == [
        "超前谋划，做项目建设的“领跑者”。",
        "主动服务，做企业信赖的“服务员”。",
        "严守纪律，做清正廉洁的“明白人”。",  # from a table cell
    ]
    assert (d.meta.unit, d.meta.author, d.meta.date) == ("松江区发展改革委", "周文博", "2024-06")
    assert d.unplaced == []


def test_word_decimal_numbering_sections(built):
    d = import_file(built["decimal_numbered.docx"]).draft
    assert d.paragraphs("basic") == ["我1992年出生，2016年入党，现任云溪镇党政办副主任。"]
    assert _headings(d, "problems") == ["学习不够主动。", "作风不够扎实。"]
    assert _headings(d, "measures") == ["每周自学三小时。", "每月下村四次。"]


def test_gbk_and_gb18030_files_are_decoded(built, fixture_path):
    utf8 = import_file(fixture_path("old_style.txt")).draft
    r = import_file(built["gbk.txt"])
    assert r.draft.sections == utf8.sections
    assert r.draft.meta == utf8.meta
    assert "编码" in r.notices[0]
    d = import_file(built["gb18030.txt"]).draft
    assert d.genre == "duizhao-jiancha" and len(d.items("problems")) == 2


def test_mostly_traditional_text_is_converted_by_default_with_a_notice():
    text = "科級幹部進修班黨性分析\n\n一、基本情況\n我於二〇一〇年加入中國共產黨。\n"
    r = import_bytes(text.encode(), "t.txt")
    assert r.draft.sections["title"] == "科级干部进修班党性分析"
    assert r.draft.paragraphs("basic") == ["我于二〇一〇年加入中国共产党。"]
    assert any("繁体" in n and "--keep-traditional" in n for n in r.notices)
    kept = import_bytes(text.encode(), "t.txt", to_simplified=False).draft
    assert kept.sections["title"] == "科級幹部進修班黨性分析"


def test_simplified_text_with_a_few_traditional_looking_characters_is_left_alone():
    text = "科级干部进修班党性分析\n\n一、基本情况\n我在乡镇工作多年，後来调到区里。\n"
    r = import_bytes(text.encode(), "t.txt")
    assert "後来" in r.draft.paragraphs("basic")[0]
    assert not any("繁体" in n for n in r.notices)


def test_duplicate_title_collapsed_and_second_title_removed():
    text = "科级干部进修班党性分析\n科级干部进修班党性分析\n2023年度述职报告\n\n开头一段话。\n"
    r = import_bytes(text.encode(), "t.txt")
    assert r.draft.sections["title"] == "科级干部进修班党性分析"
    assert [(x.kind, x.line) for x in r.removed] == [("duplicate_title", 2), ("stray_title", 3)]
    assert r.draft.paragraphs("opening") == ["开头一段话。"]


def test_second_title_without_a_stray_word_is_removed():
    text = "科级干部进修班党性分析\n关于加强机关作风建设的调研材料\n\n开头一段话。\n"
    r = import_bytes(text.encode(), "t.txt")
    assert [(x.kind, x.what) for x in r.removed] == [
        ("stray_title", "关于加强机关作风建设的调研材料")
    ]


def test_section_heading_variants_and_numbering_forms():
    text = (
        "党性分析\n"
        "(一) 个人基本情况:我1980年出生。\n"
        "2.存在的突出问题\n"
        "（1）学习不深入。学得少。\n"
        "（2）作风不扎实\n下基层少。\n"
        "三 、剖析根源\n"
        "① 放松了学习。没有计划。\n"
        "② 放松了要求。没有标准。\n"
        "四．今后的努力方向\n"
        "一要加强学习。每周四小时。\n"
        "二要改进作风。每月下乡。\n"
    )
    d = import_bytes(text.encode(), "t.txt").draft
    assert d.paragraphs("basic") == ["我1980年出生。"]
    assert [(i.heading, i.body) for i in d.items("problems")] == [
        ("学习不深入。", "学得少。"),
        ("作风不扎实", "下基层少。"),
    ]
    assert [(i.heading, i.body) for i in d.items("causes")] == [
        ("放松了学习。", "没有计划。"),
        ("放松了要求。", "没有标准。"),
    ]
    assert [i.heading for i in d.items("measures")] == ["加强学习。", "改进作风。"]


def test_markdown_written_by_hand():
    md = (
        "# 科级干部进修班党性分析\n\n开头。\n\n## 一、基本情况\n\n我是\n一名干部。\n\n"
        "## 二、存在的问题和不足\n\n- **学习不够。**平时学得少。\n- **作风不实。**下乡少。\n"
    )
    d = import_bytes(md.encode(), "a.md").draft
    assert d.paragraphs("basic") == ["我是一名干部。"]
    assert [(i.heading, i.body) for i in d.items("problems")] == [
        ("学习不够。", "平时学得少。"),
        ("作风不实。", "下乡少。"),
    ]


def test_title_set_on_two_lines_is_joined():
    text = "2024年春季中青年干部培训班\n党性分析\n\n开头。\n"
    r = import_bytes(text.encode(), "t.txt")
    assert r.draft.sections["title"] == "2024年春季中青年干部培训班党性分析"
    assert r.removed == []


def test_item_naming_a_section_stays_an_item_and_plain_headings_split():
    text = (
        "党性分析\n一、基本情况\n我是干部。\n二、存在的问题\n"
        "1.整改措施：落实不到位，拖拉。\n2.学习不够。少。\n三、整改措施\n一是学习。\n"
    )
    d = import_bytes(text.encode(), "t.txt").draft
    assert [(i.heading, i.body) for i in d.items("problems")] == [
        ("整改措施", "落实不到位，拖拉。"),
        ("学习不够。", "少。"),
    ]
    assert [i.heading for i in d.items("measures")] == ["学习。"]
    text = (
        "党性分析\n\n二、存在的问题\n学习不够深入\n平时学习少，笔记少。\n作风不够扎实\n下乡少。\n"
    )
    d = import_bytes(text.encode(), "t.txt").draft
    assert [(i.heading, i.body) for i in d.items("problems")] == [
        ("学习不够深入", "平时学习少，笔记少。"),
        ("作风不够扎实", "下乡少。"),
    ]


def test_word_file_under_a_text_name_is_read_as_word(built):
    data = built["word_numbered.docx"].read_bytes()
    d = import_bytes(data, "旧稿.txt").draft
    assert d.sections["title"] == "2024年春季中青年干部培训班党性分析"


def test_numbered_headings_without_full_stop_are_not_pdf_breaks():
    text = (
        "一、基本情况\n理论学习，理论学习理论学习理论学习理论学习。\n二、存在的问题和不足\n"
        "三、问题和原因分析\n四、整改措施\n一是理论学习。\n二是理论学习理论学习理论学习理论学习\n"
        "三是理论学习。理论学习理论学习理论学习。\n四是理论学习理论学习理论学习理论学习\n理论学习。\n"
    )
    items = import_bytes(text.encode(), "t.txt").draft.items("measures")
    assert [(i.heading, i.body) for i in items][3] == (
        "理论学习理论学习理论学习理论学习",
        "理论学习。",
    )


def test_name_line_before_the_title():
    text = "林志远\n科级干部进修班党性分析\n\n开头。\n"
    r = import_bytes(text.encode(), "t.txt")
    assert r.draft.sections["title"] == "科级干部进修班党性分析"
    assert r.draft.meta.author == "林志远"
    assert r.removed == []
    text = "关于加强机关作风建设的调研\n科级干部进修班党性分析\n\n开头。\n"
    r = import_bytes(text.encode(), "t.txt")
    assert r.draft.sections["title"] == "科级干部进修班党性分析"
    assert [(x.kind, x.line) for x in r.removed] == [("stray_title", 1)]


def test_loose_section_names_only_at_section_level():
    text = "党性分析\n存在的问题\n1.思想上存在问题\n我想得少。\n2.作风问题\n我做得少。\n整改措施\n一是多想。\n"
    d = import_bytes(text.encode(), "t.txt").draft
    assert [i.heading for i in d.items("problems")] == ["思想上存在问题", "作风问题"]
    text = (
        "党性分析\n一、基本情况\n我是。\n二、存在的主要问题\n（一）学习少。\n"
        "三、产生问题的根源\n（一）想得少。\n四、下一步打算\n一是多学。\n"
    )
    d = import_bytes(text.encode(), "t.txt").draft
    assert [len(d.items(s)) for s in ("problems", "causes", "measures")] == [1, 1, 1]


def test_article_copied_from_a_wechat_account(fixture_path):
    r = import_file(fixture_path("wechat_copy.txt"))
    d = r.draft
    assert d.sections["title"] == "机关党员干部党性分析"
    assert d.paragraphs("opening")[0].startswith("今年以来")
    assert d.paragraphs("basic") == ["我1991年出生，2015年加入中国共产党，现在临江区档案馆工作。"]
    assert len(d.items("problems")) == 2 and len(d.items("causes")) == 2
    assert [i.heading for i in d.items("measures")] == ["制定学习计划。", "改进服务方式。"]
    assert (d.meta.author, d.meta.date) == ("赵一鸣", "2024-09")
    assert {x.line for x in r.removed} == {1, 3, 4, 8, 18, 21, 22, 23}
    assert d.unplaced == []


def test_a_sentence_is_never_taken_for_a_loose_heading():
    r = import_bytes("1、还有差距。\n".encode(), "t.txt")
    assert "还有差距。" in r.draft.text_of("opening") + "".join(r.draft.unplaced)
    r = import_bytes(
        "党性分析\n一、基本情况\n我是。\n三、产生问题的根源\n（一）想得少。\n".encode(), "t.txt"
    )
    assert [i.heading for i in r.draft.items("causes")] == ["想得少。"]
    assert any("产生问题的根源" in n and "问题和原因分析" in n for n in r.notices)


def test_numbering_inherited_from_paragraph_styles(built):
    d = import_file(built["style_numbered.docx"]).draft
    assert d.genre == "duizhao-jiancha"
    groups = d.items("problems")
    assert [g.heading for g in groups] == ["在学习方面。", "在服务方面。"]
    assert [p.heading for p in groups[0].items] == ["学得不深。", "用得不够。"]
    assert [p.heading for p in groups[1].items] == ["耐心不够。"]
    assert [(i.heading, i.body) for i in d.items("causes")] == [
        ("学习自觉性不强。", "把学习当任务。")
    ]
    assert [i.heading for i in d.items("measures")] == ["坚持每天学习。"]


def test_date_at_the_top_and_sign_off_without_text_before_it():
    r = import_bytes("2021年10月\n科级干部进修班党性分析\n".encode(), "t.txt")
    assert (r.draft.sections["title"], r.draft.meta.date, r.removed) == (
        "科级干部进修班党性分析",
        "2021-10",
        [],
    )
    d = import_bytes("科级干部进修班党性分析\n2021年10月8日\n\n开头。\n".encode(), "t.txt").draft
    assert (d.meta.date, d.paragraphs("opening")) == ("2021-10-08", ["开头。"])
