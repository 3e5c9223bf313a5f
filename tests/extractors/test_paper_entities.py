"""One entity per paper for one thing: an abbreviation's long form and an undefined acronym join
their entity (extractors.pipeline.doc_to_extraction), and names carry no stray whitespace."""
from __future__ import annotations

import pytest

from extractors.pipeline import _initialism, _initials, doc_to_extraction, load_nlp
from schema import Paper, RelType


@pytest.fixture(scope="module")
def candidates_nlp():
    """The real pipeline without the classifiers: every candidate the mention rules group is kept."""
    return load_nlp(entity_weights=False, role_weights=False)


def _entities(nlp, title: str, abstract: str) -> list:
    paper = Paper(id="p", title=title, abstract=abstract)
    return doc_to_extraction(nlp(f"{title}\n\n{abstract}"), paper).entities


def _holding(entities, surface: str) -> list:
    s = surface.lower()
    return [e for e in entities if s == e.name.lower() or s in (a.lower() for a in e.aliases)]


def _decided(nlp, abstract: str, title: str = "A Study"):
    """The extraction of a paper (titled "A Study" unless given) by the whole pipeline, the classifiers' decision
    included."""
    from extractors.pipeline import extract_papers

    (ext,) = extract_papers([Paper(id="p", title=title, abstract=abstract)], nlp=nlp)
    return ext


def _decided_types(nlp, abstract: str, title: str = "A Study") -> dict[str, str]:
    """The type of each entity :func:`_decided` keeps, by name."""
    return {e.name: e.type.value for e in _decided(nlp, abstract, title).entities}


def test_long_form_in_the_title_joins_the_defined_short_form(candidates_nlp):
    entities = _entities(
        candidates_nlp,
        "The Deep Ritz Method for Elliptic Equations",
        "We analyse the Deep Ritz Method (DRM) for the Poisson equation. DRM attains small generalization error.",
    )
    drm = _holding(entities, "DRM")
    assert len(drm) == 1 and _holding(entities, "Deep Ritz Method") == drm
    # the merged entity keeps the title mention among its evidence
    assert any(p.start == 4 for p in drm[0].evidence)


def test_undefined_acronym_joins_the_phrase_it_spells(candidates_nlp):
    entities = _entities(
        candidates_nlp,
        "Kernel Methods with Support Vector Machines",
        "We study support vector machines for text classification. We show that SVMs trained with a new "
        "kernel outperform logistic regression.",
    )
    svm = _holding(entities, "SVMs")
    assert len(svm) == 1 and _holding(entities, "support vector machines") == svm
    assert len(entities) == len({e.name.lower() for e in entities})


@pytest.mark.parametrize(("title", "abstract", "short", "long"), [
    ("Compact Facts in Open Information Extraction", "Neural OpenIE systems favour coverage. We make OpenIE compact.",
     "OpenIE", "Open Information Extraction"),
    ("Confident Least Square Value Iteration", "We propose an algorithm named CONFIDENT-LSVI. CONFIDENT-LSVI builds a "
     "coreset of states.", "CONFIDENT-LSVI", "Confident Least Square Value Iteration"),
    ("Sparse Mixtures", "We propose SPARse MIXture learning, called SPARMIX. SPARMIX scales to large data.",
     "SPARMIX", "SPARse MIXture learning"),
])
def test_undefined_short_form_of_a_word_and_initials_or_of_capitals_joins_its_phrase(candidates_nlp, title,
                                                                                      abstract, short, long):
    # a validation-slice paper's "OpenIE" and "Open Information Extraction" were two entities, "CONFIDENT-LSVI" and
    # "Confident Least Square Value Iteration" two Methods, "PROVIDE" and "PRObabilistic VIdeo DEcomposition" two
    entities = _entities(candidates_nlp, title, abstract)
    joined = _holding(entities, short)
    assert len(joined) == 1 and _holding(entities, long) == joined


def test_a_data_name_of_a_word_and_initials_joins_no_task(candidates_nlp):
    # "CommonsenseQA" the benchmark and "Commonsense Question Answering" the task are two things
    entities = _entities(candidates_nlp, "Improving Commonsense Question Answering",
                         "We study commonsense question answering and report accuracy on CommonsenseQA.")
    benchmark, task = _holding(entities, "CommonsenseQA"), _holding(entities, "commonsense question answering")
    assert benchmark and task and benchmark != task


def test_acronym_shapes():
    assert _initials("Kullback-Leibler divergence") == {"kld"}
    assert _initials("mixture of experts") == {"me", "moe"}
    assert _initials("transformer") == set()
    assert [_initialism(n) for n in ("SVMs", "KL-D", "GCNs")] == ["svm", "kld", "gcn"]
    # mixed-case names, lower-case starts and names with digits are not acronyms of a phrase
    assert [_initialism(n) for n in ("SearchQA", "mAP", "CC-100", "ShanghaiTech")] == [None] * 4


def test_no_acronym_joins_two_phrases_with_its_initials(candidates_nlp):
    entities = _entities(
        candidates_nlp,
        "Policy Search and Parameter Sharing",
        "We combine policy search with parameter sharing. PS improves sample efficiency.",
    )
    # "PS" spells both phrases: which one it means is unknown, so nothing is joined
    assert not [e for e in entities if {"policy search", "parameter sharing"} <= {e.name.lower(), *map(str.lower, e.aliases)}]


def test_acronym_the_paper_defines_does_not_join_another_phrase_it_spells(candidates_nlp):
    entities = _entities(
        candidates_nlp,
        "Sim-to-Real Transfer for Robot Learning",
        "Reinforcement learning (RL) is a common approach to robot learning. We train RL agents in "
        "simulation and transfer them to a real arm.",
    )
    robot = _holding(entities, "robot learning")
    assert robot and not [e for e in robot if "RL" in e.aliases or e.name == "RL"]
    assert _holding(entities, "RL") == _holding(entities, "reinforcement learning")


def test_names_collapse_whitespace(candidates_nlp):
    title, abstract = "Time Series Prediction", "Upper  bounds  on the  mean  squared error are  established for  stationary time series."
    entities = _entities(candidates_nlp, title, abstract)
    assert entities
    # evidence offsets cover the mention without the double spaces around it
    text = f"{title}\n\n{abstract}"
    spans = [text[p.start : p.end] for e in entities for p in e.evidence]
    assert spans and all(s == s.strip() for s in spans)
    assert all(e.name == " ".join(e.name.split()) for e in entities)
    assert all(a == " ".join(a.split()) for e in entities for a in e.aliases)


def test_latex_left_in_an_abstract_gives_names_not_markup(candidates_nlp):
    entities = _entities(
        candidates_nlp,
        "Choice Models",
        r"Variants of the drift-diffusion model (DDM; [1,2]) have been proposed in "
        r"\cite{Hocking2011, pelckmans2005convex}. We propose \textitasymptotic mean regularization "
        r"and \textbf{SOTA-Net} for DDM.",
    )
    names = {e.name for e in entities}
    # the short form ends at the semicolon; citation keys are not names; macros come off their words
    assert _holding(entities, "DDM") and _holding(entities, "drift-diffusion model") == _holding(entities, "DDM")
    assert not any(";" in n or "[" in n for n in names)
    assert not {"pelckmans2005convex", "Hocking2011"} & names
    assert {"asymptotic mean regularization", "SOTA-Net"} <= names


def test_an_undefined_acronym_is_not_taken_over_by_another_papers_definition(candidates_nlp):
    from kg.resolve.entities import resolve_entities

    papers = [
        ("a", "Compressing Networks", "We compress layers with a matrix product operator (MPO) decomposition."),
        ("b", "Policy Search", "We propose multi-policy optimization for control. MPO beats PPO on locomotion."),
    ]
    extractions = [
        doc_to_extraction(candidates_nlp(f"{title}\n\n{abstract}"), Paper(id=pid, title=title, abstract=abstract))
        for pid, title, abstract in papers
    ]
    # paper b's "MPO" is its own multi-policy optimization, kept as b's abbreviation ...
    assert extractions[1].abbreviations.get("MPO") == "multi-policy optimization"
    res = resolve_entities(extractions)
    operator = {res.node_of[("a", i)] for i, e in enumerate(extractions[0].entities) if _holding([e], "MPO")}
    # ... and none of b's entities lands on paper a's matrix product operator
    assert operator and not operator & {res.node_of.get(("b", i)) for i in range(len(extractions[1].entities))}


@pytest.mark.parametrize("learned", [False, True], ids=["rules", "learned"])
@pytest.mark.parametrize(
    ("abstract", "kept", "gone"),
    [
        (
            "We reach a 65.6\\% Top-1 Recall on UCF101 for video retrieval.",
            "Top-1 Recall",
            "65.6\\% Top-1 Recall",
        ),
        (
            "The algorithm is proved to achieve $O(cT^{\\frac{2\\alpha+D}{3\\alpha + D}}\\log(T))$ regret "
            "after $T$ rounds.",
            "regret",
            "D}}\\log(T))$ regret",
        ),
    ],
)
def test_names_carry_no_percent_or_latex_math(learned, abstract, kept, gone):
    nlp = load_nlp(learned=learned, entity_weights=False, role_weights=False)
    names = {e.name for e in _entities(nlp, "A Study", abstract)}
    assert kept in names and gone not in names
    assert not any("$" in n or "\\" in n or n[:1].isdigit() for n in names)


def test_latex_percent_comes_off_its_number(candidates_nlp):
    assert [t.text for t in candidates_nlp.make_doc("a 65.6\\% gain")] == ["a", "65.6", "\\%", "gain"]


def test_descriptor_before_its_name_is_no_entity(candidates_nlp):
    names = {e.name for e in _entities(
        candidates_nlp,
        "A Study",
        "We propose a new gated recurrent architecture, named RecSegNet, for road scenes.",
    )}
    assert "RecSegNet" in names
    assert not any("gated recurrent" in n for n in names)


def test_phrase_without_a_following_name_stays(candidates_nlp):
    names = {e.name.lower() for e in _entities(
        candidates_nlp,
        "A Study",
        "We propose a new gated recurrent architecture for road scenes, and compare it with RecSegNet.",
    )}
    assert any("gated recurrent" in n for n in names)


def test_a_whole_formula_in_a_name_stays(candidates_nlp):
    names = {e.name for e in _entities(
        candidates_nlp, "$\\theta$-MRF: Structure in the Parameters", "We propose $\\theta$-MRF for scene understanding."
    )}
    assert "$\\theta$-MRF" in names


def test_latex_tilde_before_a_citation_comes_off_the_name(candidates_nlp):
    tokens = [t.text for t in candidates_nlp.make_doc("Mondrian Forests~\\cite{lak2014} work")]
    assert tokens[:3] == ["Mondrian", "Forests", "~"]


@pytest.mark.parametrize("abstract, names", [
    ("We study motion planning for legged robots. Our planner also improves path planning in cluttered rooms.",
     {"motion planning", "path planning"}),
    ("Our detector improves localization accuracy; classification accuracy stays the same.",
     {"localization accuracy", "classification accuracy"}),
])
def test_phrases_sharing_a_head_word_stay_apart(candidates_nlp, abstract, names):
    """Two tasks or measures ending in the same word are two entities, each with its own evidence
    (a head-word merge once named "over-restrictive planning" after "model-based offline planning")."""
    entities = _entities(candidates_nlp, "Legged Robots", abstract)
    for name in names:
        found = _holding(entities, name)
        assert len(found) == 1 and found[0].name == name
        assert all(name in p.sentence for p in found[0].evidence)


@pytest.mark.parametrize("abstract, bad, good", [
    ("Our index achieves 98X and 478X search speedup over brute force.", "478X", "speedup"),
    ("The proposed algorithms achieve an $O(1/\\sqrt{T})$ convergence rate for convex objectives.",
     "sqrt", "convergence rate"),
])
def test_a_factor_or_a_cut_formula_comes_off_a_name(candidates_nlp, abstract, bad, good):
    names = {e.name for e in _entities(candidates_nlp, "A Study", abstract)}
    assert good in names
    assert not any(bad in n for n in names)


def test_a_title_mention_has_the_whole_title_as_its_sentence(candidates_nlp):
    title = "GRAFT: Gradient Aligned Fine-Tuning for Small Models"
    entities = _entities(candidates_nlp, title, "We propose GRAFT and test it on CIFAR-10.")
    graft = _holding(entities, "GRAFT")
    assert len(graft) == 1
    in_title = [p for p in graft[0].evidence if p.start < len(title)]
    assert in_title and all(p.sentence == title for p in in_title)


def test_a_phrase_listed_with_tasks_is_a_task(candidates_nlp):
    entities = _entities(
        candidates_nlp,
        "A Study",
        "Our encoder improves three NLP problems, including question answering, textual entailment and sentiment analysis.",
    )
    entailment = _holding(entities, "textual entailment")
    assert len(entailment) == 1 and entailment[0].type.value == "Task"


@pytest.mark.parametrize("abstract, bad", [
    ("Adaptive scores can use the held-out samples at training stage for increased accuracy.", "increased accuracy"),
    ("Our sparse attention results in on-par accuracy compared to dense transformers.", "on-par accuracy"),
    ("It reaches 19.3% on the ODP dataset, which is the best-reported accuracy on this dataset.", "best-reported accuracy"),
])
def test_a_change_word_before_a_measure_is_not_its_name(candidates_nlp, abstract, bad):
    names = {e.name.lower() for e in _entities(candidates_nlp, "A Study", abstract)}
    assert "accuracy" in names and bad not in names


@pytest.mark.parametrize(
    ("abstract", "short", "typ"),
    [
        # the propose cue pulled the learned decision to Method
        ("We propose the task of Court Judgment Prediction and Explanation (CJPE) for legal documents.", "CJPE", "Task"),
        ("In this paper we propose the task of Negative-Aware Video Moment Retrieval (NA-VMR), where a "
         "model localizes moments.", "NA-VMR", "Task"),
        # a long form that only begins the problem's name is not the problem
        ("We show that the well-studied problem of Gaussian process (GP) bandit optimization is a special case.",
         "GP", "Method"),
        # an apposition after the definition says it is a task; a training device or a model does not
        ("We introduce Interactive Question Answering (IQA), the task of answering questions that require an "
         "agent to act.", "IQA", "Task"),
        ("We propose the Hierarchical Interactive Memory Network (HIMN), a novel task-agnostic model.", "HIMN",
         "Method"),
        # a new task named after a dash (round 115's "ODAS", a Method node)
        ("We propose a novel task in action detection - Online Detection of Action Start (ODAS). We use GANs "
         "and adaptive sampling.", "ODAS", "Task"),
    ],
)
def test_a_long_form_defined_as_the_task_of_stays_a_task_after_the_decision(nlp, abstract, short, typ):
    ext = _decided(nlp, abstract)
    assert {e.type.value for e in ext.entities if e.name == short} == {typ}


def test_the_authors_of_a_citation_are_no_entity(nlp):
    from extractors.pipeline import extract_papers

    abstract = ("We present a margin bound for linear classifiers. The new bound is an exponential "
                "improvement of the tightest margin bound by Shawe-Taylor et al. and holds for support vector "
                "machines (SVMs).")
    (ext,) = extract_papers([Paper(id="p", title="A Margin Bound for Linear Classifiers", abstract=abstract)], nlp=nlp)
    names = {e.name for e in ext.entities}
    assert "SVMs" in names or "SVM" in names  # the paper's entities are found
    assert not {n for n in names if "Shawe" in n}


