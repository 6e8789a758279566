from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from support.strategies import drafts

from partybook.draft import Draft, Item, new_draft
from partybook.errors import DraftFileError, SaveConflictError
from partybook.genre import load_genre
from partybook.storage import MIGRATIONS, backup_path, draft_from_dict, load, save

GENRES = {g: load_genre(g) for g in ("dangxing-fenxi", "duizhao-jiancha")}


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(draft=drafts(GENRES["dangxing-fenxi"]))
def test_save_load_is_identity(tmp_path, draft):
    path = tmp_path / "d.json"
    save(draft, path)
    assert load(path) == draft


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(draft=drafts(GENRES["duizhao-jiancha"]))
def test_save_load_is_identity_for_grouped_genre(tmp_path, draft):
    path = tmp_path / "d.json"
    save(draft, path)
    assert load(path) == draft


def test_file_has_the_documented_shape(tmp_path, genre):
    d = new_draft(genre, author="张三")
    d.sections["problems"] = [Item(heading="调查研究不够深入。", body="我……")]
    save(d, tmp_path / "d.json")
    data = json.loads((tmp_path / "d.json").read_text(encoding="utf-8"))
    assert list(data)[:5] == ["schema", "genre", "genre_version", "meta", "sections"]
    assert data["schema"] == 1 and data["genre"] == "dangxing-fenxi"
    assert set(data["meta"]) == {"author", "unit", "position", "class_name", "date"}
    assert data["sections"]["title"] == "" and data["sections"]["basic"] == []
    assert data["sections"]["problems"] == [{"heading": "调查研究不够深入。", "body": "我……"}]
    assert {"unplaced", "created", "updated"} <= set(data)
    assert "我……" in (tmp_path / "d.json").read_text(encoding="utf-8")  # UTF-8, not \\u escapes


def test_hand_written_design_example_loads(tmp_path):
    text = json.dumps(
        {
            "schema": 1,
            "genre": "dangxing-fenxi",
            "meta": {"author": "", "unit": "", "position": "", "class_name": "", "date": "2021-10"},
            "sections": {
                "title": "科级干部任职培训班党性分析",
                "opening": ["段落……"],
                "basic": ["段落……", "段落……"],
                "problems": [{"heading": "调查研究不够深入。", "body": "……"}],
                "causes": [{"heading": "……", "body": "……"}],
                "measures": [{"heading": "增强担当意识，做攻坚克难的“排头兵”。", "body": "……"}],
            },
            "unplaced": [],
            "created": "2026-11-27T09:00:00+08:00",
            "updated": "2026-11-27T09:30:00+08:00",
        },
        ensure_ascii=False,
    )
    (tmp_path / "d.json").write_text(text, encoding="utf-8")
    d = load(tmp_path / "d.json")
    assert d.items("measures")[0].heading.startswith("增强担当意识")
    assert d.updated == "2026-11-27T09:30:00+08:00"


