"""Citations named in an abstract: inline author-year references, arXiv ids and DOIs.

The rules are pure functions of the text (:func:`find_inline_references`,
:func:`find_identifiers`); the spaCy component ``kg_citations`` writes what they find
to ``doc.spans["kg_citations"]`` (label ``REFERENCE``, ``ARXIV`` or ``DOI``) and
:func:`citations_from_doc` turns a Doc into :class:`schema.Citation` records whose
evidence offsets refer to ``doc.text`` (= :func:`schema.paper_text`).

Patterns recognised::

    Self-Instruct (Wang et al., 2023)          -> Wang, 2023, work "Self-Instruct"
    (STaR; Zelikman et al., 2022)              -> Zelikman, 2022, work "STaR"
    (Wang et al., 2023; Taori et al., 2023)    -> two citations
    Smith and Jones (2021), Wang et al. (2023) -> narrative citations
    arXiv:2401.12345v2, 10.18653/v1/2023.acl-long.754 -> ids
"""
from __future__ import annotations

import re
import weakref
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from extractors import gazetteers as gz
from extractors.entities import gazetteer_type
from extractors.model import is_english_word
from extractors.spans import YEAR as _YEAR
from extractors.spans import CharSpanFinder
from schema import Citation, Paper, Provenance

SPAN_KEY = "kg_citations"
EXTRACTOR = "kg_citations"

# A surname: "Wang", "O'Neil", "van den Oord", "Zelikman", "García-López".
_PARTICLE = r"(?:(?:van|von|der|den|de|del|da|di|le|la|du|dos|ten|ter)\s+){0,3}"
_SURNAME = _PARTICLE + r"[A-Z\u00C0-\u00DE][\w\u00C0-\u024F'\u2019]*(?:-[A-Z\u00C0-\u00DE]?[\w\u00C0-\u024F'\u2019]+)*"
_YEAR_RE = re.compile(_YEAR)
#: Capitalised words that start sentences or phrases rather than name a work.
_NOT_WORKS = {
    "the", "a", "an", "this", "that", "these", "those", "our", "we", "it", "its", "their", "in", "on",
    "recent", "prior", "previous", "existing", "recently", "however", "moreover", "furthermore", "also",
    "work", "works", "study", "studies", "method", "methods", "approach", "approaches", "paper", "papers",
    "model", "models", "survey", "et", "al", "and", "or", "see", "e.g", "i.e", "following", "follow",
}

_MONTHS = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"

