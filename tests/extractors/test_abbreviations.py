"""Abbreviation definitions: the pure matcher and the spaCy component."""

from __future__ import annotations

import pytest

from extractors.abbreviations import (
    abbreviation_map,
    find_abbreviation,
    find_abbreviations,
    is_short_form,
)


@pytest.mark.parametrize(
    ("long_candidate", "short", "expected"),
    [
        (
            "we propose the Subject-Aware Cross-Frame Attention",
            "SACFA",
            "Subject-Aware Cross-Frame Attention",
        ),
        ("combines guided Monte Carlo Tree Search", "MCTS", "Monte Carlo Tree Search"),
        ("a variant of the Direct Preference Optimization", "DPO", "Direct Preference Optimization"),
        ("the model, Recall to Imagine", "R2I", "Recall to Imagine"),
        ("built on state space models", "SSMs", "state space models"),
        (
            "we call it Self-Consistency Preference Optimization",
            "ScPO",
            "Self-Consistency Preference Optimization",
        ),
        # a later part of a hyphenated word is not spelled, and a letter inside a word is no initial
        ("two curricula: (1) corpus-level curriculum", "CC", "corpus-level curriculum"),
        # a digit the long form lacks counts its letter, or stands for a word; else the long form is cut
        ("we use the Asynchronous Advantage Actor Critic", "A3C", "Asynchronous Advantage Actor Critic"),
        ("an agent trained with Recurrent Replay Distributed DQN", "R2D2", "Recurrent Replay Distributed DQN"),
        ("models trained end-to-end", "E2E", "end-to-end"),
        ("the Advantage Actor-Critic", "A3C", None),
        ("progress on Learning to MultiTask", "L2MT", "Learning to MultiTask"),
        # a final digit counts the last capital, spelled by initials alone
        ("pretrained the Text-to-Text Transfer Transformer", "T5", "Text-to-Text Transfer Transformer"),
        ("the Colossal Clean Crawled Corpus", "C4", "Colossal Clean Crawled Corpus"),
        ("the Clean Crawled Corpus", "C4", None),
        ("a new method", "XYZ", None),
        ("a simple baseline", "GPT", None),
        # capitals inside words mark the letters, which need not open the words
        ("we then propose eXtremely Greedy Equivalent Search", "XGES", "eXtremely Greedy Equivalent Search"),
        ("a framework for PRObabilistic VIdeo DEcomposition", "PROVIDE", "PRObabilistic VIdeo DEcomposition"),
        ("the Wasserstein distance/Maximum Mean Discrepancy", "MMD", None),
        # one word is a long form when it joins a name in camel case whose capitals spell the short form
        ("We present a method, named SceneMotifCoder", "SMC", "SceneMotifCoder"),
        ("evaluated on our DriverActionInsight", "DAI", "DriverActionInsight"),
        ("an example of ours is HueGrays", "HGs", "HueGrays"),
        ("capitals that spell other letters: SoftsplatLite", "SSL", None),
        # ... not a word of lower-case letters, however well its letters fit
        ("images taken in the infrared", "IR", None),
        ("to disentangle the foreground", "FG", None),
        # a long form that opens with a minor word spelling the first letter takes the word before it of that letter
        ("a tool for Augmentative and Alternative Communication", "AAC", "Augmentative and Alternative Communication"),
        ("we build the Appearance and Motion network", "AMnet", "Appearance and Motion network"),
    ],
)
def test_find_abbreviation(long_candidate, short, expected):
    assert find_abbreviation(long_candidate, short) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("SACFA", True),
        ("ScPO", True),
        ("R2I", True),
        ("LLMs", True),
        ("2024", False),
        ("the model", False),
        ("e.g.", False),
        ("a", False),
        ("x", False),
    ],
)
def test_is_short_form(text, expected):
    assert is_short_form(text) is expected


