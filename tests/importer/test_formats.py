"""Old and other formats: .doc / .wps (OLE, read as .doc) / .rtf / .odt through
LibreOffice, text PDFs through pdftotext; and the messages when a tool is missing."""

from __future__ import annotations

import io
import subprocess
import tempfile
import zipfile
from pathlib import Path

import pytest

from partybook.cli import main
from partybook.errors import InputError
from partybook.importer import convert, import_bytes, import_file, import_files
from partybook.importer.convert import pages_to_paras

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "import"
# LibreOffice and poppler are installed by ./test: a missing one fails the test (conftest).
needs_soffice = pytest.mark.usefixtures("soffice")
needs_pdftotext = pytest.mark.usefixtures("pdftotext")

LINES = [
    "科级干部进修班党性分析",
    "按照组织安排，我参加了区委党校的学习。",
    "一、基本情况",
    "我2010年入党，现任区农业农村局科长。",
    "二、存在的问题",
    "（一）学习不够深入。读原著少。",
    "（二）调研不够扎实。下基层少。",
]


def _rtf(lines: list[str]) -> bytes:
    def esc(s: str) -> str:
        return "".join(
            c if ord(c) < 128 else f"\\u{ord(c) if ord(c) < 32768 else ord(c) - 65536}?" for c in s
        )

    body = "".join(f"{esc(line)}\\par\n" for line in lines)
    return ("{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 SimSun;}}\\f0\n" + body + "}").encode("ascii")


def _odt(lines: list[str]) -> bytes:
    ns = (
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
    )
    paras = "".join(f"<text:p>{line}</text:p>" for line in lines)
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns} office:version="1.2">'
        f"<office:body><office:text>{paras}</office:text></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        z.writestr("META-INF/manifest.xml", manifest)
        z.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
    return buf.getvalue()


def _private_tmp(monkeypatch, tmp_path: Path) -> None:
    """This test's own temporary folder: other processes' conversions (a parallel run, the
    PDF export) must not look like leftovers of this one."""
    own = tmp_path / "tmp"
    own.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(own))


def _leftover_temp_dirs() -> set[str]:
    tmp = Path(tempfile.gettempdir())
    return {p.name for p in tmp.glob("partybook-convert-*")} | {
        p.name for p in tmp.glob("partybook-pdf-*")
    }


@needs_soffice
def test_doc_wps_rtf_odt_in_one_libreoffice_call(tmp_path, monkeypatch):
    files = {
        "旧稿.doc": (FIXTURES / "old_word.doc").read_bytes(),
        "金山.wps": (FIXTURES / "old_wps.wps").read_bytes(),  # an OLE file: read as .doc
        "富文本.rtf": _rtf(LINES),
        "开放.odt": _odt(LINES),
    }
    paths = []
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
        paths.append(tmp_path / name)
    calls = []
    real = convert._run_soffice
    monkeypatch.setattr(convert, "_run_soffice", lambda *a: calls.append(a) or real(*a))
    _private_tmp(monkeypatch, tmp_path)
    before = _leftover_temp_dirs()
    results = import_files(paths)
    assert len(calls) == 1 and len(calls[0][3]) == 4  # four files, one LibreOffice run
    assert all(not isinstance(r, InputError) for r in results), results
    assert results[0].draft.text_of("title") == results[1].draft.text_of("title")
    for r in results[2:]:
        assert r.draft.sections["title"] == "科级干部进修班党性分析"
        assert [i.heading for i in r.draft.items("problems")] == [
            "学习不够深入。",
            "调研不够扎实。",
        ]
        assert r.line_unit == "段"
    assert _leftover_temp_dirs() <= before  # temporary files removed


@needs_soffice
def test_doc_through_the_cli(tmp_path, capsys):
    out = tmp_path / "d.json"
    assert main(["import", str(FIXTURES / "old_word.doc"), "-o", str(out)]) == 0
    assert out.exists() and "已导入 old_word.doc" in capsys.readouterr().out


@needs_soffice
def test_a_broken_office_file_gets_a_chinese_message():
    data = b"{\\rtf1 " + bytes(range(256)) * 3
    with pytest.raises(InputError, match="无法读取|另存为"):
        import_bytes(data, "坏的.rtf")


def test_without_libreoffice_the_message_names_what_to_install(monkeypatch):
    monkeypatch.setattr(convert.shutil, "which", lambda name: None)
    with pytest.raises(InputError, match="LibreOffice.*另存为 .docx"):
        import_bytes((FIXTURES / "old_word.doc").read_bytes(), "旧稿.doc")
    with pytest.raises(InputError, match="poppler-utils"):
        import_bytes(b"%PDF-1.4\n", "下载.pdf")


def test_a_hung_libreoffice_is_stopped_and_cleaned_up(monkeypatch, tmp_path):
    script = tmp_path / "soffice"
    script.write_text("#!/bin/sh\nsleep 30\n")
    script.chmod(0o755)
    monkeypatch.setattr(convert, "_soffice", lambda: str(script))
    monkeypatch.setattr(convert, "TIMEOUT", 1)
    monkeypatch.setattr(convert, "PER_FILE", 0)
    _private_tmp(monkeypatch, tmp_path)
    before = _leftover_temp_dirs()
    with pytest.raises(InputError, match="超过 1 秒"):
        import_bytes(_rtf(LINES), "慢.rtf")
    assert _leftover_temp_dirs() <= before


def test_page_headers_and_footers_are_removed():
    bodies = ["处级干部进修班党性分析\n我参加了学习。", "我在区里工作。", "我学得不够。"]
    pages = [f"  青川市委党校学员材料\n\n{b}\n\n      第 {n} 页\n" for n, b in enumerate(bodies, 1)]
    paras, removed = pages_to_paras(pages)
    assert [p.text for p in paras] == [
        "处级干部进修班党性分析",
        "我参加了学习。",
        "我在区里工作。",
        "我学得不够。",
    ]
    assert len(removed) == 6 and all(r.kind == "furniture" for r in removed)


@needs_pdftotext
def test_text_pdf_import(tmp_path):
    from docx import Document

    doc = Document()
    doc.sections[0].header.paragraphs[0].text = "青川市委党校学员材料"
    for i, line in enumerate(LINES):
        doc.add_paragraph(line)
        if i == 3:
            doc.add_page_break()
    src = tmp_path / "稿.docx"
    doc.save(str(src))
    profile = tmp_path / "profile"
    subprocess.run(
        ["soffice", "--headless", "--norestore", f"-env:UserInstallation={profile.as_uri()}",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(src)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    r = import_file(tmp_path / "稿.pdf")
    assert r.draft.sections["title"] == "科级干部进修班党性分析"
    assert [i.heading for i in r.draft.items("problems")] == ["学习不够深入。", "调研不够扎实。"]
    assert "青川市委党校学员材料" in [x.what for x in r.removed]
    assert "青川市委党校学员材料" not in r.draft.text_of("opening")


@needs_pdftotext
def test_a_pdf_without_text_is_explained(monkeypatch, tmp_path):

    class Done:
        returncode = 0
        stdout = b"\x0c\x0c"
        stderr = b""

    monkeypatch.setattr(convert.subprocess, "run", lambda *a, **k: Done())
    with pytest.raises(InputError, match="扫描件"):
        import_bytes(b"%PDF-1.4\n", "扫描.pdf")