#: Not the first of a list of names: those words, and a sentence adverb before its comma
#: ("Recently, Plan & Vershynin (2015)", "Accordingly, Lane and Bird (2020)").
_NOT_A_NAME = (
    rf"(?!(?i:{'|'.join(re.escape(w) for w in sorted(_NOT_WORKS))}|thus|hence|here|then|namely|instead)(?![\w-]))"
    rf"(?!{_MONTHS}\.?\s)"  # "(August 2014)": a date
    r"(?![A-Z][a-z]+ly,)"
)
_AUTHORS = (
    rf"{_NOT_A_NAME}(?P<first>{_SURNAME})"
    rf"(?P<rest>\s+et\s+al\.?|(?:\s*,\s*{_SURNAME}){{0,4}}\s*,?\s+(?:and|&)\s+{_SURNAME})?"
)
#: One item of a parenthetical citation: "Wang et al., 2023", "Smith and Jones 2021", "Mel, 1992a, 1992b".
_ITEM = re.compile(rf"^\s*{_AUTHORS}\s*,?\s+(?P<year>{_YEAR})(?:\s*,\s*{_YEAR})*\s*$")  # "(Mel, 1992a, 1992b)": the first
#: A parenthesis that may hold citations.
_PAREN = re.compile(r"\(([^()]{4,400})\)")
#: Square brackets that may hold author-year citations: "[Haussler, 1999; Jaakkola and Haussler, 1998]".
_BRACKET = re.compile(r"\[([^\[\]]{4,400})\]")
#: A venue before a narrative citation's year, a word of two capitals or more: "(KDD, 2013)", "(AAAI 2001)".
_VENUE = r"(?:(?=[A-Za-z]*[A-Z][a-z]*[A-Z])[A-Z][A-Za-z]{1,11},?\s+)?"
#: Narrative citation: "Wang et al. (2023)", "Smith and Jones (2021)", "Klein, Plotkin and Rao
#: (1993, 1995)", "Liberty (KDD, 2013)".
_NARRATIVE = re.compile(rf"(?<![\w-]){_AUTHORS}\s+\({_VENUE}(?P<year>{_YEAR})(?:[,;][^()]{{0,40}})?\)")
#: What people did, named by them with no year: "the algorithm of Haussler, Littlestone, and Warmuth",
#: "a conjecture by Golovin and Krause", "the seminal work of Lamport", "decompositions recently proposed
#: by Guy Gilboa" (:func:`_are_people`).
_PEOPLE = rf"{_SURNAME}(?:(?:\s*,\s*{_SURNAME}){{0,4}}\s*,?\s+(?:and|&)\s+{_SURNAME})?"
_AFTER_PEOPLE = (
    r"(?=\s*(?:[,.;:)\[(]|$)|\s+(?:and|to|in|that|which|who|himself|herself|themselves|is|was|are|were|for|on|"
    r"with|as|has|have|had|shows?|showed|proved?|achieves?|uses?|from|under|can|also|into|by|at|where|when|while|or|"
    r"improves?|improved|extends?|extended|gives?|gave|provides?|provided|obtains?|obtained)\b)"
)
_WORK_OF = re.compile(
    r"\b(?:algorithms?|methods?|models?|works?|results?|conjectures?|frameworks?|analys[ie]s|bounds?|"
    r"constructions?|procedures?|approach(?:es)?|estimators?|theorems?|lemmas?|inequalit(?:y|ies)|schemes?|"
    rf"techniques?|proofs?|arguments?)\s+(?:of|by|due\s+to)\s+(?P<names>{_PEOPLE}){_AFTER_PEOPLE}"
)
#: ... and by a verb, where a given name may come first: "proposed by Guy Gilboa" (not "the algorithm of Gaussian
#: Splatting").
_PROPOSED_BY = re.compile(
    r"\b(?:proposed|introduced|developed|devised|pioneered|suggested|described|obtained|given)\s+by\s+"
    rf"(?P<names>(?:[A-Z][a-z]+\s+)?{_PEOPLE}){_AFTER_PEOPLE}"
)
#: A surname as :func:`_are_people` accepts it: one capital per part ("Abbasi-Yadkori", not "MD-UCBE", "RVQuant").
_PLAIN_SURNAME = re.compile(r"[A-Z][a-z\u00DF-\u024F'\u2019]{1,13}(?:-[A-Z][a-z\u00DF-\u024F'\u2019]{1,13})?")
#: A name before an alphabetic citation key: "as obtained by Kuhlmann [Kuh99]".
_ALPHA_KEY = r"\[[A-Z][A-Za-z+]{1,5}\d{2,4}[a-z]?\]"
_KEYED = re.compile(rf"(?<![\w-]){_NOT_A_NAME}(?P<first>{_SURNAME})\s+{_ALPHA_KEY}")
_ALPHA_KEY_RE = re.compile(_ALPHA_KEY)
#: Names before "et al." with no year after them: "as Smith et al. showed".
_ET_AL = re.compile(rf"(?<![\w-]){_NOT_A_NAME}(?P<first>{_SURNAME})\s+et\s+al\b")
_ET_AL_RE = re.compile(r"\bet\s+al\b")
#: A given name before a cited surname: "Donald Hebb (1949)", "Azari Soufiani et al.".
_GIVEN_NAMES = re.compile(r"(?:(?<![\w-])[A-Z][a-z]+ +){1,2}$")
#: Words in front of a citation list that are not the cited work.
_LEAD_WORDS = re.compile(r"^\s*(?:e\.g\.|i\.e\.|cf\.|see(?:\s+also)?|for\s+example|for\s+instance|as\s+in|like)\s*,?\s*", re.I)
#: A token that may be (part of) the name of a work: "Self-Instruct", "GPT-4", "STaR", "o1".
_NAME_TOKEN = re.compile(r"^(?=.*[A-Z0-9])[\w@+.'\u2019-]*[\w+]$|^[A-Z]$")
_NAME_JOINERS = {"of", "for", "in", "the", "with", "and", "-"}
_ARXIV_PREFIXED = re.compile(
    r"(?:\barXiv\s*:?\s*|arxiv\.org/(?:abs|pdf)/)(?P<id>\d{4}\.\d{4,5}|[a-z\-]+(?:\.[A-Z]{2})?/\d{7})(?P<version>v\d+)?",
    re.I,
)
#: A bare new-style arXiv id: YYMM.NNNNN (five digits, since 2015) with a plausible month.
_ARXIV_BARE = re.compile(r"(?<![\w./:-])(?P<id>\d{2}(?:0[1-9]|1[0-2])\.\d{5})(?P<version>v\d+)?(?![\w/-]|\.\d)")
_DOI = re.compile(r"(?:doi\.org/|\bdoi\s*:\s*|(?<![\w/.]))(?P<id>10\.\d{4,9}/[^\s\"<>(){}\[\],;]+)", re.I)
_TRAILING = ".,;:!?)]}'\""


