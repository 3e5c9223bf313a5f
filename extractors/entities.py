"""Typed entity mentions: Method, Model, Dataset, Benchmark, Task, Metric.

The component ``kg_entities`` reads the tagger, the parser and
``doc.spans["kg_abbreviations"]`` and sets ``doc.spans["kg_entities"]``: one span per
mention, ``label_`` = type name, ``kb_id_`` = the entity's canonical name (the
acronym when the text defines one). Mentions come from, in order of trust:

1. abbreviation definitions (the short form names the entity, the long form is an alias);
2. gazetteers of well-known names (:mod:`extractors.gazetteers`, PhraseMatcher);
3. name-like tokens (digits, inner capitals, ``Llama-3.1-8B``, ``HumanEval+``),
   typed by family prefixes, suffixes (``...Bench``, ``...QA``) and context
   ("the X benchmark", "on X, Y and Z");
4. noun chunks whose head is a task word ("... generation", "... answering"), a
   method word ("... learning", "... optimization") or a metric word ("... accuracy",
   "... rate"), after stripping determiners and generic adjectives; generic phrases
   ("our method", "large language models", "complex tasks") are dropped.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property, lru_cache

import numpy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from extractors import gazetteers as gz
from extractors.abbreviations import SPAN_KEY as ABBREVIATION_KEY
from extractors.gazetteers import wordset as _wordset
from extractors.model import is_english_word
from extractors.spans import DASHES, closing_bracket, numbered_part_end, pieces_of_a_clause, trimmed
from schema.names import name_key
from schema.types import ENTITY_TYPES

SPAN_KEY = "kg_entities"

METHOD, MODEL, DATASET, BENCHMARK, TASK, METRIC = ENTITY_TYPES

TASK_HEADS = _wordset(
    """
    generation reasoning answering recognition segmentation detection classification translation
    navigation recommendation recommendations summarization forecasting prediction captioning parsing
    tagging editing completion understanding manipulation locomotion tracking localization grounding
    inpainting restoration extraction verification diagnosis driving discovery comprehension solving
    problem-solving following answering retrieval synthesis reconstruction analysis control coordination
    estimation modeling modelling planning regression selection adaptation recovery identification bandits
    """
)
METHOD_HEADS = _wordset(
    """
    learning fine-tuning finetuning pre-training pretraining post-training optimization
    distillation prompting search sampling decoding regularization augmentation quantization
    pruning propagation programming network networks transformer transformers
    autoencoder play reflection refinement critique voting ensembling retraining
    curation relabeling shaping coding passing descent merging bootstrapping
    engineering alignment-tuning self-play self-reflection self-refinement self-correction
    self-consistency self-training self-critique self-verification self-evaluation imitation cloning
    """
)
METRIC_HEADS = _wordset(
    """
    accuracy accuracies rate score ratio precision recall perplexity f1 bleu rouge
    latency throughput error regret
    """
)
#: Nouns that name a medical condition: a disease a paper studies or detects is none of the six types,
#: and its defined acronym ("Major Depressive Disorder (MDD)", "Alzheimer's disease (AD)") no Method
#: (:func:`names_an_object_of_study`).
CONDITION_HEADS = _wordset(
    """
    disorder disorders disease diseases syndrome syndromes cancer cancers carcinoma tumor tumors tumour
    tumours infection infections cardiomyopathy apnea apnoea sclerosis dementia retinopathy fibrillation
    palsy hypertension pneumonia
    """
)
#: Nouns that name a part of the body a paper records or models ("Entorhinal Cortex (EC)", "the
#: hippocampus"): an object of study, none of the six types (:func:`names_an_object_of_study`).
ANATOMY_HEADS = _wordset(
    "cortex cortices hippocampus amygdala thalamus hypothalamus cerebellum striatum gyrus sulcus nucleus nuclei "
    "colliculus colliculi"
)
#: Nouns that make a phrase generic when nothing specific modifies them.
GENERIC_HEADS = _wordset(
    """
    method methods approach approaches framework frameworks model models technique techniques strategy
    strategies system systems pipeline paradigm mechanism mechanisms module modules algorithm algorithms
    scheme architecture solution solutions task tasks problem problems setting settings scenario
    scenarios work works study studies paper analysis results result performance experiments experiment
    baseline baselines data dataset datasets benchmark benchmarks agent agents capability capabilities
    ability abilities process way ways tool tools application applications domain domains improvement
    improvements challenge challenges issue issues component components design variant variants version
    family
    """
)
#: Words that praise or belittle and never start a name, stripped from a recognised mention too
#: ("celebrated Sinkhorn algorithm", "simplistic regularization"; not "competitive learning", "novel view synthesis").
EVALUATIVE = _wordset(
    """
    simplistic celebrated seminal straightforward famous renowned prominent well-known popular powerful
    superior remarkable impressive notable promising innovative groundbreaking sophisticated elaborate
    revolutionary insightful elegant versatile proposed existing
    """
)
#: Verbs that open a title and never start a name, stripped from a recognised mention too ("Rethinking
#: InfoNCE", "Enhancing Link Prediction": the name is what follows).
TITLE_VERBS = _wordset(
    """
    rethinking revisiting enhancing improving exploring leveraging mitigating understanding unleashing
    empowering harnessing exploiting evaluating investigating analyzing analysing characterizing
    characterising unifying accelerating advancing towards toward conceptualizing conceptualising enriching
    """
)
#: Conjunctions that open a sentence and never start a name ("Whilst deep neural networks have ...").
CONJUNCTIONS = _wordset("whilst whereas although though while")
#: Words that point back to something said before and never start a name, stripped from a recognised mention too
#: ("the abovementioned accuracy", round 117).
ANAPHORIC = _wordset("aforementioned abovementioned aforesaid")
#: Leading words stripped from a candidate phrase.
GENERIC_MODIFIERS = EVALUATIVE | TITLE_VERBS | CONJUNCTIONS | ANAPHORIC | _wordset(
    """
    our their its his her this that these those a an the novel new existing simple effective various
    different several multiple many numerous strong recent current traditional standard vanilla
    conventional previous prior original proposed overall significant substantial high higher better
    improved key main unified powerful challenging promising popular widely common typical specific
    particular such other additional further both each every all any some most more less few first
    second third two three four five same certain diverse extensive comprehensive systematic efficient
    superior competitive remarkable impressive notable considerable great greater large larger small
    smaller lightweight advanced modern emerging underlying respective corresponding final initial
    average relative absolute lower best state-of-the-art sota strong novel general-purpose well-known difficult
    contemporary
    standard clear practical external special abundant reliable robust poor stable tedious minimal
    extended explicit good careful proper appropriate weak limited excessive insufficient massive costly
    expensive cheap fast slow accurate precise direct naive typical generic global further continued
    real true emergent intelligent deliberate potential own fundamental critical crucial important
    essential basic necessary sufficient successful unsuccessful meaningful useful helpful valuable rich
    broad wide deep deeper holistic comprehensive thorough rigorous principled flexible scalable
    generalizable versatile adaptive dynamic automatic automated manual real-world practical open-source
    public available proper entire whole full partial joint resulting corresponding underlying simulated
    commercial used trained learned given obtained enhanced designed intermediate downstream theoretical
    only either revolutionary insightful innovative groundbreaking sophisticated elaborate intuitive
    increased decreased reduced studied investigated explored examined researched resultant superhuman
    nontrivial unique distinct benchmark inaccurate unreliable adequate inadequate intractable infeasible demanding
    following considered above mentioned above-mentioned
    """
)
#: A broad kind of model or method, named by the paradigm it belongs to ("a Bayesian model for sparse graphs",
#: "a hybrid model", "learning algorithms"): the train annotations name none of these alone.
GENERIC_CLASSES = frozenset(
    f"{kind} {head}"
    for kind in (
        "bayesian", "probabilistic", "statistical", "generative", "discriminative", "linear", "nonlinear",
        "non-linear", "parametric", "nonparametric", "non-parametric", "hybrid", "predictive", "hierarchical",
        "neural", "joint", "stochastic", "unified", "computational", "deep", "learning", "machine learning",
        "deep learning", "neural network",
    )
    for head in (
        "model", "models", "method", "methods", "framework", "frameworks", "approach", "approaches", "algorithm",
        "algorithms", "technique", "techniques",
    )
)
#: Phrases that look like entities but are not (checked after stripping): generic nouns, broad
#: research fields (:data:`extractors.gazetteers.FIELDS`: "computer vision") and bare process or property
#: words ("distillation", "efficiency"), and broad kinds of model.
GENERIC_PHRASES = gz.FIELDS | frozenset(
    phrase.strip()
    for phrase in """large language model|large language models|language model|language models|llm|llms|neural network
    neural networks|deep neural networks|ai systems
    learning rate|training data|training|learning|fine-tuning|search|sampling|reasoning ability|reasoning abilities
    reasoning capabilities|performance|generalization|efficiency|robustness|quality|scalability|accuracy gains
    error rate reduction|attention|inference|optimization|planning|evaluation|prediction|generation|understanding
    control|analysis|estimation|retrieval|detection|recognition|synthesis|decoding|encoder|decoder|network|networks
    feedback|data augmentation techniques|reasoning tasks|downstream tasks|real-world tasks
    complex tasks|diverse tasks|new tasks|various tasks|multiple tasks|computational cost|inference time
    training time|compute|scores|score|rate|rates|error|errors|return|returns|precision|ratio|self|play
    alignment|interpretability|explainability|fairness
    representation learning|pre-training|pretraining|distillation|complexity|efficiency
    value function|value functions""".replace("\n", "|").split("|")
    if phrase.strip()
) | GENERIC_CLASSES

#: Last words of long forms that name an optimisation problem ("influence maximization", "minimum dominating set").
_PROBLEM_TAILS = _wordset("maximization maximisation minimization minimisation set cover coloring colouring")
#: Last words of long forms that name the data or objects a paper works on ("candidate labels (CLs)").
_OBJECT_HEADS = _wordset(
    """
    label labels data features samples images videos points nodes edges vertices users items documents
    sentences words tokens pixels patches regions objects vehicles robots devices patients
    """
)
_SIZE = re.compile(r"\d+(\.\d+)?[BbMmKkTt]$")
#: Compounds that modify a noun rather than name a system ("AI-Driven", "LLM-based").
_MODIFIER_SUFFIX = re.compile(
    r"-(driven|based|aware|guided|free|enhanced|augmented|powered|assisted|oriented|specific|level|"
    r"scale|agnostic|centric|friendly|like|style|wise|inspired|complete|hard)$",
    re.IGNORECASE,
)
_NOT_NAME = re.compile(
    r"^(\d+(\.\d+)?(%|x|X|×|k|K|M|B|T|s|ms|h|D|d|st|nd|rd|th|v\d+)?|\d+[A-Za-z]?\d*|[A-Za-z]\d|\d+-\w+|[ivx]+"
    r"|(?:sub|over|under|above|below|super)-?\d+(\.\d+)?[BMKT]?)$"  # a size bound: "sub-10B models"
)
#: Name-like strings that are no system: a venue and year ("IJCAI'19"), a quantity with a unit ("5000kWh").
_NOT_SYSTEM = re.compile(
    r"^[A-Za-z]+'\d\d$|^\d{3,}[A-Za-z]+$|\s(19|20)\d\d$|^[A-Za-z0-9]+-to-[A-Za-z0-9]+$|^end-(2|to)-end$|"
    r"^\d[Dd](?:-\d[Dd])+$|"  # "2D-3D": dimensions
    r"^(?i:top|rank)-?\d+$|"  # "top-1", "rank-1": a measure's cutoff ("on the rank-1 recognition rate")
    r"^(KDD|AAAI|IJCAI|ICML|ICLR|NeurIPS|NIPS|CVPR|ICCV|ECCV|ACL|EMNLP|NAACL|COLING|SIGIR|WWW|UAI|AISTATS|COLT|"
    r"CoRL|ICRA|IROS|WACV|ECAI|AAMAS|ICCMA)[- ']?\d{2,4}$"
)
#: Measures whose acronym ends a compound name ("ROC-AUC", "Unbiased IoU", "RWIoU").
_METRIC_TAIL = re.compile(r"(IoU|[-\s](AUC|AUROC|AUPRC|F1|mAP|BLEU|ROUGE|NDCG|MRR|PSNR|SSIM|FID))$")
_NAME_CHARS = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.+*@&'-]*[A-Za-z0-9+*]$")
#: An ordinary lower-case word whose capitals spell out an acronym's letters ("stabiliTY",
#: "uNIfying" for NIFTY): capitals closing a word after three or more lower-case letters, or a
#: run of two or more capitals followed by three or more lower-case letters inside a lower-case
#: word. Not a name; "mBERT", "fMRI", "gSASRec", "fastText" stay names.
_ACRONYM_SPELLING = re.compile(r"^[a-z]+(?:[a-z]{2}[A-Z]+|[A-Z]{2,}[a-z]{3,}[A-Za-z]*)$")
#: A lower-case word of six letters or more with a capital inside and lower case after it.
_INNER_CAPITALS = re.compile(r"^(?=[A-Za-z]{6,}$)[a-z]+[A-Z][A-Za-z]*[a-z][A-Za-z]*$")


def spells_an_acronym(word: str) -> bool:
    """Whether a word is an English word with capitals inside that spell out an acronym's letters:
    "coaLition formation gamE and grAdient Projection" (LEAP), "peRsuasive dialogue sysTem". Not a
    name; "fastText", "iForest", "diffGrad", "spaCy" and "mAP" stay names.

    Example:
        >>> [spells_an_acronym(w) for w in ("grAdient", "dependencIes", "fastText", "mAP", "spaCy", "iForest")]
        [True, True, False, False, False, False]
    """
    return _INNER_CAPITALS.match(word) is not None and is_english_word(word.lower())


_BENCH_SUFFIX = ("bench", "eval", "qa", "arena", "-hard", "suite", "gym", "world", "leaderboard")
_CUE_BENCHMARK = frozenset(
    ["benchmark", "benchmarks", "suite", "leaderboard", "environment", "environments", "testbed", "arena"]
)
_CUE_DATASET = frozenset(["dataset", "datasets", "corpus", "corpora", "collection"])
_EVAL_WORDS = re.compile(
    r"\b(evaluat\w*|experiment\w*|benchmark\w*|achiev\w*|outperform\w*|surpass\w*|results?|tests?|scores?|"
    r"accuracy|improv\w*|state-of-the-art|performance|validat\w*|demonstrat\w*)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=65536)
def merge_key(text: str) -> str:
    """The key under which mentions of one paper are merged: :func:`schema.names.name_key` without a plural s.

    Example:
        >>> merge_key("Item Recommendations") == merge_key("item recommendation")
        True
    """
    key = name_key(text)
    if len(key) > 4 and key.endswith("s") and not key.endswith("ss") and not key[-2].isdigit():
        key = key[:-1]
    elif re.fullmatch(r"[A-Z]{2,}s", text.strip()):
        key = key[:-1]  # "SSMs" -> "SSM"
    return key


_GAZ_BY_TYPE = (
    (BENCHMARK, gz.BENCHMARKS),
    (DATASET, gz.DATASETS),
    (MODEL, gz.MODEL_FAMILIES),
    (METRIC, gz.METRICS),
    (TASK, gz.TASKS),
    (METHOD, gz.METHODS),
)
_GAZ_TYPE: dict[str, str] = {}
for _type, _terms in reversed(_GAZ_BY_TYPE):
    for _t in _terms:
        _GAZ_TYPE[name_key(_t)] = _type
_MODEL_FAMILIES_LOWER = frozenset(m.lower() for m in gz.MODEL_FAMILIES)
_CASE_SENSITIVE_KEYS: dict[str, set[str]] = {}
for _t in gz.CASE_SENSITIVE:
    _CASE_SENSITIVE_KEYS.setdefault(name_key(_t), set()).add(_t)
_GENERIC_KEYS = frozenset(name_key(g) for g in gz.GENERIC_NAMES | GENERIC_PHRASES)


@lru_cache(maxsize=65536)
def gazetteer_type(text: str) -> str | None:
    """The type of a well-known name or term, or None.

    Example:
        >>> gazetteer_type("GSM8K"), gazetteer_type("reinforcement learning"), gazetteer_type("our method")
        ('Benchmark', 'Method', None)
    """
    key = name_key(text)
    exact = _CASE_SENSITIVE_KEYS.get(key)
    if exact is not None and text.strip() not in exact:
        return None  # "Apps" is not the APPS benchmark
    known = _GAZ_TYPE.get(key)
    if known is None and _at_cutoff(text.strip()):
        return METRIC
    return known


#: Short measure names that take a rank or overlap cutoff ("Hits@10", "P@1", "AP50", "mAP@0.5").
_CUTOFF_MEASURES = frozenset(
    "p r hit hits hr acc accuracy prec precision recall map ap mrr ndcg dcg psp rank sr success tar far"
    " f1 pass bleu cider top hitratio".split()
)
_AT_CUTOFF = re.compile(r"([A-Za-z][A-Za-z0-9-]*?)\s?@\s?(\d+(\.\d+)?(e-?\d+)?%?|[kKnN])")
_AP_AT_IOU = re.compile(r"m?AP[-_]?(50|75|\d\.\d+)")


def _at_cutoff(text: str) -> bool:
    """A measure taken at a cutoff: a rank ("Hits@10", "Recall@K") or an overlap threshold ("AP50").

    Example:
        >>> _at_cutoff("Hits@10"), _at_cutoff("mAP@0.5"), _at_cutoff("AP75"), _at_cutoff("user@host"), _at_cutoff("AP")
        (True, True, True, False, False)
    """
    m = _AT_CUTOFF.fullmatch(text)
    if m:
        return m.group(1).lower() in _CUTOFF_MEASURES or _GAZ_TYPE.get(name_key(m.group(1))) == METRIC
    return _AP_AT_IOU.fullmatch(text) is not None


@lru_cache(maxsize=65536)
def is_generic(text: str) -> bool:
    """Whether a phrase is too generic to be an entity ("LLMs", "complex tasks").

    Example:
        >>> is_generic("large language models"), is_generic("semantic segmentation")
        (True, False)
    """
    key = name_key(text)
    if not key or key in _GENERIC_KEYS:
        return True
    words = text.lower().split()
    return all(w in GENERIC_HEADS or w in GENERIC_MODIFIERS or name_key(w) in _GENERIC_KEYS for w in words)


#: What stands between the two languages of a translation direction: a hyphen, a dash or an arrow.
_DIRECTION = r"<->|->|-|\u2013|\u2192|\u2194"
#: A translation direction: "English-German", "Chinese to English", "English-to-German".
_LANGUAGE_PAIR = re.compile(rf"([A-Z][a-z]+)\s*(?:{_DIRECTION}|-to-|to)\s*([A-Z][a-z]+)")
#: A translation direction by two-letter language codes ("En-De", "EN→ZH", "En2Fr"), each code written "En" or "EN".
_CODE_PAIR = re.compile(rf"([A-Z][a-zA-Z])\s*(?:{_DIRECTION}|2|/)\s*([A-Z][a-zA-Z])")
#: ISO 639-1 codes of languages that machine translation pairs with English.
_LANGUAGE_CODES = frozenset(
    "en de fr zh ro ru es cs ja ko it pt ar tr fi et lv lt hi vi nl si ne kk gu ps km uk pl he fa id th sw ta bn ur "
    "hu el bg hr sk sl da sv no is ga my".split()
)


def is_language_pair(text: str) -> bool:
    """Whether ``text`` is a translation direction, which names no data by itself: two languages ("English-German")
    or English and another language by their codes ("En-De" of "WMT14 En-De", "ZH-EN", "En2Fr").

    Example:
        >>> [is_language_pair(t) for t in ("English-German", "En-De", "ZH-EN", "En2Fr", "En<->Ro", "De-Ro", "RGB-D")]
        [True, True, True, True, True, False, False]
        >>> is_language_pair("English-to-German"), is_language_pair("Peer-to-Peer")
        (True, False)
    """
    pair = _LANGUAGE_PAIR.fullmatch(text)
    if pair is not None and all(w.lower() in gz.LANGUAGES for w in pair.groups()):
        return True
    codes = _CODE_PAIR.fullmatch(text)
    if codes is None:
        return False
    pair = {codes.group(1).lower(), codes.group(2).lower()}
    return "en" in pair and pair <= _LANGUAGE_CODES


@lru_cache(maxsize=65536)
def is_name_like(text: str) -> bool:
    """A token that looks like a proper name of a system: digits with letters, inner capitals.

    Example:
        >>> is_name_like("Qwen2.5-7B"), is_name_like("WebShop"), is_name_like("70%"), is_name_like("method")
        (True, True, False, False)
        >>> is_name_like("mBERT"), is_name_like("stabiliTY"), is_name_like("uNIfying"), is_name_like("SoA")
        (True, False, False, False)
        >>> is_name_like("LiDARs"), is_name_like("LiDAR")
        (False, False)
    """
    core = text.rstrip("*+")
    if (
        len(core) < 2
        or _NOT_NAME.match(core)
        or core.lower() in gz.GENERIC_NAMES
        or len(core) > 3 and core.endswith("s") and core[:-1].lower() in gz.GENERIC_NAMES  # "LiDARs", "GPUs"
        or core in gz.NO_NAMES  # "SoA", the state of the art, beside the SOA a paper defines
        or not _NAME_CHARS.match(core)
        or _ACRONYM_SPELLING.match(core)
        or spells_an_acronym(core)
        or is_language_pair(core)  # "En-De" of "WMT14 En-De"
    ):
        return False
    letters = sum(c.isalpha() for c in core)
    if letters < 2 or "--" in core or re.fullmatch(r"[\d.\-BMKbmkTx%]+", core):
        return False
    has_digit = any(c.isdigit() for c in core)
    inner_cap = any(c.isupper() for c in core[1:])
    return has_digit or inner_cap


def name_type(text: str, next_words: tuple[str, ...] = ()) -> str:
    """The type of a name from its spelling and the words right after it.

    Example:
        >>> name_type("Mistral-7B"), name_type("SkillBench"), name_type("FooNet"), name_type("Foo", ("dataset",))
        ('Model', 'Benchmark', 'Method', 'Dataset')
        >>> name_type("HOVA-500K"), name_type("MS-Celeb-1M")
        ('Dataset', 'Dataset')
    """
    known = gazetteer_type(text)
    if known:
        return known
    low = text.lower()
    nxt = next_words[0].lower() if next_words else ""
    if nxt in _CUE_BENCHMARK:
        return BENCHMARK
    if nxt in _CUE_DATASET:
        return DATASET
    if low.startswith(gz.MODEL_PREFIXES) or low in _MODEL_FAMILIES_LOWER:
        return MODEL
    # a count of thousands or millions sizes data ("HOVA-500K", "bAbI-10k", "MS-Celeb-1M"), a count of
    # billions parameters ("Mistral-7B", "Llama3-8B-1M")
    sizes = {p[-1:].upper() for p in re.split(r"[-\s]", text)[1:] if _SIZE.match(p)}
    if sizes:
        return MODEL if sizes & {"B", "T"} else DATASET
    if low.endswith(_BENCH_SUFFIX) or "bench" in low:
        return BENCHMARK
    return METHOD


def head_type(words: list[str]) -> str | None:
    """The type a phrase gets from its last word: task, method or metric words.

    Example:
        >>> head_type(["semantic", "segmentation"]), head_type(["contrastive", "learning"]), head_type(["win", "rate"])
        ('Task', 'Method', 'Metric')
    """
    if not words:
        return None
    for k in range(max(0, len(words) - 4), len(words) - 1):
        known = gazetteer_type(" ".join(words[k:]))  # "vertical continual learning" is a Task like its tail
        if known in {TASK, METHOD, METRIC}:
            return known
    head = words[-1].lower()
    if head in METRIC_HEADS:
        return METRIC
    if head == "search":
        return METHOD if len(words) == 1 or words[-2].lower() in _METHOD_SEARCH else TASK
    if head in TASK_HEADS:
        if len(words) > 1 and words[-2].lower() in {
            "augmented",
            "retrieval-augmented",
            "conditional",
            "guided",
        }:
            return METHOD
        return TASK
    if head in METHOD_HEADS:
        return METHOD
    return None


_METHOD_SEARCH = _wordset(
    """
    tree beam greedy grid random local heuristic architecture hyperparameter best-first breadth-first
    depth-first evolutionary guided stochastic
    """
)


@dataclass
class Mention:
    """A typed candidate mention over tokens ``start:end`` of a Doc, before overlaps are resolved."""

    start: int
    end: int
    type: str
    name: str  # canonical display name
    priority: int  # higher wins overlaps
    cued: bool = False  # type read from the context ("the X benchmark"), trusted over spelling
    title_task: bool = False  # the problem named by the title
    definition: bool = False  # the long form of an abbreviation definition


#: Names that start with a word :func:`_strip` drops elsewhere (general knowledge): a superlative ("the best F1
#: score", "lowest error rate") or a quantifier ("multiple datasets") stays before these words.
FIXED_LEADS = gz._terms(
    """
    least squares | least square | least angle | nearest neighbor | nearest neighbors | nearest neighbour
    nearest neighbours | nearest centroid | shortest path | shortest paths | longest common | greatest common
    lowest common | worst case | best case | best arm | best response | best responses | steepest descent
    highest density | multiple kernel | multiple instance | multiple object | multiple hypothesis
    multiple sequence | multiple testing | multiple imputation | multiple choice | multiple source
    novel view | novel views | novel class | novel classes | novel category | novel categories | novel object
    novel objects
    """
)


GENERIC_COMPOUNDS = _wordset(
    """
    large-scale small-scale high-quality low-quality well-known state-of-the-art real-world open-source
    long-standing widely-used so-called cutting-edge high-performance general-purpose cost-effective
    easy-to-use plug-and-play off-the-shelf well-designed carefully-designed human-like
    human-annotated human-curated widely-adopted commonly-used newly-proposed
    task-specific domain-specific task-agnostic well-crafted hand-crafted carefully-crafted
    higher-quality web-scale internet-scale large-scale small-scale on-par
    near-perfect record-breaking best-in-class world-class top-notch in-depth state-of-art well-controlled
    high-probability near-human human-level non-trivial state-of-theart state-ofthe-art stateof-the-art
    best-known best-reported best-published best-performing best-possible previously-reported
    """
)


class TokenView:
    """The token attributes the rules read, as plain lists, each made on first use.

    Every ``doc[i]`` makes a new :class:`~spacy.tokens.Token` and the rules read the same
    tokens many times over: reading lists costs a fraction of that. ``text[i]`` is
    ``doc[i].text``, ``lower[i]`` ``doc[i].lower_`` and so on; ``ws[i]`` is whether
    ``doc[i]`` has trailing whitespace, ``head[i]`` is ``doc[i].head.i`` and ``span_text(i, j)``
    is ``doc[i:j].text``. A view is only valid while its Doc's tokens are not changed.

    Example:
        >>> view = TokenView(nlp("Self - play agents win."))  # doctest: +SKIP
        >>> view.span_text(0, 3), view.pos[3]  # doctest: +SKIP
        ('Self - play', 'NOUN')
    """

    def __init__(self, doc: Doc):
        self.doc = doc
        self.n = len(doc)

    @cached_property
    def tokens(self) -> list[Token]:
        return list(self.doc)

    @cached_property
    def string(self) -> str:
        """``doc.text``, joined from the lists (``Doc.text`` makes every Token again)."""
        return "".join([t + " " if w else t for t, w in zip(self.text, self.ws)])

    @cached_property
    def text(self) -> list[str]:
        return [t.text for t in self.tokens]

    @cached_property
    def lower(self) -> list[str]:
        return [t.lower_ for t in self.tokens]

    @cached_property
    def pos(self) -> list[str]:
        return [t.pos_ for t in self.tokens]

    @cached_property
    def tag(self) -> list[str]:
        return [t.tag_ for t in self.tokens]

    @cached_property
    def dep(self) -> list[str]:
        return [t.dep_ for t in self.tokens]

    @cached_property
    def head(self) -> list[int]:
        # the HEAD column holds each head's offset from its token (``Token.head`` makes a Token)
        offsets = self.doc.to_array("HEAD").astype("int64")
        return (numpy.arange(self.n) + offsets).tolist()

    @cached_property
    def ws(self) -> list[bool]:
        return [bool(t.whitespace_) for t in self.tokens]

    @cached_property
    def idx(self) -> list[int]:
        return [t.idx for t in self.tokens]

    @cached_property
    def is_space(self) -> list[bool]:
        return [t.is_space for t in self.tokens]

    @cached_property
    def is_punct(self) -> list[bool]:
        return [t.is_punct for t in self.tokens]

    @cached_property
    def is_alpha(self) -> list[bool]:
        return [t.is_alpha for t in self.tokens]

    @cached_property
    def like_num(self) -> list[bool]:
        return [t.like_num for t in self.tokens]

    @cached_property
    def like_url(self) -> list[bool]:
        return [t.like_url for t in self.tokens]

    @cached_property
    def sent_start(self) -> list[bool | None]:
        return [t.is_sent_start for t in self.tokens]

    @cached_property
    def glued(self) -> list[bool]:
        """:func:`_glued` of every token."""
        return [_glued_at(self.text, self.ws, i) for i in range(self.n)]

    def span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text`` (``start`` not negative)."""
        end = min(end, self.n)
        if end <= start:
            return ""
        return self.string[self.idx[start] : self.idx[end - 1] + len(self.text[end - 1])]


