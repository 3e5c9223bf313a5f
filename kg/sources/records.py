"""Turning one source record into a :class:`~schema.Paper`: shared by every format.

Field names are matched loosely (case, ``_``, ``-`` and spaces ignored), so
``title``/``Title``/``paper_title`` and ``abstract``/``summary``/``paperAbstract``
are all understood; ``--title-field`` / ``--abstract-field`` name others.
"""
from __future__ import annotations

import ast
import calendar
import datetime as dt
import email.utils
import functools
import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Any

import ftfy
from pylatexenc.latex2text import LatexNodes2Text

from schema.errors import SchemaError

from schema.names import (
    normalize_arxiv_id,
    normalize_doi,
    normalize_ids,
    normalize_openalex_id,
    normalize_s2_id,
    paper_id,
)
from schema import Paper
from schema.words import english_words

TITLE_KEYS: tuple[str, ...] = ("title", "papertitle", "titles", "articletitle", "documenttitle")
ABSTRACT_KEYS: tuple[str, ...] = (
    "abstract", "paperabstract", "abstracttext", "abstracts", "summary", "summaries", "text", "contenttext",
)
#: Fields naming the journal, conference or proceedings (Scopus ``Source title``, IEEE
#: ``Publication Title``, arXiv snapshot ``journal-ref``...).
VENUE_KEYS: tuple[str, ...] = (
    "venue", "journal", "journalname", "sourcetitle", "publicationtitle", "booktitle", "containertitle",
    "conference", "conferencename", "journalref",
)
_YEAR_KEYS = ("year", "publicationyear", "pubyear")
_URL_KEYS = (
    "url", "urls", "link", "links", "pdfurl", "pdfurls", "absurl", "code", "codeurl", "github", "githubrepo",
    "githuburl", "repo", "repourl", "repository", "projectpage", "homepage", "s2url",
)
_DATE_KEYS = ("date", "publicationdate", "publisheddate", "published", "publishedat", "submittedonDailyAt".lower(),
              "datepublished", "created", "updatedate", "update")
_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_name) if name})
_MONTHS["sept"] = 9
MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))

_ISO = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ][\d:.]+(?:Z|[+-][\d:]+)?)?\s*$")
_MONTH_DAY = re.compile(rf"^\s*({MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?\s*$", re.IGNORECASE)
_DAY_MONTH = re.compile(rf"^\s*(\d{{1,2}})\s+({MONTH_RE})\.?(?:,?\s+(\d{{4}}))?\s*$", re.IGNORECASE)
_MONTH_YEAR = re.compile(rf"^\s*({MONTH_RE})\.?,?\s+(\d{{4}})\s*$", re.IGNORECASE)

_SCHEME_URL = re.compile(r"(?:https?|ftp)://[^\s<>\"'`{}|\\^\[\]]+", re.IGNORECASE)
_BARE_URL = re.compile(
    r"(?<![\w@/.-])(?:www\.[\w-]+(?:\.[\w-]+)+|(?:github\.com|gitlab\.com|huggingface\.co)|[\w-]+\.github\.io)"
    r"(?:/[^\s<>\"'`{}|\\^\[\]]*)?",
    re.IGNORECASE,
)
_TRAILING = ".,;:!?'\"*>"
_FIELD_PUNCT = re.compile(r"[\s_\-.]+")
#: A soft hyphen where a PDF broke a word at a line end, as text extractors write it
#: ("differ(cid:173) ent", pdfminer's name for the glyph) or as the character itself, with the
#: letters on each side (:func:`_soft_hyphen`).
_SOFT_HYPHEN = re.compile(r"([A-Za-z]*)(?:\(cid:173\)|\u00ad)\s*([A-Za-z]*)")
#: TeX's ligature glyphs as pdfminer names them in old proceedings ("classi(cid:12)cation",
#: "di(cid:11)erent", "e(cid:14)cient"): OT1's ff, fi, fl, ffi, and fi of another font.
_LIGATURES = {"11": "ff", "12": "fi", "13": "fl", "14": "ffi", "2": "fi"}
_LIGATURE = re.compile(r"\(cid:(" + "|".join(_LIGATURES) + r")\)(?=[a-z])")
_BARE_HINTS = ("www.", "github", "gitlab.com", "huggingface.co")
_ARXIV_STRICT = re.compile(r"^(?:arxiv:)?(\d{4}\.\d{4,5}|[a-z][a-z\-]*(?:\.[A-Za-z]{2})?/\d{7})(?:v\d+)?$", re.IGNORECASE)
#: Pages that only restate an id kept in Paper.ids (dropped from a record's url fields).
_ID_PAGE = re.compile(r"(?:arxiv\.org/(?:abs|pdf|html)/|doi\.org/|openalex\.org/|semanticscholar\.org/paper/)",
                      re.IGNORECASE)
_ARXIV_URL = re.compile(r"arxiv\.org/(?:abs|pdf|html)/", re.IGNORECASE)
#: A Hugging Face paper page names the paper by its arXiv id: huggingface.co/papers/2410.05434.
_HF_PAPER_URL = re.compile(r"huggingface\.co/papers/(\d{4}\.\d{4,5})(?:v\d+)?(?![\d.])", re.IGNORECASE)


Converted = tuple[Paper | None, str | None]


