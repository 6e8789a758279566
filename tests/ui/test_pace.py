"""The live checks' pacing: at once after a pause, every ``delay`` while typing goes on,
and once after the last keystroke (``partybook.ui.scheduler.Pace``)."""

from __future__ import annotations

from partybook.ui.scheduler import ManualScheduler, Pace


def _paced(clock: ManualScheduler, delay: float = 0.3) -> tuple[Pace, list[float]]:
    runs: list[float] = []
    return Pace(delay, lambda: runs.append(clock.now), clock), runs


def test_a_keystroke_after_a_pause_is_checked_at_once_not_inline(clock) -> None:
    pace, runs = _paced(clock)
    pace.trigger()
    assert runs == [] and pace.pending  # the widget's handler finishes first
    clock.advance(0)
    assert runs == [0.0]
    clock.advance(5)
    assert runs == [0.0]  # nothing typed since: no second run
    pace.trigger()
    clock.advance(0)
    assert runs == [0.0, 5.0]


def test_continuous_typing_is_checked_every_delay_and_after_the_last_keystroke(clock) -> None:
    pace, runs = _paced(clock)
    for _ in range(10):  # a keystroke every 0.07 s: the last at t = 0.63
        pace.trigger()
        clock.advance(0.07)
    clock.advance(1)
    assert runs[0] == 0.0
    gaps = [b - a for a, b in zip(runs, runs[1:], strict=False)]
    assert all(abs(g - 0.3) < 1e-9 for g in gaps), runs
    assert runs[-1] > 0.63  # a run after the last keystroke: its text was checked
    assert len(runs) == 4  # 0, 0.3, 0.6, 0.9: not one per keystroke


def test_triggers_while_a_run_is_scheduled_make_one_run(clock) -> None:
    pace, runs = _paced(clock)
    pace.trigger()
    pace.trigger()
    pace.trigger()
    clock.advance(1)
    assert runs == [0.0]


def test_cancel_drops_the_scheduled_and_the_trailing_run(clock) -> None:
    pace, runs = _paced(clock)
    pace.trigger()
    clock.advance(0)
    pace.trigger()  # during the interval: a trailing run is due at 0.3
    pace.cancel()
    clock.advance(1)
    assert runs == [0.0] and not pace.pending
    pace.trigger()
    clock.advance(0)
    assert runs == [0.0, 1.0]