#: The views held by :func:`viewing` blocks (``kg_entities``, ``kg_roles``), by ``id`` of the Doc;
#: empty between calls.
_VIEWS: dict[int, TokenView] = {}


def token_view(doc: Doc) -> TokenView:
    """The view of ``doc`` a :func:`viewing` block holds, else a new one."""
    view = _VIEWS.get(id(doc))
    return view if view is not None and view.doc is doc else TokenView(doc)


@contextmanager
def viewing(doc: Doc) -> Iterator[TokenView]:
    """Hold one :class:`TokenView` of ``doc`` for the helpers (:func:`token_view`) within the block."""
    key = id(doc)
    held = _VIEWS.get(key)
    if held is not None and held.doc is doc:
        yield held  # an outer block holds it
        return
    _VIEWS[key] = view = TokenView(doc)
    try:
        yield view
    finally:
        del _VIEWS[key]


def _compound_end(doc: Doc, i: int, end: int) -> int:
    """End of the hyphenated compound starting at token ``i`` ("in - context" -> after "context")."""
    view = token_view(doc)
    text, ws = view.text, view.ws
    k = i
    while k + 2 < end and text[k + 1] == "-" and not ws[k]:
        k += 2
    return k + 1


#: Words of degree that open a compound modifier when the next word is a noun or adjective of what they measure
#: ("high dimensional", "large scale", "low quality"): the pair is one modifier whether or not it is hyphenated.
_DEGREE_WORDS = frozenset({"high", "higher", "low", "lower", "large", "larger", "small", "smaller"})
#: What a degree word measures in a name: the pair belongs to the name ("high-dimensional regression", "high order
#: proximity", "low-rank adaptation"), where stripping the degree word alone leaves a fragment ("dimensional data
#: clustering" was a Task node).
_DEGREE_OF = frozenset({"dimensional", "dimension", "order", "level", "resolution", "fidelity", "frequency", "rank",
                        "dynamic"})


def degree_pair_start(doc: Doc, start: int, end: int) -> int:
    """Where a mention of ``doc[start:end]`` starts once a compound of a degree word (:data:`_DEGREE_WORDS`) is read
    whole: one word earlier when the mention begins with what the degree word before it measures ("dimensional data
    clustering" of "high dimensional data clustering"), one word later when the pair is a generic compound written
    without its hyphen ("scale object detection" of "large scale object detection"); ``start`` otherwise.

    Example:
        >>> doc = nlp("We study high dimensional data clustering at large scale object detection.")  # doctest: +SKIP
        >>> degree_pair_start(doc, 4, 7), degree_pair_start(doc, 9, 12)  # doctest: +SKIP
        (3, 10)
    """
    if start == 0 or end - start < 2 or doc[start].is_sent_start:
        return start
    pair = degree_pair(doc[start - 1].lower_, doc[start].lower_)
    return start + 1 if pair == "generic" else start - 1 if pair == "name" else start


def degree_pair(first: str, second: str) -> str | None:
    """How two lower-case words read: ``"generic"`` when they are a generic compound (:data:`GENERIC_COMPOUNDS`)
    written without its hyphen ("large scale", "real world"), ``"name"`` when the first is a degree word
    (:data:`_DEGREE_WORDS`), the second what it measures and the pair belongs to a name ("high dimensional"), None
    otherwise.

    Example:
        >>> degree_pair("large", "scale"), degree_pair("high", "dimensional"), degree_pair("high", "accuracy")
        ('generic', 'name', None)
        >>> degree_pair("real", "world"), degree_pair("in", "depth")
        ('generic', None)
    """
    if f"{first}-{second}" in GENERIC_COMPOUNDS and first not in {"in", "on", "so"}:
        return "generic"  # "real world", "open source"; not "in depth" of 'noise in depth perception'
    if first not in _DEGREE_WORDS:
        return None
    return "name" if second in _DEGREE_OF else None


def is_degree_modifier(text: str) -> bool:
    """Whether ``text`` is only a degree word and what it measures, a modifier with no noun of its own
    ("high-quality" of "high-quality (HQ) images", "low resolution", "high-frequency"): its letters name no entity.

    Example:
        >>> [is_degree_modifier(t) for t in ("high-quality", "Low Resolution", "low-rank adaptation")]
        [True, True, False]
    """
    words = re.split(r"[\s\-]+", text.strip().lower())
    return len(words) == 2 and (f"{words[0]}-{words[1]}" in GENERIC_COMPOUNDS or degree_pair(*words) == "name")


def fixed_lead(doc: Doc, i: int, end: int | None = None) -> bool:
    """Whether tokens ``i`` and ``i + 1`` (before ``end``, the doc's end by default) open a name with a word that is
    dropped elsewhere (:data:`FIXED_LEADS`: "least squares", "best arm", "novel class"), and the second does not go on
    into a hyphenated compound ("a novel class-aware module": the praise word is no part of a name).

    Example:
        >>> doc = nlp("best arm identification with a novel class-aware module")  # doctest: +SKIP
        >>> fixed_lead(doc, 0), fixed_lead(doc, 5)  # doctest: +SKIP
        (True, False)
    """
    end = len(doc) if end is None else end
    if i < 0 or i + 1 >= end or f"{doc[i].lower_} {doc[i + 1].lower_}" not in FIXED_LEADS:
        return False
    return not (i + 2 < end and doc[i + 2].text == "-" and not doc[i + 1].whitespace_)


def _strip(doc: Doc, start: int, end: int, title_verb: bool = False) -> tuple[int, int]:
    """Drop determiners, pronouns, generic adjectives and compounds ("large-scale") at the start; with
    ``title_verb``, also a gerund that opens the title as its verb (:func:`opens_the_title_as_its_verb`)."""
    view = token_view(doc)
    text, lower, pos, tag = view.text, view.lower, view.pos, view.tag
    while start < end:
        cend = _compound_end(doc, start, end)
        if cend > start + 1:
            compound = view.span_text(start, cend).lower()
            if (
                compound in GENERIC_COMPOUNDS
                or view.like_num[start]
                or lower[start] in {"one", "two", "three", "four", "five"}
                or compound.endswith(("-like", "-style", "-inspired"))
            ):
                start = cend
                continue
            break  # "in-context", "few-shot", "multi-step" belong to the name
        pair = degree_pair(lower[start], lower[start + 1]) if start + 1 < end else None
        if pair == "generic":
            start += 2  # "large scale object detection": "large-scale" written without its hyphen
            continue
        if pair == "name":
            break  # "high dimensional data clustering", "high resolution image synthesis": not "dimensional ..."
        if (
            lower[start] in GENERIC_MODIFIERS
            or (title_verb and opens_the_title_as_its_verb(doc, start, end))
            or text[start].startswith(("\\", "{", "}"))
            or pos[start] in {"DET", "PRON", "NUM", "PUNCT", "ADP", "CCONJ", "PART", "SYM"}
            or tag[start] in {"JJR", "JJS", "PRP$", "RBR", "RBS", "RB", "WDT"}
        ):
            if fixed_lead(doc, start, end):
                break  # "least squares regression", "shortest path algorithms": the superlative is the name's
            if lower[start] in _ER_NOUNS and start + 1 < end:
                break  # "outlier removal": a noun the tagger read as a comparative for its "-er"
            if (
                pos[start] == "ADJ" and start + 1 < end and is_name_like(text[start + 1])
                and _name_modifiers_start(doc, start + 1, title_end_index(doc)) <= start
            ):
                break  # "Faster R-CNN", "Fast R-CNN": a capitalised modifier before a name is the name's
            start += 1
            continue
        break
    while end > start and pos[end - 1] in {"PUNCT", "PART", "ADP", "CCONJ", "DET"}:
        end -= 1
    while start < end and text[start] in {"-", "–", "/", "%", "~"}:
        start += 1
    # possessives: "the model's reasoning" -> "reasoning"
    for k in range(end - 1, start - 1, -1):
        if tag[k] == "POS" or text[k] in {"'s", "'"}:
            start = k + 1
            break
    return start, end


