"""The trained recogniser in the pipeline: shipped weights, typed spans, one type per entity, role model, evidence."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

from extractors.learned import _canonical, paper_types
from extractors.pipeline import (
    NER_WEIGHTS,
    ROLE_WEIGHTS,
    extract_papers,
    load_nlp,
    role_evidence_first,
)
from extractors.role_model import RoleModel, fit
from schema import Paper, RelType

TYPES = {"Method", "Model", "Dataset", "Benchmark", "Task", "Metric"}


@pytest.fixture(scope="module")
def learned_nlp():
    """The pipeline with the trained recogniser typing the mentions (read from the package)."""
    return load_nlp(learned=True, rules=())


def test_shipped_weights_are_in_the_package_and_small():
    files = [p for p in NER_WEIGHTS.rglob("*") if p.is_file()]
    assert (NER_WEIGHTS / "config.cfg").is_file() and (NER_WEIGHTS / "ner" / "model").is_file()
    assert sum(p.stat().st_size for p in files) <= 40 * 1024 * 1024


def test_pipeline_loads_the_trained_recogniser_from_disk(learned_nlp):
    nlp = learned_nlp
    assert "kg_ner" in nlp.pipe_names and "kg_learned_entities" in nlp.pipe_names
    # the recogniser knows the six types (its tags are "B-Method", "U-Task"...: the type after the prefix)
    assert TYPES <= {label.partition("-")[2] for label in nlp.get_pipe("kg_ner").labels}
    doc = nlp("A Study\n\nBarack Obama visited Paris in 2010 and we trained BERT on SQuAD.")
    assert all(s.label_ in TYPES for s in doc.spans["kg_entities"])


def test_known_sentence_yields_typed_spans(learned_nlp):
    doc = learned_nlp(
        "Image Classification with Residual Networks\n\n"
        "We train residual networks on ImageNet for image classification and report top-1 accuracy."
    )
    spans = list(doc.spans["kg_entities"])
    assert spans, "no mention found"
    assert all(s.label_ in TYPES for s in spans)
    # every mention lies on token boundaries of the text
    assert all(doc.text[s.start_char : s.end_char] == s.text for s in spans)
    assert all(s.id_ == "kg_ner" for s in spans)  # found by the recogniser, not the rules


def test_shipped_role_classifier_loads_and_predicts_known_roles():
    model = RoleModel.load(ROLE_WEIGHTS)
    assert set(model.roles) == {"PROPOSES", "USES", "EVALUATES_ON", "COMPARES_WITH", "ADDRESSES", "MEASURES", "MENTIONS"}
    roles = model.predict({"bias": 1.0, "type=Task": 1.0, "rule:ADDRESSES": 1.0, "Task&rule:ADDRESSES": 1.0}, "Task")
    assert roles == ["ADDRESSES"]


def test_one_type_per_entity_by_majority():
    doc = spacy.blank("en")("ImageNet is hard . We test on ImageNet and ImageNet .")
    spans = [Span(doc, 0, 1, label="Method"), Span(doc, 7, 8, label="Benchmark"), Span(doc, 9, 10, label="Benchmark")]
    assert [s.label_ for s in paper_types(spans)] == ["Benchmark"] * 3


def test_a_rule_mention_typed_as_data_outvotes_the_recogniser():
    # "We introduce BEHAVIOR, a benchmark ...": the rules read the apposition, the recogniser typed
    # the later mentions Method
    doc = spacy.blank("en")("Foo is out . We introduce Foo , a benchmark . Foo is hard . Foo helps .")
    spans = [
        Span(doc, 0, 1, label="Method", span_id="kg_ner"),
        Span(doc, 6, 7, label="Benchmark", span_id="kg_entities"),
        Span(doc, 11, 12, label="Method", span_id="kg_ner"),
        Span(doc, 15, 16, label="Method", span_id="kg_ner"),
    ]
    assert [s.label_ for s in paper_types(spans)] == ["Benchmark"] * 4
    # without a rule mention typed as data the majority decides
    spans[1] = Span(doc, 6, 7, label="Benchmark", span_id="kg_ner")
    assert [s.label_ for s in paper_types(spans)] == ["Method"] * 4


def test_a_possessive_mention_takes_the_noun_it_names():
    from spacy.tokens import Doc

    doc = Doc(spacy.blank("en").vocab, words=["uses", "Newton", "'s", "method", "and", "Newton", "'s", "."],
              tags=["VBZ", "NNP", "POS", "NN", "CC", "NNP", "POS", "."])
    assert _canonical(doc, Span(doc, 1, 3, label="Method"), {}, {}).text == "Newton 's method"
    assert _canonical(doc, Span(doc, 5, 7, label="Method"), {}, {}) is None  # an owner alone names nothing


def test_a_name_owning_a_named_head_keeps_it():
    from spacy.tokens import Doc

    words = ["the", "Earth", "Mover", "’s", "Distance", "and", "Smith", "'s", "BERT", "."]
    doc = Doc(spacy.blank("en").vocab, words=words, tags=["DT", "NNP", "NNP", "POS", "NNP", "CC", "NNP", "POS", "NNP", "."])
    assert _canonical(doc, Span(doc, 1, 3, label="Metric"), {}, {}).text == "Earth Mover ’s Distance"
    assert _canonical(doc, Span(doc, 6, 7, label="Method"), {}, {}).text == "Smith"  # BERT is no head word
    assert _canonical(doc, Span(doc, 6, 8, label="Method"), {}, {}) is None


@pytest.mark.parametrize(
    ("words", "span", "expected"),
    [
        (["a", "naive", "approach", ",", "wherein", "inference", "proceeds"], (4, 6), None),
        (["we", "minimize", "regret", ",", "i.e.", "regret", "bounds"], (4, 6), "regret"),
        (["we", "build", "IE", "systems"], (2, 4), "IE systems"),  # an acronym, not "ie"
        (["the", "best", "published", "F1", "score", "of", "81.8"], (2, 5), "F1 score"),
        (["a", "record", "inception", "score", "of", "8.80"], (1, 4), "inception score"),
        (["the", "record", "linkage", "task"], (1, 3), "record linkage"),  # only a measure loses the word
        (["Perhaps", "surprisingly", ",", "it", "works"], (0, 1), None),  # a sentence adverb alone
        (["Perhaps", "Net", "works"], (0, 2), "Perhaps Net"),  # in a longer name it stays
        (["for", "how", "accuracy", "and", "robustness", "trade"], (1, 3), None),  # a wh-word opens a clause
        (["a", "large", "margin", "-", "enjoying", "F1", "score", "of", "81.4"], (2, 7), None),  # a spaced dash
    ],
)
def test_a_mention_loses_a_connective_or_a_reporting_word(words, span, expected):
    from spacy.tokens import Doc

    doc = Doc(spacy.blank("en").vocab, words=words)
    label = "Task" if "linkage" in words else "Metric" if "score" in words else "Method"
    found = _canonical(doc, Span(doc, *span, label=label), {}, {})
    assert (found.text if found is not None else None) == expected


def test_a_class_of_model_or_an_organisation_alone_is_no_mention():
    from spacy.tokens import Doc

    words = ["IBM", "and", "MIT", "-", "States", "with", "VLMs", "and", "STEM", "(", "spatio", "event", "mapping", ")"]
    spaces = [True, True, False, False, True, True, True, True, True, False, True, True, False, False]
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=spaces)
    assert _canonical(doc, Span(doc, 0, 1, label="Method"), {}, {}) is None
    assert _canonical(doc, Span(doc, 2, 3, label="Benchmark"), {}, {}) is None  # "MIT" cut from "MIT-States"
    assert _canonical(doc, Span(doc, 2, 5, label="Benchmark"), {}, {}).text == "MIT-States"
    defined = {"vlm": "VLMs", "stem": "STEM"}  # the paper's short forms, by merge key
    assert _canonical(doc, Span(doc, 6, 7, label="Method"), {}, defined) is None  # generic however spelled out
    assert _canonical(doc, Span(doc, 8, 9, label="Method"), {}, defined).text == "STEM"  # the paper's own
    long_form = Span(doc, 10, 13, label="Method")  # as if "spatio event mapping" were defined as "VLM"
    assert _canonical(doc, long_form, {(10, 13): "VLM"}, {}) is None  # a class of model's long form
    assert _canonical(doc, long_form, {(10, 13): "STEM"}, {}).kb_id_ == "STEM"


def test_type_tie_goes_to_the_earliest_mention():
    doc = spacy.blank("en")("BERT helps . BERT again .")
    spans = [Span(doc, 0, 1, label="Model"), Span(doc, 3, 4, label="Method")]
    assert [s.label_ for s in paper_types(spans)] == ["Model", "Model"]


def test_role_model_learns_a_cue():
    rows = [({"bias": 1.0, "any:PROPOSES": 1.0}, {"PROPOSES"})] * 20 + [({"bias": 1.0}, {"USES"})] * 20
    model = RoleModel(fit(rows))
    assert model.predict({"bias": 1.0, "any:PROPOSES": 1.0}, "Method") == ["PROPOSES"]
    assert model.predict({"bias": 1.0}, "Method") == ["USES"]


def test_role_evidence_is_the_sentence_showing_the_role():
    evidence = ["X: a title", "X is used widely.", "X outperforms Y."]
    cues = [set(), {"USES"}, {"COMPARES_WITH"}]
    assert role_evidence_first(evidence, cues, [RelType.COMPARES_WITH])[0] == "X outperforms Y."
    assert role_evidence_first(evidence, cues, [RelType.MENTIONS]) == evidence


def test_a_role_no_sentence_cues_is_shown_by_a_sentence_about_the_papers_own_work():
    # the second role-evidence judging: USES edges kept the title or a background sentence as their evidence
    from extractors.pipeline import role_evidence_index
    from extractors.roles import speaks_of_own_work

    evidence = ["QuillNet: PPO for Robots", "PPO is widely used.", "We train our policy with PPO on real robots."]
    cues, in_title = [set(), set(), set()], [True, False, False]
    own = [speaks_of_own_work(e) for e in evidence]
    assert role_evidence_first(evidence, cues, [RelType.USES], in_title, own)[0] == evidence[2]
    assert role_evidence_index(cues, [RelType.USES], in_title, own) == {"USES": 0}
    # a role the title states by itself keeps its first mention; with no sentence about the paper's own work the
    # first abstract mention comes before the title
    assert role_evidence_first(evidence, cues, [RelType.ADDRESSES], in_title, own) == evidence
    assert role_evidence_first(evidence[:2], cues[:2], [RelType.USES], in_title[:2], own[:2])[0] == evidence[1]


def test_proposes_edge_keeps_the_proposal_sentence(nlp):
    paper = Paper(
        id="p1",
        title="Better Search for Planning",
        abstract="Planning is hard. Prior planners use MCTS. We propose FlashPlan, a planner that outperforms MCTS.",
    )
    ext = next(extract_papers([paper], nlp=nlp))
    for entity in ext.entities:
        if RelType.PROPOSES in entity.roles and entity.evidence:
            assert "propose" in entity.evidence[0].sentence


def test_a_language_name_alone_is_no_entity(nlp):
    doc = nlp(
        "Word Problems\n\nResults on six English benchmarks and one Chinese dataset show that our model is "
        "competitive. We conduct experiments on the Chinese dataset Math23k and the English dataset MathQA."
    )
    names = {s.text for s in doc.spans["kg_entities"]}
    assert {"Math23k", "MathQA"} <= names
    assert not names & {"English", "Chinese"}


def test_a_measure_loses_the_comparison_before_it():
    from spacy.tokens import Doc

    doc = Doc(spacy.blank("en").vocab, words=["has", "3.4", "%", "lower", "error", "than", "Higher", "-", "Order", "accuracy"],
              tags=["VBZ", "CD", "NN", "JJR", "NN", "IN", "JJR", "HYPH", "NN", "NN"],
              spaces=[True, False, True, True, True, True, False, False, True, False])
    assert _canonical(doc, Span(doc, 3, 5, label="Metric"), {}, {}).text == "error"
    assert _canonical(doc, Span(doc, 6, 10, label="Metric"), {}, {}).text == "Higher-Order accuracy"  # glued: a name
    assert _canonical(doc, Span(doc, 3, 5, label="Method"), {}, {}).text == "lower error"  # measures only


def test_a_measure_loses_how_it_grows_and_its_qualifiers():
    from spacy.tokens import Doc

    words = ["a", "vanishing", "regret", "and", "a", "high", "probability", "regret", "bound", "within", "ε", "-",
             "relative", "error", "and", "ε", "-", "greedy", "error", "at", "a", "sublinear", "rate"]
    tags = ["DT", "VBG", "NN", "CC", "DT", "JJ", "NN", "NN", "NN", "IN", "NN", "HYPH", "JJ", "NN", "CC", "NN", "HYPH",
            "JJ", "NN", "IN", "DT", "JJ", "NN"]
    spaces = [True, True, True, True, True, True, True, True, True, True, False, False, True, True, True, False, False,
              True, True, True, True, True, False]
    doc = Doc(spacy.blank("en").vocab, words=words, tags=tags, spaces=spaces)
    assert _canonical(doc, Span(doc, 1, 3, label="Metric"), {}, {}).text == "regret"
    assert _canonical(doc, Span(doc, 5, 8, label="Metric"), {}, {}).text == "regret"
    assert _canonical(doc, Span(doc, 6, 8, label="Metric"), {}, {}).text == "regret"  # "high" already dropped
    assert _canonical(doc, Span(doc, 10, 14, label="Metric"), {}, {}).text == "relative error"
    assert _canonical(doc, Span(doc, 15, 19, label="Metric"), {}, {}).text == "ε-greedy error"  # no tolerance
    assert _canonical(doc, Span(doc, 1, 3, label="Method"), {}, {}).text == "vanishing regret"  # measures only
    assert _canonical(doc, Span(doc, 21, 23, label="Metric"), {}, {}) is None  # how a bound grows, no measure


def test_a_measure_loses_how_good_it_is():
    from spacy.tokens import Doc

    words = ["near", "-", "human", "accuracy", "and", "superhuman", "speed", "and", "near", "-", "human", "evaluation"]
    tags = ["JJ", "HYPH", "JJ", "NN", "CC", "JJ", "NN", "CC", "JJ", "HYPH", "JJ", "NN"]
    spaces = [False, False, True, True, True, True, True, True, False, False, True, False]
    doc = Doc(spacy.blank("en").vocab, words=words, tags=tags, spaces=spaces)
    assert _canonical(doc, Span(doc, 0, 4, label="Metric"), {}, {}).text == "accuracy"
    assert _canonical(doc, Span(doc, 5, 7, label="Metric"), {}, {}).text == "speed"
    assert _canonical(doc, Span(doc, 8, 12, label="Method"), {}, {}).text == "near-human evaluation"  # measures only


def test_a_noun_read_as_a_comparative_stays_in_a_measure(nlp):
    doc = nlp("Our method reaches an outlier ratio of 0.93 and 3.4% lower error than the baseline.")
    words = [t.text for t in doc]
    outlier, lower = words.index("outlier"), words.index("lower")
    assert _canonical(doc, Span(doc, outlier, outlier + 2, label="Metric"), {}, {}).text == "outlier ratio"
    assert _canonical(doc, Span(doc, lower, lower + 2, label="Metric"), {}, {}).text == "error"  # a comparison
    doc = nlp("Our method reaches broader coverage.")
    broader = [t.text for t in doc].index("broader")
    assert doc[broader].tag_ == "JJR"
    assert _canonical(doc, Span(doc, broader, broader + 2, label="Metric"), {}, {}).text == "coverage"


@pytest.mark.parametrize(
    ("words", "spaces", "span", "expected"),
    [
        # a title's praise of the paper's own method is no part of the problem's name
        (["Unified", "Collision", "Avoidance", "for", "Robots"], None, (0, 3), "Collision Avoidance"),
        (["Convolution", "for", "Lightweight", "Pansharpening"], None, (2, 4), "Pansharpening"),
        # a word that opens the name of a kind of problem stays, and so does a hyphenated compound's first part
        (["Robust", "Mean", "Estimation"], None, (0, 3), "Robust Mean Estimation"),
        (["Weak", "Supervision", "Under", "Assumptions"], None, (0, 2), "Weak Supervision"),
        (["few", "-", "shot", "concept", "learning"], [False, False, True, True, False], (0, 5),
         "few-shot concept learning"),
    ],
)
def test_a_task_mention_loses_a_generic_modifier(words, spaces, span, expected):
    # "Unified Collision Avoidance" and "Lightweight Pansharpening" were Task entities of titles whose problem the
    # abstract names without the praise (a validation-slice reading); the rules' path already dropped these words
    from spacy.tokens import Doc

    doc = Doc(spacy.blank("en").vocab, words=words, spaces=spaces)
    assert _canonical(doc, Span(doc, *span, label="Task"), {}, {}).text == expected
    assert _canonical(doc, Span(doc, *span, label="Method"), {}, {}).text == doc[span[0]:span[1]].text


def test_a_clause_break_inside_a_mention_leaves_the_measure_after_it(nlp):
    # "margin - enjoying F1 score" was a Metric node with a Result edge, judged wrong in rounds 4, 95 and 115
    from extractors.pipeline import doc_to_extraction, entity_model_of, role_model_of
    from schema import paper_text

    paper = Paper(id="t:dash", title="LaneX: Lane detection",
                  abstract="Our method outperforms all baselines by a large margin - enjoying F1 score of 81.43% on CULane.")
    ext = doc_to_extraction(nlp(paper_text(paper)), paper, role_model_of(nlp), entity_model_of(nlp))
    names = {e.name for e in ext.entities}
    assert "F1 score" in names and not any(" - " in n for n in names)
    assert [(r.metric, r.value) for r in ext.results] == [("F1 score", 81.43)]
