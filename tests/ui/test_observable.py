"""The one observer shared by the workbook's session and the class model."""

from __future__ import annotations

import pytest

from partybook.ui.events import ContentChanged, Edited, Replaced, SessionEvent
from partybook.ui.observable import Observable


def test_listeners_get_their_class_and_its_subclasses_in_order() -> None:
    events: Observable[SessionEvent] = Observable()
    seen: list[str] = []
    events.observe(ContentChanged, lambda e: seen.append(f"changed {e.sections}"))
    events.observe(Edited, lambda e: seen.append(f"edited {e.sections}"))
    events.notify(Replaced(("title", "basic"), "undo"))
    events.notify(Edited(("basic",)))
    assert seen == [
        "changed ('title', 'basic')",
        "changed ('basic',)",
        "edited ('basic',)",
    ]


def test_a_broken_listener_goes_to_on_error_and_the_others_still_run() -> None:
    events: Observable[SessionEvent] = Observable()
    seen: list[SessionEvent] = []

    def broken(_: SessionEvent) -> None:
        raise RuntimeError("view bug")

    events.observe(SessionEvent, broken)
    events.observe(SessionEvent, seen.append)
    with pytest.raises(RuntimeError):  # no handler: the caller sees it
        events.notify(Edited(("basic",)))
    errors: list[BaseException] = []
    events.on_error = errors.append
    events.notify(Edited(("basic",)))
    assert [str(e) for e in errors] == ["view bug"] and seen == [Edited(("basic",))]


def test_the_class_model_publishes_on_the_same_observable(tmp_path) -> None:
    from partybook.classroom.model import ClassModel, Refreshed

    model = ClassModel(tmp_path, exercise="")
    assert isinstance(model.events, Observable)
    seen: list[Refreshed] = []
    model.events.observe(Refreshed, seen.append)
    model.refresh()
    assert seen == [Refreshed()]
