"""Names fit to show, and aliases the text itself states.

* :func:`display_name`: LaTeX rendered to text (pylatexenc), spaces collapsed;
* :func:`unfit_reason`: why an extracted name must not become a concept node
  (an evaluative phrase, a number with a unit or a range, no word at all, a bracket left open);
* :func:`stated_same`: whether a sentence says that two names are the same thing
  (a definition "long (SHORT)", an apposition, "also known as", "i.e.", "or", "called").

Example:
    >>> display_name(r"$\\alpha$-entmax"), unfit_reason("state-of-the-art performance"), unfit_reason("3-5x")
    ('α-entmax', 'evaluative phrase', 'number, unit or range')
"""
from __future__ import annotations

import re
from functools import lru_cache

_LATEX = re.compile(r"[\\$]|[_^]\{")
_SPACES = re.compile(r"\s+")

#: Evaluative words that open a phrase that judges, not names ("significant improvement").
_EVALUATIVE = re.compile(
    r"^(?:state[- ]of[- ]the[- ]art|sota|significant(?:ly)?|superior|remarkable|impressive|competitive|promising|"
    r"excellent|strong(?:er)?|better|best|substantial(?:ly)?|notable|considerable|favou?rable|outstanding|"
    r"improved|enhanced|high|higher|low|lower|good|great|poor|robust|efficient)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:performance|results?|improvements?|gains?|accuracy|accuracies|efficiency|"
    r"generali[sz]ation|quality|effectiveness|robustness|capabilit(?:y|ies)|speed|speed-?ups?)$",
    re.I,
)
#: Words that say a figure is a measure without naming which ("score", "error rate" names one).
_BARE_MEASURE_WORDS = frozenset(
    {"score", "scores", "error", "errors", "rate", "rates", "ratio", "ratios", "metric", "metrics", "measure",
     "measures", "value", "values"}
)
_NUMBER_FRAGMENT = re.compile(
    r"^[~<>\u2248\u00b1+\-\u2212]?\s*\d[\d.,]*\s*(?:%|x|\u00d7|-?fold|times|percent|ms|s|sec|seconds?|minutes?|hours?|days?|"
    r"gb|mb|tb|k|m|b|bn|bits?|points?|pp|db|fps|hz)?"
    r"(?:\s*(?:-|\u2013|to|~|/)\s*\d[\d.,]*\s*(?:%|x|\u00d7|k|m|b|ms|s)?)?$",
    re.I,
)


@lru_cache(maxsize=100_000)
def display_name(name: str) -> str:
    """``name`` with LaTeX rendered to plain text and runs of spaces collapsed.

    Example:
        >>> display_name(r"\\textsc{Mixtral}  8x7B"), display_name("GPT-4"), display_name("Polyak-Ł{}ojasiewicz")
        ('Mixtral 8x7B', 'GPT-4', 'Polyak-Łojasiewicz')
    """
    text = name
    if _LATEX.search(text):
        from pylatexenc.latex2text import LatexNodes2Text

        try:
            text = LatexNodes2Text(math_mode="text").latex_to_text(text)
        except Exception:  # pylatexenc rejects some broken markup: strip the markup by hand
            text = re.sub(r"\\[A-Za-z]+|[\\${}^_]", " ", text)
    return _SPACES.sub(" ", text.replace("{}", "")).strip()  # "Ł{}ojasiewicz": LaTeX's empty group after a letter