def _words(doc: Doc, start: int, end: int) -> list[str]:
    """Words of a span, hyphenated compounds joined ("self - play" -> "self-play")."""
    return text_words(token_view(doc).span_text(start, end))


#: Diseases named alone ("COVID-19" was a Benchmark node of 12 papers): an object of study whatever
#: the type the rules or the recogniser give it, a dataset named after one ("COVID-19 dataset") too.
DISEASES = frozenset(
    name_key(t) for t in "COVID-19|COVID|SARS-CoV-2|coronavirus|diabetes|autism|schizophrenia|epilepsy|glaucoma"
    "|malaria|tuberculosis|HIV|influenza|sepsis|asthma|Alzheimer's|Parkinson's|stroke".split("|")
)


#: Families of network architectures and generative models (general knowledge): a name of one, with its depth,
#: width or variant ("WideResNet-28-10", "VGG16", "SE-ResNet50", "WGAN-GP", "DCGANs"), is a Method, never the
#: data a paper evaluates on, however it is listed ("two backbones, namely ResNet-18 and WideResNet-28-10");
#: "VGGFace2", "VGG-Sound" and "ImageNet" are data.
_ARCHITECTURE = re.compile(
    r"(?:(?:SE-|Pre(?:Act)?-?)?(?:Wide)?Res[Nn]e[tX]t?|WRN|DenseNet|MobileNet|EfficientNet|Inception|LeNet|AlexNet"
    r"|GoogLeNet|SqueezeNet|ShuffleNet|DeepLab|YOLO|PSPNet|SegNet|ICNet|BiSeNet|HRNet|ConvNeXt|Swin|FCN"
    r"|VGG(?!-?(?:Face|Sound)))"
    r"(?:[-_]?(?:v?\d+[a-z]?|[A-Z]{1,4}\d?|V\d|(?:Res)?Net|x\d+d?)| v?\d+[a-z]?)*s?"
    r"|(?:[A-Z][A-Za-z]*-)?(?:DC|W|Style|Cycle|Big|Info|Pro|SA|LS|AC|Star|SN)GANs?\d?(?:-[A-Z]{1,3})?"
    r"|ViTs?(?:-[SBLH](?:/\d+)?)?"  # not "ViTT", a dataset of video timelines
)


def names_an_architecture(name: str) -> bool:
    """Whether ``name`` is a network architecture or GAN of a well-known family (:data:`_ARCHITECTURE`).

    Example:
        >>> [names_an_architecture(n) for n in ("WideResNet-28-10", "VGG16", "WGAN-GP", "DCGANs", "ResNet-50",
        ...  "SE-ResNet50", "Inception-ResNet-v2", "EfficientNet-B0", "MobileNet-V1", "LeNet-300-100", "VGGs",
        ...  "DeepLabV3", "YOLOv5", "WideResnet50-2", "PSPNet50", "FCNs", "Swin", "ViTs", "ViT-B/16")]
        [True, True, True, True, True, True, True, True, True, True, True, True, True, True, True, True, True, True, True]
        >>> [names_an_architecture(n) for n in ("VGGFace2", "VGG-Sound", "ImageNet", "ModelNet40", "ResNet features",
        ...  "ViTT")]
        [False, False, False, False, False, False]
    """
    return _ARCHITECTURE.fullmatch(name.strip()) is not None


#: Pretrained language models named after BERT, RoBERTa or BART with a prefix or suffix (general knowledge: "PhoBERT",
#: "AfriBERTa", "TinyBERT-6", "BERTimbau", "mBART50"): a model, never data; "BERTScore" is a measure.
_BERT_FAMILY = re.compile(
    r"(?:[A-Za-z]+-)?[A-Za-z]*(?:BERT|RoBERTa|BART)(?!Score|ology|based)[a-z]*(?:[-_]?(?:v?\d+[A-Za-z]*|base|large|wwm|XL))*"
)


def names_a_bert_model(name: str) -> bool:
    """Whether ``name`` is a pretrained model of the BERT, RoBERTa or BART family (:data:`_BERT_FAMILY`).

    Example:
        >>> [names_a_bert_model(n) for n in ("PhoBERT", "AfriBERTa", "TinyBERT-6", "BERTwwm", "mBART50", "F-BERT")]
        [True, True, True, True, True, True]
        >>> [names_a_bert_model(n) for n in ("BERTScore", "ShareGPT", "IIIT5k", "Bertrand", "SQuAD", "BERTology")]
        [False, False, False, False, False, False]
    """
    return _BERT_FAMILY.fullmatch(name.strip()) is not None


def names_a_disease(name: str) -> bool:
    """Whether ``name`` is a disease's name alone (:data:`DISEASES`).

    Example:
        >>> names_a_disease("COVID-19"), names_a_disease("COVID-19 detection"), names_a_disease("CT")
        (True, False, False)
    """
    return name_key(name) in DISEASES


#: Short forms of a region, point or area of interest.
_OF_INTEREST = frozenset({"roi", "poi", "aoi"})
_MODALITY_KEYS = frozenset(name_key(m) for m in gz.MODALITIES)


def is_a_verb_here(token: Token) -> bool:
    """Whether a lower-case word is a verb where it stands, after a modal, "to" or a pronoun ("agents could
    recall their surroundings", "we recall that"); the tagger's verb tag alone is not enough ("precision, and
    recall" was tagged a verb).

    Example:
        >>> d = nlp("Agents could recall it. We report precision and recall.")  # doctest: +SKIP
        >>> is_a_verb_here(d[2]), is_a_verb_here(d[8])  # doctest: +SKIP
        (True, False)
    """
    if token.i == 0 or not token.is_lower or token.tag_ not in ("VB", "VBP"):
        return False
    return token.doc[token.i - 1].tag_ in ("MD", "TO", "PRP")


#: Last words of a platform's name, a vehicle or a sensor that carries a method or collects data ("autonomous underwater
#: vehicles (AUVs)", "UAV", "Quanta Image Sensors (QIS)"), never a method itself.
PLATFORM_HEADS = frozenset({
    "vehicle", "vehicles", "drone", "drones", "uav", "uavs", "auv", "auvs", "ugv", "ugvs", "mav", "mavs",
    "quadrotor", "quadrotors", "quadcopter", "quadcopters", "multirotor", "multirotors", "sensor", "sensors",
})


def names_a_platform(name: str) -> bool:
    """Whether ``name`` (a candidate's name or the long form it abbreviates) is a platform's the data come from, a
    vehicle's or a sensor's: its last word is one of :data:`PLATFORM_HEADS`, in four words at most.

    Example:
        >>> [names_a_platform(n) for n in ("autonomous underwater vehicle", "UAVs", "Micro Aerial Vehicles",
        ...  "vehicle re-identification", "UAV tracking", "drone", "Quanta Image Sensors", "sensor fusion")]
        [True, True, True, False, False, True, True, False]
    """
    words = text_words(name)
    return 0 < len(words) <= 4 and words[-1].lower() in PLATFORM_HEADS


def names_a_modality(name: str) -> bool:
    """Whether ``name`` is a kind of recorded signal or image alone (:data:`extractors.gazetteers.MODALITIES`):
    no data collection's name even before "datasets" ("on multiple EEG datasets", "two MRI datasets").

    Example:
        >>> names_a_modality("EEG"), names_a_modality("MRIs"), names_a_modality("BraTS")
        (True, True, False)
    """
    key = name_key(name)
    return key in _MODALITY_KEYS or key.rstrip("s") in _MODALITY_KEYS


#: Languages a paper works on, by how much text they have or by kind: "low-resource languages", "high web-resource
#: languages", "American Sign Language" (not "probabilistic programming languages", a kind of tool).
_LANGUAGES_STUDIED = re.compile(
    r"(?i)\b(?:(?:low|high|under|well|rich|poor|medium|mid)[- ](?:web[- ])?resource[ds]?|sign) languages?$"
)


def names_an_object_of_study(name: str) -> bool:
    """Whether ``name`` (a candidate's name or the long form it abbreviates) names what a paper studies
    or looks at, none of the six types: a medical condition or a part of the body (its last word is one
    of :data:`CONDITION_HEADS`, or of :data:`ANATOMY_HEADS` in three words at most), a region, point or
    object "of interest", a field of view, languages by their resources or sign languages
    (:data:`_LANGUAGES_STUDIED`), or a kind of recorded signal or image
    (:data:`extractors.gazetteers.MODALITIES`: "EMG", "electronic health records"); not when a gerund
    starts it ("Grading Diabetic Retinopathy" is a task).

    Example:
        >>> [names_an_object_of_study(n) for n in ("Major Depressive Disorder", "points of interest",
        ...  "region-of-interest", "disorder-aware sampling", "Grading Retinopathy", "RoI Align", "RoIs")]
        [True, True, True, False, False, False, True]
        >>> [names_an_object_of_study(n) for n in ("fMRI", "Electronic Health Records", "EEG classification",
        ...  "Entorhinal Cortex", "narrow Field-of-View", "FoV")]
        [True, True, False, True, True, False]
        >>> [names_an_object_of_study(n) for n in ("low-resource languages", "American Sign Language",
        ...  "probabilistic programming languages", "sign language translation")]
        [True, True, False, False]
    """
    if name_key(name).rstrip("s") in _OF_INTEREST or names_a_modality(name):
        return True  # "RoI" alone, not "RoI Align"
    words = text_words(name)
    if not words or len(words) > 1 and words[0].lower().endswith("ing"):
        return False  # "Assessing Future Moment of an Action of Interest" is a task on it
    last = words[-1].lower()
    if last in ("interest", "interests") and len(words) > 1 and words[-2].lower() == "of":
        return True
    if re.search(r"\bfields?[- ]of[- ]views?$", " ".join(words[-3:]), re.IGNORECASE):
        return True  # "a narrow field of view (FoV)": what a camera sees
    if _LANGUAGES_STUDIED.search(" ".join(words)):
        return True  # "low-resource languages (LRLs)", "American Sign Language (ASL)": languages a paper works on
    if last in ANATOMY_HEADS and len(words) <= 3:
        return True  # "Entorhinal Cortex", not a model named after one ("Reverse Visual Association Cortex")
    return last in CONDITION_HEADS or re.search(r"-of-interests?$", last) is not None


#: Last words of a theory object's name: a body of theory ("spectral graph theory"), a result ("the
#: representer theorem", "Stein's lemma", "Hoeffding's inequality"), a solution concept ("Nash equilibria"), a
#: distribution ("the Dirichlet distribution"), a complexity ("Rademacher complexity"), a property or axiom
#: ("the restricted isometry property") or a hypothesis or assumption ("the lottery ticket hypothesis (LTH)",
#: "the Stable Unit Treatment Value Assumption"). None is a technique:
#: a candidate Method so named is no entity (:func:`names_a_theory_object`).
THEORY_HEADS = _wordset(
    """
    theory theories theorem theorems lemma lemmas conjecture conjectures inequality inequalities
    equilibrium equilibria distribution distributions complexity complexities property properties axiom axioms
    hypothesis hypotheses assumption assumptions
    """
)
#: Theories that name a family of models a paper fits or builds on, used as a technique.
_MODEL_THEORIES = frozenset({"adaptive resonance theory", "item response theory"})


def names_a_theory_object(name: str) -> bool:
    """Whether ``name`` (a candidate Method's name or the long form it abbreviates) ends in one of
    :data:`THEORY_HEADS`; not when the head is coordinated inside a longer name ("Texture Extraction and
    Distribution") or the theory is a family of models ("Item Response Theory").

    Example:
        >>> [names_a_theory_object(n) for n in ("random matrix theory", "Nash equilibria", "Stein's Lemma",
        ...  "Dirichlet distribution", "distribution matching", "Deep Equilibrium Models",
        ...  "Neural Texture Extraction and Distribution", "Item Response Theory", "theory")]
        [True, True, True, True, False, False, False, False, True]
    """
    words = text_words(name)
    if not words or words[-1].lower() not in THEORY_HEADS or " ".join(words).lower() in _MODEL_THEORIES:
        return False
    return len(words) < 3 or words[-2].lower() not in ("and", "&")


def text_words(text: str) -> list[str]:
    """Words of a text, hyphenated compounds joined.

    Example:
        >>> text_words("self - play  agents")
        ['self-play', 'agents']
    """
    return _SPACED_HYPHEN.sub("-", text).split() if "-" in text else text.split()


_SPACED_HYPHEN = re.compile(r"\s*-\s*")


class EntityRecognizer:
    """Sets ``doc.spans["kg_entities"]``; needs tagger, parser and ``kg_abbreviations``."""

    def __init__(self, nlp: Language, name: str = "kg_entities"):
        self.name = name
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.cs_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        case_sensitive = set(gz.CASE_SENSITIVE)
        for label, terms in _GAZ_BY_TYPE:
            lower = [t for t in terms if t not in case_sensitive]
            exact = [t for t in terms if t in case_sensitive]
            self.matcher.add(label, [nlp.make_doc(t) for t in lower])
            self.cs_matcher.add(label, [nlp.make_doc(t) for t in exact])
            # hyphenated variants written with spaces and vice versa
            self.matcher.add(label, [nlp.make_doc(t.replace("-", " ")) for t in lower if "-" in t])

    def __call__(self, doc: Doc) -> Doc:
        long_forms = {(s.start, s.end) for s in doc.spans.get(ABBREVIATION_KEY, [])}
        with viewing(doc) as view:
            mentions = find_mentions(doc, self.matcher, self.cs_matcher)
            spans = []
            for m in mentions:
                # no whitespace, percent or LaTeX token at either end ("  mean  squared error" of a
                # PDF's double spaces, "D}}\\log(T))$ regret"); no pieces of a clause ("how accuracy", "margin -
                # enjoying F1 score")
                start, end = trimmed(doc, m.start, m.end)
                if m.type in (BENCHMARK, DATASET) and start < end:
                    end = numbered_part_end(doc, start, end)  # "SemEval 2010 Task 8", not "SemEval 2010 Task"
                if start < end and not pieces_of_a_clause(doc, start, end, long_forms):
                    text = view.span_text(start, end)
                    # the rule's own name unless more than whitespace was cut or a part's number added
                    name = m.name.strip() if text == view.span_text(m.start, m.end).strip() else text
                    spans.append(Span(doc, start, end, label=m.type, kb_id=name))
        doc.spans[SPAN_KEY] = spans
        return doc


def title_end_index(doc: Doc) -> int:
    """Index of the blank-line token that ends the title (0 when the text has no title).

    Example:
        >>> title_end_index(nlp("A Title\\n\\nThe abstract."))  # doctest: +SKIP
        2
    """
    for tok in doc:
        if "\n\n" in tok.text or (tok.is_space and "\n" in tok.text):
            return tok.i
    return 0


def opens_the_title_as_its_verb(doc: Doc, i: int, end: int) -> bool:
    """Whether token ``i`` is a gerund that opens the title as its verb ("Stabilizing Adversarial Nets with
    Prediction Methods", "Learning Triggering Kernels for ...", "Demonstrating MOSART: ..."): the parser reads
    it as the title's root or an adverbial clause, so the words after it up to ``end`` (the mention's end) are
    its object, and it is no part of a name. Only when the mention has words after the gerund and the title
    goes on after it: a title that is the phrase alone is read as a name ("Spiking Boltzmann Machines", whose
    gerund the parser also takes for the root); a gerund that a hyphen joins ("Auto-Encoding Variational
    Bayes") stays."""
    if i != 0 or end < 2 or not end < title_end_index(doc):
        return False
    tok = doc[0]
    return (
        tok.tag_ == "VBG" and tok.dep_ in ("ROOT", "advcl") and doc[1].text != "-" and tok.lower_ not in _NAME_GERUNDS
    )


#: Gerunds that modify the names of methods (general knowledge: alternating minimization, switching linear
#: dynamical systems, spiking neural networks, streaming PCA, matching pursuit, sliding windows, gating
#: networks), which the parser may still read as a title's verb.
_NAME_GERUNDS = frozenset(
    "alternating switching spiking streaming sliding matching boosting gating hashing pooling".split()
)


def find_mentions(doc: Doc, matcher: PhraseMatcher, cs_matcher: PhraseMatcher) -> list[Mention]:
    """All typed mentions of ``doc``, overlaps resolved (higher priority, then longer, wins)."""
    with viewing(doc) as view:
        return _find_mentions(doc, view, matcher, cs_matcher)


