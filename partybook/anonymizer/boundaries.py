"""Span boundaries: a replaced name never swallows the word after it.

The tagger sometimes glues a name to the particle, adverb or verb that follows it
(吕桂说/nr, 贺桂同/nr 大家, 丁志才/nr 明白) and a list item of fixed length can run into
the next word (林芳一起 → 林芳一). Replacing such a span would change the user's words
(某某起, 某某大家). A person's span therefore loses a last character that is one of the
``name_glue_chars`` of ``rules.yaml`` (characters that start the words written after a
name and rarely end a given name) or one of ``name_glue_if_followed`` before a character
that shows it is a verb (康芳来|电话), as long as a name of two characters is left; a
two-character name ending so is the character before and its first one (叫曾/林来了 → 曾林),
or no name. Trimming
can only leave a character of the name visible; it never changes the text around it."""

from __future__ import annotations

from collections.abc import Callable

from .detect import Candidate


def trim_glued(
    text: str,
    cands: list[Candidate],
    glue: set[str],
    person: str,
    glue_if: dict[str, str] | None = None,
    is_name: Callable[[str], bool] = lambda w: False,
) -> list[Candidate]:
    """``cands`` with every person span ending in a glued character shortened; a name the
    tagger cut across the glue (卢刚/nr 林才/nr 明白: 卢刚林 and 才) made one span."""
    follow = glue_if or {}

    def glued(end: int) -> bool:  # is the character before ``end`` the next word's?
        last = text[end - 1]
        return last in glue or (end < len(text) and text[end] in follow.get(last, ""))

    persons = [c for c in cands if c.detector != "meta" and c.placeholder == person]
    by_start = {c.start: c for c in persons}
    out = []
    absorbed: set[Candidate] = set()
    for c in cands:
        if c in absorbed:
            continue
        if c.detector != "meta" and c.placeholder == person:
            nxt = by_start.get(c.end)
            if nxt is not None and nxt.end - nxt.start == 2 and glued(nxt.end):
                absorbed.add(nxt)
                c = c._replace(end=nxt.start + 1)
            end = c.end
            while end - c.start > 2 and glued(end):
                end -= 1
            if end != c.end:
                c = c._replace(end=end)
            if end - c.start == 2 and glued(end) and c.detector == "nlp":
                # 叫曾/林来/nr 了: the name is the character before and the first one
                b = c.start - 1
                if b < 0 or not is_name(text[b : b + 2]):
                    continue
                c = c._replace(start=b, end=b + 2)
        out.append(c)
    return [c for c in out if c not in absorbed]
