"""Whether a name of the division dataset, found in a text, is the division there.

A town's name may end in an ordinary word (姚村镇, 段家乡, 福宁集镇, 金山区: 村镇, 家乡,
集镇, 山区); the dataset knows it, so the ending does not make it ordinary. What does is
the text around it: the whole name an ordinary phrase (小城镇, 老城区: a modifier of
``rules.yaml`` ``ordinary_modifiers`` before the ordinary word), or a function word glued to
that word (有利于城镇化 holds 于城镇, 城市和村镇 holds 和村镇) unless a verb of going or
being there comes before it (到任村镇调研: 任村镇 in 林州), or a one-character stem that
is the end of another word (夏英/nr 下乡 holds 英下乡)."""

from __future__ import annotations

from .vocab import Vocabulary

# words of going to or being in a place: 到任村镇 is a visit to 任村镇
TOWARDS = "到在去赴往从至进驻住离返回"


def ordinary_tail(v: Vocabulary, name: str) -> int:
    """Where an ordinary word ending ``name`` starts (0 if the whole name is one, -1 if
    none does)."""
    return next((i for i in range(len(name) - 1) if name[i:] in v.generic_words), -1)


def accept_division(
    v: Vocabulary, text: str, b: int, e: int, next_char: str, starts: set[int], names: set[int]
) -> bool:
    """``starts``: where the tagger's words start (夏英/nr 下乡: 英下乡 starts inside a word);
    ``names``: where its person names end (董刚/nr 英/j 下乡: 英 ends the name 董刚英)."""
    name = text[b:e]
    suffix = "街道" if name.endswith("街道") else name[-1]
    if any(c in "XＸx×某" for c in name):
        return False  # a name already anonymised (X镇) is no division
    if next_char and next_char in v.not_followed_by.get(suffix, ""):
        return False
    tail = ordinary_tail(v, name)
    if tail == 0:
        return False
    if tail == 1:
        stem = name[0]
        if stem in v.ordinary_modifiers:
            return False  # 小城镇, 老城区, 新城区: an ordinary phrase first
        if stem in v.function_chars:
            before = text[b - 1 : b]
            return bool(before) and before in TOWARDS  # 到|任村镇, not 担任|村镇, 我以|古镇
        return b in starts and b not in names  # 姚/nr 村镇; not 夏英/nr 下乡 (英下乡)
    return True


def glued_stem(v: Vocabulary, c: str) -> bool:
    """A character before a two-character county (凤县, 岚县) that is no word of its own
    there (栖凤县, 清岚县: invented names ending in a real county): not a function word, a
    verb of going, another place's suffix or 是/为/任."""
    return (
        "\u4e00" <= c <= "\u9fff"
        and c not in v.function_chars
        and c not in TOWARDS
        and c not in "省市县区镇乡村是为任"
    )