@dataclass
class _Match:
    start: int
    end: int
    kind: str
    citation: Citation


def _clean_surname(name: str) -> str:
    return re.sub(r"\s+", " ", name).strip()


def _work_before(text: str, pos: int) -> tuple[str | None, int]:
    """The name of a work written just before ``pos`` ("Self-Instruct (Wang...": "Self-Instruct")."""
    base = max(0, pos - 120, text.rfind("\n", 0, pos) + 1)
    left = text[base:pos]
    tokens = list(re.finditer(r"\S+", left))
    picked: list[re.Match] = []
    for tok in reversed(tokens):
        word = tok.group(0)
        if picked and word.endswith((",", ";", ":", ".", ")", '"')):
            break
        core = word.strip("\"'`\u201c\u201d")
        if _NAME_TOKEN.match(core) and core.lower() not in _NOT_WORKS:
            picked.append(tok)
            continue
        if picked and core.lower() in _NAME_JOINERS and len(picked) < 4:
            picked.append(tok)
            continue
        break
    while picked and picked[-1].group(0).lower() in _NAME_JOINERS:
        picked.pop()
    if not picked:
        return None, pos
    start = base + picked[-1].start()
    name = text[start:pos].strip().strip("\"'`\u201c\u201d,")
    if not name or name.lower() in _NOT_WORKS or re.fullmatch(r"[\d.]+", name):
        return None, pos
    return name, start


def _parse_item(item: str) -> tuple[str, int] | None:
    m = _ITEM.match(item)
    if not m:
        return None
    return _clean_surname(m.group("first")), int(m.group("year")[:4])


def _parenthetical_items(inner: str, offset: int) -> list[tuple[int, int, Citation]]:
    """Citations inside one parenthesis: "STaR; Zelikman et al., 2022" -> work STaR, Zelikman 2022."""
    items: list[tuple[int, int, Citation]] = []
    pending: tuple[str, int] | None = None  # a work named before its reference
    pos = offset
    for part in inner.split(";"):
        stripped = _LEAD_WORDS.sub("", part)
        lead = len(part) - len(stripped)
        body = stripped.strip()
        body_start = pos + lead + (len(stripped) - len(stripped.lstrip()))
        parsed = _parse_item(body)
        listed = [] if parsed or "," not in body else _comma_listed(body, body_start)
        if listed:  # "(Fedorov 1972, MacKay 1992, Oaksford & Chater 1994)": references a comma parts
            items.extend(listed)
            pending = None
        elif parsed:
            work, start = pending if pending else (None, body_start)
            items.append((start, body_start + len(body), Citation(first_author=parsed[0], year=parsed[1], work=work)))
            pending = None
        else:
            name = body.strip("\"'`\u201c\u201d")
            words = name.split()
            ok = 0 < len(words) <= 4 and bool(_NAME_TOKEN.match(words[0])) and words[0].lower() not in _NOT_WORKS
            pending = (name, body_start + body.find(name)) if ok else None
        pos += len(part) + 1
    return items


#: A surname: a capital and small letters (accented ones too: "Mézard", "Erdős"), or a capital inside after a
#: prefix ("MacKay", "McDonald", "LeCun", "DeGroot"), not a name of another kind's shape ("SemEval", "CoNLL").
_CAP, _SMALL = "A-Z\u00C0-\u00D6\u00D8-\u00DE", "a-z\u00DF-\u00F6\u00F8-\u00FF\u0100-\u017F"
_LISTED_SURNAME = re.compile(rf"(?:Mac|Mc|De|Di|Du|La|Le|O')?[{_CAP}][{_SMALL}]+(?:-[{_CAP}][{_SMALL}]+)?")


