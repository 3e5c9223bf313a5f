"""Tokenizer adjustments that keep model and method names whole.

The stock English tokenizer splits on hyphens between letters and digits, so
``Llama-3.1-8B`` becomes ``Llama-3.1 | - | 8B`` and ``ReST-MCTS*`` becomes
``ReST | - | MCTS | *``. :func:`is_name_token` recognises such names and
:func:`customize_tokenizer` installs it as the tokenizer's ``token_match`` (tried on
each whitespace-separated piece before infix splitting), keeping the previous
``token_match`` as a fallback. Ordinary compounds (``self-reflection``,
``state-of-the-art``, ``RL-based``) are still split.
"""

from __future__ import annotations

import re

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

from extractors.gazetteers import wordset as _wordset

_PART = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.]*$")
_ADJECTIVAL_TAILS = frozenset(
    {
        "like",
        "free",
        "aware",
        "specific",
        "level",
        "wise",
        "centric",
        "agnostic",
        "only",
        "style",
        "scale",
        "intensive",
        "efficient",
        "friendly",
        "native",
        "time",
        "shot",
        "step",
        "turn",
        "round",
        "order",
        "source",
        "domain",
        "modal",
        "stage",
        "task",
        "agent",
        "of",
        "the",
        "to",
        "and",
        "or",
    }
)


#: A sentence period after a name ending in a digit-letter mix ("GSM8K.", "Ego4D."), which the
#: stock rules keep attached because they protect abbreviations such as "U.S."; a trailing hyphen.
EXTRA_SUFFIXES: tuple[str, ...] = (
    r"(?<=[0-9][A-Za-z])\.",
    r"(?<=[A-Za-z][0-9])\.",
    r"(?<=[a-z][A-Z])\.",
    r"(?<=-[A-Z])\.",  # "we propose SECLA-B.": a one-letter variant's period ends the sentence
    r"(?<=[A-Za-z0-9])-",  # "RNN- and attention-based": the dangling hyphen of a shared compound
    r"(?<=[0-9])\\%",  # LaTeX's escaped percent, "65.6\\%"
    # a measure or decibels glued to its figure, "45.65mIoU", "41.5mAP", "1.59dB" (not "S^2AP")
    r"(?<=[0-9])(?<!\^[0-9])(?<!@[0-9])(?<!@[0-9]\.[0-9])(?<!@[0-9]\.[0-9][0-9])(?:m?IoU|mIOU|mAP|AP|dB)",
)


#: Words that open a sentence of an abstract (function words and discourse openers): after a period with no space,
#: they start the next sentence, not a name's part ("on HotpotQA.We", "(GSM8K).The"; not "Node-2.Vec").
SENTENCE_OPENERS = tuple(sorted(
    """
    The This These That Those There Their Its It We Our Us In On For To With By As At From An A However Moreover
    Furthermore Finally Additionally Specifically Thus Therefore Hence Besides Further Here Such Unlike While When
    Although Though Since Because Each Both Most Many Some All Existing Experiments Extensive Experimental Results
    Code Compared Overall Also Then Lastly First Second Third Notably Importantly Consequently Meanwhile Instead Yet
    But And Or If Based Using Given Despite Current Recent Previous Unfortunately Nevertheless Nonetheless Indeed
    Next Later Together Surprisingly Interestingly Similarly Empirically Theoretically Recently Previously Whereas
    Another Following Motivated Inspired Beyond Without Through After During Among
    """.split(), key=len, reverse=True))
_OPENER = "(?:" + "|".join(SENTENCE_OPENERS) + ")"
#: Two sentences with no space after the period: "AI-generated.Crucially", and after a name, a figure or a
#: bracket ("on HotpotQA.We", "CIFAR-10.Our", "(GSM8K).The"), which no name holds.
_GLUED_SENTENCE = re.compile(rf"[a-z]{{2}}\.[A-Z][a-z]|[A-Za-z0-9)\]]\.{_OPENER}$")
_ALNUM_NAME = re.compile(r"^[A-Za-z]+[0-9][A-Za-z0-9.]*[A-Za-z0-9][+*]*$")


_PREFIXES = _wordset(
    """
    non anti pre post semi multi cross inter intra sub co self un re de per
    """
)


def _name_like_part(part: str) -> bool:
    """A digit, or an upper-case letter after the first character (``ReST``, ``MCTS``, ``4o``)."""
    return (
        any(c.isdigit() for c in part)
        or any(c.isupper() for c in part[1:])
        or (len(part) == 1 and part.isupper())
    )