def _find_mentions(doc: Doc, view: TokenView, matcher: PhraseMatcher, cs_matcher: PhraseMatcher) -> list[Mention]:
    title_end = title_end_index(doc)
    cands: list[Mention] = []
    abbreviations: dict[str, str] = {}  # normalized long form -> short form
    short_types: dict[str, str] = {}
    modifier_shorts: set[str] = set()  # letters of a modifier: "high-quality (HQ) images"

    # 1. abbreviations
    for span in doc.spans.get(ABBREVIATION_KEY, []):
        short = span.label_
        if name_key(short) in _GENERIC_KEYS or is_generic(span.text):
            continue
        if is_degree_modifier(span.text):
            modifier_shorts.add(short)
            continue
        words = _words(doc, span.start, span.end)
        if words and words[-1].lower() in _OBJECT_HEADS and not gazetteer_type(span.text):
            continue  # "candidate labels (CLs)", "social trust networks" are things studied, not methods
        # the long form the text defines decides: "ECE" is a metric in the gazetteer, but
        # "Emotion Cause Extraction (ECE)" is a task
        short_type = gazetteer_type(short)
        if short_type == METRIC and head_type(words) != METRIC and (
            len(short) <= 2 or not {p for w in words for p in w.lower().split("-")} & _MEASURE_NAME_WORDS
        ):
            # "electron microscopy (EM)" is not exact match, "multiple style encoding (MSE)" not mean squared error
            short_type = None
        typ = gazetteer_type(span.text) or (
            _long_form_type(doc, span, words) if head_type(words) else short_type
        ) or _long_form_type(doc, span, words)
        abbreviations[name_key(span.text)] = short
        short_types[short] = typ
        cands.append(Mention(span.start, span.end, typ, short, 5, definition=True))
    if short_types:
        for i, text in enumerate(view.text):
            base = text[:-1] if text.endswith("s") and text[:-1] in short_types else text
            if base in short_types:
                cands.append(Mention(i, i + 1, short_types[base], base, 5))

    # 2. gazetteers
    for match_id, start, end in list(matcher(doc)) + list(cs_matcher(doc)):
        label = doc.vocab.strings[match_id]
        text = view.span_text(start, end)
        if name_key(text) in _GENERIC_KEYS:
            continue  # a broad field or a bare process word ("computer vision", "attention")
        if end - start == 1 and is_a_verb_here(doc[start]):
            continue  # "agents could recall their surroundings", "we regret": a verb, not the measure
        name = abbreviations.get(name_key(text), text)
        if label == DATASET and (
            _in_eval_context(doc, start, end) or context_type(doc, start, end) == BENCHMARK
        ):
            label = BENCHMARK
        if label in {MODEL, BENCHMARK}:
            _, end = _extend_name(doc, end - 1)
            name = view.span_text(start, end)
        elif label == TASK and view.pos[start] == "VERB":
            wider = _modifiers_before(doc, start)
            if wider < start:  # "hand pose estimation", "6D pose estimation": the tagger read "pose" as a verb
                start = wider
                name = view.span_text(start, end)
        cands.append(Mention(start, end, short_types.get(name, label), name, 4))

    # 3. name-like tokens
    for i, token_text in enumerate(view.text):
        if token_text in short_types or token_text in modifier_shorts:
            continue
        if is_name_like(token_text):
            start, end = _extend_name(doc, i)
            start = _name_modifiers_start(doc, start, title_end)
            end = _cued_name_tail(doc, end, title_end)  # "Flickr30k Entities JP dataset", "MVTec 3D-AD dataset"
        else:
            start, end = i, _cued_name_end(doc, i, title_end)  # "Navi-plus dataset"
            if end is None:
                continue
        text = view.span_text(start, end)
        if _MODIFIER_SUFFIX.search(text) or _NOT_SYSTEM.search(text):
            continue  # "AI-Driven", "NP-hard": a modifier; "IJCAI'19": a venue
        if start == i and i > 0 and text.isupper() and text.isalpha() and _shouted_word(doc[i - 1]):
            continue  # "EVENTS" of "a new dataset, MORAL EVENTS" (not "VOC07" of "PASCAL VOC07"): part of a name
        typ = name_type(text)
        if typ == METHOD and _METRIC_TAIL.search(text):
            typ = METRIC
        cued = METRIC if typ == METHOD and _metric_context(doc, start) else context_type(doc, start, end)
        if cued and typ in {METHOD, DATASET, BENCHMARK}:
            typ = cued
        elif (
            re.fullmatch(r"[A-Z]{2,8}s?", text)
            and typ == METHOD
            and gazetteer_type(text) is None
            and not any(is_name_like(c.text) or gazetteer_type(c.text) for c in doc[i].conjuncts)
        ):
            continue  # an undefined acronym is kept only in a list with other names ("ToT and rStar")
        cands.append(Mention(start, end, typ, text, 3, cued=cued is not None))
    cands.extend(_title_name(doc, title_end, abbreviations, short_types))
    cands.extend(_titlecase_names(doc, title_end))
    cands.extend(_title_tasks(doc, title_end, abbreviations))
    cands.extend(_elliptical_coordination(doc))

    # 4. noun chunks by head word
    for chunk_start, chunk_end in _chunks(doc):
        for part_start, part_end in _split_coordination(doc, chunk_start, chunk_end):
            start, end = _strip(doc, part_start, part_end, title_verb=True)
            if end <= start:
                continue
            cands.extend(_chunk_mentions(doc, start, end, abbreviations, short_types, title_end))

    kept = _resolve(cands)
    kept += _listed_tasks(doc, kept)
    kept.sort(key=lambda m: m.start)
    return kept


def _listed_tasks(doc: Doc, kept: list[Mention]) -> list[Mention]:
    """Noun phrases coordinated with a found Task where nothing was found ("question answering,
    textual entailment and sentiment analysis": the middle one has no task head word) are Tasks:
    a list of problems holds problems. Validation slice: typed 0.615 -> 0.616, Task F1 0.549 ->
    0.554; the same for Methods and Metrics added as many wrong names as right ones."""
    taken = {i for m in kept for i in range(m.start, m.end)}
    out = []
    for m in kept:
        if m.type != TASK:
            continue
        for conj in doc[m.end - 1].conjuncts:
            if conj.i in taken or conj.pos_ not in {"NOUN", "PROPN"}:
                continue
            start, end = _strip(doc, conj.left_edge.i, conj.i + 1)
            if end <= start or any(i in taken for i in range(start, end)):
                continue
            text = doc[start:end].text
            if is_generic(text) or any(t.is_punct or t.like_num for t in doc[start:end]):
                continue
            if end - start == 1 and end <= m.start and m.end - m.start > 1 and head_type([text]) != TASK:
                continue  # "Image" of "Image and Video Synthesis" shares the head: no task of its own
            taken.update(range(start, end))
            out.append(Mention(start, end, TASK, text, 1))
    return out


def _elliptical_coordination(doc: Doc) -> list[Mention]:
    """ "offline or online RL", "supervised and unsupervised learning": the first modifier shares the head.

    Only known terms are produced; the mention covers the first modifier and is named
    after the full term ("offline RL").
    """
    out = []
    modifier = {"ADJ", "VERB", "NOUN", "PROPN"}
    view = token_view(doc)
    n, text, lower, pos = view.n, view.text, view.lower, view.pos
    for i in range(n - 3):  # doc[:-3]
        if pos[i] not in modifier or lower[i + 1] not in {"and", "or", ","}:
            continue
        # skip the middle of a list: "mathematical, STEM, and general reasoning"
        j = i + 1
        seen_conjunction = False
        while j + 1 < n and (
            lower[j] in {"and", "or", ","}
            or (pos[j] in modifier and lower[j + 1] in {"and", "or", ","})
        ):
            seen_conjunction = seen_conjunction or lower[j] in {"and", "or"}
            j += 1
        second = j if j < n else None
        if not seen_conjunction or second is None or pos[second] not in modifier or j - i > 8:
            continue
        for end in range(min(n, second + 4), second + 1, -1):
            if any(view.is_punct[k] or view.is_space[k] for k in range(second + 1, end)):
                continue
            tail = view.span_text(second + 1, end)
            name = f"{text[i]} {tail}"
            typ = gazetteer_type(name)
            if typ is not None and gazetteer_type(f"{text[second]} {tail}") is not None:
                out.append(Mention(i, i + 1, typ, name, 4))
                break
    return out


def _definition_close(doc: Doc, span: Span) -> int:
    """The index of the ")" closing the short form after the long form ``span`` (at most 4 tokens on)."""
    k = span.end
    while k < len(doc) and k < span.end + 4 and doc[k].text != ")":
        k += 1
    return k


def _after_definition(doc: Doc, span: Span) -> list[str]:
    """The two words after an abbreviation definition's closing parenthesis ("X (XY) problem" -> ["problem"])."""
    k = _definition_close(doc, span)
    return [t.lower_ for t in doc[k + 1 : k + 3]]


#: Last words of a phrase that names a class of problems: annotators type "X problem(s)" and "X games" Task
#: (the team's train annotations: 77 of 83), the entity decision often Method when a short form stands for it.
PROBLEM_HEADS = frozenset({"problem", "problems", "games"})


def names_a_problem(phrases: list[str], spans: list[Span] = ()) -> bool:
    """Whether one of an entity's phrases (its long form, its mentions) of two words or more names a
    class of problems: "pickup and delivery problems" (of "PDPs"), "mean field games" (of "MFG"),
    "Capacitated Vehicle Routing Problem"; or whether one of its mentions ``spans`` is followed by such a
    word ("the maximum distance optimization problem", "Generalized Eigenvalue (GEV) problems") and none of
    its phrases is a well-known name (not "the Lasso problem", "the RL problem"). The entity decision's
    Method gives way to Task (``extractors.pipeline.doc_to_extraction``).

    Example:
        >>> names_a_problem(["PDPs", "pickup and delivery problems"]), names_a_problem(["problem-solving agent"])
        (True, False)
    """
    for phrase in phrases:
        words = phrase.split()
        if len(words) >= 2 and words[-1].lower() in PROBLEM_HEADS:
            return True
    for span in spans:
        doc, k = span.doc, span.end
        if k < len(doc) and doc[k].text == ")":
            k += 1  # "Generalized Eigenvalue (GEV) problems"
        if k < len(doc) and doc[k].lower_ in PROBLEM_HEADS:
            return not any(gazetteer_type(p) for p in phrases if p)
    return False


def defines_task(doc: Doc, span: Span) -> bool:
    """Whether the abbreviation long form ``span`` is defined as the object of "the problem of",
    "the task of" or "the setting of": "the problem of Non-Stationary Reinforcement Learning
    (NS-RL)", "we propose the task of Court Judgment Prediction and Explanation (CJPE)". The entity
    decision's type gives way to this (``extractors.pipeline.doc_to_extraction``); a long form before "problem" or "tasks"
    does not: "reinforcement learning (RL) tasks" are tasks of a method. Nor does the plural ("the
    fundamental problems of graph neural networks (GNNs)") or a long form that only begins the
    problem's name ("the problem of Gaussian process (GP) bandit optimization"). An apposition
    after the definition says it too: "We introduce Interactive Question Answering (IQA), the task
    of answering questions that ...", "... (X), a new task where ..."."""
    k = _definition_close(doc, span)
    if k + 3 < len(doc) and doc[k].text == ")" and doc[k + 1].text == "," and doc[k + 2].lower_ in {"the", "a", "an"}:
        head = k + 3 if doc[k + 3].lower_ in _APPOSED_PROBLEM else k + 4
        if (
            head + 1 < len(doc)
            and doc[head].lower_ in _APPOSED_PROBLEM
            and (head == k + 3 or (doc[k + 3].pos_ == "ADJ" and doc[k + 3].lower_ not in _TRAINING_TASKS))
            and doc[head + 1].lower_ in {"of", "that", "where", "in", "which", "for", ",", ".", ";"}
        ):
            return True  # not "(HIMN), a novel task-agnostic model"
    if _named_after_a_dash(doc, span):
        return True  # "a novel task in action detection - Online Detection of Action Start (ODAS)"
    if not (span.start >= 2 and doc[span.start - 1].lower_ == "of" and doc[span.start - 2].lower_ in _ONE_PROBLEM):
        return False
    return k + 1 >= len(doc) or doc[k + 1].pos_ not in {"NOUN", "PROPN", "ADJ"}


def _named_after_a_dash(doc: Doc, span: Span) -> bool:
    """Whether the long form ``span`` names, after a dash or a colon, "a (new) task" or "problem" written just before
    it in its clause: "we propose a novel task in action detection - Online Detection of Action Start (ODAS)", "a new
    problem: Few-shot Object Counting (FSOC)"; not an auxiliary task ("an auxiliary task - X"), nor one a verb or a
    comma stands between."""
    j = span.start - 1
    if j < 2 or doc[j].text not in _DASHES_AND_COLON:
        return False
    for h in range(j - 1, max(span.sent.start, j - 6) - 1, -1):
        if doc[h].lower_ in _APPOSED_PROBLEM:
            return h >= 1 and doc[h - 1].lower_ in _NEW_ONE  # not "an auxiliary task"
        if doc[h].text in {",", ";", "."} or doc[h].pos_ in ("VERB", "AUX"):
            return False
    return False


#: What stands between a problem's noun and the name it is given ("a new task - X", "a new problem: X").
_DASHES_AND_COLON = DASHES | {":"}
#: Words right before the noun of a problem that is introduced, not referred to: "a task", "a novel task".
_NEW_ONE = frozenset({"a", "an", "new", "novel", "challenging"})


def _after_the_subject(span: Span) -> int | None:
    """Where the sentence goes on after the mention ``span`` and its bracket ("Natural language inference (NLI)"), when
    the mention opens the sentence (after "The" at most) and so is its whole subject; else None."""
    doc, sent = span.doc, span.sent
    if not (span.start == sent.start or (span.start == sent.start + 1 and doc[sent.start].lower_ == "the")):
        return None
    i = span.end
    if i < sent.end and doc[i].text == "(":
        i = next((k + 1 for k in range(i, min(i + 8, sent.end)) if doc[k].text == ")"), sent.end)
    if i + 2 < sent.end and doc[i].text == "," and doc[i + 1].lower_ in _ASIDES and doc[i + 2].text == ",":
        i += 3  # "ERTC, however, is a challenging task"
    return i


#: Sentence adverbs set off by commas between a subject and its verb ("X, however, is a challenging task").
_ASIDES = frozenset({"however", "therefore", "thus", "hence", "moreover", "furthermore", "indeed", "consequently",
                     "nevertheless", "nonetheless", "meanwhile", "likewise", "similarly", "instead"})


def said_to_be_a_task(span: Span) -> bool:
    """Whether the mention ``span`` is the subject of a sentence that calls it a task or a problem: "Geocoding
    is the task of converting ...", "Natural language inference (NLI) is the task of determining ...",
    "Pedestrian detection is a critical problem in computer vision", "X refers to the task of ...", "RbAM is a
    challenging classification task.", or a topic or area of research: "Multimodal Review Analysis (MRA) becomes an
    attractive research topic", "X has become an active area of research". The mention opens its sentence (after
    "The" at most), so that it is the whole subject ("Computing the top eigenvectors of a matrix is a problem ..."
    says nothing of "matrix")."""
    doc, sent = span.doc, span.sent
    i = _after_the_subject(span)
    if i is None:
        return False
    if i + 1 < sent.end and doc[i].lower_ in ("is", "are"):
        i += 1
    elif i + 2 < sent.end and doc[i].lower_ == "refers" and doc[i + 1].lower_ == "to":
        i += 2
    elif i + 1 < sent.end and doc[i].lower_ in _BECOMES:
        i += 1
    elif i + 2 < sent.end and doc[i].lower_ in ("has", "have") and doc[i + 1].lower_ in _BECOMES:
        i += 2
    else:
        return False
    if doc[i].lower_ not in ("the", "a", "an"):
        return False
    if _a_research_topic(doc, i + 1, sent.end):
        return True  # "Multi-view clustering (MVC) is a long-standing topic", "X has become an active research area"
    for k in range(i + 1, min(i + 4, sent.end - 1)):
        if doc[k].lower_ in ("task", "tasks", "problem", "problems"):
            # "RbAM is a challenging classification task.": a task the sentence ends on names its subject too
            # (not a problem: "Overfitting is a common problem." is a phenomenon)
            ends = doc[k].lower_ in ("task", "tasks") and k + 2 == sent.end and doc[k + 1].is_punct
            return ends or doc[k + 1].lower_ in ("of", "that", "where", "which", "in")
    return False


#: Verbs that say what a subject has come to be ("X becomes an attractive research topic", "has become", "remains").
_BECOMES = frozenset({"becomes", "become", "remains", "remain"})


def _a_research_topic(doc: Doc, i: int, end: int) -> bool:
    """Whether the words from ``i`` (after "a", "an", "the") call the subject a topic or an area of research within
    four words: "an active research topic", "a long-standing topic", "a relatively new research area", "an active
    area of research"; not a brain area or an application area."""
    for k in range(i, min(i + 4, end)):
        word = doc[k].lower_
        if word in ("topic", "topics"):
            return True
        if word in ("area", "areas", "field"):
            before = doc[k - 1].lower_
            after = doc[k + 1].lower_ if k + 2 < end else ""
            return before == "research" or (after == "of" and doc[k + 2].lower_ in ("research", "study"))
    return False


def said_to_be_a_metric(span: Span) -> bool:
    """Whether the mention ``span`` is the subject of a sentence that calls it a metric: "The consolidation-disruption
    index (CD index) is a new metric for ...", "BLEU is the standard metric of ..." (not "a measure of", which
    quantities are too: "Entropy is a measure of uncertainty")."""
    doc, sent = span.doc, span.sent
    i = _after_the_subject(span)
    if i is None or i + 2 >= sent.end or doc[i].lower_ not in ("is", "are"):
        return False
    if doc[i + 1].lower_ not in ("the", "a", "an"):
        return False
    return any(doc[k].lower_ in ("metric", "metrics") for k in range(i + 2, min(i + 5, sent.end)))


def named_as_a_metric(span: Span) -> bool:
    """Whether the mention ``span`` is the name a new metric is given: "we introduce a new metric UMIC-X", "a novel
    metric, called Fuzzy Quill Impact", "an optimized metric, which we call X", "a robustness metric called X". The
    metric noun is singular and indefinite or the paper's own ("a", "an", "our", "new", "novel" within its phrase), so
    that "the metric X" and "metrics such as" stay out; and no bracket stands between, where a short form follows
    its long form (read by the abbreviation's own rules).

    Example:
        >>> doc = nlp("We introduce a new metric QuillScore for captions.")  # doctest: +SKIP
        >>> named_as_a_metric(doc[5:6])  # doctest: +SKIP
        True
    """
    doc = span.doc
    i, _ = _named_after(span, OPENING_MARKS - {"("})
    if i < 1 or doc[i].lower_ != "metric":
        return False
    for k in range(i - 1, max(i - 6, span.sent.start - 1), -1):
        if doc[k].lower_ in ("a", "an", "our", "new", "novel"):
            return True
        if doc[k].pos_ not in _TASK_PHRASE_POS or doc[k].is_punct:
            return False
    return False


def _named_after(span: Span, marks: frozenset[str] = frozenset()) -> tuple[int, bool]:
    """Where the noun a mention is named after stands ("a new task called X", "a metric, which we call X", "a task,
    termed as X"): the index of the word before the words that give ``span`` its name (opening ``marks``, "as", a
    naming verb or "which we call", a comma), and whether a naming verb or "which we call" is among them."""
    doc = span.doc
    i = span.start - 1
    while i >= 0 and doc[i].text in marks:
        i -= 1
    if i >= 0 and doc[i].lower_ == "as":
        i -= 1  # "a new visual restoration task, termed as X"
    named = True
    if i >= 3 and doc[i].lower_ in _WE_NAMING and doc[i - 1].lower_ == "we" and doc[i - 2].lower_ in ("which", "that"):
        i -= 3  # "a learning problem, which we call X"
    elif i >= 0 and doc[i].lower_ in NAMING_VERBS:
        i -= 1
    else:
        named = False
    if i >= 0 and doc[i].text == ",":
        i -= 1
    return i, named


def named_as_a_task(span: Span) -> bool:
    """Whether the mention ``span`` is the name an indefinite task, problem or setting is given: "we introduce a new
    task called Online Video Entity Linking", "a practical domain adaptation task, called ...", "a learning problem,
    which we call ...", "a new few-shot setting termed ...". Not after a
    definite or demonstrative noun phrase, where the name is often the solution's ("to solve the UHD image
    restoration problem called D2Net", "this challenging problem, called LMK"), a plural ("small tasks named
    episodes") or a task set only to train a model ("an auxiliary task called graph pruning").

    Example:
        >>> doc = nlp("We introduce a new NLP task called Cross Narrative Fusion (CNF).")  # doctest: +SKIP
        >>> named_as_a_task(doc[7:10])  # doctest: +SKIP
        True
    """
    doc = span.doc
    i, named = _named_after(span, OPENING_MARKS)
    if not named or i < 1 or doc[i].lower_ not in _NAMED_PROBLEMS:
        return False
    for k in range(i - 1, max(i - 8, -1), -1):
        if doc[k].lower_ in ("a", "an"):
            return True
        if doc[k].lower_ in _TRAINING_TASKS or doc[k].pos_ not in _TASK_PHRASE_POS:
            return False  # "an auxiliary task", "the ... problem"
    return False


