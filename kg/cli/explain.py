"""``kg explain NAME``: what the graph knows about one entity, and why.

Reads OUT/graph.pickle and OUT/merge_log.jsonl (written by ``kg build``) and prints,
for every entity whose name or alias matches NAME (case, spacing, hyphens and plurals
ignored; one block per label when several labels match): its label, name, id and
aliases, its ``VARIANT_OF`` links, the papers linked to it with their role and the
evidence sentence, and the merge-log entries that concern it.
"""
from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

import click

from schema.errors import QueryError
from kg.cli.options import out_option

MAX_SUGGESTIONS = 5
SENTENCE_WIDTH = 220


def find_entities(G, name: str) -> list[str]:
    """Ids of the non-paper nodes whose name, alias or id matches ``name``, sorted by label.

    Example:
        >>> import networkx as nx
        >>> G = nx.MultiDiGraph(); G.add_node("method:cot", label="Method", name="CoT", aliases=["chain of thought"])
        >>> find_entities(G, "Chain-of-Thought")
        ['method:cot']
    """
    from kg.resolve.entities import entity_key
    from schema.names import name_key

    wanted = {entity_key(name), name_key(name)} - {""}
    found = []
    for node_id, data in G.nodes(data=True):
        if data.get("label") == "Paper":
            continue
        if node_id == name.strip():
            found.append(node_id)
            continue
        forms = [data.get("name") or "", *(data.get("aliases") or [])]
        if any({entity_key(f), name_key(f)} & wanted for f in forms if f):
            found.append(node_id)
    return sorted(found, key=lambda n: (G.nodes[n].get("label", ""), n))


def close_names(G, name: str, n: int = MAX_SUGGESTIONS) -> list[str]:
    """Names and aliases of non-paper nodes that look like ``name`` (difflib).

    Example:
        >>> import networkx as nx
        >>> G = nx.MultiDiGraph(); G.add_node("model:gpt4o", label="Model", name="GPT-4o", aliases=[])
        >>> close_names(G, "GPT-4x")
        ['GPT-4o']
    """
    import difflib

    by_lower: dict[str, str] = {}
    for _, data in G.nodes(data=True):
        if data.get("label") == "Paper":
            continue
        for form in [data.get("name") or "", *(data.get("aliases") or [])]:
            if form:
                by_lower.setdefault(form.lower(), form)
    matches = difflib.get_close_matches(name.lower(), list(by_lower), n=n, cutoff=0.6)
    return [by_lower[m] for m in matches]


def entries_about(entries: list[dict[str, Any]], node_id: str) -> list[dict[str, Any]]:
    """The merge-log entries that name ``node_id``.

    Example:
        >>> entries_about([{"rule": "plural", "nodes": ["method:llm"]}, {"rule": "alias", "nodes": ["task:x"]}], "method:llm")
        [{'rule': 'plural', 'nodes': ['method:llm']}]
    """
    return [e for e in entries
            if node_id in (e.get("nodes") or []) or node_id in (e.get("into"), e.get("node"))]


def _short(text: str, width: int = SENTENCE_WIDTH) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def _papers(values) -> str:
    values = list(values or [])
    return ", ".join(values) if values else "-"


def describe_entry(entry: dict[str, Any]) -> str:
    """One line saying what a merge-log entry decided.

    Example:
        >>> describe_entry({"rule": "plural", "merged": "LLMs", "name": "LLM", "evidence": [{"paper_id": "p1"}]})
        "plural: 'LLMs' merged into 'LLM' (p1)"
    """
    rule = entry.get("rule", "?")
    papers = _papers(ev.get("paper_id") for ev in entry.get("evidence", []) if isinstance(ev, dict))
    if "merged" in entry:
        line = f"{rule}: '{entry['merged']}' merged into '{entry.get('name', entry.get('into'))}'"
        if rule == "abbreviation":
            line += (f" [{entry.get('short')} = {entry.get('long')}, defined in {entry.get('scope', '?')}:"
                     f" {_papers(entry.get('defined_in'))}]")
        return f"{line} ({papers})"
    if rule == "type_conflict":
        return (f"type_conflict: '{entry.get('key')}' is typed {' and '.join(entry.get('labels', []))}"
                f" in different papers: kept apart as {', '.join(entry.get('nodes', []))} ({papers})")
    if rule == "ambiguous_abbreviation":
        cands = "; ".join(f"{c.get('long')} ({len(c.get('papers', []))} papers)" for c in entry.get("candidates", []))
        resolved = ", ".join(f"{lab}: {long or 'kept apart'}" for lab, long in (entry.get("resolved") or {}).items())
        return f"ambiguous_abbreviation: '{entry.get('short')}' = {cands}; undefined uses -> {resolved or '-'}"
    if rule == "versions_kept_apart":
        return f"versions_kept_apart: {' / '.join(entry.get('forms', []))} are different versions: not merged ({papers})"
    if rule == "family_node":
        return f"family_node: '{entry.get('name')}' created for {', '.join(entry.get('variants', []))}"
    return f"{rule}: " + json.dumps({k: v for k, v in entry.items() if k != "rule"}, ensure_ascii=False)