def is_name_token(text: str) -> bool:
    """Whether a hyphenated string is a name to keep as one token.

    A name has at least two hyphen-joined parts of letters, digits and dots, one of
    them with a digit or an inner capital, and does not end in an adjectival word
    (``-based``, ``-like``, ``-aware``...). A trailing ``*`` or ``+`` is kept.

    Example:
        >>> is_name_token("Llama-3.1-8B"), is_name_token("ReST-MCTS*"), is_name_token("RL-based")
        (True, True, False)
    """
    core = text.rstrip("*+")
    if "-" not in core or core.startswith("-") or core.endswith("-") or "--" in core:
        return False
    parts = core.split("-")
    if not all(_PART.match(p) and not p.endswith(".") for p in parts):
        return False
    if _GLUED_SENTENCE.search(core):
        return False  # "AI-generated.Crucially": two sentences with no space after the period
    if not any(_name_like_part(p) for p in parts):
        return False
    last = parts[-1]
    if parts[0].lower() in _PREFIXES:
        return False  # "non-PD", "pre-LN": a prefixed word, not a name
    if (
        last.isalpha()
        and (last.lower() in _ADJECTIVAL_TAILS or last.lower().endswith(("ed", "ing")))
        and not any(c.isupper() for c in last[1:])
    ):
        return False  # "LLM-Guided", "RL-based"
    if last.isalpha() and last.islower():
        if last in _ADJECTIVAL_TAILS or last.endswith(("ed", "ing", "ly")):
            return False
        if not any(_name_like_part(p) for p in parts[1:]) and parts[0].isupper() and len(parts[0]) > 1:
            # "LLM-agents": an acronym modifying an ordinary noun
            return False
    # "text-to-SQL" style compounds stay split
    return not (
        parts[0].isalpha() and parts[0].islower() and len(parts) > 2 and not any(c.isdigit() for c in core)
    )


#: LaTeX left in abstracts: a command's opening "\emph{" and a text macro glued to its word
#: ("\textitasymptotic", the braces lost on the way) come off as tokens of their own, so that
#: "\textbf{SOTA-Net}" gives the name "SOTA-Net" rather than one token "\textbf{SOTA".
LATEX_PREFIXES = (
    r"\\[A-Za-z]+\*?\{",
    r"\\(?:textit|textbf|textsc|texttt|textrm|emph|mathrm|mathbf|mathit|mathcal)(?=[A-Za-z])",
)


class NameTokenMatch:
    """A picklable ``token_match``: :func:`is_name_token` first, then the previous rule."""

    def __init__(self, previous=None):
        self.previous = previous

    def __call__(self, text: str):
        if is_name_token(text) or (_ALNUM_NAME.match(text) and not _GLUED_SENTENCE.search(text)):
            return True
        return self.previous(text) if self.previous is not None else None


#: LaTeX's non-breaking space before a command ("Forests~\\cite{...}") splits there, and a
#: bracket glued to the word before an acronym ("networks(CNNs)", "network~(GCN)") comes off it,
#: so the abbreviation is found and the name does not keep half a bracket; so does one before a
#: year ("PoseTrack(2018, 21)").
LATEX_INFIXES = (
    r"~(?=\\[A-Za-z])", r"~(?=\([A-Z])", r"(?<=[a-z~])\((?=[A-Z][A-Za-z]*[A-Z])",
    r"(?<=[A-Za-z])\((?=(?:19|20)[0-9][0-9]\b)",
    # a sentence glued to the one before after a name, a figure or a bracket ("on HotpotQA.We", "(GSM8K).The"):
    # the period and the bracket come off (the stock infixes split "word.The" only after a lower-case letter)
    rf"[)\]](?=\.{_OPENER}$)", rf"(?<=[)\]])\.(?={_OPENER}$)", rf"(?<=[A-Z0-9][A-Z0-9])\.(?={_OPENER}$)",
    rf"(?<=-[0-9])\.(?={_OPENER}$)", rf"(?<=^[0-9])\.(?={_OPENER}$)",
)


def customize_tokenizer(nlp):
    """Install :class:`NameTokenMatch` on ``nlp.tokenizer``; idempotent; returns ``nlp``.

    Example:
        >>> [t.text for t in customize_tokenizer(nlp)("We tune Llama-3.1-8B.")]  # doctest: +SKIP
        ['We', 'tune', 'Llama-3.1-8B', '.']
    """
    current = nlp.tokenizer.token_match
    if not isinstance(current, NameTokenMatch):
        nlp.tokenizer.token_match = NameTokenMatch(current)
        suffixes = list(nlp.Defaults.suffixes or []) + list(EXTRA_SUFFIXES)
        nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search
        nlp.tokenizer.prefix_search = compile_prefix_regex(list(LATEX_PREFIXES) + list(nlp.Defaults.prefixes or [])).search
        nlp.tokenizer.infix_finditer = compile_infix_regex(list(nlp.Defaults.infixes or []) + list(LATEX_INFIXES)).finditer
    return nlp