#: The nouns whose name is a task's: "a new task called X", "a prevalent setting called covariate shift", "a more
#: practical scenario called X" (a setting of learning is a task, as "continual learning" is in the guidelines).
_NAMED_PROBLEMS = frozenset({"task", "problem", "setting", "scenario"})
#: What may come between "a" and the task noun: "an important yet relatively unexplored NLP task".
_TASK_PHRASE_POS = frozenset({"ADJ", "ADV", "CCONJ", "NOUN", "PROPN", "PUNCT", "VERB"})


def described_as_a_task(span: Span) -> bool:
    """Whether the mention ``span`` is followed by an apposition that calls it a task or a problem: "PickPlush, a
    tabletop grasping task, CubeSort, ...", "CoffeeMaking, a task that requires long-horizon ...". Not a task set
    only to train a model ("X, an auxiliary task"), not a compound the word opens ("a task-agnostic methodology",
    "a task scheduler"), not an optimization problem a method is written as, and not a mention that is the object
    of a preposition, where the apposition describes the phrase around it.

    Example:
        >>> doc = nlp("We test on PickPlush, a tabletop grasping task, and CubeSort.")  # doctest: +SKIP
        >>> described_as_a_task(doc[3:4])  # doctest: +SKIP
        True
    """
    doc, end = span.doc, span.sent.end
    if span.root.dep_ == "pobj":
        return False  # "conditionally Gaussian processes" of 'filtering of conditionally Gaussian processes, a problem'
    i = span.end
    if i < end and doc[i].text == "(":  # "(QBFs)"
        i = next((k + 1 for k in range(i, min(i + 8, end)) if doc[k].text == ")"), end)
    if not (i + 2 < end and doc[i].text == "," and doc[i + 1].lower_ in ("a", "an")):
        return False
    for k in range(i + 2, min(i + 6, end)):
        word = doc[k]
        if word.lower_ in ("task", "problem"):
            after = doc[k + 1] if k + 1 < end else None
            opens_a_compound = after is not None and (after.text in HYPHENS or after.pos_ in ("NOUN", "PROPN"))
            for_training = any(doc[j].lower_ in _TRAINING_TASKS for j in range(i + 2, k))
            # "the structured joint graphical lasso, a convex optimization problem": how a method is written
            optimization = doc[k - 1].lower_ in ("optimization", "optimisation")
            return not (opens_a_compound or for_training or optimization)
        if word.is_punct or word.pos_ not in ("ADJ", "ADV", "NOUN", "PROPN", "VERB"):
            return False
    return False


#: Marks that may open a name after a naming verb ("a new task termed “Premise-based ...”").
OPENING_MARKS = frozenset({'"', "'", "(", "\u201c", "\u2018", "``", "`"})


#: Words of a measure's long form that the head words do not type ("structural similarity", "Bilingual
#: Evaluation Understudy", "frames per second", "Precision at N", "Success weighted by inverse Path Length"): a
#: measure's acronym defined with one keeps its gazetteer type.
_MEASURE_NAME_WORDS = _wordset(
    """
    similarity understudy evaluation second seconds distance divergence ratio index coefficient gain measure
    metric score rate accuracy error precision recall operations operation curve union ordering success length
    percentile hits errors distances scores rates ratios similarities accuracies coefficients measures metrics
    """
)


def _long_form_type(doc: Doc, span: Span, words: list[str]) -> str:
    tail = words[-1].lower() if words else ""
    following = _after_definition(doc, span)
    if any(w in {"problem", "problems", "task", "tasks"} for w in following) or (
        tail in _PROBLEM_TAILS and not gazetteer_type(span.text)
    ):
        return TASK  # "the hyperspectral image super-resolution (HSISR) problem", "influence maximization (IM)"
    if span.start >= 2 and doc[span.start - 1].lower_ == "of" and doc[span.start - 2].lower_ in _PROBLEM_AFTER:
        return TASK  # "the problem of Non-Stationary Reinforcement Learning (NS-RL)", "a task of ... (LeMon)"
    announced = span.start >= 2 and doc[span.start - 1].text == "(" and _announced_as_metric(doc, span.start - 2)
    if following[:1] == ["metric"] or announced:
        return METRIC  # "the proposed ... (CPB) metric", "a metric named SLIDE (SLIding Document Evaluator)"
    typ = _long_form_context_type(doc, span, words, tail)
    if typ == METRIC and following and following[0] in _SYSTEM_HEADS | {"function", "loss"}:
        return METHOD  # "Sensitivity Direction Error (SDE) function", "... (NeuralCD) framework"
    return typ


def _long_form_context_type(doc: Doc, span: Span, words: list[str], tail: str) -> str:
    after = doc[span.end : span.end + 4]
    before = doc[max(span.sent.start, span.start - 3) : span.start]
    cue = {t.lower_ for t in after} | {t.lower_ for t in before}
    if _metric_context(doc, span.start):
        return METRIC
    head = _head_before_complement(words)
    if tail in _CUE_BENCHMARK or cue & _CUE_BENCHMARK or head in _CUE_BENCHMARK:
        return BENCHMARK  # "... (BAT)" of "Benchmark for Auto-bidding Task"
    if tail in _CUE_DATASET or cue & _CUE_DATASET or head in _CUE_DATASET:
        return DATASET if not _in_eval_context(doc, span.start, span.end) else BENCHMARK
    apposed = _apposition_type(doc, _definition_close(doc, span) + 1)
    if apposed:
        return apposed  # "VALSE (Vision And Language Structured Evaluation), a novel benchmark designed ..."
    typ = head_type(words)
    if typ == TASK and _proposal_sentence(span.sent):
        return METHOD
    return typ or METHOD


def _head_before_complement(words: list[str]) -> str | None:
    """The head noun of a long form with a complement: the word before its first "for", "of" or "on" ("Benchmark
    for Auto-bidding Task", "Multimodal benchmark for Embodied Planning"), lower case.

    Example:
        >>> _head_before_complement(["Benchmark", "for", "Auto-bidding", "Task"]), _head_before_complement(["Deep", "Q"])
        ('benchmark', None)
    """
    i = next((i for i, w in enumerate(words) if w.lower() in {"for", "of", "on"}), 0)
    return words[i - 1].lower() if i > 0 else None


_PROPOSAL = re.compile(
    r"\b(we|this paper|this work|our work|here)\b[^.]{0,40}?\b(propose|introduce|present|develop|design|build|"
    r"construct|release|contribute|curate|create|devise|formulate|call|name)\w*",
    re.IGNORECASE,
)


def _proposal_sentence(sent: Span) -> bool:
    return bool(_PROPOSAL.search(sent.text)) or bool(
        re.search(r"\b(called|named|dubbed|termed)\b", sent.text)
    )


def _in_eval_context(doc: Doc, start: int, end: int) -> bool:
    sent = doc[start].sent
    if not _EVAL_WORDS.search(sent.text):
        return False
    before = doc[max(sent.start, start - 3) : start].text.lower()
    return bool(re.search(r"\b(on|across|using)\b", before)) or "benchmark" in sent.text.lower()


_NOT_EVAL_BEFORE = _wordset(
    """
    based built relies rely relying focus focuses focusing depend depends trained train training
    pretrained pre-trained fine-tuned finetuned conditioned
    """
)


def _list_head(doc: Doc, tok: Token) -> Token:
    """The first item of the list ``tok`` is in ("X, Y and Z" -> X), climbing only over real lists."""
    first = tok
    while first.dep_ == "conj" and first.head.i < first.i:
        between = doc[first.head.i + 1 : first.i]
        if not all(
            t.text in {",", "and", "or", "&", "-"}
            or is_name_like(t.text)
            or t.like_num
            or t.text[:1].isupper()
            for t in between
        ):
            break
        first = first.head
    return first


def _evaluated_on(doc: Doc, i: int) -> bool:
    """ "experiments on X", "results on X, Y and Z": X is what the paper evaluates on."""
    tok = doc[i]
    first = _list_head(doc, tok)
    j = first.i
    preps = {"on", "across", "in", "within"}
    if j == 0 or doc[j - 1].lower_ not in preps:
        if not (j > 1 and doc[j - 2].lower_ in preps and doc[j - 1].lower_ in {"the"}):
            return False
        j -= 1
    if doc[j - 1].lower_ in {"in", "within"} and not re.search(
        r"\b(evaluat\w*|achiev\w*|surpass\w*|outperform\w*|improvement|state-of-the-art)\b",
        tok.sent.text,
        re.IGNORECASE,
    ):
        return False
    if j > 1 and doc[j - 2].lower_ in _NOT_EVAL_BEFORE:
        return False
    sent = tok.sent
    return bool(
        re.search(
            r"\b(experiment\w*|evaluat\w*|results?|benchmark\w*|performance|accuracy|superior|"
            r"outperform\w*|achiev\w*|tested|tests|state-of-the-art|sota|success|validat\w*)\b",
            sent.text,
            re.IGNORECASE,
        )
    )


def _metric_context(doc: Doc, start: int) -> bool:
    """ "in terms of X" (or of its list "X and Y"), "a new evaluation metric, X", "a measure called X": X is a
    measure."""
    if _announced_as_metric(doc, start):
        return True  # "we devised a LLM-based automatic evaluation metric, G-Score", "our new metric, PieAPP"
    first = _list_head(doc, doc[start])
    i = min(start, first.left_edge.i)
    return _announced_as_metric(doc, i) or i >= 3 and doc[i - 3 : i].text.lower() == "in terms of"


_METRIC_NOUNS = frozenset({"metric", "measure"})
#: Verbs that introduce a name: "an architecture named CoordiNet", "a new metric called ID".
NAMING_VERBS = frozenset({"called", "named", "termed", "dubbed", "coined"})
#: The naming verbs after "which we" or "that we": "a gold-standard dataset, which we call X".
_WE_NAMING = frozenset({"call", "name", "term", "dub", "coin"})
#: What may come between a metric noun and the name it announces ("a new metric, X", "a measure called X"):
#: the naming verbs but "coined" (left out since the set was first written, so that no extraction moves), and a comma.
_NAMING_WORDS = (NAMING_VERBS - {"coined"}) | {","}


def _announced_as_metric(doc: Doc, i: int) -> bool:
    """Whether the name at token ``i`` follows "metric," or "measure called" and the like."""
    return i >= 2 and doc[i - 2].lower_ in _METRIC_NOUNS and doc[i - 1].lower_ in _NAMING_WORDS


def context_type(doc: Doc, start: int, end: int) -> str | None:
    """Benchmark or Dataset when the context says so, else None.

    Cues: the next word ("X benchmark", "X dataset"), an apposition ("X, a new benchmark
    for ..."), a preceding announcement ("two datasets -- X and Y", "benchmarks such as
    X"), a list with a known benchmark, or "experiments on X".
    """
    nxt = data_word(doc[end]) if end < len(doc) else ""
    if nxt in _CUE_BENCHMARK:
        return BENCHMARK
    if nxt in _CUE_DATASET:
        if _proposal_sentence(doc[start].sent):
            return DATASET  # "we release the X dataset"
        return BENCHMARK if _in_eval_context(doc, start, end) else DATASET
    apposed = _apposition_type(doc, end)
    if apposed:
        return apposed
    anchor = doc[end - 1]  # the head of a multi-token name ("Epic - Kitchens")
    first = _list_head(doc, anchor)
    first_start = start if first is anchor else min(first.i, first.left_edge.i)
    before = doc[max(first.sent.start, first_start - 5) : first_start]
    words = [t.lower_ for t in before]
    # "two datasets -- X and Y", "a new dataset, X", "benchmarks such as X, Y"
    announced = None
    k = len(words)
    while k > 0 and words[k - 1] in {"--", "-", "—", "–", ":", "(", "including", "like"}:
        k -= 1
    if 0 < k < len(words):
        announced = words[k - 1]
    elif len(words) >= 4 and words[-3:-1] in (["which", "we"], ["that", "we"]) and words[-1] in _WE_NAMING:
        announced = words[-5] if words[-4] == "," and len(words) >= 5 else words[-4]  # "a dataset, which we call X"
    elif words and words[-1] in NAMING_VERBS:  # "a self-collected dataset named X", "an evaluation set, called X"
        j = len(words) - 2 if len(words) >= 2 and words[-2] == "," else len(words) - 1
        if j >= 2 and words[j - 1] == "set" and words[j - 2] in _EVALUATION_SETS:
            return BENCHMARK
        announced = words[j - 1] if j >= 1 else None
    elif len(words) >= 2 and words[-1] == "," and (first.dep_ == "appos" or first.head.i == first_start - 2):
        announced = words[-2]  # "a new preference dataset, X" (not "On the X corpus, Y achieves")
    elif len(words) >= 3 and words[-2:] == ["such", "as"]:
        announced = words[-3]
    elif words and words[-1] in _CUE_DATASET | _CUE_BENCHMARK and before[-1].tag_ in {"NN", "NNS"}:
        announced = words[-1]  # "two medical datasets BACH and ISIC" (not "we benchmark X")
    if announced in _METHOD_ANNOUNCERS:
        return None  # "methods including SMAC, TPE and ...": the list's head says what they are, not a benchmark in it
    if announced not in _CUE_BENCHMARK | _CUE_DATASET:
        announced = _apposed_to(anchor, start)  # "the largest ... dataset for computer vision in skiing, SkiTB"
    if announced in _CUE_BENCHMARK:
        return BENCHMARK
    if announced in _CUE_DATASET:
        if re.search(r"\b(new|novel)\b", before.text, re.IGNORECASE):
            return DATASET
        return BENCHMARK if _EVAL_WORDS.search(first.sent.text) else DATASET
    if _trained_on(doc, start, end):
        return DATASET
    if _conj_benchmark(doc, doc[start]) or _evaluated_on(doc, start):
        return BENCHMARK
    return None


#: Plural heads that announce a list of methods ("optimization methods including SMAC, TPE and ...", "baselines such as
#: X"): no data word of the list's context makes its names benchmarks, nor a benchmark's name among them (SMAC, also the
#: StarCraft challenge, made TB28's "TPE" and TB54's "SMAC" Benchmark nodes; their sentence, "optimization including
#: SMAC, TPE", has no plural head; of 1,535 corpus abstracts with such a list, one changes: Patch-NetVLAD, TransVPR).
_METHOD_ANNOUNCERS = frozenset({"methods", "algorithms", "approaches", "baselines", "techniques", "optimizers", "solvers"})


#: What comes right before a name set in apposition: "..., SkiTB", "namely SkiTB", "e.g. RACE", "(CMU Polysemy-30)".
_APPOSITION_MARKS = frozenset({",", ":", "(", '"', "\u201c", "namely", "e.g.", "i.e.", "called", "named", "dubbed"})


def _apposed_to(tok: Token, start: int) -> str | None:
    """The noun a name (last token ``tok``, first ``start``) stands in apposition to, climbing over the
    prepositional phrases after it ("a corpus of dialogues in French, DialFR", "a dataset of scene sketches,
    SketchyScene": corpus, dataset), but not from a plural out of any other phrase ("a dataset for four languages,
    namely, Amharic"), lower-cased; None when the name is no apposition."""
    if tok.dep_ != "appos" or start == 0 or tok.doc[start - 1].lower_ not in _APPOSITION_MARKS:
        return None  # not "The mcScenes dataset, the HM3GAT, ...": a list the parse read as an apposition
    head = tok.head
    if head.lower_ in _CUE_DATASET | _CUE_BENCHMARK:
        return head.lower_  # "the MCRC datasets, e.g. RACE"
    if head.tag_ in ("NNS", "NNPS") and not (head.dep_ == "pobj" and head.head.lower_ == "of"):
        return head.lower_  # "four Ethiopian languages, namely, Amharic": one of the languages, whatever they are in
    for _ in range(3):
        if head.dep_ != "pobj" or head.head.dep_ != "prep":
            break
        head = head.head.head
    return head.lower_


#: Verbs whose "on" takes the data a model learns from: "FaceNet (trained on VGGFace2 and CASIA-WebFace)".
_TRAINED = frozenset({"trained", "pretrained", "pre-trained", "finetuned", "fine-tuned", "tuned", "retrained"})


def _trained_on(doc: Doc, start: int, end: int) -> bool:
    """Whether the name at ``start:end`` (or the first of its list) is what a model is trained on: "trained on
    X", "pre-trained on X and Y", "fine-tuned on X"; not a name that modifies a noun after it ("trained on
    GPT-4 outputs") or is the subject of a verb after it ("models trained on X ... and Y can handle"), nor a known
    method or model."""
    if end < len(doc) and (doc[end].pos_ in {"NOUN", "PROPN", "ADJ", "AUX", "VERB"} or doc[end].text in HYPHENS):
        return False  # a modifier ("GPT-4 outputs", "CG aerial view data"), or the subject of a clause ("X can")
    if gazetteer_type(doc[start:end].text) in {METHOD, MODEL}:
        return False
    first = _list_head(doc, doc[end - 1])
    j = start if first.i == end - 1 else min(first.i, first.left_edge.i)
    return j >= 2 and doc[j - 1].lower_ == "on" and doc[j - 2].lower_ in _TRAINED


#: What makes a "set" one to evaluate on ("a human-crafted evaluation set, called HumanExtension").
_EVALUATION_SETS = frozenset({"evaluation", "test", "testing", "benchmark", "benchmarking"})


#: What opens an apposition after a name: "X, a benchmark", "X: a dataset", "X (Long Form) – a benchmark designed to".
_APPOSITION_OPENERS = frozenset({",", ":", "-", "--", "\u2013", "\u2014"})


