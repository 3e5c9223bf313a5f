"""What a curator should look at first: acronyms with several meanings, most-merged nodes,
names shared by several nodes, and possible twins (a name and the same name with one word more).

:func:`audit` reads a built graph and its merge log and returns the four lists;
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


#: Both names of a possible twin pair are used by at least this many papers (:func:`possible_twins`).
TWIN_MIN_PAPERS = 2
#: ... and neither has more than this many times the other's papers (a broad name beside its narrower kinds).
TWIN_MAX_RATIO = 5


def _name_words(name: str) -> tuple[str, ...]:
    words = [w.lower().strip(".,;:()'\"") for w in name.split()]  # "self-supervised" stays one word
    return tuple(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words if w)


def possible_twins(G: nx.MultiDiGraph, min_papers: int = TWIN_MIN_PAPERS, top: int = 500) -> list[dict[str, Any]]:
    """Pairs of nodes of one label where one name is the other with one word more ("video interpolation" and "video
    frame interpolation"), both used by ``min_papers`` papers or more and neither by more than
    :data:`TWIN_MAX_RATIO` times the other's, the pairs whose smaller side has most papers first. Resolution keeps
    them apart, since a word more often names a narrower thing ("human pose estimation", "video object
    segmentation") than nothing ("natural language understanding"), and only a reader can tell. Each row carries
    the curation line that would join them (``same,a,b,label``); words with a digit (versions, sizes) are never the
    extra word.

    Example:
        >>> G = nx.MultiDiGraph()
        >>> for n, name in [("task:a", "video interpolation"), ("task:b", "video frame interpolation")]:
        ...     G.add_node(n, label="Task", name=name, paper_count=3)
        >>> [(r["a"], r["b"], r["extra_word"]) for r in possible_twins(G)]
        [('video interpolation', 'video frame interpolation', 'frame')]
    """
    by_words: dict[tuple[str, tuple[str, ...]], list[str]] = defaultdict(list)
    papers: dict[str, int] = {}
    for n, d in G.nodes(data=True):
        if d.get("label") not in CONCEPT_LABELS:
            continue
        count = d.get("paper_count")
        papers[n] = count if count is not None else _papers(G, n)
        if papers[n] >= min_papers:
            by_words[(d["label"], _name_words(d.get("name", "")))].append(n)
    rows = []
    for (label, words), longer in by_words.items():
        if len(words) < 3:
            continue  # "frame interpolation" from "interpolation": a one-word name is too broad to be a twin
        for i, extra in enumerate(words):
            if any(c.isdigit() for c in extra):
                continue
            for short in by_words.get((label, words[:i] + words[i + 1:]), []):
                for long in longer:
                    if max(papers[short], papers[long]) > TWIN_MAX_RATIO * min(papers[short], papers[long]):
                        continue
                    a, b = G.nodes[short]["name"], G.nodes[long]["name"]
                    rows.append({"label": label, "a": a, "a_papers": papers[short], "b": b, "b_papers": papers[long],
                                 "extra_word": extra, "nodes": f"{short} {long}", "curation": f"same,{a},{b},{label}"})
    return sorted(rows, key=lambda r: (-min(r["a_papers"], r["b_papers"]), r["a"], r["b"]))[:top]


def audit(G: nx.MultiDiGraph, log: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """The four lists of :func:`write_audit`, by name.

    Example:
        >>> G = nx.MultiDiGraph(); G.add_node("method:a", label="Method", name="A"); G.add_node("task:a", label="Task", name="A")
        >>> [r["nodes"] for r in audit(G, [])["shared_names"]]
        ['method:a task:a']
    """
    return {"acronyms": acronym_senses(G, log), "most_merged": most_merged(G, log), "shared_names": shared_names(G),
            "possible_twins": possible_twins(G)}


def write_audit(G: nx.MultiDiGraph, log: list[dict[str, Any]], folder: str | Path) -> dict[str, int]:
    """Write ``acronyms.csv``, ``most_merged.csv``, ``shared_names.csv``, ``possible_twins.csv`` and ``README.md``;
    rows per file."""
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
             f"- names shared by several nodes: {counts['shared_names']} (shared_names.csv)",
             f"- possible twins, a name and the same name with one word more: {counts['possible_twins']} "
             "(possible_twins.csv; its `curation` column is the line that joins a pair)", "",
             "Write decisions as CSV `decision,a,b,label` (decision `same` or `different`) and rebuild with",
             "`kg build INPUT -o OUT --curation FILE`.", ""]
    (folder / "README.md").write_text("\n".join(lines), encoding="utf-8")
    return counts
