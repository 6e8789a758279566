"""The anonymiser's engine: the draft's own details (meta), public names, detectors,
overlaps and the reviewer's decisions → proposals for one text, and a draft walked text by
text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .boundaries import trim_glued
from .dates import personal_dates
from .detect import PLACE_SUFFIXES, Candidate, Detector, ph, place_key
from .divisions import Divisions, load_divisions
from .honours import Honours
from .identifiers import Identifiers
from .lists import Lists
from .model import Decisions, Proposal
from .names import NameForms
from .nlp import tokens
from .units import bureaus, named_units
from .vocab import Lexicon, Public, Vocabulary, load_vocabulary

UNIT_TAILS = ("人民政府", "办事处", "管委会", "委员会")
META_PLACE_RE = re.compile(r"[\u4e00-\u9fff]{2,6}?(?:街道|市|县|区|镇|乡|村)")
SUFFIX_CHARS = set("省市县区镇乡村州旗")
INNER_SUFFIX_RE = re.compile(r"^.*(?:街道|[市县区镇乡])(?=[\u4e00-\u9fff]{2})")
CHAINED_PLACE_RE = re.compile(r"(?<=[市州盟])([\u4e00-\u9fff]{2,4}?[区县旗])(?![域别分块划])")
SENTENCE_END = re.compile(r"[。！？；\n]")
GIVEN_NAME = "作者本人的名字"


@dataclass(frozen=True, slots=True)
class Fixed:
    text: str
    placeholder: str
    reason: str


class DraftContext:
    """Everything about one draft that every text of it shares: its own names and places
    (from meta, with short forms), the reviewer's decisions and the public names."""

    def __init__(
        self, meta: dict[str, str], decisions: Decisions, vocab: Vocabulary, divisions: Divisions
    ) -> None:
        self.v = vocab
        self.d = divisions
        self.decisions = decisions
        self.detector = Detector(vocab, divisions)
        self.name_forms = NameForms(self.detector)
        self.lists = Lists(self.detector)
        self.identifiers = Identifiers(self.detector)
        self.honours = Honours(vocab)
        self.fixed: dict[str, Fixed] = {}
        self.meta_places: set[str] = set()
        self._meta(meta)
        for text in decisions.replace:
            key = place_key(text)
            self._fix(text, ph(vocab, key) if key else ph(vocab, "person"), "审阅时指定替换")
        self.own_sites = {
            p.name
            for p in vocab.public.values()
            if p.kind == "site" and self.meta_places & set(_with_stems(p.location))
        }
        ordered = sorted(self.fixed, key=len, reverse=True)
        self.fixed_lexicon = Lexicon(ordered)

    def _fix(self, text: str, placeholder: str, reason: str) -> None:
        text = text.strip()
        if len(text) >= 2 and text not in self.fixed and text not in self.decisions.keep:
            self.fixed[text] = Fixed(text, placeholder, reason)

    def _meta(self, meta: dict[str, str]) -> None:
        v = self.v
        author = meta.get("author", "").strip()
        if author:
            self._fix(author, ph(v, "person"), "作者本人的姓名")
            surname = author[:2] if author[:2] in v.surnames and len(author) >= 4 else author[:1]
            given = author[len(surname) :]
            if len(given) >= 2:
                self._fix(given, ph(v, "person"), GIVEN_NAME)
        places: list[str] = []
        for field in ("unit", "position", "class_name", "county", "school", "place", "hometown"):
            value = str(meta.get(field, "") or "").strip()
            if not value:
                continue
            places.extend(self._places_in(value))
            if field == "unit":
                self._fix(value, ph(v, "unit"), "作者所在单位")
                short = value.removeprefix("中共")
                for tail in UNIT_TAILS:
                    short = short.removesuffix(tail)
                self._fix(short, ph(v, "unit"), "作者所在单位（简称）")
                self._institution(value)
            elif field == "school":
                self._fix(value, ph(v, "school"), "作者的学校")
            elif field == "position" and META_PLACE_RE.search(value):
                # 河西区农业农村局副局长 identifies; 综合科科长 alone does not
                self._fix(value, v.ph.get("position", "某职务"), "作者的具体职务")
        for place in places:
            key = place_key(place) or "place"
            self.meta_places.add(place)
            self._fix(place, ph(v, key), "作者所在地")
            suffix = next((x for x in PLACE_SUFFIXES if place.endswith(x)), place[-1:])
            stem = place.removesuffix(suffix)
            if len(stem) >= 2 and stem not in self.v.generic_words:
                self.meta_places.add(stem)
                self._fix(stem, ph(v, key), "作者所在地（简称）")

    def _institution(self, unit: str) -> None:
        """井冈山大学马克思主义学院 → 井冈山大学: the institution the author's unit belongs
        to, named on its own in the text (我在井冈山大学任教), is the author's too."""
        pattern = self.detector.unit_re
        for m in pattern.finditer(unit) if pattern is not None else ():
            name = unit[: m.end()]
            if m.start() >= 2 and m.end() < len(unit) and name not in self.v.public:
                self._fix(name, self.v.units[m.group(0)], "作者所在单位（所属机构）")
                return

    def _places_in(self, value: str) -> list[str]:
        """The places named in a meta field (国家税务总局苇塘市澜湾区税务局 → 苇塘市, 澜湾区):
        found as in the text, plus a district or county named right after its city (its
        name may end like an ordinary word: 澜湾区, not a 湾区)."""
        found = [
            value[c.start : c.end]
            for c in self.detector.places(value, tokens(value))
            if c.detector in ("place", "division")
        ]
        found += [m.group(1) for m in CHAINED_PLACE_RE.finditer(value)]
        # 竹岗镇榆林坪村党支部: a place right after another one, even before 党/委
        found += [
            m.group(0)
            for m in META_PLACE_RE.finditer(value)
            if m.start() > 0
            and value[m.start() - 1] in SUFFIX_CHARS
            and self.detector.is_place(m.group(0), "")
        ]
        # 澄溪区东湖街道 → 东湖街道: one place each (the other is found on its own)
        found = [INNER_SUFFIX_RE.sub("", p) if INNER_SUFFIX_RE.sub("", p) else p for p in found]
        return list(dict.fromkeys(p for p in found if len(p) >= 3))

    # --- one text ------------------------------------------------------------------------
    def public_spans(self, text: str) -> tuple[list[tuple[int, int, Public]], list[Candidate]]:
        """Public names in ``text``; a site inside the author's own place becomes a
        candidate instead (naming it would name the author's county)."""
        spans: list[tuple[int, int, Public]] = []
        sites: list[Candidate] = []
        if self.v.public_lexicon is None:
            return spans, sites
        for start, end, word in self.v.public_lexicon.finditer(text):
            pub = self.v.public[word]
            if any(text[start : end + n] in self.d.full for n in range(1, 5)):
                continue  # 林州 of 林州市, 欧阳海镇, 长征街街道: the division's own name
            if pub.kind == "site" and pub.name in self.own_sites:
                sites.append(
                    Candidate(
                        start,
                        end,
                        ph(self.v, "place"),
                        "作者所在地的红色教育基地",
                        "site",
                        1,
                    )
                )
                continue
            if word in self.fixed and pub.kind == "site":
                continue  # the author's own place, even if it is also a red site
            spans.append((start, end, pub))
        return spans, sites

    def propose(self, text: str) -> list[tuple[Candidate, str]]:
        """Chosen, non-overlapping candidates of ``text`` with their original strings."""
        if not text:
            return []
        cands: list[Candidate] = []
        toks = tokens(text)
        for start, end, word in self.fixed_lexicon.finditer(text):
            f = self.fixed[word]
            if f.reason.endswith("（简称）") and text[end : end + 1] in SUFFIX_CHARS:
                continue  # 青川 of 青川市 inside 青川县: another place, found by its own name
            if f.reason == GIVEN_NAME and not any(t.start == start and t.end == end for t in toks):
                continue  # 建军 of the author 李建军 is a name in 建军说, not in 建军节
            cands.append(Candidate(start, end, f.placeholder, f.reason, "meta", 0))
        public, sites = self.public_spans(text)
        cands.extend(sites)
        det = self.detector
        cands.extend(det.titled(text, toks))
        cands.extend(self.lists.find(text, toks))
        cands.extend(det.persons(text, toks))
        cands.extend(self.name_forms.find(text, toks))
        cands.extend(self.identifiers.find(text, toks))
        places = det.places(text, toks)
        cands.extend(places)
        cands.extend(
            bureaus(
                det, text, {c.end for c in places} | {c.end for c in cands if c.detector == "meta"}
            )
        )
        cands.extend(named_units(det, text, toks))
        cands.extend(personal_dates(self.v, text, self._years_near(text, public)))
        cands = trim_glued(
            text,
            cands,
            self.v.name_glue_chars,
            ph(self.v, "person"),
            self.v.name_glue_if_followed,
            det.is_name,
        )
        # 河南林州红旗渠: a division written just before a site that lies in it names the site
        site_at = {b: pub for b, e, pub in public if pub.kind == "site"}
        cands = [
            c
            for c in cands
            if not (
                c.detector == "division"
                and c.end in site_at
                and text[c.start : c.end] in _with_stems(site_at[c.end].location)
            )
        ]
        chosen: list[Candidate] = []
        taken = bytearray(len(text))  # 1 where a chosen replacement lies
        # per character: 0 free, 1 a public name, 2 a public site (the author's place wins)
        shield = bytearray(len(text))
        for b, e, pub in public:
            shield[b:e] = (b"\x02" if pub.kind == "site" else b"\x01") * (e - b)
        for b, e in self.honours.spans(text, cands):
            shield[b:e] = b"\x01" * (e - b)  # named as a national hero or model
        site_spans = [(b, e) for b, e, pub in public if pub.kind == "site"]
        for c in sorted(cands, key=lambda c: (-(c.end - c.start), c.priority)):
            if any(taken[c.start : c.end]):
                continue
            guard = max(shield[c.start : c.end], default=0)
            if guard == 2 and c.detector == "unit" and _names_after_site(c, site_spans):
                guard = 0  # 井冈山大学, 遵义医科大学附属医院: an institution, not the site
            if guard == 1 or (guard == 2 and c.detector not in ("meta", "site")):
                continue  # touches a public name; the author's own place beats a site
            original = text[c.start : c.end]
            if original in self.decisions.keep or original == c.placeholder:
                continue
            chosen.append(c)
            taken[c.start : c.end] = b"\x01" * (c.end - c.start)
        chosen.sort(key=lambda c: c.start)
        return [(c, text[c.start : c.end]) for c in chosen]

    def _years_near(self, text: str, public: list[tuple[int, int, Public]]) -> set[int]:
        years: set[int] = set()
        for b, e, pub in public:
            if pub.year is None:
                continue
            left = max((m.end() for m in SENTENCE_END.finditer(text, 0, b)), default=0)
            nxt = SENTENCE_END.search(text, e)
            right = nxt.start() if nxt else len(text)
            if str(pub.year) in text[left:right]:
                years.add(pub.year)
        return years


