"""Exports, read back by readers that are not the writer: python-igraph and networkx
for GraphML, networkx for GEXF and JSON, pandas for CSV and neo4j-admin CSV, an
openCypher grammar (when installed) for the Cypher script."""
from __future__ import annotations

import json
import re
from collections import Counter

import networkx as nx
import pandas as pd
import pytest
from click.testing import CliRunner

from schema.errors import InputError
from kg.stores.cypher import cypher_string
from kg.stores.neo4j import script_statements as cypher_statements
from kg.views.export import FORMATS, write
from kg.pipeline import build_graph
from kg.out import save_graph
from schema import ExtractedEntity, NodeLabel, Paper, PaperExtraction, Provenance, RelType

NASTY = "it's a \"quote\" \\ back\nslash; semi</script>\x01 \u2028 \u6f22\u5b57 \U0001f600"
INJECTION = "x'}) DETACH DELETE n //"


@pytest.fixture(scope="module")
def graph() -> nx.MultiDiGraph:
    exts = []
    specs = [
        (NASTY, [("LoRA", "Method", ["Low-Rank; Adaptation", "LoRA-style"], "PROPOSES"),
                 ("GLUE", "Benchmark", [], "EVALUATES_ON")]),
        ("Plain title", [("LoRA", "Method", [], "USES"), (INJECTION, "Model", [], "USES"),
                         ("accuracy", "Metric", [], "MEASURES")]),
        ("Third", [("SQuAD", "Dataset", [], "EVALUATES_ON"), ("question answering", "Task", [], "ADDRESSES")]),
    ]
    for i, (title, ents) in enumerate(specs):
        pid = f"arxiv:2402.{i:05d}"
        paper = Paper(id=pid, title=title, abstract=f"Abstract {i}: {NASTY}", date="2024-02-0" + str(i + 1) if i else None,
                      upvotes=10 * i if i else None, authors_count=3, urls=[f"https://arxiv.org/abs/2402.{i:05d}"])
        exts.append(PaperExtraction(paper=paper, entities=[
            ExtractedEntity(name=name, type=label, aliases=aliases, roles=[role],
                            evidence=[Provenance(paper_id=pid, sentence=f"{name} in {NASTY}", start=3, end=9,
                                                 extractor="test", confidence=0.75)])
            for name, label, aliases, role in ents
        ]))
    G = build_graph(exts)
    G.nodes["arxiv:2402.00001"]["stub"] = True
    return G


def _xml_safe(text: str) -> str:
    """``text`` without the control character XML 1.0 cannot hold."""
    return text.replace("\x01", "")


def _edge_triples(G: nx.MultiDiGraph) -> Counter:
    return Counter((str(u), str(v), str(d.get("type") or k)) for u, v, k, d in G.edges(keys=True, data=True))


# --------------------------------------------------------------------------- GraphML


def test_graphml_reads_back_in_igraph(graph, tmp_path):
    igraph = pytest.importorskip("igraph", reason="python-igraph is a test dependency (pip install kg[test])")
    path = write(graph, "graphml", tmp_path / "g.graphml")
    g = igraph.Graph.Read_GraphML(str(path))
    assert g.vcount() == graph.number_of_nodes() and g.ecount() == graph.number_of_edges()
    ids = g.vs["id"]
    assert set(ids) == set(graph.nodes)
    for v in g.vs:
        data = graph.nodes[v["id"]]
        assert v["label"] == _xml_safe(data["name"])  # Gephi shows the GraphML label: the name
        assert v["type"] == data["label"]
        assert json.loads(v["aliases"]) == data["aliases"]
    assert Counter((ids[e.source], ids[e.target], e["type"]) for e in g.es) == _edge_triples(graph)
    paper = g.vs.find(id="arxiv:2402.00002")
    assert paper["upvotes"] == 20 and isinstance(paper["upvotes"], (int, float))
    assert paper["abstract"].startswith("Abstract 2: it's a \"quote\"")


def test_graphml_reads_back_in_networkx_with_types(graph, tmp_path):
    path = write(graph, "graphml", tmp_path / "g.graphml")
    H = nx.read_graphml(path)
    assert H.number_of_nodes() == graph.number_of_nodes() and H.number_of_edges() == graph.number_of_edges()
    first, second = H.nodes["arxiv:2402.00000"], H.nodes["arxiv:2402.00002"]
    assert "date" not in first and "upvotes" not in first  # None is dropped, not written as "None"
    assert second["upvotes"] == 20 and type(second["upvotes"]) is int
    assert H.nodes["arxiv:2402.00001"]["stub"] is True
    assert first["title"] == _xml_safe(NASTY)  # the one character XML cannot hold is dropped
    confidences = {d["confidence"] for _, _, d in H.edges(data=True) if "confidence" in d}
    assert confidences and all(type(c) is float for c in confidences)
    assert Counter((u, v, d["type"]) for u, v, d in H.edges(data=True)) == _edge_triples(graph)


