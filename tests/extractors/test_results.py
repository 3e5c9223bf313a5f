"""Reported results: the rules, numbers that are not results, the component, the seeds."""
from __future__ import annotations

import pytest
import spacy

from extractors.results import find_results, results_from_doc, results_from_text
from schema import Paper, paper_text


def _found(sentence: str, entities=()) -> list[tuple]:
    return [(r.value, r.unit, r.metric, r.benchmark, r.subject) for _, _, r in find_results(sentence, entities)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("For example, Llama3.1-8B reaches a 29.44 win rate on AlpacaEval 2.0 with our method.",
         [(29.44, None, "win rate", "AlpacaEval 2.0", "Llama3.1-8B")]),
        ("With our verifier, accuracy increases from 70.8% to 77.7% on ProcessBench.",
         [(77.7, "%", "accuracy", "ProcessBench", None)]),
        ("For example, o1-mini achieves 96.2% pass@1 on HumanEval.",
         [(96.2, "%", "pass@1", "HumanEval", "o1-mini")]),
        ("Our method achieves an accuracy of 85.2% on GSM8K.",
         [(85.2, "%", "accuracy", "GSM8K", None)]),
        ("It achieves 76% accuracy on HotpotQA and 80% on WebShop.",
         [(76.0, "%", "accuracy", "HotpotQA", None), (80.0, "%", "accuracy", "WebShop", None)]),
        ("INPO achieves a 41.5% length-controlled win rate on AlpacaEval 2.0 and a 38.3% win rate on Arena-Hard.",
         [(41.5, "%", "length-controlled win rate", "AlpacaEval 2.0", "INPO"),
          (38.3, "%", "win rate", "Arena-Hard", "INPO")]),
        ("Remarkably, rStar boosts GSM8K accuracy from 12.51% to 63.91% for LLaMA2-7B.",
         [(63.91, "%", "accuracy", "GSM8K", "LLaMA2-7B")]),
        ("It achieves a median human-normalized score of 0.415 on Atari.",
         [(0.415, None, "score", "Atari", None)]),
        # a bare "score" takes the name before it (a digit or two capitals), not an ordinary word
        # ("score of" is the noun, so "F0.5" is no actor of a verb "score")
        ("Our ensemble achieves an F0.5 score of 76.05 on BEA-2019.",
         [(76.05, None, "F0.5 score", "BEA-2019", None)]),
        ("Our model reaches a high score of 41.2 on ASSET.", [(41.2, None, "score", "ASSET", None)]),
        ("GPT-4 scores 85% on MMLU.", [(85.0, "%", None, "MMLU", "GPT-4")]),
        ("We reach 34.5% in the Length-controlled Win Rates of AlpacaEval 2.",
         [(34.5, "%", "Length-controlled Win Rates", "AlpacaEval 2", None)]),
        ("Our model obtains 68.33% accuracy on CIFAR-10. Furthermore, it is fast.",
         [(68.33, "%", "accuracy", "CIFAR-10", None)]),
        # a run-on list: each figure is the value of the measure before it, not of the one after it
        ("Our detector reaches a precision of 0.7373 recall of 0.61 and F1 of 0.67 on ICDAR.",
         [(0.7373, None, "precision", None, None), (0.61, None, "recall", None, None),
          (0.67, None, "F1", "ICDAR", None)]),
        # errors in a run-on list ("MAE" and "RMSE" are measures too)
        ("The forecaster has an MAE of 5.64 RMSE of 7.15 on PEMS.",
         [(5.64, None, "MAE", None, None), (7.15, None, "RMSE", "PEMS", None)]),
        # a figure "superior" to another is a difference
        ("Our method reaches an accuracy of 87%, which is 2% superior to the state-of-the-art.",
         [(87.0, "%", "accuracy", None, None)]),
        ("Llama3.1-8B reaches a 29.44 win rate on AlpacaEval 2.0, outperforming the Self-Rewarding baseline (19.69).",
         [(29.44, None, "win rate", "AlpacaEval 2.0", "Llama3.1-8B"),
          (19.69, None, "win rate", "AlpacaEval 2.0", "Self-Rewarding")]),
    ],
)
def test_results(sentence, expected):
    assert _found(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "We release 12 tasks and 1,000 examples across 3 benchmarks in 2023.",  # counts and a year
        "We train Llama 3 8B and 70B models on AlpacaEval 2.0.",                # sizes and versions
        "Our 7B model is trained on 13K examples for 3 epochs.",
        "Self-Instruct (Wang et al., 2023) uses 175 seed tasks.",                # a citation and a count
        "Our model improves by 5.3 points on GSM8K.",                           # a difference
        "R1-Reward achieves a 8.4% improvement on the VL Reward-Bench.",          # a difference
        "It improves the base models by 15.6% and 9.1% respectively on MATH and HumanEval.",
        "on MATH-500 and AIME it shows 2.08%, 2.23% and 3.99% improvements over GRPO.",
        "The approach gains +5.48% accuracy on average across all benchmarks.",
        "We evaluate GPT-4 and Qwen2.5 on 26 benchmarks in 5 languages.",
        "Accuracy rises with a reward model at 60-70% accuracy.",                # a range
        "In 2024, we collected 1,000 dialogues from 50 annotators.",
        "Models score about 20 points on average lower on RewardBench 2 than on RewardBench.",
        "The approach enables 0.37% and 0.55% top-5 accuracy increase on ImageNet.",   # a difference after the metric
        "PGMPF reduces 53.5% FLOPs on ResNet-50 with only 0.90% top-1 accuracy drop.",
        "Such examples exist for >2% of English words.",                              # a bound
        "It achieves a competitive ratio that tends to 1 as the error rate tends to 0.",  # limits
        "The tracker reaches a subpixel precision of 1/30th of a pixel.",             # a fraction
        "To compare them, we map a video X to a 3-dimensional manifold.",              # a size; the verb "map"
        "We prove a regret of O(d^(4.5) sqrt(n)) for the algorithm.",                  # an exponent

    ],
)
def test_numbers_that_are_not_results(sentence):
    assert _found(sentence) == []


