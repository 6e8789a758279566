"""Bad input: a clear Chinese message, exit code 2, no traceback, nothing written."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from partybook.cli import main
from partybook.errors import InputError
from partybook.importer import import_bytes, import_file

BAD = {
    "empty.txt": "空的",
    "blank.md": "空的",
    "binary.txt": "不是文本文件",
    "big.txt": "超过导入上限",
    "not_a_zip.docx": "另存为",
    "no_document.docx": "没有 Word 正文",
    "bomb.docx": "拒绝导入",
    "encrypted.docx": "密码",
}
_CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.mark.parametrize("name", sorted(BAD))
def test_cli_refuses_bad_input(name, built, tmp_path, capsys):
    out = tmp_path / "out.json"
    code = main(["import", str(built[name]), "-o", str(out)])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("错误：") and BAD[name] in err and name in err
    assert "Traceback" not in err
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", sorted(BAD))
def test_api_raises_input_error_for_bytes(name, built):
    data = built[name].read_bytes()
    with pytest.raises(InputError) as info:
        import_bytes(data, name)
    assert _CJK.search(str(info.value))


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(InputError, match="找不到文件"):
        import_file(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="文件夹|不是文件"):
        import_file(tmp_path)


def test_unsupported_suffix():
    with pytest.raises(InputError, match="支持的格式"):
        import_bytes("一些文字".encode(), "a.xlsx")


def test_whole_process_exit_code_and_no_traceback(built, tmp_path):
    out = tmp_path / "x.json"
    proc = subprocess.run(
        [sys.executable, "-m", "partybook", "import", str(built["bomb.docx"]), "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and "拒绝导入" in proc.stderr
    assert not out.exists()