@pytest.mark.parametrize(
    ("sentence", "pairs"),
    [
        (
            "We propose Subject-Aware Cross-Frame Attention (SACFA) for video.",
            [("Subject-Aware Cross-Frame Attention", "SACFA")],
        ),
        (
            "SACFA (Subject-Aware Cross-Frame Attention) keeps subjects stable.",
            [("Subject-Aware Cross-Frame Attention", "SACFA")],
        ),
        (
            "Retrieval Augmented Generation (RAG) and Monte Carlo Tree Search (MCTS) help.",
            [("Retrieval Augmented Generation", "RAG"), ("Monte Carlo Tree Search", "MCTS")],
        ),
        # a bracket glued to its word, LaTeX's non-breaking space before it
        ("Deep convolutional neural networks(CNNs) classify images.", [("convolutional neural networks", "CNNs")]),
        ("We propose a graph convolutional network~(GCN) for nodes.", [("graph convolutional network", "GCN")]),
        # a quoted long form: the quotes are no part of it (straight, curly, LaTeX's `` '')
        ('We use "Proximal Policy Optimization" (PPO) here.', [("Proximal Policy Optimization", "PPO")]),
        ("We use “Proximal Policy Optimization” (PPO) here.", [("Proximal Policy Optimization", "PPO")]),
        ("We use 'Proximal Policy Optimization' (PPO) here.", [("Proximal Policy Optimization", "PPO")]),
        ("We define the ``restricted Gaussian oracle'' (RGO) here.", [("restricted Gaussian oracle", "RGO")]),
        ("The “Propose-Test-Release” (PTR) framework is private.", [("Propose-Test-Release", "PTR")]),
        # a possessive is the owner's mark, no part of the long form
        ("Reinforcement Learning's (RL) reach grows.", [("Reinforcement Learning", "RL")]),
        ("The graph neural network’s (GNN) output is noisy.", [("graph neural network", "GNN")]),
        ("The accuracy improves by 3 (see Table 2).", []),
        ("We test on two datasets (Foo and Bar).", []),
        # a bracket that lists names is no definition of its first one ("three domains (TED, News, and Europarl)" was
        # read as TED); a remark or a reference after the comma leaves the short form
        ("We train on four corpora (FOC, Wiki, and Books).", []),
        ("We fit a drift diffusion model (DDM, Smith and Jones, 2019) to choices.", [("drift diffusion model", "DDM")]),
        ("We fit a drift diffusion model (DDM, e.g., Ratcliff and Tuerlinckx) to choices.",
         [("drift diffusion model", "DDM")]),
        # a coined name listing its words with commas: the initials of every capitalised item spell the letters
        # (round 246's judge found the second half of such a name as a node of its own); a list of lower-case words
        # describes a setting, and letters picked from inside the words of a clause before a comma are no long form
        ("We introduce the Adaptive Skills, Adaptive Partitions (ASAP) framework.",
         [("Adaptive Skills, Adaptive Partitions", "ASAP")]),
        ("We propose Look, Listen, and Parse (LLP), a method.", [("Look, Listen, and Parse", "LLP")]),
        ("Robots fly under size, weight, and power (SWAP) limits.", []),
        ("In this paper, we introduce a novel hybrid temporal convolutional and recurrent network (TricorNet).", []),
        # a PDF's double spaces between the words: the long form is where its words are, not text before them
        ("We  use  a  Radial  Basis  Function  (RBF)  kernel.", [("Radial  Basis  Function", "RBF")]),
        ("MCTS (Monte  Carlo  Tree  Search) is used.", [("Monte  Carlo  Tree  Search", "MCTS")]),
        # a remark in brackets after an acronym is no long form of it; "for" introduces one
        ("Fragments of the STP (under standard complexity-theoretic assumptions) are hard.", []),
        ("We propose StOP (for Stochastic-Optimistic Planning) here.", [("Stochastic-Optimistic Planning", "StOP")]),
        # "X, short for L" and "X (which) stands for L" say it in words (round 52's acronym audit: "SPADE, short for
        # State Space Augmented Transformer" was read as no definition); "a short for loop" is no definition
        ("We propose SPADE, short for State Space Augmented Transformer.",
         [("State Space Augmented Transformer", "SPADE")]),
        ("We present Donut, which stands for Document understanding transformer, a model.",
         [("Document understanding transformer", "Donut")]),
        ("The compiler unrolls a short for loop of LSTM steps.", []),
        ("We propose SPADE, short for a new transformer.", []),
        # letters matched across a verb and its object are no long form (round 213's Metric nodes "MMSE", one keyed by
        # 'minimize the mean square error'); spelled after the object's determiner, the long form is that
        ("We design precoders to minimize the mean square error (MMSE) of the received symbols.", []),
        ("We leverage a learning-to-learn (L2L) framework for adversarial training.", [("learning-to-learn", "L2L")]),
        ("We study Follow the Regularized Leader (FTRL) in games.", [("Follow the Regularized Leader", "FTRL")]),
        # an apposition whose capitals are the letters defines them (round 238's Method "SPectral" of 'SPORE, a SPectral
        # regularized ORthonormal Embedding'): the shortest such phrase, a hyphenated last word whole; a description
        # in lower case or with more capitals is none
        ("We present QUIRE, a QUIck Regularized Embedding for graph labels.", [("QUIck Regularized Embedding", "QUIRE")]),
        ("We release PaCT, a new multilingual Parallel Code Translation corpus of programs.",
         [("Parallel Code Translation", "PaCT")]),
        ("We propose QuICo, a Quill Information Co-training scheme for feathers.",
         [("Quill Information Co-training", "QuICo")]),
        ("We train TabGAN, a new GAN model for tables.", []),
        ("We use LOGD, a Lyapunov Optimization Based Gradient Descent for bandits.", []),
    ],
)
def test_find_abbreviations_in_doc(nlp, sentence, pairs):
    doc = nlp(sentence)
    assert [(lf.text, sf.text) for lf, sf in find_abbreviations(doc)] == pairs


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        # a title opening with letters and the words that spell them defines them, the name running on over its
        # capitalised words up to a minor word
        ("HARP: Hierarchical Adaptive Routing Planner for Drone Swarms\n\nWe plan routes.",
         [("Hierarchical Adaptive Routing Planner", "HARP")]),
        ("DRIFT: Dense Real-Time Inertial Fusion Tracking\n\nWe track.",
         [("Dense Real-Time Inertial Fusion Tracking", "DRIFT")]),
        # the word that spells the last letter goes on after its hyphen
        ("S-TIP: Story Text Infilling via Pre-trained Language Models\n\nWe infill.",
         [("Story Text Infilling via Pre-trained Language Models", "S-TIP")]),
        # an abstract's own definition comes first
        ("HARP: Hierarchical Adaptive Routing Planner\n\nWe propose Hybrid Aerial Route Planning (HARP).",
         [("Hybrid Aerial Route Planning", "HARP")]),
        # a name that is no string of letters, or opening words that do not spell the letters, define nothing
        ("HarpNet: Hierarchical Adaptive Routing Networks\n\nWe plan routes.", []),
        ("SGD: General Analysis and Improved Rates\n\nWe analyse SGD.", []),
        ("HARP: Routing Planners Are Hierarchical\n\nWe plan routes.", []),
    ],
)
def test_a_title_that_opens_with_letters_and_their_words_defines_them(nlp, text, pairs):
    doc = nlp(text)
    assert [(lf.text, sf.text) for lf, sf in find_abbreviations(doc)] == pairs


def test_component_writes_spans_labelled_with_short_form(nlp):
    doc = nlp("We apply Direct Preference Optimization (DPO) to a Transformer.")
    spans = doc.spans["kg_abbreviations"]
    assert [(s.text, s.label_) for s in spans] == [("Direct Preference Optimization", "DPO")]
    assert abbreviation_map(doc) == {"DPO": "Direct Preference Optimization"}


def test_spans_survive_multiprocessing(nlp):
    texts = ["We use Proximal Policy Optimization (PPO).", "Graph Neural Networks (GNNs) work."]
    docs = list(nlp.pipe(texts, n_process=2, batch_size=1))
    assert [abbreviation_map(d) for d in docs] == [
        {"PPO": "Proximal Policy Optimization"},
        {"GNNs": "Graph Neural Networks"},
    ]
