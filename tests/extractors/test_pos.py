"""kg_pos gives the same coarse tags as the attribute_ruler it replaces."""
from __future__ import annotations

import pytest

from extractors.model import load_english
from extractors.pos import FastPOS, use_fast_pos

TEXTS = [
    "We propose Sparse Routing Attention (SRA), which learns to route tokens; it is fast.",
    "There are many benchmarks, but none of them measures whether a model can plan.",
    "Experiments on GSM8K and MATH500 show that our method, unlike prior work, does not overfit.",
    "That is what I'd have done if you had asked: let's see whether it's gonna work.",
]


@pytest.fixture(scope="module")
def pipelines():
    stock = load_english(exclude=["ner", "lemmatizer"])
    fast = use_fast_pos(load_english(exclude=["ner", "lemmatizer"]))
    return stock, fast


def test_attribute_ruler_is_replaced(pipelines):
    _, fast = pipelines
    assert "kg_pos" in fast.pipe_names and "attribute_ruler" not in fast.pipe_names


@pytest.mark.parametrize("text", TEXTS)
def test_same_pos_as_the_attribute_ruler(pipelines, text):
    stock, fast = pipelines
    assert [t.pos_ for t in fast(text)] == [t.pos_ for t in stock(text)]


def test_later_pattern_wins():
    import spacy

    nlp = spacy.blank("en")
    doc = nlp("that")
    doc[0].tag_ = "DT"
    doc[0].dep_ = "nsubj"
    fast = FastPOS.from_patterns([
        {"patterns": [[{"TAG": "DT"}]], "attrs": {"POS": "DET"}, "index": 0},
        {"patterns": [[{"TAG": "DT", "DEP": {"NOT_IN": ["det"]}}]], "attrs": {"POS": "PRON"}, "index": 0},
    ])
    assert fast(doc)[0].pos_ == "PRON"
