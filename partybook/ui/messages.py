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

_LABEL = {"info": "提示", "warning": "注意", "error": "错误", "success": "完成"}
MAX_SHOWN = 6


class Messages:
    def __init__(self) -> None:
        self.output = w.Output()
        self.output.add_class("pb-messages")
        self.history: list[tuple[str, str]] = []  # (level, text), newest last
        self.clear_button = w.Button(description="清除消息", icon="times", tooltip="清除以上消息")
        self.clear_button.add_class("pb-clear-messages")
        self.clear_button.layout.display = "none"
        self.clear_button.on_click(lambda _: self.clear())
        self.root = w.VBox([self.output, self.clear_button])
        self.root.add_class("pb-message-area")

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
            f'<div class="pb-msg pb-msg-{level}"><span class="pb-msg-label">{_LABEL.get(level, "")}</span>'
            f"{html.escape(text)} {close}{extra}</div>"
        )
        outputs = list(self.output.outputs)[-(MAX_SHOWN - 1) :]
        self.output.outputs = tuple(outputs)
        self.output.append_display_data(block)
        self.clear_button.layout.display = ""

    def clear(self) -> None:
        self.output.outputs = ()
        self.clear_button.layout.display = "none"

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
