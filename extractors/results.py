"""Reported results: (model or method, benchmark, metric, value) from abstract sentences.

The rules are pure functions of one sentence (:func:`find_results`), optionally helped
by the entity mentions of ``doc.spans["kg_entities"]`` (labels Model, Method, Dataset,
Benchmark, Metric). Without them, local cues stand in: a name (capitalised or
alphanumeric tokens) after "on", a metric word after the number, a name before
"reaches"/"achieves".

Recognised::

    Llama3.1-8B reaches a 29.44 win rate on AlpacaEval 2.0   -> 29.44, win rate, AlpacaEval 2.0, Llama3.1-8B
    accuracy increases from 70.8% to 77.7% on ProcessBench    -> 77.7 %, accuracy, ProcessBench
    o1-mini achieves 96.2% pass@1 on HumanEval                -> 96.2 %, pass@1, HumanEval, o1-mini
    an accuracy of 85.2% on GSM8K                             -> 85.2 %, accuracy, GSM8K

Numbers that are not results are rejected: years (2023), sizes (8B, 13K, 37x), counts
("12 tasks", "1,000 examples"), version numbers ("AlpacaEval 2.0", "Llama 3"),
numbers inside citations, and differences ("improves by 5.3 points", "+4.2%",
"a 9% improvement"): a difference is not a score on a benchmark, so it is skipped.

The component ``kg_results`` writes ``doc.spans["kg_results"]`` (label RESULT, the
value with its unit); :func:`results_from_doc` gives :class:`schema.ResultRecord` objects.
"""
from __future__ import annotations

import re
import weakref
from collections.abc import Iterable, Sequence

from spacy.language import Language
from spacy.tokens import Doc

from extractors.learned import LEARNED
from extractors.spans import CharSpanFinder
from schema import Paper, Provenance, ResultRecord

SPAN_KEY = "kg_results"
ENTITY_SPAN_KEY = "kg_entities"
EXTRACTOR = "kg_results"

#: Well-known evaluation metrics (general knowledge), longest first when matched.
METRIC_WORDS: tuple[str, ...] = (
    "length-controlled win rate", "length controlled win rate", "lc win rate", "win rate", "win-rate",
    "win rates", "success rate", "pass rate", "solve rate", "resolve rate", "resolved rate", "error rate",
    "exact match", "top-1 accuracy", "top-5 accuracy", "accuracy", "accuracies", "acc", "f1 score", "f1-score",
    "macro-f1", "micro-f1", "f1", "bleu", "bleu-4", "rouge-l", "rouge-1", "rouge-2", "rouge", "meteor", "cider",
    "em", "map", "miou", "iou", "auc", "auroc", "ndcg", "mrr", "perplexity", "ppl", "spl", "iqm", "elo", "fid",
    "psnr", "ssim", "wer", "cer", "recall", "precision", "score", "scores", "pass@k", "mae", "rmse", "mse",
)
_METRIC_RE = re.compile(
    r"(?<![\w@&-])(?:(?:average|mean|overall|absolute|relative|top-\d)\s+)?"
    r"(?:pass@\d+|hits@\d+|recall@\d+|top-\d+(?=\s+(?:on|in|at|and|,))|" + "|".join(re.escape(w) for w in sorted(METRIC_WORDS, key=len, reverse=True)) + r")(?![\w@-])",
    re.I,
)
#: "score" as a verb; "score of", "score =" is the noun.
_SCORE_FORMS = r"scor(?:ed|ing)|scor(?:es|e)(?!\s*(?:of\b|=|:))"
#: Verbs that introduce a reported score.
_RESULT_VERBS = (
    r"reach(?:es|ed|ing)?|achiev(?:es|ed|ing|e)|attain(?:s|ed|ing)?|obtain(?:s|ed|ing)?|" + _SCORE_FORMS + "|"
    r"gets?|got|yield(?:s|ed|ing)?|record(?:s|ed|ing)?|hit(?:s|ting)?|deliver(?:s|ed|ing)?|"
    r"sets?|report(?:s|ed)?|show(?:s|ed|ing)?|demonstrat(?:es|ed|ing)|perform(?:s|ed)?|"
    r"boost(?:s|ed|ing)?|improv(?:es|ed|ing|e)|rais(?:es|ed|ing|e)|increas(?:es|ed|ing|e)|elevat(?:es|ed|ing|e)|"
    r"lift(?:s|ed|ing)?|push(?:es|ed|ing)?|go(?:es)?|went|ris(?:es|e)|rose|jump(?:s|ed)?"
)
_VERB_RE = re.compile(rf"\b(?:{_RESULT_VERBS})\b", re.I)
#: A number with an optional unit.
_NUMBER = re.compile(r"(?P<sign>[+\u00b1]|(?<![\w.])[-\u2212])?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?P<unit>\s?\\?%|\s?(?:points?|pts|pp)\b)?")
_SIZE_SUFFIX = re.compile(r"^(?:[BMKTbkm]\b|\s?(?:[xX×](?!\w)|-?fold\b)|\s?(?:billion|million|thousand|trillion|parameters|params|tokens|hours?|days?|seconds?|ms|fps|FPS|gpus?|times)\b|-?(?:shot|step|hop|turn|layer|bit|dim|dimensional|way)s?\b)")
#: Words after a number showing it is a difference, not a score.
_DELTA_AFTER = re.compile(
    r"^\s*(?:%|points?|pts|pp)?\s*\)?\s*(?:\([^()]{1,30}\)\s*)?(?:(?:on|in)\s+average\s+)?(?:of\s+)?(?:[\w@-]+\s+){0,3}?(?:absolute\s+|relative\s+|average\s+|overall\s+|performance\s+|accuracy\s+)*"
    r"(?:improvements?|gains?|increases?|boosts?|higher|lower|better|worse|more|less|fewer|reductions?|decreases?|drops?|"
    r"faster|slower|increments?|advantages?|margins?|lead|over|above|below|relative|absolute|compression|speed-?ups?|"
    r"superior|inferior)\b",
    re.I,
)
_DELTA_BEFORE = re.compile(
    r"(?:\bby(?:\s*,\s*(?:on|in)\s+average\s*,)?|\bof\s+(?:up\s+to|about|around|nearly|over)|\bmargin\s+of|\bgains?\s+of|\bimprovements?\s+of|\bincreases?\s+of|\bgaps?\s*(?:of|\())"
    r"(?:\s+(?:up\s+to|an?\s+average\s+of|average|about|around|approximately|nearly|almost|over|roughly|more\s+than|at\s+least|as\s+much\s+as))*\s*$",
    re.I,
)
_DELTA_VERB_BEFORE = re.compile(
    r"\b(?:reduc|sav|cut|lower|shrink|compress|accelerat|speed|gain|los[es]|lost|drop|outperform|surpass|exceed)\w*\s+"
    r"(?:by\s+)?(?:up\s+to\s+|about\s+|around\s+|over\s+|nearly\s+|more\s+than\s+)?$", re.I)
