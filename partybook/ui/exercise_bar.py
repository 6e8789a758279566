"""Exercise mode's step bar: the instructor's steps in order, each with its prompt and
minutes; 上一步 / 下一步 move freely and open the step's section."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

import ipywidgets as w

from .common import button, esc, html_box
from .messages import Messages
from .session import Session

if TYPE_CHECKING:
    from ..classroom.exercise import Exercise
    from .section_panel import SectionPanel


class ExerciseBar:
    def __init__(
        self,
        session: Session,
        msgs: Messages,
        panels: Callable[[], Mapping[str, SectionPanel]],
        jump: Callable[[str], None],
    ) -> None:
        self.session = session
        self.msgs = msgs
        self._panels = panels
        self._jump = jump
        self.exercise: Exercise | None = None
        self.step = 0
        self.box = html_box("", "pb-exercise")
        self.prev = button("上一步", "pb-step-prev", icon="arrow-left")
        self.next = button("下一步", "pb-step-next", "info", icon="arrow-right")
        self.prev.on_click(msgs.guard(lambda _: self.goto(self.step - 1), "上一步"))
        self.next.on_click(msgs.guard(lambda _: self.goto(self.step + 1), "下一步"))
        self.root = w.VBox([self.box, w.HBox([self.prev, self.next])])
        self.root.add_class("pb-exercise-bar")
        self.root.layout.display = "none"

    def load(self, path: str | os.PathLike[str]) -> Exercise:
        """Read the exercise; its phrase rules join the session's checks."""
        from ..classroom.exercise import load_exercise

        self.exercise = ex = load_exercise(path)
        rules = ex.rules_path()
        if rules is not None:
            from ..checks import load_phrase_rules

            self.session.checks.extra_rules = list(load_phrase_rules(rules))
        self.msgs.show(f"练习模式：{ex.title}（共 {len(ex.steps)} 步）", "info")
        return ex

    def opened(self) -> None:
        """A draft was opened: show the bar at step 1 if the exercise is of its genre."""
        ex, genre = self.exercise, self.session.genre
        active = ex is not None and genre is not None and ex.genre == genre.id
        self.root.layout.display = "" if active else "none"
        if active:
            self.goto(0)

    def goto(self, index: int) -> None:
        ex, genre = self.exercise, self.session.genre
        if ex is None or genre is None:
            return
        index = max(0, min(index, len(ex.steps) - 1))
        self.step = index
        step = ex.steps[index]
        total = (
            f"共 {len(ex.steps)} 步，建议用时 {ex.total_minutes} 分钟" if ex.total_minutes else ""
        )
        self.box.value = (
            f'<div class="pb-ex-title">{esc(ex.title)} <span class="pb-hint">{esc(total)}</span></div>'
            f'<div class="pb-ex-step">{esc(ex.step_label(index, genre))}</div>'
            f'<div class="pb-ex-prompt">{esc(step.prompt)}</div>'
        )
        self.prev.disabled = index == 0
        self.next.disabled = index >= len(ex.steps) - 1
        for sid, panel in self._panels().items():
            s = ex.step_for(sid)
            panel.set_step(f"练习提示：{s.prompt}" if s is not None and sid == step.section else "")
        self._jump(step.section)
