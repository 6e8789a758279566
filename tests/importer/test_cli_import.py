"""partybook import: writes the draft and prints what was removed and what stayed unplaced."""

from __future__ import annotations

import json

from partybook.cli import main
from partybook.storage import load


def test_import_prints_removals_and_unplaced(fixture_path, tmp_path, capsys):
    out = tmp_path / "draft.json"
    assert main(["import", str(fixture_path("template_site.txt")), "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    draft = load(out)
    assert draft.sections["title"] == "科级干部任职培训班党性分析"
    assert "删除了" in printed
    assert "第 1 行：首页 > 范文大全 > 党性分析 > 正文（网页导航）" in printed
    assert "第 9 行（基本情况）：— 1 —（页码等版面残留）" in printed
    assert "##paidbegin##（网页标记）" in printed
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["schema"] == 1 and data["genre"] == "dangxing-fenxi"


def test_the_problems_lead_in_is_placed_not_left_unplaced(fixture_path, tmp_path, capsys):
    out = tmp_path / "d.json"
    assert main(["import", str(fixture_path("old_style.txt")), "-o", str(out)]) == 0
    assert "未归类" not in capsys.readouterr().out
    draft = load(out)
    assert draft.paragraphs("problems_lead") == ["通过认真查摆，我主要存在以下问题："]
    assert draft.unplaced == []


def test_import_lists_unplaced(tmp_path, capsys):
    src = tmp_path / "t.txt"
    src.write_text(
        "党性分析\n\n一、存在的问题\n（一）学习不深入。我每周只读一篇文章。\n"
        "二、整改措施\n一是加强学习。每周读书两次，年底前读完三本原著。\n"
        "三、其他说明\n这是我自己补充的一段话，不能丢。\n",
        encoding="utf-8",
    )
    out = tmp_path / "d.json"
    assert main(["import", str(src), "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "未归类 2 段" in printed and "这是我自己补充的一段话，不能丢。" in printed
    assert load(out).unplaced == ["三、其他说明", "这是我自己补充的一段话，不能丢。"]


def test_refuses_to_overwrite_without_force(fixture_path, tmp_path, capsys):
    out = tmp_path / "d.json"
    out.write_text("{}", encoding="utf-8")
    assert main(["import", str(fixture_path("old_style.txt")), "-o", str(out)]) == 2
    assert "--force" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "{}"
    assert main(["import", str(fixture_path("old_style.txt")), "-o", str(out), "--force"]) == 0
    assert load(out).meta.author == "王晓东"


def test_genre_and_simplified_options(tmp_path, capsys):
    src = tmp_path / "t.txt"
    src.write_text(
        "黨性分析\n\n一、存在的問題\n（一）在學習方面。\n一是學得少。每天只讀十分鐘。\n",
        encoding="utf-8",
    )
    out = tmp_path / "d.json"
    assert (
        main(["import", str(src), "-o", str(out), "--genre", "duizhao-jiancha", "--simplified"])
        == 0
    )
    d = load(out)
    assert d.genre == "duizhao-jiancha"
    group = d.items("problems")[0]
    assert group.heading == "在学习方面。" and group.items[0].heading == "学得少。"


def test_output_must_be_json(fixture_path, tmp_path, capsys):
    out = tmp_path / "d.txt"
    assert main(["import", str(fixture_path("old_style.txt")), "-o", str(out)]) == 2
    assert ".json" in capsys.readouterr().err and not out.exists()


def test_export_then_import_through_the_cli(example_draft, tmp_path, capsys):
    from partybook.storage import save

    src = tmp_path / "草稿.json"
    save(example_draft, src)
    for fmt in ("txt", "md"):
        exported = tmp_path / f"导出.{fmt}"
        assert main(["export", str(src), "--to", fmt, "-o", str(exported)]) == 0
        back = tmp_path / f"导回-{fmt}.json"
        assert main(["import", str(exported), "-o", str(back)]) == 0
        again = load(back)
        assert again.sections == example_draft.sections
        m, e = again.meta, example_draft.meta  # position and class name are not printed
        assert (m.author, m.unit, m.date) == (e.author, e.unit, e.date)
        assert again.unplaced == []
    out = capsys.readouterr().out
    assert "没有删除任何内容" in out


def test_a_page_of_several_articles_writes_one_draft_each(tmp_path, capsys):
    page = "".join(
        f"篇{n}\n组织生活会个人对照检查材料\n按照要求，我认真查摆了问题。\n一、存在的问题\n"
        f"（一）学习不够深入，读原著少。\n{who}\n2024年6月\n"
        for n, who in (("一", "张红"), ("二", "李明"))
    )
    src = tmp_path / "网页.txt"
    src.write_text(page, encoding="utf-8")
    out = tmp_path / "草稿.json"
    assert main(["import", str(src), "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert not out.exists()
    assert [load(tmp_path / f"草稿-{n}.json").meta.author for n in (1, 2)] == ["张红", "李明"]
    assert "有 2 篇文章" in printed and "草稿-1.json" in printed and "【第 2 篇】" in printed


def test_several_articles_refuse_to_overwrite(tmp_path, capsys):
    page = (
        "篇一\n党性分析\n" + "我学得不够。" * 60 + "\n篇二\n党性分析\n" + "我想得不够。" * 60 + "\n"
    )
    src = tmp_path / "网页.txt"
    src.write_text(page, encoding="utf-8")
    (tmp_path / "d-2.json").write_text("{}", encoding="utf-8")
    assert main(["import", str(src), "-o", str(tmp_path / "d.json")]) == 2
    assert "--force" in capsys.readouterr().err
    assert not (tmp_path / "d-1.json").exists()


def test_keep_traditional_and_off_genre_warning(tmp_path, capsys):
    src = tmp_path / "t.txt"
    src.write_text(
        "黨性分析\n\n我們班子學習不夠。我們調研不夠。班子成員下基層少。我們要改進。我們要加強。我們要落實。\n",
        encoding="utf-8",
    )
    out = tmp_path / "d.json"
    assert main(["import", str(src), "-o", str(out), "--keep-traditional"]) == 0
    printed = capsys.readouterr().out
    assert load(out).sections["title"] == "黨性分析"
    assert "！注意" in printed and "集体材料" in printed
