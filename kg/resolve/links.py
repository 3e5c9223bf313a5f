"""The research links of the graph: citations, code, organizations and results.

:func:`add_research_links` is called by :func:`kg.graph.build_graph` once the papers and
their entities are in ``G``. It adds:

* ``CITES`` paper -> paper, from inline references and ids in the text
  (:mod:`extractors.citations`), from the source's reference lists
  (``Paper.references``). A cited work that is not in the corpus becomes a stub Paper
  node (``stub=True``);
* only when asked (``infer_citations=True``, ``kg build --infer-citations``):
  ``INFERRED_CITES`` (:attr:`RelType.CITES_INFERRED`, ``inferred=True``, ``reason`` = the
  entity) when a paper names what another paper of the graph proposes. It is a separate
  relationship type, so queries and views over ``CITES`` never count these guesses;
* ``HAS_CODE`` paper -> Repository (``repo:owner/name``) for GitHub links in
  ``Paper.urls``, the abstract and ``PaperExtraction.repositories``;
* ``PUBLISHED_BY`` paper -> Organization (``org:<slug>``) from ``Paper.organization``;
* Result nodes (``REPORTS``, ``ON_BENCHMARK``, ``ACHIEVED_BY``, ``USES_METRIC``) from
  ``PaperExtraction.results``, linked to the entity nodes of the same name.
"""
from __future__ import annotations

import hashlib
import logging
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence


from kg.resolve.entities import entity_key
from kg.resolve.names import unfit_reason
from schema.names import normalize_id, slugify
from schema import (
    Citation, Edge, Node, NodeLabel, PaperExtraction, Provenance, RelType, ResultRecord, Subgraph, paper_text,
)

logger = logging.getLogger(__name__)

#: Roles through which a paper names an entity someone else proposed.
CITING_ROLES = (RelType.USES, RelType.COMPARES_WITH, RelType.EVALUATES_ON, RelType.MENTIONS)
#: An entity proposed by more papers than this is too common to infer a citation from.
MAX_PROPOSERS = 3
#: Labels of entities whose proposer a paper may be said to cite (tasks and metrics are not artifacts).
CITABLE_LABELS = {NodeLabel.METHOD.value, NodeLabel.MODEL.value, NodeLabel.DATASET.value, NodeLabel.BENCHMARK.value}
#: Identifier kinds, in the order used to name a stub.
ID_KINDS = ("arxiv", "doi", "openalex", "s2")

_GITHUB = re.compile(
    r"(?:https?://)?(?:www\.)?github\.com/(?P<owner>[A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))/(?P<name>[A-Za-z0-9._-]+)",
    re.I,
)
_GITHUB_RESERVED = {
    "about", "features", "orgs", "topics", "collections", "sponsors", "settings", "marketplace", "pricing",
    "search", "login", "join", "explore", "enterprise", "site", "apps", "users", "trending",
}


# ---------------------------------------------------------------- identifiers






def normalize_github(url: str) -> str | None:
    """``owner/name`` of a GitHub repository URL, lower case; None for other URLs.

    Trailing punctuation, ``.git`` and sub-paths (``/tree/main``) are dropped.

    Example:
        >>> normalize_github("https://github.com/MBZUAI-CLeaR/IoE-Prompting.git.")
        'mbzuai-clear/ioe-prompting'
        >>> normalize_github("https://github.com/orgs/x") is None
        True
    """
    m = _GITHUB.search(url)
    if not m:
        return None
    owner, name = m.group("owner").lower(), m.group("name").lower()
    name = name.rstrip(".,;:!?)]}'\"-_")
    if name.endswith(".git"):
        name = name[:-4]
    name = name.rstrip(".")
    if not name or owner in _GITHUB_RESERVED:
        return None
    return f"{owner}/{name}"


