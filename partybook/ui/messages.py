"""The visible message area: every widget callback runs through :meth:`Messages.guard`, so an
exception is shown in Chinese (with the technical detail folded away), never swallowed."""

from __future__ import annotations

import functools
import html
import traceback
from collections.abc import Callable
from datetime import datetime
from typing import Any

import ipywidgets as w

from ..errors import PartybookError

_ICON = {"info": "ℹ️", "warning": "⚠️", "error": "❌", "success": "✅"}
MAX_SHOWN = 6


class Messages:
    def __init__(self) -> None:
        self.output = w.Output()
        self.output.add_class("pb-messages")
        self.history: list[tuple[str, str]] = []  # (level, text), newest last

    def show(self, text: str, level: str = "info", detail: str = "") -> None:
        from IPython.display import HTML

        self.history.append((level, text))
        stamp = datetime.now().strftime("%H:%M:%S")
        extra = (
            f"<details><summary>技术信息（报告问题时请附上）</summary><pre>{html.escape(detail)}</pre></details>"
            if detail
            else ""
        )
        close = '<span class="pb-msg-time">' + stamp + "</span>"
        block = HTML(
            f'<div class="pb-msg pb-msg-{level}">{_ICON.get(level, "")} '
            f"{html.escape(text)} {close}{extra}</div>"
        )
        outputs = list(self.output.outputs)[-(MAX_SHOWN - 1) :]
        self.output.outputs = tuple(outputs)
        self.output.append_display_data(block)

    def clear(self) -> None:
        self.output.outputs = ()

    def exception(self, err: BaseException, doing: str = "") -> None:
        prefix = f"{doing}时出错：" if doing else ""
        if isinstance(err, PartybookError):
            self.show(prefix + err.message, "error")
            return
        detail = "".join(traceback.format_exception(type(err), err, err.__traceback__))
        self.show(
            f"{prefix}程序出现意外错误（{type(err).__name__}：{err}）。您输入的内容已保留；"
            "可以继续编辑，如问题反复出现，请把下面的技术信息交给老师或管理员。",
            "error",
            detail,
        )

    def guard(self, fn: Callable[..., Any], doing: str = "") -> Callable[..., Any]:
        """Wrap a callback so any exception lands in the message area."""

        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            try:
                return fn(*args, **kwargs)
            except Exception as err:
                self.exception(err, doing)
                return None

        return wrapper
