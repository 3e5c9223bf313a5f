"""Paper-level roles: the pure aggregation and cues read from literal sentences."""

from __future__ import annotations

import pytest

from extractors.pipeline import doc_to_extraction
from extractors.roles import BACKGROUND, COMPARES, PROPOSES, USES, entity_roles
from schema import Paper, paper_text


def roles_of(nlp, abstract: str, title: str = "A Study of Agents") -> dict[str, list[str]]:
    paper = Paper(id="r1", title=title, abstract=abstract)
    ext = doc_to_extraction(nlp(paper_text(paper)), paper)
    return {e.name: [r.value for r in e.roles] for e in ext.entities}


@pytest.mark.parametrize(
    ("entity_type", "cues", "expected"),
    [
        ("Task", [set()], ["ADDRESSES"]),
        ("Metric", [{COMPARES}], ["MEASURES"]),
        ("Benchmark", [set()], ["EVALUATES_ON"]),
        ("Benchmark", [{PROPOSES}], ["PROPOSES", "EVALUATES_ON"]),
        ("Method", [{PROPOSES}, {USES}], ["PROPOSES"]),
        ("Method", [{COMPARES}], ["COMPARES_WITH"]),
        ("Model", [{COMPARES}, {USES}], ["USES", "COMPARES_WITH"]),
        ("Method", [{BACKGROUND}, {BACKGROUND}], ["MENTIONS"]),
        ("Method", [{BACKGROUND}, set()], ["USES"]),
        ("Dataset", [set()], ["USES"]),
    ],
)
def test_entity_roles(entity_type, cues, expected):
    assert [r.value for r in entity_roles(entity_type, cues)] == expected


@pytest.mark.parametrize(
    ("abstract", "name", "role"),
    [
        ("We propose FlowSeek, a planner for household robots.", "FlowSeek", "PROPOSES"),
        ("In this paper we introduce Gradient Echo Sampling (GES) for diffusion models.", "GES", "PROPOSES"),
        ("We present a method called TideNet that forecasts floods.", "TideNet", "PROPOSES"),
        ("Our agent outperforms GPT-4o and Claude 3.5 Sonnet on planning.", "GPT-4o", "COMPARES_WITH"),
        (
            "Our agent outperforms GPT-4o and Claude 3.5 Sonnet on planning.",
            "Claude 3.5 Sonnet",
            "COMPARES_WITH",
        ),
        ("Our planner is competitive with RRT* on all maps.", "RRT*", "COMPARES_WITH"),
        ("We fine-tune Llama-3.1-8B with our data.", "Llama-3.1-8B", "USES"),
        ("Experiments on GSM8K show large gains.", "GSM8K", "EVALUATES_ON"),
        ("We study semantic segmentation in cities.", "semantic segmentation", "ADDRESSES"),
        ("We report the win rate against a strong judge.", "win rate", "MEASURES"),
    ],
)
def test_roles_from_sentences(nlp, abstract, name, role):
    assert role in roles_of(nlp, abstract)[name]


def test_title_name_is_proposed(nlp):
    roles = roles_of(
        nlp, "We describe a new agent that browses the web.", title="WebWeaver: Agents that Browse"
    )
    assert roles["WebWeaver"] == ["PROPOSES"]


def test_background_only_method_is_mentioned(nlp):
    roles = roles_of(
        nlp,
        "Vision models keep growing. Knowledge distillation is widely used to compress networks. "
        "We propose PruneKit, a pruning toolkit for vision transformers.",
    )
    assert roles["knowledge distillation"] == ["MENTIONS"]
    assert roles["PruneKit"] == ["PROPOSES"]


def test_first_sentence_names_the_field(nlp):
    roles = roles_of(
        nlp,
        "Reinforcement learning trains agents from rewards. Existing agents are slow. "
        "We propose SwiftAgent, a faster learner.",
    )
    assert roles["reinforcement learning"] == ["USES"]


def test_examples_of_fields_are_mentioned(nlp):
    roles = roles_of(
        nlp,
        "We propose FlowSeek for planning problems, which matter in areas like autonomous driving.",
    )
    assert roles["autonomous driving"] == ["MENTIONS"]


def test_known_method_in_proposal_sentence_is_used_not_proposed(nlp):
    roles = roles_of(nlp, "We propose RouteMix, which uses reinforcement learning to route queries.")
    assert roles["RouteMix"] == ["PROPOSES"]
    assert roles["reinforcement learning"] == ["USES"]


def test_roles_spans_are_written(nlp):
    doc = nlp("A Title\n\nWe propose FlowSeek. FlowSeek outperforms PPO.")
    labels = {(s.text, s.label_) for s in doc.spans["kg_roles"]}
    assert ("FlowSeek", "PROPOSES") in labels
    assert ("PPO", "COMPARES_WITH") in labels


def test_a_defined_short_form_is_read_in_the_papers_sense(nlp):
    # "MoE" is a known name (mixture of experts), but this paper defines its own MoE; and the
    # comparison words inside its long form ("Matching", "over") are no cue for what follows
    doc = nlp("A Title\n\nWe propose Matching over Experts (MoE), a router for sparse models. MoE routes tokens.")
    cues = {(s.kb_id_, s.label_) for s in doc.spans["kg_roles"]}
    assert ("MoE", "PROPOSES") in cues
    assert ("MoE", "COMPARES_WITH") not in cues


@pytest.mark.parametrize("abstract, kind, name", [
    ("We propose a pixel-wise contrastive learning method called CopyPaster, which pastes foreground crops onto "
     "backgrounds. CopyPaster improves segmentation on two benchmarks.", "pixel-wise contrastive learning", "CopyPaster"),
    ("We propose a local search algorithm, named QuillSAT, that uses a bandit to guide the search. QuillSAT solves "
     "more instances than earlier solvers.", "local search", "QuillSAT"),
])
def test_the_kind_of_a_new_work_named_after_it_is_not_proposed(nlp, abstract, kind, name):
    """'a local search algorithm called X': the paper proposes X, a work of that kind, not the kind."""
    roles = roles_of(nlp, abstract)
    assert "PROPOSES" in roles.get(name, []), roles
    assert "PROPOSES" not in roles.get(kind, []), roles


@pytest.mark.parametrize("abstract, name", [
    # round 1 of the role-evidence judging: the paper's own work set up as what it is compared with
    ("We present QuillReg, a regularizer for training quill networks. We empirically compare our QuillReg "
     "regularizer to an equivalent unregularized model on MNIST and CIFAR-10.", "QuillReg"),
    ("We derive feather message passing (FMP) algorithms for recovering plumes. Finally, we compare our FMP "
     "algorithm to the most commonly used algorithm, alternating least squares (ALS), and FMP outperforms ALS.",
     "FMP"),
])
def test_the_papers_own_work_is_not_compared_with(nlp, abstract, name):
    roles = roles_of(nlp, abstract)
    assert roles[name] and "COMPARES_WITH" not in roles[name], roles