def find_github_repos(text: str) -> list[tuple[int, int, str]]:
    """GitHub repositories written in ``text``: ``(start, end, "owner/name")``.

    Example:
        >>> find_github_repos("Code: https://github.com/zhentingqi/rStar.")
        [(6, 41, 'zhentingqi/rstar')]
    """
    out = []
    if "github" not in text.lower():
        return out  # most abstracts: no scan of the pattern at every position
    for m in _GITHUB.finditer(text):
        repo = normalize_github(m.group(0))
        if repo:
            end = m.end()
            while end > m.start() and text[end - 1] in ".,;:!?-_":
                end -= 1
            out.append((m.start(), end, repo))
    return out


def paper_repositories(ext: PaperExtraction) -> list[tuple[str, Provenance]]:
    """Every repository of a paper (URLs, abstract, extractor output), once each, with evidence."""
    paper = ext.paper
    found: dict[str, Provenance] = {}
    text = paper_text(paper)
    for start, end, repo in find_github_repos(text):
        found.setdefault(repo, Provenance(paper_id=paper.id, sentence=_sentence_around(text, start, end),
                                          start=start, end=end, extractor="kg_research.github"))
    for url in paper.urls:
        repo = normalize_github(url)
        if repo:
            found.setdefault(repo, Provenance(paper_id=paper.id, sentence=url, extractor="source.urls"))
    for item in ext.repositories:
        repo = normalize_github(item if "github.com" in item.lower() else f"github.com/{item}")
        if repo:
            found.setdefault(repo, Provenance(paper_id=paper.id, extractor="extraction.repositories"))
    return list(found.items())


def _sentence_around(text: str, start: int, end: int) -> str:
    left = max(text.rfind(". ", 0, start) + 2, text.rfind("\n", 0, start) + 1, 0)
    right_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i != -1]
    right = min(right_candidates) + 1 if right_candidates else len(text)
    return text[left:right].strip()


def _date_key(date: str | None) -> str | None:
    """A comparable date (None when unknown or without a year)."""
    if not date or date.startswith("--"):
        return None
    return date


def _not_later(proposer: str | None, citing: str | None) -> bool:
    """True unless both dates are known and the proposer's is later (at their common precision)."""
    a, b = _date_key(proposer), _date_key(citing)
    if a is None or b is None:
        return True
    n = min(len(a), len(b))
    return a[:n] <= b[:n]


# ---------------------------------------------------------------- citations


class _PaperIndex:
    """Finds corpus papers by external id, node id, title prefix or proposed entity."""

    def __init__(self, extractions: Sequence[PaperExtraction]):
        self.by_id: dict[tuple[str, str], str] = {}
        self.by_short_title: dict[str, str | None] = {}
        for ext in extractions:
            paper = ext.paper
            for kind, value in paper.ids.items():
                if value:
                    self.by_id.setdefault((kind, normalize_id(kind, value)), paper.id)
            kind, _, rest = paper.id.partition(":")
            if kind in ID_KINDS and rest:
                self.by_id.setdefault((kind, normalize_id(kind, rest)), paper.id)
            short = paper.title.split(":")[0].strip() if ":" in paper.title else None
            if short and len(short) <= 40:
                key = entity_key(short)
                self.by_short_title[key] = None if key in self.by_short_title else paper.id

    def find(self, ids: dict[str, str]) -> str | None:
        for kind in ID_KINDS:
            value = ids.get(kind)
            if value:
                hit = self.by_id.get((kind, normalize_id(kind, value)))
                if hit:
                    return hit
        return None


def stub_id(citation: Citation) -> str:
    """The node id of a cited work not in the corpus.

    Example:
        >>> stub_id(Citation(first_author="Wang", year=2023, work="Self-Instruct"))
        'ref:wang-2023-self-instruct'
        >>> stub_id(Citation(ids={"arxiv": "2401.12345v2"}))
        'arxiv:2401.12345'
    """
    for kind in ID_KINDS:
        value = citation.ids.get(kind)
        if value:
            return f"{kind}:{normalize_id(kind, value)}"
    parts = [slugify(citation.first_author or "anon"), str(citation.year or "nd")]
    if citation.work:
        parts.append(slugify(citation.work))
    return "ref:" + "-".join(parts)