_COUNT_NOUN = re.compile(r"^\s*(?:[a-z][\w-]*\s+){0,2}?(?:[a-z][\w-]*s|data|people|data\s*sets?)\b")
#: After a percentage: a share of data or a saving, not a score ("10% of the training data", "65% space savings").
_SHARE_AFTER = re.compile(
    r"^\s*(?:(?:and|or|,)\s+[\d.]+\s?%\s+)?(?:of\s+(?:the|all|its|their|our|these|those|[\w.-]+'s)(?!\w)|"
    r"of\s+(?:[\w-]+\s+){0,2}?(?:data|parameters|params|samples|examples|"
    r"tokens|labels|annotations|training|compute|memory|cost|time|layers|weights|neurons|queries|inputs|flops)\b|"
    r"(?:fewer|less|more|smaller|larger|faster|slower|cheaper)\b|"
    r"(?:[\w-]+\s+){0,2}?(?:savings?|reductions?|speed-?ups?|compression|overhead|sparsity|loss|drop|decrease|"
    r"increase|improvement|gain)\b)",
    re.I,
)
#: After a percentage: a resource, not a score ("50% parameters", "60% required GPU memory").
_RESOURCE_AFTER = re.compile(
    r"^\s*(?:[\w-]+\s+){0,2}?(?:parameters|params|memory|gpu|compute|flops|areas?|pixels|tokens|data|samples|"
    r"storage|energy|budget|cost|time)\b", re.I)
_FROM_TO = re.compile(r"\bfrom\s+[+-]?\d+(?:\.\d+)?\s?%?\s+to\s*$", re.I)
_NAME_TOKEN = r"(?:[A-Z][\w@+./'-]*|[a-z][\w@+'-]*[A-Z0-9][\w@+./'-]*|\d[\w@+.-]*[A-Za-z][\w@+.-]*)"
#: A benchmark named after a preposition: "on AlpacaEval 2.0", "on the MATH benchmark".
_BENCH_AFTER = re.compile(
    rf"^\s*(?:%|points?)?\s*(?:(?!(?:but|and|while|which|that|whereas|compared|than)\b)[\w@-]+\s+){{0,3}}?(?:on|in|at|of)\s+(?:the\s+)?(?:challenging\s+|popular\s+|standard\s+|widely[- ]used\s+)?"
    rf"(?P<name>{_NAME_TOKEN}(?:\s+(?:{_NAME_TOKEN}|\d+(?:\.\d+)?(?![\w%])))*)"
)
_BENCH_BEFORE = re.compile(rf"^\W*(?:On|In|For)\s+(?:the\s+)?(?P<name>{_NAME_TOKEN}(?:\s+{_NAME_TOKEN})*)\s*(?:benchmark|dataset|test\s+set)?\s*,")
_SUBJECT_BEFORE_VERB = re.compile(
    rf"(?P<name>{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{0,2}})(?:\s+(?:with|using|via)\s+[\w\s-]{{1,30}}?)?\s*,?\s+(?:also\s+|further\s+|only\s+|still\s+|now\s+)?"
    rf"(?:{_RESULT_VERBS})\b(?:[^.;]|\.\d)*$"
)
_GENERIC_NAMES = {
    "we", "our", "it", "this", "the", "these", "experiments", "experimental", "results", "extensive", "empirical",
    "notably", "remarkably", "specifically", "finally", "moreover", "furthermore", "overall", "for", "in", "on",
    "with", "using", "compared", "additionally", "surprisingly", "strikingly", "however", "thus", "as", "by",
    "benchmark", "benchmarks", "dataset", "datasets", "average", "sota", "state-of-the-art", "example", "instance",
    "llm", "llms", "lms", "vlms", "mllms", "lvlms", "models", "agents", "humans", "baselines", "methods",
}
#: Names that look like models, not benchmarks: sizes ("8B", "70B") and well-known model families.
#: Well-known backbone families (general knowledge).
_BACKBONES = (
    "ResNet|ResNeXt|WideResNet|WRN|VGG|ViT|DeiT|Swin|BERT|RoBERTa|MobileNet|EfficientNet|DenseNet|Inception|AlexNet|LSTM|CNN|Transformer"
)
_MODEL_LIKE = re.compile(
    rf"\d+(?:\.\d+)?[BMT]\b|\b(?:GPT|Llama|LLaMA|Qwen|Mistral|Mixtral|Claude|Gemini|Gemma|DeepSeek|Phi|Falcon|Vicuna|o1|o3|o4|{_BACKBONES})(?![a-z])",
)
#: A backbone: a score "for ResNet-50" is the method's on that backbone.
_BACKBONE = re.compile(rf"\b(?:{_BACKBONES}|CaffeNet)")
_BENCH_TAILS = re.compile(r"\s+(?:benchmarks?|datasets?|test\s+sets?|tasks?|splits?|leaderboard|suite|with|and|using|by|while|when|our|its|their)$", re.I)
_PAREN_SUBJECT = re.compile(rf"(?P<name>{_NAME_TOKEN}(?:\s+{_NAME_TOKEN})?)(?:\s+(?:baselines?|models?|methods?|approach))?\s*\(\s*$")
_CITATION_PAREN = re.compile(r"\([^()]*(?:et\s+al|19\d\d|20\d\d)[^()]*\)")
#: A lower-case noun right after a name: the name modifies it ("on API prediction"), it is no benchmark.
_TASK_NOUN_AFTER = re.compile(
    r"^\s+(?!(?:with|and|or|while|using|for|when|compared|which|that|by|than|to|in|on|at|of|the|an?|as|after|"
    r"without|where|whereas|but|over|under|across|from|respectively|benchmarks?|datasets?|tasks?|test|splits?|set)\b)[a-z][a-z-]+")