def test_authors_cited_with_a_year_are_no_entity(nlp):
    from extractors.pipeline import extract_papers

    abstract = ("Our algorithm for planar graphs uses the decomposition scheme of Klein, Plotkin and Rao (1993) "
                "and the learning rule of Oja (1982), as McMahan et al. and Donald Hebb (1949) did. It improves the running time of support vector machines (SVMs).")
    (ext,) = extract_papers([Paper(id="p", title="Faster Decompositions", abstract=abstract)], nlp=nlp)
    names = {e.name for e in ext.entities}
    assert "SVMs" in names  # the paper's entities are found
    assert not names & {"Klein", "Plotkin", "Rao", "Oja", "McMahan", "Donald Hebb", "Hebb"}


def test_authors_of_a_parenthetical_citation_are_no_entity(candidates_nlp):
    entities = _entities(
        candidates_nlp, "Faster Training", "Batch normalization (Ioffe & Szegedy, 2015) speeds up training."
    )
    assert _holding(entities, "batch normalization")
    assert not [e.name for e in entities if "Ioffe" in e.name]


@pytest.mark.parametrize(
    ("title", "abstract", "absent", "present"),
    [
        (  # a disease the paper studies is none of the six types, nor is its acronym
            "Screening for Chronic Kidney Disease with Gradient Boosting",
            "Chronic kidney disease (CKD) affects millions. We train XGBoost on CKD records and compare it "
            "with logistic regression for early CKD screening.",
            ("CKD", "chronic kidney disease"),
            ("XGBoost", "logistic regression"),
        ),
        (  # nor is a disease named alone, whatever type the data around it suggest
            "Chest X-Ray Screening",
            "We evaluate on COVID-19 and on the ChestX-ray14 dataset with a DenseNet classifier.",
            ("COVID-19",),
            ("DenseNet",),
        ),
        (  # nor is a region of interest; a method named after it is
            "Faster Lesion Localisation",
            "We crop each region of interest (ROI) of the scan and apply RoI Align before a ResNet classifier. "
            "Every ROI is scored.",
            ("ROI", "region of interest"),
            ("ResNet",),
        ),
        (  # an undefined RoI too
            "Contextual Detection",
            "We pool hierarchical contextual RoI features with RoI Align and score each RoI with a Faster R-CNN head.",
            ("RoI",),
            ("Faster R-CNN",),
        ),
        (  # nor is a recorded brain signal
            "Decoding Mistakes from Brain Signals",
            "We detect error-related potentials (ErrPs) in EEG and record local field potentials (LFPs), "
            "decoded by a ResNet classifier.",
            ("ErrPs", "error-related potentials", "LFPs", "local field potentials"),
            ("ResNet",),
        ),
    ],
)
def test_an_object_of_study_is_no_entity(candidates_nlp, title, abstract, absent, present):
    entities = _entities(candidates_nlp, title, abstract)
    assert not [name for name in absent if _holding(entities, name)]
    assert all(_holding(entities, name) for name in present)


def test_unique_and_distinct_are_no_part_of_a_name(candidates_nlp):
    """'a unique learning method' names no method, and 'unique data augmentation' is data augmentation."""
    entities = _entities(
        candidates_nlp, "Channel Attention for Detection",
        "We construct a unique learning method over channels and train it with unique data augmentation "
        "and distinct contrastive learning objectives.",
    )
    names = [e.name.lower() for e in entities]
    assert not [n for n in names if n.startswith(("unique", "distinct"))]
    assert _holding(entities, "data augmentation")


def test_a_capitalised_word_before_a_name_is_the_names(candidates_nlp):
    """'Faster R-CNN' and 'Mask R-CNN' are other detectors than R-CNN: their first word is no modifier
    to strip; a sentence's ordinary first word and an organisation are not the name's."""
    entities = _entities(
        candidates_nlp, "Contextual Detection",
        "We build on Faster R-CNN and compare with Mask R-CNN and Cascade Mask R-CNN. Our detector outperforms "
        "Faster R-CNN. Standard BERT fails, unlike Google BERT.",
    )
    assert all(_holding(entities, n) for n in ("Faster R-CNN", "Mask R-CNN", "Cascade Mask R-CNN", "BERT"))
    assert not [e.name for e in entities if e.name in ("R-CNN", "Standard BERT", "Google BERT")]


def test_words_in_capitals_for_emphasis_or_logic_are_no_names(candidates_nlp):
    entities = _entities(
        candidates_nlp, "Depth of Threshold Circuits",
        "The rate does NOT depend on the partition number, and circuits of AND, OR, NOT gates need depth "
        "O(log n). A 3 dB gain in SNR follows. We propose a NOVEL circuit family called DeepGate.",
    )
    assert not [e.name for e in entities if e.name in ("NOT", "AND", "dB", "NOVEL")]


def test_translation_directions_and_kinds_of_image_are_no_benchmarks(candidates_nlp):
    """'English-German' is a translation direction and 'RGB-D' a kind of image; 'NTU RGB+D' and
    'SUN RGB-D' are datasets, whole."""
    entities = _entities(
        candidates_nlp, "Two Tasks",
        "Experiments on the Chinese-English and English-German translation tasks show gains. On NTU RGB+D, "
        "NTU RGB+D 120 and SUN RGB-D our model, which reads RGB-D images, is best.",
    )
    names = {e.name for e in entities}
    assert not names & {"English-German", "Chinese-English", "RGB-D", "RGB+D", "NTU", "SUN"}
    assert {"NTU RGB+D", "NTU RGB+D 120", "SUN RGB-D"} <= names


@pytest.mark.parametrize("sentence", [
    # TB37's Benchmark "En-De", from a run of capitalised words after 'WMT14'
    "Experimental results on WMT14 En-De and WMT16 En-Ro datasets show that the proposed decoder achieves "
    "significant improvements over the baseline models.",
    "We evaluate on the En-De and En-Fr tasks of WMT14 and on IWSLT15 En-Vi, where our decoder is twice as fast.",
    # TB40's Benchmark "En<->Ro"
    "Results on WMT16 En<->Ro and WMT14 En<->De show gains over the baseline models.",
])
def test_a_translation_direction_by_language_codes_is_no_benchmark(candidates_nlp, sentence):
    """Two language codes, one of them English, name no data; the benchmarks they follow are kept."""
    names = {e.name for e in _entities(candidates_nlp, "Faster Decoding", sentence)}
    assert not names & {"En-De", "En-Ro", "En-Fr", "En-Vi", "En<->De", "En<->Ro"}, names
    assert "WMT14" in names, names


def test_letters_of_a_degree_modifier_name_nothing(candidates_nlp):
    """Round 5 of the acronym audit: "high-quality (HQ) images" made a Method node HQ of three papers. Letters a paper
    gives a modifier ("high-resolution (HR)", "low-frequency (LF)") name no entity, defined or used after; a name
    defined next to them is kept."""
    entities = _entities(
        candidates_nlp, "Restoring Faces",
        "Paired high-quality (HQ) and low-quality (LQ) images are rare, so we map low-resolution (LR) inputs to "
        "high-resolution (HR) outputs with a dual-branch restorer (DBR). DBR keeps high-frequency (HF) details: the "
        "HR faces it makes from LR ones are sharp. Its Lower-Level (LL) solver feeds the LL loss to a critic.",
    )
    names = {n for e in entities for n in [e.name, *e.aliases]}
    assert not names & {"HQ", "LQ", "LR", "HR", "HF", "LL", "high-quality", "high-resolution", "Lower-Level"}, names
    assert "DBR" in names, names


def test_a_receiver_operating_characteristic_or_precision_recall_curve_is_a_metric(nlp):
    # judged round 231: "receiver operating characteristic (ROC)" of 'better ... (ROC) curves' was a Method node
    types = _decided_types(nlp, "We propose SpikeScore, a detector of rare events in sensor streams. SpikeScore "
                                "reaches better receiver operating characteristic (ROC) curves than isolation forests "
                                "on three data sets, and its precision-recall curve shows fewer false alarms.",
                           title="Scoring Rare Events")
    assert types.get("ROC") == "Metric", types
    assert types.get("precision-recall curve") == "Metric", types


def test_a_translation_direction_written_with_to_between_hyphens_is_no_benchmark(candidates_nlp):
    # TB43's Benchmark "English-to-German"
    names = {e.name for e in _entities(
        candidates_nlp, "Faster Decoding",
        "Our decoder is fast on WMT14. Furthermore, on English-to-German, it outperforms last year's best models "
        "such as ByteNet while using half as many examples.",
    )}
    assert not names & {"English-to-German", "German-to-English"}, names
    assert {"WMT14", "ByteNet"} <= names, names


def test_an_optimisation_formulation_is_a_method(nlp):
    # judged rounds 4, 49 and 132: "SDPs" of 'approximations of this LP in terms of semidefinite programs (SDPs)', a
    # Metric node
    types = _decided_types(nlp, "We consider the problem of designing controllers for polynomial systems. The problem "
                                "is cast as an infinite dimensional LP over measures, and we provide finite dimensional "
                                "approximations of this LP in terms of semidefinite programs (SDPs). The resulting "
                                "controllers track reference trajectories with small error.",
                           title="Controller Design via Occupation Measures")
    assert types.get("SDPs") == "Method", types


@pytest.mark.parametrize(
    ("title", "abstract", "absent", "present"),
    [
        # a corpus abstract's "including 7B and 8B parameter base-instruction models": Model nodes "7B" and "8B"
        ("Censored Models",
         "We compare censored and uncensored configurations, including 7B and 8B parameter models of Llama 3 and "
         "Qwen2. We release the LifeTox moderator family in 350M, 7B and 13B sizes, and Llama-3-8B stays best.",
         {"7B", "8B", "350M", "13B"}, "Llama-3-8B"),
        # round 164's "O(kp) memory" ('no algorithm can do better than $O(kp)$ memory') was a Method node
        ("Streaming Low-Rank Approximation",
         "We consider streaming low-rank approximation of a $p$-dimensional covariance. Standard algorithms require "
         "$O(p^2)$ memory; meanwhile no algorithm can do better than $O(kp)$ memory, since this is what the output "
         "itself requires. We propose StreamSketch, an algorithm with $\\mathcal{O}(kp)$ memory and near-optimal "
         "sample complexity.",
         {"$O(kp)$ memory", "$O(p^2)$ memory", "$\\mathcal{O}(kp)$ memory", "O(kp) memory"}, "StreamSketch"),
        # round 169's "GBytes" ('uses more than 2 GBytes memory') was a Method node
        ("Streaming Sketches",
         "The exact solver uses more than 2 GBytes memory on this graph, while our sketch, StreamSketch, needs 20 "
         "MBytes and streams at 5 Mbps, and improves accuracy by 3 points.",
         {"GBytes", "MBytes", "Mbps"}, "StreamSketch"),
        # nor a band or a kind of image: round 191's "NIR" (near-infrared images, a Method node of 3 papers; 6 in the
        # whole corpus), round 195's "MSI" (the whole corpus had "HSI" as a Method of 6 papers)
        ("Iris Recognition in the Wild",
         "We fuse near-infrared (NIR) and visible images of the iris and add short-wave infrared (SWIR) frames. Our "
         "network, IrisFuse, lowers the equal error rate on CASIA-Iris by 20%.",
         {"NIR", "near-infrared", "SWIR", "short-wave infrared"}, "IrisFuse"),
        ("Unsupervised Quill Fusion for Hyperspectral Image Super-Resolution",
         "We fuse a low-resolution hyperspectral image (HSI) with a high-resolution multispectral image (MSI). Our "
         "network, QuillFuse, lowers the spectral angle error by 12% over prior methods.",
         {"HSI", "MSI", "hyperspectral image", "multispectral image"}, "QuillFuse"),
    ],
)
def test_a_size_a_unit_or_a_kind_of_image_is_no_name(candidates_nlp, title, abstract, absent, present):
    names = {e.name for e in _entities(candidates_nlp, title, abstract)}
    assert not names & absent, names
    assert present in names


def test_well_known_reading_comprehension_benchmarks_are_benchmarks(nlp):
    # round 164's "CBT" ('... benchmarks such as the Children's Book Test (CBT) and Who-Did-What (WDW)') was a Method
    types = _decided_types(nlp, "Our reader improves accuracy by 2 points over previous results on standard machine "
                                "comprehension benchmarks such as the Children's Book Test (CBT) and bAbI.",
                           title="A Reader with Memory")
    assert types.get("CBT") == "Benchmark" and types.get("bAbI") == "Benchmark", types


def test_well_known_person_re_identification_benchmarks_are_no_methods(nlp):
    # round 247's "CUHK03" was a Method node: the person re-identification benchmarks are well known, as Market-1501 was
    types = _decided_types(nlp, "We propose SPReID. Our proposed methods improve state-of-the-art person "
                                "re-identification on: Market-1501 by ~17% in mAP and ~6% in rank-1, CUHK03 by ~4% in "
                                "rank-1 and DukeMTMC-reID by ~24% in mAP and ~10% in rank-1.",
                           title="Human Semantic Parsing for Person Re-identification")
    assert types.get("Market-1501") == "Benchmark" and types.get("CUHK03") == "Benchmark", types
    types = _decided_types(nlp, "Our methods improve person re-identification on: Market-1501 by ~17% in mAP and ~6% "
                                "in rank-1, CUHK03 by ~4% in rank-1 and VIPeR by ~5% in rank-1.", title="Parsing People")
    assert types.get("VIPeR") == "Benchmark", types


def test_vision_language_action_models_are_a_class_of_models(candidates_nlp):
    # round 172's "VLA" ('such category of models as vision-language-action models') was a Method node; like VLMs, a
    # class of models, which the train annotations never keep (ten abstracts write it)
    entities = _entities(
        candidates_nlp, "Grasping with Language",
        "Vision-language-action models (VLAs) map images and instructions to robot actions. We propose GripNet, which "
        "fine-tunes a VLA on grasps and improves the success rate by 12% over OpenVLA.",
    )
    names = {e.name for e in entities} | {a for e in entities for a in e.aliases}
    assert not names & {"VLA", "VLAs", "Vision-language-action models"}, names
    assert "GripNet" in names
    # round 177's "hierarchical Vision-Language-Action" (of '... a hierarchical Vision-Language-Action (VLA) navigation
    # policy') was a Method node: the class's long form with a word before it
    mobility = "Mobility VLA: Multimodal Instruction Navigation"
    entities = _entities(candidates_nlp, mobility, "We present Mobility VLA, a hierarchical Vision-Language-Action (VLA) "
                         "navigation policy that combines long-context VLMs with a topological graph.")
    assert not [e.name for e in entities if "Vision-Language-Action" in e.name], [e.name for e in entities]


def test_a_broad_field_is_no_entity(candidates_nlp):
    entities = _entities(
        candidates_nlp, "Fair Ranking for Machine Learning",
        "Deep learning (DL) is used widely in computer vision. We propose FairRank, a ranking method.",
    )
    names = {e.name.lower() for e in entities} | {a.lower() for e in entities for a in e.aliases}
    assert not names & {"machine learning", "deep learning", "dl", "computer vision"}
    assert "fairrank" in names


def test_an_open_problem_title_and_dimensions_are_no_methods(candidates_nlp):
    entities = _entities(
        candidates_nlp, "Open Problem: Tight Bounds for Dueling Bandits",
        "We pose this open problem for dueling bandits. Our 2D-3D lifting network is fast.",
    )
    assert not [e.name for e in entities if e.name in ("Open Problem", "2D-3D")]
    assert _holding(entities, "dueling bandits")


