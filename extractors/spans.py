"""A spaCy component that writes character spans found by a plain function into ``doc.spans``."""
from __future__ import annotations

import re
from collections.abc import Iterable

#: A year as papers write it in a reference ("2019", "1992a").
YEAR = r"(?:19\d\d|20\d\d)[a-z]?"
_PERCENT = frozenset({"%", "\\%"})
#: a speed-up or size factor ("478X", "2.5x", "3×"): a figure, not part of a name after it
_MULTIPLIER = re.compile(r"\d+(?:\.\d+)?[xX×]")


#: Words that join an example to the sentence and start no name ("i.e. regret"); as written, so
#: that "IE" (information extraction) stays.
_CONNECTIVES = frozenset({"i.e.", "e.g.", "viz.", "i.e", "e.g"})
#: Words that open a clause: a mention starting on one is a piece of the clause ("a naive approach,
#: wherein inference proceeds as usual", "for how accuracy and robustness are traded"), not a name.
CLAUSE_OPENERS = frozenset({"where", "wherein", "whereby", "whereas", "whence", "how", "why", "what", "which", "whether",
                            "who", "whom", "whose"})
#: Dashes that stand between words with a space on each side: a clause break ("by a large margin - enjoying F1
#: score of 81.4%") or a compound the PDF spaced out ("Scale - Efficient Text Detection"), never inside a name.
DASHES = frozenset({"-", "\u2013", "\u2014", "--"})


def spaced_dash_inside(doc, start: int, end: int) -> bool:
    """Whether a dash with a space on each side stands inside ``doc[start:end]``.

    Example:
        >>> doc = nlp("by a large margin - enjoying F1 score of 81.4%")  # doctest: +SKIP
        >>> spaced_dash_inside(doc, 3, 8), spaced_dash_inside(doc, 5, 8)  # doctest: +SKIP
        (True, False)
    """
    return any(
        doc[i].text in DASHES and doc[i - 1].whitespace_ and doc[i].whitespace_ for i in range(start + 1, end - 1)
    )


def pieces_of_a_clause(doc, start: int, end: int, long_forms) -> bool:
    """Whether ``doc[start:end]`` is pieces of a clause, no name: it starts on a word that opens a clause ("how
    accuracy" of 'for how accuracy and robustness are related', rounds 115 and 118) or has a dash spaced on both sides
    inside ("margin - enjoying F1 score"), unless the paper defines it as a long form ("ADMIRAL - Advisor Evaluation
    (ADMIRAL-AE)"); ``long_forms`` holds the (start, end) of the defined long forms.

    Example:
        >>> doc = nlp("results for how accuracy and robustness are related")  # doctest: +SKIP
        >>> pieces_of_a_clause(doc, 2, 4, set()), pieces_of_a_clause(doc, 3, 4, set())  # doctest: +SKIP
        (True, False)
    """
    if (start, end) in long_forms:
        return False
    return doc[start].lower_ in CLAUSE_OPENERS or spaced_dash_inside(doc, start, end)


#: Sentence adverbs and interjections (general English): alone, such a word is never a name
#: ("Perhaps" of 'Perhaps surprisingly, ...' read as a Method).
SENTENCE_ADVERBS = frozenset(
    """perhaps maybe moreover however furthermore additionally specifically interestingly surprisingly
    remarkably notably importantly finally thus hence therefore consequently nevertheless nonetheless
    meanwhile instead indeed overall besides likewise similarly conversely alternatively accordingly
    yes no namely""".split()
)


def closing_bracket(doc, i: int, within: int = 14) -> int | None:
    """The index of the ")" closing the bracket at token ``i``, within ``within`` tokens, or None.

    Example:
        >>> closing_bracket(nlp("We use MCTS (Monte Carlo tree search) here."), 3)  # doctest: +SKIP
        8
    """
    return next((j for j in range(i + 1, min(len(doc), i + within)) if doc[j].text == ")"), None)