@lru_cache(maxsize=100_000)
def unfit_reason(name: str) -> str | None:
    """Why ``name`` must not become a concept (None when it may).

    Example:
        >>> [unfit_reason(n) for n in ("65%", "10-20 ms", "superior results", "BERT", "3D reconstruction", "O(n^3")]
        ['number, unit or range', 'number, unit or range', 'evaluative phrase', None, None, 'cut at a bracket']
        >>> unfit_reason("score"), unfit_reason("F1 score"), unfit_reason("R@1"), unfit_reason("@1")
        ('a bare measure word', None, None, 'no word')
        >>> unfit_reason("82.9%/85.2% top-1 accuracy"), unfit_reason("FPR@95%TPR")
        ('holds a reported figure', None)
    """
    text = name.strip()
    if _NUMBER_FRAGMENT.match(text):
        return "number, unit or range"
    if sum(c.isalpha() for c in text) < 2 and not re.search(r"[A-Za-z]\d|\d[A-Za-z]|^[A-Za-z]@\w", text):
        return "no word"  # but "R@1", recall at a cutoff, is a measure's name
    if _EVALUATIVE.match(text):
        return "evaluative phrase"
    if text.lower() in _BARE_MEASURE_WORDS:
        return "a bare measure word"  # "a new top score of 80.7%": the measure is not named
    if text.count("(") > text.count(")") or text.count("[") > text.count("]"):
        return "cut at a bracket"  # "O(n^3", a formula the tokenizer kept whole
    if _REPORTED_FIGURE.search(text):
        return "holds a reported figure"  # "82.9%/85.2% top-1 accuracy"; "FPR@95%TPR" names a cutoff
    return None


#: A result's figure inside a name: a percentage with decimals.
_REPORTED_FIGURE = re.compile(r"\d\.\d+\s?%")


_GLUE_PUNCT = re.compile(r"[\s,:\"\u201c\u201d\u2014]+")
#: What may join two names the text says are one thing: "X (Y)", "X, also known as Y", "X, i.e., Y".
#: A bare comma or "or" is not enough: "A, B and C" and "A or B" list different things.
_SAME_GLUE = frozenset({
    "(", "[", "also known as", "known as", "referred to as", "also referred to as", "a.k.a.", "a.k.a", "aka",
    "i.e.", "that is", "namely", "called", "termed", "dubbed", "hereafter", "abbreviated", "abbreviated as",
    "(also known as", "(i.e.", "(a.k.a.", "(aka", "(called", "(hereafter", "(or", "(termed",
})


def stated_same(name: str, alias: str, sentence: str) -> bool:
    """Whether ``sentence`` states that ``name`` and ``alias`` are one thing.

    True when one directly follows the other joined only by an opening parenthesis or by
    "also known as", "a.k.a.", "i.e.", "namely", "called"... (commas around them allowed).
    A bare comma or "or" is not enough: lists and alternatives name different things.

    Example:
        >>> stated_same("Low-Rank Adaptation", "LoRA", "We use Low-Rank Adaptation (LoRA) here.")
        True
        >>> stated_same("object segmentation", "semantic image segmentation",
        ...             "We study object segmentation and semantic image segmentation.")
        False
        >>> stated_same("topic control", "sentiment control", "on sentiment control, topic control, and detoxification")
        False
        >>> stated_same("GRPO", "group relative policy optimization", "GRPO, also known as group relative policy optimization")
        True
    """
    low = sentence.lower()
    a, b = name.lower(), alias.lower()
    if not a or not b or ";" in b or ";" in a:
        return False
    for first, second in ((a, b), (b, a)):
        start = low.find(first)
        while start != -1:
            gap_start = start + len(first)
            nxt = low.find(second, gap_start)
            if nxt != -1 and nxt - gap_start <= 30 and _GLUE_PUNCT.sub(" ", low[gap_start:nxt]).strip() in _SAME_GLUE:
                return True
            start = low.find(first, start + 1)
    return False


def within_one_edit(a: str, b: str) -> bool:
    """Whether two strings differ by at most one inserted, dropped or changed letter, or two letters swapped.

    Example:
        >>> within_one_edit("meansquareerror", "meansquarederror"), within_one_edit("longshortermmemory", "longshorttermmemory")
        (True, True)
        >>> within_one_edit("graphconvolution", "graphattention")
        False
    """
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:] or (i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2:] == b[i + 2:])
    return a[i:] == b[i + 1:]