def _apposition_type(doc: Doc, end: int, counted: bool = False) -> str | None:
    """Benchmark or Dataset when a name ending at ``end`` is followed by an apposition whose head says
    so: "X, a benchmark for ...", "X (Its Long Form), a novel benchmark", "X, a new large-scale and
    machine-generated dataset", "X, a large-scale, comprehensive, and high-quality dataset", "X, a
    few-shot relation extraction (FSRE) benchmark", "We introduce X: a simulation-based dataset", "X (Y) – a benchmark
    designed to ..."; the phrase ends at
    a preposition (its head came before), a clause's verb or a comma that no further modifier follows. With
    ``counted``, a number may open it before a plural head ("X and Y, two densely annotated datasets")."""
    n = len(doc)
    k = end
    if k < n and doc[k].text == "(":
        k = _bracket_end(doc, k)
        if k is None:
            return None
    opened = k + 1 < n and (doc[k + 1].lower_ in {"a", "an", "the"} or counted and _counts(doc[k + 1]))
    if not (opened and doc[k].text in _APPOSITION_OPENERS):
        return None
    j, limit = k + 2, min(n, k + 18)
    while j < limit:
        tok = doc[j]
        if _data_head(tok):
            if _counts(doc[k + 1]) and tok.tag_ != "NNS":
                return None  # "X and Y, two datasets", not "X, 10 benchmark tasks"
            return BENCHMARK if tok.lower_ in _CUE_BENCHMARK else DATASET
        if tok.pos_ == "ADP" and not (doc[j - 1].text == "-" and not doc[j - 1].whitespace_):
            return None  # "X, a framework for the enrichment of tabular datasets" ("chain-of-solving" goes on)
        if tok.text == "(":
            j = _bracket_end(doc, j)
            if j is None:
                return None
            continue
        if tok.text == "," and j + 1 < n and (
            doc[j + 1].pos_ == "ADJ" or (doc[j + 1].lower_ in {"and", "or"} and j + 2 < n and doc[j + 2].pos_ == "ADJ")
        ):
            j += 1  # coordinated modifiers: "a large-scale, comprehensive, and high-quality dataset"
            continue
        if tok.text in {",", ";", "."} or (tok.pos_ in {"VERB", "AUX"} and not _modifier_participle(tok)):
            return None
        j += 1
    return None


def named_as_data(span: Span) -> str | None:
    """Dataset or Benchmark when the name of the mention ``span`` ends in a capitalised data noun ("the Incidents
    Dataset", "UDT-Corpus", "The PRECOM-SM Corpus"): Dataset where its sentence introduces it, Benchmark where it is
    evaluated on, else Dataset (as "X dataset" with the noun after the name: :func:`context_type`); else None.

    Example:
        >>> doc = nlp("We contribute a parallel corpus called UDT-Corpus.")  # doctest: +SKIP
        >>> named_as_data(doc[5:8])  # doctest: +SKIP
        'Dataset'
    """
    last = re.split(r"[\s\-]", span.text)[-1]
    if last not in _NAMED_DATA_ENDS:
        return None
    if _proposal_sentence(span.sent):
        return DATASET
    return BENCHMARK if _in_eval_context(span.doc, span.start, span.end) else DATASET


#: Capitalised last words that make a name a data set's.
_NAMED_DATA_ENDS = frozenset({"Dataset", "Corpus", "Database", "DATASET", "CORPUS"})


def described_as_data(span: Span) -> str | None:
    """Benchmark or Dataset when the name of the mention ``span``, anywhere in its text, is followed by an apposition
    whose head is a data word ("We introduce Housekeep, a benchmark to evaluate ...": :func:`_apposition_type`), else
    None. The rules read this cue for the mentions they find; this reads it for a name found elsewhere (the title's
    "Housekeep: Tidying Virtual Households ...", where no rule or recogniser took the abstract's "Housekeep").

    Example:
        >>> doc = nlp("Housekeep: Tidying Households. We introduce Housekeep, a benchmark for ...")  # doctest: +SKIP
        >>> described_as_data(doc[0:1])  # doctest: +SKIP
        'Benchmark'
    """
    doc = span.doc
    if not _has_data_words(doc):
        return None  # no word that could head the apposition
    for start in _occurrences(doc, span.text):
        other = doc.char_span(start, start + len(span.text))
        if other is None:
            continue
        # "CHARADES and Multi-THUMOS, two densely annotated datasets": the last of a coordination is apposed to all
        ends = [other.end] + [c.i + 1 for c in other.root.conjuncts if c.i >= other.end]
        apposed = next(filter(None, (_apposition_type(doc, e, counted=True) for e in ends)), None)
        if apposed:
            return apposed
    return None


_DATA_CUES = tuple(sorted(_CUE_BENCHMARK | _CUE_DATASET | {"set"}))


def _occurrences(doc: Doc, name: str) -> Iterator[int]:
    """The character offsets where ``name`` stands as a whole word in ``doc``'s text (which spaCy joins anew at each
    ``doc.text``: kept per Doc, and searched without a regular expression per name; the two took 3.5% of
    extraction's time)."""
    text = _text_of(doc)[0]
    start = text.find(name)
    while start != -1:
        end = start + len(name)
        if not (start and _word_char(text[start - 1])) and not (end < len(text) and _word_char(text[end])):
            yield start
        start = text.find(name, start + 1)


def _word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def _has_data_words(doc: Doc) -> bool:
    """Whether ``doc``'s text holds a word that can head a data apposition (:func:`_data_head`; as a substring, so a
    few texts without one are read in full)."""
    return _text_of(doc)[1]


def _text_of(doc: Doc) -> tuple[str, bool]:
    """``doc.text``, joined once per Doc, and whether it holds a data word (:data:`_DATA_CUES`)."""
    known = _TEXTS.get(doc)
    if known is None:
        text = doc.text
        low = text.lower()
        known = _TEXTS[doc] = (text, any(cue in low for cue in _DATA_CUES))
    return known


#: The text of each Doc still alive, for :func:`_text_of` (not in ``doc.user_data``: a Doc must stay serializable
#: without a second copy of its text)
_TEXTS: "weakref.WeakKeyDictionary[Doc, tuple[str, bool]]" = weakref.WeakKeyDictionary()


def _counts(tok: Token) -> bool:
    """A number that opens an apposition ("two" of "CHARADES and Multi-THUMOS, two densely annotated datasets")."""
    return tok.like_num and tok.lower_ not in ("one", "1")


def data_word(tok: Token) -> str:
    """A token's lower-case text, "dataset(s)" for the "data" of "data set(s)" (the older spelling: "the MNIST data
    set", "XHate-999, a multilingual evaluation data set").

    Example:
        >>> doc = nlp("four data sets (MNIST, SVHN)")  # doctest: +SKIP
        >>> data_word(doc[1]), data_word(doc[2])  # doctest: +SKIP
        ('datasets', 'sets')
    """
    doc, i = tok.doc, tok.i
    if tok.lower_ == "data" and i + 1 < len(doc) and doc[i + 1].lower_ in ("set", "sets") and tok.whitespace_:
        return "data" + doc[i + 1].lower_
    return tok.lower_


def _data_head(tok: Token) -> bool:
    """A data word that heads its phrase ("a new dataset of ...", "a benchmark."), not one that
    modifies a system or process noun after it ("a dataset distillation method", "a training corpus
    construction method", "a dialogue collection framework")."""
    after_data = tok.i > 0 and data_word(tok.doc[tok.i - 1]) in ("dataset", "datasets")  # the "set" of "data set"
    if tok.lower_ not in _CUE_BENCHMARK and tok.lower_ not in _CUE_DATASET and not after_data:
        return False
    nxt = tok.nbor(1).lower_ if tok.i + 1 < len(tok.doc) else ""
    if nxt == "of" and tok.lower_ in {"suite", "collection"}:  # "a suite of open-weight LLM judges"
        for later in tok.doc[tok.i + 2 : tok.i + 8]:
            if later.lower_ in _SYSTEM_HEADS or later.lower_ in _SYSTEM_PLURALS:
                return False
            if later.pos_ in {"ADP", "VERB", "PUNCT"} and later.text != "-":
                break
    return nxt not in _SYSTEM_HEADS and nxt not in _DATA_PROCESSES


#: Plural kinds of systems a "suite of" may gather ("a suite of multi-token prediction language models").
_SYSTEM_PLURALS = _wordset("judges llms lms agents tools solvers detectors classifiers networks policies apis")


#: Nouns after a data word that make it a modifier of a process ("dataset distillation").
_DATA_PROCESSES = _wordset(
    "distillation condensation construction creation generation curation collection augmentation selection "
    "pruning synthesis tool tools toolkit platform generator engine technique strategy"
)


def _bracket_end(doc: Doc, i: int) -> int | None:
    """The index after the ")" closing the bracket at ``i`` (:func:`extractors.spans.closing_bracket`), or None."""
    close = closing_bracket(doc, i)
    return None if close is None else close + 1


def _modifier_participle(tok: Token) -> bool:
    """A participle before a noun of its phrase ("a manually labeled dataset", "a question answering
    dataset"), not a clause's verb ("a network trained on ...")."""
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return tok.tag_ in {"VBG", "VBN"} and nxt is not None and nxt.pos_ in {"NOUN", "PROPN", "ADJ"}


def _conj_benchmark(doc: Doc, tok: Token) -> bool:
    """Whether ``tok`` is in a coordination with a known benchmark ("GSM8K, MATH and X")."""
    group = {tok}
    head = tok
    while head.dep_ == "conj" and head.head != head:
        head = head.head
        group.add(head)
    group.update(head.conjuncts)
    for other in group:
        if other is not tok and gazetteer_type(other.text) == BENCHMARK:
            lo, hi = sorted((other.i, tok.i))
            between = doc[lo + 1 : hi]
            if all(
                t.text in {",", "and", "or", "&", "-"} or is_name_like(t.text) or t.like_num for t in between
            ):
                return True  # a real list of names, not a parse across clauses
    return False


_NAME_CUES_AFTER = frozenset({"benchmark", "dataset", "corpus", "suite", "environment", "leaderboard"})


def _modifiers_before(doc: Doc, i: int) -> int:
    """Where the modifiers of the task name at token ``i`` start, when the tagger read its first word as a verb and so
    cut it from the noun phrase before ("hand pose estimation", "6D pose estimation", "Nested Named Entity
    Recognition"): up to two nouns, proper nouns or adjectives right before it, hyphenated compounds whole, then
    stripped as a noun phrase's start is (:func:`_strip`: "better", "large-scale" and numbers stay out)."""
    view = token_view(doc)
    start = i
    for _ in range(2):
        k = start - 1
        while k > 1 and view.text[k - 1] == "-" and not view.ws[k - 2] and not view.ws[k - 1]:
            k -= 2  # "Few-Shot", "6-DOF"
        if k < 0 or view.sent_start[start] or view.pos[k] not in {"NOUN", "PROPN", "ADJ"} or not view.ws[k]:
            break
        start = k
    if start == i:
        return i
    return min(_strip(doc, start, i + 1)[0], i)


def _capitalized_word(doc: Doc, i: int, title_end: int) -> bool:
    view = token_view(doc)
    return (
        view.text[i][:1].isupper()
        and view.is_alpha[i]
        and view.pos[i] in {"PROPN", "NOUN"}
        and not view.sent_start[i]
        and i > title_end
    )


def _cued_name_end(doc: Doc, i: int, title_end: int) -> int | None:
    """End of the capitalised name that token ``i`` begins right before "benchmark", "dataset", ...
    ("the Zorblax benchmark", "the Berkeley Human Attribute dataset", "the Open Graph Benchmark
    dataset"), or None. The name is every capitalised word of the run, not its last one alone.
    """
    view = token_view(doc)
    n, lower = view.n, view.lower
    if i > 0 and view.text[i - 1] == "-" and not view.ws[i - 1]:
        return None  # inside a compound
    if not _capitalized_word(doc, i, title_end):
        return None
    if i > 0 and _capitalized_word(doc, i - 1, title_end):
        return None  # not the run's first word
    end = _compound_end(doc, i, n)
    while end < n and _capitalized_word(doc, end, title_end):
        end = _compound_end(doc, end, n)
    if not (end < n and lower[end] in _NAME_CUES_AFTER):
        end -= 1  # "the Zorblax Benchmark shows": the last capitalised word is the cue
        if end <= i or lower[end] not in _NAME_CUES_AFTER:
            return None
        if end - i >= 2:
            end += 1  # "the Atari Learning Environment": after two words the cue is the name's own
    if end == i + 1 and lower[i] in gz.GENERIC_NAMES:
        return None  # "the English dataset", "the Google benchmark"
    return end


def _cued_name_tail(doc: Doc, end: int, title_end: int) -> int:
    """The end of a data name that goes on after the name-like token ending at ``end`` over up to two capitalised or
    name-like words right before "dataset", "benchmark", ... ("the Flickr30k Entities JP dataset", "the M-VAD Names
    dataset", "the MVTec 3D-AD dataset": not "Entities JP", "Names" or "3D-AD" alone); ``end`` otherwise."""
    view = token_view(doc)
    k = end
    while k < view.n and k - end < 2 and view.ws[k - 1] and (
        _capitalized_word(doc, k, title_end) or is_name_like(view.text[k])
    ):
        k += 1
    if k > end and k < view.n and view.lower[k] in _NAME_ENDS:
        return k
    return end


#: :data:`_NAME_CUES_AFTER` and the plurals that end a data name too ("the ShanghaiTech Part A datasets"), made
#: once: :func:`_cued_name_tail` reads them for every name-like token.
_NAME_ENDS = _NAME_CUES_AFTER | frozenset({"benchmarks", "datasets", "corpora", "suites"})


def _extend_name(doc: Doc, i: int) -> tuple[int, int]:
    """Extend a name over version numbers and model suffix words ("Claude 3.5 Sonnet")."""
    view = token_view(doc)
    end = i + 1
    while end < view.n and end - i < 4:
        t = view.text[end]
        if view.text[end - 1][-1:].isdigit() and re.fullmatch(r"\d+\.\d+", t):
            break  # "ResNet-50 37.7 AP": a figure after a numbered name, no version
        if (
            re.fullmatch(r"v?\d+(\.\d+)*[BbMmKk]?|\d+x\d+[BbMm]?", t)
            or t.lower() in gz.MODEL_SUFFIX_WORDS
            and t[0].isupper()
        ):
            end += 1
        else:
            break
    return i, end


def _name_modifiers_start(doc: Doc, i: int, title_end: int) -> int:
    """Where a name that ends in the name-like token at ``i`` starts: up to two capitalised words
    before it belong to it in the abstract's body ("Faster R-CNN", "Cascade Mask R-CNN", "Fast
    AutoAugment"), not a sentence's first word that is an ordinary modifier ("Standard BERT ..."),
    a determiner, or an organisation ("Google BERT": :data:`gazetteers.GENERIC_NAMES`).

    Example:
        >>> d = nlp("Title\\n\\nWe compare with Cascade Mask R-CNN. Standard BERT fails.")  # doctest: +SKIP
        >>> [d[_name_modifiers_start(d, k, 2):k + 1].text for k in (7, 11)]  # doctest: +SKIP
        ['Cascade Mask R-CNN', 'BERT']
    """
    view = token_view(doc)
    start = i
    if not view.text[i][:1].isupper():
        return i  # "mBERT"; "Barbehenn andZhao", two authors glued by a PDF
    while start > max(title_end, i - 2):
        k = start - 1
        word = view.text[k]
        first = view.sent_start[k]
        if not (word[:1].isupper() and word[1:].islower() and word.isalpha()) or view.pos[k] not in (
            {"ADJ", "NOUN", "PROPN"} | ({"ADV"} if view.tag[k] == "RBR" else set())
            if first else {"ADJ", "NOUN", "PROPN", "ADV", "VERB"}
        ):
            break  # mid-sentence a capital says more than the tagger ("outperforms Faster R-CNN"); first in
            # a sentence, a comparative read as an adverb ("Faster R-CNN is ...") but no "Recently"
        if word.lower() in gz.GENERIC_NAMES or (first and word.lower() in GENERIC_MODIFIERS):
            break
        if first and view.tag[k] in {"VBN", "VBD", "VBG"}:
            break
        start = k
        if first:
            break
    return start


def title_name_end(doc: Doc, title_end: int) -> int | None:
    """End of the name before the colon of a title ("RE-Searcher: Robust Agentic Search"), or None."""
    if title_end <= 0:
        return None
    colon = next((t.i for t in doc[:title_end] if t.text == ":"), None)
    if colon is None or colon == 0 or colon > 6:
        return None
    span = doc[0:colon]
    words = _words(doc, 0, colon)
    if doc[0].pos_ in {"ADP", "SCONJ"} or doc[0].lower_ == "beyond" or doc[0].lower_ in TITLE_VERBS:
        return None  # "Beyond Strong-Cyclic: ..." is a claim, "Rethinking InfoNCE: ..." a verb's phrase, not a name
    if name_key(span.text) in _GENERIC_KEYS or is_generic(span.text) or "(" in span.text:
        return None
    if span.text.lower() in {"open problem", "open problems", "open question", "open questions"}:
        return None  # COLT's "Open Problem: ..." titles
    if len(words) > 3:
        return None
    if len(words) > 1 and not any(is_name_like(w) for w in words):
        # "Search Self-play: ..." only when the abstract uses the name again
        rest = doc[title_end:].text.lower()
        if span.text.lower() not in rest and not _abbreviated(doc, span.text):
            return None
    if not all(w[:1].isupper() or not w[:1].isalpha() or is_name_like(w) for w in words) and len(words) > 1:
        return None
    return colon


_TITLE_TASK_LEAD = _wordset(
    """
    for towards toward on advancing managing mastering playing enhancing improving boosting scaling
    rethinking bootstrapping reinforcing unlocking empowering solving tackling addressing benchmarking
    evaluating
    """
)
_TITLE_PHRASE_END = _wordset(
    """
    with via through using by from under without beyond as at through : ? , ; ( – — is are can do does
    """
)


#: Longer title phrases are mostly a method described in title case, not the problem (measured
#: on the train split: 0.2-0.3 precision from four words on).
_TITLE_TASK_MAX_WORDS = 3


