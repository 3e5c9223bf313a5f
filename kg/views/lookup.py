"""Finding a node by name, close names, and what the merge log says about a node.

One rule for every place that looks a node up by what a user typed (``kg viz --focus``,
``kg explain``, ``kg leaderboard``): a node matches ``name`` when its id is ``name``, or
when its name or one of its aliases has the same :func:`schema.names.name_key` (case,
spaces, hyphens, underscores and dots ignored). A caller may add keys (``kg explain``
adds the resolution key, which also ignores plurals).

Example:
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph(); G.add_node("method:lora", label="Method", name="LoRA", aliases=["Low-Rank Adaptation"])
    >>> find_node(G, "low-rank adaptation")
    'method:lora'
"""
from __future__ import annotations

import difflib
import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from schema import NodeLabel, RelType
from schema.errors import InputError
from schema.names import name_key

if TYPE_CHECKING:
    import networkx as nx

PAPER = NodeLabel.PAPER.value
#: Every label but Paper: what ``kg explain`` looks among.
NOT_PAPERS = tuple(lab for lab in NodeLabel if lab != NodeLabel.PAPER)
SENTENCE_WIDTH = 220


Key = Callable[[str], str]


def _keys(text: str, keys: Sequence[Key] = (name_key,)) -> set[str]:
    """The keys a name is matched by (empty keys never match)."""
    return {key(text) for key in keys} - {""}


def node_names(data: dict[str, Any]) -> list[str]:
    """A node's name and aliases, the forms it is found by.

    Example:
        >>> node_names({"name": "LoRA", "aliases": ["Low-Rank Adaptation"]})
        ['LoRA', 'Low-Rank Adaptation']
    """
    return [str(f) for f in [data.get("name") or "", *(data.get("aliases") or [])] if f]


def _wanted(labels: Iterable[NodeLabel | str] | None) -> set[str] | None:
    return None if labels is None else {getattr(lab, "value", lab) for lab in labels}


def find_nodes(G: nx.MultiDiGraph, name: str, labels: Iterable[NodeLabel | str] | None = None,
               keys: Sequence[Key] = (name_key,)) -> list[str]:
    """Ids of the nodes (of ``labels``, default all) whose id is ``name`` or whose name or an
    alias has one of the ``keys`` of ``name``, sorted by label then id.

    Example:
        >>> import networkx as nx
        >>> G = nx.MultiDiGraph(); G.add_node("method:cot", label="Method", name="CoT", aliases=["chain of thought"])
        >>> find_nodes(G, "Chain-of-Thought"), find_nodes(G, "CoT", labels=["Model"])
        (['method:cot'], [])
    """
    wanted, want, exact = _wanted(labels), _keys(name, keys), name.strip()
    found = [
        node for node, data in G.nodes(data=True)
        if (wanted is None or data.get("label") in wanted)
        and (node == exact or any(_keys(form, keys) & want for form in node_names(data)))
    ]
    return sorted(found, key=lambda n: (G.nodes[n].get("label", ""), n))


def find_entities(G: nx.MultiDiGraph, name: str, keys: Sequence[Key] = (name_key,)) -> list[str]:
    """:func:`find_nodes` among the non-paper nodes.

    Example:
        >>> import networkx as nx
        >>> G = nx.MultiDiGraph(); G.add_node("method:cot", label="Method", name="CoT", aliases=[])
        >>> find_entities(G, "cot")
        ['method:cot']
    """
    return find_nodes(G, name, NOT_PAPERS, keys)


def close_names(G: nx.MultiDiGraph, name: str, n: int = 5,
                labels: Iterable[NodeLabel | str] | None = None) -> list[str]:
    """Names and aliases (of nodes of ``labels``, default all) that look like ``name`` (difflib).

    Example:
        >>> import networkx as nx
        >>> G = nx.MultiDiGraph(); G.add_node("model:gpt4o", label="Model", name="GPT-4o", aliases=[])
        >>> close_names(G, "GPT-4x")
        ['GPT-4o']
    """
    wanted = _wanted(labels)
    by_lower: dict[str, str] = {}
    for _, data in G.nodes(data=True):
        if wanted is None or data.get("label") in wanted:
            for form in node_names(data):
                by_lower.setdefault(form.lower(), form)
    matches = difflib.get_close_matches(name.lower(), list(by_lower), n=n, cutoff=0.6)
    return [by_lower[m] for m in matches]


