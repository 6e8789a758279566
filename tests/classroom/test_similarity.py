"""Copy detection on a generated class: copies flagged with their passages, distinct drafts not."""

from __future__ import annotations

import itertools
import random
from dataclasses import replace
from pathlib import Path

from classroom.classgen import make_draft, paragraph
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import strategies

from partybook.classroom.collect import collect
from partybook.classroom.similarity import Detector, Thresholds, compare_class
from partybook.draft import Item
from partybook.genre import load_genre
from partybook.storage import save


def _triples(folder: Path):
    return [(e.file, e.student, e.draft) for e in collect(folder).drafts]


def _pair_set(pairs):
    return {frozenset((p.a, p.b)) for p in pairs}


def test_copies_flagged_distinct_not(klass):
    folder, roles = klass
    pairs = compare_class(_triples(folder))
    found = _pair_set(pairs)
    original = roles["distinct"][0]
    for copy in roles["near_copy"]:
        assert frozenset((original, copy)) in found
    assert frozenset(tuple(roles["near_copy"])) in found  # copies of the same text
    assert frozenset(("example_copy.json", "范文：党性分析")) in found
    copied = {original, *roles["near_copy"], "example_copy.json"}
    for a, b in itertools.combinations(roles["distinct"], 2):
        assert frozenset((a, b)) not in found, (a, b)
    for p in pairs:
        assert {p.a, p.b} <= copied | {"范文：党性分析"}


def test_flagged_pair_shows_shared_passages_side_by_side(klass):
    folder, roles = klass
    coll = collect(folder)
    pairs = compare_class([(e.file, e.student, e.draft) for e in coll.drafts])
    pair = next(p for p in pairs if {p.a, p.b} == {roles["distinct"][0], roles["near_copy"][0]})
    assert pair.kind == "draft"
    assert 0 < pair.similarity <= 1 and pair.containment >= pair.similarity
    assert pair.passages and pair.shared_chars == sum(p.length for p in pair.passages)
    text_a = "\n".join(coll.find(pair.a).draft.text_of(s) for s in coll.find(pair.a).draft.sections)
    text_b = "\n".join(coll.find(pair.b).draft.text_of(s) for s in coll.find(pair.b).draft.sections)
    for passage in pair.passages:
        assert passage.length >= Thresholds().min_passage
        assert passage.text_a in text_a and passage.text_b in text_b
        assert passage.section_a and passage.section_b
    names = {pair.student_a, pair.student_b}
    assert names == {coll.find(pair.a).student, coll.find(pair.b).student}


def test_example_copy_pair_names_the_worked_example(klass):
    folder, _ = klass
    pair = next(p for p in compare_class(_triples(folder)) if p.kind == "example")
    assert pair.a == "example_copy.json" and pair.b == "范文：党性分析"
    assert pair.similarity > 0.9
    assert any(p.section_a == "problems" for p in pair.passages)


def test_thresholds_are_configurable(klass):
    folder, roles = klass
    triples = _triples(folder)
    strict = Thresholds(similarity=0.99, containment=0.99, min_shared=100_000)
    found = _pair_set(compare_class(triples, thresholds=strict))
    assert frozenset(("example_copy.json", "范文：党性分析")) in found  # an exact copy
    assert frozenset((roles["distinct"][0], roles["near_copy"][0])) not in found
    loose = compare_class(triples, thresholds=Thresholds(min_shared=10_000), genre_examples=False)
    assert not any(p.kind == "example" for p in loose)


def test_one_copied_section_is_found(tmp_path):
    """A draft that copies only its problems from a classmate: caught by the shared passages."""
    genre = load_genre()
    rng = random.Random(5)
    drafts = [make_draft(rng, genre, 3000) for _ in range(6)]
    a, b = drafts[0], drafts[1]
    b.sections["problems"] = [Item(heading=i.heading, body=i.body) for i in a.items("problems")]
    triples = [(f"d{i}", f"学员{i}", d) for i, d in enumerate(drafts)]
    pairs = compare_class(triples, genre_examples=False)
    assert _pair_set(pairs) == {frozenset(("d0", "d1"))}
    (pair,) = pairs
    assert pair.similarity < Thresholds().similarity  # not a whole copy …
    assert pair.shared_chars >= Thresholds().min_shared  # … but a copied section
    assert {p.section_a for p in pair.passages if not p.common} == {"problems"}
    # the closing stock sentence every draft has is shown but marked common, not counted
    common = [p for p in pair.passages if p.common]
    assert common and all(p.section_a == "opening" for p in common)
    assert all(p.text_a in x.text_of("opening") for p in common for x in drafts)