def _comma_listed(body: str, offset: int) -> list[tuple[int, int, Citation]]:
    """References a comma parts, each an author and a year ("Fedorov 1972, MacKay 1992"): two or more, or none.

    Example:
        >>> [(c.first_author, c.year) for _, _, c in _comma_listed("Fedorov 1972, MacKay 1992", 0)]
        [('Fedorov', 1972), ('MacKay', 1992)]
        >>> _comma_listed("Klein, Plotkin", 0)
        []
        >>> [c.first_author for _, _, c in _comma_listed("Mézard 2011, Erdős 1959", 0)]
        ['Mézard', 'Erdős']
    """
    out = []
    at = offset
    for chunk in body.split(","):
        text = chunk.strip()
        parsed = _parse_item(text)
        if not parsed or not _LISTED_SURNAME.fullmatch(parsed[0]):
            return []  # "SemEval 2010, CoNLL 2003": benchmarks and their years
        start = at + len(chunk) - len(chunk.lstrip())
        out.append((start, start + len(text), Citation(first_author=parsed[0], year=parsed[1])))
        at += len(chunk) + 1
    return out if len(out) > 1 else []


def find_inline_references(text: str) -> list[tuple[int, int, Citation]]:
    """Author-year references in ``text``, with the character span of each.

    Args:
        text: any text (a title plus abstract).

    Returns:
        ``(start, end, Citation)`` triples in text order; ``start:end`` covers the named
        work when there is one ("Self-Instruct (Wang et al., 2023)") and the reference.

    Example:
        >>> [(c.first_author, c.year, c.work) for _, _, c in find_inline_references(
        ...     "techniques such as Self-Instruct (Wang et al., 2023) or (Taori et al., 2023)")]
        [('Wang', 2023, 'Self-Instruct'), ('Taori', 2023, None)]
    """
    found: list[tuple[int, int, Citation]] = []
    taken: list[tuple[int, int]] = []
    for paren in _PAREN.finditer(text):
        items = _parenthetical_items(paren.group(1), paren.start(1))
        if not items:
            continue
        taken.append((paren.start(), paren.end()))
        if len(items) == 1 and items[0][2].work is None:
            work, work_start = _work_before(text, paren.start())
            if work:
                items[0][2].work = work
                items[0] = (work_start, paren.end(), items[0][2])
        found.extend(items)
    for m in _NARRATIVE.finditer(text):
        if any(a <= m.start() < b for a, b in taken) or not _names_people(m):
            continue
        first = _clean_surname(m.group("first"))
        found.append((m.start(), m.end(), Citation(first_author=first, year=int(m.group("year")[:4]))))
    found.sort(key=lambda t: t[0])
    return found


def _names_people(m: re.Match) -> bool:
    """Whether a narrative citation's names are people's: not "GPT (2023)" (words such as "The" are
    never its first name: :data:`_NOT_A_NAME`), nor "CIFAR-100 and ImageNet (ILSVRC 2012)"."""
    first = m.group("first")
    if m.group("rest") and not m.group("rest").lstrip().startswith("et"):
        names = [first, *re.findall(_SURNAME, m.group("rest"))]
        return not (any(ch.isdigit() for n in names for ch in n) or all(n.isupper() for n in names))
    return bool(m.group("rest")) or not (first.isupper() or any(ch.isdigit() for ch in first))


def _are_people(text: str) -> bool:
    """Whether the names of a :data:`_WORK_OF`, :data:`_PROPOSED_BY` or :data:`_KEYED` match are
    people's: each spelled as a surname, none a well-known name, one at least no English word ("Golovin
    and Krause", "Seitz and Baker", "Lamport"; not "Block-Skim", "Lasso", "GLD and SGLD", "ResNet" of
    "ResNet [He16]")."""
    names = [re.sub(_PARTICLE, "", n) for n in re.findall(_SURNAME, text)]
    if not names or not all(_PLAIN_SURNAME.fullmatch(n) for n in names):
        return False
    if any(n in gz.CASE_SENSITIVE or gazetteer_type(n) for n in names):
        return False
    return any(not any(is_english_word(part.lower()) for part in n.split("-")) for n in names)