_METRIC_NOUN_AFTER = re.compile(r"^\s*(?:metrics?|measures?|scores?)\b", re.I)
_RESPECTIVELY = re.compile(r"\brespectively\b", re.I)
#: Where a clause starts: a number's clause runs from the last of these to the number.
_CLAUSE_START = re.compile(r"[;:,]|\s[-\u2013\u2014]\s|\b(?:while|whereas|but|although|though|which|where)\b", re.I)
#: Words in a number's clause showing it is a difference, a tolerance or a change, not a score
#: ("improvements of up to 0.8", "the greatest difference is 1.2%", "within 2% accuracy points").
_DIFF_CUE = re.compile(
    r"\b(?:improv\w*|gains?|outperform\w*|surpass\w*|exceed\w*|differen\w*|within|margins?|lag\w*|"
    r"drops?|dropp\w*|degrad\w*|reduc\w*|decreas\w*|increas\w*|boost\w*|enhanc\w*|higher|lower|better|worse|"
    r"advantages?|gaps?|delta|deviat\w*|errors?\s+(?:bars?|margins?)|loss(?:es)?|less|more|fewer|speed-?ups?|"
    r"relative\s+to|compared|comparison|comparable|versus|vs|than|against|existing|previous|prior|human\w*|annotators?|experts?|students?|"
    r"crowd\w*|random|chance|oracle|upper\s+bound|up\s+to)(?![\w-])", re.I)
#: A change named with its metric just before the number ("an improvement in mIoU of", "by mAP of").
_OTHER_ACTOR = re.compile(
    r"\b(?:state-of-the-art|sota|previous|existing|prior|baseline|competing|conventional|traditional|current|other|recent)\b"
    r"(?:[\s\w-]{0,40}?)\b(?:methods?|approach(?:es)?|models?|systems?|works?|baselines?|techniques?|detectors?|parsers?|algorithms?)"
    r"\s+(?:only\s+|still\s+|also\s+|just\s+|can\s+|could\s+|have\s+|has\s+|had\s+)?(?:" + _RESULT_VERBS + r")\b(?:(?!\b(?:we|our|ours)\b)[^;])*$", re.I)
_COMPARED_BEFORE_PAREN = re.compile(
    r"\b(?:than|compared\s+(?:to|with)|vs\.?|versus|outperform\w*|surpass\w*|over|by|margins?|gains?|improvements?)\s+(?:[\w.-]+\s+){0,5}$", re.I)
_CHANGE_OF_METRIC = re.compile(
    r"(?:\b(?:improv\w*|gains?|increas\w*|decreas\w*|reduc\w*|drops?|boost\w*|enhanc\w*|differen\w*)\s+(?:in|of|on)|\bby)"
    r"\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:" + _METRIC_RE.pattern + r")(?:\s+\([\w@-]+\))?\s*(?:of|by|=|:)?\s*(?:about\s+|around\s+|up\s+to\s+)?$", re.I)
#: Verbs that credit a score to what comes before them (not "improves", which may credit a change).
_SCORE_VERB = re.compile(
    r"\b(?:reach(?:es|ed|ing)?|achiev(?:es|ed|ing|e)|attain(?:s|ed|ing)?|obtain(?:s|ed|ing)?|" + _SCORE_FORMS + "|"
    r"gets?|got|yield(?:s|ed|ing)?|record(?:s|ed|ing)?|deliver(?:s|ed|ing)?|sets?|hit(?:s|ting)?)\b", re.I)
#: Just before a number: an explicit score cue ("accuracy of", "F1 =", "to", "from 57% to").
_SCORE_CUE_BEFORE = re.compile(
    r"(?:(?:" + _METRIC_RE.pattern + r")(?:\s+\([\w@-]+\))?\s*(?:of|=|:|is|was|at|reaching)|(?<!up )(?<!compared )(?<!relative )(?<!close )\bto|\bfrom\s+[\d.]+\s?%?\s+to)"
    r"\s*(?:an?\s+|about\s+|around\s+|nearly\s+|over\s+|approximately\s+)?$", re.I)
#: Words after a number naming someone else's score ("90.8 for humans", "93% by experts").
_OTHER_AFTER = re.compile(r"^\s*(?:%|points?)?\s*(?:[\w@-]+\s+){0,3}?(?:for|by|of|from)\s+(?:the\s+)?(?:\w+\s+)?"
                          r"(?:humans?|annotators?|experts?|students?|people|crowd\w*|random|chance|oracle)\b", re.I)
#: Before a subject: a preposition showing the name is a backbone, a tool or a baseline, not the actor.
_NOT_ACTOR_BEFORE = re.compile(r"\b(?:with|using|of|on|for|in|from|via|by|upon|over|than|under|and|or|to|into|based|atop|like|as)\s+(?:[a-z][\w-]*\s+){0,4}$", re.I)
_NOT_ACTOR_AFTER = re.compile(r"^\s*(?:backbones?|encoders?|features?|architectures?|baselines?)\b", re.I)