# --------------------------------------------------------------------------- GEXF, JSON


def test_gexf_reads_back_in_networkx(graph, tmp_path):
    H = nx.read_gexf(write(graph, "gexf", tmp_path / "g.gexf"))
    assert H.number_of_nodes() == graph.number_of_nodes() and H.number_of_edges() == graph.number_of_edges()
    for node, data in graph.nodes(data=True):
        assert H.nodes[node]["label"] == _xml_safe(data["name"])  # Gephi shows names
        assert H.nodes[node]["node_label"] == data["label"]
    assert Counter((u, v, d["relation"]) for u, v, d in H.edges(data=True)) == _edge_triples(graph)
    assert {d["span_start"] for _, _, d in H.edges(data=True) if "span_start" in d} == {3}


def test_json_round_trip_is_exact(graph, tmp_path):
    path = write(graph, "json", tmp_path / "g.json")
    H = nx.node_link_graph(json.loads(path.read_text(encoding="utf-8")), directed=True, multigraph=True, edges="edges")
    assert dict(H.nodes(data=True)) == dict(graph.nodes(data=True))
    assert sorted(H.edges(keys=True, data=True), key=repr) == sorted(graph.edges(keys=True, data=True), key=repr)


# --------------------------------------------------------------------------- CSV


def test_csv_reads_back_in_pandas(graph, tmp_path):
    folder = write(graph, "csv", tmp_path / "csv")
    nodes = pd.read_csv(folder / "nodes.csv", keep_default_na=False)
    edges = pd.read_csv(folder / "edges.csv", keep_default_na=False)
    assert len(nodes) == graph.number_of_nodes() and len(edges) == graph.number_of_edges()
    by_id = nodes.set_index("id")
    for node, data in graph.nodes(data=True):
        assert by_id.loc[node, "label"] == data["label"]
        assert json.loads(by_id.loc[node, "aliases"]) == data["aliases"]
    assert by_id.loc["arxiv:2402.00000", "title"] == NASTY
    assert Counter(zip(edges["source"], edges["target"], edges["type"])) == _edge_triples(graph)


# --------------------------------------------------------------------------- Cypher

_LITERAL = re.compile(r"'((?:[^'\\]|\\.)*)'|\"((?:[^\"\\]|\\.)*)\"", re.S)
_ESCAPES = {"\\": "\\", "'": "'", '"': '"', "n": "\n", "r": "\r", "t": "\t", "b": "\b", "f": "\f"}


def _unescape(body: str) -> str:
    """Cypher string escapes, as the openCypher spec lists them."""
    def one(m: re.Match) -> str:
        esc = m.group(1)
        return chr(int(esc[1:], 16)) if esc[0] in "uU" else _ESCAPES[esc]
    return re.sub(r"\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)", one, body, flags=re.S)


def test_cypher_strings_survive_and_nothing_escapes_them(graph, tmp_path):
    text = write(graph, "cypher", tmp_path / "g.cypher").read_text(encoding="utf-8")
    literals = {_unescape(a or b) for a, b in _LITERAL.findall(text)}
    for _, data in graph.nodes(data=True):
        assert data["name"] in literals
        for alias in data["aliases"]:
            assert alias in literals
    assert NASTY in literals and INJECTION in literals and f"Abstract 0: {NASTY}" in literals
    code = _LITERAL.sub("''", "\n".join(line for line in text.splitlines() if not line.startswith("//")))
    assert "DETACH" not in code and "\\" not in code
    assert set(re.findall(r"\(\w+:(\w+)", code)) <= {lab.value for lab in NodeLabel}
    assert set(re.findall(r"\[\w+:(\w+)\]", code)) == {k for _, _, k in graph.edges(keys=True)} <= {r.value for r in RelType}
    assert code.count("MERGE (n:") == len({d["label"] for _, d in graph.nodes(data=True)})
    assert len(re.findall(r"CREATE CONSTRAINT \w+ IF NOT EXISTS FOR \(n:\w+\) REQUIRE n\.id IS UNIQUE;", code)) == \
        len({d["label"] for _, d in graph.nodes(data=True)})


def test_cypher_statements_parse_as_opencypher(graph):
    antlr4 = pytest.importorskip("antlr4", reason="pip install antlr4-cypher to check the script with an openCypher grammar")
    grammar = pytest.importorskip("antlr4_cypher", reason="pip install antlr4-cypher to check the script with an openCypher grammar")
    from antlr4.error.ErrorListener import ErrorListener

    class Collect(ErrorListener):
        def __init__(self) -> None:
            self.errors: list[str] = []

        def syntaxError(self, recognizer, symbol, line, column, msg, e):  # noqa: N802 - antlr API
            self.errors.append(f"{line}:{column} {msg}")

    data_statements = [s for s in cypher_statements(graph, batch=2) if not s.startswith("CREATE CONSTRAINT")]
    assert len(data_statements) > 5
    for statement in data_statements:
        errors = Collect()
        lexer = grammar.CypherLexer(antlr4.InputStream(statement))
        lexer.removeErrorListeners()
        lexer.addErrorListener(errors)
        parser = grammar.CypherParser(antlr4.CommonTokenStream(lexer))
        parser.removeErrorListeners()
        parser.addErrorListener(errors)
        parser.script()
        assert errors.errors == [], statement[:300]


