"""A section's example on demand (看范例): one of the genre's worked examples, chosen in a
drop-down, or one of the shared examples published by the classroom tools (anonymised,
read-only). The drop-down shows when there is more than one to choose from."""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from ..assembly import signature_blocks
from ..genre import SectionKind, SectionSpec, WorkedExample
from .common import button, esc, html_box
from .messages import Messages
from .session import Session
from .shared_examples import SharedExample

EXAMPLE_LIMIT = 20_000  # characters of a shared example's section shown (bounded page)
NO_EXAMPLE = ""  # the drop-down's value when the genre has no worked example
# drop-down values: a worked example's id (str), or a shared example's index (int, 0…)
Choice = str | int


def example_html(
    spec: SectionSpec, ex: Any, lead: Any = None, example: WorkedExample | None = None
) -> str:
    """One section of a worked example (``Genre.example_section``) as HTML, its lead-in
    paragraphs (``<id>_lead``) first, under the example's name and description."""
    parts: list[str] = []
    if example is not None:
        about = f"——{esc(example.description)}" if example.description else ""
        parts.append(f'<p class="pb-example-source-title"><b>{esc(example.name)}</b>{about}</p>')
    if ex is None:
        parts.append("<p>本节没有范例。</p>")

    def add_items(items: list[Any]) -> None:
        for it in items:
            if isinstance(it, dict):
                head, body = it.get("heading", ""), it.get("body", "")
                parts.append(f"<p><b>{esc(head)}</b>{esc(body)}</p>")
                for pt in it.get("items") or []:
                    if isinstance(pt, dict):
                        parts.append(
                            f'<p class="pb-example-point"><b>{esc(pt.get("heading", ""))}</b>'
                            f"{esc(pt.get('body', ''))}</p>"
                        )
            else:
                parts.append(f"<p>{esc(str(it))}</p>")

    if isinstance(lead, list):
        parts.extend(f'<p class="pb-example-lead">{esc(str(p))}</p>' for p in lead)
    if isinstance(ex, str):
        parts.append(f"<p>{esc(ex)}</p>")
    elif isinstance(ex, list):
        add_items(ex)
    return (
        '<div class="pb-example">'
        + "".join(parts)
        + '<p class="pb-example-note">范例仅供参考，请写自己的经历，不要照抄。</p></div>'
    )


def shared_example_html(example: SharedExample, spec: SectionSpec) -> str:
    """One section of a published example, escaped, marked as shared and anonymised."""
    draft = example.draft
    parts: list[str] = []
    if spec.kind is SectionKind.SIGNOFF:
        m = draft.meta
        lines = [m.author, m.unit, m.position, m.class_name, m.date]
        parts.extend(f"<p>{esc(x)}</p>" for x in lines if x.strip())
    elif spec.kind in (SectionKind.ITEMS, SectionKind.GROUPED_ITEMS):
        if spec.lead_key:
            parts.extend(
                f'<p class="pb-example-lead">{esc(x)}</p>' for x in draft.paragraphs(spec.lead_key)
            )
        for it in draft.items(spec.id):
            parts.append(f"<p><b>{esc(it.heading)}</b>{esc(it.body)}</p>")
            parts.extend(
                f'<p class="pb-example-point"><b>{esc(pt.heading)}</b>{esc(pt.body)}</p>'
                for pt in it.items or []
            )
    elif spec.kind is SectionKind.LINE:
        text = draft.text_of(spec.id)
        if text.strip():
            parts.append(f"<p>{esc(text)}</p>")
    else:
        parts.extend(f"<p>{esc(x)}</p>" for x in draft.paragraphs(spec.id))
    shown: list[str] = []
    size = 0
    for part in parts:
        if size > EXAMPLE_LIMIT:
            shown.append(f"<p>……（本节较长，只显示前 {EXAMPLE_LIMIT} 字左右）</p>")
            break
        shown.append(part)
        size += len(part)
    body = "".join(shown) or "<p>这篇共享范文的本节没有内容。</p>"
    return (
        '<div class="pb-example pb-example-shared">'
        f'<p class="pb-example-source-title"><b>共享范文（已匿名化）</b>：{esc(example.title)}</p>'
        + body
        + '<p class="pb-example-note">共享范文由往期学员撰写，发布前已匿名化处理（姓名、单位、地名等已替换）。'
        "仅供参考，请写自己的经历，不要照抄。</p></div>"
    )


