"""partybook showcase: the showcase notebook executed (nbclient) and converted (nbconvert)
into one read-only, offline HTML page; run as a real process, one execution per genre."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from html import escape
from pathlib import Path

import pytest
from PIL import Image
from support.chromium import CHROMIUM, CHROMIUM_ARGS
from support.cli import run_partybook

from partybook.anonymizer import anonymize
from partybook.assembly import blocks
from partybook.cli import main
from partybook.draft import Draft
from partybook.genre import Genre, load_genre
from partybook.numbering import cn_number
from partybook.showcase import make_self_contained, showcase_parts
from partybook.storage import load, save

REMOTE = re.compile(
    r"<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=\s*[\"']?(?:https?:)?//", re.I
)


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return run_partybook(*args, cwd=cwd, timeout=240)


def _example(genre: Genre) -> Draft:
    return genre.example_draft()


def _headings(genre: Genre) -> list[str]:
    numbers = genre.heading_numbers()
    return [f"{cn_number(numbers[s.id])}、{s.heading}" for s in genre.sections if s.id in numbers]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("showcase")


@pytest.fixture(scope="module")
def dangxing_page(folder: Path) -> str:
    """The default genre's worked example (one execution)."""
    out = folder / "党性分析范例.html"
    r = _cli("showcase", "-o", str(out), cwd=folder)
    assert r.returncode == 0, r.stderr
    assert "已生成范例展示网页" in r.stdout
    assert r.stderr == "", "the kernel's log lines must not reach the user"
    return out.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def anonymised_file(folder: Path) -> Path:
    genre = load_genre("duizhao-jiancha")
    anon, replacements = anonymize(_example(genre), genre)
    assert replacements and anon.example
    path = folder / "共享范例.json"
    save(anon, path)
    return path


@pytest.fixture(scope="module")
def duizhao_example_page(folder: Path, anonymised_file: Path) -> str:
    """The second genre, showing an anonymised example file (one execution)."""
    out = folder / "对照检查范例.html"
    r = _cli("showcase", "--example", str(anonymised_file), "-o", str(out), cwd=folder)
    assert r.returncode == 0, r.stderr
    return out.read_text(encoding="utf-8")


def _assert_offline_and_codeless(page: str) -> None:
    assert not REMOTE.findall(page), REMOTE.findall(page)
    assert not re.search(r"<script\b[^>]*\bsrc\s*=", page, re.I)  # nothing loaded at all
    assert "require.js" not in page and "mathjax" not in page.lower()
    assert 'import("http' not in page
    assert "from partybook" not in page and "show()" not in page
    assert not re.search(r'class="[^"]*\bjp-(?:InputArea|InputPrompt|OutputPrompt)\b', page)
    assert "In&nbsp;[" not in page and 'class="highlight' not in page  # no code, highlighted or not
    assert "Run All Cells" not in page  # the notebook's own instructions are not printed
    assert "application/vnd.jupyter.widget" not in page
    assert "Traceback" not in page


def _assert_guidance_and_headings(page: str, genre: Genre) -> None:
    assert f"<title>{genre.name}范例</title>" in page
    for heading in _headings(genre):
        assert heading in page, heading
    for spec in genre.sections:
        if spec.guidance:
            first = re.split(r"(?<=[。！？])", spec.guidance)[0]
            assert escape(first) in page, spec.id
        for prompt in spec.prompts:
            assert escape(prompt) in page, prompt
    assert '<div class="pb-doc" lang="zh-CN">' in page  # the assembled preview


def test_default_genre_page(dangxing_page: str) -> None:
    genre = load_genre("dangxing-fenxi")
    page = dangxing_page
    _assert_offline_and_codeless(page)
    _assert_guidance_and_headings(page, genre)
    assert "一、基本情况" in page and "四、整改措施" in page
    assert (
        page.count(genre.example_section("title")) >= 2
    )  # the example's title: section and preview
    # the example text of a section, in its card and in the preview
    opening = genre.example_section("opening")[0]
    assert page.count(escape(opening)) == 2
    # the checks found nothing on the worked example, section by section
    assert page.count("本节未发现问题") == len(genre.sections)
    assert "全部检查通过" in page
    assert "匿名化处理的共享范例" not in page
    assert genre.example().meta.author in page


def test_saved_page_and_screenshot(dangxing_page: str, artifacts_dir: Path, folder: Path) -> None:
    html_path = artifacts_dir / "showcase-dangxing-fenxi.html"
    shutil.copyfile(folder / "党性分析范例.html", html_path)
    shot = artifacts_dir / "showcase-dangxing-fenxi.png"
    shot.unlink(missing_ok=True)
    subprocess.run(
        [
            CHROMIUM,
            *CHROMIUM_ARGS,
            f"--user-data-dir={folder / 'chromium-profile'}",
            f"--screenshot={shot}",
            "--window-size=1200,1600",
            html_path.resolve().as_uri(),
        ],
        capture_output=True,
        timeout=120,
        check=True,
    )
    image = Image.open(shot).convert("RGB")
    assert image.size == (1200, 1600)
    colours = image.getcolors(maxcolors=1_000_000) or []
    assert len(colours) > 50, "the page rendered blank"
    # the red rule above the header is drawn (the page's own CSS applied, offline)
    assert any(r > 150 and g < 60 and b < 60 for _, (r, g, b) in colours)


