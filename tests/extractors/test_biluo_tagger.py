"""The BILUO tagger recogniser: reading tags as mentions, decoding, training with spaCy."""

import itertools
import random

import numpy
import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc
from spacy.training import Example

from extractors.biluo_tagger import FACTORY, OUTSIDE, biluo_spans, viterbi

LABELS = (OUTSIDE, "B-Method", "I-Method", "L-Method", "U-Method", "B-Task", "I-Task", "L-Task", "U-Task")


def _doc(words):
    return Doc(spacy.blank("en").vocab, words=words)


def _mentions(doc, tags):
    return [(s.text, s.label_) for s in biluo_spans(doc, tags)]


def test_well_formed_tags_spell_their_mentions():
    doc = _doc(["We", "use", "deep", "Q", "learning", "for", "Atari", "games"])
    tags = ["O", "O", "B-Method", "I-Method", "L-Method", "O", "U-Task", "O"]
    assert _mentions(doc, tags) == [("deep Q learning", "Method"), ("Atari", "Task")]


def test_broken_tags_are_read_leniently():
    doc = _doc(["a", "b", "c", "d", "e"])
    # an I- after O opens a mention; a B- never closed ends before the first tag that breaks it
    assert _mentions(doc, ["I-Method", "L-Method", "B-Task", "I-Task", "O"]) == [("a b", "Method"), ("c d", "Task")]
    # a type change inside a mention closes it there
    assert _mentions(doc, ["B-Method", "I-Task", "L-Task", "O", "B-Method"]) == [
        ("a", "Method"), ("b c", "Task"), ("e", "Method")
    ]


def _well_formed(path):
    tags = [LABELS[k] for k in path]
    for prev, tag in zip(["O"] + tags, tags + ["O"]):
        opened = prev[0] in "BI"
        if opened != (tag[0] in "IL") or (opened and prev[2:] != tag[2:]):
            return False
    return True


def _score(path, probs):
    return sum(numpy.log(probs[t][k]) for t, k in enumerate(path))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(1, 4), min_size=1, max_size=4), st.integers(0, 10_000))
def test_viterbi_finds_the_best_well_formed_sequence(lengths, seed):
    rng = numpy.random.default_rng(seed)
    batch = [rng.dirichlet(numpy.ones(len(LABELS)) * 0.3, size=n).astype("float32") for n in lengths]
    for probs, path in zip(batch, viterbi(batch, LABELS)):
        assert _well_formed(path)
        best = max(
            (p for p in itertools.product(range(len(LABELS)), repeat=len(probs)) if _well_formed(p)),
            key=lambda p: _score(p, probs),
        )
        assert _score(path, probs) == pytest.approx(_score(best, probs), abs=1e-4)


def test_viterbi_mends_what_the_likeliest_tag_alone_breaks():
    probs = numpy.full((3, len(LABELS)), 0.01, dtype="float32")
    probs[0, LABELS.index("B-Method")] = 0.6
    probs[1, LABELS.index("I-Task")] = 0.5
    probs[1, LABELS.index("I-Method")] = 0.4
    probs[2, LABELS.index("L-Method")] = 0.9
    assert [LABELS[k] for k in viterbi([probs], LABELS)[0]] == ["B-Method", "I-Method", "L-Method"]
    assert viterbi([numpy.zeros((0, len(LABELS)), dtype="float32")], LABELS) == [[]]


def test_the_component_learns_mentions_with_spacys_training():
    nlp = spacy.blank("en")
    tagger = nlp.add_pipe(FACTORY, name="ner")
    texts = [
        ("We propose FooNet for image segmentation .", [(11, 17, "Method"), (22, 40, "Task")]),
        ("BarNet improves image segmentation a lot .", [(0, 6, "Method"), (16, 34, "Task")]),
        ("Our BazNet solves image segmentation well .", [(4, 10, "Method"), (18, 36, "Task")]),
    ]
    examples = [Example.from_dict(nlp.make_doc(t), {"entities": ents}) for t, ents in texts]
    optimizer = nlp.initialize(lambda: examples)
    assert set(tagger.labels) == {OUTSIDE} | {f"{p}-{t}" for p in "BILU" for t in ("Method", "Task")}
    random.seed(0)
    for _ in range(40):
        nlp.update(examples, sgd=optimizer)
    doc = nlp("We propose FooNet for image segmentation .")
    assert [(e.text, e.label_) for e in doc.ents] == [("FooNet", "Method"), ("image segmentation", "Task")]
    assert all(t.tag_ == "" for t in doc)  # mentions only: the part-of-speech tags stay the English tagger's
    scores = nlp.evaluate(examples)
    assert scores["ents_f"] == 1.0
