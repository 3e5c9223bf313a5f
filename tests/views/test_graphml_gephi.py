"""GraphML as Gephi and Cytoscape read it: ``label`` is the display name, the kind is in
``type``, and nodes carry ``papers``, ``pagerank`` and ``community``, edges ``weight``.

Read back with networkx and python-igraph, the two readers that map GraphML keys to
attributes by their ``attr.name`` as Gephi does.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET

import networkx as nx
import pytest

from kg.views.analytics import node_communities, pagerank
from kg.views.export import write


def _graph() -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    for i in range(4):
        G.add_node(f"p{i}", label="Paper", name=f"Paper {i}", title=f"Paper {i}")
    for node, kind in [("lora", "Method"), ("glue", "Benchmark"), ("mmlu", "Benchmark"), ("qlora", "Method")]:
        G.add_node(node, label=kind, name=node.upper())
    for p, c in [("p0", "lora"), ("p1", "lora"), ("p1", "glue"), ("p0", "glue"), ("p2", "qlora"), ("p3", "qlora"),
                 ("p3", "mmlu"), ("p2", "mmlu")]:
        G.add_edge(p, c, key="USES", count=2 if c == "lora" else None)
    G.add_edge("p3", "p2", key="CITES")
    return G


def test_graphml_keys_are_what_gephi_maps(tmp_path):
    path = write(_graph(), "graphml", tmp_path / "g.graphml")
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    keys = {(k.get("for"), k.get("attr.name")): k.get("attr.type") for k in ET.parse(path).getroot().findall("g:key", ns)}
    assert keys[("node", "label")] == "string" and keys[("node", "type")] == "string"
    assert keys[("node", "pagerank")] == "double" and keys[("node", "community")] in ("int", "long")
    assert keys[("edge", "weight")] == "double"


def test_graphml_in_networkx_has_names_as_labels(tmp_path):
    G = _graph()
    H = nx.read_graphml(write(G, "graphml", tmp_path / "g.graphml"))
    ranks, communities = pagerank(G), node_communities(G, weight=None)
    for node, data in G.nodes(data=True):
        assert H.nodes[node]["label"] == data["name"]
        assert H.nodes[node]["type"] == data["label"]
        assert H.nodes[node]["pagerank"] == pytest.approx(ranks[node])
        assert H.nodes[node]["community"] == communities[node]
    assert H.nodes["lora"]["papers"] == 2
    assert len({H.nodes[n]["community"] for n in ("lora", "qlora")}) == 2  # two topics, two communities
    weights = sorted(d["weight"] for _, _, d in H.edges(data=True))
    assert weights.count(2.0) == 2 and weights.count(1.0) == len(weights) - 2


def test_graphml_in_igraph_has_names_as_labels(tmp_path):
    igraph = pytest.importorskip("igraph", reason="python-igraph is a test dependency (pip install kg[test])")
    G = _graph()
    g = igraph.Graph.Read_GraphML(str(write(G, "graphml", tmp_path / "g.graphml")))
    by_id = {v["id"]: v for v in g.vs}
    assert by_id["glue"]["label"] == "GLUE" and by_id["glue"]["type"] == "Benchmark"
    assert sum(g.vs["pagerank"]) == pytest.approx(1.0)
    assert set(g.es["weight"]) == {1.0, 2.0}
    assert g.es.find(type="CITES")["weight"] == 1.0
