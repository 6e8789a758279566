"""Feedback written back into drafts, the class zip, and publishing anonymised examples."""

from __future__ import annotations

import io
import json
import zipfile

import docx
import pytest

from partybook.classroom.batch import NOTE_NAME, export_class, unique_names
from partybook.classroom.collect import collect
from partybook.classroom.feedback import add_comment, remove_comment
from partybook.classroom.publish import load_examples, prepare, publish
from partybook.errors import PartybookError
from partybook.storage import load


def test_feedback_changes_nothing_else(klass):
    folder, roles = klass
    path = folder / roles["distinct"][2]
    before = json.loads(path.read_text(encoding="utf-8"))
    add_comment(path, "problems", "第二个问题请补一个具体事例。", item=1, author="周老师")
    add_comment(path, "opening", "开头可以再短一些。", author="周老师")
    after = json.loads(path.read_text(encoding="utf-8"))
    comments = after.pop("comments")
    before.pop("comments")
    assert after == before  # sections, meta, updated … untouched
    assert [(c["section"], c.get("item"), c["text"], c["author"]) for c in comments] == [
        ("problems", 1, "第二个问题请补一个具体事例。", "周老师"),
        ("opening", None, "开头可以再短一些。", "周老师"),
    ]
    assert all(c["created"] for c in comments)
    assert (folder / (path.name + ".bak")).is_file()  # saved the atomic way, with a backup
    assert load(path).comments[0].text == "第二个问题请补一个具体事例。"
    removed = remove_comment(path, 1)
    assert removed.section == "opening" and len(load(path).comments) == 1


def test_feedback_bad_input_is_refused_in_chinese(klass):
    folder, roles = klass
    path = folder / roles["distinct"][0]
    raw = path.read_bytes()
    with pytest.raises(PartybookError, match="没有章节 nosuch"):
        add_comment(path, "nosuch", "意见")
    with pytest.raises(PartybookError, match="只有 3 条"):
        add_comment(path, "problems", "意见", item=5)
    with pytest.raises(PartybookError, match="空的"):
        add_comment(path, "basic", "  ")
    assert path.read_bytes() == raw


def test_class_zip_opens_every_docx(klass, tmp_path):
    folder, roles = klass
    (folder / "broken.json").write_text("{", encoding="utf-8")
    coll = collect(folder)
    seen = []
    result = export_class(coll.entries, tmp_path / "班级.zip", pdf=False,
                          progress=lambda d, t, m: seen.append((d, t)))  # fmt: skip
    n = len(coll.drafts)
    assert seen[-1] == (n, n) and [d for d, _ in seen] == list(range(1, n + 1))
    with zipfile.ZipFile(tmp_path / "班级.zip") as zf:
        names = [x for x in zf.namelist() if x.endswith(".docx")]
        assert sorted(names) == sorted(f"{e.student}.docx" for e in coll.drafts)
        for entry in coll.drafts:
            doc = docx.Document(io.BytesIO(zf.read(result.names[entry.file])))
            text = "\n".join(p.text for p in doc.paragraphs)
            assert entry.draft.text_of("title") in text
            assert entry.draft.items("problems")[0].heading in text
        note = zf.read(NOTE_NAME).decode("utf-8")
    assert "broken.json" in note and result.failed[0][0] == "broken.json"


def test_zip_names_are_safe_and_unique():
    assert unique_names(["张三", "张三", "李四", "张三"], ".docx") == [
        "张三.docx", "张三-2.docx", "李四.docx", "张三-3.docx",
    ]  # fmt: skip


def test_class_zip_with_pdf(klass, tmp_path):
    folder, roles = klass
    coll = collect(folder)
    two = [coll.find(roles["distinct"][0]), coll.find("example_copy.json")]
    result = export_class(two, None, pdf=True)
    with zipfile.ZipFile(io.BytesIO(result.data)) as zf:
        pdfs = [n for n in zf.namelist() if n.endswith(".pdf")]
        assert len(pdfs) == 2
        assert all(zf.read(n).startswith(b"%PDF") for n in pdfs)


def test_publish_anonymised_example(klass, tmp_path):
    folder, roles = klass
    entry = collect(folder).find(roles["distinct"][1])
    add_comment(entry.path, "basic", "请补充入党时间。", author="周老师")
    draft = load(entry.path)
    cand = prepare(draft, entry.file)
    lines = cand.review_lines()
    assert any(draft.meta.author in line for line in lines)
    assert cand.example.example and not cand.example.comments
    assert draft.meta.author not in json.dumps(cand.example.to_dict(), ensure_ascii=False)
    root = tmp_path / "examples"
    first = publish(cand, root)
    second = publish(cand, root)
    assert first.parent == root / "dangxing-fenxi" and first != second
    assert [p for p, _ in load_examples("dangxing-fenxi", root)] == sorted([first, second])
    with pytest.raises(PartybookError, match="匿名化"):
        publish(draft, root)