def _stub_node(node_id: str, citation: Citation) -> Node:
    if citation.work:
        name = citation.work
    elif citation.first_author:
        name = f"{citation.first_author} et al., {citation.year}" if citation.year else citation.first_author
    elif citation.title:
        name = citation.title
    else:
        name = node_id
    props = {
        "title": citation.title or name, "abstract": "", "date": str(citation.year) if citation.year else None,
        "upvotes": None, "authors_count": None, "organization": None, "urls": [], "sources": [],
        "stub": True, "first_author": citation.first_author, "year": citation.year,
        **{f"id_{k}": normalize_id(k, v) for k, v in citation.ids.items() if v},
    }
    return Node(id=node_id, label=NodeLabel.PAPER, name=name, props=props)


def _cite(G: Subgraph, source: str, target: str, evidence: Provenance,
          rel: RelType = RelType.CITES, **props) -> bool:
    if source == target:
        return False
    G.add_edge(Edge(source=source, target=target, type=rel, provenance=evidence, props=props))
    return True


def _date_of(G: Subgraph, node_id: str) -> str | None:
    return G.nodes[node_id].props.get("date")


def _proposers(G: Subgraph) -> dict[str, list[str]]:
    """Entity node -> papers that propose it, earliest first."""
    index: dict[str, list[str]] = defaultdict(list)
    for u, v, key in G.edges:
        if key == RelType.PROPOSES.value:
            index[v].append(u)
    for papers in index.values():
        papers.sort(key=lambda p: (_date_key(_date_of(G, p)) is None, _date_key(_date_of(G, p)) or "", p))
    return index


def add_citations(G: Subgraph, extractions: Sequence[PaperExtraction]) -> int:
    """CITES from extracted citations and source reference lists; returns edges added."""
    index = _PaperIndex(extractions)
    proposers = _proposers(G)
    entity_by_name: dict[str, list[str]] = defaultdict(list)
    for node_id in proposers:
        node = G.nodes[node_id]
        for name in [node.name, *node.aliases]:
            entity_by_name[entity_key(name)].append(node_id)
    added = 0
    for ext in extractions:
        source = ext.paper.id
        named = {(c.first_author, c.year) for c in ext.citations if c.work and c.first_author}
        for cit in ext.citations:
            if cit.inferred:
                continue
            if not cit.work and not cit.ids and (cit.first_author, cit.year) in named:
                continue  # "(Wang et al., 2023)" again after "Self-Instruct (Wang et al., 2023)"
            evidence = cit.evidence or Provenance(paper_id=source, extractor="kg_citations")
            target = index.find(cit.ids)
            if target is None and cit.work:
                target = _work_in_corpus(G, source, cit, index, proposers, entity_by_name)
            if target is None:
                target = stub_id(cit)
                if target not in G:
                    G.add_node(_stub_node(target, cit))
            added += _cite(G, source, target, evidence)
        for ref in ext.paper.references:
            ids = {k: v for k, v in ref.items() if k in ID_KINDS and v}
            if not ids:
                continue
            cit = Citation(ids=ids, title=ref.get("title"))
            target = index.find(ids) or stub_id(cit)
            if target not in G:
                G.add_node(_stub_node(target, cit))
            added += _cite(G, source, target, Provenance(paper_id=source, extractor="source.references"))
    return added


#: How many years before a citation's year the corpus paper proposing the cited name may be dated.
CITED_YEAR_SLACK = 2


def _work_in_corpus(G, source: str, cit: Citation, index: _PaperIndex, proposers, entity_by_name) -> str | None:
    """Another corpus paper that is the named work: its short title, or the one paper proposing it."""
    key = entity_key(cit.work or "")
    hit = index.by_short_title.get(key)
    if hit and hit != source:
        return hit
    papers = {
        p for node in entity_by_name.get(key, []) for p in proposers[node]
        if p != source and not G.nodes[p].props.get("stub")
    }
    if len(papers) == 1:
        paper = next(iter(papers))
        date = _date_key(_date_of(G, paper))
        # the cited year is the work's: a preprint a year before it, a venue a year after; "DoG (Ivgi et al., 2023)"
        # is not a 2015 saliency paper proposing another DoG (difference of Gaussians)
        if cit.year is None or date is None or cit.year - CITED_YEAR_SLACK <= int(date[:4]) <= cit.year + 1:
            return paper
    return None