@pytest.mark.parametrize(
    ("title", "abstract", "name", "typ"),
    [
        # the title describes the name as data; so does an apposition with a participle in it
        ("BiRdQA: A Bilingual Dataset for Question Answering on Tricky Riddles",
         "We introduce BiRdQA, a bilingual multiple-choice question answering dataset with 6614 riddles. "
         "Existing models fail on BiRdQA.", "BiRdQA", "Dataset"),
        ("A Study of Riddles", "We release RiddleSet, a manually labeled corpus of riddles.", "RiddleSet", "Dataset"),
        # a clause's participle ends the apposition: the dataset it names is not the name's type
        ("A Study of Riddles", "We propose RiddleNet, a network trained on the ImageNet dataset.", "RiddleNet",
         "Method"),
        ("FooNet: Learning from Noisy Datasets", "We propose FooNet for noisy labels.", "FooNet", "Method"),
        # coordinated modifiers, a bracket inside or before the apposition
        ("A Study of Riddles", "We propose RiddleSet, a large-scale, comprehensive, and high-quality dataset for riddles.",
         "RiddleSet", "Dataset"),
        ("A Study of Riddles", "We present RidBench, a few-shot document-level riddle solving (FSDRS) benchmark.",
         "RidBench", "Benchmark"),
        ("A Study of Riddles", "We propose RIDL (Riddle Intelligence Data Library), a novel benchmark designed for "
         "testing models.", "RIDL", "Benchmark"),
        # the data word modifies another head, or comes after the apposition's head
        ("A Study of Riddles", "We propose RiddleGen, a generic framework for the enrichment of tabular datasets.",
         "RiddleGen", "Method"),
        ("A Study of Riddles", "We propose RiddleWOZ, a novel dialogue collection framework that simulates users.",
         "RiddleWOZ", "Method"),
    ],
)
def test_a_name_described_as_data_is_data(candidates_nlp, title, abstract, name, typ):
    assert {e.type for e in _holding(_entities(candidates_nlp, title, abstract), name)} == {typ}


def test_a_figures_unit_is_no_part_of_the_measure(candidates_nlp):
    entities = _entities(candidates_nlp, "A Fast Network", "RapidNet achieves 0.9 ms inference latency on a phone.")
    names = {e.name for e in entities if e.type == "Metric"}
    assert "inference latency" in names and "ms inference latency" not in names


def test_a_name_cut_inside_a_hyphenated_word_is_no_entity(candidates_nlp):
    entities = _entities(
        candidates_nlp,
        "A Study",
        "Our models beat the previous best Textless End-to-end SLU models. We design GenCo, a Generative "
        "Co-training network, on top of GAN-based models and statistical language modeling-the usual way.",
    )
    names = {e.name for e in entities}
    assert not names & {"Textless End", "Generative Co"}
    assert {"GAN", "language modeling"} <= names  # a qualifying suffix, a dash before a word


def test_a_name_starting_inside_brackets_it_does_not_open_is_no_entity(candidates_nlp):
    entities = _entities(
        candidates_nlp,
        "New Step Sizes for (Stochastic) Optimization",
        "We add a Kullback-Leibler (KL) divergence penalty to electroencephalography (EEG)-based emotion "
        "recognition, a (meta-)learning setting.",
    )
    assert not [e.name for e in entities if ")" in e.name]


def test_a_name_starting_or_ending_inside_a_compound_is_no_entity(candidates_nlp):
    entities = _entities(
        candidates_nlp, "A Sampler", "We introduce the Balls-and-Bins sampling for private optimization such as DP-SGD. "
        "We also introduce a simple alignment technique, termed Self-Consistency-Alignment Chain-of-thought, that helps.",
    )
    names = {e.name for e in entities}
    assert not names & {"Bins sampling", "Self-Consistency-Alignment Chain"}


def test_scare_quotes_are_not_part_of_a_name(candidates_nlp):
    entities = _entities(
        candidates_nlp,
        '"Fastformer: Additive Attention for Sequences"',
        'We fit "black box" variational inference and the “Siamese” neural network with hard” gradient descent.',
    )
    names = {e.name for e in entities} | {a for e in entities for a in e.aliases}
    assert not [n for n in names if set(n) & set('"“”')], names
    assert "black box variational inference" in names or "variational inference" in names


def test_a_kind_of_recorded_signal_or_image_is_no_entity(candidates_nlp):
    entities = _entities(
        candidates_nlp,
        "Decoding Intent from sEMG",
        "We record surface electromyography (sEMG) and measured signals such as EEG and EMG, and link them to "
        "electronic health records (EHRs). We address EEG classification with a convolutional neural network.",
    )
    names = {e.name for e in entities}
    assert not names & {"sEMG", "EEG", "EMG", "EHRs", "electronic health records", "surface electromyography"}, names
    assert "EEG classification" in names


def test_a_word_of_a_long_form_whose_capitals_spell_the_acronym_is_no_name(candidates_nlp):
    # round 107's "COunterfactual" (a Method node) of 'Our approach, called COunterfactual SYntax (COSY), includes ...
    # a COunterfactual training method'
    abstract = ("Our approach, called COunterfactual SYntax (COSY), includes SYntax-aware networks and a COunterfactual "
                "training method. It beats DAgger, the Dataset Aggregation (DAgger) algorithm.")
    names = {e.name for e in _entities(candidates_nlp, "A Study", abstract)}
    assert "COunterfactual" not in names and "SYntax" not in names, names
    assert "COSY" in names and "DAgger" in names


def test_a_network_the_short_form_holds_whole_is_still_a_name(candidates_nlp):
    # round 110: 'UNet' of 'a 3D multi-resolution Dense-Attention UNet (3D-mDAUNet) as the generator and a 3D
    # multi-resolution UNet as the discriminator' was read as a lettered word of the long form and dropped
    abstract = ("We use a 3D multi-resolution Dense-Attention UNet (3D-mDAUNet) as the generator and a 3D "
                "multi-resolution UNet as the discriminator.")
    names = {e.name for e in _entities(candidates_nlp, "A Study", abstract)}
    assert names & {"UNet", "U-Net"}, names


def test_an_imaging_modality_spelled_computerized_is_no_entity(candidates_nlp):
    # round 108's "CT" ('3D medical images like computerized tomography (CT)'), the American spelling of computed
    # tomography, was a Method node
    names = {e.name for e in _entities(candidates_nlp, "A Study", "We segment 3D medical images like computerized "
                                       "tomography (CT) and computerised tomography scans with a U-Net.")}
    assert not names & {"CT", "computerized tomography", "computerised tomography"}, names
    assert "U-Net" in names


def test_funders_brain_regions_and_words_spelling_an_acronym_are_no_entities(candidates_nlp):
    entities = _entities(
        candidates_nlp,
        "LEAP: coaLition formation gamE and grAdient Projection",
        "We record from the Entorhinal Cortex (EC) under constraints imposed by IARPA and NSF. LEAP combines "
        "coaLition formation and grAdient projection, unlike fastText.",
    )
    names = {e.name for e in entities} | {a for e in entities for a in e.aliases}
    assert not names & {"EC", "Entorhinal Cortex", "IARPA", "NSF", "coaLition", "grAdient"}, names


def test_a_verb_is_no_measure_and_a_word_inside_a_hyphenated_one_no_entity(candidates_nlp):
    entities = _entities(
        candidates_nlp,
        "Memory in Navigation",
        "Agents could recall their surroundings. We bound swap-Regret and use the Clebsch--Gordan transform. "
        "We report recall and precision.",
    )
    names = [e.name for e in entities]
    assert names.count("recall") <= 1 and "Regret" not in names and "Gordan transform" not in names, names
    recall = next(e for e in entities if e.name == "recall")
    assert all("report recall" in ev.sentence for ev in recall.evidence), [ev.sentence for ev in recall.evidence]


def test_a_name_starting_with_a_hyphen_is_no_entity(candidates_nlp):
    entities = _entities(
        candidates_nlp, "T", "We study $k$-order correlation clustering and the -order correlation clustering problem, "
        "with higher-order correlation clustering.",
    )
    assert not [e.name for e in entities if e.name.startswith("-")]


def test_a_knowledge_base_is_data_not_a_method(candidates_nlp):
    entities = _entities(
        candidates_nlp, "Commonsense Reasoning with Knowledge",
        "We retrieve facts from ConceptNet and UMLS and link entities to Wikidata for question answering.",
    )
    types = {e.name: e.type.value for e in entities}
    assert not [n for n in ("ConceptNet", "UMLS", "Wikidata") if types.get(n) == "Method"], types
    assert {"Dataset", "Benchmark"} & {types.get(n) for n in ("ConceptNet", "UMLS", "Wikidata")}, types


def test_people_named_by_their_work_are_no_entities(candidates_nlp):
    entities = _entities(
        candidates_nlp, "Tighter Bounds for Online Prediction",
        "We extend the one-inclusion graph algorithm of Haussler, Littlestone, and Warmuth and settle a conjecture "
        "by Golovin and Krause. The spectral decomposition proposed by Guy Gilboa improves on Kuhlmann [Kuh99] "
        "and on the set kernel [Haussler, 1999]. A deterministic streaming algorithm of Liberty (KDD, 2013) "
        "compresses the matrix.",
    )
    names = {e.name for e in entities} | {a for e in entities for a in e.aliases}
    people = {"Haussler", "Littlestone", "Warmuth", "Golovin", "Krause", "Guy Gilboa", "Gilboa", "Kuhlmann", "Liberty"}
    assert not names & people, names & people


def test_a_name_announced_as_a_metric_is_a_measure_and_praise_is_no_part_of_a_name(candidates_nlp):
    entities = _entities(
        candidates_nlp, "Evaluating Citation Summaries",
        "We devised an LLM-based automatic evaluation metric, G-Score, and a novel metric called Influence "
        "Difference (ID). The summaries are aligned with the celebrated Sinkhorn algorithm.",
    )
    types = {e.name: e.type.value for e in entities}
    assert types.get("G-Score") == "Metric" and types.get("ID") in (None, "Metric"), types
    assert not [n for n in types if n.lower().startswith("celebrated")], types
    titled = _entities(candidates_nlp, "BlonDe: An Automatic Evaluation Metric for Document-level Translation",
                       "We propose BlonDe and compare it with BLEU.")
    assert {e.name: e.type.value for e in titled}.get("BlonDe") == "Metric", [(e.name, e.type) for e in titled]


def test_a_class_of_problems_is_a_task_whatever_short_form_stands_for_it():
    from extractors.pipeline import extract_papers, load_extractor

    paper = Paper(
        id="p", title="Neural Neighborhood Search for Pickup and Delivery Problems",
        abstract="We present a neural neighborhood search approach for pickup and delivery problems (PDPs), and "
        "study discrete-time stationary mean field games (MFG) with unknown dynamics. We also solve the maximum "
        "distance optimization problem with it.",
    )
    entities = next(iter(extract_papers([paper], nlp=load_extractor()))).entities  # with the entity decision
    typed = {e.name: e.type.value for e in entities}
    problems = [e for e in entities if {e.name, *e.aliases} & {"PDPs", "MFG", "maximum distance optimization"}]
    assert problems and all(e.type.value == "Task" for e in problems), typed


def test_formats_fields_of_view_and_settings_take_their_general_types(candidates_nlp):
    entities = _entities(
        candidates_nlp, "Zero-Shot Learning for Panoramic Views",
        "Zero-shot learning (ZSL) recognises unseen classes. Cameras with a narrow field of view (FoV) send "
        "HTTP requests and MIDI files. We report the quadratic weighted kappa (QWK) and propose a metric named "
        "SLIDE (SLIding Document Evaluator). Pre-trained language models (PLMs) read recordings from the "
        "lateral geniculate nucleus (LGN).",
    )
    types = {n: e.type.value for e in entities for n in (e.name, *e.aliases)}
    assert not {"FoV", "HTTP", "MIDI", "narrow field of view", "PLMs", "LGN"} & set(types), types
    assert types.get("ZSL") == "Task" and types.get("QWK") == "Metric" and types.get("SLIDE") == "Metric", types


@pytest.mark.parametrize("title, name, description", [
    ("QuillNet: A Sparse Recurrent Architecture for Traffic Forecasting", "QuillNet", "Sparse Recurrent Architecture"),
    ("Vex: An Adaptive Graph Attention Model for Molecule Design", "Vex", "Adaptive Graph Attention Model"),
])
def test_a_titles_description_of_its_name_is_no_entity(candidates_nlp, title, name, description):
    entities = _entities(candidates_nlp, title, f"We introduce {name}, which beats strong baselines on two tasks.")
    assert _holding(entities, name)
    assert not _holding(entities, description)


@pytest.mark.parametrize("title, name, phrase", [
    ("SGRA: Sparse Graph Recurrent Attention for Traffic Forecasting", "SGRA", "Sparse Graph Recurrent Attention"),
    # a coined name's capitals spell the phrase's initials
    ("OptQForest: Optimal Quill Forest for Anomaly Detection", "OptQForest", "Optimal Quill Forest"),
])
def test_a_title_phrase_spelling_out_its_name_is_an_alias(candidates_nlp, title, name, phrase):
    entities = _entities(candidates_nlp, title, f"We introduce {name}, which beats strong baselines on two tasks.")
    [entity] = _holding(entities, name)
    assert phrase in entity.aliases


def test_a_well_known_name_after_a_titles_colon_stays(candidates_nlp):
    entities = _entities(
        candidates_nlp,
        "QuillNet: Mixture of Experts for Traffic Forecasting",
        "We introduce QuillNet, which beats strong baselines on two tasks.",
    )
    assert _holding(entities, "Mixture of Experts") and _holding(entities, "QuillNet")


@pytest.mark.parametrize("title", [
    "Rethinking QuillNet: Lessons from Scaling Recurrent Forecasters",
    "Revisiting QuillNet for Traffic Forecasting",
    "Improving QuillNet with Sparse Attention",
])
def test_a_verb_opening_the_title_is_no_part_of_a_name(candidates_nlp, title):
    entities = _entities(candidates_nlp, title, "QuillNet forecasts traffic from loop detectors.")
    assert _holding(entities, "QuillNet")
    verb = title.split()[0].lower()
    assert not any(verb in n.lower().split() for e in entities for n in [e.name, *e.aliases])


@pytest.mark.parametrize("title, verb", [
    ("Stabilizing Adversarial Nets with Prediction Methods", "stabilizing"),
    ("Learning Triggering Kernels for Multi-dimensional Hawkes Processes", "learning"),
    ("Clustering Signed Networks with the Geometric Mean of Laplacians", "clustering"),
])
def test_a_gerund_the_title_opens_with_as_its_verb_is_no_part_of_a_method(candidates_nlp, title, verb):
    entities = _entities(candidates_nlp, title, "We study this problem and report results on standard benchmarks.")
    assert not any(n.lower().split()[0] == verb for e in entities if e.type.value == "Method" for n in [e.name, *e.aliases])


@pytest.mark.parametrize("title, name", [
    ("Spiking Boltzmann Machines", "Spiking Boltzmann Machines"),  # the title is the name
    ("Alternating Minimization for Mixed Linear Regression", "Alternating Minimization"),
    ("Auto-Encoding Variational Bayes", "Auto-Encoding Variational Bayes"),
])
def test_a_gerund_of_a_method_s_name_stays(candidates_nlp, title, name):
    entities = _entities(candidates_nlp, title, "We study this problem and report results on standard benchmarks.")
    assert _holding(entities, name)


def test_hardware_is_no_entity(candidates_nlp):
    entities = _entities(
        candidates_nlp,
        "Fast Pose Estimation",
        "Our detector runs at 30 frames per second on a GeForce GTX 1080 card and on a Jetson Nano board.",
    )
    names = {n.lower() for e in entities for n in [e.name, *e.aliases]}
    assert not names & {"geforce", "jetson nano", "jetson"}


