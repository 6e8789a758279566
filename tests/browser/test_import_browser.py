"""In a real browser (Voila): a file of two articles, the second picked and opened; a
misquoted political formula fixed with one click, then undone."""

from __future__ import annotations

from pathlib import Path

import pytest

from partybook.storage import load

from .test_workbook_browser import wait_saved_with, wait_text

Server = object  # tests/browser/conftest.py: url, port, token, drafts, root

pytestmark = pytest.mark.browser

FIRST_TITLE = "2025年度党性分析材料"
SECOND_TITLE = "青禾县农业局干部个人党性分析"
TWO = f"""篇一
{FIRST_TITLE}

一、基本情况
我叫林晓舟，在青禾县农业局工作，2012年入党。

二、存在的问题
1. 理论学习不够系统。一年只写了四篇读书笔记。

林晓舟
2025年11月

篇二
{SECOND_TITLE}

一、基本情况
我叫周明远，2015年到青禾县农业局工作，2014年入党。

二、存在的问题
1. 调查研究不够深入。去年制定春耕方案时只下乡两次。

周明远
2025年12月
"""
MISQUOTE = "政治意识、大局意识、核心意识、服务意识"
EXACT = "政治意识、大局意识、核心意识、看齐意识"


def test_pick_second_article_then_fix_a_misquote_and_undo(
    voila_server: Server, page, artifacts_dir: Path
) -> None:
    page.goto(voila_server.url + "/", timeout=120_000)
    page.wait_for_selector(".pb-import", timeout=120_000)
    source = artifacts_dir / "两篇文章.txt"
    source.write_text(TWO, encoding="utf-8")
    with page.expect_file_chooser() as chooser:
        page.click(".pb-import")
    chooser.value.set_files(str(source))
    # the file holds two articles: both listed with title and size, nothing opened yet
    wait_text(page, ".pb-import-article-1", SECOND_TITLE)
    assert FIRST_TITLE in page.locator(".pb-import-article-0").inner_text()
    assert "字" in page.locator(".pb-import-article-1 .pb-import-size").inner_text()
    page.screenshot(path=str(artifacts_dir / "import-1-choice.png"), full_page=True)
    page.click(".pb-import-open-1")
    title = page.locator(".pb-editor-title input")
    title.wait_for(timeout=30_000)
    assert title.input_value() == SECOND_TITLE
    wait_text(page, ".pb-report", "共有 2 篇文章")
    kept = [p for p in voila_server.drafts.glob("*第1篇*.json")]  # the first one kept
    assert kept and load(kept[0]).sections["title"] == FIRST_TITLE

    # a misquoted formula: its error, the exact wording, one click, then undo
    basic = page.locator(".pb-editor-basic textarea")
    basic.click()
    typed = f"我叫周明远，平时注意增强{MISQUOTE}。"
    basic.fill(typed)
    fix = page.locator(".pb-panel-basic .pb-fix-one-PB601")
    fix.wait_for(timeout=20_000)
    assert EXACT in page.locator(".pb-panel-basic .pb-section-findings").inner_text()
    page.screenshot(path=str(artifacts_dir / "import-2-misquote.png"), full_page=True)
    fix.click()
    page.wait_for_function(
        "t => document.querySelector('.pb-editor-basic textarea').value.includes(t)",
        arg=EXACT,
        timeout=20_000,
    )
    assert MISQUOTE not in basic.input_value()
    wait_saved_with(voila_server, lambda d: EXACT in d.text_of("basic"))
    page.locator(".pb-panel-basic .pb-fix-one-PB601").wait_for(state="detached", timeout=20_000)
    page.click(".pb-undo-top")
    page.wait_for_function(
        "t => document.querySelector('.pb-editor-basic textarea').value === t",
        arg=typed,
        timeout=20_000,
    )
    wait_saved_with(voila_server, lambda d: MISQUOTE in d.text_of("basic"))
    page.screenshot(path=str(artifacts_dir / "import-3-undone.png"), full_page=True)