@pytest.mark.parametrize("text, literal", [
    ("plain", "'plain'"), ("it's", "'it\\'s'"), ("a\\b", "'a\\\\b'"), ("line\nbreak", "'line\\nbreak'"),
    ("\x00", "'\\u0000'"),
])
def test_cypher_string(text, literal):
    assert cypher_string(text) == literal


def test_cypher_refuses_labels_outside_the_schema(tmp_path):
    G = nx.MultiDiGraph()
    G.add_node("x", label="Person) DETACH DELETE (m", name="x", aliases=[])
    with pytest.raises(InputError, match="not a kg node label"):
        write(G, "cypher", tmp_path / "g.cypher")


# --------------------------------------------------------------------------- neo4j-admin CSV


def test_neo4j_csv_headers_and_values(graph, tmp_path):
    folder = write(graph, "neo4j-csv", tmp_path / "neo4j")
    labels = {d["label"] for _, d in graph.nodes(data=True)}
    types = {k for _, _, k in graph.edges(keys=True)}
    assert {p.name for p in folder.glob("nodes_*.csv")} == {f"nodes_{lab}.csv" for lab in labels}
    assert {p.name for p in folder.glob("rels_*.csv")} == {f"rels_{t}.csv" for t in types}
    ids = set()
    for label in labels:
        frame = pd.read_csv(folder / f"nodes_{label}.csv", dtype=str, keep_default_na=False)
        assert list(frame.columns[:2]) == ["id:ID", ":LABEL"] and set(frame[":LABEL"]) == {label}
        assert "aliases:string[]" in frame.columns
        for _, row in frame.iterrows():
            want = [a.replace(";", "\uff1b") for a in graph.nodes[row["id:ID"]]["aliases"]]
            assert (row["aliases:string[]"].split(";") if row["aliases:string[]"] else []) == want
        ids |= set(frame["id:ID"])
    assert ids == set(graph.nodes)
    papers = pd.read_csv(folder / "nodes_Paper.csv", dtype=str, keep_default_na=False).set_index("id:ID")
    assert {"upvotes:int", "authors_count:int", "stub:boolean", "urls:string[]"} <= set(papers.columns)
    assert papers.loc["arxiv:2402.00002", "upvotes:int"] == "20" and papers.loc["arxiv:2402.00000", "upvotes:int"] == ""
    assert papers.loc["arxiv:2402.00000", "title"] == NASTY
    triples = Counter()
    for rel in types:
        frame = pd.read_csv(folder / f"rels_{rel}.csv", dtype=str, keep_default_na=False)
        assert list(frame.columns[:3]) == [":START_ID", ":END_ID", ":TYPE"]
        assert "confidence:double" in frame.columns and "start:int" in frame.columns
        triples.update(zip(frame[":START_ID"], frame[":END_ID"], frame[":TYPE"]))
    assert triples == _edge_triples(graph)
    script = (folder / "import.sh").read_text(encoding="utf-8")
    for name in [p.name for p in folder.glob("*.csv")]:
        assert f"={name}" in script


# --------------------------------------------------------------------------- API and CLI


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json", "cypher"])
def test_file_formats_refuse_a_folder(graph, tmp_path, fmt):
    with pytest.raises(InputError, match="is a folder"):
        write(graph, fmt, tmp_path)


def test_unknown_format(graph, tmp_path):
    with pytest.raises(InputError, match="unknown export format 'dot'"):
        write(graph, "dot", tmp_path / "g.dot")


@pytest.mark.parametrize("fmt", FORMATS)
def test_cli_export(graph, tmp_path, fmt):
    from kg.cli.app import main

    save_graph(graph, tmp_path / "store")
    dest = tmp_path / ("export" if fmt in ("csv", "neo4j-csv") else f"g.{fmt}")
    result = CliRunner().invoke(main, ["export", "-o", str(tmp_path / "store"), "--format", fmt, "--out", str(dest)])
    assert result.exit_code == 0, result.output
    assert dest.exists() and (dest.is_dir() == (fmt in ("csv", "neo4j-csv")))
    assert f"{graph.number_of_nodes()} nodes" in result.output


def test_cli_export_folder_format_onto_a_file(graph, tmp_path):
    from kg.cli.app import main

    save_graph(graph, tmp_path / "store")
    target = tmp_path / "file.txt"
    target.write_text("x")
    result = CliRunner().invoke(main, ["export", "-o", str(tmp_path / "store"), "--format", "csv", "--to", str(target)])
    assert result.exit_code == 1
    assert result.output.strip() == f"error: {target} is a file: the csv export writes a folder, give a folder path"
