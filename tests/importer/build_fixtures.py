"""Builds the binary import fixtures: .docx files with Word list numbering, a GBK text
file and the bad-input corpus. Run by the tests into a temporary folder (session
fixture); the few files that need outside tools (an encrypted .docx, a real .doc) are
committed in tests/fixtures/import/ and were made with ``python build_fixtures.py --tools``
(msoffcrypto-tool for the password, LibreOffice for the .doc).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "import"


def add_numbering(
    document, levels: list[tuple[str, str]], abstract_id: int = 90, num_id: int = 90
) -> int:
    """Add an abstract list (one (numFmt, lvlText) per level) and a num using it."""
    numbering = document.part.numbering_part.element
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), str(abstract_id))
    for ilvl, (fmt, text) in enumerate(levels):
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), str(ilvl))
        for tag, val in (
            ("w:start", "1"),
            ("w:numFmt", fmt),
            ("w:lvlText", text),
            ("w:suff", "nothing"),
        ):
            el = OxmlElement(tag)
            el.set(qn("w:val"), val)
            lvl.append(el)
        abstract.append(lvl)
    # abstractNum elements must come before num elements
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), str(num_id))
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), str(abstract_id))
    num.append(ref)
    numbering.append(num)
    return num_id


def number_paragraph(paragraph, num_id: int, ilvl: int) -> None:
    """Give ``paragraph`` list numbering ``num_id`` at level ``ilvl`` (0-based)."""
    ppr = paragraph._p.get_or_add_pPr()
    numpr = OxmlElement("w:numPr")
    lvl = OxmlElement("w:ilvl")
    lvl.set(qn("w:val"), str(ilvl))
    nid = OxmlElement("w:numId")
    nid.set(qn("w:val"), str(num_id))
    numpr.append(lvl)
    numpr.append(nid)
    ppr.append(numpr)


def word_numbered_docx(path: Path) -> None:
    """A 党性分析 whose section and item numbers come from Word's list numbering, with
    odd styles: a centred bold Normal title, Heading 1 sections, a custom item style,
    a bold lead without a number, a soft line break, a table, a right-aligned sign-off
    and a page-number footer."""
    doc = Document()
    num = add_numbering(doc, [("chineseCounting", "%1、"), ("chineseCounting", "（%2）")])
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run("2024年春季中青年干部培训班党性分析")
    run.bold = True
    run.font.size = Pt(22)
    doc.add_paragraph(
        "按照区委组织部的安排，我参加了松江区委党校中青年干部培训班。学习期间，我系统学习了党章党规，"
        "参加了三次专题研讨。下面联系思想和工作实际作党性分析，请组织和同志们批评指正。"
    )
    style = doc.styles.add_style("条目 正文", 1)  # WD_STYLE_TYPE.PARAGRAPH
    style.base_style = doc.styles["Normal"]

    def section(name: str) -> None:
        p = doc.add_paragraph(name, style="Heading 1")
        number_paragraph(p, num, 0)

    def item(text: str) -> None:
        p = doc.add_paragraph(text, style="条目 正文")
        number_paragraph(p, num, 1)

    section("基本情况")
    basic = doc.add_paragraph("我1987年9月出生，2010年6月加入中国共产党，")
    # a tracked insertion (w:ins): python-docx's Paragraph.text would skip it
    ins = OxmlElement("w:ins")
    ins.set(qn("w:id"), "1")
    ins.set(qn("w:author"), "审阅人")
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "现任松江区发展改革委项目科科长。"
    r.append(t)
    ins.append(r)
    basic._p.append(ins)
    typed = doc.add_paragraph("二、存在的问题和不足", style="Heading 1")  # typed and numbered
    number_paragraph(typed, num, 0)
    item("谋划工作不够超前。对重点项目的前期储备研究不够，去年有两个项目因手续准备不足推迟开工。")
    item("服务企业不够主动")
    doc.add_paragraph("企业来办事时能够热情接待，但主动上门了解困难少，全年走访企业只有九家。")
    section("问题和原因分析")
    item("进取意识有所减弱。满足于完成上级交办的任务，缺少争先进位的劲头。")
    p = doc.add_paragraph()
    number_paragraph(p, num, 1)
    lead = p.add_run("宗旨意识不够牢固。")
    lead.bold = True
    p.add_run("把服务企业当作分外之事，\n没有站在企业的角度想问题。")
    section("整改措施")
    doc.add_paragraph(
        "一是超前谋划，做项目建设的“领跑者”。每季度更新一次项目储备库，提前三个月启动前期手续。"
    )
    doc.add_paragraph(
        "二是主动服务，做企业信赖的“服务员”。每月走访企业不少于三家，问题清单限时办结。"
    )
    table = doc.add_table(rows=1, cols=1)
    table.cell(
        0, 0
    ).text = "三是严守纪律，做清正廉洁的“明白人”。严格执行项目审批各项规定，不插手具体事务。"
    for line in ("松江区发展改革委", "周文博", "2024年6月"):
        sign = doc.add_paragraph(line)
        sign.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    doc.sections[0].footer.paragraphs[0].text = "— 1 —"
    doc.save(path)


def decimal_numbered_docx(path: Path) -> None:
    """An old-style draft whose sections Word numbers 1. 2. 3. (decimal, lvlText %1.)."""
    doc = Document()
    num = add_numbering(doc, [("decimal", "%1."), ("decimalEnclosedCircle", "%2")], 91, 91)
    doc.add_paragraph("党性分析材料")
    for name, body in (
        ("个人基本情况", "我1992年出生，2016年入党，现任云溪镇党政办副主任。"),
        ("存在的问题", "一是学习不够主动。自学时间少。二是作风不够扎实。下村调研次数少。"),
        ("原因分析", "一是思想上有松劲情绪。二是宗旨意识不牢。"),
        ("整改措施", "一是每周自学三小时。二是每月下村四次。"),
    ):
        p = doc.add_paragraph(name)
        number_paragraph(p, num, 0)
        doc.add_paragraph(body)
    doc.save(path)


def style_numbered_docx(path: Path) -> None:
    """Numbering that comes from the paragraph style (w:numPr in the style's pPr, inherited
    through basedOn), not from the paragraph: a custom outline style "一级标题" numbered
    %1、 and "二级标题" (based on a style numbered at level 1) numbered （%2）."""
    doc = Document()
    num = add_numbering(doc, [("chineseCounting", "%1、"), ("chineseCounting", "（%2）")], 92, 92)
    level1 = doc.styles.add_style("一级标题", 1)
    level1.base_style = doc.styles["Normal"]
    base2 = doc.styles.add_style("编号基础", 1)
    base2.base_style = doc.styles["Normal"]
    level2 = doc.styles.add_style("二级标题", 1)
    level2.base_style = base2
    for style, ilvl in ((level1, 0), (base2, 1)):
        ppr = style.element.get_or_add_pPr()
        numpr = OxmlElement("w:numPr")
        lvl = OxmlElement("w:ilvl")
        lvl.set(qn("w:val"), str(ilvl))
        nid = OxmlElement("w:numId")
        nid.set(qn("w:val"), str(num))
        numpr.append(lvl)
        numpr.append(nid)
        ppr.append(numpr)
    doc.add_paragraph("2025年度组织生活会个人对照检查材料")
    doc.add_paragraph("存在的问题", style="一级标题")
    doc.add_paragraph("在学习方面。", style="二级标题")
    doc.add_paragraph("一是学得不深。只读了文件摘要。")
    doc.add_paragraph("二是用得不够。没有结合窗口工作。")
    doc.add_paragraph("在服务方面。", style="二级标题")
    doc.add_paragraph("一是耐心不够。对老年人解释不细。")
    doc.add_paragraph("产生问题的原因", style="一级标题")
    doc.add_paragraph("学习自觉性不强。把学习当任务。", style="二级标题")
    doc.add_paragraph("整改措施", style="一级标题")
    doc.add_paragraph("坚持每天学习。每天半小时。", style="二级标题")
    doc.save(path)


def zip_bomb(path: Path) -> None:
    """A .docx-shaped zip whose document part unpacks to 300 MB of spaces."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w", force_zip64=True) as fh:
            chunk = b" " * (1024 * 1024)
            for _ in range(300):
                fh.write(chunk)


