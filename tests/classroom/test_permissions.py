"""Drafts in a shared class folder keep group permissions (storage's atomic writes)."""

from __future__ import annotations

import os
import stat

from partybook.classroom.feedback import add_comment
from partybook.draft import new_draft
from partybook.genre import load_genre
from partybook.storage import save


def _mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_new_drafts_follow_the_umask_and_replacements_keep_the_mode(tmp_path):
    old = os.umask(0o007)  # a class server: owner and group read/write, others nothing
    try:
        path = tmp_path / "草稿.json"
        save(new_draft(load_genre(), author="邹晨阳"), path)
        assert _mode(path) == 0o660
        os.chmod(path, 0o640)
        add_comment(path, "basic", "请补充工作经历。")  # the instructor writes feedback
        assert _mode(path) == 0o640
    finally:
        os.umask(old)