def one_record(convert: Callable[..., Converted]) -> Callable[..., Converted]:
    """Make a record converter return ``(None, problem)`` instead of raising for an unusable record.

    A record whose title has no letter or digit and that carries no id (``"***"``, an emoji)
    cannot become a paper; every converter of every reader goes through this, so one such
    record is reported and skipped while the rest of the file is read.

    Example:
        >>> @one_record
        ... def convert(title): return make_paper(title, "B.", source="x.csv:2"), None
        >>> convert("***")
        (None, "unusable record ('***'): a paper needs a title with a letter or digit, or an external id: give it a real title or an id (arXiv, DOI), or remove it")
    """
    @functools.wraps(convert)
    def guarded(*args, **kwargs) -> Converted:
        try:
            return convert(*args, **kwargs)
        except SchemaError as err:
            title = clean_text(_title_hint(args))[:60]
            what = f" ({title!r})" if title else ""
            return None, f"unusable record{what}: {err}: give it a real title or an id (arXiv, DOI), or remove it"
    return guarded


def _title_hint(args: tuple) -> str:
    for arg in args:
        if isinstance(arg, dict):
            for key in ("title", "TI", "Title", "display_name"):
                if isinstance(arg.get(key), str):
                    return arg[key]
        elif isinstance(arg, str):
            return arg
    return ""


@lru_cache(maxsize=4096)
def field_key(name: str) -> str:
    """A field name reduced for loose matching: ``paper_Title`` -> ``papertitle``."""
    return _FIELD_PUNCT.sub("", str(name)).casefold()


def clean_text(value: Any) -> str:
    """``value`` as one line of text: whitespace runs (newlines too) become one space, a word
    a PDF split with a soft hyphen or wrote with a ligature glyph or its number is one word again, a
    LaTeX accent is the accented letter ("Fr\\'echet" -> "Fréchet"), and UTF-8 read as Latin-1 or
    Windows-1252 by the tool that wrote the file ("robotâ\x80\x99s", "MÃ¶bius") is decoded again
    (ftfy).

    Example:
        >>> clean_text("  Deep\\n  nets\\t! ")
        'Deep nets !'
        >>> clean_text("differ(cid:173) ent input patterns for classi(cid:12)cation")
        'different input patterns for classification'
        >>> clean_text("non(cid:173) Gaussian noise, the Kullback(cid:173) Leibler divergence; it is supe(cid:173) rIOr")
        'non-Gaussian noise, the Kullback-Leibler divergence; it is superior'
        >>> clean_text("an ef£cient algorithm for two-class classi£cation, at £5 a run")
        'an efficient algorithm for two-class classification, at £5 a run'
        >>> clean_text("an εmisclassification error, αβγ and the Δ-rule")
        'an ε misclassification error, αβγ and the Δ-rule'
        >>> clean_text("Q-Iearning with a Iayer of milIion units, on Ising models")
        'Q-learning with a layer of million units, on Ising models'
        >>> clean_text("we propose **WeightRep**, a *novel* method based on **Co**ntrastive **Da**ta and A* search")
        'we propose WeightRep, a novel method based on Contrastive Data and A* search'
        >>> clean_text("_Test-Time Model Merging_ (TTMM) for $x_i$ and $y_{j}$")
        'Test-Time Model Merging (TTMM) for $x_i$ and $y_{j}$'
        >>> clean_text("we release $\\\\textit{LongPerceptualThoughts}$, $\\\\textbf{M}$ulti-scale, for $\\\\mathbf{X}$")
        'we release LongPerceptualThoughts, Multi-scale, for $\\\\mathbf{X}$'
        >>> clean_text("an \\\\emph{entropic} transport, a {\\\\it conditional renewal} (CR) model, $\\\\mathbf{x}$")
        'an entropic transport, a conditional renewal (CR) model, $\\\\mathbf{x}$'
        >>> clean_text("the robotâ\x80\x99s arm, MÃ¶biusGCN and 360Â° views; Brânzei")
        'the robot’s arm, MöbiusGCN and 360° views; Brânzei'
        >>> clean_text("methods,  e.g.  CART,  C4 .5,  with  15 .7% error in 2019. 5 runs")
        'methods, e.g. CART, C4.5, with 15.7% error in 2019. 5 runs'
    """
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        value = " ".join(str(v) for v in value if v is not None)
    return _clean_str(str(value))


@lru_cache(maxsize=256)
def _clean_str(text: str) -> str:
    """:func:`clean_text` of a string, kept for the fields a reader cleans twice (a title and an abstract are checked
    for text, then cleaned again into the paper)."""
    if _MOJIBAKE.search(text):
        text = ftfy.fix_encoding(text)
    if "(cid:" in text or "\u00ad" in text:
        text = _LIGATURE.sub(lambda m: _LIGATURES[m.group(1)], _SOFT_HYPHEN.sub(_soft_hyphen, text))
    if _LIGATURE_GLYPH.search(text):
        if "\ufb02" in text:
            text = _FL_GLYPH_WORD.sub(_fl_glyph_word, text)
        text = text.translate(_LIGATURE_GLYPHS)
    if "£" in text:
        text = _POUND_FI.sub("fi", text)
    if _GREEK.search(text):
        text = _GLUED_SYMBOL.sub(r"\1 ", text)
    if _SCAN_I_HINT.search(text):
        text = _SCAN_I.sub(_scan_l, text)  # "Q-Iearning"
    if "\\" in text and _LATEX_ACCENT.search(text):
        text = unicodedata.normalize("NFC", _LATEX_ACCENT.sub(_accented, text))
    if "$" in text and "\\" in text:
        text = _MATH_WRAPPED_NAME.sub(_unwrapped_name, text)
    if "\\" in text and "{" in text:
        text = _TEXT_FONT_MACRO.sub(lambda m: m.group(1) or m.group(2), text)
    if "$" in text:
        text = _MATH_WORD.sub(lambda m: m.group(1) if len(m.group(1)) >= 3 else m.group(0), text)
    if "*" in text:
        text = _MARKDOWN_ITALIC.sub(r"\1", _MARKDOWN_BOLD.sub(r"\1", text))
    if "_" in text:
        text = _MARKDOWN_UNDERSCORE.sub(r"\1", text)
    text = " ".join(text.split())
    if " ." in text:
        text = _SPACED_POINT.sub(".", text)  # "C4 .5", "15 .7%": a decimal point a PDF set apart
    if "- " in text:
        text = join_line_breaks(text)
    return text


