"""Round 2 of the entity rules: head words measured on the train split, broad fields, context typing,
and the learned recogniser filling the gaps the rules leave."""

from __future__ import annotations

import pytest

from extractors.entities import gazetteer_type, head_type, is_generic
from extractors.pipeline import doc_to_extraction, load_nlp
from schema import Paper, paper_text


def typed(nlp, abstract: str, title: str = "A Study") -> set[tuple[str, str]]:
    paper = Paper(id="t1", title=title, abstract=abstract)
    return {(e.name, e.type.value) for e in doc_to_extraction(nlp(paper_text(paper)), paper).entities}


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["pose", "estimation"], "Task"),
        (["language", "modeling"], "Task"),
        (["feature", "selection"], "Task"),
        (["sample", "complexity"], "Metric"),
        (["generalization", "error"], "Metric"),
        (["dynamic", "regret"], "Metric"),
        (["policy", "optimization"], "Method"),
        (["noisy", "training"], None),
        (["hidden", "encoder"], None),
    ],
)
def test_head_words(words, expected):
    assert head_type(words) == expected


@pytest.mark.parametrize("phrase", ["computer vision", "natural language processing", "robotics", "distillation"])
def test_broad_fields_and_bare_process_words_are_generic(phrase):
    assert is_generic(phrase)


@pytest.mark.parametrize(("term", "expected"), [("motion planning", "Task"), ("multi-armed bandits", "Task")])
def test_problems_are_tasks_in_the_gazetteer(term, expected):
    assert gazetteer_type(term) == expected


def test_broad_field_is_not_an_entity(nlp):
    found = typed(nlp, "Computer vision has advanced quickly. We apply contrastive learning to images.")
    assert not any(name.lower() == "computer vision" for name, _ in found)
    assert ("contrastive learning", "Method") in found


def test_technique_head_used_as_the_problem_is_a_task(nlp):
    found = typed(nlp, "We propose new algorithms for sparse tensor learning and prove guarantees.")
    assert ("sparse tensor learning", "Task") in found
    found = typed(nlp, "We train the policy with sparse tensor learning and report results.")
    assert ("sparse tensor learning", "Method") in found


def test_capitalised_modifier_of_a_noun_is_not_a_name(nlp):
    found = typed(nlp, "Our bound uses the Kullback-Leibler divergence between the two policies.")
    assert not any(name == "Kullback-Leibler" for name, _ in found)


@pytest.fixture(scope="module")
def gap_nlp():
    """Rules first; the trained recogniser's Method mentions only where no rule mention is."""
    return load_nlp(learned=True, rules=("rules-first", "fill:Method"), role_weights=False)


@pytest.fixture(scope="module")
def rules_nlp():
    """The rules alone."""
    return load_nlp(learned=False, role_weights=False)


def test_rules_first_keeps_every_rule_mention(rules_nlp, gap_nlp):
    text = (
        "Contrastive Pretraining for Semantic Segmentation\n\n"
        "We evaluate our FooNet on GSM8K and ImageNet and report top-1 accuracy, "
        "using a gated spectral mixer and a hashed token router."
    )
    rule_doc = rules_nlp(text)
    rules = {(s.start, s.end, s.label_) for s in rule_doc.spans["kg_entities"]}
    doc = gap_nlp(text)
    spans = list(doc.spans["kg_entities"])
    kept = {(s.start, s.end) for s in spans if s.id_ == "kg_entities"}
    assert rules and {(a, b) for a, b, _ in rules} == kept
    learned = [s for s in spans if s.id_ == "kg_ner"]
    assert all(s.label_ == "Method" for s in learned)
    taken = {i for a, b in kept for i in range(a, b)}
    assert all(not taken & set(range(s.start, s.end)) for s in learned)