def test_a_radio_link_is_no_entity_unless_the_paper_defines_it(candidates_nlp):
    entities = _entities(
        candidates_nlp, "Indoor Localization", "We localize phones from WiFi fingerprints and RFID tags with a kernel regressor."
    )
    assert not {n.lower() for e in entities for n in [e.name, *e.aliases]} & {"wifi", "rfid"}
    defined = _entities(
        candidates_nlp, "Active Learning for Rain Rates", "We present weight fusion (WiFi), a query strategy for labeling."
    )
    assert any("WiFi" in [e.name, *e.aliases] for e in defined)


def test_mos_is_a_metric(nlp):
    paper = Paper(id="p", title="Expressive Speech Synthesis", abstract="Our vocoder raises MOS by 0.3 over WaveGlow.")
    [mos] = [e for e in doc_to_extraction(nlp(f"{paper.title}\n\n{paper.abstract}"), paper).entities if e.name == "MOS"]
    assert mos.type.value == "Metric"


def test_a_broad_kind_of_model_is_no_entity(candidates_nlp):
    entities = _entities(
        candidates_nlp,
        "A Bayesian Model for Traffic Forecasting",
        "We build a hybrid model from two learning algorithms and compare it with Probabilistic Models "
        "and with Bayesian model averaging.",
    )
    names = {n.lower() for e in entities for n in [e.name, *e.aliases]}
    assert not names & {"bayesian model", "hybrid model", "learning algorithms", "probabilistic models"}
    assert "bayesian model averaging" in names


def test_ground_truth_and_fields_are_no_entities(candidates_nlp):
    entities = _entities(
        candidates_nlp,
        "Sequential Recommendation with Vision",
        "Our recommender works without the ground truth (GT) masks that Internet-of-Things devices "
        "lack. We compare with SASRec.",
    )
    names = {n for e in entities for n in [e.name, *e.aliases]}
    assert not names & {"GT", "ground truth", "Internet-of-Things"}, names
    assert "SASRec" in names


@pytest.mark.parametrize("title, kept", [
    # a name of several words may be a task's, and what follows the colon another method
    ("Layerwise Quill Scan: Deep Boltzmann Machines and Beyond", "Deep Boltzmann Machines"),
    # the phrase goes on past the description: "... Approach" is what describes the name
    ("Vex: A Convex Maximum-Entropy Copula Approach", "Convex Maximum-Entropy Copula"),
])
def test_a_title_phrase_that_is_no_description_of_its_name_stays(candidates_nlp, title, kept):
    entities = _entities(candidates_nlp, title, "We study this setting on two tasks.")
    assert _holding(entities, kept), [e.name for e in entities]


@pytest.mark.parametrize("abstract, name", [
    ("Quill folding (QF) is the task of arranging a set of feathers into a fan. We solve QF with BERT.", "QF"),
    ("Codebook quantization (CQ) is the task of expressing a set of vectors as sums of codewords. We propose a "
     "CQ encoder.", "CQ"),
    # round 222's Method "MRA": a topic or an area of research is a task
    ("Auction-based Quill Learning (AQL) has become an emerging research topic. We propose a bidding strategy for "
     "data consumers in AQL.", "AQL"),
    # round 233's Method "ERTC": an adverb set off by commas between the subject and its verb
    ("Feather pattern recognition in quill sketches (FPRQ) helps museums. FPRQ, however, is a challenging task. We "
     "propose a quill encoder for FPRQ.", "FPRQ"),
])
def test_a_name_the_text_calls_a_task_is_a_task_after_the_decision(nlp, abstract, name):
    from extractors.pipeline import extract_papers

    (ext,) = extract_papers([Paper(id="p", title="Folding Feathers", abstract=abstract)], nlp=nlp)
    [entity] = _holding(ext.entities, name)
    assert entity.type.value == "Task"


def test_the_tail_of_a_descriptor_and_an_opening_conjunction_are_no_names(candidates_nlp):
    entities = _entities(
        candidates_nlp,
        "A Study",
        "Whilst quill regularization helps, we propose a Self-adaptive noise Quill Diffusion Model named QuDiM.",
    )
    names = {n for e in entities for n in [e.name, *e.aliases]}
    assert "QuDiM" in names
    assert not [n for n in names if "Diffusion Model" in n or n.lower().startswith("whilst")], names


def test_an_acronym_glued_to_the_words_it_spells_is_the_name(candidates_nlp):
    entities = _entities(
        candidates_nlp,
        "A Study",
        "We introduce Covered Quill Disentanglement CQD, a method, and compare it with Prioritized Dueling DQN.",
    )
    names = {e.name for e in entities}
    assert "CQD" in names and "Prioritized Dueling DQN" in names, names
    assert "Covered Quill Disentanglement CQD" not in names


@pytest.mark.parametrize(
    ("abstract", "name", "typ"),
    [
        ("We present an important yet understudied vision task called open-world part grouping (OWPG). Our method "
         "reaches 41.2 mIoU on PartImageNet.", "OWPG", "Task"),
        # the name a definite problem phrase is given is often the solution's
        ("We propose a framework to solve the video deraining problem called RainFormer. RainFormer outperforms "
         "prior methods on NTURain.", "RainFormer", "Method"),
        # a task set only to train a model is a part of the method
        ("We also design an auxiliary task called masked region modeling (MRM) to improve the representations.",
         "MRM", "Method"),
        # an apposition that calls a name a task (round 138's "PickPlush", a Method node)
        ("We test the policy in two real robot experiments: StackCups, a tabletop stacking task, and DrawerOpen, a "
         "task that requires long-horizon reasoning. It succeeds in 80% of the trials.", "StackCups", "Task"),
        ("We test the policy in two real robot experiments: StackCups, a tabletop stacking task, and DrawerOpen, a "
         "task that requires long-horizon reasoning. It succeeds in 80% of the trials.", "DrawerOpen", "Task"),
        # the word opens a compound: no task
        ("We propose MetaProbe, a task-agnostic method for testing language models. MetaProbe finds 30 new bugs.",
         "MetaProbe", "Method"),
        # an optimization problem is how a method is written
        ("We propose the fused graphical lasso (FGL), a convex optimization problem that "
         "borrows strength across classes. FGL outperforms the graphical lasso.", "FGL", "Method"),
        # a setting or scenario named so is a task too, and so is a name given "as" or by "which we call"
        ("In this work, we define a new few-shot setting termed sparse-label quill recognition (SLQR), under which "
         "both classes are rare. Our method improves accuracy by 4%.", "SLQR", "Task"),
        ("We study a more practical scenario called open-vocabulary quill parsing (OVQP), in which no labels are "
         "given. Our parser reaches 61.2 mIoU.", "OVQP", "Task"),
        ("We investigate a new visual restoration task, termed as quill stroke completion (QSC). We propose a "
         "diffusion model for it.", "QSC", "Task"),
        ("We propose a learning problem, which we call active quill elicitation (AQE), and give an algorithm for "
         "it with a regret bound.", "AQE", "Task"),
        # after a definite noun phrase the name is the solution's
        ("We present a network for this setting, which we call QuillNet. QuillNet outperforms prior methods on "
         "QuillBench.", "QuillNet", "Method"),
    ],
)
def test_the_name_a_new_task_is_given_is_a_task(nlp, abstract, name, typ):
    ext = _decided(nlp, abstract)
    assert {e.type.value for e in ext.entities if e.name == name} == {typ}


def test_theory_objects_and_their_eponyms_are_no_methods(nlp):
    from extractors.pipeline import extract_papers

    papers = [
        Paper(id="a", title="A Study", abstract=(
            "Using random matrix theory and the representer theorem, we analyse kernel ridge regression and show that "
            "our method reaches a Nash equilibrium. We model the scores with a Dirichlet distribution.")),
        Paper(id="b", title="Active Learning of Halfspaces", abstract=(
            "Our algorithm matches the Lai-Robbins lower bound up to constants and improves on the "
            "Arthur-Vassilvitskii (AV) approximation guarantee of k-means++.")),
        Paper(id="c", title="A Study", abstract="We use Item Response Theory (IRT) to rank the benchmarks."),
    ]
    names = {e.name for ext in extract_papers(papers, nlp=nlp) for e in ext.entities if e.type.value == "Method"}
    gone = {"random matrix theory", "representer theorem", "Nash equilibrium", "Dirichlet distribution", "Lai-Robbins",
            "AV", "Arthur-Vassilvitskii"}
    assert not names & gone
    assert "IRT" in names  # a theory that is a family of models a paper fits


def test_a_measure_the_paper_reports_a_figure_in_is_kept(nlp):
    abstract = ("Especially for the DBLP dataset, we increase the accuracy from 77.4% to 88.8% in the semi-supervised "
                "hypernode classification task.")
    ext = _decided(nlp, abstract)
    assert [r.metric for r in ext.results] == ["accuracy"]
    assert {e.type.value for e in ext.entities if e.name == "accuracy"} == {"Metric"}


@pytest.mark.parametrize(("abstract", "bad", "kept"), [
    ("Our planner improves the end- to-end success rate by 12% over RRT.", "to-end success rate", "RRT"),
    ("Our model yields 19.4% and 55.5% improved areas under the Receiver Operating Characteristic and Precision "
     "Recall curves as compared to the NEWS score.", "Receiver Operating Characteristic", "NEWS score"),
    ("We study the problem experimentally based on real vaccination data maintained by the Minnesota Department "
     "of Health, and compare with RRT.", "Minnesota Department", "RRT"),
    ("A dual-camera system captures high-speed hyperspectral (HSHS) video, which our network reconstructs better "
     "than RRT.", "HSHS", "RRT"),  # a name that only modifies a noun of data
    ("We fuse light-field(LF) imaging with depth cues and compare with RRT.", "LF", "RRT"),
])
def test_broken_compounds_curves_under_an_area_and_organisations_are_no_entities(candidates_nlp, abstract, bad, kept):
    names = {e.name for e in _entities(candidates_nlp, "A Study", abstract)}
    assert kept in names and bad not in names


@pytest.mark.parametrize(("abstract", "name"), [
    ("In this paper, the largest and most annotated dataset for computer vision in skiing, SkiTB, is introduced. We "
     "track skiers better than RRT.", "SkiTB"),
    ("We release a large corpus of dialogues in French, DialFR, to the community.", "DialFR"),
    ("We contribute the first large-scale dataset of scene sketches, SketchyScene, with the goal of advancing research "
     "on sketch understanding.", "SketchyScene"),
    ("Our method is evaluated on four datasets including one challenging self-collected dataset named BasketBall "
     "covering diverse scenarios.", "BasketBall"),
    ("First, we construct a human-crafted evaluation set, called HumanExtension, which contains examples of two "
     "functions.", "HumanExtension"),
    ("We build a gold-standard dataset, which we call HarbourSent80, for evaluating sentence embeddings.",
     "HarbourSent80"),
    ("We collect a new benchmark that we dub ToolQuake and test agents on it.", "ToolQuake"),
])
def test_a_name_given_to_a_dataset_or_an_evaluation_set_is_data(candidates_nlp, abstract, name):
    types = {e.type.value for e in _entities(candidates_nlp, "A Study", abstract) if e.name == name}
    assert types and types <= {"Dataset", "Benchmark"}


@pytest.mark.parametrize(("abstract", "bad"), [
    ("Our inference satisfies the Shafer-Shenoy axioms, improving on LASSO.", "Shafer"),
    ("The estimator attains the optimal 1/n rate, improving on LASSO.", "n rate"),
    ("The design matrix satisfies the restricted isometry property (RIP), improving on LASSO.", "RIP"),
])
def test_eponyms_properties_and_fraction_halves_are_no_entities(candidates_nlp, abstract, bad):
    names = {e.name for e in _entities(candidates_nlp, "A Study", abstract)}
    assert "LASSO" in names and bad not in names


def test_hardware_is_no_method(nlp):
    abstract = "We implement the accelerator on an FPGA and compare with a GPU implementation of ResNet-50."
    ext = _decided(nlp, abstract)
    names = {e.name for e in ext.entities}
    assert "ResNet-50" in names and not names & {"FPGA", "GPU"}


def test_a_name_before_data_that_goes_on_into_a_longer_name_stays(candidates_nlp):
    abstract = "We introduce Noisy-clean Mix (NcM) data augmentation to train the grasp detector."
    names = {e.name for e in _entities(candidates_nlp, "A Study", abstract)}
    assert "NcM" in names


@pytest.mark.parametrize(("abstract", "data", "method"), [
    ("We compare with FaceNet (trained on VGGFace2 and CASIA-WebFace) on the verification task.", {"VGGFace2",
     "CASIA-WebFace"}, "FaceNet"),
    ("Our retriever is pre-trained on WebText-7M and fine-tuned on QueryLog-3, outperforming DPR.", {"WebText-7M",
     "QueryLog-3"}, "DPR"),
])
def test_what_a_model_is_trained_on_is_data(candidates_nlp, abstract, data, method):
    types = {e.name: e.type.value for e in _entities(candidates_nlp, "A Study", abstract)}
    assert all(types.get(name) in {"Dataset", "Benchmark"} for name in data), types
    assert types.get(method) == "Method"


@pytest.mark.parametrize("name", ["AUC-ROC", "ROC-AUC", "MS-SSIM", "GFLOPs", "TPR", "false positive rate"])
def test_well_known_measures_are_metrics(name):
    from extractors.entities import gazetteer_type

    assert gazetteer_type(name) == "Metric"


@pytest.mark.parametrize("abstract", [
    "Existing approaches rely on parameters or rules that are found by domain experts; however, they are specific to "
    "the problem. Our sampler outperforms RRT.",
    "Using real-world data with causal graphs provided by domain experts, we show that the proposed method beats RRT.",
])
def test_people_are_no_methods(nlp, abstract):
    ext = _decided(nlp, abstract)
    assert "domain experts" not in {e.name.lower() for e in ext.entities}


def test_ground_truth_is_no_entity_whoever_finds_it(nlp):
    abstract = ("The lexicons go beyond a strong baseline lexicon. We develop a ground truth (GT) based on expert "
                "annotators and compare our concern detection output to GT, to yield 231% improvement in recall over "
                "RRT.")
    ext = _decided(nlp, abstract)
    names = {e.name.lower() for e in ext.entities}
    assert "recall" in names and not names & {"gt", "ground truth"}


def test_a_name_after_trained_on_that_heads_a_clause_is_not_data(nlp):
    abstract = "Unlike models trained on HMDA and FEAMOE can ably handle drift."
    types = _decided_types(nlp, abstract)
    assert types.get("HMDA") == "Dataset" and types.get("FEAMOE") != "Dataset"


@pytest.mark.parametrize(("abstract", "name", "typ"), [
    ("We propose a multiple style encoding (MSE) module that extracts style codes from several references. With MSE, "
     "our generator beats RRT.", "MSE", "Method"),
    ("We report the structural similarity (SSIM) and the Learned Perceptual Image Patch Similarity (LPIPS), improving "
     "SSIM by 2%.", "LPIPS", "Metric"),
    ("Our detector raises the mean Intersection-over-Union (mIoU) by 2 points over RRT.", "mIoU", "Metric"),
    ("Our retriever outperforms RRT on Precision at N (P@N) and Mean Reciprocal Rank (MRR).", "P@N", "Metric"),
    ("Agents are scored by Success weighted by inverse Path Length (SPL) and beat RRT.", "SPL", "Metric"),
    ("Our regressor lowers the mean square errors (MSE) of RRT by half.", "MSE", "Metric"),
])
def test_a_measure_acronym_defined_as_something_else_is_not_a_metric(candidates_nlp, abstract, name, typ):
    # the rules' type, before the learned decision keeps or drops the name: whether it keeps a one-sentence abstract's
    # acronym moves with each refit (round 41's gave "mIoU" here 0.54, under the 0.6 Metric had then)
    entities = _entities(candidates_nlp, "A Study", abstract)
    assert {e.type.value for e in entities if e.name == name} == {typ}