#: A space a PDF put before a decimal point between two digits ("C4 .5", "15 .7% misclassification", "O(n3 .5 )").
_SPACED_POINT = re.compile(r"(?<=\d) \.(?=\d)")


def _soft_hyphen(m: re.Match) -> str:
    """A word a PDF broke at a soft hyphen: one word ("differ(cid:173) ent"), unless both halves are
    words of four or more letters and the whole is none ("speaker-independent"); a hyphen next to a capital is a
    compound's ("non-Gaussian", "Kullback-Leibler"); capitals a bad scan put inside an English word
    ("supe" + "rIOr", "re" + "suIting") are lower case again."""
    first, second = m.groups()
    if not first or not second:
        return first + second
    if second[0].isupper() or first[-1].isupper():
        return f"{first}-{second}"
    joined, known = first + second, english_words()
    if second.islower():
        if joined.lower() not in known and len(first) > 3 and first.lower() in known and second in known:
            return f"{first}-{second}"  # "second(cid:173) order": both halves words, the whole none
        return joined
    if first.islower():
        if joined.lower() in known:
            return joined.lower()
        fixed = _scan_i_as_l(joined)  # a scan's "I" for "l": "resuIting"
        if fixed:
            return fixed.lower()
    return joined


#: A capital I that a PDF's text layer has for a lower-case l ("Q-Iearning", "a Iayer", "milIion"; 36 in the
#: corpus): a word with an I after a lower-case letter or at its start before lower-case letters.
_SCAN_I = re.compile(r"\b[A-Za-z]*[a-z]I[a-z]+\b|\bI[a-z]{3,}\b")
#: What every :data:`_SCAN_I` match holds, found by its first letter (a search for :data:`_SCAN_I` tries each word).
_SCAN_I_HINT = re.compile(r"I[a-z]")


def _scan_l(m: re.Match) -> str:
    """The word of a :data:`_SCAN_I` match with its I read as l, when that is an English word and the
    word as written is none ("Iearning" -> "learning"; "Ising", "Inference" stay)."""
    word = m.group(0)
    if word.lower() in english_words():
        return word
    return _scan_i_as_l(word) or word


def _scan_i_as_l(word: str) -> str | None:
    """``word`` with each capital I read as l, when that makes an English word ("Iayer" -> "layer"), or None."""
    fixed = word.replace("I", "l")
    return fixed if fixed != word and fixed.lower() in english_words() else None


#: Ligature glyphs a PDF's text layer keeps ("ﬁnite", "eﬃcient"; 655 corpus abstracts), as letters.
_LIGATURE_GLYPH = re.compile("[\ufb00-\ufb06]")
_LIGATURE_GLYPHS = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
                                  "\ufb05": "st", "\ufb06": "st"})
#: A word with the "fl" ligature glyph, which some PDFs' fonts give to "fi" ("classiﬂcation", "ﬂnd"; 30 in the
#: corpus).
_FL_GLYPH_WORD = re.compile("\\w*\ufb02\\w*(?:- \\w+)?")


def _fl_glyph_word(m: re.Match) -> str:
    """The word of a :data:`_FL_GLYPH_WORD` match (with the rest of it after a line break's hyphen, "conﬂgu- ration")
    with its glyph read as "fi" when that makes an English word and "fl" does not ("classiﬂcation" ->
    "classification"; "reﬂect", "ﬂow" stay "fl")."""
    piece = m.group(0)
    word = piece.replace("- ", "")
    as_fl, as_fi = word.replace("\ufb02", "fl").lower(), word.replace("\ufb02", "fi").lower()
    words = english_words()
    return piece.replace("\ufb02", "fi") if as_fl not in words and as_fi in words else piece


#: A Greek letter glued to the word after it where a PDF or a LaTeX conversion lost the space
#: ("an εmisclassification error", "1/δmeasurements", "θwhich"; 47 in the corpus).
_GLUED_SYMBOL = re.compile(r"(?<![^\W\d_])([\u03b1-\u03c9\u0391-\u03a9])(?=[a-z]{3,}\b)")
#: A Greek letter anywhere, which every :data:`_GLUED_SYMBOL` match holds.
_GREEK = re.compile("[\u03b1-\u03c9\u0391-\u03a9]")
#: A name set in a font macro inside math, "$\\textit{LongPerceptualThoughts}$", "$\\mathsf{Barbarik2}$",
#: "$\\textbf{M}$ulti-$\\textbf{S}$cale": the name, not a formula; a symbol of one letter ("$\\mathbf{X}$")
#: stays unless a text macro glues it to the rest of its word.
_MATH_WRAPPED_NAME = re.compile(
    r"\$\s*\\(text(?:it|bf|sc|tt|sf|rm|up)?|math(?:rm|bf|it|tt|sf)|emph)\s*\{([A-Za-z][A-Za-z0-9.+-]*)\}\s*\$([A-Za-z]?)"
)

#: A word of three or more letters set alone in math, "${\\textbf{W}eight}$ $\\textbf{E}xperience$ (WE)", "($qPOTS$)"
#: (17 abstracts of the corpus): the word, so that a definition is read (that paper's "WER" had joined word error
#: rate) and a name is found; a variable ("$x$", "$x_i$"), a formula, or math glued to other math stays.
_MATH_WORD = re.compile(r"(?<![^\s(\[\"'“‘])\$\{?([A-Za-z]*[a-z][A-Za-z]*)\}?\$(?![\w$])")