def test_metric_words_inside_words_are_not_metrics():
    # "em" (exact match) in "system", "wer" in "lower"
    assert _found("Our system with lower cost reaches 75.8% on Foo.") == [(75.8, "%", None, "Foo", None)]


def test_entities_guide_the_benchmark_and_subject():
    sentence = "Our SuperNet obtains 88.1% accuracy on the Foo test split."
    s = sentence.index("SuperNet")
    b = sentence.index("Foo")
    ents = [(s, s + len("SuperNet"), "Method"), (b, b + len("Foo"), "Benchmark"),
            (sentence.index("accuracy"), sentence.index("accuracy") + 8, "Metric")]
    assert _found(sentence, ents) == [(88.1, "%", "accuracy", "Foo", "SuperNet")]


def test_only_the_rules_mentions_guide_results():
    """The recogniser's extra candidates (``span.id_ == "kg_ner"``) are not yet filtered by the
    entity decision when results are read, so they do not name a result's subject."""
    from spacy.tokens import Span

    nlp = spacy.blank("en")
    paper = Paper(id="t:1", title="T", abstract="Our SuperNet obtains 88.1% accuracy on the Foo test split.")
    doc = nlp(paper_text(paper))
    words = [t.text for t in doc]
    at = {w: i for i, w in enumerate(words)}
    bench = Span(doc, at["Foo"], at["Foo"] + 1, label="Benchmark", span_id="kg_entities")
    for source, subject in (("kg_entities", "SuperNet"), ("kg_ner", None)):
        net = Span(doc, at["SuperNet"], at["SuperNet"] + 1, label="Method", span_id=source)
        doc.spans["kg_entities"] = [net, bench]
        assert [(r.benchmark, r.subject) for r in results_from_doc(doc, paper)] == [("Foo", subject)]


