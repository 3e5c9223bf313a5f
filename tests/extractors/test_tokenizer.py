"""Tokenizer adjustments: model and method names stay one token; titles end a sentence."""

from __future__ import annotations

import pytest

from extractors.tokenizer import NameTokenMatch, is_name_token


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Llama-3.1-8B", True),
        ("ReST-MCTS*", True),
        ("Qwen2.5-7B-Instruct", True),
        ("GPT-4o", True),
        ("Critique-GRPO", True),
        ("AI2-THOR", True),
        ("gemma-2-9b-it", True),
        ("T-REG", True),
        ("self-reflection", False),
        ("state-of-the-art", False),
        ("RL-based", False),
        ("LLM-powered", False),
        ("o1-like", False),
        ("text-to-SQL", False),
        ("LLM-agents", False),
        ("well-known", False),
        ("-4o", False),
        ("GPT-", False),
        ("LLM-Guided", False),
        ("non-PD", False),
        ("per-ROI", False),  # "per-ROI predictions": for each ROI, no name
        ("AI-generated.Crucially", False),  # two sentences, no space after the period
        ("fact-checking.In", False),
        ("Node-2.Vec", True),
        ("CIFAR-10.Our", False),  # a sentence glued to a name with a figure
    ],
)
def test_is_name_token(text, expected):
    assert is_name_token(text) is expected


def test_name_token_match_falls_back_to_previous_rule():
    seen = []

    def previous(text):
        seen.append(text)

    match = NameTokenMatch(previous)
    assert match("Llama-3-8B") is True
    assert match("hello") is None
    assert seen == ["hello"]


@pytest.mark.parametrize(
    ("sentence", "token"),
    [
        ("We fine-tune Llama-3.1-8B on math.", "Llama-3.1-8B"),
        ("Our ReST-MCTS* search is simple.", "ReST-MCTS*"),
        ("We use Qwen2.5-7B-Instruct as the policy.", "Qwen2.5-7B-Instruct"),
        ("It beats GPT-4o, Claude and others.", "GPT-4o"),
        ("Results on HumanEval+ improve.", "HumanEval+"),
    ],
)
def test_pipeline_keeps_names_whole(nlp, sentence, token):
    assert token in [t.text for t in nlp.make_doc(sentence)]


@pytest.mark.parametrize(
    ("sentence", "tokens"),
    [
        ("We evaluate on GSM8K.", ["GSM8K", "."]),
        ("It beats RNN- and attention-based models.", ["RNN", "-", "and"]),
        ("Data from the U.S. only.", ["U.S."]),
        ("We propose SECLA-B. It wins.", ["SECLA-B", ".", "It"]),  # a one-letter variant ends the sentence
        # a bracket glued to the word before an acronym or a year, LaTeX's "~(" ; "f(x)" stays whole
        ("Deep neural networks(DNNs) work.", ["networks", "(", "DNNs", ")"]),
        ("A graph network~(GN) works.", ["network", "~", "(", "GN", ")"]),
        ("On PoseTrack(2018, 21) videos.", ["PoseTrack", "(", "2018", ","]),
        ("A loss f(x) is convex.", ["f(x", ")"]),
        # a sentence glued to the one before after a name, a figure or a bracket: the name stays whole
        ("Gains of 3% (GSM8K).The code is out.", ["GSM8K", ")", ".", "The"]),
        ("We test on HotpotQA.We find gains.", ["HotpotQA", ".", "We"]),
        ("We use CIFAR-10.Our model wins.", ["CIFAR-10", ".", "Our"]),
        ("We study ICL.Next, we probe it.", ["ICL", ".", "Next"]),  # round 166's Method node "ICL.Next"
        ("It beats GPT-4.Then we stop.", ["GPT-4", ".", "Then"]),
        ("As in [12].In this work, we", ["]", ".", "In"]),
        ("We use Node-2.Vec here.", ["Node-2.Vec", "here"]),
        ("See Table 1.We propose a fix.", ["1", ".", "We"]),  # round 118's Method node "1.We"
    ],
)
def test_sentence_final_period_and_dangling_hyphen(nlp, sentence, tokens):
    words = [t.text for t in nlp.make_doc(sentence)]
    start = words.index(tokens[0])
    assert words[start : start + len(tokens)] == tokens


def test_pipeline_still_splits_ordinary_compounds(nlp):
    tokens = [t.text for t in nlp.make_doc("A state-of-the-art RL-based agent.")]
    assert "state-of-the-art" not in tokens
    assert "RL" in tokens


def test_title_ends_a_sentence(nlp):
    doc = nlp("Foo: A Title Without A Period\n\nWe study things. We find more.")
    first_abstract_token = next(t for t in doc if t.text == "We")
    assert first_abstract_token.is_sent_start
    assert len(list(doc.sents)) == 3


@pytest.mark.parametrize(
    "text",
    [
        "Learning Sparse Answer Set Programs\n\nAnswer set programming (ASP) is a popular declarative paradigm "
        "for hard search problems. We learn such programs from examples.",
        "Object Detection With Transformers\n\nDEtection TRansformer (DETR) is a recently proposed detector "
        "that removes hand-designed parts. We make it train faster.",
    ],
)
def test_the_abstract_s_first_word_is_no_sentence_of_its_own(nlp, text):
    doc = nlp(text)
    start = next(t.i for t in doc if t.is_space and "\n" in t.text) + 1
    first = next(s for s in doc.sents if s.start == start)
    assert len(first) > 5  # the parser split "Answer" / "set programming (ASP) ..." before


@pytest.mark.parametrize(
    ("abstract", "sentences"),
    [
        ("Local codes have heavy-tailed marginals [4, 7], and their scales depend on neighbours. We model both.",
         ["Local codes have heavy-tailed marginals [4, 7], and their scales depend on neighbours.", "We model both."]),
        ("A solver for stochastic (convex or nonconvex) optimization is given. Two findings follow: 1) it is fast. "
         "2) A balanced set helps.",
         ["A solver for stochastic (convex or nonconvex) optimization is given.", "Two findings follow: 1) it is fast.",
          "2) A balanced set helps."]),
        ("It wins (see the table.) It is small!  Is it new? Yes.",
         ["It wins (see the table.)", "It is small!", "Is it new?", "Yes."]),
        ("The loss w.r.t. the input is bounded for i.i.d. samples. mBERT gains.",
         ["The loss w.r.t. the input is bounded for i.i.d. samples.", "mBERT gains."]),  # an abbreviation's stop
    ],
)
def test_a_sentence_of_the_abstract_ends_only_where_a_sentence_can(nlp, abstract, sentences):
    doc = nlp("A Title\n\n" + abstract)
    body = [s.text.strip() for s in doc.sents if s.start > 2]
    assert body == sentences


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("45.65mIoU on ADE20K", ["45.65", "mIoU", "on", "ADE20K"]),
        ("by 1.0mAP and 1.59dB", ["by", "1.0", "mAP", "and", "1.59", "dB"]),
        ("CIDEr@0.5IoU and S^2AP", ["CIDEr@0.5IoU", "and", "S^2AP"]),  # a measure's threshold, a name
    ],
)
def test_a_measure_glued_to_its_figure_comes_off(text, tokens):
    import spacy

    from extractors.tokenizer import customize_tokenizer

    assert [t.text for t in customize_tokenizer(spacy.blank("en"))(text)] == tokens
