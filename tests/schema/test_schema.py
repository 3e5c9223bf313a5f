"""schema/: validation of records and the endpoint table."""
from __future__ import annotations

import pytest

from schema import (
    EDGE_ENDPOINTS, ENTITY_LABELS, Citation, ExtractedEntity, NodeLabel, Paper, PaperExtraction, Provenance,
    RelType, ResultRecord, SchemaError, check_endpoints, extraction_from_dict, extraction_to_dict, paper_text,
)


@pytest.mark.parametrize("date", ["2024-03-22", "2024-03", "2024", "--01-15"])
def test_partial_iso_dates_are_accepted(date):
    assert Paper(id="p", title="T", abstract="A", date=date).date == date


@pytest.mark.parametrize("date", ["Mar 22, 2024", "2024/03/22", "01-15", "24-03-22"])
def test_other_dates_are_refused_with_the_expected_form(date):
    with pytest.raises(SchemaError, match="ISO 8601"):
        Paper(id="p", title="T", abstract="A", date=date)


@pytest.mark.parametrize("field,value", [("upvotes", -1), ("authors_count", "7")])
def test_counts_must_be_non_negative_integers(field, value):
    with pytest.raises(SchemaError, match=field):
        Paper(id="p", title="T", abstract="A", **{field: value})


def test_a_paper_needs_a_title_unless_it_is_a_stub():
    with pytest.raises(SchemaError, match="no title"):
        Paper(id="p", title=" ", abstract="A")
    assert Paper(id="ref:x", title="", abstract="", stub=True).stub


def test_entity_type_must_be_a_concept_label():
    with pytest.raises(SchemaError, match="not an entity type"):
        ExtractedEntity(name="Tencent", type="Organization")
    ent = ExtractedEntity(name="GSM8K", type="Benchmark", roles=["EVALUATES_ON"])
    assert ent.type is NodeLabel.BENCHMARK and ent.roles == [RelType.EVALUATES_ON]


def test_confidence_is_bounded():
    with pytest.raises(SchemaError, match="confidence"):
        Provenance(paper_id="p", confidence=1.5)


def test_endpoints():
    check_endpoints(RelType.EVALUATES_ON, NodeLabel.PAPER, NodeLabel.BENCHMARK)
    with pytest.raises(SchemaError, match="cannot join"):
        check_endpoints(RelType.VARIANT_OF, NodeLabel.MODEL, NodeLabel.METHOD)
    assert set(EDGE_ENDPOINTS) == set(RelType)
    assert all((NodeLabel.PAPER, lab) in EDGE_ENDPOINTS[RelType.MENTIONS] for lab in ENTITY_LABELS)


def test_extraction_round_trips_through_a_dict():
    paper = Paper(id="arxiv:2401.00001", title="SRA: Sparse Routing", abstract="We propose SRA.", date="--01-15",
                  urls=["https://github.com/a/b"], sources=["x.txt:3"], ids={"arxiv": "2401.00001"})
    ev = Provenance(paper_id=paper.id, sentence="We propose SRA.", start=32, end=35, extractor="kg_entities",
                    confidence=0.9)
    ext = PaperExtraction(
        paper=paper,
        entities=[ExtractedEntity(name="SRA", type="Method", aliases=["Sparse Routing"], roles=["PROPOSES"],
                                  evidence=[ev])],
        abbreviations={"SRA": "Sparse Routing"},
        citations=[Citation(first_author="Wang", year=2023, work="Self-Instruct", evidence=ev)],
        results=[ResultRecord(value=29.44, metric="win rate", benchmark="AlpacaEval 2.0", evidence=ev)],
        repositories=["a/b"],
    )
    assert extraction_from_dict(extraction_to_dict(ext)) == ext
    assert ext.to_gold()["entities"] == [
        {"name": "SRA", "type": "Method", "aliases": ["Sparse Routing"], "roles": ["PROPOSES"]}
    ]
    assert paper_text(paper)[ev.start:ev.end] == "SRA"


def test_provenance_to_dict_holds_every_field():
    from dataclasses import asdict

    ev = Provenance(paper_id="p", sentence="We propose SRA.", start=32, end=35, extractor="kg_entities",
                    confidence=0.9)
    assert ev.to_dict() == asdict(ev)  # a field added to Provenance must reach the graph's edges


def test_confident_leaves_out_entities_below_the_figure_and_keeps_the_rest():
    paper = Paper(id="t:a", title="A", abstract="B")
    sure = ExtractedEntity("X", NodeLabel.METHOD, evidence=[Provenance("t:a", confidence=0.4),
                                                           Provenance("t:a", confidence=0.9)])
    unsure = ExtractedEntity("Y", NodeLabel.TASK, evidence=[Provenance("t:a", confidence=0.5)])
    bare = ExtractedEntity("Z", NodeLabel.METRIC)  # no evidence: nothing says it is unsure
    ext = PaperExtraction(paper, entities=[sure, unsure, bare], abbreviations={"X": "Xeno"})
    assert (sure.confidence, unsure.confidence, bare.confidence) == (0.9, 0.5, 1.0)
    kept = ext.confident(0.6)
    assert [e.name for e in kept.entities] == ["X", "Z"]
    assert kept.abbreviations == {"X": "Xeno"} and kept.paper is paper
    assert [e.name for e in ext.entities] == ["X", "Y", "Z"]  # the cached extraction is not changed
    assert ext.confident(0.5) is ext
