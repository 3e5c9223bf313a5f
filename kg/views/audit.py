"""What a curator should look at first: acronyms with several meanings, most-merged nodes,
names shared by several nodes.

:func:`audit` reads a built graph and its merge log and returns the three lists;
:func:`write_audit` writes them as CSV files and a short Markdown summary to a folder.
A curator then writes "same"/"different" decisions into a curation file
(:mod:`kg.resolve.curation`) for ``kg build --curation FILE``.
"""
from __future__ import annotations

import csv
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import networkx as nx

from schema import ENTITY_LABELS

CONCEPT_LABELS = {lab.value for lab in ENTITY_LABELS}
MERGE_RULES = ("abbreviation", "alias", "spelling", "normalized_name", "plural", "curation_same")


def _papers(G: nx.MultiDiGraph, node: str) -> int:
    return len({u for u, _ in G.in_edges(node) if G.nodes[u].get("label") == "Paper"})


def acronym_senses(G: nx.MultiDiGraph, log: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Short forms with several meanings, most used first: meanings, nodes and what bare uses took."""
    rows = []
    for e in log:
        if e.get("rule") != "ambiguous_abbreviation":
            continue
        nodes = [n for n in e.get("nodes", []) if n in G]
        rows.append({
            "short": e["short"], "senses": len(e.get("candidates", [])),
            "meanings": "; ".join(f"{c['long']} ({len(c['papers'])})" for c in e.get("candidates", [])),
            "papers": sum(_papers(G, n) for n in nodes),
            "resolved": "; ".join(f"{lab}: {long or 'kept apart'}" for lab, long in sorted(e.get("resolved", {}).items())),
            "nodes": " ".join(nodes),
        })
    return sorted(rows, key=lambda r: (-r["papers"], -r["senses"], r["short"]))


def most_merged(G: nx.MultiDiGraph, log: list[dict[str, Any]], top: int = 100) -> list[dict[str, Any]]:
    """Nodes that absorbed the most surface forms, with the rules that merged them."""
    forms: dict[str, list[str]] = defaultdict(list)
    rules: dict[str, Counter] = defaultdict(Counter)
    for e in log:
        if e.get("rule") in MERGE_RULES and e.get("into"):
            forms[e["into"]].append(e.get("merged", ""))
            rules[e["into"]][e["rule"]] += 1
    rows = [{"node": n, "name": G.nodes[n].get("name", ""), "label": G.nodes[n].get("label", ""),
             "merged_forms": len(fs), "papers": _papers(G, n),
             "rules": ", ".join(f"{r} {c}" for r, c in rules[n].most_common()),
             "forms": "; ".join(sorted(set(fs))[:12])}
            for n, fs in forms.items() if n in G]
    return sorted(rows, key=lambda r: (-r["merged_forms"], -r["papers"], r["node"]))[:top]


def shared_names(G: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """Display names that stand for more than one concept node."""
    by_name: dict[str, list[str]] = defaultdict(list)
    for n, d in G.nodes(data=True):
        if d.get("label") in CONCEPT_LABELS:
            by_name[d.get("name", "")].append(n)
    rows = [{"name": name, "nodes": " ".join(sorted(ns)), "count": len(ns),
             "labels": ", ".join(sorted({G.nodes[n]["label"] for n in ns})),
             "papers": sum(_papers(G, n) for n in ns)}
            for name, ns in by_name.items() if len(ns) > 1]
    return sorted(rows, key=lambda r: (-r["papers"], r["name"]))


def audit(G: nx.MultiDiGraph, log: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """The three lists of :func:`write_audit`, by name.

    Example:
        >>> G = nx.MultiDiGraph(); G.add_node("method:a", label="Method", name="A"); G.add_node("task:a", label="Task", name="A")
        >>> [r["nodes"] for r in audit(G, [])["shared_names"]]
        ['method:a task:a']
    """
    return {"acronyms": acronym_senses(G, log), "most_merged": most_merged(G, log), "shared_names": shared_names(G)}


def write_audit(G: nx.MultiDiGraph, log: list[dict[str, Any]], folder: str | Path) -> dict[str, int]:
    """Write ``acronyms.csv``, ``most_merged.csv``, ``shared_names.csv`` and ``README.md``; rows per file."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    lists = audit(G, log)
    counts = {}
    for name, rows in lists.items():
        counts[name] = len(rows)
        with (folder / f"{name}.csv").open("w", newline="", encoding="utf-8") as fh:
            fields = list(rows[0]) if rows else ["empty"]
            writer = csv.DictWriter(fh, fieldnames=fields)
            writer.writeheader()
            writer.writerows(rows)
    lines = ["# What to curate first", "",
             f"- acronyms with several meanings: {counts['acronyms']} (acronyms.csv, most used first)",
             f"- most-merged nodes: {counts['most_merged']} (most_merged.csv)",
             f"- names shared by several nodes: {counts['shared_names']} (shared_names.csv)", "",
             "Write decisions as CSV `decision,a,b,label` (decision `same` or `different`) and rebuild with",
             "`kg build INPUT -o OUT --curation FILE`.", ""]
    (folder / "README.md").write_text("\n".join(lines), encoding="utf-8")
    return counts