class TitleBoundary:
    """Starts a sentence after the blank line between title and abstract, and not one more
    at the abstract's second token, nor anywhere in the abstract where no sentence can end
    (:func:`_may_end_a_sentence`).

    Without the first the parser joins a title that has no final period to the first
    sentence of the abstract; with it alone, the parser split the abstract's first word off
    as a sentence of its own in 83 of 1,500 corpus abstracts ("Answer" / "set programming
    (ASP) is ...", "DEtection" / "TRansformer (DETR) ..."), breaking the definitions and
    first-sentence cues there. Must run before the parser.
    """

    def __init__(self, nlp=None, name: str = "kg_title_boundary"):
        self.name = name

    def __call__(self, doc):
        # read as lists and written as one array: setting Token.is_sent_start token by token costs more than the rest
        tokens = list(doc)  # one Token per word (each doc[k] and each pass over doc makes new ones)
        text = [t.text for t in tokens]
        space = [t.is_space for t in tokens]
        lower_word = [t.is_alpha and t.is_lower for t in tokens]
        starts = doc.to_array(SENT_START)
        i = next((k + 1 for k in range(len(doc) - 1) if space[k] and "\n" in text[k]), None)  # after the blank line
        if i is not None and i < len(doc):
            starts[i] = _START
            if i + 1 < len(doc) and not space[i + 1]:
                starts[i + 1] = _NOT_START
        for k in range((i or 0) + 2, len(doc)):
            if not space[k] and (not _may_end_a_sentence(text, space, k - 1) or _abbreviation_before(text, lower_word, k)):
                starts[k] = _NOT_START
        doc.from_array([SENT_START], starts)
        return doc


#: ``SENT_START`` values as ``Doc.to_array`` writes them (unsigned: -1 wraps around).
_START, _NOT_START = numpy.uint64(1), numpy.uint64(2**64 - 1)


def _may_end_a_sentence(text: list[str], space: list[bool], k: int) -> bool:
    """Whether a sentence of the abstract may end at token ``k`` (of a Doc whose token texts are ``text``, ``space``
    telling which are spaces): a full stop, question or exclamation mark, a line break, or a closing bracket or quote
    after one. Nowhere else: the parser cut 0.5% of the train split's sentences inside a citation ("...
    distributions" / "[1, 2], and their ..."), after a bracket ("for stochastic (convex or nonconvex)" /
    "optimization is presented") or at a list's number ("StyleGAN. 2)" / "A balanced ..."), and such a piece was a
    role's evidence.

    Example:
        >>> words = ["as", "in", "[", "1", ",", "2", "]", ",", "and", "(", "convex", ")", "models", ".", "Then"]
        >>> [_may_end_a_sentence(words, [False] * len(words), k) for k in (6, 11, 13)]
        [False, False, True]
    """
    while k >= 0 and (text[k] in _CLOSING or (space[k] and "\n" not in text[k])):
        k -= 1
    if k < 0:
        return True
    return text[k] in _FINAL or text[k].endswith(".") or (space[k] and "\n" in text[k])


def _abbreviation_before(text: list[str], lower_word: list[bool], k: int) -> bool:
    """Whether token ``k`` is a lower-case word (``lower_word``) right after a stop, which ends an abbreviation there,
    not a sentence ("w.r.t. the", "i.i.d. samples", "diff. equations", "et. al."; judged round 33 found evidence cut
    at such stops). A name written in lower case first ("mBERT", "k-means") may start one.

    Example:
        >>> import spacy
        >>> d = spacy.blank("en")("loss w.r.t. the input. mBERT helps. Then")
        >>> words, lower = [t.text for t in d], [t.is_alpha and t.is_lower for t in d]
        >>> [_abbreviation_before(words, lower, k) for k in (3, 6, 9)]
        [True, False, False]
    """
    return k > 0 and text[k - 1] == "." and lower_word[k]


#: Final marks besides a full stop (any token ending in "." may end a sentence: ".", "...", "e.g.").
_FINAL = frozenset({"!", "?", "…"})
_CLOSING = frozenset({")", "]", "}", '"', "'", "\u201d", "\u2019"})


@Language.factory("kg_title_boundary")
def make_title_boundary(nlp, name: str) -> TitleBoundary:
    return TitleBoundary(nlp, name)
