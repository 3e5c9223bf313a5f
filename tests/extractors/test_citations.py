"""Inline references, arXiv ids and DOIs: the rules, the component, the seeds."""
from __future__ import annotations

import pytest
import spacy

from extractors.citations import (
    CitationFinder, citations_from_doc, cited_author_ranges, find_citations, find_identifiers, find_inline_references,
)
from schema import Paper, paper_text


def _refs(text: str) -> list[tuple[str | None, int | None, str | None]]:
    return [(c.first_author, c.year, c.work) for _, _, c in find_inline_references(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("techniques such as Self-Instruct (Wang et al., 2023) work", [("Wang", 2023, "Self-Instruct")]),
        ("the follow-up Alpaca (Taori et al., 2023) can train", [("Taori", 2023, "Alpaca")]),
        ("rationales (STaR; Zelikman et al., 2022) help", [("Zelikman", 2022, "STaR")]),
        ("ambiguity (GATE; Li et al., 2023), models", [("Li", 2023, "GATE")]),
        ("as before (Wang et al., 2023; Taori et al., 2023).", [("Wang", 2023, None), ("Taori", 2023, None)]),
        ("quality (e.g. Chen et al., 2023; Madaan et al., 2023), rec", [("Chen", 2023, None), ("Madaan", 2023, None)]),
        ("As shown by Smith and Jones (2021), x", [("Smith", 2021, None)]),
        ("introduced by Guez et al. (2019), uses", [("Guez", 2019, None)]),
        ("a recent study (Gandhi et al., 2025) shows", [("Gandhi", 2025, None)]),
        ("Tree of Thoughts (Yao et al., 2023) helps", [("Yao", 2023, "Tree of Thoughts")]),
        ("the Arcade Learning Environment (Bellemare et al., 2013a) and", [("Bellemare", 2013, "Arcade Learning Environment")]),
        ("as in WaveNet (van den Oord et al., 2016)", [("van den Oord", 2016, "WaveNet")]),
        ("(see Smith & Jones 2021)", [("Smith", 2021, None)]),
        ("the scheme of Klein, Plotkin, and Rao (1993) is", [("Klein", 1993, None)]),
        ("(Hinton, Dayan, Frey and Neal 1995)", [("Hinton", 1995, None)]),
        ("Recently, Plan & Vershynin (2015) extended", [("Plan", 2015, None)]),
        ("Accordingly, Lane and Bird (2020) argue", [("Lane", 2020, None)]),
        ("the rule of Hebb (1949) and", [("Hebb", 1949, None)]),
        ("papers by Feldman and Vondrak (2018, 2019) show", [("Feldman", 2018, None)]),
        ("the capacity of a cell (Mel,  1992a,  1992b). The", [("Mel", 1992, None)]),  # two years of one author
    ],
)
def test_inline_references(text, expected):
    assert _refs(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "GPT-4 (2023) is strong",            # an acronym with a year is not an author
        "accuracy (85.2%) on GSM8K",          # a number in parentheses
        "released in 2023 (see appendix)",    # a year outside a reference
        "models (LLMs) and agents (2 tasks)",
        "the model (Llama 3, 8B) improves",
        "a dataset released (August 2014) with",  # a date
    ],
)
def test_not_references(text):
    assert _refs(text) == []


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("a method of Azari Soufiani et al. improves", ["Azari Soufiani"]),
        ("the scheme of Klein, Plotkin and Rao (1993)", ["Klein, Plotkin and Rao"]),
        ("the learning rule of Donald Hebb (1949)", ["Donald Hebb"]),
        ("Following Hebb (1949), we", ["Hebb"]),
        ("as Eikema & Aziz (2020) show", ["Eikema & Aziz"]),
        ("BERT (2019) and GPT-2 (2019) are models", []),
        ("the capacity of a cell (Mel,  1992a,  1992b) and", ["Mel"]),
    ],
)
def test_cited_author_ranges(text, people):
    assert [text[a:b] for a, b in cited_author_ranges(text)] == people


def test_reference_offsets_cover_the_work_and_the_reference():
    text = "such as Self-Instruct (Wang et al., 2023) or"
    (start, end, _), = find_inline_references(text)
    assert text[start:end] == "Self-Instruct (Wang et al., 2023)"


@pytest.mark.parametrize(
    ("text", "ids"),
    [
        ("see arXiv:2401.12345v2 for details", {"arxiv": "2401.12345"}),
        ("preprint 2401.12345v2.", {"arxiv": "2401.12345"}),
        ("https://arxiv.org/abs/2310.06825.", {"arxiv": "2310.06825"}),
        ("arXiv: 1706.03762", {"arxiv": "1706.03762"}),
        ("doi:10.18653/v1/2023.acl-long.754.", {"doi": "10.18653/v1/2023.acl-long.754"}),
        ("https://doi.org/10.1000/ABC-12)", {"doi": "10.1000/abc-12"}),
        ("https://doi.org/10.48550/arXiv.2303.17651", {"arxiv": "2303.17651", "doi": "10.48550/arxiv.2303.17651"}),
    ],
)
def test_identifiers(text, ids):
    assert [c.ids for _, _, c in find_identifiers(text)] == [ids]