def is_named_artifact(data: dict) -> bool:
    """True for an entity node that names one artifact ("SPIN", "rStar", "Self-Instruct").

    A concept ever written in lower case ("reward model", "self-supervised learning"
    as an alias of "SSL"), a plural acronym ("RNNs") or a two-letter one ("RM": reward
    model or reward machine) is not credited to one paper.

    Example:
        >>> is_named_artifact({"label": "Method", "name": "SPIN", "aliases": ["Self-Play Fine-Tuning"]})
        True
        >>> is_named_artifact({"label": "Method", "name": "SSL", "aliases": ["self-supervised learning"]})
        False
    """
    if data.get("label") not in CITABLE_LABELS:
        return False
    name = data.get("name", "")
    if re.fullmatch(r"[A-Z]+s|[A-Z]{1,2}", name):  # "RNNs", "RM": a class, or too ambiguous
        return False
    return not any(n == n.lower() and re.search(r"[a-z]", n) for n in [name, *data.get("aliases", [])])


def _node_data(node: Node) -> dict:
    return {"label": node.label.value, "name": node.name, "aliases": node.aliases}


def add_inferred_citations(G: Subgraph) -> int:
    """INFERRED_CITES (inferred=True, reason=entity name) from a paper to the proposer of an entity it names.

    Linear in the edges: one pass builds entity -> proposers, one pass over role edges.
    Entities proposed by more than :data:`MAX_PROPOSERS` papers are skipped, and so are
    entities that are not named artifacts (:func:`is_named_artifact`); a proposer dated
    after the citing paper is not cited.
    """
    proposers = {k: v for k, v in _proposers(G).items() if is_named_artifact(_node_data(G.nodes[k]))}
    roles = {r.value for r in CITING_ROLES}
    pending: list[tuple[str, str, str, Provenance]] = []
    for (u, v, key), edge in list(G.edges.items()):
        if key not in roles or v not in proposers or len(proposers[v]) > MAX_PROPOSERS:
            continue
        if v in proposers and u in proposers[v]:
            continue
        citing_date = _date_of(G, u)
        for proposer in proposers[v]:
            if proposer != u and _not_later(_date_of(G, proposer), citing_date):
                pending.append((u, proposer, G.nodes[v].name, edge.provenance))
                break
    added = 0
    for u, proposer, reason, prov in pending:
        if G.has_edge(u, proposer, RelType.CITES) or G.has_edge(u, proposer, RelType.CITES_INFERRED):
            continue
        evidence = Provenance(
            paper_id=u, sentence=prov.sentence, start=prov.start, end=prov.end,
            extractor="kg_research.inferred", confidence=min(float(prov.confidence), 0.5),
        )
        added += _cite(G, u, proposer, evidence, RelType.CITES_INFERRED, inferred=True, reason=reason)
    return added


# ---------------------------------------------------------------- code and organizations


def add_repositories(G: Subgraph, extractions: Sequence[PaperExtraction]) -> int:
    """Repository nodes and HAS_CODE edges; returns the number of edges added."""
    added = 0
    for ext in extractions:
        for repo, evidence in paper_repositories(ext):
            node_id = f"repo:{repo}"
            G.add_node(Node(id=node_id, label=NodeLabel.REPOSITORY, name=repo,
                            props={"url": f"https://github.com/{repo}"}))
            G.add_edge(Edge(source=ext.paper.id, target=node_id, type=RelType.HAS_CODE, provenance=evidence))
            added += 1
    return added


def add_organizations(G: Subgraph, extractions: Sequence[PaperExtraction]) -> int:
    """Organization nodes and PUBLISHED_BY edges from ``Paper.organization``."""
    added = 0
    for ext in extractions:
        org = (ext.paper.organization or "").strip()
        if not org:
            continue
        node_id = f"org:{slugify(org)}"
        G.add_node(Node(id=node_id, label=NodeLabel.ORGANIZATION, name=org))
        G.add_edge(Edge(source=ext.paper.id, target=node_id, type=RelType.PUBLISHED_BY,
                        provenance=Provenance(paper_id=ext.paper.id, sentence=org, extractor="source.organization")))
        added += 1
    return added


