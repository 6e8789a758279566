"""Live checks and preview of the open draft, and the progress figures derived from them.

The checks and the preview run at once after a change that follows a pause, then at most
every ``check_delay`` seconds while typing goes on, and once after the last change
(:class:`~partybook.ui.scheduler.Pace`), on a copy whose over-long sections are cut to a bound, so a 1 MB paste keeps the page
responsive; the draft itself keeps everything. Character counts are cached per section.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..draft import Draft, Item
from ..errors import PartybookError
from ..genre import Genre, SectionKind, SectionSpec
from .events import FindingsReady, Message, SessionEvent
from .observable import Observable
from .scheduler import Pace, Scheduler

CHECK_DELAY = 0.3  # seconds: the shortest interval between two runs while typing
CHECK_LIMIT = 20_000  # characters per section given to the checks (bounded time)
PREVIEW_LIMIT = 20_000  # characters per section shown in the live preview

OpenDraft = Callable[[], "tuple[Draft, Genre] | None"]


@dataclass
class Progress:
    done: int
    total: int
    errors: int
    warnings: int
    hints: int
    done_ids: list[str] = field(default_factory=list)


def bounded(draft: Draft, genre: Genre, limit: int) -> tuple[Draft, list[str]]:
    """The draft, or a copy whose over-long sections are cut to ``limit`` characters, and
    the ids of the sections cut."""
    keys = [k for s in genre.content_sections() for k in (s.lead_key, s.id) if k]
    cut = [k for k in keys if len(draft.text_of(k)) > limit]
    if not cut:
        return draft, cut
    copy = draft.model_copy(deep=True)
    for sid in cut:
        content = copy.sections[sid]
        if isinstance(content, str):
            copy.sections[sid] = content[:limit]
            continue
        budget = limit
        kept: list[Any] = []
        for entry in content:
            if budget <= 0:
                break
            if isinstance(entry, Item):
                entry.heading = entry.heading[:budget]
                entry.body = entry.body[: max(0, budget - len(entry.heading))]
                budget -= len(entry.heading) + len(entry.body)
            else:
                entry = entry[:budget]
                budget -= len(entry)
            kept.append(entry)
        copy.sections[sid] = kept
    return copy, cut


class LiveChecks:
    """Findings, preview and figures of whatever draft ``open_draft()`` returns."""

    def __init__(
        self,
        open_draft: OpenDraft,
        events: Observable[SessionEvent],
        scheduler: Scheduler,
        delay: float = CHECK_DELAY,
    ) -> None:
        self._open_draft = open_draft
        self._events = events
        self._pace = Pace(delay, self._refresh_safe, scheduler)
        self.findings: list[Any] = []
        self.preview = ""
        self.notice = ""  # why not everything was checked (Chinese)
        self.extra_rules: list[Any] = []  # an exercise's phrase rules
        # findings made outside the rule registry (PB650 carry-over), on the checked copy
        self.more_findings: list[Callable[[Draft], list[Any]]] = []
        self._chars: dict[str, int] = {}

    def _require(self) -> tuple[Draft, Genre]:
        opened = self._open_draft()
        if opened is None:
            raise PartybookError("还没有打开草稿：请先新建、打开或导入一份草稿。")
        return opened

    # --- scheduling -------------------------------------------------------------------
    def changed(self, sections: tuple[str, ...] | None = None) -> None:
        """Content changed (``None``: all of it): recount, and check again after a pause."""
        if sections is None:
            self._chars.clear()
        else:
            for sid in (*sections, "signoff"):  # the sign-off counts author and unit
                self._chars.pop(sid, None)
        self._pace.trigger()

    def _refresh_safe(self) -> None:
        try:
            self.refresh()
        except Exception as err:
            self._events.notify(
                Message(
                    f"自动检查出错：{type(err).__name__}：{err}。您的内容不受影响，已照常保存。",
                    "error",
                )
            )

    def refresh(self, emit: bool = True) -> None:
        """Run the checks and render the preview now (the paced path calls this)."""
        opened = self._open_draft()
        if opened is None:
            return
        draft, genre = opened
        checked, cut = bounded(draft, genre, CHECK_LIMIT)
        try:
            from ..checks import check
        except ImportError:
            self.findings = []
            self.notice = "检查模块尚未安装，暂时无法自动检查。"
        else:
            self.findings = list(check(checked, genre, extra_rules=self.extra_rules or None))
            for more in self.more_findings:
                self.findings += more(checked)
            names = "、".join(section_name(genre, k) for k in dict.fromkeys(cut))
            self.notice = (
                f"“{names}”超过 {CHECK_LIMIT} 字，只检查了前 {CHECK_LIMIT} 字。" if cut else ""
            )
        self.preview = render_preview(draft, genre)
        if emit:
            self._events.notify(FindingsReady())

    def findings_for(self, section_id: str) -> list[Any]:
        """The findings of a section (or of a lead-in, by its key ``<id>_lead``)."""
        return [f for f in self.findings if getattr(f, "section", None) == section_id]

    def section_findings(self, spec: SectionSpec) -> list[Any]:
        """The findings of a section and of its lead-in paragraphs, in document order."""
        keys = {spec.id, spec.lead_key}
        return [f for f in self.findings if getattr(f, "section", None) in keys]

    # --- figures ----------------------------------------------------------------------
    def chars(self, section_id: str) -> int:
        """Characters as counted for the section's range (whitespace excluded; cached)."""
        draft, genre = self._require()
        cached = self._chars.get(section_id)
        if cached is not None:
            return cached
        if genre.section(section_id).kind is SectionKind.SIGNOFF:
            text = draft.meta.author + draft.meta.unit
        else:
            text = draft.text_of(section_id)
            lead = genre.section(section_id).lead_key
            if lead:  # the lead-in counts with its section, as it is printed with it
                text = f"{draft.text_of(lead)}\n{text}"
        # str.split() splits on exactly the characters str.isspace() accepts: same figure as
        # text.count_chars, at C speed (a 1 MB section is counted in milliseconds)
        n = len("".join(text.split()))
        self._chars[section_id] = n
        return n

    def is_done(self, section_id: str) -> bool:
        draft, genre = self._require()
        spec = genre.section(section_id)
        if spec.kind is SectionKind.SIGNOFF:
            return bool(draft.meta.author.strip() and draft.meta.date.strip())
        n = self.chars(section_id)
        if n == 0:
            return False
        if spec.kind in (SectionKind.ITEMS, SectionKind.GROUPED_ITEMS) and not any(
            not it.is_empty() for it in draft.items(section_id)
        ):
            return False
        return n >= spec.length.min

    def progress(self) -> Progress:
        _, genre = self._require()
        done = [s.id for s in genre.sections if self.is_done(s.id)]
        sev = [getattr(f, "severity", "") for f in self.findings]
        return Progress(
            len(done),
            len(genre.sections),
            sev.count("error"),
            sev.count("warning"),
            sev.count("hint"),
            done,
        )


def section_name(genre: Genre, key: str) -> str:
    """The name a user knows a draft key by (a lead-in key: its section's, + 引导语)."""
    for spec in genre.sections:
        if key == spec.id:
            return genre.section_label(spec)
        if key == spec.lead_key:
            return f"{genre.section_label(spec)}的引导语"
    return key


def render_preview(draft: Draft, genre: Genre) -> str:
    """The live preview's HTML: the HTML exporter's fragment of the bounded draft."""
    shown, cut = bounded(draft, genre, PREVIEW_LIMIT)
    try:
        from ..exporters.html import render_html_fragment
    except ImportError:
        import html

        from ..assembly import assemble

        lines = assemble(shown, genre).split("\n")
        body = "".join(f"<p>{html.escape(line)}</p>" for line in lines)
    else:
        body = render_html_fragment(shown, genre)
    if cut:
        body += f'<p class="pb-preview-cut">（内容过长，预览只显示每节前 {PREVIEW_LIMIT} 字）</p>'
    return body