def test_versions_inside_entity_spans_are_not_values():
    sentence = "We evaluate on Widget 2.5 and Gadget 3."
    ents = [(15, 25, "Benchmark"), (30, 38, "Benchmark")]
    assert _found(sentence, ents) == []


def test_offsets_cover_the_value():
    text = "Title\n\nWe test it. Llama3.1-8B reaches a 29.44 win rate on AlpacaEval 2.0."
    (rec,) = results_from_text(text, "t:1")
    assert text[rec.evidence.start:rec.evidence.end] == "29.44"
    assert rec.evidence.sentence == "Llama3.1-8B reaches a 29.44 win rate on AlpacaEval 2.0."


def test_results_from_doc_with_the_real_pipeline(nlp):
    paper = Paper(id="t:1", title="Better Judges",
                  abstract="We propose a new way to train judges for language models. For example, Llama3.1-8B reaches a 29.44 win rate on AlpacaEval 2.0 "
                           "with our method. Our 8B model uses 12 tasks.")
    text = paper_text(paper)
    recs = results_from_doc(nlp(text), paper)
    assert [(r.value, r.metric, r.benchmark) for r in recs] == [(29.44, "win rate", "AlpacaEval 2.0")]
    ev = recs[0].evidence
    assert (ev.paper_id, ev.extractor) == ("t:1", "kg_results")
    assert text[ev.start:ev.end] == "29.44"
    assert ev.sentence.startswith("For example, Llama3.1-8B")


def test_a_metric_keeps_its_whole_name(nlp):
    # "equal error rate" is not "error rate" (node precision round 10 saw a Result "7% error rate")
    paper = Paper(id="t:2", title="Speaker Checks", abstract="Our system reaches an equal error rate of 2.1% on VoxCeleb1.")
    recs = results_from_doc(nlp(paper_text(paper)), paper)
    assert [(r.value, r.metric, r.benchmark) for r in recs] == [(2.1, "equal error rate", "VoxCeleb1")]


def test_component_writes_spans():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("kg_results")
    doc = nlp("o1-mini achieves 96.2% pass@1 on HumanEval. We use 8B models.")
    assert [(s.text, s.label_) for s in doc.spans["kg_results"]] == [("96.2%", "RESULT")]


def test_extraction_takes_what_the_component_found(nlp):
    """results_from_doc and citations_from_doc reuse the components' findings (once), and those
    are what a search of the same Doc gives."""
    from extractors import citations, results
    from extractors.citations import citations_from_doc

    paper = Paper(id="t:2", title="Fast Judges",
                  abstract="Our judge (Smith et al., 2023) reaches 91.5% accuracy on MMLU, see arXiv:2401.01234.")
    doc = nlp(paper_text(paper))
    assert doc in results._FOUND and doc in citations._FOUND
    reused = (results_from_doc(doc, paper), citations_from_doc(doc, paper))
    assert doc not in results._FOUND and doc not in citations._FOUND
    searched = (results_from_doc(doc, paper), citations_from_doc(doc, paper))
    assert reused == searched and reused[0] and reused[1]
    assert doc.to_bytes()  # nothing unserializable left on the Doc


def _seed_abstract_lines(seeds_dir):
    for path in sorted(seeds_dir.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if len(line) > 200:
                yield line


def test_seed_alpacaeval_result(seeds_dir):
    """The seeds report a 29.44 win rate on AlpacaEval 2.0 (grep finds it in seed 001)."""
    recs = [r for line in _seed_abstract_lines(seeds_dir) for r in results_from_text(line)]
    hits = [r for r in recs if r.value == 29.44]
    assert hits and all((r.metric, r.benchmark, r.subject) == ("win rate", "AlpacaEval 2.0", "Llama3.1-8B") for r in hits)
    # no seed result is a year or a model size
    assert not [r for r in recs if r.unit is None and 1900 <= r.value <= 2099 and r.value == int(r.value)]
