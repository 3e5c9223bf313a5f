"""Paper identity: stable ids and merging records of one paper."""
from __future__ import annotations

import pytest

from kg.resolve.papers import merge_papers, near_duplicate_titles, same_abstract
from schema.names import (
    normalize_arxiv_id,
    normalize_doi,
    paper_id,
    title_slug,
)
from schema import Paper

ABS_A = ("We propose Gated Token Mixing, a layer that mixes tokens with learned gates instead of attention. "
         "It matches a transformer of equal size on language modeling while running twice as fast on long inputs.")
ABS_B = ("We study how reward models generalize across domains and find that ensembles of small reward models "
         "are better calibrated than one large model on out-of-domain prompts from many sources.")


def paper(title="Gated Token Mixing", abstract=ABS_A, source="a.txt:1", **kw) -> Paper:
    return Paper(id=kw.pop("id", "tmp"), title=title, abstract=abstract, sources=[source], **kw)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2401.00001", "2401.00001"), ("arXiv:2401.00001v3", "2401.00001"),
        ("https://arxiv.org/pdf/2401.00001v2.pdf", "2401.00001"), ("hep-th/9901001v1", "hep-th/9901001"),
        ("1706.03762", "1706.03762"), ("not an id", None), ("", None),
    ],
)
def test_normalize_arxiv_id(value, expected):
    assert normalize_arxiv_id(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("https://doi.org/10.1145/ABC.123", "10.1145/abc.123"), ("doi:10.5555/X.", "10.5555/x"), ("nothing", None)],
)
def test_normalize_doi(value, expected):
    assert normalize_doi(value) == expected


@pytest.mark.parametrize(
    "variant",
    ["Gated Token Mixing", "gated token mixing", "  Gated   Token-Mixing. ", "GATED: Token — Mixing!", "Gâted Token Mixing"],
)
def test_title_slug_is_robust_to_case_punctuation_whitespace_accents(variant):
    assert title_slug(variant) == "gated-token-mixing"


def test_title_slug_keeps_distinct_words_distinct():
    assert title_slug("GPT-4 Technical Report") != title_slug("GPT-3 Technical Report")


@pytest.mark.parametrize(
    ("ids", "title", "expected"),
    [
        ({"arxiv": "2401.00001", "doi": "10.1/x"}, "A", "arxiv:2401.00001"),
        ({"doi": "10.1/x", "openalex": "W1"}, "A", "doi:10.1/x"),
        ({"openalex": "W1"}, "Deep Nets!", "title:deep-nets"),
        ({"s2": "a" * 40}, "", "s2:" + "a" * 40),
    ],
)
def test_paper_id_preference(ids, title, expected):
    assert paper_id(ids, title) == expected


def test_same_paper_from_several_files_merges_with_richest_metadata():
    bare = paper(source="a.txt:3")
    rich = paper(title="Gated token mixing", source="b.txt:9", authors_count=4, date="--03-12", upvotes=5,
                 urls=["https://github.com/g/t"])
    dated = paper(source="c.txt:1", date="2025-03-12", upvotes=9, organization="Acme", ids={"arxiv": "2503.01234v2"})
    (merged,) = merge_papers([bare, rich, dated])
    assert merged.id == "arxiv:2503.01234"
    assert merged.sources == ["a.txt:3", "b.txt:9", "c.txt:1"]
    assert (merged.authors_count, merged.date, merged.upvotes, merged.organization) == (4, "2025-03-12", 9, "Acme")
    assert merged.urls == ["https://github.com/g/t"]
    assert merged.title == "Gated Token Mixing"


def test_same_arxiv_id_merges_despite_different_titles():
    a = paper(title="Old Title", ids={"arxiv": "2401.00001v1"})
    b = paper(title="New Title", abstract=ABS_B, ids={"arxiv": "2401.00001v2"}, source="b:1")
    (merged,) = merge_papers([a, b])
    assert merged.sources == ["a.txt:1", "b:1"]


def test_different_arxiv_ids_never_merge():
    a = paper(ids={"arxiv": "2401.00001"})
    b = paper(ids={"arxiv": "2401.00002"}, source="b:1")
    assert [p.id for p in merge_papers([a, b])] == ["arxiv:2401.00001", "arxiv:2401.00002"]