def find_node(G: nx.MultiDiGraph, name: str) -> str:
    """The node :func:`find_nodes` gives for ``name``; the most connected one when several match.

    Example:
        >>> import networkx as nx
        >>> G = nx.MultiDiGraph(); G.add_node("method:lora", label="Method", name="LoRA", aliases=[])
        >>> find_node(G, "lora")
        'method:lora'

    Raises:
        InputError: no node has that name; the message suggests close names.
    """
    if name in G:
        return name
    matches = find_nodes(G, name)
    if matches:
        return max(matches, key=lambda n: (G.degree(n), n))
    close = close_names(G, name, n=3)
    hint = f": did you mean {', '.join(repr(c) for c in close)}?" if close else ": give a node name, alias or id"
    raise InputError(f"no node named {name!r} in the graph{hint}")


def is_named(name: str, text: str | None, keys: Sequence[Key] = (name_key,)) -> bool:
    """Whether ``text`` (a name stored on a node, e.g. a result's benchmark) matches ``name``.

    Example:
        >>> is_named("AlpacaEval 2.0", "alpacaeval-2.0"), is_named("GSM8K", None)
        (True, False)
    """
    return bool(text) and bool(_keys(str(text), keys) & _keys(name, keys))


# --------------------------------------------------------------------------- merge log


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