def _title_tasks(doc: Doc, title_end: int, abbreviations: dict[str, str]) -> list[Mention]:
    """The problem a title names: "... for Conversational Recommendation with ...", "Mastering X through Y".

    The phrase after a lead word ("for", "towards", "on", a title-initial gerund such
    as "Mastering", a title-initial "Learning" before a problem's head word: "Learning Monocular Depth Estimation")
    up to the next "with", "via", "through", ... is a Task, split at "and"; generic adjectives are stripped.
    """
    if title_end <= 0:
        return []
    colon = title_name_end(doc, title_end)
    first = colon + 1 if colon is not None else 0
    out = []
    view = token_view(doc)
    lower = view.lower
    i = first
    while i < title_end:
        lead = lower[i] in _TITLE_TASK_LEAD and (
            view.pos[i] == "ADP" or lower[i] in {"towards", "toward"} or i == first
        )
        learning_to = (
            lower[i] == "learning" and i == first and i + 1 < title_end and lower[i + 1] == "to"
        )
        # "Learning Monocular Depth Estimation with ...": what is learnt, a problem when its head word says so
        learning_what = lower[i] == "learning" and i == first and not learning_to
        if not (lead or learning_to or learning_what):
            i += 1
            continue
        j = i + (2 if learning_to else 1)
        k = j
        while (
            k < title_end
            and lower[k] not in _TITLE_PHRASE_END
            and not (lower[k] in {"for", "in", "on"} and k > j)
            and not (view.text[k] == "-" and view.ws[k - 1])
        ):
            k += 1
        parts = _split_coordination(doc, j, k) if k > j else []
        if (
            len(parts) > 1
            and parts[0][1] - parts[0][0] == 1
            and any(lower[m] == "of" for m in range(parts[-1][0], k))
        ):
            parts = [(j, k)]  # "Diagnosis and Treatment of X": one problem
        for part_start, part_end in parts:
            start, end = _strip(doc, part_start, part_end)
            words = _words(doc, start, end)
            if not words or len(words) > _TITLE_TASK_MAX_WORDS:
                continue
            if words[-1].lower() in {"task", "tasks"} and len(words) > 1 and words[-2].lower() in TASK_HEADS:
                end -= 1
                words = words[:-1]
            if words[-1].lower() in GENERIC_HEADS and words[-1].lower() not in {
                "task",
                "tasks",
                "problem",
                "problems",
            }:
                continue
            if words[0].lower() in GENERIC_HEADS:
                continue  # "Applications to Q-Learning"
            text = view.span_text(start, end)
            if is_generic(text) or any(view.like_num[m] for m in range(start, end)):
                continue
            known = gazetteer_type(text)
            if known is not None and known != TASK:
                continue
            if len(words) == 1 and known is None:
                continue
            if learning_what and known != TASK and head_type(words) != TASK:
                continue  # "Learning Sparse Neural Networks", "Learning Representations": what is learnt, no problem
            if (
                (lower[i] in {"on", "in"} or (lower[i] == "for" and names_things(words[-1])))
                and known is None
                and head_type(words) != TASK
                and words[-1].lower() not in {"task", "tasks", "problem", "problems"}
            ):
                continue  # "Learning on Point Clouds": a setting; "Policy Gradient for Infinite-Horizon Objectives": an object
            name = abbreviations.get(name_key(text), text)
            out.append(Mention(start, end, TASK, name, 3, title_task=True))
        i = max(k, i + 1)
    return out


def names_things(word: str) -> bool:
    """Whether a title phrase's last word is a plural noun of things ("Objectives", "Point Clouds", "Languages"), what
    a method is for, not a problem ("Super-Resolution", "Disambiguation"); "-ics" and "-sis" words are singular, and
    a few in "-as" ("Bias", :data:`_SINGULAR_AS`), not "Cameras".

    Example:
        >>> [names_things(w) for w in ("Objectives", "Clouds", "Resolution", "Analysis", "Robotics", "Bias", "Cameras")]
        [True, True, False, False, False, False, True]
    """
    low = word.lower()
    return (
        low.endswith("s") and not low.endswith(("ss", "is", "us", "ics", "ous")) and low not in _SINGULAR_AS
        and len(low) > 3
    )


#: Singular nouns ending in "-as" (general English): "... for Gender Bias" names a problem, "... for Cameras" things.
_SINGULAR_AS = frozenset({"bias", "atlas", "canvas", "alias", "pancreas"})


def what_a_title_is_for(span) -> bool:
    """Whether a Task mention is the object after a title's "for": a plural noun of things (:func:`names_things`)
    that names no problem ("Policy Gradient for Infinite-Horizon Objectives", "... for Self-Driving Vehicles"),
    however it was found; a phrase a gerund opens ("for Learning Sentence Representations") or a known task stays.

    Example:
        >>> doc = nlp("Policy Gradient for Infinite-Horizon Objectives")  # doctest: +SKIP
        >>> what_a_title_is_for(doc[3:6])  # doctest: +SKIP
        True
    """
    doc = span.doc
    if span.start == 0 or span.end > title_end_index(doc) or doc[span.start - 1].lower_ != "for":
        return False
    words = text_words(span.text)
    return (
        bool(words) and names_things(words[-1]) and not (words[0].lower().endswith("ing") and "-" not in words[0])
        and head_type(words) != TASK and gazetteer_type(span.text) is None
        and words[-1].lower() not in _PROBLEM_PLURALS
    )


#: Plurals that name a class of problems after a title's "for" ("Non-Convex Games", "Adversarial Text Attacks").
_PROBLEM_PLURALS = frozenset({"tasks", "problems", "games", "attacks", "bandits", "puzzles", "challenges"})


def _abbreviated(doc: Doc, text: str) -> bool:
    key = name_key(text)
    return any(name_key(s.text) == key for s in doc.spans.get(ABBREVIATION_KEY, []))


def _shouted_word(tok: Token) -> bool:
    """A word of three or more capitals right before the next one: a name written in capitals ("MORAL EVENTS")."""
    return tok.is_alpha and len(tok.text) >= 3 and tok.text.isupper() and bool(tok.whitespace_) and not tok.is_stop


def _title_name(
    doc: Doc, title_end: int, abbreviations: dict[str, str], short_types: dict[str, str]
) -> list[Mention]:
    colon = title_name_end(doc, title_end)
    if colon is None:
        return []
    span = doc[0:colon]
    name = abbreviations.get(name_key(span.text), span.text)
    if name in short_types:
        return [Mention(span.start, span.end, short_types[name], name, 5)]
    nxt = " ".join(t.lower_ for t in doc[colon + 1 : title_end])
    typ = name_type(span.text)
    if typ == MODEL and not any(_SIZE.match(p) for p in re.split(r"[-\s]", span.text)):
        typ = METHOD
    if typ in {BENCHMARK, METHOD}:
        typ = BENCHMARK if re.search(r"\bbenchmark", nxt) else METHOD
        if typ == METHOD and _title_describes(doc, colon + 1, title_end, _heads_data):
            typ = DATASET  # "BiRdQA: A Bilingual Dataset for Question Answering on Tricky Riddles"
        elif typ == METHOD and _title_describes(doc, colon + 1, title_end, _heads_a_metric):
            typ = METRIC  # "CTRLEval: An Unsupervised Reference-Free Metric for Evaluating ..."
    return [Mention(span.start, span.end, typ, name, 5)]


def _title_describes(doc: Doc, start: int, end: int, is_head) -> bool:
    """Whether the title's words after a name's colon open with a phrase whose head ``is_head`` accepts
    (:func:`_heads_data`: "A Large-Scale Corpus of ...", "A Bilingual Dataset for ..."; not "Learning from
    Noisy Datasets"; :func:`_heads_a_metric`: "An Unsupervised Reference-Free Metric for ...")."""
    for tok in doc[start:end]:
        if is_head(tok, end):
            return True
        if tok.pos_ in {"ADP", "VERB", "AUX", "CCONJ", "PUNCT"} and tok.text != "-":
            return False
    return False


def _heads_data(tok: Token, end: int) -> bool:
    return tok.lower_ in _CUE_DATASET and _data_head(tok)


_NOMINAL = frozenset({"NOUN", "PROPN", "ADJ", "NUM"})
#: Tokens that join the parts of a hyphenated word ("Balls-and-Bins", "Clebsch--Gordan").
HYPHENS = frozenset({"-", "--", "\u2013"})


def _heads_a_metric(tok: Token, end: int) -> bool:
    """A metric noun that heads its phrase: not "Continuous Metric Learning", "A Metric Space for ...",
    "Metric-Guided"."""
    return tok.lower_ in _METRIC_NOUNS and (
        tok.i + 1 >= end or tok.nbor(1).pos_ not in _NOMINAL and tok.nbor(1).text not in HYPHENS
    )


_NAME_CUES = {
    "benchmark": BENCHMARK,
    "benchmarks": BENCHMARK,
    "suite": BENCHMARK,
    "dataset": DATASET,
    "corpus": DATASET,
    "task": TASK,
    "method": METHOD,
    "framework": METHOD,
    "algorithm": METHOD,
    "approach": METHOD,
    "module": METHOD,
    "mechanism": METHOD,
    "architecture": METHOD,
    "metric": METRIC,
    "score": METRIC,
}


def _titlecase_names(doc: Doc, title_end: int) -> list[Mention]:
    """Runs of capitalised words inside abstract sentences ("a Dual-Stream Trajectory Evaluation method")."""
    out = []
    view = token_view(doc)
    forms, lower, capital = view.text, view.lower, _capitals(doc)
    i = max(title_end, 0)
    n = view.n
    while i < n:
        if view.sent_start[i] or not capital[i]:
            i += 1
            continue
        j = i
        while j < n and (capital[j] or (forms[j] == "-" and j + 1 < n and capital[j + 1])):
            j += 1
        words = [k for k in range(i, j) if forms[k] != "-"]
        if words and (
            view.pos[words[0]] in {"AUX", "VERB", "PRON"}
            or any(lower[k] in gz.GENERIC_NAMES for k in words)
            or _cut_run(doc, i, j)
        ):
            words = []
        if len(words) >= 2 and not all(forms[k].isupper() for k in words):
            cue = lower[j] if j < n else ""
            text = view.span_text(i, j)
            if not is_generic(text) and name_key(text) not in _GENERIC_KEYS and not is_language_pair(text) and not (
                is_degree_modifier(text)  # "the Lower-Level (LL) attacker"
            ):
                last = lower[j - 1]
                if cue not in _NAME_CUES and _modifies_next_noun(doc, j):
                    i = max(j, i + 1)
                    continue  # "Kullback-Leibler divergence", "Monte Carlo sampling": a modifier, not a name
                typ = _NAME_CUES.get(cue) or gazetteer_type(text) or head_type(_words(doc, i, j))
                if typ is None and not _system_sentence(doc, i):
                    i = max(j, i + 1)
                    continue  # "the UN's Global Goals", "Food Stamps": a capitalised name that is no system
                typ = typ or METHOD
                if typ == METRIC and cue not in _NAME_CUES and not gazetteer_type(text) and not measured(doc, i, j):
                    i = max(j, i + 1)
                    continue  # "Problem Complexity" in a sentence that measures nothing
                cued = None
                if last.endswith("bench") or last in {"benchmark", "suite", "arena"}:
                    typ = BENCHMARK
                elif typ == METHOD:
                    cued = METRIC if _metric_context(doc, i) else context_type(doc, i, j)
                    typ = cued or typ
                if typ == DATASET and _in_eval_context(doc, i, j):
                    typ = BENCHMARK
                if typ == BENCHMARK:
                    j = _extend_name(doc, j - 1)[1]  # "Alpaca Eval 2"
                    text = view.span_text(i, j)
                out.append(Mention(i, j, typ, text, 2, cued=cued is not None))
        i = max(j, i + 1)
    return out


_SYSTEM_VERBS = re.compile(
    r"\b(use[sd]?|using|utili[sz]\w*|employ\w*|adopt\w*|appl(y|ies|ied)|propos\w*|introduc\w*|present(s|ed)?|"
    r"develop\w*|design\w*|implement\w*|construct\w*|build\w*|built|leverag\w*|call(ed)?|named|dubbed|termed|"
    r"compar\w*|outperform\w*|algorithm|method|model|framework|approach|based)\b",
    re.IGNORECASE,
)


def _system_sentence(doc: Doc, i: int) -> bool:
    """Whether a capitalised run at ``i`` with no type cue sits where systems are named: its sentence
    uses, proposes or compares something, and the run is not owned ("the UN's Global Goals").

    Example:
        >>> _system_sentence(nlp("We utilize the Sinkhorn-Knopp Iteration to match."), 3)  # doctest: +SKIP
        True
    """
    if i > 0 and doc[i - 1].tag_ == "POS":
        return False
    return bool(_SYSTEM_VERBS.search(doc[i].sent.text))


#: Last words that leave a capitalised run unfinished ("Area Under" the Curve).
_OPEN_ENDS = _wordset("under of for with to in on and or by from via the a an at as over")


def _cut_run(doc: Doc, i: int, j: int) -> bool:
    """Whether the capitalised run ``doc[i:j]`` is a piece of a longer name.

    Cut at a hyphen compound before it ("Pair-wise Alignment Attack"), at a function word
    ("Area Under"), or ending in an adjective ("Multi-view Hyperbolic Hierarchical Clustering(...)").

    Example:
        >>> _cut_run(nlp("We propose Pair-wise Alignment Attack."), 5, 7)  # doctest: +SKIP
        True
    """
    view = token_view(doc)
    last = j - 1
    nxt = j if j < view.n else None
    return (
        (i > 0 and _glued(doc, i - 1) and view.text[i - 1] != "-")
        or view.lower[last] in _OPEN_ENDS
        or view.lower[last] in _OBJECT_HEADS  # "Open Government Data"
        or (nxt is not None and view.is_alpha[nxt] and view.text[nxt][:1].isupper())  # "Probabilistic Graphical" Models
        or (view.pos[last] == "ADJ" and not (j < view.n and view.lower[j] in _NAME_CUES))
    )


def _modifies_next_noun(doc: Doc, j: int) -> bool:
    """Whether the capitalised run ending before token ``j`` is glued to a lower-case noun after it.

    Example:
        >>> _modifies_next_noun(nlp("We minimise the Kullback-Leibler divergence."), 6)  # doctest: +SKIP
        True
    """
    view = token_view(doc)
    if j >= view.n:
        return False
    return view.pos[j] == "NOUN" and view.text[j][:1].islower() and view.head[j - 1] >= j


def _capitals(doc: Doc) -> list[bool]:
    """:func:`_cap` of every token."""
    view = token_view(doc)
    return [_cap(t, pos) for t, pos in zip(view.text, view.pos)]


def _cap(t: str, pos: str) -> bool:
    """Whether a token (its text and coarse tag) is a capitalised word of a name."""
    return (
        bool(t)
        and t[0].isupper()
        and t.isalpha() is not False
        and pos != "PUNCT"
        and t.lower()
        not in {
            "we",
            "our",
            "the",
            "a",
            "an",
            "in",
            "this",
            "i",
            "however",
            "large",
            "language",
            "models",
        }
    )


_HEAD_WORDS = TASK_HEADS | METHOD_HEADS | METRIC_HEADS