@pytest.mark.parametrize("text", ["version 2401.1 and pi 3.14159", "1234.56789 tokens", "a 2413.12345 score", "v10.5/x"])
def test_numbers_are_not_identifiers(text):
    assert find_identifiers(text) == []


def test_citations_from_doc_evidence_refers_to_paper_text(nlp):
    paper = Paper(id="t:1", title="Ensemble-Instruct",
                  abstract="We build on Self-Instruct (Wang et al., 2023). See arXiv:2401.12345 too.")
    text = paper_text(paper)
    cits = citations_from_doc(nlp(text), paper)
    assert [(c.first_author, c.work, c.ids) for c in cits] == [
        ("Wang", "Self-Instruct", {}), (None, None, {"arxiv": "2401.12345"}),
    ]
    for c in cits:
        assert c.evidence.paper_id == "t:1"
        assert c.evidence.extractor == "kg_citations"
        assert text[c.evidence.start:c.evidence.end] in c.evidence.sentence
    assert cits[0].evidence.sentence == "We build on Self-Instruct (Wang et al., 2023)."


def test_component_writes_spans():
    nlp = spacy.blank("en")
    nlp.add_pipe("kg_citations")
    doc = nlp("Alpaca (Taori et al., 2023) and arXiv:2303.17651 and doi:10.1000/xyz.")
    assert [(s.text, s.label_) for s in doc.spans["kg_citations"]] == [
        ("Alpaca (Taori et al., 2023)", "REFERENCE"), ("arXiv:2303.17651", "ARXIV"), ("doi:10.1000/xyz", "DOI"),  # spans expand to tokens
    ]


def test_component_survives_serialization():
    nlp = spacy.blank("en")
    nlp.add_pipe("kg_citations")
    doc = nlp("Self-Instruct (Wang et al., 2023) is used.")
    back = spacy.tokens.Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert [s.text for s in back.spans["kg_citations"]] == ["Self-Instruct (Wang et al., 2023)"]


def test_component_class_is_callable_without_factory():
    doc = CitationFinder()(spacy.blank("en")("(STaR; Zelikman et al., 2022)"))
    assert [s.label_ for s in doc.spans["kg_citations"]] == ["REFERENCE"]


def test_seed_inline_references(seeds_dir):
    """Seed 003 cites Self-Instruct and Alpaca inline (read in place, never copied)."""
    text = (next(seeds_dir.glob("003_*.txt"))).read_text(encoding="utf-8")
    found = {(c.first_author, c.year, c.work) for _, _, kind, c in find_citations(text) if kind == "REFERENCE"}
    assert ("Wang", 2023, "Self-Instruct") in found
    assert ("Taori", 2023, "Alpaca") in found
    assert ("Gandhi", 2025, None) in found


def test_spans_survive_two_processes():
    """Spans (not Python objects in doc._) come back from nlp.pipe(n_process=2) with their labels."""
    import extractors.results  # noqa: F401  (registers kg_results)

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("kg_citations")
    nlp.add_pipe("kg_results")
    texts = [f"Alpaca (Taori et al., 2023) reaches {80 + i}.5% accuracy on GSM8K." for i in range(4)]
    docs = list(nlp.pipe(texts, n_process=2, batch_size=2))
    assert [[(s.text, s.label_) for s in d.spans["kg_citations"]] for d in docs] == [
        [("Alpaca (Taori et al., 2023)", "REFERENCE")]] * 4
    assert [[s.text for s in d.spans["kg_results"]] for d in docs] == [[f"{80 + i}.5%"] for i in range(4)]


def test_references_a_comma_parts_are_people():
    # round TB9: "MacKay 1992" of "(Fedorov 1972, MacKay 1992, ...)" was a Benchmark node; benchmarks with a year stay
    from extractors.citations import cited_author_ranges

    text = "Designs were studied (Fedorov 1972, MacKay 1992, Oaksford & Chater 1994) and on (SemEval 2010, CoNLL 2003)."
    assert [text[a:b] for a, b in cited_author_ranges(text)] == ["Fedorov", "MacKay", "Oaksford & Chater"]
    refs = [(c.first_author, c.year) for _, _, c in find_inline_references(text)]
    assert refs == [("Fedorov", 1972), ("MacKay", 1992), ("Oaksford", 1994)]


def test_references_a_comma_parts_may_be_accented_surnames():
    # round 39: "Mézard 2011" of a comma-listed bracket stayed a Benchmark; "Erdős" the same
    text = "Known bounds (Mézard 2011, Erdős 1959) and data (SemEval 2010, CoNLL 2003)."
    refs = [(c.first_author, c.year) for _, _, c in find_inline_references(text)]
    assert refs == [("Mézard", 2011), ("Erdős", 1959)]