def _names_after_site(c: Candidate, sites: list[tuple[int, int]]) -> bool:
    """Is ``c`` a unit whose name starts with a protected site's name and goes on past it
    (井冈山大学 holds 井冈山; 红旗渠干部学院 is itself a listed site, so it stays)?"""
    touching = [(b, e) for b, e in sites if b < c.end and c.start < e]
    return bool(touching) and all(c.start <= b and e < c.end for b, e in touching)


def _with_stems(names: tuple[str, ...]) -> list[str]:
    out = []
    for n in names:
        out.append(n)
        if len(n) >= 3:
            out.append(n[:-1])
    return out


def context_for(meta: dict[str, str], decisions: Decisions | None = None) -> DraftContext:
    return DraftContext(meta, decisions or Decisions(), load_vocabulary(), load_divisions())


def proposals_for(
    ctx: DraftContext, text: str, section: str, item: int | None, part: str
) -> list[Proposal]:
    out = []
    for c, original in ctx.propose(text):
        left = max(0, c.start - 12)
        out.append(
            Proposal(
                section,
                item,
                part,
                c.start,
                c.end,
                original,
                c.placeholder,
                c.reason,
                c.detector,
                text[left : c.end + 12],
            )
        )
    return out


def apply_proposals(text: str, proposals: list[Proposal]) -> str:
    out: list[str] = []
    pos = 0
    for p in sorted(proposals, key=lambda p: p.start):
        if p.keep:
            continue
        out.append(text[pos : p.start])
        out.append(p.placeholder)
        pos = p.end
    out.append(text[pos:])
    return "".join(out)