def test_near_duplicate_titles_with_the_same_abstract_merge():
    a = paper(title="Task Memory Engine (TME): A Structured Memory Framework")
    b = paper(title="Task Memory Engine: A Structured Memory Framework", source="b:2")
    (merged,) = merge_papers([a, b])
    assert merged.sources == ["a.txt:1", "b:2"]
    assert merged.id == "title:task-memory-engine-tme-a-structured-memory-framework"


def test_similar_titles_with_different_abstracts_stay_apart():
    a = paper(title="Task Memory Engine (TME): A Structured Memory Framework", abstract=ABS_A)
    b = paper(title="Task Memory Engine: Spatial Memory for Agents", abstract=ABS_B, source="b:2")
    assert len(merge_papers([a, b])) == 2


def test_same_title_different_abstract_gets_a_distinct_id():
    a = paper(abstract=ABS_A)
    b = paper(abstract=ABS_B, source="b:2")
    first, second = merge_papers([a, b])
    assert first.id == "title:gated-token-mixing"
    assert second.id.startswith("title:gated-token-mixing~") and second.id != first.id


def test_same_title_with_a_slightly_revised_abstract_merges():
    revised = ABS_A.replace("twice as fast", "two times as fast")
    assert len(merge_papers([paper(), paper(abstract=revised, source="b:1")])) == 1


def test_merge_is_deterministic_and_keeps_first_appearance_order():
    records = [
        paper(title="Zeta Paper", abstract=ABS_B, source="z:1"),
        paper(title="Alpha Paper", source="a:1"),
        paper(title="zeta paper", abstract=ABS_B, source="z:2"),
    ]
    first = merge_papers(records)
    second = merge_papers(records)
    assert [p.id for p in first] == ["title:zeta-paper", "title:alpha-paper"]
    assert [p.to_dict() for p in first] == [p.to_dict() for p in second]
    assert records[0].sources == ["z:1"]  # inputs are not modified


def test_merge_recognises_ids_spelled_in_the_paper_id():
    stub = Paper(id="arxiv:2401.00001", title="", abstract="", stub=True)
    real = paper(ids={"arxiv": "2401.00001"}, source="x:1")
    (merged,) = merge_papers([stub, real])
    assert merged.stub is False and merged.title == "Gated Token Mixing"


def test_bridging_record_joins_two_clusters():
    by_doi = paper(title="One", abstract=ABS_B, ids={"doi": "10.1234/a"}, source="d:1")
    by_arxiv = paper(title="Two", abstract=ABS_A, ids={"arxiv": "2401.00009"}, source="x:1")
    both = paper(title="Three", abstract="", ids={"doi": "10.1234/A", "arxiv": "2401.00009"}, source="b:1")
    (merged,) = merge_papers([by_doi, by_arxiv, both])
    assert merged.id == "arxiv:2401.00009"
    assert merged.sources == ["d:1", "x:1", "b:1"]


def test_same_abstract_and_titles():
    assert same_abstract(ABS_A, "  " + ABS_A.upper())
    assert same_abstract(ABS_A, "")
    assert not same_abstract(ABS_A, ABS_B)
    assert near_duplicate_titles("Self-Play Fine-Tuning", "Self Play Fine Tuning")
    assert not near_duplicate_titles("Self-Rewarding Language Models", "Deep Residual Learning for Images")


def test_numbered_titles_with_near_identical_abstracts_stay_apart():
    a = paper(title="Benchmark Suite 2", abstract=f"{ABS_A} Version 2.")
    b = paper(title="Benchmark Suite 3", abstract=f"{ABS_A} Version 3.", source="b:1")
    assert len(merge_papers([a, b])) == 2


def test_merge_many_papers_with_one_shared_abstract_prefix():
    # every abstract starts alike (one big block): blocks are capped, pairs still merge by title
    n = 2000
    records = [paper(title=f"Paper number {i}", abstract=f"{ABS_A} Variant {i}.", source=f"s:{i}") for i in range(n)]
    records += [paper(title=f"paper Number {i}.", abstract=f"{ABS_A} Variant {i}.", source=f"t:{i}") for i in range(n)]
    merged = merge_papers(records)
    assert len(merged) == n
    assert merged[42].sources == ["s:42", "t:42"]