#: Text set in a LaTeX font macro outside math: "\\emph{entropic} optimal transport", "{\\it conditional
#: renewal} (CR)", "{\\scshape Isolation Forest}" (1,073 abstracts of the corpus): the words, without the braces.
_TEXT_FONT_MACRO = re.compile(
    r"\\(?:emph|textit|textbf|textsc|texttt|textsf|textsl|underline)\s*\{([^{}$\\]{1,120})\}"
    r"|\{\\(?:em|it|bf|sc|sl|tt|sf|scshape|itshape|bfseries|slshape)\s+([^{}$\\]{1,120})\}"
)


def _unwrapped_name(m: re.Match) -> str:
    macro, name, glued = m.groups()
    if len(name) >= 2 or (glued and macro.startswith("text")):
        return name + glued
    return m.group(0)


#: Markdown emphasis an abstract was written with (arXiv and OpenReview abstracts; 266 in the corpus):
#: "we propose Weight Reparameterization (**WeightRep**)", "**Co**nstrained Generation based **Da**ta
#: Augmentation", "a method called *Reward Balancing*". The stars were read into names ("Da**ta
#: Augmentation", "*Stein Score Distillation"). A star after a letter stays: "A* search", "RRT*", "f^*".
_MARKDOWN_BOLD = re.compile(r"\*\*(?=[^\s*])(.+?)(?<=[^\s*])\*\*")
_MARKDOWN_ITALIC = re.compile(r"(?<![\w*])\*(?=[^\W\d_])([^*\n]+?)(?<=[\w.)\-])\*(?![\w*])")
#: "_Test-Time Model Merging_ (TTMM)", between a space or an opening bracket or quote and a space or a
#: punctuation mark: a subscript ("$x_i$", "\\|_f") or an identifier ("__init__") is none.
_MARKDOWN_UNDERSCORE = re.compile(r"(?<![^\s(\[\"'\u201c])_(?=[^\W\d_])([^_\n$\\]+?)(?<=[\w.)\-])_(?=[\s.,;:!?)\]\"'\u201d\u2014-]|$)")
#: "fi" that an old PDF's font maps to the pound sign ("classi£cation", "ef£cient", "£elds"): before a
#: lower-case letter it is no currency.
_POUND_FI = re.compile("£(?=[a-z])")
#: A LaTeX accent on a letter ("Fr\'echet", "Schr\"odinger", "Gr{\"o}bner", "Fr\'{e}chet", "\c{c}"),
#: as the tool that exported the abstract from its source left it (36 corpus abstracts):
#: "Fr\'echet inception distance" was read as "inception distance" (round 18).
_LATEX_ACCENT = re.compile(
    r"""(?P<open>\{)?\\(?:(?P<mark>['`^"~=.])|(?P<letter_mark>[cvuH])(?=[\s{]))\s?"""
    r"""(?:\{(?P<braced>\\i|[A-Za-z])\}|(?P<bare>\\i|[A-Za-z]))(?P<close>\})?"""
)
#: pylatexenc's LaTeX-to-text converter, math kept as written: the accent of a
#: :data:`_LATEX_ACCENT` match here, whole BibTeX fields in :mod:`kg.sources.bibtex`.
LATEX = LatexNodes2Text(math_mode="verbatim")


def _accented(match: re.Match) -> str:
    """The accented letter of a :data:`_LATEX_ACCENT` match (a brace of another group is kept)."""
    letter = match["braced"] or match["bare"]
    text = LATEX.latex_to_text(f"\\{match['mark'] or match['letter_mark']}{{{letter}}}")
    if match["open"] and match["close"]:
        return text
    return (match["open"] or "") + text + (match["close"] or "")


#: What UTF-8 read as Latin-1 or Windows-1252 looks like: a lead byte's letter (Â, Ã, â) before a
#: continuation byte's character; checked before calling ftfy, which costs 0.2 ms an abstract.
_MOJIBAKE = re.compile("[\u00c2\u00c3\u00e2][\u0080-\u00bf\u20ac\u201a\u201e\u2026\u2018\u2019\u201c\u201d\u2013\u2014\u2122\u0153\u0178]")
#: Where a PDF broke a word at the end of a line: "meth- ods", "low- rank" (not "pre- and post-").
_LINE_BREAK = re.compile(r"\b([A-Za-z]*[a-z])- ([a-z]+)\b")
#: Words after which "x- " is the shared first half of a coordination ("first- or second-order").
_SHARED_HALF = frozenset({"and", "or", "nor", "to", "vs", "versus", "as", "but", "with", "than", "then",
                          "in", "of", "on", "for", "by", "the", "a", "an"})


def unshouted(title: str) -> str:
    """A title written in capitals (60 corpus titles: "A STRUCTURED SELF-ATTENTIVE SENTENCE EMBEDDING") in
    title case: "THE" or "OPTIMIZATION" are no acronyms. A word stays in capitals when it has a digit, is
    short and no English word ("GAN", "AI"), or has too few vowels for a word ("LSTM").

    Example:
        >>> unshouted("NEWSQA: A MACHINE COMPREHENSION DATASET FOR GAN"), unshouted("BERT for QA")
        ('Newsqa: A Machine Comprehension Dataset for GAN', 'BERT for QA')
        >>> unshouted("THE EFFECTIVENESS OF A TWO-LAYER NEURAL NETWORK WITH LSTM")
        'The Effectiveness of a Two-Layer Neural Network with LSTM'
    """
    letters = [c for c in title if c.isalpha()]
    if len(title.split()) < 3 or not letters or sum(c.isupper() for c in letters) < 0.9 * len(letters):
        return title
    known = english_words()

    def part(w: str) -> str:
        low = w.lower()
        if not w.isalpha() or not w.isupper():
            return w
        if low in _TITLE_SMALL_WORDS or low in known or low.rstrip("s") in known:
            return w.capitalize()
        if len(w) >= 5 and sum(c in "AEIOUY" for c in w) >= 2:
            return w.capitalize()  # a word the vocabulary lacks ("ADVERSARIAL")
        return w

    def word(m: re.Match) -> str:
        w, before = m.group(0), title[: m.start()].rstrip()
        alone = not before.endswith("-") and title[m.end() : m.end() + 1] != "-"
        if alone and before and not before.endswith((":", "?", "!", ".")) and w.lower() in _TITLE_SMALL_WORDS:
            return w.lower()
        return part(w)

    return _CAPS_WORD.sub(word, title)