def cited_author_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of the people a citation names: the authors of a narrative citation
    with up to two given names before them, the names before "et al." with or without a
    year, the authors of a parenthetical or bracketed one (not a known name: "(Adam, 2015)"), a name
    right before a citation of its own ("Tesauro (Tesauro and Sejnowski, 1989)") and the
    people whose work a phrase names without a year (:data:`_WORK_OF`). A name found there
    is a person, not a method.

    Example:
        >>> text = ("the scheme of Azari Soufiani et al. and of Klein, Plotkin and Rao (1993, 1995), "
        ...         "Donald Hebb (1949), not BERT (2019); a model (Mel and Koch, 1992a, 1993) with Adam (Adam, 2015); "
        ...         "the algorithm of Liberty (KDD, 2013) and a conjecture of Golovin and Krause, not the method of Lasso; "
        ...         "as proposed by Guy Gilboa, by Kuhlmann [Kuh99] and (Balcan-Blum 2006); Tesauro (Tesauro, 1992) "
        ...         "and [Haussler, 1999]")
        >>> [text[a:b] for a, b in cited_author_ranges(text)]
        ['Azari Soufiani', 'Klein, Plotkin and Rao', 'Donald Hebb', 'Mel and Koch', 'Liberty', 'Golovin and Krause', 'Guy Gilboa', 'Kuhlmann', 'Balcan-Blum', 'Tesauro', 'Tesauro', 'Haussler']
    """
    ranges = []
    for m in _NARRATIVE.finditer(text):
        if _names_people(m):
            listed = m.group("rest") and not m.group("rest").strip().startswith("et")
            ranges.append((_given_names_start(text, m.start()), m.end("rest") if listed else m.end("first")))
    for m in _ET_AL.finditer(text) if _ET_AL_RE.search(text) else ():  # the full pattern tries every word
        ranges.append((_given_names_start(text, m.start()), m.end("first")))
    for m in _KEYED.finditer(text) if _ALPHA_KEY_RE.search(text) else ():
        if _are_people(m.group("first")):
            ranges.append((_given_names_start(text, m.start()), m.end("first")))
    for m in (*_WORK_OF.finditer(text), *_PROPOSED_BY.finditer(text)):
        if _are_people(m.group("names")):
            ranges.append((m.start("names"), m.end("names")))
    # "(Mel, 1992a)", "(Smith and Jones, 2003)", "[Haussler, 1999; ...]": the authors' names
    for paren in (*_PAREN.finditer(text), *(_BRACKET.finditer(text) if "[" in text else ())):
        for k, (start, end, cited) in enumerate(_parenthetical_items(paren.group(1), paren.start(1))):
            author = cited.first_author or ""
            if (
                cited.work is None
                and author[:1].isupper()
                and not author.isupper()
                and author.replace("-", "").isalpha()  # "Balcan-Blum"
                and author not in gz.CASE_SENSITIVE
            ):
                year = _YEAR_RE.search(text, start, end)
                names_end = start + len(text[start : year.start()].rstrip(" ,")) if year else start + len(author)
                ranges.append((start, names_end if names_end > start else start + len(author)))
                if k == 0:  # "by Tesauro (Tesauro and Sejnowski, 1989)": the name before is a person
                    before = text[: paren.start()].rstrip()
                    if before.endswith(author) and not before[: -len(author)][-1:].isalnum():
                        ranges.append((len(before) - len(author), len(before)))
    return sorted(set(ranges))


def _given_names_start(text: str, start: int) -> int:
    """Where the given names before a surname at ``start`` begin ("Donald " of "Donald Hebb")."""
    m = _GIVEN_NAMES.search(text, max(0, start - 40), start)
    if not m:
        return start
    at = m.start()
    for word in re.finditer(r"\S+", m.group(0)):
        if word.group(0).lower() in _NOT_WORKS:
            at = m.start() + word.end()  # "Following Hebb (1949)": "Following" is no name
    return at + len(text[at:start]) - len(text[at:start].lstrip())


def _strip_trailing(value: str) -> str:
    while value and value[-1] in _TRAILING:
        value = value[:-1]
    return value


def find_identifiers(text: str) -> list[tuple[int, int, Citation]]:
    """arXiv ids and DOIs written in ``text``.

    Versions are dropped from arXiv ids and DOIs are lower-cased, so the same work
    always gets the same id.

    Example:
        >>> [c.ids for _, _, c in find_identifiers("see arXiv:2401.12345v2 and doi:10.1000/XYZ.1.")]
        [{'arxiv': '2401.12345'}, {'doi': '10.1000/xyz.1'}]
    """
    found: list[tuple[int, int, Citation]] = []
    spans: list[tuple[int, int]] = []
    for m in _ARXIV_PREFIXED.finditer(text):
        found.append((m.start(), m.end(), Citation(ids={"arxiv": m.group("id")})))
        spans.append((m.start(), m.end()))
    for m in _ARXIV_BARE.finditer(text):
        if any(a <= m.start() < b for a, b in spans):
            continue
        found.append((m.start("id"), m.end(), Citation(ids={"arxiv": m.group("id")})))
        spans.append((m.start(), m.end()))
    for m in _DOI.finditer(text):
        doi = _strip_trailing(m.group("id"))
        if any(a <= m.start("id") < b for a, b in spans) or "/" not in doi[3:]:
            continue
        if doi.lower().startswith("10.48550/arxiv."):
            ids = {"arxiv": doi[len("10.48550/arxiv."):], "doi": doi.lower()}
        else:
            ids = {"doi": doi.lower()}
        found.append((m.start("id"), m.start("id") + len(doi), Citation(ids=ids)))
    found.sort(key=lambda t: t[0])
    return found


def find_citations(text: str) -> list[tuple[int, int, str, Citation]]:
    """Every citation of ``text``: ``(start, end, kind, Citation)`` with kind REFERENCE, ARXIV or DOI.

    Example:
        >>> [k for _, _, k, _ in find_citations("Alpaca (Taori et al., 2023), arXiv:2303.17651")]
        ['REFERENCE', 'ARXIV']
    """
    out = [(s, e, "REFERENCE", c) for s, e, c in find_inline_references(text)]
    for s, e, c in find_identifiers(text):
        out.append((s, e, "ARXIV" if "arxiv" in c.ids else "DOI", c))
    out.sort(key=lambda t: t[0])
    return out


def _sentence_of(doc, start: int, end: int) -> str:
    """The sentence around ``start:end``, never across the blank line after the title."""
    text = doc.text
    left, right = start, end
    if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span):
            sent = span.sent
            left, right = min(start, sent.start_char), max(end, sent.end_char)
    else:
        left = max(text.rfind(". ", 0, start) + 2, 0)
        stop = text.find(". ", end)
        right = stop + 1 if stop != -1 else len(text)
    blank = text.rfind("\n\n", left, start)
    if blank != -1:
        left = blank + 2
    blank = text.find("\n\n", end, right)
    if blank != -1:
        right = blank
    return text[left:right].strip()


def citations_from_doc(doc, paper: Paper) -> list[Citation]:
    """The citations of one paper, with evidence in ``doc.text``.

    Reads ``doc.text`` (and its sentences when the Doc is parsed); does not need the
    ``kg_citations`` component to have run.

    Example:
        >>> import spacy
        >>> from schema import Paper
        >>> p = Paper(id="t:1", title="T", abstract="Alpaca (Taori et al., 2023) is used.")
        >>> [c.work for c in citations_from_doc(spacy.blank("en")("T\\n\\n" + p.abstract), p)]
        ['Alpaca']
    """
    found = _FOUND.pop(doc, None)  # left by the kg_citations component, else searched here
    out: list[Citation] = []
    for start, end, _kind, cit in find_citations(doc.text) if found is None else found:
        cit.evidence = Provenance(paper_id=paper.id, sentence=_sentence_of(doc, start, end), start=start, end=end,
                                  extractor=EXTRACTOR)
        out.append(cit)
    return out


#: what ``kg_citations`` found in each Doc still alive, for :func:`citations_from_doc` to take (once) instead of
#: searching again (not in ``doc.user_data``: a Doc must stay serializable)
_FOUND: "weakref.WeakKeyDictionary[Doc, list]" = weakref.WeakKeyDictionary()


class CitationFinder(CharSpanFinder):
    """spaCy component: sets ``doc.spans["kg_citations"]`` (labels REFERENCE, ARXIV, DOI).

    Needs nothing but the tokenizer. Spans are expanded to token boundaries.
    """

    default_key = SPAN_KEY

    def find(self, doc):
        found = _FOUND[doc] = list(find_citations(doc.text))  # for citations_from_doc
        return ((start, end, kind) for start, end, kind, _cit in found)


@Language.factory("kg_citations", default_config={"span_key": SPAN_KEY})
def make_citation_finder(nlp, name: str, span_key: str) -> CitationFinder:
    """Factory of the ``kg_citations`` component."""
    return CitationFinder(nlp, name, span_key)
