"""Timers for throttling and pacing, without threads: callbacks run on the kernel's event loop.

ipywidgets callbacks run on the kernel's main thread inside its asyncio loop, so a timer
scheduled with ``loop.call_later`` fires on that same thread, between two messages, and
may touch widgets safely. Outside a running loop (a plain script) the work runs at once.
Tests use :class:`ManualScheduler` and advance time by hand.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any, Protocol


class Scheduler(Protocol):
    def call_later(self, delay: float, fn: Callable[[], None]) -> Any: ...

    def cancel(self, handle: Any) -> None: ...


class LoopScheduler:
    """``asyncio`` timers on the running loop; immediate execution when there is none."""

    def call_later(self, delay: float, fn: Callable[[], None]) -> Any:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            fn()
            return None
        return loop.call_later(delay, fn)

    def cancel(self, handle: Any) -> None:
        if handle is not None:
            handle.cancel()


class ManualScheduler:
    """A clock the test moves: ``advance(seconds)`` runs what falls due, in order."""

    def __init__(self) -> None:
        self.now = 0.0
        self._queue: list[tuple[float, int, Callable[[], None]]] = []
        self._seq = 0
        self._cancelled: set[int] = set()

    def call_later(self, delay: float, fn: Callable[[], None]) -> Any:
        self._seq += 1
        self._queue.append((self.now + delay, self._seq, fn))
        return self._seq

    def cancel(self, handle: Any) -> None:
        self._cancelled.add(handle)

    @property
    def pending(self) -> int:
        return sum(1 for _, seq, _ in self._queue if seq not in self._cancelled)

    def advance(self, seconds: float) -> None:
        target = self.now + seconds
        while True:
            due = sorted(e for e in self._queue if e[0] <= target)
            if not due:
                break
            when, seq, fn = due[0]
            self._queue.remove(due[0])
            self.now = max(self.now, when)
            if seq in self._cancelled:
                continue
            fn()
        self.now = target


class Throttle:
    """Run ``fn`` at most ``delay`` seconds after the first of a burst of triggers.

    Unlike a pure debounce, continuous typing still saves every ``delay`` seconds, so a
    crash loses at most that much.
    """

    def __init__(self, delay: float, fn: Callable[[], None], scheduler: Scheduler) -> None:
        self.delay = delay
        self.fn = fn
        self.scheduler = scheduler
        self._handle: Any = None
        self._pending = False

    def trigger(self) -> None:
        if self._pending:
            return
        self._pending = True
        self._handle = self.scheduler.call_later(self.delay, self._fire)

    def _fire(self) -> None:
        self._pending = False
        self._handle = None
        self.fn()

    def cancel(self) -> None:
        if self._pending:
            self.scheduler.cancel(self._handle)
        self._pending = False
        self._handle = None

    @property
    def pending(self) -> bool:
        return self._pending


class Pace(Throttle):
    """Run ``fn`` at once on the first trigger after a quiet spell, then at most once every
    ``delay`` seconds while triggers keep coming, and once more after the last of them.

    The live checks use it: a pause-then-keystroke gets its findings without waiting for
    a timer, continuous typing is checked every ``delay`` seconds, and the last text
    typed is always checked.
    """

    def __init__(self, delay: float, fn: Callable[[], None], scheduler: Scheduler) -> None:
        super().__init__(delay, fn, scheduler)
        self._rest: Any = None  # the timer ending the interval after a run
        self._again = False  # triggered during that interval

    def trigger(self) -> None:
        if self._pending:
            return  # the run already scheduled reads the latest text
        if self._rest is not None:
            self._again = True
            return
        self._pending = True
        # not inline: the caller (a widget's change handler) finishes first
        self._handle = self.scheduler.call_later(0, self._fire)

    def _fire(self) -> None:
        self._pending = False
        self._handle = None
        self._again = False
        self._rest = self.scheduler.call_later(self.delay, self._rested)
        self.fn()

    def _rested(self) -> None:
        self._rest = None
        if self._again:
            self._fire()

    def cancel(self) -> None:
        super().cancel()
        if self._rest is not None:
            self.scheduler.cancel(self._rest)
        self._rest = None
        self._again = False

    @property
    def pending(self) -> bool:
        return self._pending or self._again
