"""Shared fixtures: the real spaCy pipeline (loaded once), paths to ../shared and tests/fixtures,
and the four-paper corpus (extractions, graph, a written OUT folder) that several rooms test against.

Test modules share data only through the fixtures here: no test module imports another.
"""
from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from schema import ExtractedEntity, Paper, PaperExtraction, Provenance

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared beside the checkout; tests needing it skip when it is absent."""
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent: these tests read the shared seeds, gold and corpora in place")
    return SHARED


@pytest.fixture(scope="session")
def seeds_dir(shared_dir: Path) -> Path:
    return shared_dir / "seeds"


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture(scope="session")
def nlp():
    """The full kg extraction pipeline, loaded once per session."""
    from extractors.pipeline import load_nlp

    return load_nlp()


# -- the four-paper corpus shared by the store, query, analytics, Neo4j and remove tests ----

def _corpus_entity(name: str, type_: str, role: str, paper_id: str, aliases=()) -> ExtractedEntity:
    # an alias is stated in the sentence ("ImageNet (ILSVRC)"), as resolution requires
    sentence = f"We study {name} ({aliases[0]}) in this work." if aliases else f"We study {name} in this work."
    return ExtractedEntity(
        name=name, type=type_, aliases=list(aliases), roles=[role],
        evidence=[Provenance(paper_id=paper_id, sentence=sentence, start=9, end=9 + len(name),
                             extractor="fixture", confidence=0.9)],
    )


def _corpus() -> list[PaperExtraction]:
    """Four papers with known overlaps: Transformer in three, GLUE and ImageNet in two each,
    OnlyHere only in the last paper (dated to the year only). A fresh copy on every call."""
    e = _corpus_entity
    p1, p2, p3, p4 = "arxiv:2401.00001", "arxiv:2402.00002", "arxiv:2402.00003", "arxiv:2403.00004"
    return [
        PaperExtraction(
            paper=Paper(id=p1, title="SparseFormer: Efficient Attention for Vision", abstract="We propose SparseFormer.",
                        date="2024-01-15", upvotes=12, authors_count=3, urls=["https://arxiv.org/abs/2401.00001"],
                        ids={"arxiv": "2401.00001", "doi": "10.1000/sparse"}),
            entities=[
                e("SparseFormer", "Method", "PROPOSES", p1),
                e("ImageNet", "Dataset", "EVALUATES_ON", p1, aliases=["ILSVRC"]),
                e("image classification", "Task", "ADDRESSES", p1),
                e("top-1 accuracy", "Metric", "MEASURES", p1),
                e("ViT", "Model", "COMPARES_WITH", p1),
                e("Transformer", "Method", "USES", p1),
            ],
        ),
        PaperExtraction(
            paper=Paper(id=p2, title="Scaling Transformers", abstract="We scale Transformers.", date="2024-02-03"),
            entities=[
                e("Transformer", "Method", "USES", p2),
                e("ViT", "Model", "USES", p2),
                e("ImageNet", "Dataset", "EVALUATES_ON", p2),
                e("GLUE", "Benchmark", "EVALUATES_ON", p2),
                e("BERT", "Model", "COMPARES_WITH", p2),
            ],
        ),
        PaperExtraction(
            paper=Paper(id=p3, title="LoRA-Adapters for Language Models", abstract="We propose LoRA.",
                        date="2024-02-20", upvotes=4),
            entities=[
                e("LoRA", "Method", "PROPOSES", p3),
                e("BERT", "Model", "USES", p3),
                e("GLUE", "Benchmark", "EVALUATES_ON", p3),
                e("Transformer", "Method", "MENTIONS", p3),
                e("accuracy", "Metric", "MEASURES", p3),
            ],
        ),
        PaperExtraction(
            paper=Paper(id=p4, title="An Orphan Study", abstract="We propose OnlyHere.", date="2024"),
            entities=[e("OnlyHere", "Method", "PROPOSES", p4)],
        ),
    ]


def _write_corpus_out(out: Path) -> nx.MultiDiGraph:
    """OUT as ``kg build`` leaves it for the corpus: cache, graph, Cypher store, merge log."""
    from kg.out import save_cache, save_graph, save_merge_log
    from kg.pipeline import build_graph
    from kg.stores.embedded import write_embedded

    extractions = _corpus()
    save_cache({e.paper.id: e for e in extractions}, out)
    log: list[dict] = []
    G = build_graph(extractions, log)
    save_graph(G, out)
    write_embedded(G, out)
    save_merge_log(log, out)
    return G


@pytest.fixture()
def corpus_extractions() -> list[PaperExtraction]:
    """The four-paper corpus (a fresh copy per test): the independent source of expected answers."""
    return _corpus()


@pytest.fixture()
def corpus_graph() -> nx.MultiDiGraph:
    """The corpus built into a graph (fresh per test)."""
    from kg.pipeline import build_graph

    return build_graph(_corpus())


@pytest.fixture(scope="session")
def write_corpus_out():
    """Factory: ``write_corpus_out(folder)`` leaves the corpus OUT in ``folder`` and returns its graph.

    Example:
        def test_x(write_corpus_out, tmp_path):
            G = write_corpus_out(tmp_path / "out")
    """
    return _write_corpus_out