def build(target: Path) -> dict[str, Path]:
    """Write every generated fixture into ``target``; return name → path."""
    target.mkdir(parents=True, exist_ok=True)
    out: dict[str, Path] = {}

    def put(name: str, data: bytes) -> None:
        (target / name).write_bytes(data)
        out[name] = target / name

    word_numbered_docx(target / "word_numbered.docx")
    out["word_numbered.docx"] = target / "word_numbered.docx"
    decimal_numbered_docx(target / "decimal_numbered.docx")
    out["decimal_numbered.docx"] = target / "decimal_numbered.docx"
    style_numbered_docx(target / "style_numbered.docx")
    out["style_numbered.docx"] = target / "style_numbered.docx"
    put("gbk.txt", (FIXTURES / "old_style.txt").read_text(encoding="utf-8").encode("gbk"))
    put(
        "gb18030.txt",
        (FIXTURES / "duizhao_grouped.txt").read_text(encoding="utf-8").encode("gb18030"),
    )
    put("empty.txt", b"")
    put("blank.md", b" \n\n\t\n")
    put("binary.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64)
    put("big.txt", ("很长的一行文字。" * 100 + "\n").encode("utf-8") * 4300)  # ~10 MB
    put("not_a_zip.docx", "这其实是一个改了扩展名的文本文件。".encode())
    put("no_document.docx", _zip_without_document())
    zip_bomb(target / "bomb.docx")
    out["bomb.docx"] = target / "bomb.docx"
    for name in ("encrypted.docx", "old_word.doc", "old_wps.wps"):
        shutil.copy(FIXTURES / name, target / name)
        out[name] = target / name
    return out


def _zip_without_document() -> bytes:
    import io

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("readme.txt", "not a Word document")
    return buf.getvalue()


def build_tool_fixtures() -> None:  # pragma: no cover - run by hand, results committed
    """encrypted.docx (msoffcrypto-tool, password 123456) and a real .doc (LibreOffice)."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "plain.docx"
        word_numbered_docx(src)
        import msoffcrypto  # noqa: F401 - only needed here
        from msoffcrypto.format.ooxml import OOXMLFile

        with open(src, "rb") as fh, open(FIXTURES / "encrypted.docx", "wb") as out:
            OOXMLFile(fh).encrypt("123456", out)
        profile = Path(tmp) / "lo"
        subprocess.run(
            [
                "soffice",
                "--headless",
                "--norestore",
                f"-env:UserInstallation=file://{profile}",
                "--convert-to",
                "doc",
                "--outdir",
                tmp,
                str(src),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
        shutil.copy(Path(tmp) / "plain.doc", FIXTURES / "old_word.doc")
        # WPS 文字 .wps files are OLE compound documents of the same family
        shutil.copy(Path(tmp) / "plain.doc", FIXTURES / "old_wps.wps")


if __name__ == "__main__":  # pragma: no cover
    if "--tools" in sys.argv:
        build_tool_fixtures()
    else:
        print(build(Path(os.environ.get("OUT", "/tmp/partybook-import-fixtures"))))
