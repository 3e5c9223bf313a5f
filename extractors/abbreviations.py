"""Abbreviation definitions: "Long Form (LF)" and the reverse order "LF (Long Form)".

The matching is the Schwartz-Hearst algorithm (as scispaCy's ``find_abbreviation``):
the characters of the short form are found right to left in the candidate long form,
the first one at the start of a word. Digits of the short form that the long form
does not contain are skipped (``R2I`` = "Recall to Imagine") and a plural ``s`` is
ignored (``SSMs`` = "state space models").

The component ``kg_abbreviations`` sets ``doc.spans["kg_abbreviations"]``: one span
per definition covering the long form, whose label is the short form.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from extractors.spans import YEAR, closing_bracket
from schema.names import listed_name

SPAN_KEY = "kg_abbreviations"
_BOUNDARY = frozenset({",", ";", ":", "(", ")", "[", "]", ".", "!", "?", '"', "\n", "\n\n"})
_CLOSING_QUOTES = frozenset({'"', "'", "”", "’", "»", "''"})
_OPENING_QUOTES = frozenset({"'", "“", "‘", "’", "«", "`", "``"})
_NOT_SHORT = frozenset({"e.g.", "i.e.", "etc.", "et al.", "ii", "iii", "iv", "vs", "cf"})


def is_short_form(text: str) -> bool:
    """Whether ``text`` can be an abbreviation: 2-12 characters, a capital, few words.

    Example:
        >>> is_short_form("SACFA"), is_short_form("ScPO"), is_short_form("2024"), is_short_form("the model")
        (True, True, False, False)
    """
    text = text.strip()
    if not 2 <= len(text) <= 12 or text.lower() in _NOT_SHORT:
        return False
    if len(text.split()) > 2 or not text[0].isalnum():
        return False
    if not any(c.isupper() for c in text):
        return False
    letters = sum(c.isalpha() for c in text)
    return letters >= 2 and not re.fullmatch(r"[\d.%]+", text)


def _singular(short: str) -> str:
    """A short form without the "s" of its plural ("SSMs" -> "SSM"); two letters ("Ms") or an "s" after a lower-case
    letter ("Res") stay as written."""
    return short[:-1] if len(short) > 2 and short.endswith("s") and short[-2].isupper() else short


def _short_chars(short: str, long: str) -> str:
    chars = _singular(short)  # plural: "SSMs"
    kept = []
    low = long.lower()
    for c in chars.lower():
        if not c.isalnum():
            continue
        if c.isdigit() and c not in low:
            continue
        kept.append(c)
    return "".join(kept)


_MINOR = frozenset(
    ["of", "the", "and", "for", "to", "in", "with", "on", "a", "an", "by", "from", "via", "at", "as"]
)


def _initials_long_form(long: str, chars: str, max_words: int) -> str | None:
    """The shortest word suffix of ``long`` whose word (and hyphen-part) initials spell ``chars``.

    Minor words ("of", "from") may be skipped. Returns None when no suffix fits.
    """
    words = long.split()
    for k in range(1, min(len(words), max_words) + 1):
        # a hyphenated word's later parts may go unspelled ("corpus-level curriculum (CC)")
        parts = [
            (p, w.lower() in _MINOR or j > 0) for w in words[-k:] for j, p in enumerate(re.split(r"[-/]", w)) if p
        ]
        if not parts or not parts[0][0][:1].isalnum():
            continue
        if _spells(parts, chars):
            return " ".join(words[-k:])
    return None


def capitals_long_form(long: str, chars: str) -> str | None:
    """The shortest word suffix of ``long`` whose capitals spell ``chars`` (lower case), when a word of it marks
    its letters with capitals inside ("eXtremely Greedy Equivalent Search" for XGES, "PRObabilistic VIdeo
    DEcomposition" for PROVIDE): the letters need not open the words. None otherwise.

    Example:
        >>> capitals_long_form("we then propose eXtremely Greedy Equivalent Search", "xges")
        'eXtremely Greedy Equivalent Search'
        >>> capitals_long_form("a Greedy Equivalent Search", "ges") is None  # initials spell it: not this path
        True
        >>> capitals_long_form("Wasserstein distance/Maximum Mean Discrepancy", "mmd") is None
        True
    """
    words = long.split()
    for k in range(1, min(len(words), len(chars) + 3) + 1):
        suffix = words[-k:]
        if not any(c.isupper() for c in suffix[0]):
            continue
        capitals = "".join(c for w in suffix for c in w if c.isupper()).lower()
        if capitals == chars:
            inner = any(w.isalpha() and (w[0].islower() and not w.islower() or _CAPITALS_RUN.search(w)) for w in suffix)
            return " ".join(suffix) if inner else None
        if len(capitals) > len(chars):
            return None
    return None


#: Two or more capitals before lower-case letters inside a word ("PRObabilistic", "VIdeo"; not a plural "SVMs").
_CAPITALS_RUN = re.compile(r"[A-Z]{2,}[a-z]{2,}")


def _spells(parts: list[tuple[str, bool]], chars: str) -> bool:
    i = 0
    for part, minor in parts:
        if i < len(chars) and part[:1].lower() == chars[i]:
            i += 1
        elif not minor:
            return False
    return i == len(chars)


def find_abbreviation(long_candidate: str, short: str) -> str | None:
    """The long form of ``short`` at the end of ``long_candidate``, or None (:func:`_find_long_form`). One that opens
    with a lower-case minor word whose initial spells the first letter ("Augmentative and Alternative Communication
    (AAC)" gave "and Alternative Communication") takes the word before it when that word's initial is the same letter;
    otherwise it stays as found (the mention it makes may be the paper's only one of the name).

    Example:
        >>> find_abbreviation("Augmentative and Alternative Communication", "AAC")
        'Augmentative and Alternative Communication'
        >>> find_abbreviation("the Cancer Genome Atlas", "TCGA")
        'the Cancer Genome Atlas'
    """
    found = _find_long_form(long_candidate, short)
    first = found.split()[0] if found else ""
    if first not in _MINOR:
        return found
    before = long_candidate.rstrip()[: -len(found)].split()
    if before and before[-1][:1].lower() == first[:1] and before[-1].lower() not in _MINOR:
        return f"{before[-1]} {found}"
    return found


def _find_long_form(long_candidate: str, short: str) -> str | None:
    """The long form of ``short`` at the end of ``long_candidate``, or None.

    ``long_candidate`` is the text just before "(short)" (or inside the brackets of
    "short (long)"); the result is its shortest suffix whose words spell ``short``.

    Example:
        >>> find_abbreviation("we propose the Subject-Aware Cross-Frame Attention", "SACFA")
        'Subject-Aware Cross-Frame Attention'
        >>> find_abbreviation("a new method", "XYZ") is None
        True
    """
    long = long_candidate.rstrip()
    letters = [c for c in short.rstrip("s") if c.isalpha()]
    inner = [m for m in re.finditer(r"(\d)(?=[A-Za-z])", short) if m.group(1) not in long]
    if letters and all(c.isupper() for c in letters) and inner:
        # "A3C": a digit inside the short form that the long form lacks counts its letter
        # (Asynchronous Advantage Actor-Critic); a final number ("MSMT17") is a version or a size
        # the digit counts the capital before it ("R2D2") or, failing that, the one after it ("NK3ML")
        for repeated in (_counted_before(short), _REPEAT_NEXT.sub(lambda m: m.group(2) * int(m.group(1)), short)):
            if not any(c.isdigit() for c in repeated):
                found = _find_abbreviation(long, repeated, initials_only=True)
                if found is not None:
                    return found
        # ... or stands for a word ("E2E": end-to-end); a long form without that word is cut
        found = _find_abbreviation(long, short)
        said = {w.lower() for w in _WORD_PART.findall(found or "")}
        if found is not None and all(_DIGIT_WORDS.get(m.group(1), set()) & said for m in inner):
            return found
        return None
    found = _find_abbreviation(long, short)
    if found is None and _FINAL_REPEAT.fullmatch(short):
        # "T5" (Text-to-Text Transfer Transformer), "C4" (Colossal Clean Crawled Corpus): the
        # final digit counts its capital, the long form spelled by initials alone
        found = _find_abbreviation(long, _counted_before(short), initials_only=True)
    return found


#: A short form of capitals whose final digit may count the last one ("T5", "C4").
_FINAL_REPEAT = re.compile(r"[A-Z]+[2-9]")
#: The words a digit inside a short form may stand for ("E2E": end-to-end).
_DIGIT_WORDS = {"2": {"to", "two", "into", "second"}, "3": {"three", "third"}, "4": {"for", "four"}}
#: Words and camel-case parts of a long form ("Learning to MultiTask": four).
_WORD_PART = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?=[A-Z][a-z])|[A-Z]+|\d+")
#: A capital followed by a digit that counts it ("A3C", "R2D2").
_REPEAT = re.compile(r"([A-Z])\^?([2-9])(?![0-9])")


def _counted_before(short: str) -> str:
    """``short`` with each digit after a capital written as that many capitals ("R2D2" -> "RRDD")."""
    return _REPEAT.sub(lambda m: m.group(1) * int(m.group(2)), short)


#: A digit that counts the capital after it ("NK3ML": Nullspace Kernel Maximum Margin Metric Learning).
_REPEAT_NEXT = re.compile(r"(?<![0-9])\^?([2-9])([A-Z])")


def _find_abbreviation(long: str, short: str, initials_only: bool = False, loose: bool = True) -> str | None:
    """The long form by the initials of its words, else (unless ``initials_only``) by its marked capitals, else
    (when ``loose``) by the letters found in order from the right (Schwartz-Hearst)."""
    s = _short_chars(short, long)
    if len(s) < 2 or not long:
        return None
    by_initials = _initials_long_form(
        long, "".join(c for c in s if not c.isdigit()), min(len(s) + 5, len(s) * 2)
    )
    if by_initials is not None and by_initials.lower() != short.lower():
        return by_initials
    if initials_only:
        return None
    by_capitals = capitals_long_form(long, s)
    if by_capitals is not None or not loose:
        return by_capitals
    s_i, l_i = len(s) - 1, len(long) - 1
    while s_i >= 0:
        c = s[s_i]
        while l_i >= 0 and (long[l_i].lower() != c or (s_i == 0 and l_i > 0 and long[l_i - 1].isalnum())):
            l_i -= 1
        if l_i < 0:
            return None
        l_i -= 1
        s_i -= 1
    start = long.rfind(" ", 0, l_i + 1) + 1
    result = long[start:].strip()
    words = result.split()
    if not words or result.lower() == short.lower():
        return None
    if len(words) > min(len(s) + 5, len(s) * 2):
        return None
    if len(words) == 1 and "-" not in result and not _one_word_long_form(result, short):
        return None
    if words[0][0].lower() != s[0]:
        return None
    return result


def _one_word_long_form(word: str, short: str) -> bool:
    """Whether one word is the long form of ``short``: a name joined in camel case whose capitals spell a short form
    of capitals ("SceneMotifCoder (SMC)", "PatchRefineNet (PRN)"). A word of lower-case letters is not taken: for
    every "autoencoder (AE)" there is an "infrared (IR)" or "foreground (FG)" that would become a name.

    Example:
        >>> _one_word_long_form("SceneMotifCoder", "SMC"), _one_word_long_form("HueGrays", "HGs")
        (True, True)
        >>> _one_word_long_form("infrared", "IR"), _one_word_long_form("SoftsplatLite", "SSL")
        (False, False)
    """
    letters = _singular(short)
    return word.isalpha() and letters.isalpha() and letters.isupper() and _capitals(word) == letters


def find_abbreviations(doc: Doc) -> list[tuple[Span, Span]]:
    """All (long form span, short form span) definitions in ``doc``.

    Needs sentence boundaries (the parser). Example:
        >>> [(lf.text, sf.text) for lf, sf in find_abbreviations(nlp("We use Monte Carlo Tree Search (MCTS)."))]  # doctest: +SKIP
        [('Monte Carlo Tree Search', 'MCTS')]
    """
    pairs: list[tuple[Span, Span]] = []
    for i, tok in enumerate(doc):
        if tok.text != "(":
            continue
        close = closing_bracket(doc, i)
        if close is None or close == i + 1:
            continue
        # "(DDM; [1,2])", "(DDM, 2019)": the short form ends at the first semicolon or comma
        cut = next((j for j in range(i + 2, close) if doc[j].text in (";", ",")), close)
        if _enumeration(doc[cut:close]):
            continue
        inner = doc[i + 1 : cut]
        if is_short_form(inner.text):
            pair = _long_before(doc, i, inner)
        else:
            pair = _long_inside(doc, i, inner)
        if pair is not None:
            pairs.append(pair)
    pairs.extend(_said_to_stand_for(doc, {short.text for _, short in pairs}))
    titled = _title_definition(doc)
    # a title's definition ("CMB: A Comprehensive Medical Benchmark") names the whole phrase
    pairs.extend(_apposed_long_forms(doc, {short.text for _, short in pairs} | ({titled[1].text} if titled else set())))
    if titled is not None and titled[1].text not in {short.text for _, short in pairs}:
        pairs.append(titled)  # after the abstract's own definitions, which name the letters first
    return pairs


#: Words that open the rest of a bracket after a short form and a comma: an example, a reference, not a list's item.
_NO_ITEM = frozenset({"e.g.", "e.g", "eg", "i.e.", "i.e", "ie", "see", "cf", "cf.", "resp", "resp.", "respectively",
                      "for", "also", "as", "which", "where", "a", "an", "the"})
#: The last item of a list left open ("(CIFAR-10, SVHN, etc.)").
_ETC = frozenset({"etc", "etc."})
_YEAR_WORD = re.compile(YEAR)


def _enumeration(rest: Span) -> bool:
    """Whether the rest of a bracket after its first item (", News, and Europarl" of "three domains (TED, News, and
    Europarl)") lists two or more further names, each with a capital or a digit and none a year: the bracket is
    then a list, not a short form with a remark or a reference ("(DDM, 2019)", "(LLMs, e.g., GPT-4)").

    Example:
        >>> from spacy.lang.en import English
        >>> rest = lambda text: English()(text)[:]
        >>> _enumeration(rest(", News, and Europarl")), _enumeration(rest(", STL-10 and ImageNet"))
        (True, True)
        >>> _enumeration(rest(", Smith and Jones, 2019")), _enumeration(rest(", e.g., GPT-4 and Llama")), _enumeration(rest(""))
        (False, False, False)
    """
    if not len(rest) or rest[0].text != ",":
        return False
    items: list[list[str]] = [[]]
    for tok in rest[1:]:
        if tok.text in (",", "and", "or", "&"):
            if items[-1]:
                items.append([])
            continue
        items[-1].append(tok.text)
    items = [it for it in items if it]
    return len(items) >= 2 and all(
        it[0].lower() not in _NO_ITEM and any(c.isupper() or c.isdigit() for c in it[0])
        and not any(_YEAR_WORD.fullmatch(w) for w in it)
        for it in items if it[0].lower() not in _ETC
    )


#: Words that end a long form running on in a title: minor words and those that open what it is for or made with
#: ("JSTASR: Joint Size and Transparency-Aware Snow Removal Algorithm Based on ...").
_TITLE_STOPS = _MINOR | {"based", "using", "via", "towards", "toward", "through", "without", "under", "over", "against",
                         "within", "across", "into", "beyond", "meets", "meet", "versus", "vs", "vs."}


def _over_hyphens(doc: Doc, stop: int, end: int) -> int:
    """``stop`` moved past the rest of a hyphenated word it cuts ("Real" + "-" + "Time"), up to ``end``."""
    while (stop + 1 < end and doc[stop].text == "-" and not doc[stop - 1].whitespace_
           and doc[stop + 1].text[:1].isalpha()):
        stop += 2
    return stop


def _title_definition(doc: Doc) -> tuple[Span, Span] | None:
    """A title that opens with a short form and a colon and goes on with the words that spell it ("DART: Dense
    Articulated Real-Time Tracking", "ACE: Adapting to Changing Environments for ..."): (long form span, short form
    span), the long form running on over the title's capitalised words after the spelled ones ("Tracking") up to a
    minor word. None when the title does not open so, or its first words do not spell the letters ("DART: Dropouts
    meet Multiple Additive Regression Trees": the paper's name, not a definition).

    Example:
        >>> doc = nlp("DART: Dense Articulated Real-Time Tracking\\n\\nWe track.")  # doctest: +SKIP
        >>> [(lf.text, sf.text) for lf, sf in find_abbreviations(doc)]  # doctest: +SKIP
        [('Dense Articulated Real-Time Tracking', 'DART')]
    """
    if len(doc) < 4 or doc[1].text != ":" or not is_short_form(doc[0].text) or not doc[0].text[0].isupper():
        return None
    letters = [c for c in _singular(doc[0].text) if c.isalpha()]
    if 2 * sum(c.isupper() for c in letters) < len(letters) + 1:
        return None  # a name, not letters: "TransQuest", "Longformer", "MaxViT"
    end = next((t.i for t in doc if "\n" in t.text), len(doc))  # the blank line after the title
    start = 3 if doc[2].lower_ in ("a", "an", "the") else 2
    if start >= end:
        return None
    short, chars = doc[0], _short_chars(doc[0].text, doc[start:end].text)
    for stop in range(start + 1, min(end, start + len(chars) * 3) + 1):
        prefix = doc[start:stop]
        if prefix[-1].text in _BOUNDARY or prefix[-1].text == "-":
            continue
        if _find_abbreviation(prefix.text, short.text, loose=False) != prefix.text:
            continue  # initials or marked capitals only: "TransQuest: Translation Quality Estimation" defines nothing
        stop = _over_hyphens(doc, stop, end)  # "Pre-trained" of "... via Pre-trained ...", whose "Pre" spells P
        while stop < end and doc[stop].text[:1].isupper() and doc[stop].lower_ not in _TITLE_STOPS:
            stop = _over_hyphens(doc, stop + 1, end)  # "Tracking" of "Dense Articulated Real-Time Tracking"
        return doc[start:stop], doc[0:1]
    return None


def _long_before(doc: Doc, paren: int, short: Span) -> tuple[Span, Span] | None:
    end = paren
    # LaTeX's non-breaking space ("network~(GCN)") or the closing quote of a quoted long form
    # ('the "Propose-Test-Release" (PTR)') sits between the long form and the bracket
    if paren > 0 and doc[paren - 1].text == "~":
        end = paren - 1
    while end > max(0, paren - 2) and doc[end - 1].text in _CLOSING_QUOTES:  # LaTeX's '' is two tokens
        end -= 1
    if end > 1 and doc[end - 1].lower_ in ("'s", "\u2019s"):
        end -= 1  # "Reinforcement Learning's (RL) ubiquity": the owner is the name
    limit = max(0, end - (len(short.text) + 6) * 2)
    start = _back_to_boundary(doc, end, limit, _BOUNDARY)
    if start >= end:
        return None
    window = doc[start:end]
    long = find_abbreviation(window.text, short.text)
    if long is None:
        window = _listed_window(doc, start, end, limit)
        long = _find_abbreviation(window.text, short.text, initials_only=True) if window is not None else None
        if long is None or not listed_name(long):
            return None
    span = _locate(window, long)
    if span is not None and _opens_with_a_verb(span):
        # "leverage a learning-to-learn (L2L)": the letters are spelled after the verb's object determiner, or nowhere
        rest = span[2:]
        long = find_abbreviation(rest.text, short.text)
        span = _locate(rest, long) if long else None
    if span is None:
        return None
    return span, short


def _listed_window(doc: Doc, start: int, end: int, limit: int) -> Span | None:
    """The words before a bracket back over the commas of a list ("Look, Listen, and Parse (LLP)", "Adaptive Skills,
    Adaptive Partitions (ASAP)"), where the search for a long form from ``end`` stopped at the comma before
    ``start``; None when no comma stopped it. The caller takes a long form from it only when the initials of its
    words spell the short form and every item opens with a capital (:func:`schema.names.listed_name`): letters
    picked from inside words across commas find clauses ("this paper, we introduce a novel hybrid ... network
    (TricorNet)"), and a list of lower-case words describes a setting.
    """
    if start <= limit + 1 or doc[start - 1].text != ",":
        return None
    return doc[max(limit, _back_to_boundary(doc, start - 1, limit, _BOUNDARY - {","})):end]


def _back_to_boundary(doc: Doc, end: int, limit: int, boundary: frozenset[str]) -> int:
    """Where the words before ``end`` start: back to a ``boundary`` token or an opening quote (after it), the
    sentence's start (on it) or ``limit``."""
    start = end
    while start > limit and doc[start - 1].text not in boundary and doc[start - 1].text not in _OPENING_QUOTES \
            and not doc[start - 1].is_sent_start:
        start -= 1
    if start > 0 and doc[start - 1].is_sent_start and doc[start - 1].text not in boundary:
        start -= 1
    return start


#: Words after which a verb opens a clause, not a name ("minimize the mean square error (MMSE)").
_CLAUSE_OBJECTS = frozenset({"the", "a", "an", "our", "their", "its", "this", "these", "those"})


def _opens_with_a_verb(span: Span) -> bool:
    """Whether a long form found for a short form's letters opens with a verb in lower case and its object's determiner
    ("minimize the mean square error" for MMSE): the letters were matched across a clause, so nothing is defined
    ("Follow the Regularized Leader", capitalised, is a name)."""
    first = span[0]
    return (len(span) > 2 and first.text.islower() and first.tag_ in ("VB", "VBP", "VBZ", "VBD")
            and span[1].lower_ in _CLAUSE_OBJECTS)


#: Words that say the name before them stands for the words after them ("SPADE, short for State Space Augmented
#: Transformer", "Donut, which stands for Document understanding transformer").
_STANDS_FOR = frozenset({"short", "stands", "standing"})


def _said_to_stand_for(doc: Doc, known: set[str]) -> list[tuple[Span, Span]]:
    """(long form, short form) pairs written "X, short for L" or "X (which) stands for L", the words spelling X."""
    pairs = []
    for i, tok in enumerate(doc[:-2]):
        if tok.lower_ not in _STANDS_FOR or doc[i + 1].lower_ != "for":
            continue
        k = i - 1
        while k >= 0 and (doc[k].text == "," or doc[k].lower_ == "which"):
            k -= 1
        if k < 0 or k == i - 1 and tok.lower_ == "short" or doc[k].text in known:
            continue  # "a short for loop": "short" is a word of its own unless a comma or "which" comes first
        end = i + 2
        while end < len(doc) and end - i - 2 < 12 and doc[end].text not in _BOUNDARY and not doc[end].is_sent_start:
            end += 1
        short, inner = doc[k : k + 1], doc[i + 2 : end]
        if is_short_form(short.text) and 2 <= len(inner) <= 10 and _in_order(short.text, inner.text):
            pairs.append((inner, short))  # the text says so: the whole phrase, as it spells the letters
    return pairs


_APPOSITION_DETERMINERS = frozenset({"a", "an"})


def _apposed_long_forms(doc: Doc, known: set[str]) -> list[tuple[Span, Span]]:
    """(long form, short form) pairs written as an apposition whose capitals are the short form's: "SPORE, a
    SPectral regularized ORthonormal Embedding for graph transduction", "AIDE, an Assistant for Intelligent Data
    Exploration", "CoST, a new multilingual Code Snippet Translation dataset" (the shortest such phrase, with the rest
    of a hyphenated last word). Every word of the long form but minor ones opens with a capital, or some word marks its
    letters with capitals inside (:func:`_named`), so that a description in lower case ("GAN, a new GAN algorithm") is
    no definition; a short form the paper or its title defines otherwise is left alone.
    """
    pairs = []
    n = len(doc)
    for i in range(n - 3):
        short = doc[i : i + 1]
        if doc[i + 1].text != "," or doc[i + 2].lower_ not in _APPOSITION_DETERMINERS or short.text in known:
            continue
        letters = _capitals(short.text)
        if not is_short_form(short.text) or len(letters) < 3:
            continue
        start = i + 3
        while start < n and doc[start].is_lower and doc[start].pos_ == "ADJ":
            start += 1  # "a novel", "a simple yet effective": the long form comes after the praise
        stop = start
        while stop < n and stop - start < 10 and doc[stop].text not in _BOUNDARY and not doc[stop].is_sent_start:
            stop += 1
        for end in range(start + 2, stop + 1):  # the shortest phrase that spells the letters
            inner = doc[start:end]
            if not (inner[0].text[:1].isupper() and inner[-1].text[:1].isupper() and _named(inner)):
                continue
            if _capitals(inner.text) != letters or short.text.lower() in inner.text.lower():
                continue
            if find_abbreviation(inner.text, short.text) == inner.text:
                # the rest of a hyphenated word: "DEnoising Entity Pre-training", "COntent-based"
                while end + 1 < stop and doc[end].text == "-" and not (doc[end - 1].whitespace_ or doc[end].whitespace_):
                    end += 2
                pairs.append((doc[start:end], short))
                break
    return pairs


def _capitals(text: str) -> str:
    """The capital letters of ``text``, in order."""
    return "".join(c for c in text if c.isupper())


def _named(span: Span) -> bool:
    """Whether the words of ``span`` read as a name: every word but minor ones opens with a capital, or some word
    marks its letters with capitals inside ("SPectral regularized ORthonormal Embedding")."""
    words = [t.text for t in span if t.text not in {"-", "/"}]
    return all(w[:1].isupper() or w.lower() in _MINOR for w in words) or any(
        _CAPITALS_RUN.search(w) or (w[:1].islower() and not w.islower()) for w in words
    )


def _in_order(short: str, long: str) -> bool:
    """Whether the letters of ``short`` occur in ``long`` in order, the first one opening it.

    Example:
        >>> _in_order("SPADE", "State Space Augmented Transformer"), _in_order("SPADE", "a transformer")
        (True, False)
    """
    letters = [c.lower() for c in short if c.isalnum()]
    text = long.lower()
    if not letters or not text.startswith(letters[0]):
        return False
    at = 0
    for c in letters:
        at = text.find(c, at)
        if at < 0:
            return False
        at += 1
    return True


def _long_inside(doc: Doc, paren: int, inner: Span) -> tuple[Span, Span] | None:
    """The long form written in ``inner`` of the short form just before ``paren``: "MCTS (Monte Carlo Tree Search)"."""
    if paren == 0 or len(inner) < 2 or len(inner) > 10:
        return None
    if inner[0].pos_ in {"ADP", "SCONJ"} and inner[0].lower_ != "for":  # "StOP (for Stochastic-Optimistic Planning)"
        return None  # "fragments of the STP (under standard complexity-theoretic assumptions)": a remark
    short = doc[paren - 1 : paren]
    if not is_short_form(short.text):
        return None
    long = find_abbreviation(inner.text, short.text)
    if long is None or len(long) < len(inner.text) * 0.6:
        return None
    span = _locate(inner, long)
    return (span, short) if span is not None else None


def _locate(window: Span, long: str) -> Span | None:
    """The span of ``window`` that ends with the words of ``long``, a long form found in its text with its words
    joined by single spaces: a PDF's double spaces or line breaks between them ("Radial  Basis  Function (RBF)") put
    the long form elsewhere in the text as written, and searching for it as written found nothing or garbage."""
    pattern = r"\s+".join(map(re.escape, long.split()))
    found = None
    for found in re.finditer(pattern, window.text):
        pass
    if found is None:
        return None
    return window.doc.char_span(window.start_char + found.start(), window.start_char + found.end(), alignment_mode="expand")


def abbreviation_map(doc: Doc) -> dict[str, str]:
    """``{short: long}`` read from ``doc.spans["kg_abbreviations"]`` (first definition wins)."""
    out: dict[str, str] = {}
    for span in doc.spans.get(SPAN_KEY, []):
        out.setdefault(span.label_, span.text)
    return out


class AbbreviationDetector:
    """Sets ``doc.spans["kg_abbreviations"]`` (long-form spans labelled with the short form).

    Needs the parser's sentence boundaries.
    """

    def __init__(self, nlp: Language, name: str = "kg_abbreviations"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for long, short in find_abbreviations(doc):
            spans.append(Span(doc, long.start, long.end, label=short.text))
        doc.spans[SPAN_KEY] = spans
        return doc


@Language.factory("kg_abbreviations")
def make_abbreviation_detector(nlp: Language, name: str) -> AbbreviationDetector:
    return AbbreviationDetector(nlp, name)
