"""Entity resolution: one node per real entity across papers.

:func:`resolve_entities` maps every ``(paper id, entity index)`` of the extractions
to a node id, and says why entities were merged (the merge log).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from schema import Edge, Node, PaperExtraction


def normalize_name(name: str) -> str:
    """The matching key of GUIDELINES.md: lower case, spaces, hyphens, underscores, dots ignored."""
    return re.sub(r"[\s\-_.]+", "", name.lower())


@dataclass
class Resolution:
    node_of: dict[tuple[str, int], str] = field(default_factory=dict)
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)  # VARIANT_OF and other entity-entity edges
    merge_log: list[dict[str, Any]] = field(default_factory=list)


def resolve_entities(extractions: Sequence[PaperExtraction]) -> Resolution:
    """Group entities by (type, normalized name)."""
    res = Resolution()
    for ext in extractions:
        for i, ent in enumerate(ext.entities):
            node_id = f"{ent.type.value.lower()}:{normalize_name(ent.name)}"
            node = res.nodes.get(node_id)
            if node is None:
                res.nodes[node_id] = Node(id=node_id, label=ent.type, name=ent.name, aliases=list(ent.aliases))
            else:
                for alias in [ent.name, *ent.aliases]:
                    if alias != node.name and alias not in node.aliases:
                        node.aliases.append(alias)
            res.node_of[(ext.paper.id, i)] = node_id
    return res