# ---------------------------------------------------------------- results


class _EntityIndex:
    """Entity nodes of ``G`` by (label, normalized name or alias); names before aliases."""

    def __init__(self, G: Subgraph):
        self.G = G
        self.index: dict[tuple[str, str], list[str]] = {}
        skip = {NodeLabel.PAPER.value, NodeLabel.RESULT.value, NodeLabel.REPOSITORY.value, NodeLabel.ORGANIZATION.value}
        nodes = [(node_id, node) for node_id, node in G.nodes.items() if node.label.value not in skip]
        for node_id, node in nodes:
            if node.name:
                self.index.setdefault((node.label.value, entity_key(node.name)), []).append(node_id)
        for node_id, node in nodes:
            for name in filter(None, node.aliases):
                hits = self.index.setdefault((node.label.value, entity_key(name)), [])
                if node_id not in hits:
                    hits.append(node_id)

    def find(self, name: str, labels: Iterable[NodeLabel], paper_id: str | None = None) -> str | None:
        """The node of ``name``: one ``paper_id`` links to first (its own sense of an acronym), else the first named so."""
        key = entity_key(name)
        hits = [hit for label in labels for hit in self.index.get((label.value, key), [])]
        if len(hits) > 1 and paper_id:
            own = {e.target for e in self.G.out_edges(paper_id)}
            return next((hit for hit in hits if hit in own), hits[0])
        return hits[0] if hits else None

    def find_or_add(self, name: str, labels: Sequence[NodeLabel]) -> str:
        hit = self.find(name, labels)
        if hit:
            return hit
        label = labels[0]
        node_id = f"{label.value.lower()}:{entity_key(name)}"
        self.G.add_node(Node(id=node_id, label=label, name=name))
        self.index[(label.value, entity_key(name))] = [node_id]
        return node_id


_POSSESSIVE_SUBJECTS = re.compile(r"^(?:our|the proposed|this)\b", re.I)
#: A result sentence whose actor is the paper's own method ("our model achieves", "we obtain").
_OWN_ACTOR = re.compile(
    r"\b(?:(?:our|the\s+proposed)\s+(?:[\w-]+\s+){0,2}?(?:methods?|models?|approach|system|framework|technique|"
    r"algorithm|network|architecture|agent|pipeline|solution)|ours|we\s+(?:[\w-]+\s+)?(?:achiev|obtain|reach|attain|get|"
    r"report|set|improv|boost)\w*)\b", re.I)


def result_id(paper_id: str, record: ResultRecord) -> str:
    """``result:<hash>`` of paper, subject, benchmark, metric and value.

    Example:
        >>> result_id("p", ResultRecord(value=1.0)) == result_id("p", ResultRecord(value=1.0))
        True
    """
    key = "|".join(str(x) for x in (paper_id, record.subject or "", record.benchmark or "", record.metric or "", record.value))
    return "result:" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def result_name(record: ResultRecord) -> str:
    """A readable name: "29.44 win rate on AlpacaEval 2.0", "77.7% accuracy on ProcessBench".

    Example:
        >>> result_name(ResultRecord(value=77.7, unit="%", metric="accuracy", benchmark="ProcessBench"))
        '77.7% accuracy on ProcessBench'
    """
    value = f"{record.value:g}"
    if record.unit == "%":
        value += "%"
    elif record.unit:
        value += f" {record.unit}"
    parts = [value]
    if record.metric:
        parts.append(record.metric)
    if record.benchmark:
        parts.append(f"on {record.benchmark}")
    return " ".join(parts)


def _proposed_subject(G: Subgraph, paper_id: str) -> str | None:
    """The single Model or Method a paper proposes (for "our method reaches ...")."""
    found = [
        e.target for e in G.out_edges(paper_id)
        if e.type == RelType.PROPOSES and G.nodes[e.target].label in {NodeLabel.MODEL, NodeLabel.METHOD}
    ]
    return found[0] if len(found) == 1 else None