def _votes(entry: dict[str, Any]) -> str:
    """A vote's papers per label, most first: "Task in 47, Method in 5"."""
    counts = entry.get("papers") or {}
    return ", ".join(f"{g} in {n}" for g, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def describe_entry(entry: dict[str, Any]) -> str:
    """One line saying what a merge-log entry decided.

    Example:
        >>> describe_entry({"rule": "plural", "merged": "LLMs", "name": "LLM", "evidence": [{"paper_id": "p1"}]})
        "plural: 'LLMs' merged into 'LLM' (p1)"
        >>> describe_entry({"rule": "spelling", "merged": "Gibbs sampler", "name": "Gibbs sampling",
        ...                 "reason": "the same words with other endings", "evidence": [{"paper_id": "p2"}]})
        "spelling: 'Gibbs sampler' merged into 'Gibbs sampling' [the same words with other endings] (p2)"
        >>> describe_entry({"rule": "type_vote", "key": "clustering", "label": "Task", "nodes": ["task:clustering"],
        ...                 "papers": {"Method": 5, "Task": 47}})
        "type_vote: 'clustering' is typed Task in 47, Method in 5 papers: every paper's entity is a Task (task:clustering)"
        >>> describe_entry({"rule": "type_vote_nodes", "key": "CRF", "group": "Method", "moved": ["CRF"],
        ...                 "papers": {"Method": 170, "Task": 5}, "nodes": ["method:conditionalrandomfield"]})
        "type_vote_nodes: the nodes of 'CRF' are Method in 170, Task in 5 papers: the smaller (CRF) joins the Method node (method:conditionalrandomfield)"
        >>> kept = {"rule": "bare_use_kept_apart", "short": "CP", "long": "canonical polyadic", "papers": ["p3"]}
        >>> describe_entry(kept)
        "bare_use_kept_apart: 'CP' undefined in p3 is unlike the papers that define 'canonical polyadic': not merged"
        >>> describe_entry({**kept, "papers": ["p5"], "own_title": ["p5"]})
        "bare_use_kept_apart: 'CP' undefined in p5 names the paper's own work (its title): not merged"
    """
    rule = entry.get("rule", "?")
    papers = _papers(ev.get("paper_id") for ev in entry.get("evidence", []) if isinstance(ev, dict))
    if "merged" in entry:
        line = f"{rule}: '{entry['merged']}' merged into '{entry.get('name', entry.get('into'))}'"
        if rule == "abbreviation":
            line += (f" [{entry.get('short')} = {entry.get('long')}, defined in {entry.get('scope', '?')}:"
                     f" {_papers(entry.get('defined_in'))}]")
        elif entry.get("reason"):
            line += f" [{entry['reason']}]"
        return f"{line} ({papers})"
    if rule == "type_conflict":
        return (f"type_conflict: '{entry.get('key')}' is typed {' and '.join(entry.get('labels', []))}"
                f" in different papers: kept apart as {', '.join(entry.get('nodes', []))} ({papers})")
    if rule == "ambiguous_abbreviation":
        cands = "; ".join(f"{c.get('long')} ({len(c.get('papers', []))} papers)" for c in entry.get("candidates", []))
        resolved = ", ".join(f"{lab}: {long or 'kept apart'}" for lab, long in (entry.get("resolved") or {}).items())
        return f"ambiguous_abbreviation: '{entry.get('short')}' = {cands}; undefined uses -> {resolved or '-'}"
    if rule == "type_vote":
        return (f"type_vote: '{entry.get('key')}' is typed {_votes(entry)} papers: every paper's entity is a"
                f" {entry.get('label')} ({', '.join(entry.get('nodes', [])) or '-'})")
    if rule == "type_vote_nodes":
        return (f"type_vote_nodes: the nodes of '{entry.get('key')}' are {_votes(entry)} papers: the smaller"
                f" ({', '.join(entry.get('moved', []))}) joins the {entry.get('group')} node"
                f" ({', '.join(entry.get('nodes', [])) or '-'})")
    if rule == "versions_kept_apart":
        return f"versions_kept_apart: {' / '.join(entry.get('forms', []))} are different versions: not merged ({papers})"
    if rule == "bare_use_kept_apart":
        own = entry.get("own_title") or []
        unlike = [p for p in entry.get("papers") or [] if p not in own]
        parts = [f"undefined in {_papers(p)} is unlike the papers that define '{entry.get('long')}'" for p in [unlike] if p]
        if own:
            parts.append(f"undefined in {_papers(own)} names the paper's own work (its title)")
        return f"bare_use_kept_apart: '{entry.get('short')}' " + "; ".join(parts) + ": not merged"
    if rule == "family_node":
        return f"family_node: '{entry.get('name')}' created for {', '.join(entry.get('variants', []))}"
    return f"{rule}: " + json.dumps({k: v for k, v in entry.items() if k != "rule"}, ensure_ascii=False)


def _variant_lines(G: nx.MultiDiGraph, node_id: str) -> list[str]:
    variant_of = RelType.VARIANT_OF.value
    parents = sorted({v for _, v, k in G.out_edges(node_id, keys=True) if k == variant_of})
    children = sorted({u for u, _, k in G.in_edges(node_id, keys=True) if k == variant_of})
    lines = []
    if parents:
        lines.append("  variant of: " + ", ".join(f"{G.nodes[p].get('name')} [{p}]" for p in parents))
    if children:
        lines.append("  variants: " + ", ".join(f"{G.nodes[c].get('name')} [{c}]" for c in children))
    return lines


def _evidence_lines(edges: list[tuple[str, dict]]) -> list[str]:
    """One line per distinct evidence sentence of a paper's edges to a node."""
    lines, seen = [], set()
    for _, attrs in edges:
        sentence = attrs.get("sentence") or ""
        if sentence in seen:
            continue
        seen.add(sentence)
        conf = attrs.get("confidence")
        conf_text = f", confidence {conf:.2f}" if isinstance(conf, (int, float)) else ""
        lines.append(f"      \"{_short(sentence)}\" ({attrs.get('extractor') or 'unknown'}{conf_text})"
                     if sentence else f"      (no sentence; {attrs.get('extractor') or 'unknown'}{conf_text})")
    return lines


def explain_lines(G: nx.MultiDiGraph, node_id: str, entries: list[dict[str, Any]], max_papers: int = 20) -> list[str]:
    """What the graph knows about one node, and why: the text ``kg explain`` prints.

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
    lines.extend(_variant_lines(G, node_id))

    by_paper: dict[str, list[tuple[str, dict]]] = defaultdict(list)
    for u, _, key, attrs in G.in_edges(node_id, keys=True, data=True):
        if G.nodes[u].get("label") == PAPER:
            by_paper[u].append((key, attrs))
    lines.append(f"  papers ({len(by_paper)}):")
    for pid in sorted(by_paper)[:max_papers]:
        edges = sorted(by_paper[pid], key=lambda ka: ka[0])
        roles = ", ".join(k for k, _ in edges)
        lines.append(f"    {pid}  {roles}  \"{_short(G.nodes[pid].get('title') or '', 100)}\"")
        lines.extend(_evidence_lines(edges))
    if len(by_paper) > max_papers:
        lines.append(f"    ... and {len(by_paper) - max_papers} more (use --max-papers)")

    about = entries_about(entries, node_id)
    lines.append(f"  merge log ({len(about)}):")
    lines.extend(f"    {describe_entry(e)}" for e in about)
    return lines
