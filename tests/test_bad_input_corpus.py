"""One bad-input corpus through every CLI entry point.

Whatever the file, each command answers with exit 2, a Chinese message on stderr that
starts with 错误：, no traceback, and writes nothing.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from partybook.cli import COMMANDS, build_parser, main


def _zip_bomb() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"\0" * (300 * 1024 * 1024))
    return buf.getvalue()


CORPUS: dict[str, bytes | None] = {
    "missing.json": None,
    "empty.json": b"",
    "truncated.json": '{"schema": 1, "genre": "dangxing-fenxi", "sections": {"title": "半'.encode(),
    "binary.json": bytes(range(256)) * 8,
    "newer.json": b'{"schema": 99, "genre": "dangxing-fenxi", "sections": {}}',
    "not-a-draft.json": b'{"hello": "world"}',
    "empty.txt": b"",
    "binary.txt": b"\x00\x01\x02\xff\xfe" * 400,
    "not-a-zip.docx": "这不是 Word 文件".encode(),
    "bomb.docx": _zip_bomb(),
    "old.doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 2048,
    "picture.png": b"\x89PNG\r\n\x1a\n" + b"\0" * 64,
}

READERS = {
    "check": [],
    "fix": ["-o", "{out}.json"],
    "import": ["-o", "{out}.json"],
    "export": ["--to", "docx", "-o", "{out}.docx"],
    "anonymize": ["-o", "{out}.json"],
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for name, content in CORPUS.items():
        if content is not None:
            (folder / name).write_bytes(content)
    return folder


@pytest.mark.parametrize("command", sorted(READERS))
@pytest.mark.parametrize("name", sorted(CORPUS))
def test_every_reader_refuses_bad_input_cleanly(corpus, tmp_path, capsys, command, name):
    out = tmp_path / "out"
    args = [a.format(out=out) for a in READERS[command]]
    code = main([command, str(corpus / name), *args])
    err = capsys.readouterr().err
    assert code == 2, (command, name, err)
    assert err.startswith("错误："), err
    assert "Traceback" not in err
    assert not any(tmp_path.iterdir()), "nothing may be written for bad input"


@pytest.mark.parametrize("command", ["class-report", "class-export"])
def test_class_commands_refuse_a_missing_folder(tmp_path, capsys, command):
    args = [] if command == "class-report" else ["-o", str(tmp_path / "c.zip")]
    code = main([command, str(tmp_path / "no-such-folder"), *args])
    err = capsys.readouterr().err
    assert code == 2 and "错误：" in err and "Traceback" not in err
    assert not (tmp_path / "c.zip").exists()


def test_help_of_every_command_is_chinese(capsys):
    parser = build_parser()
    texts = [parser.format_help()]
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    assert set(sub.choices) == set(COMMANDS)
    texts += [p.format_help() for p in sub.choices.values()]
    for text in texts:
        for english in ("usage:", "options:", "positional arguments", "show this help"):
            assert english not in text
        assert "用法：" in text and "显示本帮助并退出" in text