def is_score(record: ResultRecord) -> bool:
    """Whether a record is a score: a value tied to a metric (a count or a share of data is not).

    Example:
        >>> is_score(ResultRecord(value=85.2, unit="%", metric="accuracy")), is_score(ResultRecord(value=1000))
        (True, False)
    """
    return bool(record.metric and record.metric.strip()) and record.value is not None


def add_results(G: Subgraph, extractions: Sequence[PaperExtraction]) -> int:
    """Result nodes with REPORTS, ON_BENCHMARK, ACHIEVED_BY and USES_METRIC; returns results added.

    Only scores (:func:`is_score`) become Results. A result links to the Benchmark or
    Dataset node of its benchmark when the graph has one: it never creates one.
    """
    entities = _EntityIndex(G)
    added = 0
    for ext in extractions:
        paper_id = ext.paper.id
        for record in ext.results:
            if not is_score(record):
                continue
            evidence = record.evidence or Provenance(paper_id=paper_id, extractor="kg_results")
            node_id = result_id(paper_id, record)
            subject_node = None
            if record.subject and not _POSSESSIVE_SUBJECTS.match(record.subject):
                subject_node = entities.find(record.subject, (NodeLabel.MODEL, NodeLabel.METHOD), paper_id)
            if subject_node is None and not record.subject and _OWN_ACTOR.search(evidence.sentence or ""):
                subject_node = _proposed_subject(G, paper_id)  # "our model reaches 85%": the one it proposes
            subject = record.subject or (G.nodes[subject_node].name if subject_node else None)
            G.add_node(Node(
                id=node_id, label=NodeLabel.RESULT, name=result_name(record),
                props={"value": float(record.value), "metric": record.metric, "unit": record.unit,
                       "benchmark": record.benchmark, "subject": subject, "sentence": evidence.sentence,
                       "paper_id": paper_id},
            ))
            G.add_edge(Edge(source=paper_id, target=node_id, type=RelType.REPORTS, provenance=evidence))
            bench = entities.find(record.benchmark, (NodeLabel.BENCHMARK, NodeLabel.DATASET), paper_id) if record.benchmark else None
            if bench:
                G.add_edge(Edge(source=node_id, target=bench, type=RelType.ON_BENCHMARK, provenance=evidence))
            if record.metric and not unfit_reason(record.metric):  # the Result keeps "score" as its metric
                metric = entities.find_or_add(record.metric, (NodeLabel.METRIC,))
                G.add_edge(Edge(source=node_id, target=metric, type=RelType.USES_METRIC, provenance=evidence))
            if subject_node:
                G.add_edge(Edge(source=node_id, target=subject_node, type=RelType.ACHIEVED_BY, provenance=evidence))
            added += 1
    return added


# ---------------------------------------------------------------- entry point


def add_research_links(G: Subgraph, extractions: Sequence[PaperExtraction], *, infer_citations: bool = False) -> None:
    """Add citations, repositories, organizations and results of ``extractions`` to ``G``.

    ``infer_citations`` adds INFERRED_CITES edges (:func:`add_inferred_citations`); off by
    default, since such guesses are mostly wrong.

    Called by :func:`kg.resolve.resolve` after the entity nodes and role edges exist.

    Example:
        >>> from schema import Paper
        >>> p = Paper(id="t:1", title="A", abstract="Code: github.com/a/b.", organization="Meta")
        >>> G = Subgraph()
        >>> add_research_links(G, [PaperExtraction(paper=p)])
        >>> sorted(e.target for e in G.out_edges("t:1"))
        ['org:meta', 'repo:a/b']
    """
    extractions = list(extractions)
    cites = add_citations(G, extractions)
    inferred = add_inferred_citations(G) if infer_citations else 0
    repos = add_repositories(G, extractions)
    orgs = add_organizations(G, extractions)
    results = add_results(G, extractions)
    logger.info("added %d citations (%d inferred), %d code links, %d organization links, %d results",
                cites + inferred, inferred, repos, orgs, results)
