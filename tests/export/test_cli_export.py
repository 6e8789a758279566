"""partybook export --to docx|pdf|html as a real process; overwrite refusal; lean imports."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from partybook.draft import Draft


def _cli(*args: str, cwd: Path, importtime: bool = False) -> subprocess.CompletedProcess[str]:
    flags = ["-X", "importtime"] if importtime else []
    return subprocess.run(
        [sys.executable, *flags, "-m", "partybook", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=180,
    )


@pytest.fixture
def draft_file(example_draft: Draft, tmp_path: Path) -> Path:
    p = tmp_path / "草稿.json"
    p.write_text(json.dumps(example_draft.to_dict(), ensure_ascii=False), encoding="utf-8")
    return p


def test_export_docx_and_refuse_overwrite(
    draft_file: Path, example_draft: Draft, tmp_path: Path
) -> None:
    out = tmp_path / "党性分析.docx"
    r = _cli("export", str(draft_file), "--to", "docx", "-o", str(out), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "已导出" in r.stdout
    doc = docx.Document(io.BytesIO(out.read_bytes()))
    assert doc.paragraphs[0].text == example_draft.sections["title"]
    before = out.read_bytes()
    r = _cli("export", str(draft_file), "--to", "docx", "-o", str(out), cwd=tmp_path)
    assert r.returncode == 2
    assert "已存在" in r.stderr and "--force" in r.stderr and "Traceback" not in r.stderr
    assert out.read_bytes() == before
    out.write_bytes(b"old")
    r = _cli("export", str(draft_file), "--to", "docx", "-o", str(out), "--force", cwd=tmp_path)
    assert r.returncode == 0 and out.read_bytes()[:2] == b"PK"


def test_export_html(draft_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "preview.html"
    r = _cli("export", str(draft_file), "--to", "html", "-o", str(out), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "一、基本情况" in page


def test_export_pdf_reports_font_substitution(draft_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "党性分析.pdf"
    r = _cli("export", str(draft_file), "--to", "pdf", "-o", str(out), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert out.read_bytes()[:5] == b"%PDF-"
    assert "提示：" in r.stdout and "仿宋_GB2312 →" in r.stdout


def test_docx_path_imports_only_what_it_uses(draft_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "lean.docx"
    code = (
        "import json, sys\n"
        "from partybook.cli import main\n"
        f"rc = main(['export', {str(draft_file)!r}, '--to', 'docx', '-o', {str(out)!r}])\n"
        "print(json.dumps({'rc': rc, 'modules': sorted(sys.modules)}))\n"
    )
    r = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, timeout=60
    )
    result = json.loads(r.stdout.splitlines()[-1])
    assert result["rc"] == 0 and out.exists()
    modules = set(result["modules"])
    assert "partybook.exporters.docx" in modules and "partybook.exporters.ooxml" in modules
    forbidden = (
        "jupyter",
        "jupyter_core",
        "ipywidgets",
        "nbconvert",
        "IPython",
        "ipykernel",
        "docx",
        "lxml",
    )
    assert not {m for m in modules if m.split(".")[0] in forbidden}
    for other in ("pdf", "html", "md", "txt"):
        assert f"partybook.exporters.{other}" not in modules


def test_export_docx_with_findings_as_word_comments(example_draft: Draft, tmp_path: Path) -> None:
    """--findings writes the checks' findings as Word comments beside the instructor's;
    --no-comments leaves the instructor's out; both refuse a format that has no comments."""
    from partybook.draft import Comment
    from partybook.exporters.word_comments import FINDINGS_AUTHOR

    draft = example_draft.model_copy(deep=True)
    draft.sections["basic"] = [
        *draft.paragraphs("basic"),
        "我始终坚持“两个维护”，即坚决维护党中央权威。",
    ]
    draft.comments = [Comment(section="basic", text="再补一件具体的事。", author="周老师")]
    source = tmp_path / "带批注.json"
    source.write_text(json.dumps(draft.to_dict(), ensure_ascii=False), encoding="utf-8")

    def comments(*flags: str) -> list[tuple[str, str]]:
        out = tmp_path / f"out{len(list(tmp_path.glob('out*')))}.docx"
        r = _cli("export", str(source), "-o", str(out), *flags, cwd=tmp_path)
        assert r.returncode == 0, r.stderr
        return [(c.author, c.text) for c in docx.Document(io.BytesIO(out.read_bytes())).comments]

    assert comments() == [("周老师", "再补一件具体的事。")]
    both = comments("--findings")
    assert both[0] == ("周老师", "再补一件具体的事。")
    found = [text for author, text in both[1:] if author == FINDINGS_AUTHOR]
    assert any("坚决维护党中央权威和集中统一领导" in t for t in found), found
    only = comments("--findings", "--no-comments")
    assert only and all(author == FINDINGS_AUTHOR for author, _ in only)

    r = _cli("export", str(source), "-o", str(tmp_path / "a.html"), "--findings", cwd=tmp_path)
    assert r.returncode == 2 and ".docx" in r.stderr and "Traceback" not in r.stderr
    assert not (tmp_path / "a.html").exists()


def test_export_names_the_unplaced_paragraphs_it_leaves_out(
    example_draft: Draft, tmp_path: Path
) -> None:
    draft = example_draft.model_copy(deep=True)
    draft.unplaced = ["五、其他说明", "这是我自己补充的一段话，不能丢。"]
    source = tmp_path / "有未归类.json"
    source.write_text(json.dumps(draft.to_dict(), ensure_ascii=False), encoding="utf-8")
    for fmt in ("docx", "md", "txt", "html"):
        out = tmp_path / f"out.{fmt}"
        r = _cli("export", str(source), "-o", str(out), cwd=tmp_path)
        assert r.returncode == 0, r.stderr
        assert "2 段“未归类”的文字没有导出" in r.stdout and "五、其他说明" in r.stdout, fmt
    clean = tmp_path / "全部归类.json"
    clean.write_text(json.dumps(example_draft.to_dict(), ensure_ascii=False), encoding="utf-8")
    r = _cli("export", str(clean), "-o", str(tmp_path / "clean.docx"), cwd=tmp_path)
    assert r.returncode == 0 and "未归类" not in r.stdout


def test_commands_on_a_page_of_several_articles_say_only_the_first_is_used(
    tmp_path: Path,
) -> None:
    page = tmp_path / "两篇.txt"
    page.write_text(
        "范文一\n党性分析报告\n一、存在的问题\n（一）学习不深入。我每周只读一篇文章。\n\n"
        "范文二\n党性分析材料\n一、存在的问题\n（一）作风不扎实。我下基层少了。\n",
        encoding="utf-8",
    )
    for args in (
        ("check", str(page)),
        ("export", str(page), "-o", str(tmp_path / "a.docx")),
        ("anonymize", str(page), "-o", str(tmp_path / "a.json")),
    ):
        r = _cli(*args, cwd=tmp_path)
        assert "两篇.txt 里有 2 篇文章，这里只处理第 1 篇" in r.stderr, (args, r.stderr)
        assert "partybook import 两篇.txt" in r.stderr and "Traceback" not in r.stderr