def test_second_genre_with_an_anonymised_example(
    duizhao_example_page: str, anonymised_file: Path
) -> None:
    genre = load_genre("duizhao-jiancha")
    page = duizhao_example_page
    _assert_offline_and_codeless(page)
    _assert_guidance_and_headings(page, genre)
    original = _example(genre)
    anon = load(anonymised_file)
    # the file's document as printed, its numbered headings included
    printed = [b.plain for b in blocks(anon, genre) if b.role == "heading"]
    assert printed and all(escape(h) in page for h in printed)
    # the file's text is shown, not the genre's own example
    assert anon.sections["title"] != original.sections["title"]
    # (the genre's guidance may quote a title like the example's: look at the shown texts)
    for shown in ('<p class="pb-sc-t">', '<p class="pb-title">'):
        assert shown + escape(anon.sections["title"]) in page
        assert shown + escape(original.sections["title"]) not in page
    assert genre.example().meta.author not in page
    assert "匿名化处理的共享范例" in page
    # the checks' findings on that file are listed (the text repeats the genre's example)
    assert "PB504" in page and "pb-sc-sev-" in page


def test_refuses_to_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "范例.html"
    out.write_text("旧内容", encoding="utf-8")
    assert main(["showcase", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("错误：") and "--force" in err
    assert out.read_text(encoding="utf-8") == "旧内容"


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--genre", "no-such-genre"], "没有名为 no-such-genre 的文体"),
        (["--example", "不存在.json"], "找不到草稿文件"),
        (["--example", "范例.txt"], "不是 .json 草稿"),
    ],
)
def test_bad_input_is_refused_in_chinese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], words: str
) -> None:
    out = tmp_path / "范例.html"
    assert main(["showcase", *args, "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("错误：") and words in err and "Traceback" not in err
    assert not out.exists()


def test_a_draft_not_anonymised_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], example_draft: Draft
) -> None:
    path = tmp_path / "我的草稿.json"
    save(example_draft, path)
    out = tmp_path / "范例.html"
    assert main(["showcase", "--example", str(path), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "不是匿名化的共享范例" in err and "partybook anonymize" in err
    assert not out.exists()


def test_example_of_another_genre_than_asked_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], anonymised_file: Path
) -> None:
    out = tmp_path / "范例.html"
    code = main(
        ["showcase", "--genre", "dangxing-fenxi", "--example", str(anonymised_file), "-o", str(out)]
    )
    assert code == 2
    assert "属于文体 duizhao-jiancha" in capsys.readouterr().err
    assert not out.exists()


def test_user_text_is_escaped(example_draft: Draft, genre: Genre) -> None:
    draft = example_draft.model_copy(deep=True)
    draft.sections["opening"] = ['按照安排<script>alert("x")</script>我参加了培训。']
    draft.meta.author = "<b>某某</b>"
    page = "".join(showcase_parts(genre, draft))
    assert "<script>" not in page and "<b>某某</b>" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "&lt;b&gt;某某&lt;/b&gt;" in page


def test_remote_scripts_and_stylesheets_are_stripped() -> None:
    page = (
        '<head><script src="https://cdn.example.org/require.min.js"></script>'
        '<link rel="stylesheet" href="http://cdn.example.org/x.css">'
        "<script>var local = 1;</script><style>p{}</style></head>"
    )
    clean = make_self_contained(page)
    assert "cdn.example.org" not in clean
    assert "<script>var local = 1;</script>" in clean and "<style>p{}</style>" in clean


def test_the_command_and_module_load_no_jupyter() -> None:
    code = (
        "import sys, partybook.cli.cmd_showcase, partybook.showcase;"
        "heavy = [m for m in ('nbconvert', 'nbclient', 'IPython', 'jupyter_client') if m in sys.modules];"
        "print(heavy)"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert r.stdout.strip() == "[]", r.stdout + r.stderr


def test_show_reports_a_user_error_in_chinese_and_the_converter_notices(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import IPython.display

    from partybook import paths, showcase

    shown: list[object] = []
    monkeypatch.setattr(IPython.display, "display", lambda obj: shown.append(obj))
    monkeypatch.setenv(paths.SHOWCASE_GENRE_ENV, "no-such-genre")
    monkeypatch.delenv(paths.SHOWCASE_EXAMPLE_ENV, raising=False)
    showcase.show()
    assert len(shown) == 1
    html = shown[0].data  # type: ignore[attr-defined]
    assert 'class="pb-sc-error"' in html and "没有名为 no-such-genre 的文体" in html
    # render_showcase_html turns such an output into a PartybookError, not a page
    nb = {"cells": [{"outputs": [{"data": {"text/html": html}}]}]}
    fake = type("NB", (), {"cells": nb["cells"]})()
    message = showcase.build._cell_error(fake) or ""
    assert message.startswith("没有名为 no-such-genre 的文体。可用的文体：")