_CAPS_WORD = re.compile(r"(?<![A-Za-z0-9])[A-Z]+(?![A-Za-z0-9])")
#: Short words of a title (the vocabulary keeps words of four or more letters).
_TITLE_SMALL_WORDS = frozenset({"a", "an", "the", "of", "for", "to", "in", "on", "by", "via", "and", "or", "with",
                                "as", "at", "from", "is", "are", "can", "do", "how", "we", "its", "not", "new", "one",
                                "two", "use", "why", "who", "all", "any", "few", "low", "big", "key", "way"})


def join_line_breaks(text: str) -> str:
    """Join the words a PDF broke at line ends. The halves make one word when that is an English
    word or a word written whole elsewhere in ``text``; else a hyphenated compound when the second
    half is a word itself ("low- rank"); else one word ("adversar- ial": "ial" is no word).

    Example:
        >>> join_line_breaks("Bayesian meth- ods with low- rank and pre- and post-training updates")
        'Bayesian methods with low-rank and pre- and post-training updates'
    """
    here: set[str] = set()

    def is_word(word: str) -> bool:
        lower, known = word.lower(), english_words()
        if not here:
            here.update(w.lower() for w in re.findall(r"[A-Za-z]+", _LINE_BREAK.sub(" ", text)))  # not the halves
        # the vocabulary holds some words in one number only ("algorithms")
        return lower in known or lower + "s" in known or lower[-1] == "s" and lower[:-1] in known or lower in here

    def join(m: re.Match) -> str:
        first, second = m.groups()
        if second in _SHARED_HALF:
            return m.group(0)
        if is_word(first + second):
            return first + second
        if second in _SHORT_WORDS or len(second) > 3 and is_word(second):
            return f"{first}-{second}"
        return first + second

    return _LINE_BREAK.sub(join, text)


#: Short second halves of compounds (the vocabulary's words of under four letters are not kept).
_SHORT_WORDS = frozenset({"way", "end", "box", "art", "net", "top", "set", "off", "out", "run", "day", "key",
                          "map", "bit", "hop", "air", "law", "fit", "gap", "sum", "max", "min", "mix", "hot",
                          "old", "new", "low", "big", "aid", "age", "arm", "car", "eye", "tag", "tie"})


def _strip_url(url: str) -> str:
    while url:
        last = url[-1]
        unbalanced = (last == ")" and url.count("(") < url.count(")")) or (
            last == "]" and url.count("[") < url.count("]"))
        if last not in _TRAILING and not unbalanced:
            break
        url = url[:-1]
    return url


def extract_urls(text: str) -> list[str]:
    """URLs in ``text``, trailing punctuation stripped, in order, without duplicates.

    Bare ``github.com/...``, ``*.github.io`` and ``www.`` addresses get ``https://``.

    Example:
        >>> extract_urls("Code: https://github.com/a/b. Demo at a.github.io/x, see (https://x.org/p).")
        ['https://github.com/a/b', 'https://x.org/p', 'https://a.github.io/x']
    """
    if not text:
        return []
    urls: list[str] = []
    masked = text
    if "://" in text:
        for match in _SCHEME_URL.finditer(text):
            url = _strip_url(match.group(0))
            if len(url) > len(url.split("://", 1)[0]) + 3 and url not in urls:
                urls.append(url)
        masked = _SCHEME_URL.sub(lambda m: " " * len(m.group(0)), text)
    low = masked.lower()
    if not any(hint in low for hint in _BARE_HINTS):
        return urls
    for match in _BARE_URL.finditer(masked):
        url = _strip_url(match.group(0))
        if "/" not in url and not url.lower().startswith("www.") and not url.lower().endswith(".github.io"):
            continue  # a bare "github.com" names the site, not an address
        url = "https://" + url
        if url not in urls:
            urls.append(url)
    return urls


def _valid(year: int, month: int, day: int | None) -> bool:
    try:
        dt.date(year, month, day or 1)
    except ValueError:
        return False
    return 1000 <= year <= 2999


def format_date(year: int | None, month: int | None, day: int | None) -> str | None:
    """ISO 8601 (possibly partial) for what is known; never invents a year.

    Example:
        >>> format_date(None, 1, 15), format_date(2024, 3, None), format_date(2024, 2, 30)
        ('--01-15', '2024-03', None)
    """
    if year is None:
        if month and day and _valid(2000, month, day):  # 2000 is a leap year: Feb 29 allowed
            return f"--{month:02d}-{day:02d}"
        return None
    if month is None:
        return f"{year:04d}" if 1000 <= year <= 2999 else None
    if not _valid(year, month, day):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}" if day else f"{year:04d}-{month:02d}"


