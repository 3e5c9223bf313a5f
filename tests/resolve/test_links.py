"""Research links through kg.graph.build_graph: citations, stubs, code, organizations, results."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from extractors.citations import find_citations
from extractors.results import results_from_text
from kg.pipeline import build_graph
from kg.resolve.links import normalize_github, stub_id
from kg.resolve.papers import merge_papers
from kg.sources import read_papers
from schema import (
    Citation, ExtractedEntity, NodeLabel, Paper, PaperExtraction, Provenance, RelType, ResultRecord,
    check_endpoints, paper_text,
)


def _paper(pid: str, title: str, abstract: str = "An abstract.", **kw) -> Paper:
    return Paper(id=pid, title=title, abstract=abstract, **kw)


def _ent(name: str, label: str, *roles: str) -> ExtractedEntity:
    return ExtractedEntity(name=name, type=label, roles=list(roles),
                           evidence=[Provenance(paper_id="", sentence=f"We use {name}.", start=0, end=5, extractor="test")])


def _edges(G, rel: RelType) -> dict[tuple[str, str], dict]:
    return {(u, v): d for u, v, k, d in G.edges(keys=True, data=True) if k == rel.value}


def _check_schema(G) -> None:
    for u, v, k in G.edges(keys=True):
        check_endpoints(RelType(k), NodeLabel(G.nodes[u]["label"]), NodeLabel(G.nodes[v]["label"]))


def test_inline_reference_becomes_stub_with_provenance():
    ev = Provenance(paper_id="p:a", sentence="We use Self-Instruct (Wang et al., 2023).", start=7, end=41,
                    extractor="kg_citations")
    a = PaperExtraction(paper=_paper("p:a", "A"), citations=[
        Citation(first_author="Wang", year=2023, work="Self-Instruct", evidence=ev)])
    G = build_graph([a])
    stub = "ref:wang-2023-self-instruct"
    assert G.nodes[stub]["label"] == "Paper" and G.nodes[stub]["stub"] is True
    assert G.nodes[stub]["name"] == "Self-Instruct"
    edge = _edges(G, RelType.CITES)[("p:a", stub)]
    assert (edge["sentence"], edge["start"], edge["end"], edge["extractor"]) == (ev.sentence, 7, 41, "kg_citations")
    _check_schema(G)


def test_same_reference_from_two_papers_shares_one_stub():
    exts = [PaperExtraction(paper=_paper(f"p:{x}", x.upper()), citations=[Citation(first_author="Taori", year=2023, work="Alpaca")])
            for x in "ab"]
    G = build_graph(exts)
    stubs = [n for n, d in G.nodes(data=True) if d.get("stub")]
    assert stubs == ["ref:taori-2023-alpaca"]
    assert set(_edges(G, RelType.CITES)) == {("p:a", stubs[0]), ("p:b", stubs[0])}


def test_repeated_reference_without_the_work_joins_the_named_one():
    a = PaperExtraction(paper=_paper("p:a", "A"), citations=[
        Citation(first_author="Wang", year=2023, work="Self-Instruct"), Citation(first_author="Wang", year=2023),
        Citation(first_author="Wang", year=2022)])
    G = build_graph([a])
    assert set(_edges(G, RelType.CITES)) == {("p:a", "ref:wang-2023-self-instruct"), ("p:a", "ref:wang-2022")}


def test_arxiv_id_in_text_links_to_the_corpus_paper():
    a = PaperExtraction(paper=_paper("p:a", "A"), citations=[Citation(ids={"arxiv": "2401.12345v2"})])
    b = PaperExtraction(paper=_paper("arxiv:2401.12345", "B"))
    c = PaperExtraction(paper=_paper("title:c", "C", ids={"doi": "10.1000/ABC"}))
    d = PaperExtraction(paper=_paper("p:d", "D"), citations=[Citation(ids={"doi": "https://doi.org/10.1000/abc"})])
    G = build_graph([a, b, c, d])
    assert set(_edges(G, RelType.CITES)) == {("p:a", "arxiv:2401.12345"), ("p:d", "title:c")}
    assert not [n for n, data in G.nodes(data=True) if data.get("stub")]


def test_named_work_links_to_the_corpus_paper_with_that_short_title():
    a = PaperExtraction(paper=_paper("p:a", "A"), citations=[Citation(first_author="Wang", year=2023, work="Self-Instruct")])
    b = PaperExtraction(paper=_paper("p:si", "Self-Instruct: Aligning Language Models with Self-Generated Instructions"))
    G = build_graph([a, b])
    assert set(_edges(G, RelType.CITES)) == {("p:a", "p:si")}


def test_source_references_become_cites_and_stubs():
    refs = [{"openalex": "https://openalex.org/W2963403868"}, {"s2": "abc", "arxiv": "2401.12345"}, {"title": "no ids"}]
    a = PaperExtraction(paper=_paper("p:a", "A", references=refs))
    b = PaperExtraction(paper=_paper("p:b", "B", ids={"arxiv": "2401.12345"}))
    G = build_graph([a, b])
    cites = _edges(G, RelType.CITES)
    assert set(cites) == {("p:a", "openalex:W2963403868"), ("p:a", "p:b")}
    assert G.nodes["openalex:W2963403868"]["stub"] is True
    assert cites[("p:a", "p:b")]["extractor"] == "source.references"
    _check_schema(G)


@pytest.mark.parametrize(
    ("citing_date", "proposer_date", "expected"),
    [
        ("2024-05-01", "2023-02-10", True),
        ("2024-05", "2024-05-20", True),   # same month at the common precision
        (None, "2025-01-01", True),         # unknown date: allowed
        ("--03-01", "2025-01-01", True),    # no year: unknown
        ("2023-01-01", "2024-05-01", False),  # the proposer came later
    ],
)
def test_inferred_citation_from_a_named_entity(citing_date, proposer_date, expected):
    proposer = PaperExtraction(paper=_paper("p:prop", "FooNet: a network", date=proposer_date),
                               entities=[_ent("FooNet", "Method", "PROPOSES")])
    user = PaperExtraction(paper=_paper("p:user", "Using things", date=citing_date),
                           entities=[_ent("FooNet", "Method", "USES")])
    assert _edges(build_graph([proposer, user]), RelType.CITES_INFERRED) == {}  # off by default
    G = build_graph([proposer, user], infer_citations=True)
    assert _edges(G, RelType.CITES) == {}  # a separate relationship type
    cites = _edges(G, RelType.CITES_INFERRED)
    assert (("p:user", "p:prop") in cites) is expected
    if expected:
        edge = cites[("p:user", "p:prop")]
        assert edge["inferred"] is True and edge["reason"] == "FooNet"
        assert edge["sentence"] == "We use FooNet."
    assert ("p:prop", "p:user") not in cites


def test_no_inferred_citation_for_proposals_or_tasks_of_many():
    exts = [PaperExtraction(paper=_paper(f"p:{i}", f"P{i}"), entities=[_ent("LLM", "Model", "PROPOSES")]) for i in range(5)]
    exts.append(PaperExtraction(paper=_paper("p:x", "X"), entities=[_ent("LLM", "Model", "USES")]))
    G = build_graph(exts, infer_citations=True)
    assert _edges(G, RelType.CITES_INFERRED) == {}


@pytest.mark.parametrize(
    ("name", "label", "aliases", "expected"),
    [
        ("SPIN", "Method", ["Self-Play Fine-Tuning"], True),
        ("rStar", "Method", [], True),
        ("reward model", "Method", [], False),             # a concept, not one paper's artifact
        ("SSL", "Method", ["self-supervised learning"], False),
        ("RNNs", "Model", [], False),                      # a plural acronym names a class
        ("RM", "Method", [], False),                       # reward model? reward machine?
        ("DPO", "Method", [], True),
        ("Machine Translation", "Task", [], False),        # tasks are not proposed artifacts
    ],
)
def test_inferred_citations_only_for_named_artifacts(name, label, aliases, expected):
    ent = _ent(name, label, "PROPOSES")
    ent.aliases = aliases
    proposer = PaperExtraction(paper=_paper("p:prop", "P"), entities=[ent])
    user = PaperExtraction(paper=_paper("p:user", "U"), entities=[_ent(name, label, "USES")])
    G = build_graph([proposer, user], infer_citations=True)
    assert (("p:user", "p:prop") in _edges(G, RelType.CITES_INFERRED)) is expected


def test_reference_to_what_the_paper_itself_proposes_stays_a_stub():
    """An extractor may wrongly say a paper proposes the work it cites: never a self-citation."""
    a = PaperExtraction(paper=_paper("p:a", "Ensemble-Instruct: data"), entities=[_ent("Self-Instruct", "Method", "PROPOSES")],
                        citations=[Citation(first_author="Wang", year=2023, work="Self-Instruct")])
    G = build_graph([a])
    assert set(_edges(G, RelType.CITES)) == {("p:a", "ref:wang-2023-self-instruct")}


@pytest.mark.parametrize(("date", "linked"), [("2022-06-01", True), ("2015-01-01", False)])
def test_a_named_work_links_to_the_paper_proposing_it_only_from_about_the_cited_year(date, linked):
    ev = Provenance(paper_id="p:user", sentence="It combines DoG (Ivgi et al., 2023).", extractor="kg_citations")
    proposer = PaperExtraction(paper=_paper("p:prop", "Saliency reloaded", date=date), entities=[_ent("DoG", "Method", "PROPOSES")])
    user = PaperExtraction(paper=_paper("p:user", "U", date="2024-01-01"), entities=[_ent("DoG", "Method", "USES")],
                           citations=[Citation(first_author="Ivgi", year=2023, work="DoG", evidence=ev)])
    G = build_graph([proposer, user])
    assert (("p:user", "p:prop") in _edges(G, RelType.CITES)) is linked


def test_explicit_citation_is_not_marked_inferred():
    ev = Provenance(paper_id="p:user", sentence="FooNet (Li et al., 2023).", extractor="kg_citations")
    proposer = PaperExtraction(paper=_paper("p:prop", "FooNet: fast"), entities=[_ent("FooNet", "Method", "PROPOSES")])
    user = PaperExtraction(paper=_paper("p:user", "U"), entities=[_ent("FooNet", "Method", "USES")],
                           citations=[Citation(first_author="Li", year=2023, work="FooNet", evidence=ev)])
    G = build_graph([proposer, user])
    edge = _edges(G, RelType.CITES)[("p:user", "p:prop")]
    assert "inferred" not in edge and edge["extractor"] == "kg_citations"


@pytest.mark.parametrize(
    ("url", "repo"),
    [
        ("https://github.com/MBZUAI-CLeaR/IoE-Prompting.git.", "mbzuai-clear/ioe-prompting"),
        ("https://github.com/Scarelette/MentalArena/tree/main", "scarelette/mentalarena"),
        ("~https://github.com/badripatro/Simba.", "badripatro/simba"),
        ("github.com/biubiutomato/TME-Agent,", "biubiutomato/tme-agent"),
        ("http://www.github.com/a-b/c_d.js)", "a-b/c_d.js"),
        ("https://github.com/orgs/foo", None),
        ("https://selfgoal-agent.github.io", None),
        ("https://github.com/onlyowner", None),
    ],
)
def test_normalize_github(url, repo):
    assert normalize_github(url) == repo


def test_repositories_from_urls_and_abstract():
    a = PaperExtraction(paper=_paper("p:a", "A", "Code is at https://github.com/Foo/Bar.git.",
                                     urls=["https://github.com/foo/bar", "https://foo.github.io"]))
    b = PaperExtraction(paper=_paper("p:b", "B", urls=["https://github.com/FOO/bar/tree/main"]), repositories=["x/y"])
    G = build_graph([a, b])
    has_code = _edges(G, RelType.HAS_CODE)
    assert set(has_code) == {("p:a", "repo:foo/bar"), ("p:b", "repo:foo/bar"), ("p:b", "repo:x/y")}
    node = G.nodes["repo:foo/bar"]
    assert (node["label"], node["name"], node["url"]) == ("Repository", "foo/bar", "https://github.com/foo/bar")
    assert has_code[("p:a", "repo:foo/bar")]["sentence"] == "Code is at https://github.com/Foo/Bar.git."
    assert G.nodes["p:a"]["urls"] == ["https://github.com/foo/bar", "https://foo.github.io"]
    _check_schema(G)


def test_organizations():
    exts = [PaperExtraction(paper=_paper("p:a", "A", organization="Tencent")),
            PaperExtraction(paper=_paper("p:b", "B", organization="Tencent")),
            PaperExtraction(paper=_paper("p:c", "C", organization="Allen Institute for AI")),
            PaperExtraction(paper=_paper("p:d", "D"))]
    G = build_graph(exts)
    assert set(_edges(G, RelType.PUBLISHED_BY)) == {
        ("p:a", "org:tencent"), ("p:b", "org:tencent"), ("p:c", "org:allen-institute-for-ai")}
    assert G.nodes["org:tencent"]["name"] == "Tencent"
    assert G.nodes["org:tencent"]["paper_count"] == 2


def _result_extraction() -> PaperExtraction:
    sentence = "Llama3.1-8B reaches a 29.44 win rate on AlpacaEval 2.0 with our method."
    ev = Provenance(paper_id="p:r", sentence=sentence, start=22, end=27, extractor="kg_results")
    return PaperExtraction(
        paper=_paper("p:r", "Temporal", date="2025-08-01"),
        entities=[_ent("Llama 3.1-8B", "Model", "USES"), _ent("AlpacaEval-2.0", "Benchmark", "EVALUATES_ON"),
                  _ent("TSR", "Method", "PROPOSES")],
        results=[
            ResultRecord(value=29.44, metric="win rate", benchmark="AlpacaEval 2.0", subject="Llama3.1-8B", evidence=ev),
            ResultRecord(value=77.7, unit="%", metric="accuracy", benchmark="ProcessBench", subject=None, evidence=ev),
            ResultRecord(value=50.0, unit="%", metric="accuracy", benchmark="SQuAD", subject="Nobody", evidence=ev),
        ],
    )


def test_results_link_to_entity_nodes():
    squad = PaperExtraction(paper=_paper("p:s", "S"), entities=[_ent("SQuAD", "Dataset", "USES")])
    G = build_graph([_result_extraction(), squad])
    results = {d["value"]: n for n, d in G.nodes(data=True) if d["label"] == "Result"}
    assert set(results) == {29.44, 77.7, 50.0}
    r = results[29.44]
    node = G.nodes[r]
    assert node["name"] == "29.44 win rate on AlpacaEval 2.0"
    assert (node["metric"], node["unit"], node["benchmark"], node["subject"]) == ("win rate", None, "AlpacaEval 2.0", "Llama3.1-8B")
    assert node["sentence"].startswith("Llama3.1-8B reaches")
    assert ("p:r", r) in _edges(G, RelType.REPORTS)
    on = {u: v for u, v in _edges(G, RelType.ON_BENCHMARK)}
    by = {u: v for u, v in _edges(G, RelType.ACHIEVED_BY)}
    metric = {u: v for u, v in _edges(G, RelType.USES_METRIC)}
    # linked to the nodes the entities made (names normalized), not duplicates
    assert G.nodes[on[r]]["label"] == "Benchmark" and on[r] in {n for _, n in _edges(G, RelType.EVALUATES_ON)}
    assert by[r] in {n for _, n in _edges(G, RelType.USES)} and G.nodes[by[r]]["label"] == "Model"
    assert G.nodes[metric[r]]["label"] == "Metric" and G.nodes[metric[r]]["name"] == "win rate"
    # a benchmark no entity names is not created by a result: it stays a property of the result
    assert results[77.7] not in on and G.nodes[results[77.7]]["benchmark"] == "ProcessBench"
    assert not any(d.get("name") == "ProcessBench" for _, d in G.nodes(data=True) if d["label"] != "Result")
    # no subject -> the method the paper proposes
    assert G.nodes[by[results[77.7]]]["name"] == "TSR"
    # a Dataset serves as the benchmark; an unknown subject stays a property only
    assert G.nodes[on[results[50.0]]]["label"] == "Dataset"
    assert results[50.0] not in by and G.nodes[results[50.0]]["subject"] == "Nobody"
    # both results share one metric node
    assert metric[results[77.7]] == metric[results[50.0]]
    _check_schema(G)


def test_leaderboard_command(tmp_path):
    from kg.out import save_graph

    other = PaperExtraction(paper=_paper("p:o", "Other paper"), results=[
        ResultRecord(value=41.5, unit="%", metric="length-controlled win rate", benchmark="AlpacaEval 2.0", subject="INPO",
                     evidence=Provenance(paper_id="p:o", sentence="INPO achieves 41.5%.", extractor="kg_results"))])
    G = build_graph([_result_extraction(), other])
    save_graph(G, tmp_path)
    from kg.cli.app import main

    res = CliRunner().invoke(main, ["leaderboard", "alpacaeval 2.0", "-o", str(tmp_path)])
    assert res.exit_code == 0, res.output
    lines = res.output.splitlines()
    # two metrics, one result each: one is ranked, the other named (win rates are never mixed)
    assert lines[0] == ("alpacaeval 2.0, ranked by length-controlled win rate (highest first); "
                        "also reported: win rate (1) (use --metric)")
    assert lines[1].split()[:4] == ["value", "unit", "metric", "model"]
    assert lines[2].split()[0] == "41.5" and "INPO" in lines[2] and "Other paper" in lines[2]
    assert len(lines) == 3
    res = CliRunner().invoke(main, ["leaderboard", "AlpacaEval 2.0", "--metric", "win rate", "-o", str(tmp_path)])
    lines = res.output.splitlines()
    assert "ranked by win rate" in lines[0]
    assert [ln.split()[0] for ln in lines[2:]] == ["29.44"] and "Llama3.1-8B" in lines[2] and "Temporal" in lines[2]
    res = CliRunner().invoke(main, ["leaderboard", "Nothing", "-o", str(tmp_path)])
    assert res.exit_code == 0 and "no result on 'Nothing'" in res.output
    res = CliRunner().invoke(main, ["leaderboard", "X", "-o", str(tmp_path / "missing")])
    assert res.exit_code == 1 and "kg build" in res.output and "Traceback" not in res.output


def test_stub_id():
    assert stub_id(Citation(first_author="van den Oord", year=2016)) == "ref:van-den-oord-2016"
    assert stub_id(Citation(ids={"doi": "10.1000/ABC", "s2": "x"})) == "doi:10.1000/abc"


# ---------------------------------------------------------------- the seeds


@pytest.fixture(scope="module")
def seed_graph(seeds_dir):
    """The seeds read, identity-merged and linked (no NLP: text citations and results by the pure rules)."""

    papers = merge_papers(read_papers(sorted(seeds_dir.glob("*.txt"))))
    exts = []
    for p in papers:
        text = paper_text(p)
        cits = []
        for s, e, _, c in find_citations(text):
            c.evidence = Provenance(paper_id=p.id, sentence=text[s:e], start=s, end=e, extractor="kg_citations")
            cits.append(c)
        exts.append(PaperExtraction(paper=p, citations=cits, results=results_from_text(text, p.id)))
    return build_graph(exts), papers


def test_seed_repositories(seed_graph):
    """55 distinct GitHub repositories are linked from the seeds (grep -o github.com/... | sort -u agrees)."""
    G, _ = seed_graph
    repos = [n for n, d in G.nodes(data=True) if d["label"] == "Repository"]
    assert len(repos) == 55
    assert "repo:mbzuai-clear/ioe-prompting" in repos and "repo:zhentingqi/rstar" in repos
    assert len(_edges(G, RelType.HAS_CODE)) >= 55


def test_seed_inline_references(seed_graph):
    G, papers = seed_graph
    ensemble = next(p.id for p in papers if p.title.startswith("Ensemble-Instruct"))
    targets = {v for u, v in _edges(G, RelType.CITES) if u == ensemble}
    assert {"ref:wang-2023-self-instruct", "ref:taori-2023-alpaca"} <= targets


def test_seed_alpacaeval_result(seed_graph):
    G, _ = seed_graph
    hits = [n for n, d in G.nodes(data=True) if d["label"] == "Result" and d["value"] == 29.44]
    assert hits
    assert G.nodes[hits[0]]["benchmark"] == "AlpacaEval 2.0"
    # no entity extraction here, so no Benchmark node: a result never creates one
    assert not [v for u, v in _edges(G, RelType.ON_BENCHMARK) if u == hits[0]]


def test_seed_organizations(seed_graph):
    G, papers = seed_graph
    with_org = {p.id: p.organization for p in papers if p.organization}
    assert with_org, "the seeds name organizations (e.g. Tencent)"
    published = _edges(G, RelType.PUBLISHED_BY)
    assert {u for u, _ in published} == set(with_org)
    assert any(G.nodes[v]["name"] == "Tencent" for _, v in published)


def test_a_result_takes_the_proposed_method_only_when_the_sentence_credits_the_paper():
    ours = "Our model reaches 77.7% accuracy on ProcessBench."
    theirs = "The mAP results are 81.6% for cyclist detection."
    results = [
        ResultRecord(value=v, unit="%", metric=m, evidence=Provenance(paper_id="p:o", sentence=s, start=0, end=4, extractor="kg_results"))
        for v, m, s in ((77.7, "accuracy", ours), (81.6, "mAP", theirs))
    ]
    ext = PaperExtraction(paper=_paper("p:o", "O"), entities=[_ent("TSR", "Method", "PROPOSES")], results=results)
    G = build_graph([ext])
    by = {u: v for u, v in _edges(G, RelType.ACHIEVED_BY)}
    found = {d["value"]: n for n, d in G.nodes(data=True) if d["label"] == "Result"}
    assert G.nodes[by[found[77.7]]]["name"] == "TSR"
    assert found[81.6] not in by and G.nodes[found[81.6]]["subject"] is None


def test_a_result_subject_is_the_papers_own_sense_of_an_acronym():
    other = PaperExtraction(paper=_paper("p:x", "X"), entities=[
        ExtractedEntity(name="CSR", type="Method", roles=["PROPOSES"], aliases=["CNN"],
                        evidence=[Provenance(paper_id="", sentence="We use CSR.", start=0, end=3, extractor="test")])])
    sentence = "The baseline CNN achieves 94% recall."
    ev = Provenance(paper_id="p:c", sentence=sentence, start=26, end=29, extractor="kg_results")
    own = PaperExtraction(paper=_paper("p:c", "C"), entities=[_ent("CNN", "Method", "USES")],
                          results=[ResultRecord(value=94.0, unit="%", metric="recall", subject="CNN", evidence=ev)])
    G = build_graph([other, own])
    by = {u: v for u, v in _edges(G, RelType.ACHIEVED_BY)}
    result = next(n for n, d in G.nodes(data=True) if d["label"] == "Result")
    assert G.nodes[by[result]]["name"] == "CNN"


def _sure(name: str, label: str, pid: str, confidence: float, aliases=(), sentence=None) -> ExtractedEntity:
    return ExtractedEntity(name=name, type=label, aliases=list(aliases), roles=[RelType.MEASURES], evidence=[
        Provenance(paper_id=pid, sentence=sentence or f"We report {name}.", extractor="test", confidence=confidence)])


def test_min_confidence_hides_unsure_edges_but_keeps_the_merges_they_made():
    """The unsure paper joined "mAP" to its long form: the two stay one node, with the same id as
    at the default, and only the sure papers' edges; a node only unsure papers name goes."""
    joiner = PaperExtraction(paper=_paper("p:1", "One"), abbreviations={"mAP": "mean average precision"}, entities=[
        _sure("mAP", "Metric", "p:1", 0.5, ["mean average precision"], "We report mean average precision (mAP)."),
        _sure("odd score", "Metric", "p:1", 0.3)])
    long_form = PaperExtraction(paper=_paper("p:2", "Two"), entities=[_sure("mean average precision", "Metric", "p:2", 0.9)])
    short = PaperExtraction(paper=_paper("p:3", "Three"), entities=[_sure("mAP", "Metric", "p:3", 0.95)])
    full = build_graph([joiner, long_form, short])
    sure = build_graph([joiner, long_form, short], min_confidence=0.8)
    metrics = {n for n, d in sure.nodes(data=True) if d["label"] == "Metric"}
    assert len(metrics) == 1 and metrics <= set(full.nodes)
    (metric,) = metrics
    assert {u for u, _ in sure.in_edges(metric)} == {"p:2", "p:3"}
    assert sure.nodes[metric]["paper_count"] == 2 and full.nodes[metric]["paper_count"] == 3
    assert not [d for _, d in sure.nodes(data=True) if d.get("name") == "odd score"]
    assert {n for n, d in sure.nodes(data=True) if d["label"] == "Paper"} == {"p:1", "p:2", "p:3"}  # papers stay


def test_an_edge_keeps_its_surest_evidence_when_two_mentions_of_a_paper_join():
    """One paper names the same benchmark twice, an unsure spelling first: resolution joins them
    into one node, and the edge keeps the sure mention's evidence, so --min-confidence keeps it."""
    unsure = _sure("CNN/DM", "Metric", "p:1", 0.4, sentence="Scores on CNN/DM are close.")
    sure = _sure("CNN/DailyMail", "Metric", "p:1", 0.9, sentence="We report CNN/DailyMail.")
    both = PaperExtraction(paper=_paper("p:1", "One"), entities=[unsure, sure])
    for G in (build_graph([both]), build_graph([both], min_confidence=0.8)):
        (edge,) = [d for u, v, d in G.edges(data=True) if u == "p:1" and G.nodes[v]["label"] == "Metric"]
        assert edge["sentence"] == "We report CNN/DailyMail." and edge["confidence"] == 0.9