def test_a_language_listed_after_a_dataset_for_languages_is_not_data(nlp):
    abstract = ("We present EthioEmo, a multi-label emotion classification dataset for four Ethiopian languages, "
                "namely, Amharic (amh), Afan Oromo (orm), Somali (som), and Tigrinya (tir).")
    types = _decided_types(nlp, abstract)
    assert types.get("EthioEmo") == "Dataset" and "Afan Oromo" not in types


def test_a_name_written_in_capitals_is_not_cut_to_its_last_word(candidates_nlp):
    abstract = ("To study this phenomenon, we annotate a new dataset, MORAL EVENTS, consisting of 5,494 structured "
                "event annotations on 474 news articles.")
    assert "EVENTS" not in {e.name for e in _entities(candidates_nlp, "A Study", abstract)}


def test_a_name_that_modifies_an_adjective_and_data_after_trained_on_is_not_data(nlp):
    abstract = "Additionally, a model trained on CG aerial view synthetic data is more robust than RRT."
    assert "CG" not in {e.name for e in _decided(nlp, abstract).entities}


def test_a_title_name_ending_in_a_word_for_people_stays(nlp):
    from extractors.pipeline import extract_papers

    paper = Paper(id="p", title="Attractive People: Assembling Loose-Limbed Models using Non-parametric Belief "
                  "Propagation", abstract="We present a model of people as loose-limbed bodies.")
    (ext,) = extract_papers([paper], nlp=nlp)
    assert "Attractive People" in {e.name for e in ext.entities}


def test_a_versioned_name_after_a_name_in_capitals_stays(candidates_nlp):
    abstract = "We conducted experiments on PASCAL VOC07, on the VOC10 evaluation server, and on the MITIndoor dataset."
    names = {e.name for e in _entities(candidates_nlp, "A Study", abstract)}
    assert {"VOC07", "PASCAL VOC07"} & names  # the versioned name stays (whole, since the gazetteer knows it)


def test_a_list_the_parse_reads_as_an_apposition_is_not_data(candidates_nlp):
    abstract = ("We propose a novel joint prediction framework, namely HM3GAT, for the MCTP task. The mcScenes "
                "dataset, the HM3GAT, and alternative models are made publicly available for interested readers.")
    types = {e.name: e.type.value for e in _entities(candidates_nlp, "A Study", abstract)}
    assert types.get("HM3GAT") not in {"Dataset", "Benchmark"}


@pytest.mark.parametrize(("abstract", "kept"), [
    ("MOS charge storage has been demonstrated as an effective method to store weights; we compare with RRT.", False),
    ("We build the array from MOS transistors and compare with RRT.", False),
    ("Our vocoder reaches a MOS of 4.28 and beats RRT in MOS tests.", True),
])
def test_mos_of_hardware_is_no_measure(nlp, abstract, kept):
    assert ("MOS" in {e.name for e in _decided(nlp, abstract).entities if e.type.value == "Metric"}) == kept


@pytest.mark.parametrize(("title", "abstract", "name", "fragment"), [
    ("Spectral Methods for High Dimensional Data Clustering", "We study high dimensional data clustering.",
     "high dimensional data clustering", "dimensional data clustering"),
    ("Large Scale Object Detection", "We address large scale object detection on COCO.", "object detection",
     "scale object detection"),
    ("High Resolution Image Synthesis", "We study high resolution image synthesis with diffusion models.",
     "high resolution image synthesis", "resolution image synthesis"),
])
def test_a_degree_word_and_what_it_measures_are_read_together(nlp, title, abstract, name, fragment):
    # "high dimensional data clustering" was a Task node "dimensional data clustering", "large scale object
    # detection" one "scale object detection": the degree word was dropped alone
    names = {e.name.lower() for e in _decided(nlp, abstract).entities} | {
        e.name.lower() for e in _entities(nlp, title, abstract)}
    assert name in names and fragment not in names


@pytest.mark.parametrize(("title", "abstract", "name", "fragment"), [
    ("Graph Problems", "We evaluate on real world classification problems and in real world robot manipulation.",
     "robot manipulation", "world robot manipulation"),
    ("Robust Agents", "Our agent is robust to noise in depth perception and in agent localization.",
     "depth perception", "perception"),
    ("Fine-Grained Recognition", "We study fine grained entity typing and fine-grained image recognition.",
     "fine-grained image recognition", "image recognition"),
])
def test_a_generic_compound_without_its_hyphen_is_read_whole(nlp, title, abstract, name, fragment):
    # "real world robot manipulation" gave the Task "world robot manipulation" (a validation-slice paper,
    # "real world classification problems" one of 3,000 corpus abstracts): "real-world" was read only with its
    # hyphen; "in depth" stays two words; "fine-grained" belongs to a task's name (the train annotations keep it
    # 12 times, drop it 7)
    names = {e.name.lower() for e in _decided(nlp, abstract, title=title).entities} | {
        e.name.lower() for e in _entities(nlp, title, abstract)}
    assert name in names and fragment not in names


def test_multiple_that_names_a_problem_stays(candidates_nlp):
    # "multiple" is dropped before most words ("multiple datasets"), not from multiple kernel or instance learning
    names = {e.name.lower() for e in _entities(
        candidates_nlp, "Large Scale Multiple Kernel Learning",
        "We study multiple instance learning, multiple object tracking and multiple source domain adaptation.")}
    assert {"multiple kernel learning", "multiple instance learning", "multiple object tracking",
            "multiple source domain adaptation"} <= names
    assert not names & {"kernel learning", "instance learning", "object tracking", "source domain adaptation"}


@pytest.mark.parametrize(("abstract", "data"), [
    ("Extensive experiments on CIFAR-10, SVHN and WideResNet-28-10 show gains.", "CIFAR-10"),
    ("Results on DCGAN, WGAN-GP and BigGAN benchmarks show improved FID on LSUN.", "LSUN"),
    ("Experiments on VGG-16 and ResNet-56 with CIFAR-10 show a 2x speedup.", "CIFAR-10"),
])
def test_a_network_architecture_is_never_data(candidates_nlp, nlp, abstract, data):
    # round TB2's judged Benchmark nodes "WideResNet-28-10" and "WGAN-GP": networks in a list of what is evaluated on
    for entities in (_entities(candidates_nlp, "A Study", abstract), _decided(nlp, abstract).entities):
        found = {e.name for e in entities if e.type.value in {"Benchmark", "Dataset"}}
        assert data in found and not found & {"WideResNet-28-10", "DCGAN", "WGAN-GP", "BigGAN", "VGG-16"}


def test_a_qualifier_is_no_name(candidates_nlp):
    # "Twitter Aided" of "... on Twitter Aided by Metaphor Concept Mappings" was a Task node; "DNN-based" a Method
    names = {e.name for e in _entities(
        candidates_nlp, "Hierarchical Attention Network for Explainable Depression Detection on Twitter Aided by "
        "Metaphor Concept Mappings", "DNN-based detectors fail; we propose a Partner-Aware strategy instead.")}
    assert not names & {"Twitter Aided", "DNN-based"}
    assert "Partner-Aware" in names


def test_an_adjective_in_lower_case_left_without_its_head_word_is_no_name(nlp):
    # round 92's judged Method node "occlusion-aware" of "we propose a simple occlusion-aware approach"
    ext = _decided(nlp, "Occluded person re-identification is hard. In this paper, we propose a simple "
                   "occlusion-aware approach to address the problem.")
    assert "occlusion-aware" not in {e.name for e in ext.entities}


@pytest.mark.parametrize(("title", "cut", "kept"), [
    ("A Mixed-Signal VLSI for Real-Time Generation of Edge-Based Image Vectors", "Real-Time Generation", None),
    ("Automatic Detection of Hate Speech in Tweets", "Automatic Detection", None),
    ("Semantic Segmentation of Aerial Images with Graph Networks", None, "Semantic Segmentation"),
    # round 38's judged Task "Structured Parsing" and its like
    ("Structured Parsing of Financial Documents with Graph Networks", "Structured Parsing", None),
    ("Latent Regression Forest: Structured Estimation of 3D Articulated Hand Posture", "Structured Estimation", None),
    # TB20's judged Task "Unsupervised Discovery" of 'Unsupervised Discovery of Object Landmarks ...'
    ("Unsupervised Discovery of Object Landmarks as Structural Representations", "Unsupervised Discovery", None),
    ("Weakly Supervised Localization of Novel Objects Using Appearance Transfer", "Weakly Supervised Localization",
     None),
])
def test_a_process_without_its_object_is_no_task(candidates_nlp, title, cut, kept):
    # "real-time generation" of "Real-Time Generation of Edge-Based Image Vectors": generation of what
    tasks = {e.name for e in _entities(candidates_nlp, title, "We study it.") if e.type.value == "Task"}
    assert cut not in tasks
    assert kept is None or kept in tasks


@pytest.mark.parametrize(("title", "task", "kept"), [
    ("Policy Gradient for Infinite-Horizon Objectives", "Infinite-Horizon Objectives", False),
    ("Mesh Extraction for Unbounded Scenes Using Camera-Aware Octrees", "Unbounded Scenes", False),
    ("Deep Residual Networks for Image Super-Resolution", "Image Super-Resolution", True),
    ("Graph Networks for Sequential Recommendation", "Sequential Recommendation", True),
])
def test_what_a_title_method_is_for_is_a_task_only_if_it_names_one(candidates_nlp, title, task, kept):
    # round TB4: the things a title's "for" introduces ("Infinite-Horizon Objectives", "Point Clouds") were Task nodes
    tasks = {e.name for e in _entities(candidates_nlp, title, "We study it.") if e.type.value == "Task"}
    assert (task in tasks) == kept, tasks


@pytest.mark.parametrize(("title", "task", "absent"), [
    ("Learning Monocular Depth Estimation with Unsupervised Trinocular Assumptions", "Monocular Depth Estimation",
     "Depth Estimation"),
    ("Learning Curve Prediction with Bayesian Neural Networks", "Learning Curve Prediction", "Curve Prediction"),
    ("Learning Sparse Neural Networks through L0 Regularization", None, "Sparse Neural Networks"),
])
def test_what_a_title_says_is_learnt_is_a_task_when_its_head_names_one(candidates_nlp, title, task, absent):
    # round 38's judged Task "Depth Estimation" of "Learning Monocular Depth Estimation ...": the title's "Learning"
    # cut the name's first word with it
    tasks = {e.name for e in _entities(candidates_nlp, title, "We study it.") if e.type.value == "Task"}
    assert (task is None or task in tasks) and absent not in tasks, tasks


@pytest.mark.parametrize(("title", "abstract", "name", "typ"), [
    # round TB17: "ExBody" of 'Our method Expressive Whole-Body Control (ExBody)' was a Task node; a 3,000-abstract
    # scan: 'Our approach Neural-Image-QA doubles ...' made a Benchmark
    ("Expressive Whole-Body Control for Humanoid Robots", "Our method Expressive Whole-Body Control (ExBody) "
     "tackles this problem by imitating a reference motion.", "ExBody", "Method"),
    ("Ask Your Neurons: A Neural-Based Approach to Answering Questions About Images", "We address visual question "
     "answering. Our approach Neural-Image-QA doubles the performance of the previous best approach on this problem.",
     "Neural-Image-QA", "Method"),
])
def test_a_name_the_authors_call_our_method_is_a_method(nlp, title, abstract, name, typ):
    types = _decided_types(nlp, abstract, title=title)
    assert types.get(name) == typ, types


def test_in_our_approach_a_comma_ends_the_phrase(nlp):
    ext = _decided(nlp, "In our approach, classification and segmentation are carried out by 2D LSTM networks.")
    assert {e.name: e.type.value for e in ext.entities}.get("classification") != "Method"


def test_a_network_read_as_data_stays_a_network_the_paper_uses(nlp):
    # "WideResNet-28-10" in a list of what the experiments are on was a Benchmark; retyped, it keeps the threshold it
    # passed as a name (VGG16 was dropped by the Method threshold) and is used, not evaluated on
    ext = _decided(nlp, "Extensive experiments on CIFAR-10, SVHN and WideResNet-28-10 show gains.")
    roles = {e.name: (e.type.value, [r.value for r in e.roles]) for e in ext.entities}
    assert roles.get("WideResNet-28-10") == ("Method", ["USES"]), roles
    assert roles.get("CIFAR-10") == ("Benchmark", ["EVALUATES_ON"])


@pytest.mark.parametrize(("title", "abstract", "name", "cut"), [
    ("Epsilon Best Arm Identification in Spectral Bandits", "We study it.", "best arm identification",
     "arm identification"),
    ("A Study", "We address novel class discovery and novel object captioning.", "novel class discovery",
     "class discovery"),
])
def test_a_first_word_that_is_the_names_stays(nlp, title, abstract, name, cut):
    # round TB4: "Arm Identification" of "Best Arm Identification", "object captioning" of "novel object captioning"
    names = {e.name.lower() for e in _decided(nlp, abstract).entities} | {
        e.name.lower() for e in _entities(nlp, title, abstract)}
    assert name in names and cut not in names


def test_novel_before_a_hyphenated_compound_is_still_praise(candidates_nlp):
    names = {e.name for e in _entities(candidates_nlp, "A Study", "We propose a novel class-aware attention module.")}
    assert not any(n.lower().startswith("novel") for n in names), names


@pytest.mark.parametrize(("title", "abstract", "task", "kept"), [
    ("Trajectory Prediction for Self-Driving Vehicles", "We forecast where nearby agents will move.",
     "Self-Driving Vehicles", False),
    ("Equilibrium Computation for Non-Convex Games", "We compute equilibria.", "Non-Convex Games", True),
    # round TB7: "-as" was read as a singular ending for "Bias", so "Cameras" stayed a Task
    ("Self-Calibration for Smartphone Cameras", "We calibrate the lenses.", "Smartphone Cameras", False),
    ("Data Augmentation for Gender Bias", "We reduce it.", "Gender Bias", True),
])
def test_what_a_title_is_for_is_no_task_whoever_finds_it(nlp, title, abstract, task, kept):
    # rounds TB5 and TB6: the recogniser's own mentions of a title's "for" object ("Self-Driving Vehicles") escaped the
    # rule on the rules' title phrases; games, attacks and bandits are classes of problems
    ext = _decided(nlp, abstract, title=title)
    tasks = {e.name for e in ext.entities if e.type.value == "Task"}
    assert (task in tasks) == kept, tasks


@pytest.mark.parametrize(("title", "abstract", "name", "typ"), [
    ("Answering Questions over Temporal Graphs",
     "Temporal graphs hold facts with time stamps. We also propose TEMPOQA, a transformer-based solution that exploits "
     "temporal graph embeddings, and it beats all baselines by a wide margin.", "TEMPOQA", "Method"),
    ("A Study", "We introduce FACADEX, a large-scale point cloud collection of building facades annotated with classes.",
     "FACADEX", "Dataset"),
])
def test_a_name_proposed_as_a_system_is_a_method(nlp, title, abstract, name, typ):
    # round TB7: "Ader", "DRACO", "LaDi-WM" ("we present DRACO, a scalable framework for ...") were Benchmark nodes;
    # a name proposed with words of data or evaluation in the sentence stays data
    types = _decided_types(nlp, abstract, title=title)
    assert types.get(name) == typ, types


