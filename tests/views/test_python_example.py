"""The Python example of the README runs after a plain ``import kg`` and writes what it says."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import networkx as nx

EXAMPLE = Path(__file__).resolve().parents[2] / "README.md"


def python_block(path: Path) -> str:
    """The one ```python block of ``path``."""
    blocks = re.findall(r"^```python\n(.*?)^```", path.read_text(encoding="utf-8"), flags=re.DOTALL | re.MULTILINE)
    assert len(blocks) == 1, f"{path} should hold exactly one ```python block, found {len(blocks)}"
    return blocks[0]


def test_python_example_runs_in_a_fresh_interpreter(tmp_path):
    done = subprocess.run([sys.executable, "-c", python_block(EXAMPLE)], cwd=tmp_path, capture_output=True, check=False,
                          text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    from kg.out import load_graph

    G = load_graph(tmp_path / "kg-example" / "out")
    assert G.number_of_nodes() > 0
    n_nodes, n_edges = map(int, re.search(r"(\d+) nodes, (\d+) edges", done.stdout).groups())
    assert (n_nodes, n_edges) == (G.number_of_nodes(), G.number_of_edges())
    exported = nx.read_graphml(tmp_path / "kg-example" / "graph.graphml")
    assert exported.number_of_nodes() == n_nodes and exported.number_of_edges() == n_edges
    page = (tmp_path / "kg-example" / "graph.html").read_text(encoding="utf-8")
    assert "<script" in page and G.nodes[next(iter(G.nodes))]["label"] in page