def parse_date(value: Any, year: int | None = None) -> str | None:
    """An ISO 8601 date from ISO strings, "Mar 22, 2024", "22 March 2024", "Jan 15" or a year.

    A date without a year gets ``year`` when given, else stays ``--MM-DD``.
    Returns None for anything else.

    Example:
        >>> parse_date("Mar 22, 2024"), parse_date("Jan 15"), parse_date("Jan 15", year=2025)
        ('2024-03-22', '--01-15', '2025-01-15')
        >>> parse_date("2024-03-22T17:59:00.000Z"), parse_date(2021)
        ('2024-03-22', '2021')
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return format_date(value, None, None)
    text = str(value).strip()
    if not text:
        return None
    m = _ISO.match(text)
    if m:
        y, mo, d = m.groups()
        return format_date(int(y), int(mo) if mo else None, int(d) if d else None)
    m = _MONTH_DAY.match(text)
    if m:
        mon, day, y = m.groups()
        return _with_year(int(y) if y else year, _MONTHS[mon.lower()], int(day))
    m = _DAY_MONTH.match(text)
    if m:
        day, mon, y = m.groups()
        return _with_year(int(y) if y else year, _MONTHS[mon.lower()], int(day))
    m = _MONTH_YEAR.match(text)
    if m:
        return format_date(int(m.group(2)), _MONTHS[m.group(1).lower()], None)
    if "," in text and ":" in text:  # RFC 2822: "Mon, 2 Apr 2007 19:18:42 GMT" (arXiv snapshot versions)
        try:
            stamp = email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError):
            return None
        return format_date(stamp.year, stamp.month, stamp.day)
    return None


def _with_year(year: int | None, month: int, day: int) -> str | None:
    return format_date(year, month, day) or format_date(None, month, day)


def ids_from_value(value: Any) -> dict[str, str]:
    """External ids named by one id or URL string (strict: a DOI's digits are no arXiv id).

    Example:
        >>> ids_from_value("https://arxiv.org/abs/2401.00001v2")
        {'arxiv': '2401.00001'}
        >>> ids_from_value("https://openalex.org/W2741809807")
        {'openalex': 'W2741809807'}
        >>> ids_from_value("3dv2025:05T81ScPFb")
        {}
    """
    if value is None or isinstance(value, (dict, list, bool)):
        return {}
    text = str(value).strip()
    if not text:
        return {}
    low = text.lower()
    hf = _HF_PAPER_URL.search(text)
    if hf:
        arxiv = normalize_arxiv_id(hf.group(1))
        return {"arxiv": arxiv} if arxiv else {}
    if _ARXIV_STRICT.match(text) or _ARXIV_URL.search(text):
        arxiv = normalize_arxiv_id(text.split("arxiv.org/", 1)[-1] if "arxiv.org/" in low else text)
        return {"arxiv": arxiv} if arxiv else {}
    if "doi.org/" in low or low.startswith(("10.", "doi:")):
        doi = normalize_doi(text)
        return normalize_ids({"doi": doi}) if doi else {}
    if "openalex.org/" in low or re.fullmatch(r"[Ww]\d{4,}", text):
        oa = normalize_openalex_id(text)
        return {"openalex": oa} if oa else {}
    if re.fullmatch(r"[0-9a-fA-F]{40}", text) or "semanticscholar.org/paper/" in low:
        s2 = normalize_s2_id(text)
        return {"s2": s2} if s2 else {}
    return {}


def as_int(value: Any) -> int | None:
    """A non-negative int from an int, float or numeric string, else None."""
    if value is None or isinstance(value, bool):
        return None
    try:
        number = int(float(str(value).strip().replace(",", "")))
    except ValueError:
        return None
    return number if number >= 0 else None


def author_names(value: Any) -> list[str]:
    """Author names from a list of names or of ``{"name": ...}`` dicts, or a "A, B and C" string.

    Example:
        >>> author_names("Ada Lovelace and Alan Turing"), author_names([{"name": "Grace Hopper"}])
        (['Ada Lovelace', 'Alan Turing'], ['Grace Hopper'])
    """
    if not value:
        return []
    if isinstance(value, str):
        text = value.strip()
        if text.startswith("[") and text.endswith("]"):  # a Python/JSON list written into a CSV cell
            try:
                parsed = ast.literal_eval(text)
            except (ValueError, SyntaxError):
                parsed = None
            if isinstance(parsed, (list, tuple)):
                return author_names(list(parsed))
        if ";" in text:  # "Last, First; Last, First" (Web of Science, IEEE)
            return [_first_last(p) for p in text.split(";") if clean_text(p)]
        parts = re.split(r"\s+and\s+|\s*,\s*(?:and\s+)?", text)
        return [clean_text(p) for p in parts if clean_text(p)]
    names: list[str] = []
    if isinstance(value, (list, tuple)):
        for item in value:
            if isinstance(item, dict):
                name = item.get("name") or item.get("display_name") or item.get("fullname")
                if not name and isinstance(item.get("author"), dict):
                    name = item["author"].get("display_name") or item["author"].get("name")
                if not name and ("first" in item or "last" in item):
                    name = f"{item.get('first', '')} {item.get('last', '')}"
            else:
                name = item
            if clean_text(name):
                names.append(clean_text(name))
    return names


def _first_last(name: str) -> str:
    """"Last, First" -> "First Last"; other names unchanged.

    Example:
        >>> _first_last("Hassan, Syed Ibrahim"), _first_last("P. Kogge")
        ('Syed Ibrahim Hassan', 'P. Kogge')
    """
    last, sep, first = name.partition(",")
    return clean_text(f"{first} {last}") if sep and first.strip() else clean_text(name)


def make_paper(
    title: Any,
    abstract: Any,
    *,
    source: str,
    ids: dict[str, str] | None = None,
    date: str | None = None,
    authors: Iterable[str] = (),
    authors_count: int | None = None,
    upvotes: int | None = None,
    organization: str | None = None,
    urls: Iterable[str] = (),
    references: Iterable[dict[str, str]] = (),
    venue: Any = None,
) -> Paper:
    """A :class:`Paper` with cleaned text, URLs from the abstract, normalized ids and its id.

    Example:
        >>> p = make_paper(" Deep  Nets ", "See https://github.com/a/b.", source="x.txt:3")
        >>> p.id, p.urls, p.sources
        ('title:deep-nets', ['https://github.com/a/b'], ['x.txt:3'])
    """
    title, abstract = unshouted(clean_text(title)), clean_text(abstract)
    ids = normalize_ids(ids or {})
    authors = [clean_text(a) for a in authors if clean_text(a)]
    if authors_count is None and authors:
        authors_count = len(authors)
    all_urls: list[str] = []
    given = [u for u in urls if not _ID_PAGE.search(u or "")]
    for url in [*given, *extract_urls(abstract)]:
        url = _strip_url(clean_text(url))
        if url and url not in all_urls:
            all_urls.append(url)
    return Paper(
        id=paper_id(ids, title),
        title=title,
        abstract=abstract,
        authors_count=authors_count,
        date=date,
        upvotes=upvotes,
        organization=clean_text(organization) or None,
        urls=all_urls,
        sources=[source],
        ids=ids,
        references=[dict(r) for r in references if r],
        authors=authors,
        venue=clean_text(venue) or None,
    )


def pick(record: dict[str, Any], keys: Iterable[str], explicit: str | None = None) -> tuple[str | None, Any]:
    """The first field of ``record`` whose loose name is in ``keys`` (or exactly ``explicit``).

    Returns ``(field name, value)``; empty values are skipped.

    Example:
        >>> pick({"Paper_Title": "A", "summary": "B"}, TITLE_KEYS)
        ('Paper_Title', 'A')
    """
    if explicit:
        return _pick_path(record, explicit)
    loose: dict[str, str] = {}
    for k in record:
        loose.setdefault(field_key(k), k)
    for key in keys:
        name = loose.get(key)
        if name is not None and record[name] not in (None, "", [], {}):
            return name, record[name]
    for outer, inner in record.items():  # one level down: {"details": {"abstract": ...}}
        if isinstance(inner, dict):
            name, value = pick(inner, keys)
            if name is not None:
                return f"{outer}.{name}", value
    return None, None


def _pick_path(record: dict[str, Any], path: str) -> tuple[str | None, Any]:
    """The field named by ``path``, exactly or loosely, dots stepping into nested objects.

    Example:
        >>> _pick_path({"details": {"Abstract": "B"}}, "details.abstract")
        ('details.Abstract', 'B')
    """
    if path in record:
        return path, record[path]
    loose = {field_key(k): k for k in record}
    name = loose.get(field_key(path))
    if name:
        return name, record[name]
    head, dot, rest = path.partition(".")
    if dot:
        inner = record.get(head, record.get(loose.get(field_key(head), ""), None))
        if isinstance(inner, dict):
            found, value = _pick_path(inner, rest)
            if found is not None:
                return f"{head}.{found}", value
    return None, None


def _url_values(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value] if re.match(r"(?:https?://|www\.)", value.strip(), re.IGNORECASE) else extract_urls(value)
    if isinstance(value, (list, tuple)):
        return [u for v in value for u in _url_values(v)]
    if isinstance(value, dict):
        return [u for v in value.values() for u in _url_values(v)]
    return []


#: Key in ``Paper.ids`` of the ``id`` a JSON record or CSV row carries, kept as given. It is
#: no identity kind: papers never merge on it (``kg.resolve.papers.ID_KINDS``).
RECORD_ID = "record"


@one_record
def generic_record(
    record: dict[str, Any],
    source: str,
    *,
    year: int | None = None,
    title_field: str | None = None,
    abstract_field: str | None = None,
) -> tuple[Paper | None, str | None]:
    """A paper from a flat record (JSON object, CSV row), or ``(None, problem)``.

    The problem is a message saying what is missing and what to do.

    Example:
        >>> p, problem = generic_record({"Title": "A", "summary": "B", "arxiv_id": "2401.00001v2"}, "x.csv:2")
        >>> p.id, problem
        ('arxiv:2401.00001', None)
    """
    if isinstance(record.get("paper"), dict):  # Hugging Face daily papers API: {"paper": {...}, ...}
        record = {**{k: v for k, v in record.items() if k != "paper"}, **record["paper"]}
    tkey, title = pick(record, TITLE_KEYS, title_field)
    akey, abstract = pick(record, ABSTRACT_KEYS, abstract_field)
    fields = ", ".join(repr(k) for k in list(record)[:12])
    if not clean_text(title):
        hint = f"--title-field {title_field!r} matched nothing" if title_field else "name it with --title-field"
        why = "empty title" if tkey else f"no title field among {fields}"
        return None, f"{why}: {hint}"
    if not clean_text(abstract):
        hint = (f"--abstract-field {abstract_field!r} matched nothing" if abstract_field
                else "name it with --abstract-field")
        why = "empty abstract" if akey else f"no abstract field among {fields}"
        return None, f"{why}: {hint}"
    ids: dict[str, str] = {}
    loose = {field_key(k): v for k, v in record.items()}
    for key, kind in (("arxivid", "arxiv"), ("arxiv", "arxiv"), ("eprint", "arxiv"), ("doi", "doi"),
                      ("openalex", "openalex"), ("openalexid", "openalex"), ("paperid", "s2"), ("s2id", "s2")):
        value = loose.get(key)
        if isinstance(value, (str, int)) and str(value).strip() and kind not in ids:
            ids[kind] = str(value)
    for key in ("ids", "externalids"):
        if isinstance(loose.get(key), dict):
            for k, v in loose[key].items():
                kind = {"arxiv": "arxiv", "doi": "doi", "openalex": "openalex", "paperid": "s2", "s2": "s2"}.get(
                    field_key(k), field_key(k))  # other ids (wos, pmid, mag...) are kept under their own name
                if kind and isinstance(v, (str, int)) and str(v).strip() and kind not in ids:
                    ids[kind] = str(v)
    for kind, value in ids_from_value(loose.get("id")).items():
        ids.setdefault(kind, value)
    if isinstance(record.get("id"), (str, int)) and str(record["id"]).strip():
        ids[RECORD_ID] = str(record["id"]).strip()  # the input's own id, as given (kg extract keeps it)
    urls: list[str] = []
    for key in _URL_KEYS:
        if key in loose:
            urls.extend(_url_values(loose[key]))
    for url in urls:
        for kind, value in ids_from_value(url).items():
            if kind == "arxiv":
                ids.setdefault(kind, value)
    date = None
    for key in _DATE_KEYS:
        if loose.get(key):
            date = parse_date(loose[key], year)
            if date:
                break
    for key in _YEAR_KEYS:
        if not date and loose.get(key):
            date = parse_date(as_int(loose[key]))
    authors = author_names(loose.get("authors") or loose.get("author"))
    snapshot = arxiv_snapshot_fields(loose)
    if snapshot:
        date = snapshot.get("date") or date
        authors = snapshot.get("authors") or authors
        if snapshot.get("arxiv"):
            ids["arxiv"] = snapshot["arxiv"]
    venue = next((loose[k] for k in VENUE_KEYS if isinstance(loose.get(k), str) and loose[k].strip()), None)
    count = as_int(loose.get("authorscount") or loose.get("numauthors") or loose.get("nauthors"))
    org = loose.get("organization") or loose.get("organisation") or loose.get("org")
    if isinstance(org, dict):
        org = org.get("fullname") or org.get("display_name") or org.get("name")
    references = [r for r in (_reference(v) for v in loose.get("references") or [] ) if r] \
        if isinstance(loose.get("references"), list) else []
    paper = make_paper(
        title, abstract, source=source, ids=ids, date=date, authors=authors, authors_count=count,
        upvotes=as_int(loose.get("upvotes")), organization=org if isinstance(org, str) else None,
        urls=urls, references=references, venue=venue,
    )
    return paper, None


def _literal(value: Any) -> Any:
    """A list written as text into a CSV cell (``"[{'version': 'v1', ...}]"``), parsed; else ``value``."""
    if isinstance(value, str) and value.strip().startswith("["):
        try:
            return ast.literal_eval(value.strip())
        except (ValueError, SyntaxError):
            return None
    return value


def _snapshot_arxiv_id(value: Any) -> str | None:
    """The arXiv id of a snapshot row, repairing ids a spreadsheet read as numbers (``704.0001``).

    Example:
        >>> _snapshot_arxiv_id("704.0001"), _snapshot_arxiv_id("704.001"), _snapshot_arxiv_id("hep-th/9901001")
        ('0704.0001', '0704.0010', 'hep-th/9901001')
    """
    text = str(value or "").strip()
    m = re.fullmatch(r"(\d{3,4})\.(\d{1,5})", text)
    if m:
        yymm = m.group(1).zfill(4)
        digits = 5 if int(yymm) >= 1501 else 4
        text = f"{yymm}.{m.group(2).ljust(digits, '0')}"
    return normalize_arxiv_id(text)


def arxiv_snapshot_fields(loose: dict[str, Any]) -> dict[str, Any]:
    """Date of the first version, authors and arXiv id of a Kaggle arXiv metadata record.

    The snapshot's ``update_date`` is its last change, not the paper's date; ``versions[0].created``
    is the first submission. ``authors_parsed`` (``[last, first, suffix]``) is used instead of
    splitting ``authors`` on commas. Returns ``{}`` for other records. ``loose`` is keyed by
    :func:`field_key`.

    Example:
        >>> arxiv_snapshot_fields({"id": "0704.0001", "versions": [{"created": "Mon, 2 Apr 2007 19:18:42 GMT"}],
        ...                        "authorsparsed": [["Balázs", "C.", ""]]})
        {'date': '2007-04-02', 'authors': ['C. Balázs'], 'arxiv': '0704.0001'}
    """
    if "authorsparsed" not in loose and not ("versions" in loose and "submitter" in loose):
        return {}
    out: dict[str, Any] = {}
    versions = _literal(loose.get("versions"))
    if isinstance(versions, list) and versions and isinstance(versions[0], dict):
        date = parse_date(versions[0].get("created"))
        if date:
            out["date"] = date
    parsed = _literal(loose.get("authorsparsed"))
    if isinstance(parsed, list):
        names = [clean_text(" ".join([*(p[1:2]), p[0], *(p[2:3])])) for p in parsed
                 if isinstance(p, (list, tuple)) and p]
        if names:
            out["authors"] = [n for n in names if n]
    arxiv = _snapshot_arxiv_id(loose.get("id"))
    if arxiv:
        out["arxiv"] = arxiv
    return out


def _reference(value: Any) -> dict[str, str]:
    if isinstance(value, dict):
        ref: dict[str, str] = {}
        for k, v in value.items():
            kind = {"arxiv": "arxiv", "arxivid": "arxiv", "doi": "doi", "openalex": "openalex", "paperid": "s2",
                    "s2": "s2", "title": "title"}.get(field_key(k))
            if kind and isinstance(v, (str, int)) and str(v).strip():
                ref[kind] = clean_text(v) if kind == "title" else str(v)
        ids = normalize_ids({k: v for k, v in ref.items() if k != "title"})
        if "title" in ref:
            ids["title"] = ref["title"]
        return ids
    return ids_from_value(value)