class ExampleViewer:
    """看范例 / 收起范例, the drop-down of examples, and the example shown."""

    def __init__(self, session: Session, spec: SectionSpec, msgs: Messages) -> None:
        self.session = session
        self.spec = spec
        self.box = html_box("", "pb-example-box")
        self.button = button("看范例", f"pb-example-toggle pb-example-{spec.id}", icon="eye")
        self.button.on_click(msgs.guard(self._toggle, "显示范例"))
        self.source = w.Dropdown(options=[("本文体范例", NO_EXAMPLE)], description="范文：")
        self.source.style.description_width = "3em"
        self.source.layout.width = "auto"
        self.source.layout.display = "none"
        self.source.add_class("pb-example-source")
        self.source.add_class(f"pb-example-source-{spec.id}")
        self.source.observe(msgs.guard(self._on_source, "切换范文"), "value")
        self._setting = False
        self._options: list[tuple[str, Choice]] = []
        bar = w.HBox([self.button, self.source])
        bar.add_class("pb-example-bar")
        self.root = w.VBox([bar, self.box])

    def options(self) -> list[tuple[str, Choice]]:
        """The genre's worked examples by name, then the shared examples."""
        genre = self.session.genre
        own: list[tuple[str, Choice]] = [
            (f"范例：{ex.name}", ex.id) for ex in (genre.examples if genre else [])
        ]
        shared: list[tuple[str, Choice]] = [
            (ex.label(n), n - 1) for n, ex in enumerate(self.session.examples, 1)
        ]
        return (own or [("本文体范例", NO_EXAMPLE)]) + shared

    def refresh(self) -> None:
        """Offer the open draft's examples (after opening and after the shared ones load)."""
        options = self.options()
        if options != self._options:  # another list: back to the first example
            self._options = options
            self._setting = True
            try:
                self.source.options = options
                self.source.value = options[0][1]
            finally:
                self._setting = False
        if self.box.value:  # shown: show the freshly loaded text
            self.show()
        self.source.layout.display = "" if len(options) > 1 else "none"

    def show(self) -> None:
        chosen = self.source.value
        shared = self.session.examples
        if isinstance(chosen, int) and 0 <= chosen < len(shared):
            self.box.value = shared_example_html(shared[chosen], self.spec)
        else:
            self.box.value = self._worked_example_html(str(chosen or ""))
        self.button.description = "收起范例"

    def _worked_example_html(self, example_id: str) -> str:
        genre = self.session.genre
        if genre is None or not genre.examples:
            return example_html(self.spec, None)
        known = example_id in genre.example_ids
        chosen = genre.example(example_id if known else None)
        if self.spec.kind is SectionKind.SIGNOFF:  # the example's meta, as it is signed
            draft = genre.example_draft(chosen.id)
            lines = [b.text for b in signature_blocks(draft, genre, self.spec.id)]
            return example_html(self.spec, lines, None, chosen)
        lead_key = self.spec.lead_key
        return example_html(
            self.spec,
            genre.example_section(self.spec.id, chosen.id),
            genre.example_section(lead_key, chosen.id) if lead_key else None,
            chosen,
        )

    def _toggle(self, _: object) -> None:
        if self.box.value:
            self.box.value = ""
            self.button.description = "看范例"
        else:
            self.show()

    def _on_source(self, _: dict) -> None:
        if not self._setting:
            self.show()  # choosing an example shows it