def _debris(tok) -> bool:
    """A token no name starts or ends on: whitespace, a percent sign, a lone "$", or a piece of a
    LaTeX formula cut mid-way, its braces or brackets unbalanced ("D}}\\log(T))$"); a whole
    formula in a name ("\\theta$-MRF") stays."""
    text = tok.text
    return (
        tok.is_space
        or text in _PERCENT
        or text == "$"
        or text.count("{") != text.count("}")
        or ("$" in text and text.count("(") != text.count(")"))
    )


#: Words that number a part of a named shared task or challenge: "SemEval-2010 Task 8", "DSTC7 Track 1".
_PART_WORDS = frozenset({"Task", "Track", "Subtask", "Sub-task"})
_PART_NUMBER = re.compile(r"\d{1,2}[A-Za-z]?|[A-Z]")


def numbered_part_end(doc, start: int, end: int) -> int:
    """Where a capitalised name ending at ``end`` ends with the numbered part of a shared task that follows or that it
    cut ("SemEval-2010 Task 8", "SemEval 2014 Task 4"): without its number the name of one part of a challenge would
    be the name of all of them.

    Example:
        >>> doc = nlp("on the SemEval 2010 Task 8 dataset")  # doctest: +SKIP
        >>> numbered_part_end(doc, 2, 5), numbered_part_end(doc, 2, 4)  # doctest: +SKIP
        (6, 6)
    """
    n = len(doc)
    if end >= n or not doc[start].text[:1].isupper():
        return end
    if doc[end - 1].text in _PART_WORDS and end - start > 1 and _PART_NUMBER.fullmatch(doc[end].text):
        return end + 1
    if doc[end].text in _PART_WORDS and end + 1 < n and _PART_NUMBER.fullmatch(doc[end + 1].text):
        return end + 2
    return end


def trimmed(doc, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` without debris tokens at either edge, nor a number with its percent sign
    or a factor or a connective at the start ("65.6\\% Top-1 Recall" -> "Top-1 Recall", "478X search" ->
    "search", "i.e. regret" -> "regret"), nor a number before a percent sign at the end ("TinyImageNet 2.0%" of a
    list whose commas a PDF lost -> "TinyImageNet");
    when the span holds an odd number of "$", an edge token holding one is a cut formula
    ("O(1/\\sqrt{T})$ convergence rate" -> "convergence rate"); ``start == end`` when nothing is left.

    Example:
        >>> trimmed(nlp("a 65.6 % Top-1 Recall"), 1, 5)  # doctest: +SKIP
        (3, 5)
    """
    # a "$" that opens or closes a formula inside the name ("$\\theta$-MRF") stays
    closed = sum(doc[i].text.count("$") for i in range(start, end)) % 2 == 0

    def cut(tok) -> bool:
        if not closed and "$" in tok.text:
            return True
        return _debris(tok) and not (closed and tok.text == "$")

    while start < end:
        if cut(doc[start]) or (start + 1 < end and (_MULTIPLIER.fullmatch(doc[start].text)
                                                     or doc[start].text in _CONNECTIVES)):
            start += 1
        elif start + 1 < end and doc[start].like_num and doc[start + 1].text in _PERCENT:
            start += 2
        else:
            break
    while end > start and cut(doc[end - 1]):
        end -= 1
    if end - start > 1 and doc[end - 1].like_num and end < len(doc) and doc[end].text in _PERCENT:
        end -= 1  # a figure and its percent sign, no version of the name ("TinyImageNet 2.0% on ImageNet-1K")
    return start, end


class CharSpanFinder:
    """Base of the components that find ``(start, end, label)`` character spans in a Doc.

    Subclasses give ``default_key`` and :meth:`find`; spans are expanded to token
    boundaries and written to ``doc.spans[span_key]``.
    """

    default_key = "kg_spans"

    def __init__(self, nlp=None, name: str | None = None, span_key: str | None = None):
        self.name = name or self.default_key
        self.span_key = span_key or self.default_key

    def find(self, doc) -> Iterable[tuple[int, int, str]]:  # pragma: no cover - abstract
        raise NotImplementedError

    def __call__(self, doc):
        spans = []
        for start, end, label in self.find(doc):
            span = doc.char_span(start, end, label=label, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans[self.span_key] = spans
        return doc