def test_lsh_checks_far_fewer_pairs_than_all(tmp_path):
    genre = load_genre()
    rng = random.Random(8)
    det = Detector()
    for i in range(60):
        det.add_draft(f"d{i}", f"学员{i}", make_draft(rng, genre, 1500))
    n_pairs = 60 * 59 // 2
    assert len(det.candidates()) < n_pairs // 10
    assert det.pairs() == []


def test_published_examples_are_references(klass, tmp_path):
    from partybook.classroom.publish import prepare, publish
    from partybook.classroom.report import class_report

    folder, roles = klass
    coll = collect(folder)
    source = coll.find(roles["distinct"][3])
    examples = tmp_path / "examples"
    publish(prepare(source.draft, source.file), examples)
    # a new student hands in that published example with a few sentences changed
    rng = random.Random(2)
    copied = source.draft.model_copy(deep=True)
    copied.meta.author = "蒋思源"
    copied.sections["basic"] = [paragraph(rng, 300)]
    save(copied, folder / "late.json")
    report = class_report(collect(folder), examples_folder=examples)
    kinds = {(p.a, p.kind) for p in report.similar if "late.json" in (p.a, p.b)}
    assert ("late.json", "example") in kinds
    assert any(p.b.startswith("范文：") and p.b != "范文：党性分析" for p in report.similar)


def test_threshold_replace_keeps_other_fields():
    t = replace(Thresholds(), similarity=0.3)
    assert t.similarity == 0.3 and t.min_passage == Thresholds().min_passage


def test_blank_and_tiny_drafts_are_not_flagged(klass):
    """At minute one, drafts are empty or hold the same title and stock sentence."""
    from partybook.draft import new_draft

    folder, roles = klass
    genre = load_genre()
    triples = _triples(folder)
    for i in range(4):
        d = new_draft(genre, author=f"新学员{i}")
        if i:
            d.sections["title"] = "2025年秋季科级干部任职培训班党性分析"
        if i > 1:
            d.sections["opening"] = [
                "按照组织安排，我参加了区委党校的培训，系统学习了党章和党的创新理论，"
                "聆听了专题辅导，到红色教育基地开展了现场教学。"
            ]
        triples.append((f"new{i}.json", f"新学员{i}", d))
    found = _pair_set(compare_class(triples))
    assert not any(name.startswith("new") for pair in found for name in pair)
    assert frozenset((roles["distinct"][0], roles["near_copy"][0])) in found
    # it is the minimum length that keeps them out: without it the identical openings match
    loose = _pair_set(compare_class(triples, thresholds=Thresholds(min_chars=0)))
    assert frozenset(("new2.json", "new3.json")) in loose


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_any_drafts_compare_without_error_and_a_copy_is_found(data):
    """Arbitrary drafts (any Unicode) never break the comparison; a draft with enough text
    to judge and its exact copy are always flagged."""
    genre = load_genre()
    drafts = data.draw(
        st.lists(strategies.drafts(genre, strategies.cjk_text), min_size=2, max_size=4)
    )
    long_text = data.draw(
        st.text(alphabet="党性分析我们学习工作问题群众基层理论担当作风", min_size=250, max_size=600)
    )
    drafts[0].sections["basic"] = [*drafts[0].paragraphs("basic"), long_text]
    triples = [(f"d{i}", f"学员{i}", d) for i, d in enumerate(drafts)]
    triples.append(("copy", "抄写者", drafts[0].model_copy(deep=True)))
    pairs = compare_class(triples)
    for p in pairs:
        assert p.a != p.b and 0 <= p.similarity <= 1 and 0 <= p.containment <= 1
        assert p.shared_chars >= Thresholds().min_passage
    assert frozenset(("d0", "copy")) in _pair_set(pairs)