def _glued(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is joined to a neighbour by a hyphen without spaces ("in-context")."""
    return token_view(doc).glued[i]


def pos_chunks(doc: Doc) -> list[tuple[int, int]]:
    """Runs of adjectives and nouns ending in a noun, hyphenated compounds kept whole.

    The parser's noun chunks miss phrases that start with a hyphenated compound
    ("in-context reinforcement learning"); this chunker only reads the tags.
    """
    # the token attributes read below, once per token (the loops read each several times)
    view = token_view(doc)
    n, text, pos, lower, dep, glued = view.n, view.text, view.pos, view.lower, view.dep, view.glued
    is_space, tag = view.is_space, view.tag
    joins = [
        not is_space[i]
        and text[i] not in _CHUNK_BREAKS
        and (
            glued[i]
            or pos[i] in _CHUNK_POS
            or tag[i] in _PARTICIPLES and dep[i] in _PARTICIPLE_DEPS
        )
        for i in range(n)
    ]
    runs = []
    i = 0
    while i < n:
        j = i
        while j < n and joins[j]:
            j += 1
        end = j
        while end > i and not (pos[end - 1] in _NOUN_POS or lower[end - 1] in _HEAD_WORDS):
            end -= 1
        start = i
        while start < end and pos[start] == "VERB" and dep[start] not in _MODIFIER_DEPS and not glued[start]:
            start += 1
        if end > start:
            runs.append((start, end))
        i = max(j, i + 1)
    return runs


_CHUNK_BREAKS = frozenset({"(", ")", ",", ";", ":", "."})
_CHUNK_POS = frozenset({"ADJ", "NOUN", "PROPN"})
_NOUN_POS = frozenset({"NOUN", "PROPN"})
_PARTICIPLES = frozenset({"VBN", "VBG"})
_PARTICIPLE_DEPS = frozenset({"amod", "compound", "pobj", "dobj", "nsubj", "conj"})
_MODIFIER_DEPS = frozenset({"amod", "compound"})


def _glued_at(text: list[str], space: list[bool], i: int) -> bool:
    """:func:`_glued` over token texts and trailing-whitespace flags."""
    if text[i] == "-" and i > 0 and not space[i - 1] and not space[i]:
        return True
    if i + 1 < len(text) and text[i + 1] == "-" and not space[i] and not space[i + 1]:
        return True
    return i > 1 and text[i - 1] == "-" and not space[i - 2] and not space[i - 1]


def _chunks(doc: Doc) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of the noun chunks, plus the tag-based runs of :func:`pos_chunks` the parser left out."""
    seen = set()
    for chunk in doc.noun_chunks:
        bounds = (chunk.start, chunk.end)
        seen.add(bounds)
        yield bounds
    for bounds in pos_chunks(doc):
        if bounds not in seen:
            yield bounds


def _split_coordination(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """Parts of the chunk ``doc[start:end]`` split at "and", "or" and commas ("search and recommendation")."""
    view = token_view(doc)
    pos, text = view.pos, view.text
    parts = []
    for i in range(start, end):
        if pos[i] == "CCONJ" or text[i] in {",", ";", "/"}:
            if i > start:
                parts.append((start, i))
            start = i + 1
    if start < end:
        parts.append((start, end))
    return parts


def _chunk_mentions(
    doc: Doc, start: int, end: int, abbreviations: dict[str, str], short_types: dict[str, str], title_end: int
) -> list[Mention]:
    """Typed mentions of one stripped noun phrase ``doc[start:end]`` (head-word rules)."""
    out = []
    view = token_view(doc)
    words = _words(doc, start, end)
    if not words:
        return out
    # drop generic trailing heads ("self-critique mechanism", "robotics tasks")
    trimmed = list(words)
    trimmed_end = end
    while len(trimmed) > 1 and trimmed[-1].lower() in GENERIC_HEADS:
        trimmed.pop()
        trimmed_end -= 1
        while trimmed_end > start and view.text[trimmed_end - 1] in {"-"}:
            trimmed_end -= 1
    span_text = view.span_text(start, trimmed_end)
    key = name_key(span_text)
    if key in abbreviations:
        short = abbreviations[key]
        return [Mention(start, trimmed_end, short_types.get(short, METHOD), short, 5)]
    if is_generic(span_text):
        return out
    known = gazetteer_type(span_text)
    if known:
        return [Mention(start, trimmed_end, known, span_text, 4)]
    if len(trimmed) > 1 and trimmed[-1].lower() in {"score", "scores", "metric", "metrics"}:
        rest_end = trimmed_end - 1
        if gazetteer_type(view.span_text(start, rest_end)) == METRIC:
            return [Mention(start, rest_end, METRIC, view.span_text(start, rest_end), 4)]
    typ = head_type(trimmed)
    was_task = (
        words[-1].lower() in {"task", "tasks", "problem", "problems"}
        and len(words) > 1
        and end - 2 >= start
        and view.pos[end - 2] in {"NOUN", "PROPN"}
        and not any(view.pos[k] == "ADJ" for k in range(start, end - 1))
    )
    if typ is None and was_task:
        typ = TASK
        if not re.search(r"(ion|ing|ment|ance|ence)$", trimmed[-1].lower()):
            trimmed_end = end  # "memory tasks" keeps its noun; "block stacking task" does not
            span_text = view.span_text(start, end)
    if typ is None:
        return out
    cut = measure_start(doc, start, trimmed_end) - start if typ == METRIC else 0
    if cut:  # "the best published F1 score"; tokens, not words: "ε-relative error" cuts two of "ε-relative"
        popped = len(words) - len(trimmed)
        start += cut
        words = _words(doc, start, end)
        trimmed = words[: len(words) - popped]
        span_text = view.span_text(start, trimmed_end)
    if len(trimmed) == 1 and typ != METRIC:
        return out  # single ordinary words need the gazetteer
    if start < title_end and typ == METHOD:
        return out  # title phrases in title case are too noisy; the abstract names them again
    if typ == TASK and len(words) > len(trimmed) and words[len(trimmed)].lower() in _SYSTEM_HEADS:
        return out  # "a nonparametric function estimation algorithm" describes a system, not the problem
    if typ == TASK and start < title_end and len(trimmed) > _TITLE_TASK_MAX_WORDS:
        return out  # as in _title_tasks
    if typ == METRIC and (
        len(trimmed) > 4
        or any(view.pos[k] == "ADJ" and not view.glued[k] for k in range(start, trimmed_end - 1))
    ):
        return out  # "needed accuracy", "low observational latency"
    if typ == METRIC and not measured(doc, start, trimmed_end):
        return out  # "attribution scores of the words", "a predefined compression ratio"
    if typ == METRIC and (words[-1].lower() in _ANALYSIS or no_measure(doc, start, trimmed_end)):
        return out  # "an error analysis", "4-bit precision"
    if typ == METHOD and not _named_network(doc, start, trimmed_end):
        return out  # "a demosaicing network", "the fusion network"
    if typ == METHOD and view.tag[start] == "VBG" and view.dep[start] not in {"amod", "compound", "nmod"}:
        return out  # "incorporating clustering based learning": a verb phrase
    if len(trimmed) > 6:
        return out
    if any(
        view.like_num[k] or view.like_url[k] or view.text[k] in {"(", ")", ",", ";", ":"}
        for k in range(start, trimmed_end)
    ):
        return out
    if typ == METHOD and trimmed[-1].lower() in _PROBLEM_HEADS and _problem_context(doc, start, trimmed_end):
        typ = TASK
    return [Mention(start, trimmed_end, typ, span_text, 1)]


def no_measure(doc: Doc, start: int, end: int) -> bool:
    """Whether the measure-like phrase ``doc[start:end]`` names no measure: the topic of an analysis
    ("an in-depth error analysis"), a number format ("4-bit precision", "half precision") or a
    generic word after how a bound grows ("a sublinear rate").

    Example:
        >>> no_measure(nlp("We run an error analysis."), 3, 4)  # doctest: +SKIP
        True
    """
    if end < len(doc) and doc[end].lower_ in _ANALYSIS:
        return True
    words = [t.lower_ for t in doc[start:end] if t.text != "-"]
    if len(words) > 1 and words[-1] == "precision" and _NUMBER_FORMAT.fullmatch(words[-2]):
        return True
    if start > 0 and doc[start - 1].lower_ in _HOW_IT_GROWS and " ".join(words) in GENERIC_PHRASES:
        return True  # "a sublinear rate", "up to a bounded error": how a bound grows, no measure named
    return False


_ANALYSIS = frozenset({"analysis", "analyses"})


def measure_start(doc: Doc, start: int, end: int) -> int:
    """Where a measure's name starts after words that say whose figure it is, how good or how it
    grows ("the best published F1 score", "a record inception score", "3.4% lower error", "near-human
    accuracy", "a vanishing regret"), the fixed phrase "with high probability" ("a high probability
    regret bound"), a tolerance's symbol ("within ε-relative error") or the verb that takes it ("and measure accuracy
    using ...").

    Example:
        >>> measure_start(nlp("a record inception score"), 1, 4)  # doctest: +SKIP
        2
    """
    while end - start > 1:
        tok = doc[start]
        cend = _compound_end(doc, start, end)
        if cend > start + 1 and cend < end and token_view(doc).span_text(start, cend).lower() in GENERIC_COMPOUNDS:
            start = cend  # "near-human accuracy", as the rules' names drop it (_strip)
        elif tok.whitespace_ and (
            tok.lower_ in _AS_REPORTED or tok.lower_ in _HOW_IT_GROWS or tok.lower_ in _HOW_GOOD or _comparative(tok)
        ):
            start += 1  # "3.4% lower error than", "competitive error compared to": a comparison, not the measure's name
        elif tok.lower_ == "high" and end - start > 2 and doc[start + 1].lower_ == "probability":
            start += 2  # "high probability regret": "with high probability" qualifies the bound
        elif tok.lower_ == "probability" and start > 0 and doc[start - 1].lower_ == "high":
            start += 1  # the same with "high" already dropped as a generic modifier
        elif (
            end - start > 3 and len(tok.text) == 1 and not tok.text.isascii() and tok.text.isalpha()
            and doc[start + 1].text == "-" and doc[start + 2].lower_ in _TOLERANCES
        ):
            start += 2  # "ε-relative error": the tolerance's symbol is no part of the measure
        elif start > 0 and doc[start - 1].like_num and tok.lower_ in _FIGURE_UNITS:
            start += 1  # "0.9 ms inference latency": the figure's unit
        elif tok.lower_ in _MEASURING_VERBS and (
            tok.tag_ in ("VB", "VBP") or start > 0 and doc[start - 1].lower_ in _BEFORE_A_VERB
        ):
            start += 1  # "and measure accuracy using the ITA metric" (tagged a noun): the verb that takes the measure
        else:
            break
    return start


#: Words after which a word that may be a verb or a noun is a verb: "we measure", "to measure", "and measure".
_BEFORE_A_VERB = frozenset({"we", "to", "and", "then", "also", "or", "i", "they"})
#: Verbs whose object is a measure ("measure accuracy", "report F1", "minimize regret"), read before it as a verb.
_MEASURING_VERBS = _wordset(
    "measure measures report reports evaluate evaluates compute computes calculate calculates assess assesses "
    "estimate estimates maximize maximizes minimize minimizes maximise minimise optimize optimise improve improves "
    "reduce reduces increase increases achieve achieves obtain obtains boost boosts"
)


#: Units a figure may carry before the measure it reports ("0.9 ms inference latency", "2.1 GB memory").
_FIGURE_UNITS = frozenset({"ms", "s", "sec", "secs", "seconds", "min", "mins", "minutes", "h", "hrs", "hours"} | {
    u.lower() for u in gz.UNITS
})


def _comparative(tok) -> bool:
    """A comparative adjective or adverb as tagged ("lower", "simpler", "more"), not a noun the tagger
    read as one for its "-er" ("outlier" of "outlier ratio")."""
    return tok.tag_ in ("JJR", "RBR") and tok.lower_ not in _ER_NOUNS


#: Nouns ending in "-er" that the tagger reads as comparatives before another noun (general English;
#: in the train split: "outlier", "classifier", "compiler"; every other "-er" word it tagged so there
#: is a comparative: "simpler", "closer", "broader", "finer").
_ER_NOUNS = _wordset(
    """
    outlier classifier compiler encoder decoder transformer learner sampler optimizer scheduler tokenizer
    parser planner controller discriminator generator filter layer cluster vernier fiber
    """
)


#: Words before a measure that say whose figure it is or how good ("the published F1", "superhuman speed").
_AS_REPORTED = frozenset({"published", "reported", "record", "recorded", "superhuman", "nontrivial"})
#: How good a figure is ("achieve competitive error compared to ..."; no measure the train annotations name starts so).
_HOW_GOOD = frozenset(
    "competitive comparable superior favorable favourable satisfactory excellent outstanding remarkable impressive "
    "promising decent reasonable acceptable good poor".split()
)
#: How a bound on a measure grows (online learning and optimisation: "sublinear regret").
_HOW_IT_GROWS = frozenset({"vanishing", "sublinear", "diminishing", "bounded"})
#: Kinds of approximation a tolerance's symbol goes with ("ε-relative", "δ-additive").
_TOLERANCES = frozenset({"relative", "additive", "multiplicative", "approximate"})
#: Words before "precision" that make it a number format ("4-bit", "half", "mixed", "FP16").
_NUMBER_FORMAT = re.compile(
    r"\d+-bits?|[a-z]+-bits?|bits?|half|full|mixed|single|double|low|reduced|ternary|binary|arbitrary|"
    r"fixed|floating|floating-point|numerical|numeric|machine|finite|fp\d+|int\d+|bf16"
)


#: Metric heads that name many things besides a reported measure (model-internal "attribution
#: scores", "the time efficiency" of a background statement): kept only with a number, "in
#: terms of" or a measure word in the sentence.
_WEAK_METRIC_HEADS = _wordset(
    "score scores ratio ratios complexity efficiency throughput latency errors rates"
)
#: Words inside or right before a rate or ratio that make it a setting, not a measure ("pruning rates").
_SETTING_MODIFIERS = _wordset(
    """
    learning dropout pruning sampling masking mask mixing noise decay predefined label labeled labelled
    labeling labelling annotation
    pre-defined given fixed target desired specified
    """
)
#: First words of a metric phrase that describe a value or an objective rather than name a measure.
_FOLDED_MODIFIERS = _wordset(
    """
    expected sublinear linear logarithmic optimal minimax near-optimal suboptimal ultra-low model models
    system overall desired art sub-linear super-linear superlinear
    """
)


def _quantity(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is a reported number (not a list marker "1)" or a year).

    Example:
        >>> _quantity(nlp("It reaches 85.3% accuracy."), 2)  # doctest: +SKIP
        True
    """
    tok = doc[i]
    if tok.text == "%":
        return True
    if not tok.like_num or not any(c.isdigit() for c in tok.text) or re.fullmatch(r"(19|20)\d\d", tok.text):
        return False
    nxt = doc[i + 1].text if i + 1 < len(doc) else ""
    prev = doc[i - 1].text if i > 0 else ""
    return not (nxt == ")" or prev == "(" and nxt == ")")


#: A measure word in the sentence: the phrase is what the paper measures with.
_MEASURE_WORDS = re.compile(r"\b(metrics?|measur\w*)\b", re.IGNORECASE)
#: Evaluation verbs and comparisons: enough for a phrase with a strong metric head ("... accuracy").
_REPORT_WORDS = re.compile(
    r"\b(evaluat\w*|assess\w*|achiev\w*|attain\w*|reports?|reported|outperform\w*|surpass\w*|improv\w*|"
    r"boost\w*|state-of-the-art|sota|results?|experiment\w*|compar\w*|higher|lower|better|worse)\b",
    re.IGNORECASE,
)


def measured(doc: Doc, start: int, end: int) -> bool:
    """Whether the sentence of ``doc[start:end]``, a phrase with a metric head, reports or evaluates with it.

    Evidence: "in terms of X", a number near the phrase, a measure word ("metric", "measured")
    in the sentence, or, for heads that are mostly measures ("accuracy", "error rate"), an
    evaluation verb or comparison. A setting word ("pruning rates", "a predefined ratio")
    rules the phrase out.

    Example:
        >>> measured(nlp("Our model reaches a word error rate of 2.9%."), 4, 7)  # doctest: +SKIP
        True
        >>> measured(nlp("Words with higher attribution scores are keywords."), 3, 5)  # doctest: +SKIP
        False
    """
    words = [w.lower() for w in _words(doc, start, end)]
    before = doc[start - 1].lower_ if start > 0 else ""
    if before in _SETTING_MODIFIERS or any(w in _SETTING_MODIFIERS for w in words[:-1]):
        return False
    if words[0] in _FOLDED_MODIFIERS or words[0].endswith(("-optimal", "-low", "-high")):
        return False  # "sublinear regret", "order-optimal sample complexity": the measure is the head
    if start < title_end_index(doc):
        return False  # a title fragment ("... with Optimal Complexity")
    if any(
        t.tag_ in {"VBZ", "VBD", "VBP", "MD"} or t.tag_ == "NNS" and not t.lower_.endswith(("ss", "is", "us"))
        for t in doc[start : end - 1]
    ):
        return False  # "CSC-TM maintains accuracy": a clause (a plural modifier is a misread verb)
    sent = doc[start].sent
    rest = doc[sent.start : start].text + " " + doc[end : sent.end].text
    if _metric_context(doc, start) or _MEASURE_WORDS.search(rest):
        return True
    window = doc[max(sent.start, start - 8) : min(sent.end, end + 8)]
    if any(_quantity(doc, t.i) and not start <= t.i < end for t in window):
        return True
    named = any(is_name_like(w) or (w.isupper() and len(w) > 1) for w in _words(doc, start, end)[:-1])
    weak = words[-1] in _WEAK_METRIC_HEADS and not named  # "IDF1 score" names a measure
    return not weak and bool(_REPORT_WORDS.search(sent.text))


#: Words before "network(s)" that make a kind of network a researcher names ("convolutional
#: networks", "Bayesian networks"); other lower-case "X network" phrases describe a component.
_NETWORK_KINDS = _wordset(
    """
    neural convolutional recurrent bayesian belief graph siamese adversarial residual feed-forward
    feedforward capsule spiking hopfield pointer highway markov sum-product tensor kohonen
    """
)


def _named_network(doc: Doc, start: int, end: int) -> bool:
    """False for a lower-case "X network(s)" phrase that describes a component, else True.

    Example:
        >>> _named_network(nlp("We use graph neural networks."), 2, 5)  # doctest: +SKIP
        True
        >>> _named_network(nlp("We train a demosaicing network."), 3, 5)  # doctest: +SKIP
        False
    """
    words = _words(doc, start, end)
    if words[-1].lower() not in {"network", "networks"} or len(words) < 2:
        return True
    return words[-2].lower() in _NETWORK_KINDS and token_view(doc).tag[start] not in {"VBG", "VBN"}


#: Generic heads that make a task-headed phrase the description of a system ("X recommendation framework").
_SYSTEM_HEADS = _wordset(
    "framework frameworks system systems algorithm algorithms architecture method methods approach model models "
    "pipeline module"
)
#: Heads of phrases that name a technique in one sentence and a problem in another.
_PROBLEM_HEADS = _wordset("learning optimization optimisation search programming")
_PROBLEM_BEFORE = _wordset("for in to towards toward of")
_PROBLEM_AFTER = _wordset("problem problems task tasks setting settings")
_ONE_PROBLEM = _wordset("problem task setting")
#: The nouns of an apposition that makes a defined name a problem ("X (XY), the task of ..."): a
#: setting so named is often a model of the data ("Local Differential Privacy (LDP), a setting in which").
_APPOSED_PROBLEM = _wordset("problem task")
#: Tasks set only to train a model ("an auxiliary task in which the policy learns ..."): a method's part.
_TRAINING_TASKS = _wordset("auxiliary pretext proxy surrogate")


def _problem_context(doc: Doc, start: int, end: int) -> bool:
    """Whether a technique-headed phrase is used as the problem: "methods for X learning",
    "regret bounds in online X optimization", "the X learning problem".

    Example:
        >>> _problem_context(nlp("We study methods for few-shot concept learning."), 4, 7)  # doctest: +SKIP
        True
    """
    lower = token_view(doc).lower
    after = lower[end] if end < len(lower) else ""
    before = lower[start - 1] if start > 0 else ""
    return after in _PROBLEM_AFTER or before in _PROBLEM_BEFORE


def _title_case(name: str) -> bool:
    """Whether most words of a name are capitalised ("Self-Correction GUI Navigation"): a named thing."""
    words = name.split()
    return len(words) > 1 and sum(w[:1].isupper() for w in words) >= len(words) - 1


def _resolve(cands: list[Mention]) -> list[Mention]:
    """Keep non-overlapping mentions: abbreviations first, then longer, then more trusted, then earlier."""
    cands.sort(key=lambda m: (not m.definition, -(m.end - m.start), -m.priority, m.start))
    taken: set[int] = set()
    kept = []
    for m in cands:
        toks = range(m.start, m.end)
        if any(i in taken for i in toks):
            continue
        taken.update(toks)
        kept.append(m)
    kept.sort(key=lambda m: m.start)
    # one type per name: the type of the most trusted mention
    best: dict[str, Mention] = {}
    for m in sorted(kept, key=lambda m: (not m.cued, m.priority < 5, -m.priority)):
        best.setdefault(merge_key(m.name), m)
    for m in kept:
        m.type = best[merge_key(m.name)].type
        m.name = best[merge_key(m.name)].name
    # "IDF1" is the metric of "IDF1 score"
    metric_stems = {
        merge_key(re.sub(r"\s+(score|scores|metric)$", "", m.name)) for m in kept if m.type == METRIC
    }
    for m in kept:
        if m.type == METHOD and merge_key(m.name) in metric_stems:
            m.type = METRIC
    # the title's problem written shorter or with a generic word in the body ("video recognition"
    # for "General Video Recognition") is the same entity; another problem with the same head word
    # ("age estimation" beside "Facial Trait Estimation") is not
    heads = {}
    for m in kept:
        if m.title_task:
            heads.setdefault(merge_key(m.name.split()[-1]), m.name)
    for m in kept:
        if m.type == TASK and m.priority <= 1 and " " in m.name and not _title_case(m.name):
            head = merge_key(m.name.split()[-1])
            if head in heads and head not in {"task", "problem"} and _variant_of(m.name, heads[head]):
                m.name = heads[head]
    return kept


def _variant_of(phrase: str, title_task: str) -> bool:
    """Whether every word of ``phrase`` before its head is a word of ``title_task`` or generic.

    Example:
        >>> _variant_of("video recognition", "General Video Recognition")
        True
        >>> _variant_of("age estimation", "Facial Trait Estimation")
        False
    """
    title_words = {w.lower() for w in text_words(title_task)}
    return all(w.lower() in title_words or w.lower() in GENERIC_MODIFIERS for w in text_words(phrase)[:-1])


@Language.factory("kg_entities")
def make_entity_recognizer(nlp: Language, name: str) -> EntityRecognizer:
    return EntityRecognizer(nlp, name)