def explain_lines(G, node_id: str, entries: list[dict[str, Any]], max_papers: int = 20) -> list[str]:
    """The text ``kg explain`` prints for one node.

    Example:
        >>> import networkx as nx
        >>> G = nx.MultiDiGraph(); G.add_node("method:cot", label="Method", name="CoT", aliases=[])
        >>> explain_lines(G, "method:cot", [])[0]
        'Method: CoT  [method:cot]'
    """
    data = G.nodes[node_id]
    lines = [f"{data.get('label')}: {data.get('name')}  [{node_id}]"]
    if data.get("inferred_family"):
        lines.append("  (family node: no paper names it; created because several variants branch below it)")
    aliases = data.get("aliases") or []
    lines.append(f"  aliases: {', '.join(aliases) if aliases else '-'}")
    parents = sorted({v for _, v, k in G.out_edges(node_id, keys=True) if k == "VARIANT_OF"})
    children = sorted({u for u, _, k in G.in_edges(node_id, keys=True) if k == "VARIANT_OF"})
    if parents:
        lines.append("  variant of: " + ", ".join(f"{G.nodes[p].get('name')} [{p}]" for p in parents))
    if children:
        lines.append("  variants: " + ", ".join(f"{G.nodes[c].get('name')} [{c}]" for c in children))

    by_paper: dict[str, list[tuple[str, dict]]] = defaultdict(list)
    for u, _, key, attrs in G.in_edges(node_id, keys=True, data=True):
        if G.nodes[u].get("label") == "Paper":
            by_paper[u].append((key, attrs))
    lines.append(f"  papers ({len(by_paper)}):")
    for pid in sorted(by_paper)[:max_papers]:
        pdata = G.nodes[pid]
        edges = sorted(by_paper[pid], key=lambda ka: ka[0])
        roles = ", ".join(k for k, _ in edges)
        lines.append(f"    {pid}  {roles}  \"{_short(pdata.get('title') or '', 100)}\"")
        seen = set()
        for _, attrs in edges:
            sentence = attrs.get("sentence") or ""
            if sentence in seen:
                continue
            seen.add(sentence)
            conf = attrs.get("confidence")
            conf_text = f", confidence {conf:.2f}" if isinstance(conf, (int, float)) else ""
            lines.append(f"      \"{_short(sentence)}\" ({attrs.get('extractor') or 'unknown'}{conf_text})"
                         if sentence else f"      (no sentence; {attrs.get('extractor') or 'unknown'}{conf_text})")
    if len(by_paper) > max_papers:
        lines.append(f"    ... and {len(by_paper) - max_papers} more (use --max-papers)")

    about = entries_about(entries, node_id)
    lines.append(f"  merge log ({len(about)}):")
    lines.extend(f"    {describe_entry(e)}" for e in about)
    return lines


@click.command()
@click.argument("name")
@out_option
@click.option("--max-papers", type=int, default=20, show_default=True, help="Papers listed per entity.")
def explain(name: str, out: str, max_papers: int) -> None:
    """Why NAME is in the graph: aliases, variants, papers with evidence, merges."""
    from kg.out import load_graph

    G = load_graph(out)
    matches = find_entities(G, name)
    if not matches:
        suggestions = close_names(G, name)
        hint = f"; close names: {', '.join(suggestions)}" if suggestions else "; try 'kg stats' to see what the graph holds"
        raise QueryError(f"no entity named '{name}' in {out}{hint}")
    from kg.out import read_merge_log

    entries = read_merge_log(out)
    for i, node_id in enumerate(matches):
        if i:
            click.echo("")
        for line in explain_lines(G, node_id, entries, max_papers=max_papers):
            click.echo(line)


commands = [explain]