@pytest.mark.parametrize(("title", "abstract", "name", "cut"), [
    ("Enriching Object Detection with Context", "We study it.", "Object Detection", "Enriching Object Detection"),
    ("A Study", "We address difficult optimization and contemporary machine translation.", "machine translation",
     "contemporary machine translation"),
    # round TB18: "benchmark sentiment", "benchmark image classification" (24 Task nodes of the whole corpus)
    ("A Study", "Our method performs well on benchmark text classification tasks.", "text classification",
     "benchmark text classification"),
    # rounds TB19, TB21 and TB22: "infeasible optimization", "inaccurate motion grounding", "intractable optimization"
    ("A Study", "Earlier work suffers from inaccurate motion grounding. We study video grounding.", "video grounding",
     "inaccurate motion grounding"),
    ("A Study", "Such techniques lead to infeasible optimization problems in machine translation.",
     "machine translation", "infeasible optimization"),
])
def test_a_title_verb_or_a_generic_adjective_is_no_part_of_a_task(nlp, title, abstract, name, cut):
    # rounds TB6 and TB10: "Enriching Object Detection", "difficult optimization" were Task nodes
    ext = _decided(nlp, abstract, title=title)
    names = {e.name for e in ext.entities}
    assert name in names and cut not in names, names


@pytest.mark.parametrize(("abstract", "name", "cut"), [
    ("We model it as a partially observable Markov decision process.", "partially observable Markov decision process",
     "Markov decision process"),
    ("We train with adaptive moment estimation.", "adaptive moment estimation", "moment estimation"),
    ("We apply sparse PCA to the data.", "sparse PCA", "PCA"),
    ("We study large margin classifiers.", "large margin classifiers", "margin classifiers"),
    ("We study partial label learning.", "partial label learning", "label learning"),
    ("We bound the dynamic regret of online gradient descent.", "dynamic regret", "regret"),
    ("We learn dynamic Bayesian networks.", "dynamic Bayesian networks", "Bayesian networks"),
    # the tagger reads "referring" and "face" before a task's words as verbs, so the noun phrase starts after them
    ("We study referring expression comprehension.", "referring expression comprehension", "expression comprehension"),
    ("We address face forgery detection.", "face forgery detection", "forgery detection"),
    # the TB rounds' steadiest Benchmark error, a data name cut by the rules' span (17 nodes over 13 rounds): it goes
    # on after its name-like word up to "dataset"
    ("We evaluate on the Flickr30k Entities JP dataset.", "Flickr30k Entities JP", "Entities JP"),
    ("We evaluate on the M-VAD Names dataset.", "M-VAD Names", "Names"),
    ("We evaluate on the MVTec 3D-AD dataset.", "MVTec 3D-AD", "3D-AD"),
    # with no data word after it, a well-known name of two name-like words was two benchmarks (round 38's note)
    ("We evaluate on MIT-Adobe FiveK and LOL.", "MIT-Adobe FiveK", "FiveK"),
])
def test_a_name_is_not_cut_to_another_thing(candidates_nlp, abstract, name, cut):
    # rounds 81-84's cut names and the validation slice's: a word the rules drop at a name's start ("adaptive",
    # "partially", "large", "partial") is the well-known name's own, and the cut is another thing (Adam is no
    # "moment estimation", a POMDP no MDP)
    names = {e.name for e in _entities(candidates_nlp, "A Study", abstract)}
    assert name in names and cut not in names, names


@pytest.mark.parametrize(("abstract", "names", "absent"), [
    ("We address hand pose estimation and 6D pose estimation.", {"hand pose estimation", "6D pose estimation"},
     "pose estimation"),
    ("We study Few-Shot Named Entity Recognition.", {"Few-Shot Named Entity Recognition"},
     "Shot Named Entity Recognition"),
    ("We study better pose estimation.", {"pose estimation"}, "better pose estimation"),
    ("Deep models pose challenges for verification.", set(), "models pose"),
])
def test_a_task_whose_first_word_reads_as_a_verb_keeps_its_modifiers(candidates_nlp, abstract, names, absent):
    # the tagger reads "pose" and "Named" as verbs, so the noun phrase of "6D pose estimation" ended before them
    # and only the gazetteer's "pose estimation" was left (23 corpus papers of 3,000); a generic word stays out
    found = {e.name for e in _entities(candidates_nlp, "A Study", abstract)}
    assert names <= found and absent not in found, found


@pytest.mark.parametrize(("abstract", "name"), [
    ("Results on the Intrinsic Images in the Wild benchmark improve.", "Intrinsic Images in the Wild"),
    ("Experiments on Labeled Faces in the Wild show gains.", "Labeled Faces in the Wild"),
])
def test_a_dataset_in_the_wild_is_named_whole(nlp, abstract, name):
    # round TB12: "Wild" of 'the Intrinsic Images in the Wild benchmark' was a Benchmark node
    types = _decided_types(nlp, abstract)
    assert types.get(name) == "Benchmark" and "Wild" not in types, types


class _EverythingData:
    """The shipped entity decision's thresholds, with every candidate decided a Benchmark at 0.9: what the rules
    after the decision make of a name read as data."""

    def __init__(self, shipped):
        self.shipped = shipped

    def best(self, features):
        return "Benchmark", 0.9

    def threshold_of(self, entity_type, **kw):
        return self.shipped.threshold_of(entity_type, **kw)

    def kept(self):
        pass


@pytest.mark.parametrize(("abstract", "name", "typ"), [
    ("On MNIST the CPM trains faster than kernel-SVM methods.", "kernel-SVM", "Method"),
    ("On MNIST the CPM trains faster than kernel-SVM methods.", "MNIST", "Benchmark"),
    ("Both FEAR-M and FEAR-L trackers surpass them on LaSOT.", "FEAR-M", "Method"),
    ("We compare ImageNet models on the new benchmark.", "ImageNet", "Benchmark"),
    ("It beats full-reference (FR-IQA) methods.", "FR-IQA", "Method"),
    # TB16's "SSD300" ('on SSD300 model in Pascal VOC dataset'); a name that says it is data stays data
    ("We prune the SSD300 model in Pascal VOC.", "SSD300", "Method"),
    ("On the Stanford Question Answering Dataset, our model achieves 75.1% exact match.",
     "Stanford Question Answering Dataset", "Benchmark"),
    # TB10's "AfriBERTa", TB14's "TinyBERT-6": models of the BERT family in an evaluation slot were Benchmarks
    ("We evaluate two multilingual PLMs (AfriBERTa and XLM-R) on it.", "AfriBERTa", "Model"),
])
def test_a_system_read_as_data_is_retyped(nlp, abstract, name, typ):
    # "FEAR-L trackers", "OF-BIQA models", "kernel-SVM methods": 7 Benchmark nodes of the whole corpus, all wrong by
    # their sentences; a known dataset before "models" stays data ("ImageNet models" were trained on it)
    from extractors.pipeline import entity_model_of, role_model_of

    paper = Paper(id="p", title="A Study", abstract=abstract)
    ext = doc_to_extraction(nlp(f"A Study\n\n{abstract}"), paper, role_model_of(nlp), _EverythingData(entity_model_of(nlp)))
    types = {e.name: e.type.value for e in ext.entities}
    assert types.get(name) == typ, types


@pytest.mark.parametrize("name", ["TrueNorth", "Kuka LWR", "UR5", "MI300", "xArm", "WidowX"])
def test_robots_and_chips_are_no_entities(nlp, name):
    # rounds 85 and TB13: "Kuka LWR" (a robot arm) was a Method node, "TrueNorth" (a chip) a Benchmark; the whole
    # corpus had 11 such Method and Benchmark nodes of robots and chips; round 125: "xArm" a Method node
    abstract = f"We deploy the controller on the {name} and evaluate it against {name} baselines on MuJoCo."
    names = {e.name for e in _decided(nlp, abstract).entities}
    assert name not in names and "MuJoCo" in names, names


@pytest.mark.parametrize(("abstract", "name"), [
    ("Experiments show that FooNet improves subset accuracy and Hamming loss over ML-kNN.", "Hamming loss"),
    ("We compute the Penrose-Banzhaf index of every voter in weighted voting games.", "Penrose-Banzhaf index"),
    # rounds TB16 and TB18's judged Benchmark node "Mean Rank", TB17's "NPMI" ('in NPMI coherence')
    ("We propose FooNet. We report Mean Rank and Hits@10 on FB15k-237.", "Mean Rank"),
    ("FooNet improves topic quality in NPMI coherence on 20 Newsgroups.", "NPMI"),
])
def test_measures_named_like_losses_or_indices_are_metrics(nlp, abstract, name):
    # round 93's judged Method node "Hamming loss", round 94's "Penrose-Banzhaf index": well-known measures
    types = _decided_types(nlp, abstract)
    assert types.get(name) == "Metric", types


def test_a_lexical_resource_is_data(candidates_nlp):
    # round 87: "BabelNet" was a Method node; the whole corpus had BabelNet, FrameNet and VerbNet Method nodes (11
    # papers): the rules now read them as data, as they read WordNet
    entities = _entities(candidates_nlp, "A Study", "We map the frames of FrameNet to the senses of BabelNet.")
    types = {e.name: e.type.value for e in entities}
    assert types.get("FrameNet") in {"Dataset", "Benchmark"} and types.get("BabelNet") in {"Dataset", "Benchmark"}, types


def test_a_modality_before_datasets_is_no_data_name(candidates_nlp):
    # TB15's "EEG" ('on multiple EEG datasets'): the whole corpus had 15 Benchmark and Dataset nodes that are a kind of
    # signal or image alone (MRI 6 papers, EEG 4, fMRI 4, CT 3); a named collection stays ("BraTS")
    entities = _entities(candidates_nlp, "A Study", "We evaluate on multiple EEG datasets, two MRI datasets and BraTS.")
    names = {e.name for e in entities}
    assert "BraTS" in names and not names & {"EEG", "MRI"}, names


@pytest.mark.parametrize(("title", "abstract", "name", "proposed"), [
    ("Sparse Recovery via Folded Ridge Sketching", "We study sparse recovery from few linear measurements. Our "
     "algorithm sketches the design matrix twice and recovers the support with high probability.",
     "Folded Ridge Sketching", True),
    # the title's first word is its verb; a kind of method is no approach of the paper's own
    ("Using Deep Neural Networks to Automate Statistical Analysis", "We study the automation of statistical "
     "analysis for big data. A pipeline of models selects tests and reports their results.", "Deep Neural Networks",
     False),
    ("High-dimensional Covariance Estimation using Greedy Methods", "We study covariance estimation in high "
     "dimensions. Forward and backward steps recover the sparsity pattern.", "Greedy Methods", False),
])
def test_the_approach_a_title_announces_is_proposed(nlp, monkeypatch, title, abstract, name, proposed):
    # "Modeling Deep Temporal Dependencies with Recurrent Grammar Cells": a method named only in the title after
    # "with", "via", "using" ... is the paper's own in 81 of 126 train annotations; the role model said USES. The
    # recogniser alone finds these names here: its floor is left out, the roles are what the test reads
    import extractors.pipeline as pipeline

    monkeypatch.setattr(pipeline, "RECOGNISER_ONLY_FLOORS", {})
    (entity,) = [e for e in _decided(nlp, abstract, title=title).entities if e.name == name]
    assert (RelType.PROPOSES in entity.roles) == proposed


@pytest.mark.parametrize(("abstract", "name"), [
    # TB19's judged Benchmark nodes: sensors read as data, a class of language models read as data
    ("We propose a compression scheme for point clouds. Experiments on LiDARs with different lines show that our "
     "scheme outperforms the state-of-the-art approaches in reconstruction quality.", "LiDARs"),
    ("We benchmark two classes of multimodal approaches - Socratic Models and Vision Conditioned Language Models "
     "(VCLMs) on video-based action anticipation tasks.", "VCLMs"),
    ("We propose a walking controller. Experiments on HRP-2 show stable gaits.", "HRP-2"),
    # judged round 132's Method node "LPSM" ('large pre-trained speech models')
    ("Large pre-trained speech models (LPSMs) have shown strong results. We fine-tune LPSMs with adapters and report "
     "word error rate.", "LPSMs"),
    ("Speech foundation models (SFMs) are strong encoders. We compare SFMs with HuBERT on SUPERB.", "SFMs"),
])
def test_hardware_and_classes_of_models_are_no_entities(nlp, abstract, name):
    assert name not in {e.name for e in _decided(nlp, abstract).entities}


def test_the_description_a_name_follows_in_apposition_is_no_entity(nlp):
    # round 99's judged Method node "neural question generator" of 'We propose a neural question generator, MixQG,
    # ...' (rounds 73, 97 and 98 judged the same kind); a list after the name is left alone
    names = {e.name for e in _decided(nlp, "Asking good questions is an essential ability. We propose a neural "
                                           "question generator, MixQG, to bridge this gap.").entities}
    assert "MixQG" in names and "neural question generator" not in names


def test_a_toolkit_is_no_data(nlp):
    # TB20's judged Benchmark node "HTK toolkit" ('We evaluate the HTK toolkit, a state-of-the-art speech recognition
    # engine, ...'): software a paper runs
    types = _decided_types(nlp, "We train acoustic models with the HTK toolkit and evaluate on TIMIT.")
    assert types.get("TIMIT") == "Benchmark" and types.get("HTK toolkit") not in {"Benchmark", "Dataset"}


def test_linguistic_annotation_alone_is_no_method(nlp):
    # round 99's judged Method node "POS" ('Part-of-Speech (POS) syntactic tags'); rounds 52 and 73 judged
    # "part-of-speech" and "EDU" the same way; the task of tagging stays
    ext = _decided(nlp, "We propose using linguistic annotation, i.e., part-of-speech (POS), to guide text "
                        "generation. POS tags are given to the decoder.", title="Part-of-Speech Tagging Helps")
    assert not {"POS", "part-of-speech", "Part-of-Speech"} & {e.name for e in ext.entities if e.type.value != "Task"}


def test_a_data_set_in_two_words_is_data(nlp):
    # round 106's judged Method node "XHate-999": "data set" is the older spelling of "dataset"
    title = "XHate-999: Analyzing and Detecting Abusive Language Across Domains and Languages"
    types = _decided_types(nlp, "We present XHate-999, a multi-domain and multilingual evaluation data set for abusive"
                                " language detection. The results reveal large gaps.",
                                title=title)
    assert types.get("XHate-999") in {"Dataset", "Benchmark"}, types


def test_a_knowledge_graph_is_no_method(nlp):
    # round 101's judged Method node "CSKGs" (rounds 60 and 98: "TKG"): a store of facts, no technique
    ext = _decided(nlp, "Commonsense knowledge graphs (CSKGs) are sparse. We propose DenseKG, a method that completes "
                        "CSKGs with relation prediction.")
    names = {e.name: e.type.value for e in ext.entities}
    assert "DenseKG" in names and not {"CSKGs", "CSKG", "commonsense knowledge graphs"} & {
        n for n, t in names.items() if t == "Method"}


