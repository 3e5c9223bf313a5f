"""Typed, validated records that flow between the stages of the pipeline.

source records -> :class:`Paper` -> extractors -> :class:`PaperExtraction`
-> resolution -> graph (:class:`Node`, :class:`Edge`) -> stores, views, exports.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from schema.errors import SchemaError
from schema.types import ENTITY_LABELS, EDGE_ENDPOINTS, NodeLabel, RelType

_PARTIAL_DATE = re.compile(r"^(\d{4}(-\d{2}(-\d{2})?)?|--\d{2}-\d{2}|--\d{2})$")


def _check_date(value: str | None) -> None:
    if value is not None and not _PARTIAL_DATE.match(value):
        raise SchemaError(
            f"date {value!r} is not ISO 8601: use YYYY-MM-DD, YYYY-MM, YYYY or --MM-DD when the year is unknown"
        )


@dataclass
class Paper:
    """One paper as read from a source record.

    ``date`` is an ISO 8601 string, possibly partial: ``2024-03-22``, ``2024-03``,
    or ``--01-15`` when the page gave no year (a year is never invented).
    ``ids`` holds external identifiers (``arxiv``, ``doi``, ``openalex``, ``s2``).
    ``references`` holds identifiers of cited works given by the source
    (OpenAlex ``referenced_works``, Semantic Scholar ``references``).
    ``sources`` lists ``path:line`` of every record this paper was read from.
    ``authors`` holds the authors' names as given; ``venue`` the journal, conference
    or proceedings the source names (None when it gives none).

    Example:
        >>> Paper(id="arxiv:2401.00001", title="A", abstract="B").date is None
        True
    """

    id: str
    title: str
    abstract: str
    authors_count: int | None = None
    date: str | None = None
    upvotes: int | None = None
    organization: str | None = None
    urls: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    ids: dict[str, str] = field(default_factory=dict)
    references: list[dict[str, str]] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    stub: bool = False
    venue: str | None = None

    def __post_init__(self) -> None:
        if not self.id:
            raise SchemaError("a paper needs a non-empty id")
        if not self.stub and not (self.title or "").strip():
            raise SchemaError(f"paper {self.id} has no title")
        _check_date(self.date)
        for name in ("authors_count", "upvotes"):
            value = getattr(self, name)
            if value is not None and (not isinstance(value, int) or value < 0):
                raise SchemaError(f"paper {self.id}: {name} must be a non-negative integer, got {value!r}")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Paper":
        known = {f for f in cls.__dataclass_fields__}
        return cls(**{k: v for k, v in data.items() if k in known})


@dataclass
class Provenance:
    """Why an edge is there: the paper, the sentence, where in the abstract, who said so.

    ``start``/``end`` are character offsets of the evidence span in the text the
    extractor read (title + "\\n\\n" + abstract, see :func:`paper_text`).
    """

    paper_id: str
    sentence: str = ""
    start: int = -1
    end: int = -1
    extractor: str = ""
    confidence: float = 1.0

    def __post_init__(self) -> None:
        if not 0.0 <= float(self.confidence) <= 1.0:
            raise SchemaError(f"confidence must be in [0, 1], got {self.confidence!r}")

    def to_dict(self) -> dict[str, Any]:
        # what asdict gives for these flat fields, without its deep copies (one per graph edge)
        return {"paper_id": self.paper_id, "sentence": self.sentence, "start": self.start, "end": self.end,
                "extractor": self.extractor, "confidence": self.confidence}


def paper_text(paper: Paper) -> str:
    """The text extractors read for a paper: title, blank line, abstract."""
    return f"{paper.title}\n\n{paper.abstract}" if paper.title else paper.abstract


@dataclass
class ExtractedEntity:
    """An entity of one paper, in the gold record format plus evidence.

    ``name``/``type``/``aliases``/``roles`` are exactly the fields of
    ``../shared/gold/dev.jsonl``; ``evidence`` lists where it was found, and
    ``role_evidence`` says which of those mentions shows each role (role value -> index
    into ``evidence``: the "we propose X" sentence for PROPOSES); a role it does not name
    takes ``evidence[0]``.
    """

    name: str
    type: NodeLabel
    aliases: list[str] = field(default_factory=list)
    roles: list[RelType] = field(default_factory=list)
    evidence: list[Provenance] = field(default_factory=list)
    role_evidence: dict[str, int] = field(default_factory=dict)

    def evidence_for(self, role: RelType | str) -> Provenance | None:
        """The mention that shows ``role`` (else the first one; None without evidence).

        Example:
            >>> e = ExtractedEntity("X", NodeLabel.METHOD, roles=[RelType.PROPOSES],
            ...                     evidence=[Provenance("p", "X: a title"), Provenance("p", "We propose X.")],
            ...                     role_evidence={"PROPOSES": 1})
            >>> e.evidence_for(RelType.PROPOSES).sentence, e.evidence_for(RelType.USES).sentence
            ('We propose X.', 'X: a title')
        """
        if not self.evidence:
            return None
        at = self.role_evidence.get(RelType(role).value, 0)
        return self.evidence[at] if 0 <= at < len(self.evidence) else self.evidence[0]

    @property
    def confidence(self) -> float:
        """How sure the extractor is that this is an entity of this type (the best of its mentions; 1.0
        without evidence). Both extractors give their entity decision's probability; a pipeline built
        without one (``load_nlp(entity_weights=False)``) gives a figure per source (0.9 for a defined
        acronym, 0.85 for a known name, 0.6 otherwise)."""
        return max((float(p.confidence) for p in self.evidence), default=1.0)

    def __post_init__(self) -> None:
        self.type = NodeLabel(self.type)
        if self.type not in ENTITY_LABELS:
            raise SchemaError(f"{self.name!r}: {self.type.value} is not an entity type")
        self.roles = [RelType(r) for r in self.roles]
        if not self.name.strip():
            raise SchemaError("an entity needs a name")

    def to_gold(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "type": self.type.value,
            "aliases": list(self.aliases),
            "roles": [r.value for r in self.roles],
        }


@dataclass
class Citation:
    """A work cited by a paper.

    Either an inline reference ("Self-Instruct (Wang et al., 2023)": ``first_author``,
    ``year``, ``work`` = the named work) or an identifier (``arxiv``, ``doi``,
    ``openalex``, ``s2``) from the text or from the source's reference list.
    ``inferred`` marks CITES added because the paper names what another paper proposes.
    """

    first_author: str | None = None
    year: int | None = None
    work: str | None = None
    ids: dict[str, str] = field(default_factory=dict)
    title: str | None = None
    inferred: bool = False
    reason: str | None = None
    evidence: Provenance | None = None


@dataclass
class ResultRecord:
    """A reported number: (model or method, benchmark, metric, value)."""

    value: float
    metric: str | None = None
    unit: str | None = None
    benchmark: str | None = None
    subject: str | None = None
    evidence: Provenance | None = None


@dataclass
class PaperExtraction:
    """Everything the extractors found in one paper."""

    paper: Paper
    entities: list[ExtractedEntity] = field(default_factory=list)
    abbreviations: dict[str, str] = field(default_factory=dict)  # short -> long
    citations: list[Citation] = field(default_factory=list)
    results: list[ResultRecord] = field(default_factory=list)
    repositories: list[str] = field(default_factory=list)  # "owner/name"

    def confident(self, min_confidence: float) -> PaperExtraction:
        """This extraction without the entities below ``min_confidence`` (self when none is).

        Example:
            >>> ext = PaperExtraction(Paper(id="t:a", title="A", abstract="B"), entities=[
            ...     ExtractedEntity("X", NodeLabel.METHOD, evidence=[Provenance("t:a", confidence=0.9)]),
            ...     ExtractedEntity("Y", NodeLabel.METHOD, evidence=[Provenance("t:a", confidence=0.4)])])
            >>> [e.name for e in ext.confident(0.5).entities]
            ['X']
        """
        kept = [e for e in self.entities if e.confidence >= min_confidence]
        return self if len(kept) == len(self.entities) else replace(self, entities=kept)

    def to_gold(self) -> dict[str, Any]:
        return {
            "id": self.paper.id,
            "title": self.paper.title,
            "entities": [e.to_gold() for e in self.entities],
        }


@dataclass
class Node:
    """A node of the graph. ``props`` holds label-specific properties."""

    id: str
    label: NodeLabel
    name: str
    aliases: list[str] = field(default_factory=list)
    props: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.label = NodeLabel(self.label)


@dataclass
class Edge:
    """A typed edge with its provenance."""

    source: str
    target: str
    type: RelType
    provenance: Provenance
    props: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.type = RelType(self.type)


@dataclass
class Subgraph:
    """Nodes and edges as data: what resolution returns and the graph is built from.

    A node added twice is one node: the later one's aliases join the first's and its
    properties fill only what the first lacks. An edge is one per (source, type, target):
    the surest evidence is kept (the first of equally sure ones) and ``count`` says how often
    it was found, so an edge that one sure mention supports keeps that mention's confidence
    when an unsure mention of the same thing came first (``kg build --min-confidence``).

    Example:
        >>> g = Subgraph()
        >>> g.add_node(Node(id="method:lora", label=NodeLabel.METHOD, name="LoRA"))
        >>> g.add_node(Node(id="method:lora", label=NodeLabel.METHOD, name="LoRA", aliases=["low-rank adaptation"]))
        >>> g.nodes["method:lora"].aliases
        ['low-rank adaptation']
    """

    nodes: dict[str, Node] = field(default_factory=dict)
    edges: dict[tuple[str, str, str], Edge] = field(default_factory=dict)
    counts: dict[tuple[str, str, str], int] = field(default_factory=dict)
    _out: dict[str, list[tuple[str, str, str]]] = field(default_factory=dict, repr=False)

    def __contains__(self, node_id: str) -> bool:
        return node_id in self.nodes

    def add_node(self, node: Node) -> None:
        old = self.nodes.get(node.id)
        if old is None:
            self.nodes[node.id] = Node(id=node.id, label=node.label, name=node.name,
                                       aliases=list(node.aliases), props=dict(node.props))
            return
        for alias in node.aliases:
            if alias not in old.aliases and alias != old.name:
                old.aliases.append(alias)
        for key, value in node.props.items():
            old.props.setdefault(key, value)

    def add_edge(self, edge: Edge) -> bool:
        """Add ``edge``; False (and its count raised) when that edge was already there, in which
        case ``edge`` replaces it only when its provenance is surer.

        Example:
            >>> g = Subgraph()
            >>> g.add_edge(Edge("p", "m", RelType.USES, Provenance("p", sentence="a", confidence=0.4)))
            True
            >>> g.add_edge(Edge("p", "m", RelType.USES, Provenance("p", sentence="b", confidence=0.9)))
            False
            >>> g.edges["p", "m", "USES"].provenance.sentence, g.counts["p", "m", "USES"]
            ('b', 2)
        """
        key = (edge.source, edge.target, edge.type.value)
        old = self.edges.get(key)
        if old is not None:
            self.counts[key] += 1
            if edge.provenance.confidence > old.provenance.confidence:
                self.edges[key] = edge
            return False
        self.edges[key] = edge
        self.counts[key] = 1
        self._out.setdefault(edge.source, []).append(key)
        return True

    def has_edge(self, source: str, target: str, rel: RelType) -> bool:
        return (source, target, RelType(rel).value) in self.edges

    def out_edges(self, source: str) -> list[Edge]:
        return [self.edges[k] for k in self._out.get(source, ())]


def check_endpoints(rel: RelType, source: NodeLabel, target: NodeLabel) -> None:
    """Raise :class:`SchemaError` unless ``rel`` may join ``source`` to ``target``."""
    if (NodeLabel(source), NodeLabel(target)) not in EDGE_ENDPOINTS[RelType(rel)]:
        raise SchemaError(f"{rel.value} cannot join {NodeLabel(source).value} to {NodeLabel(target).value}")


def _prov(d: dict[str, Any] | None) -> Provenance | None:
    return Provenance(**d) if d else None


def extraction_to_dict(ext: PaperExtraction) -> dict[str, Any]:
    """A JSON-ready dict of a :class:`PaperExtraction` (enums as their values)."""
    data = asdict(ext)
    for ent in data["entities"]:
        ent["type"] = NodeLabel(ent["type"]).value
        ent["roles"] = [RelType(r).value for r in ent["roles"]]
    return data


def extraction_from_dict(data: dict[str, Any]) -> PaperExtraction:
    """Inverse of :func:`extraction_to_dict`."""
    return PaperExtraction(
        paper=Paper.from_dict(data["paper"]),
        entities=[
            ExtractedEntity(
                name=e["name"], type=e["type"], aliases=e.get("aliases", []), roles=e.get("roles", []),
                evidence=[Provenance(**p) for p in e.get("evidence", [])],
                role_evidence=dict(e.get("role_evidence", {})),
            )
            for e in data.get("entities", [])
        ],
        abbreviations=dict(data.get("abbreviations", {})),
        citations=[
            Citation(**{**c, "evidence": _prov(c.get("evidence"))}) for c in data.get("citations", [])
        ],
        results=[
            ResultRecord(**{**r, "evidence": _prov(r.get("evidence"))}) for r in data.get("results", [])
        ],
        repositories=list(data.get("repositories", [])),
    )