def _is_metric(name: str) -> bool:
    """True when ``name`` ends with a metric word ("Length-controlled Win Rates")."""
    found = [m for m in _METRIC_RE.finditer(name)]
    return bool(found) and found[-1].end() == len(name.rstrip())


def _clean_subject(name: str) -> str | None:
    name = name.strip()
    return None if _is_generic(name) else name


def _label_of(label: str) -> str:
    return label.capitalize() if label else label


def _clean_name(name: str) -> str:
    name = re.split(r"[.,;:](?:\s|$)|\.(?=[A-Z][a-z]{2,})", name.strip())[0]
    name = name.strip().strip(",;:.()\"'")
    prev = None
    while prev != name:
        prev = name
        name = _BENCH_TAILS.sub("", name).strip()
    return name


def _is_generic(name: str | None) -> bool:
    return not name or name.split()[0].lower() in _GENERIC_NAMES or name.lower() in _GENERIC_NAMES


def _inside(pos: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


def _clause_before(before: str) -> str:
    """The part of ``before`` in the same clause as what follows it.

    Example:
        >>> _clause_before("It improves recall, reaching an accuracy of ")
        ' reaching an accuracy of '
    """
    depth, opened = 0, -1
    for i in range(len(before) - 1, -1, -1):  # an open "(" before: its content belongs to the clause before it
        if before[i] == ")":
            depth += 1
        elif before[i] == "(":
            if depth == 0:
                opened = i
                break
            depth -= 1
    if opened >= 0:
        return _clause_before(before[:opened]) + before[opened:]
    starts = [m.end() for m in _CLAUSE_START.finditer(before)]
    return before[starts[-1]:] if starts else before


def _is_change(before: str, after: str, clause: str | None = None) -> bool:
    """Whether a number is a difference, a tolerance or another's score, from its clause.

    True when its clause names a change or a comparison ("improvements of up to",
    "the greatest difference is", "within", "compared with humans") after the last verb
    crediting a score, and no explicit score cue ("accuracy of", "to", "from a to")
    introduces the number; or when the words after it credit someone else ("for humans").

    ``clause`` is ``_clause_before(before)`` when the caller has it already.

    Example:
        >>> _is_change("the greatest average difference is ", "% accuracy."), _is_change("X achieves an accuracy of ", "%.")
        (True, False)
    """
    clause = _clause_before(before) if clause is None else clause
    if _OTHER_AFTER.match(after) or _is_others(clause):
        return True
    if _CHANGE_OF_METRIC.search(clause) or re.search(r"\bby\s+(?:up\s+to\s+|about\s+|around\s+)?[\d.]+", clause, re.I):
        return True
    opened = before.rfind("(")
    if opened > before.rfind(")") and _COMPARED_BEFORE_PAREN.search(before[:opened]):
        return True  # "slower than linear SVM (which yields only 91%)"
    cues = list(_DIFF_CUE.finditer(clause))
    if not cues or _SCORE_CUE_BEFORE.search(clause):
        return False
    verbs = [v.start() for v in _SCORE_VERB.finditer(clause)]
    return not verbs or verbs[-1] < cues[-1].start()


def _is_others(clause: str) -> bool:
    """Whether the actor of the number's clause (:func:`_clause_before`) is someone else's system
    ("the previous best method achieves").

    Example:
        >>> _is_others(" the state-of-the-art attack method only achieves "), _is_others("Our method achieves ")
        (True, False)
    """
    return bool(_OTHER_ACTOR.search(clause))


def _unit(m: re.Match) -> str:
    """The unit of a number match, "%" also when LaTeX escapes it ("86\\%")."""
    return (m.group("unit") or "").strip().lstrip("\\")


#: An order of growth still open before a number ("O(1/", "\\Theta(d", "\\tilde{O}(").
_ORDER_OPEN = re.compile(r"(?:\b[OoΘΩ]|\\(?:Theta|Omega|tilde\{O\}|widetilde\{O\}|mathcal\{O\}))\s*\((?:[^()]|\([^()]*\))*$")


def _reject_number(sentence: str, m: re.Match, protected: Sequence[tuple[int, int]]) -> str | None:
    """Why the number of ``m`` is not a result (None when it may be one)."""
    num, unit = m.group("num"), _unit(m)
    start, end = m.start("num"), m.end()
    before, after = re.sub(r"\$\s*$", "", sentence[:m.start()]), sentence[end:]  # "by over $10\%$": LaTeX math
    if _inside(start, protected):
        return "part of a name or citation"
    if before and (before[-1].isalpha() or before[-1] in "@/_.") or (before.endswith("-") and len(before) > 1 and before[-2].isalnum()):
        return "part of a name"
    if not unit and re.match(r"^[A-Za-z]", sentence[m.end("num"):]):
        return "a size or name (8B, 37x)"
    if not unit and _SIZE_SUFFIX.match(after):
        return "a size or amount"
    if re.match(r"^\s*(?:\^|[x\u00d7]\s*\d)|^\s*(?:resolution|pixels|px)\b", after):
        return "a size or amount"  # "at 1024^2 resolution", "512x512"
    if m.group("sign") in {"+", "\u00b1"}:
        return "a difference"
    if unit == "%" and (_SHARE_AFTER.match(after) or _RESOURCE_AFTER.match(after)):
        return "a share of data or a saving"
    if re.search(r"\b(?:less|fewer)\s+than|\b(?:below|above|under|close\s+to|at\s+(?:most|least))\s*$", before, re.I):
        return "a bound"
    if re.search(r"\b(?:tends?|tending|converges?|converging|goes|going)\s+to\s*$", before, re.I):
        return "a limit"  # "as the error rate tends to $0$"
    if re.match(r"^\s*/\s*\d", after):
        return "a fraction"  # "a precision of 1/30th of a pixel"
    if re.search(r"\^\s*[({]?\s*$", before) or _ORDER_OPEN.search(before):
        return "an exponent or order of growth"  # "a regret of O(d^(4.5) sqrt(n))", "O(n log n)"
    is_int = "." not in num
    if is_int and not unit and 1900 <= int(num.replace(",", "")) <= 2099:
        return "a year"
    if not unit and re.search(r"(?:[A-Z][\w-]*|\bv|\bversion)\s*$", before) and not re.search(r"\b(?:of|is|was|at|to|from|reaches|achieves)\s*$", before, re.I):
        return "a version number"
    if _DELTA_BEFORE.search(before) or _DELTA_AFTER.match(after) or _DELTA_VERB_BEFORE.search(before):
        return "a difference"
    if re.search(r"[<>\u2264\u2265~\u2248]\s*$", before):
        return "a bound"
    if re.search(r"\branging\s+from\s+[\d.]+\s?%?\s+to\s*$", before, re.I) or (
        re.search(r"\d\s?%?\s+to\s*$", before) and not re.search(r"\bfrom\s+[\d.]+\s?%?\s+to\s*$", before, re.I)
    ):
        return "a range"  # "ranging from 1.7% to 15.5%", "(5.2% to 31.1% error rate)"
    if re.search(r"\b(?:desired|required|requirements?)\b", before, re.I) or re.search(r"\b(?:e\.g\.|i\.e\.|such\s+as),?\s*\$?\s*$", before, re.I):
        return "a target or an example"  # "thresholds are set to a desired TPR, e.g., 95%"
    if re.search(r"\bat\s+an?\s*$", before, re.I):
        return "a setting"  # "1-2% error at a 10% reject rate": the operating point
    if re.match(r"^\s?%?\s*to\s+[+-]?\d", after) or (
        re.search(r"\bbetween\s*$", before, re.I) and re.match(r"^\s?%?\s*and\s+\d", after)
    ):
        return "a starting value"
    if before.rstrip().endswith("(") and _COMPARED_BEFORE_PAREN.search(before.rstrip()[:-1]) and re.search(r"\b(?:by|margins?|gains?|improvements?)\s+(?:[\w.-]+\s+){0,5}\(\s*$", before):
        return "a difference"
    if before.rstrip().endswith("(") and re.match(r"^\s*\)", after) and "." in num:
        return None  # "(19.69)": a score given in passing; kept only after a result (see find_results)
    clause = _clause_before(before)
    if _is_change(before, after, clause):
        return "a difference"
    if re.search(r"(?:^|[,;]\s*)\s*at\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}(?:of\s+)?$", before, re.I):
        return "a setting"  # "At a compression rate of 0.098 bpp, ...": a condition, not a score
    if not (_VERB_RE.search(before) or _SCORE_CUE_BEFORE.search(clause)
            or (before.rstrip().endswith("(") and re.match(r"^\s*\)", after))):
        return "no score cue"  # "requirements are ... nearly 100% accuracy": nothing reports it as a score
    if not unit:
        metric_after = _METRIC_RE.match(after.lstrip())
        if not metric_after and not re.search(r"\b(?:of|to|at|reaches|reached|achieves|achieved|scores?|scored|with)\s+(?:an?\s+)?$", before, re.I):
            return "a count or bare number"
        if is_int and not metric_after and (_COUNT_NOUN.match(after) or re.match(r"^\s+[a-z]", after)):
            return "a count"
    if is_int and not unit and _COUNT_NOUN.match(after) and not _METRIC_RE.match(after.lstrip()):
        return "a count"
    return None


def _metric_near(sentence: str, start: int, end: int, entities: Sequence[tuple[int, int, str]]) -> str | None:
    """The metric of the number at ``start:end``: after it, or before "from ... to"/"of". A measure
    named after the number is not its own when the number is the value of a measure named just before
    it ("a precision of 0.7373 recall of 0.61": 0.7373 is precision's). The verb "map" is no mAP."""
    after = _metric_after(sentence, end, entities)
    if after and _VALUE_OF.search(sentence[max(0, start - 60) : start]):
        metric = _metric_before(sentence, start, entities) or after
    else:
        metric = after or _metric_before(sentence, start, entities)
    return None if metric == "map" else metric


#: A measure's name just before "of", "=" or ":" and the number: "MAE of", "Precision of", "F1 =".
_VALUE_OF = re.compile(
    r"(?:" + _METRIC_RE.pattern + r"|(?-i:\b[A-Z][\w@-]*[A-Z][\w@-]*))\s*(?:of|=|:)\s*(?:an?\s+|about\s+|around\s+|nearly\s+)?$",
    re.I,
)


def _metric_after(sentence: str, end: int, entities: Sequence[tuple[int, int, str]]) -> str | None:
    """A metric named just after the number ("87.5% accuracy", "a gain of 2.1 BLEU")."""
    after = sentence[end:]
    for s, e, label in entities:
        if label == "Metric" and end <= s <= end + 4 and not re.search(r"[,;]", sentence[end:s]):
            return sentence[s:e]
    m = _METRIC_RE.match(after.lstrip())
    if m:
        return m.group(0)
    m = re.match(r"^\s*(?:in|on)\s+(?:the\s+)?(?P<m>(?:[\w-]+\s+){0,2}?" + _METRIC_RE.pattern + r")\s+of\b", after, re.I)
    if m:
        return m.group("m")
    return None


def _metric_before(sentence: str, start: int, entities: Sequence[tuple[int, int, str]]) -> str | None:
    """A metric named just before the number ("accuracy of 87.5%", "F1 from 80.1 to")."""
    before = sentence[:start]
    window = before[-80:]
    cands = [  # a metric named just before, with no other number in between ("accuracy of 87.5%, sensitivity of 86.7%")
        (s, e) for s, e, label in entities
        if label == "Metric" and e <= start and start - e <= 60 and not re.search(r"\d", sentence[e:start])
    ]
    if cands:
        s, e = cands[-1]
        return sentence[s:e]
    m = re.search(r"(?P<m>" + _METRIC_RE.pattern + r")(?:\s+(?![\d.]+\b)[\w.-]+){0,5}?\s+(?:from\s+[\d.]+\s?%?\s+to|of|at|reaching|to|is|was|=|:)\s*(?:an?\s+|about\s+|around\s+|nearly\s+|over\s+)?$", window, re.I)
    if m:
        return _named_score(window[: m.start("m")], m.group("m"))
    return None


#: The name of a score just before the word "score" ("an F0.5 score of 76.05", "the SARI score of"):
#: a word with a digit or two capitals; an ordinary word ("Our score") is no name.
_SCORE_NAME = re.compile(r"(?<![\w.@+-])(?P<n>[A-Za-z][\w.@+-]{0,11})\s+$")


#: A measure's name in LaTeX math with a subscript ("$F_1$", "$F_{1}$").
_LATEX_SUBSCRIPT = re.compile(r"\$\s*([A-Za-z]+)_\{?(\w+)\}?\s*\$")


def _named_score(before: str, metric: str) -> str:
    """``metric`` with the name before it when it is a bare "score".

    Example:
        >>> _named_score("with an F0.5 ", "score"), _named_score("Our ", "score"), _named_score("an ", "accuracy")
        ('F0.5 score', 'score', 'accuracy')
        >>> _named_score("reaches $F_1$ ", "scores")
        'F1 scores'
    """
    if metric.lower() not in {"score", "scores"}:
        return metric
    before = _LATEX_SUBSCRIPT.sub(r"\1\2", before)  # "$F_1$ scores of 98%"
    m = _SCORE_NAME.search(before)
    name = m.group("n") if m else ""
    if any(c.isdigit() for c in name) or sum(c.isupper() for c in name) >= 2:
        return f"{name} {metric}"
    return metric


def _benchmark_near(sentence: str, start: int, end: int, entities: Sequence[tuple[int, int, str]], stop: int) -> str | None:
    """The benchmark of the number at ``start:end``, after it (up to ``stop``) or before it."""
    for s, e, label in entities:
        if label in {"Benchmark", "Dataset"} and end <= s < stop:  # noqa: SIM102
            between = sentence[end:s]
            if re.search(r"\b(?:on|in|at|of|for)\s+(?:the\s+)?$", between) and not re.search(r"[;,]|\d|\band\b", between):
                return sentence[s:e]
    rest = sentence[end:stop]
    for _ in range(2):  # "34.5% in the LC win rate of AlpacaEval 2.0": skip a metric named first
        m = _BENCH_AFTER.match(rest)
        if not m:
            break
        name = _clean_name(m.group("name"))
        if _is_metric(name):
            rest = rest[m.end():]
            continue
        if (name and not _is_generic(name) and not _MODEL_LIKE.search(name) and not _METRIC_NOUN_AFTER.match(rest[m.end():])
                and not _TASK_NOUN_AFTER.match(rest[rest.find(name, m.start("name")) + len(name):])):
            return name
        break
    before = sentence[:start]
    cands = [(s, e) for s, e, label in entities if label in {"Benchmark", "Dataset"} and e <= start]
    if cands:
        s, e = cands[-1]
        between = sentence[e:start]
        close_comma = re.match(r"^\s*,", between) and len(between) < 60 and not re.search(r"\d|;", between)
        near = len(between) < 80 and not re.search(r"\d|;", between)
        if re.match(r"^\s*(?:[\w@-]+\s+){0,3}(?:from|of|is|was|at|to)\s", between) or close_comma or (near and re.search(r"\b(?:on|in|for)\s+(?:the\s+)?$", sentence[:s], re.I)):
            return sentence[s:e]
    m = _BENCH_BEFORE.search(before)  # "On the AIME dataset, ...": anchored at the sentence start
    if m is not None and not _is_generic(m.group("name")):
        return _clean_name(m.group("name"))
    m = re.search(rf"(?P<name>{_NAME_TOKEN}(?:\s+{_NAME_TOKEN})?)\s+" + r"(?:" + _METRIC_RE.pattern + r")\s+from\s+[\d.]+\s?%?\s+to\s*$", before)
    if m and not _is_generic(m.group("name")):
        return _clean_name(m.group("name"))
    return None


def _subject_near(sentence: str, start: int, entities: Sequence[tuple[int, int, str]], benchmark: str | None) -> str | None:
    """The model or method credited with the number at ``start``."""
    before = sentence[:start]
    cut = max(before.rfind(";"), -1)
    for word in (" than ", " outperforming ", " over ", " surpassing "):
        cut = max(cut, before.rfind(word))
    verb_pos = [mv.start() for mv in _VERB_RE.finditer(before)]
    if not verb_pos:
        return None  # no verb crediting the score: no actor to name
    cands = [
        (s, e) for s, e, label in entities
        if label in {"Model", "Method"} and cut < s and e <= verb_pos[-1] and sentence[s:e] != benchmark
    ]
    if cands:
        s, e = cands[-1]
        if _CLAUSE_START.search(sentence[e:verb_pos[-1]]):
            return None  # "reduces a ResNet to 18 layers while improves ...": the name is not the verb's actor
        return sentence[s:e] if _is_actor(sentence, s, e) else None
    base = cut + 1 if cut >= 0 else 0
    m = _SUBJECT_BEFORE_VERB.search(before[base:])
    if m:
        name = m.group("name").strip()
        if (not _is_generic(name) and name != benchmark and not _METRIC_RE.fullmatch(name)
                and _is_actor(sentence, base + m.start("name"), base + m.end("name"))):
            return name
    return None


def _is_actor(sentence: str, s: int, e: int) -> bool:
    """Whether the name at ``s:e`` can be the actor of the verb after it, not a backbone or a tool.

    Example:
        >>> text = "RICAP with WideResNet achieves 2.2% error."
        >>> _is_actor(text, 0, 5), _is_actor(text, 11, 21)
        (True, False)
    """
    return not _NOT_ACTOR_BEFORE.search(sentence[:s]) and not _NOT_ACTOR_AFTER.match(sentence[e:])


_LIST_GLUE = re.compile(r"^\s*(?:,|,?\s*and|,?\s*or|to|-|\u2013|/)\s*$")


def _has_verb(text: str) -> bool:
    """Whether ``text`` holds a result verb, not counting "score" nouns or hyphenated names ("F1-score").

    Example:
        >>> _has_verb(" in F1-score on JRDB-PAR and "), _has_verb(" and it reaches ")
        (False, True)
    """
    return bool(_VERB_RE.search(re.sub(r"\bscores?\b|[\w@.+]*-[\w@.+-]*", " ", text)))


def _accepted_numbers(sentence: str, protected: Sequence[tuple[int, int]]) -> list[re.Match]:
    """The numbers of ``sentence`` that may be results.

    A list of numbers shares the fate of its members: in "2.08%, 2.23% and 3.99%
    improvements" or "by 15.6% and 9.1%" every number is a difference.
    """
    found = list(_NUMBER.finditer(sentence))
    reasons = [_reject_number(sentence, m, protected) for m in found]
    for i, m in enumerate(found):
        after = sentence[m.end():]
        if re.match(r"^\s*[-\u2013]\s*\d", after) or re.search(r"\d\s*[-\u2013]\s*$", sentence[:m.start()]):
            reasons[i] = reasons[i] or "a range"
    # groups of adjacent numbers: "a, b and c"
    groups: list[list[int]] = []
    for i, m in enumerate(found):
        if groups and _LIST_GLUE.match(sentence[found[groups[-1][-1]].end():m.start()]):
            groups[-1].append(i)
        else:
            groups.append([i])
    for group in groups:
        if any(reasons[i] == "a difference" for i in group):
            for i in group:
                reasons[i] = reasons[i] or "a difference"
    # "improvements of 35.8% on MBPP and 27.7% on HumanEval": a difference carries over "and"
    # "6.1 points (Accuracy) and 7.7 points (F1-score) absolute gain": a difference reaches back over "and"
    for i in range(len(found) - 1, 0, -1):
        if reasons[i] == "a difference" and reasons[i - 1] is None and found[i].group("unit") and found[i - 1].group("unit"):
            between = sentence[found[i - 1].end():found[i].start()]
            if re.fullmatch(r"\s*(?:\([^()]{1,30}\)\s*)?(?:,|,?\s*and|,?\s*or)\s*", between):
                reasons[i - 1] = "a difference"
    # ("4.0 points on CIFAR-10, 1.4 F1 points on ACE": a number inside a name does not break the list)
    last = None  # the previous number that is not part of a name
    for i in range(len(found)):
        if last is not None and reasons[last] in {"a difference", "a share of data or a saving"} and reasons[i] is None:
            between = sentence[found[last].end():found[i].start()]
            if not _has_verb(between) and ";" not in between and re.search(r"(?:,|\band|\bor)\s*(?:an?\s+)?$", between):
                reasons[i] = "a difference"
        if not (reasons[i] or "").startswith("part of a name"):
            last = i
    return [m for m, why in zip(found, reasons, strict=True) if why is None]


def find_results(
    sentence: str,
    entities: Sequence[tuple[int, int, str]] = (),
    *,
    offset: int = 0,
) -> list[tuple[int, int, ResultRecord]]:
    """Results reported in one sentence.

    Args:
        sentence: the sentence text.
        entities: entity mentions as ``(start, end, label)`` with offsets in ``sentence``
            (labels Model, Method, Dataset, Benchmark, Task, Metric); may be empty.
        offset: added to the returned offsets (the sentence's place in the text).

    Returns:
        ``(start, end, ResultRecord)`` for each result, ``start:end`` covering the value
        and its unit; records have no evidence yet.

    Example:
        >>> [(r.value, r.metric, r.benchmark, r.subject) for _, _, r in find_results(
        ...     "Llama3.1-8B reaches a 29.44 win rate on AlpacaEval 2.0 with our method.")]
        [(29.44, 'win rate', 'AlpacaEval 2.0', 'Llama3.1-8B')]
    """
    if _RESPECTIVELY.search(sentence):
        return []  # "a and b on A and B, respectively": values and names are paired by order, not by place
    entities = [(s, e, _label_of(lab)) for s, e, lab in entities]
    protected = [(s, e) for s, e, lab in entities if lab in {"Model", "Method", "Dataset", "Benchmark", "Task"}]
    protected += [(m.start(), m.end()) for m in _CITATION_PAREN.finditer(sentence)]
    numbers = _accepted_numbers(sentence, protected)
    out: list[tuple[int, int, ResultRecord]] = []
    previous: ResultRecord | None = None
    for i, m in enumerate(numbers):
        start, end = m.start("num"), m.end()
        stop = numbers[i + 1].start() if i + 1 < len(numbers) else len(sentence)
        unit = _unit(m) or None
        if unit in {"point", "points", "pts", "pp"}:
            unit = "points"
        joined = previous is not None and bool(re.search(r"\b(?:and|while|but|or)\b|[,(]", sentence[out[-1][1] - offset:start]))
        paren = _PAREN_SUBJECT.search(sentence[:m.start()])
        if paren:  # "outperforming the Self-Rewarding baseline (19.69)", "surpassing GPT-4 (80.1%)"
            if not joined or unit == "points":
                continue
            metric, benchmark = previous.metric, previous.benchmark
            subject = _clean_subject(paren.group("name"))
            if not re.match(r"^\s*\)", sentence[end:]) or subject is None:
                continue
        else:
            metric = _metric_near(sentence, start, end, entities)
            benchmark = _benchmark_near(sentence, start, end, entities, stop)
            subject = _subject_near(sentence, start, entities, benchmark)
            after_for = re.match(rf"^\s*(?:{_METRIC_RE.pattern}\s+)?for\s+(?P<name>{_NAME_TOKEN})", sentence[end:stop])
            if after_for and re.search(r"\bto\s*$", sentence[:start]) and _MODEL_LIKE.search(after_for.group("name")) and not _BACKBONE.search(after_for.group("name")):  # "from 12.5% to 63.9% for LLaMA2-7B"
                subject = after_for.group("name").rstrip(",.")
            own = re.search(r"\b(?P<w>[A-Za-z][\w-]*)\s+(?:of|=|:)\s*$", sentence[:start])
            if joined and metric is None and re.match(r"^\s*@", sentence[end:]):
                continue  # "19.4% and 45.1% @1.0mile": a qualified measure, not the list's
            if joined and metric is None and own and not _METRIC_RE.fullmatch(own.group("w")):
                continue  # "accuracy of 87.5%, sensitivity of 86.7%": the number names its own measure
            if joined:
                metric = metric or previous.metric
                subject = subject or previous.subject
        if benchmark is not None:
            benchmark = re.split(r"\.(?=[A-Z][a-z]{2,})", benchmark)[0]  # "COCO.Codes": glued to the next sentence
            at = sentence.find(benchmark, end)
            if joined and at >= 0 and re.match(r"^\s*(?:,|and\b)\s*(?:the\s+)?[A-Z\d]", sentence[at + len(benchmark):]):
                benchmark = None  # "93.9% and 91.2% on A and B": values and names paired by order
        if benchmark is None and metric is None:
            continue
        if benchmark is not None and metric is not None and benchmark.lower() == metric.lower():
            continue
        if subject is not None and subject.lower() in {(metric or "").lower(), (benchmark or "").lower()}:
            subject = None
        value = float(m.group("num").replace(",", ""))
        if m.group("sign") in {"-", "\u2212"}:
            value = -value
        record = ResultRecord(value=value, metric=metric, unit=unit, benchmark=benchmark, subject=subject)
        out.append((offset + start, offset + end, record))
        previous = record
    return out


def _sentences(text: str) -> Iterable[tuple[int, str]]:
    """A plain sentence splitter for texts without a parsed Doc."""
    for m in re.finditer(r"[^\n]+?(?:\.(?=\s|$)|[!?](?=\s|$)|$)", text):
        if m.group(0).strip():
            yield m.start(), m.group(0)


def results_from_text(text: str, paper_id: str = "") -> list[ResultRecord]:
    """:func:`find_results` over every sentence of ``text``, with evidence.

    Example:
        >>> [(r.value, r.unit, r.benchmark) for r in results_from_text(
        ...     "Accuracy increases from 70.8% to 77.7% on ProcessBench.")]
        [(77.7, '%', 'ProcessBench')]
    """
    out: list[ResultRecord] = []
    for start, sent in _sentences(text):
        for s, e, rec in find_results(sent, offset=start):
            rec.evidence = Provenance(paper_id=paper_id, sentence=sent.strip(), start=s, end=e, extractor=EXTRACTOR)
            out.append(rec)
    return out


def _doc_results(doc) -> list[tuple[int, int, ResultRecord, str]]:
    # the rules' mentions only: the results were judged with them (docs/resolution_audit.md),
    # and the recogniser's extra candidates are not yet filtered by the entity decision here
    ents = [e for e in doc.spans[ENTITY_SPAN_KEY] if e.id_ != LEARNED] if ENTITY_SPAN_KEY in doc.spans else []
    if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        sents = []
        for sent in doc.sents:  # never across the blank line after the title
            pos = sent.start_char
            for piece in sent.text.split("\n\n"):
                sents.append((pos, piece))
                pos += len(piece) + 2
    else:
        sents = list(_sentences(doc.text))
    out = []
    for s_start, text in sents:
        s_end = s_start + len(text)
        local = [(e.start_char - s_start, e.end_char - s_start, e.label_) for e in ents if e.start_char >= s_start and e.end_char <= s_end]
        for s, e, rec in find_results(text, local, offset=s_start):
            out.append((s, e, rec, text))
    return out


def results_from_doc(doc, paper: Paper) -> list[ResultRecord]:
    """The results of one paper; uses ``doc.spans["kg_entities"]`` when present.

    Example:
        >>> import spacy
        >>> from schema import Paper
        >>> p = Paper(id="t:1", title="T", abstract="It achieves 85.2% pass@1 on HumanEval.")
        >>> [(r.value, r.metric, r.benchmark) for r in results_from_doc(spacy.blank("en")("T\\n\\n" + p.abstract), p)]
        [(85.2, 'pass@1', 'HumanEval')]
    """
    found = _FOUND.pop(doc, None)  # left by the kg_results component, else searched here
    out = []
    for s, e, rec, sentence in _doc_results(doc) if found is None else found:
        rec.evidence = Provenance(paper_id=paper.id, sentence=sentence.strip(), start=s, end=e, extractor=EXTRACTOR)
        out.append(rec)
    return out


#: what ``kg_results`` found in each Doc still alive, for :func:`results_from_doc` to take (once) instead of
#: searching again (not in ``doc.user_data``: a Doc must stay serializable)
_FOUND: "weakref.WeakKeyDictionary[Doc, list]" = weakref.WeakKeyDictionary()


class ResultFinder(CharSpanFinder):
    """spaCy component: sets ``doc.spans["kg_results"]`` (label RESULT: the value and unit).

    Reads ``doc.spans["kg_entities"]`` when an earlier component wrote it, and the
    sentences of the parser when present.
    """

    default_key = SPAN_KEY

    def find(self, doc):
        found = _FOUND[doc] = _doc_results(doc)  # for results_from_doc
        return ((s, e, "RESULT") for s, e, _rec, _sent in found)


@Language.factory("kg_results", default_config={"span_key": SPAN_KEY})
def make_result_finder(nlp, name: str, span_key: str) -> ResultFinder:
    """Factory of the ``kg_results`` component."""
    return ResultFinder(nlp, name, span_key)