@pytest.mark.parametrize(("title", "abstract", "name", "typ"), [
    # TB22's judged Task nodes "Soft Transitivity" and the like: what a title names right after "via", "with",
    # "by" is how the paper works (the train annotations: Method 116 times, Task 4), held to the Method threshold
    ("Enriching Visual Knowledge Bases via Object Discovery and Segmentation", "We enrich visual knowledge bases "
     "with new images.", "Segmentation", "Method"),
    ("Convex Multi-Task Learning by Clustering", "We consider multi-task learning where tasks form groups. Our convex "
     "formulation learns the groups and the predictors jointly.", "Clustering", None),
    # what comes after "for" is the problem
    ("Graph Matching with Clustering for Protein Alignment", "We align proteins.", "Protein Alignment", "Task"),
    # TB23: a hyphenated word between "By" and the name is a word of the means, not "on" or a punctuation mark
    ("Text Revision By On-the-Fly Representation Optimization", "We study this problem. Experiments show gains on "
     "two datasets.", "Representation Optimization", None),
])
def test_a_title_names_its_means_after_via_with_by(nlp, title, abstract, name, typ):
    types = _decided_types(nlp, abstract, title=title)
    assert types.get(name) == typ, types


def test_a_title_after_how_to_names_nothing(nlp):
    # round 104's judged Method node "Start Training" of 'How to Start Training: The Effect of Initialization ...'
    ext = _decided(nlp, "We identify and study two common failure modes for early training in deep ReLU nets.",
                   title="How to Start Training: The Effect of Initialization and Architecture")
    assert "Start Training" not in {e.name for e in ext.entities}


def test_a_measure_the_paper_reports_no_figure_in_is_held_to_metrics_threshold(nlp):
    # round 43: Metric's precision floor back at 0.8 (scripts/train.py PRECISION_FLOORS, threshold 0.6): a measure the
    # paper names and reports no number in is left out unless the decision is sure of it (judged rounds 111-120 found
    # such nodes right two times in three); one the paper reports a figure in is kept at any confidence
    ext = _decided(nlp, "We present a detector that raises the true positive rate at a fixed false-alarm rate on two "
                        "radar datasets.", title="Robust Detection")
    assert {e.name: e.type.value for e in ext.entities}.get("true positive rate") is None
    ext = _decided(nlp, "We present a detector that raises the true positive rate to 93.1% at a fixed false-alarm rate "
                        "on two radar datasets.", title="Robust Detection")
    assert {e.name: e.type.value for e in ext.entities}.get("true positive rate") == "Metric"


def test_a_vehicle_is_no_method(nlp):
    # round 112's "AUV" (a Method node): 'trajectories of an autonomous underwater vehicle (AUV)'
    types = _decided_types(nlp, "We learn a dynamics model from trajectories of an autonomous underwater vehicle (AUV)"
                                " and compare it with Gaussian process regression. The AUV follows planned paths, and "
                                "unmanned aerial vehicles (UAVs) collect the images.")
    assert not {n for n, t in types.items() if t == "Method"} & {"AUV", "UAVs", "autonomous underwater vehicle",
                                                                  "unmanned aerial vehicles"}, types
    assert types.get("Gaussian process regression") == "Method", types


def test_names_listed_after_a_noun_of_data_collections_are_data(nlp):
    # round 111's "SVT" (a Method node: 'benchmark datasets including the IIIT-5K, Street View Text (SVT) and ICDAR')
    # and "QMUL GRID" (a Metric node: 'four challenging databases (VIPeR, QMUL GRID, ...)')
    types = _decided_types(nlp, "We estimate age with a deep ranking network trained by stochastic gradient descent. "
                                "Experimental results on a number of challenging face aging databases (FG-NET, MORPH "
                                "Album II, and CLAP2016) show that the proposed approach outperforms the "
                                "state-of-the-art methods.")
    assert {types.get(n) for n in ("FG-NET", "MORPH Album II", "CLAP2016")} == {"Benchmark"}, types


def test_a_name_a_noun_of_data_collections_ends_is_data(nlp):
    # round 115's "LabelMe" (a Method node: 'the LabelMe database'), dropped or typed Method before
    types = _decided_types(nlp, "We parse scenes by transferring labels from annotated images. Experiments on images "
                                "of the LabelMe database show gains over SIFT Flow.")
    assert types.get("LabelMe") == "Benchmark", types


def test_a_short_form_whose_long_form_a_noun_of_data_collections_ends_is_data(nlp):
    # round 125's "MINC" (a Method node: 'the Materials in Context Database (MINC)'); the team's annotations type
    # 51 of 53 such long forms Dataset or Benchmark
    types = _decided_types(nlp, "We recognise materials in real-world images. We collect the Flickr Material Scenes "
                                "Database (FMSD), a large set of labelled photographs, and train convolutional "
                                "networks on FMSD that outperform hand-crafted features.")
    assert types.get("FMSD") in {"Benchmark", "Dataset"}, types


def test_what_a_method_is_termed_is_a_method_whatever_a_gazetteer_says(nlp):
    # rounds 37, 105 and 126 judged the Metric node "ECE" wrong on one sentence: 'an Explainable and effiCient model
    # Editing method, termed ECE' (the gazetteer's expected calibration error)
    types = _decided_types(nlp, "We propose a fast and accurate model editing method, termed ECE, which edits the "
                                "weights of large language models. ECE outperforms MEMIT on the CounterFact benchmark "
                                "in efficacy.")
    assert types.get("ECE") == "Method", types
    assert _decided_types(nlp, "We evaluate calibration with a measure called ECE on CIFAR-10.").get("ECE") == "Metric"


def test_what_our_method_is_named_as_is_the_papers_method(nlp):
    # round TB34's Benchmark node "MIRNet" ('experiments on five real image benchmark datasets demonstrate that our
    # method, named as MIRNet, achieves ...'): "named as" names the paper's system as "named" does (69 corpus
    # abstracts write "method, termed as X" and the like)
    ext = _decided(nlp, "We restore blurred photographs with a multi-scale network. Experiments on four standard "
                        "benchmark datasets demonstrate that our method, named as QuillNet, achieves state-of-the-art "
                        "results for image deblurring.")
    quill = next(e for e in ext.entities if e.name == "QuillNet")
    assert quill.type.value == "Method" and "PROPOSES" in {r.value for r in quill.roles}, quill


def test_a_well_known_method_termed_as_such_is_not_proposed(nlp):
    # a corpus abstract's 'A more promising approach termed as Generative Adversarial Imitation Learning tackles the
    # imitation learning problem ...' (GAIL, Ho and Ermon 2016, a method of the gazetteer since round 53)
    ext = _decided(nlp, "Imitation from few demonstrations is hard. A popular approach termed as Generative "
                        "Adversarial Imitation Learning matches the expert's occupancy measure. We propose a "
                        "sample-efficient variant that reuses off-policy data.")
    gail = next(e for e in ext.entities if e.name.lower() == "generative adversarial imitation learning")
    assert gail.type.value == "Method" and "PROPOSES" not in {r.value for r in gail.roles}, gail


def test_a_shared_tasks_part_keeps_its_number(nlp):
    # the whole corpus had a Benchmark "SemEval 2010 Task" in 8 papers and "SemEval 2021", "SemEval-2015" cut before
    # "Task 7", "Task 18": one part of a challenge named as all of them
    names = {e.name for e in _decided(nlp, "We classify relations between nominals with a graph network. Experiments "
                                           "on the SemEval 2010 Task 8 dataset show that our model outperforms prior "
                                           "work in macro-F1.").entities}
    assert "SemEval 2010 Task 8" in names and "SemEval 2010 Task" not in names, names
    names = {e.name for e in _decided(nlp, "We detect humour with incongruity features. On SemEval-2021 Task 7 our "
                                           "model improves accuracy.").entities}
    assert "SemEval-2021 Task 7" in names, names


def test_a_citation_placeholder_is_no_name(nlp):
    # round TB31's Benchmark node "CITATION": 21 corpus abstracts hold the placeholder an export left for a reference
    names = {e.name for e in _decided(nlp, "We compress token sequences for faster inference. Experiments on the "
                                           "GLUE benchmarks and the Long Range Arena (CITATION) datasets show "
                                           "large speedups.").entities}
    assert "CITATION" not in names and "GLUE" in names, names


def test_a_pair_of_modalities_is_no_entity(nlp):
    # round 126's Method node "V&L" ('fuse the vision and language (V&L) representation spaces'); the team's train
    # annotations name "vision and language" or "vision-language" alone in none of the 23 abstracts that say it
    ext = _decided(nlp, "We fuse the vision and language (V&L) representation spaces with a contrastive objective. Our "
                        "V&L model outperforms CLIP on Flickr30K retrieval.")
    names = {e.name.lower() for e in ext.entities}
    assert not names & {"v&l", "vision and language"}, names
    assert "clip" in names


def test_a_qualifier_and_an_anaphoric_word_make_no_name(nlp):
    # round 117's "SP-based" (a short form defined for a qualifier) and "abovementioned accuracy" (a Metric node)
    ext = _decided(nlp, "Knowledge base question answering (KBQA) answers questions over a knowledge base. We present "
                        "the two main categories of methods for complex KBQA, namely semantic parsing-based (SP-based) "
                        "methods and information retrieval-based (IR-based) methods. Our results also show that "
                        "SpikeMapper achieves the abovementioned accuracy across different network architectures.")
    names = {e.name for e in ext.entities}
    assert not names & {"SP-based", "IR-based", "abovementioned accuracy"}, names


def test_a_wh_word_opens_no_name_the_rules_find(nlp):
    # round 115's and 118's "how accuracy" (a Metric node the rules' mention made, 'for how accuracy and ...')
    ext = _decided(nlp, "We bound the certified radius of randomized smoothing on CIFAR-10. We discuss the "
                        "implications of our results for how accuracy and robustness are related, and why training "
                        "with noise helps.")
    assert not any(e.name.lower().startswith("how ") for e in ext.entities), [e.name for e in ext.entities]


def test_a_name_ending_in_bench_is_a_benchmark(nlp):
    # round 119's "E-Bench" (a Method node)
    title = "E-Bench: Evaluating the Ease-of-Use of Large Language Models to Prompt Perturbations"
    types = _decided_types(nlp, "We propose to evaluate the ease-of-use of large language models and construct "
                                "E-Bench, simulating how people phrase the same request with synonymous perturbations.",
                                title=title)
    assert types.get("E-Bench") == "Benchmark", types


def test_a_method_only_the_recogniser_found_needs_its_own_floor(nlp, monkeypatch):
    # judged rounds 107-128: the Method nodes the recogniser alone made were 73% right, the rules' 84%; rounds
    # 129-142 at a floor of 0.8: those between 0.8 and 0.9 62%
    import extractors.pipeline as pipeline

    abstract = ("We present a hierarchical sparse coding scheme for speech enhancement. The scheme combines dictionary "
                "pruning with spectral gating and outperforms Wiener filtering on the NOIZEUS corpus.")
    ext = _decided(nlp, abstract, title="Sparse Speech")
    methods = [e for e in ext.entities if e.type.value == "Method"]
    learned_only = [e for e in methods if all(ev.extractor == "kg_ner" for ev in e.evidence)]
    assert all(e.confidence >= pipeline.RECOGNISER_ONLY_FLOORS["Method"] for e in learned_only)
    assert any(e.evidence[0].extractor == "kg_entities" and e.confidence < 0.9 for e in methods)  # the rules' stay
    monkeypatch.setattr(pipeline, "RECOGNISER_ONLY_FLOORS", {})
    without = _decided(nlp, abstract, title="Sparse Speech")
    assert {e.name for e in without.entities} > {e.name for e in ext.entities}


def test_a_benchmark_only_the_recogniser_found_needs_its_own_floor(nlp, monkeypatch):
    # round 59's judged sample of the recogniser's lone Benchmark nodes: under 0.5, 18 of 42 right ("Trajectron++", a
    # baseline model listed before the data set, was one at 0.2); from 0.5 on, 50 of 59
    import extractors.pipeline as pipeline

    title, abstract = "Semantic Map Pretraining", ("We pretrain trajectory forecasters on maps. On top of popular "
                                                   "baselines such as AgentFormer and Trajectron++, our pretraining "
                                                   "reduces their errors by 5.5% and 6.9% relatively on the nuScenes "
                                                   "dataset.")
    benchmarks = {e.name for e in _decided(nlp, abstract, title=title).entities if e.type.value == "Benchmark"}
    assert "nuScenes" in benchmarks and "Trajectron++" not in benchmarks, benchmarks
    monkeypatch.setattr(pipeline, "RECOGNISER_ONLY_FLOORS", {"Method": pipeline.RECOGNISER_ONLY_FLOORS["Method"]})
    without = {e.name for e in _decided(nlp, abstract, title=title).entities if e.type.value == "Benchmark"}
    assert "Trajectron++" in without, without


def test_a_bert_model_the_paper_takes_is_a_model(nlp):
    # round 138's "FIN-BERT" ('an existing BERT model for the financial domain') was a Method node
    ext = _decided(nlp, "We tag numeric entities in XBRL filings with FIN-BERT, an existing BERT model for the "
                        "financial domain. Our tagger beats the rule-based baselines by 5 F1 points.")
    assert {e.type.value for e in ext.entities if e.name == "FIN-BERT"} == {"Model"}


def test_languages_a_paper_works_on_are_no_methods(nlp):
    # round 140's "HRLs" ('high-resource languages (HRLs)') was a Method node; the whole corpus had LRLs and ASL too
    types = _decided_types(nlp, "Multilingual models transfer poorly from high-resource languages (HRLs) to "
                                "low-resource languages (LRLs). We translate American Sign Language (ASL) videos "
                                "with a pose encoder and improve BLEU by 3 points over HRLs-only training.")
    assert not {"HRLs", "LRLs", "ASL", "HRL", "LRL"} & set(types), types


def test_a_vital_sign_is_no_metric(nlp):
    # "heart rate" was a wrong Metric node in rounds 7, 34, 55 and 118: what a task estimates, not a measure of results
    types = _decided_types(nlp, "We estimate heart rate (HR) and respiratory rate from face videos. Our network "
                                "lowers the mean absolute error of HR estimation by 20% on two benchmarks.")
    assert not {"HR", "heart rate", "respiratory rate"} & {n for n, t in types.items() if t == "Metric"}, types


def test_a_list_of_data_reads_through_a_name_with_a_lower_case_piece(nlp):
    # round 139's "SVO" was a Method node: the list after 'datasets:' held a name with a lower-case piece after a hyphen
    types = _decided_types(nlp, "We propose a contrastive objective for vision-language models. We evaluate it on "
                                "four datasets: Winoground, Text-checklist, PQR, and ComGV, and improve accuracy by 4%.")
    assert types.get("PQR") in ("Benchmark", "Dataset") and types.get("ComGV") in ("Benchmark", "Dataset"), types


def test_light_fields_and_camera_shutters_are_no_methods(nlp):
    # round 142's "light field" and "Global Shutter" Method nodes: the data a camera records and how it records them
    types = _decided_types(nlp, "Densely sampled light fields (LFs) help depth estimation. We correct the rolling "
                                "shutter (RS) distortion of fast cameras with a learned warping network.")
    assert not {"LFs", "LF", "light fields", "RS", "rolling shutter"} & set(types), types


def test_a_sensor_is_no_method(nlp):
    # round 144's "QIS" ('Quanta Image Sensors (QIS)') was a Method node: hardware the data come from
    types = _decided_types(nlp, "We image dark scenes using Quanta Image Sensors (QIS), which count single photons. "
                                "Our reconstruction on QIS data beats CMOS image sensors (CIS) by 3 dB PSNR.",
                           title="Low-Light Imaging with Quanta Image Sensors")
    assert not {"QIS", "CIS", "Quanta Image Sensors"} & set(types), types


