"""One small typed observable for the widget-free models (the workbook's session, the class
model). Events are frozen dataclasses; a listener subscribes to an event class and receives
that event and its subclasses, so the type says what happened and mypy checks the fields.

This module never imports ipywidgets: the models publish, the widgets observe.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

Event = TypeVar("Event")
Kind = TypeVar("Kind")


class Observable(Generic[Event]):
    """``events.observe(Edited, fn)`` then ``events.notify(Edited("basic"))`` calls ``fn``."""

    def __init__(self) -> None:
        self._listeners: list[tuple[type[Any], Callable[[Any], None]]] = []
        # where a listener's exception goes; None: it propagates to the model's caller
        self.on_error: Callable[[BaseException], None] | None = None

    def observe(self, kind: type[Kind], listener: Callable[[Kind], None]) -> None:
        self._listeners.append((kind, listener))

    def notify(self, event: Event) -> None:
        for kind, listener in list(self._listeners):
            if not isinstance(event, kind):
                continue
            try:
                listener(event)
            except Exception as err:  # a broken view must not stop the model
                if self.on_error is None:
                    raise
                self.on_error(err)