def test_previous_version_is_kept_as_backup(tmp_path, genre):
    path = tmp_path / "d.json"
    d = new_draft(genre)
    d.sections["title"] = "第一版"
    save(d, path)
    d.sections["title"] = "第二版"
    save(d, path)
    assert load(path).sections["title"] == "第二版"
    assert load(backup_path(path)).sections["title"] == "第一版"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_crash_during_write_leaves_old_file(tmp_path, genre, monkeypatch):
    path = tmp_path / "d.json"
    d = new_draft(genre)
    d.sections["title"] = "原稿"
    save(d, path)
    before = path.read_bytes()

    def boom(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    d.sections["title"] = "新稿"
    with pytest.raises(OSError):
        save(d, path)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        (b"", "空的"),
        (b"   \n", "空的"),
        ('{"schema": 1, "genre": "dangxing-fenxi", "sections": {"title": "半'.encode(), "不完整"),
        (b'{"schema": 1,, }', "损坏"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe", "UTF-8"),
        (b"[1, 2, 3]", "不是 partybook 草稿"),
        (b'{"hello": "world"}', "不是 partybook 草稿"),
        (b'{"schema": 99, "genre": "dangxing-fenxi", "sections": {}}', "更新版本"),
        (b'{"schema": "one", "genre": "dangxing-fenxi", "sections": {}}', "正整数"),
        (b'{"schema": 1, "genre": "dangxing-fenxi", "sections": [], "meta": {}}', "sections"),
        (
            b'{"schema": 1, "genre": "dangxing-fenxi", "sections": {}, "meta": {"author": 5}}',
            "meta.author",
        ),
        (b'{"schema": 1, "genre": "nope", "sections": {}}', "文体"),
        (
            b'{"schema": 1, "genre": "dangxing-fenxi", "sections": {"title": [{"heading": "a"}]}}',
            "一行文字",
        ),
    ],
)
def test_bad_files_raise_chinese_errors_and_stay_untouched(tmp_path, content, needle):
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    backup_path(path).write_bytes(b"backup")
    with pytest.raises(DraftFileError) as err:
        load(path)
    assert needle in str(err.value)
    assert path.read_bytes() == content
    assert backup_path(path).read_bytes() == b"backup"


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(DraftFileError, match="找不到"):
        load(tmp_path / "none.json")
    with pytest.raises(DraftFileError, match="文件夹"):
        load(tmp_path)


def test_migration_hook_runs_for_old_schemas(monkeypatch):
    import partybook.storage as storage

    monkeypatch.setattr(storage, "SCHEMA_VERSION", 2)

    def v1_to_v2(data):
        data = dict(data)
        data["migrated"] = True
        return data

    monkeypatch.setitem(MIGRATIONS, 1, v1_to_v2)
    data = storage.migrate({"schema": 1, "genre": "dangxing-fenxi", "sections": {}})
    assert data["schema"] == 2 and data["migrated"] is True


def test_unknown_keys_survive_a_round_trip(tmp_path):
    d = draft_from_dict(
        {"schema": 1, "genre": "dangxing-fenxi", "sections": {}, "tool_note": {"x": 1}}
    )
    save(d, tmp_path / "d.json")
    assert json.loads((tmp_path / "d.json").read_text(encoding="utf-8"))["tool_note"] == {"x": 1}


def test_second_tab_conflict_keeps_both(tmp_path, genre):
    path = tmp_path / "d.json"
    tab1 = new_draft(genre)
    save(tab1, path)
    seen = tab1.updated
    tab2 = load(path)
    tab2.sections["title"] = "标签页二"
    tab2.updated = "2099-01-01T00:00:00+08:00"  # someone else's stamp
    save(tab2, path, touch=False)
    tab1.sections["title"] = "标签页一"
    with pytest.raises(SaveConflictError) as err:
        save(tab1, path, expect_updated=seen)
    assert load(path).sections["title"] == "标签页二"
    other = Path(err.value.conflict_path)
    assert load(other).sections["title"] == "标签页一"
    assert "冲突副本" in other.name and "两份都已保留" in str(err.value)


def test_odd_unicode_is_kept(tmp_path, genre):
    d = new_draft(genre)
    weird = "emoji🙂 零宽\u200b 控制\x01\x1f 换行\r\n 代理?" + "长" * 200_000
    d.sections["basic"] = [weird]
    save(d, tmp_path / "d.json")
    assert load(tmp_path / "d.json").sections["basic"] == [weird]


def test_draft_is_plain_data():
    assert Draft.model_config.get("extra") == "allow"


def test_lone_surrogate_never_breaks_saving(tmp_path, genre):
    d = new_draft(genre)
    d.sections["title"] = "标题\ud800尾"
    save(d, tmp_path / "d.json")
    assert load(tmp_path / "d.json").sections["title"] == "标题\ud800尾"