def test_the_decision_tells_the_threshold_which_names_the_gazetteer_knows(nlp, monkeypatch):
    # a well-known Method ("reinforcement learning") needs KNOWN_NAME_THRESHOLDS, the paper's own name ("ImitNet")
    # Method's threshold
    import extractors.pipeline as pipeline

    calls = []
    real = pipeline.entity_threshold

    def recording(threshold_of, entity_type, extractors, known=False):
        calls.append((entity_type, known))
        return real(threshold_of, entity_type, extractors, known=known)

    monkeypatch.setattr(pipeline, "entity_threshold", recording)
    _decided(nlp, "Policies are usually trained with reinforcement learning, which needs many samples. We propose "
                  "ImitNet, which learns from 10 demonstrations and succeeds in 90% of trials.")
    assert ("Method", True) in calls and ("Method", False) in calls, calls
    assert real(lambda t: 0.7, "Method", ["kg_entities"], known=True) == pipeline.KNOWN_NAME_THRESHOLDS["Method"]


@pytest.mark.parametrize(
    ("abstract", "name", "typ"),
    [
        # round 149's "RbAM" ('RbAM is a challenging classification task.') was a Method node
        ("Relation-based Argument Mining (RbAM) is a challenging classification task. We propose a graph model for "
         "RbAM that improves F1 by 4 points over the baselines.", "RbAM", "Task"),
        # a method the sentence calls a method stays one
        ("Mixup is a simple data augmentation method. We extend Mixup to graphs and improve accuracy by 2 points over "
         "the baselines.", "Mixup", "Method"),
        # round 150's "ShapeStacks" ('We introduce ShapeStacks: a simulation-based dataset ...') was a Method node
        ("We introduce BlockTowers: a simulation-based dataset that contains 20,000 stacking configurations. Models "
         "trained on it improve stability accuracy by 10 points.", "BlockTowers", "Dataset"),
        # round 157's "CD index" ('... (CD index) is a new metric for measuring ...') was a Method node
        ("The Citation Breadth index (CB index) is a new metric for quantifying how widely a paper is cited across "
         "fields. We compute the CB index for two million papers and relate it to later awards.", "CB index", "Metric"),
        # round 190's "UMIC" ('we introduce a new metric UMIC') was a Method node; a name a new metric is given
        # after a comma, a naming verb or "which we call" is a metric too
        ("Captioning metrics need references. We introduce a new metric QuillCap, which scores captions without "
         "them. QuillCap correlates better with human judgements than BLEU.", "QuillCap", "Metric"),
        ("We propose a novel metric, called Quill Topology Impact (QTI), that assesses generated images. QTI "
         "agrees with human ranking in 90% of cases.", "QTI", "Metric"),
        # the metric a sentence names with "the" is not announced
        ("We evaluate with the metric QuillGrad, a network that we train on CIFAR-10 and that improves accuracy by 2 "
         "points over the baselines.", "QuillGrad", "Method"),
        # a colon before a description that is no data leaves the name a method
        ("We introduce BlockNet: a simple network that predicts stability. BlockNet improves accuracy by 10 points "
         "over the baselines on ShapeNet.", "BlockNet", "Method"),
    ],
)
def test_what_a_sentence_calls_a_name_types_it(nlp, abstract, name, typ):
    types = _decided_types(nlp, abstract)
    assert types.get(name) == typ, types


def test_a_name_a_metric_is_given_by_which_we_call_is_a_metric(nlp):
    types = _decided_types(nlp, "Summaries need faithful evaluation. We propose an optimized metric, which we call "
                                "QuillEval, that leads to a 14% gain in correlation with human judgements over ROUGE.",
                           title="QuillEval: Improved Factual Consistency Evaluation")
    assert types.get("QuillEval") == "Metric", types


def test_a_quantity_called_a_measure_of_something_is_not_made_a_metric(nlp):
    types = _decided_types(nlp, "Spectral entropy (SPE) is a measure of signal complexity. We propose a network that "
                                "estimates SPE from raw EEG and improves accuracy by 3 points.")
    assert types.get("SPE") != "Metric", types


def test_a_titles_catchphrase_that_pits_two_names_is_no_name(nlp):
    # round 149's "BFO Meets HOG" was a Method node; the whole corpus had "ReAct Meets ActRe", "Machine VS Machine"
    ext = _decided(nlp, "We combine the two descriptors in one feature and improve accuracy on CIFAR-10 by 2 points.",
                   title="BFO Meets HOG: Feature Extraction Based on Histograms of Oriented Gradients")
    assert not [e.name for e in ext.entities if "Meets" in e.name]
    assert "Feature Extraction" in {e.name for e in ext.entities}


def test_a_name_joined_by_hyphens_around_vs_is_one_name(candidates_nlp):
    from extractors.pipeline import _sets_two_names_against_each_other

    doc = candidates_nlp("A Study\n\nWe train One-vs-Rest classifiers and compare BFO vs HOG features.")
    spans = {doc[i:j].text: doc[i:j] for i in range(len(doc)) for j in range(i + 1, min(i + 6, len(doc)))}
    assert not _sets_two_names_against_each_other(spans["One-vs-Rest"])
    assert _sets_two_names_against_each_other(spans["BFO vs HOG"])


def test_a_hypothesis_or_an_assumption_is_no_method(nlp):
    # round 150's "LTH" ('the lottery ticket hypothesis (LTH)') was a Method node; the whole corpus had SETH, SUTVA
    types = _decided_types(nlp, "The lottery ticket hypothesis (LTH) states that dense networks contain sparse "
                                "trainable subnetworks. Under the Stable Unit Treatment Value Assumption (SUTVA) we "
                                "propose TicketPrune, which improves accuracy by 2 points over magnitude pruning.")
    assert not {"LTH", "SUTVA", "lottery ticket hypothesis"} & set(types), types
    assert types.get("TicketPrune") == "Method", types


def test_a_name_that_only_modifies_a_device_is_no_method(nlp):
    # round 151's "ArUco" ('we design a 3D-version of the ArUco marker') was a Method node; the whole corpus had
    # "PTZ", "DSLR", "LeapMotion" and "Barrett WAM" Methods the same way
    types = _decided_types(nlp, "Specifically, we design a 3D-version of the ArUco marker that retains the same "
                                "appearance from any viewpoint. Our detector improves pose accuracy by 10 points.")
    assert "ArUco" not in types, types


def test_a_name_the_authors_give_their_model_is_a_method_whatever_a_gazetteer_says(nlp):
    # round 159's "SPL" ('We name the model SPL to highlight ...') was a Metric node: SPL is also a navigation measure
    types = _decided_types(nlp, "We propose a context-aware image inpainting model that integrates global semantics and "
                                "local features. We name the model SPL to highlight its ability to learn and leverage "
                                "semantic priors. It achieves the state of the art on Places2 and CelebA datasets.",
                           title="Image Inpainting with Priors")
    assert types.get("SPL") == "Method", types


def test_a_title_name_the_abstract_calls_a_benchmark_is_one(nlp):
    # round 164's "Housekeep" ('We introduce Housekeep, a benchmark to evaluate ...') was a Method node: the title's
    # mention was the only one found, and the apposition that says what it is follows another
    title = "Shelfwise: Arranging Virtual Kitchens with Common Sense"
    types = _decided_types(nlp, "We introduce Shelfwise, a benchmark to evaluate commonsense reasoning of embodied "
                                "agents. An agent must put misplaced objects back where people expect them. We propose "
                                "a modular baseline for Shelfwise that combines planning and exploration.", title=title)
    assert types.get("Shelfwise") == "Benchmark", types
    # a name the abstract calls a model stays a method
    types = _decided_types(nlp, "We introduce Shelfwise, a model that arranges objects from commonsense priors. We "
                                "evaluate Shelfwise on two rearrangement benchmarks.", title=title)
    assert types.get("Shelfwise") == "Method", types


def test_the_verb_that_takes_a_measure_is_no_part_of_its_name(nlp):
    # round 167's "measure accuracy" ('... and measure accuracy using the ITA metric', "measure" tagged a noun) was a
    # Metric node
    types = _decided_types(nlp, "We fine-tune a language model on clinical notes and measure accuracy using the ITA "
                                "metric. Our model improves accuracy by 3 points.", title="Reading Clinical Notes")
    assert "measure accuracy" not in types and types.get("accuracy") == "Metric", types


def test_the_area_under_the_curve_written_out_is_one_measure(nlp):
    # round 159's "Area" (of '... in terms of Area Under the Curve') was a Metric node
    types = _decided_types(nlp, "MatchNet improves the state of the art with up to 4.16% improvement in terms of Area "
                                "Under the Curve and 3.19% in terms of Mean Average Precision.",
                           title="Entity Matching with Context")
    assert "Area" not in types and "Curve" not in types, types
    assert types.get("Area Under the Curve") == "Metric", types


def test_a_short_form_whose_bracket_spells_it_out_before_a_device_noun_is_no_method(nlp):
    # round 158's "PTZ" ('PTZ (Pan-Tilt-Zoom) cameras are ...') was a Method node: the bracket was too long to skip
    types = _decided_types(nlp, "ToF (Time-of-Flight) cameras measure depth at video rate. We propose DeNoise, a "
                                "network that removes multipath noise and improves depth accuracy by 12%.",
                           title="Depth with ToF Cameras")
    assert "ToF" not in types, types
    assert types.get("DeNoise") == "Method", types


def test_a_measure_named_only_before_prediction_or_inference_is_no_metric(nlp):
    # round 158's "CVR" ('Conversion rate (CVR) prediction is ...') was a Metric node
    types = _decided_types(nlp, "Watch rate (WTR) prediction is central to short-video feeds. We propose a multi-task "
                                "model for WTR prediction that improves AUC by 0.6% on two industrial datasets.",
                           title="Feed Ranking")
    assert types.get("WTR") != "Metric", types
    assert types.get("AUC") == "Metric", types
    # round 158's "Minimum mean square error" ('MMSE inference of the time-varying noise parameter') was a Metric node
    types = _decided_types(nlp, "We study minimum mean square error (MMSE) inference of a time-varying noise parameter "
                                "from streaming sensor data. Our particle method reduces estimation error by 20% over "
                                "Kalman filtering.", title="Noise Tracking")
    assert types.get("MMSE") != "Metric", types
    # round 167's "MMSE" ('... with Minimum Mean-Square Error (MMSE), ML and MIL estimations') was a Metric node: the
    # noun after a list is its first item's too
    types = _decided_types(nlp, "The filter combines the MAP estimation with Minimum Mean-Square Error (MMSE), ML and "
                                "MIL estimations. Our method reduces the error by 20% over Kalman filtering.",
                           title="Noise Tracking")
    assert types.get("MMSE") != "Metric", types


def test_a_name_before_a_device_noun_that_goes_on_stays(candidates_nlp):
    from extractors.pipeline import _DEVICE_NOUNS, _modifies_data

    doc = candidates_nlp("A Study\n\nWe fuse the streams with UKF sensor fusion and read a ToF sensor.")
    ukf = next(t.i for t in doc if t.text == "UKF")
    tof = next(t.i for t in doc if t.text == "ToF")
    assert not _modifies_data(doc[ukf:ukf + 1], _DEVICE_NOUNS)  # 'UKF sensor fusion': the noun goes on
    assert _modifies_data(doc[tof:tof + 1], _DEVICE_NOUNS)


def test_a_name_ending_in_a_capitalised_data_noun_is_data(nlp):
    """"a parallel corpus ... called SGE-Corpus": the decision typed the name a Method (the paper proposes it); its
    last word says it is data."""
    types = _decided_types(nlp, "We contribute a Swiss-German to English parallel corpus with speaker metadata called "
                                "SGE-Corpus, and a translation model that uses it.", "Towards Dialect-Aware Translation")
    assert types.get("SGE-Corpus") == "Dataset"


@pytest.mark.parametrize(("title", "abstract", "short", "cut"), [
    ("Ridge Attention for Image Deraining",
     "We propose the Ridge Attention Network (RANet) for single image deraining. Ridge Attention aggregates features "
     "along rain streaks at several scales. RANet outperforms prior deraining networks on Rain100L.",
     "RANet", "Ridge Attention"),
    ("Solving the Orchard Harvest Routing Problem with Learned Heuristics",
     "We study the orchard harvest routing problem (OHRP), in which robots must visit trees before fruit spoils. "
     "Orchard Harvest Routing is NP-hard, and we learn heuristics for OHRP with a graph network.",
     "OHRP", "Orchard Harvest Routing"),
])
def test_a_long_form_written_without_its_head_word_is_the_short_forms_entity(nlp, title, abstract, short, cut):
    """"Ridge Attention" beside "Ridge Attention Network (RANet)", "Orchard Harvest Routing" beside "orchard harvest
    routing problem (OHRP)": one entity of the paper, not two."""
    entities = _decided(nlp, abstract, title).entities
    assert cut not in {e.name for e in entities}
    assert any(e.name == short and cut in e.aliases for e in entities)


def test_a_value_function_alone_is_no_method(nlp):
    # the whole corpus had "value function" as a Method node of 35 papers, kept at the gazetteer's lower threshold; the
    # train-split annotations name it in none of the 17 abstracts that say it (an object of the problem, not a technique)
    ext = _decided(nlp, "Our agent uses a value function to guide the search. QuillPlan outperforms MCTS on Atari games.",
                   title="Approximate Policy Iteration with Quills")
    names = {n.lower() for e in ext.entities for n in [e.name, *e.aliases]}
    assert "value function" not in names, names
    assert "quillplan" in names


@pytest.mark.parametrize(("abstract", "task"), [
    # TB38's Task "considered facade labeling", and the corpus's "following matrix recovery"
    ("We solve the considered facade labeling problem with dynamic programming in linear time.", "facade labeling"),
    ("We study the following matrix recovery problem: given a corrupted matrix, recover its low-rank part.",
     "matrix recovery"),
])
def test_a_word_that_points_back_or_ahead_opens_no_task(candidates_nlp, abstract, task):
    names = {e.name for e in _entities(candidates_nlp, "A Study", abstract)}
    assert task in names and not [n for n in names if n.startswith(("following", "considered"))], names


def test_the_kind_of_a_new_work_before_its_name_is_no_entity(nlp):
    """Round 225's Method "optimal transport-based feedback coding" of 'a ... coding scheme called APM': the kind of
    the paper's work, which the annotators do not list; the named work stays."""
    from extractors.pipeline import extract_papers

    abstract = ("We propose an optimal transport-based feedback coding scheme called QuillCode for noisy channels. "
                "QuillCode reaches the capacity of the channel with fewer rounds than earlier schemes.")
    (ext,) = extract_papers([Paper(id="p", title="Feedback Codes", abstract=abstract)], nlp=nlp)
    names = {e.name for e in ext.entities}
    assert "QuillCode" in names and "optimal transport-based feedback coding" not in names, names


def test_names_listed_after_methods_are_no_benchmarks_for_a_benchmark_among_them(nlp):
    # the kind of TB28's "TPE" and TB54's "SMAC": a list of methods that holds a benchmark's name (SMAC, the StarCraft
    # challenge); their own sentence ("optimization including SMAC, TPE") has no plural head and is not changed
    types = _decided_types(nlp, "Our method outperforms conditional parameter optimization methods including SMAC, "
                                "TPE and Jenatton et al. on several problems.", title="Hyperparameter search")
    assert types.get("TPE") == "Method", types


def test_well_known_video_object_segmentation_benchmarks_are_benchmarks(nlp):
    # round 249's "FBMS" was a Method node: the video object segmentation benchmarks are well known, as DAVIS was
    types = _decided_types(nlp, "We propose a motion-guided network. From the proposed framework, we achieve "
                                "state-of-the-art performance in three UVOS benchmark sets: DAVIS16, FBMS, and SegTrack-V2.",
                           title="Motion-Guided Unsupervised Video Object Segmentation")
    assert types.get("FBMS") == "Benchmark" and types.get("SegTrack-V2") == "Benchmark", types
