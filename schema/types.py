"""Node labels and relationship types: the names users type in Cypher.

Labels and relationship types sent to a database come only from these enums,
never from extracted text.
"""
from __future__ import annotations

from enum import Enum


class _NameEnum(str, Enum):
    """A string enum whose ``str()`` is its value (the name users type in Cypher)."""

    def __str__(self) -> str:  # pragma: no cover - trivial
        return self.value


class NodeLabel(_NameEnum):
    """Label of a node in the graph."""

    PAPER = "Paper"
    METHOD = "Method"
    MODEL = "Model"
    DATASET = "Dataset"
    BENCHMARK = "Benchmark"
    TASK = "Task"
    METRIC = "Metric"
    REPOSITORY = "Repository"
    ORGANIZATION = "Organization"
    RESULT = "Result"


class RelType(_NameEnum):
    """Type of an edge in the graph."""

    # paper -> entity roles (see ../shared/gold/GUIDELINES.md)
    PROPOSES = "PROPOSES"
    USES = "USES"
    EVALUATES_ON = "EVALUATES_ON"
    COMPARES_WITH = "COMPARES_WITH"
    ADDRESSES = "ADDRESSES"
    MEASURES = "MEASURES"
    MENTIONS = "MENTIONS"
    # paper -> paper
    CITES = "CITES"
    #: a citation guessed from naming what another paper proposes (only with --infer-citations);
    #: default queries and views leave it out
    CITES_INFERRED = "INFERRED_CITES"
    # paper -> repository / organization
    HAS_CODE = "HAS_CODE"
    PUBLISHED_BY = "PUBLISHED_BY"
    # entity -> entity
    VARIANT_OF = "VARIANT_OF"
    # results: Paper -REPORTS-> Result -ON_BENCHMARK-> Benchmark|Dataset,
    # Result -ACHIEVED_BY-> Model|Method, Result -USES_METRIC-> Metric
    REPORTS = "REPORTS"
    ON_BENCHMARK = "ON_BENCHMARK"
    ACHIEVED_BY = "ACHIEVED_BY"
    USES_METRIC = "USES_METRIC"


#: The six concept types the extractors produce.
ENTITY_LABELS: tuple[NodeLabel, ...] = (
    NodeLabel.METHOD,
    NodeLabel.MODEL,
    NodeLabel.DATASET,
    NodeLabel.BENCHMARK,
    NodeLabel.TASK,
    NodeLabel.METRIC,
)
#: Their names, as the gold files and the extractors' span labels write them.
ENTITY_TYPES: tuple[str, ...] = tuple(lab.value for lab in ENTITY_LABELS)

#: Paper-level roles of an entity, as in the gold files.
ROLE_TYPES: tuple[RelType, ...] = (
    RelType.PROPOSES,
    RelType.USES,
    RelType.EVALUATES_ON,
    RelType.COMPARES_WITH,
    RelType.ADDRESSES,
    RelType.MEASURES,
    RelType.MENTIONS,
)

#: What a paper runs or builds on, never the data it evaluates on.
SYSTEM_LABELS: frozenset[NodeLabel] = frozenset({NodeLabel.METHOD, NodeLabel.MODEL})
#: The types of data, as span labels and node labels write them: what a paper evaluates on or releases, as opposed
#: to what it does.
DATA_TYPES: frozenset[str] = frozenset({NodeLabel.DATASET.value, NodeLabel.BENCHMARK.value})


def role_on(label: str, role: RelType) -> RelType:
    """``role`` as it may join a paper to an entity of ``label``: a paper evaluates on data, so a Method or Model
    its experiments are "on" ("experiments on ResNet-50", a paper's data-typed "PointNet" joined to the method) is
    one it USES.

    Example:
        >>> role_on("Method", RelType.EVALUATES_ON).value, role_on("Benchmark", RelType.EVALUATES_ON).value
        ('USES', 'EVALUATES_ON')
    """
    return RelType.USES if role == RelType.EVALUATES_ON and label in SYSTEM_LABELS else role


#: Which (source label, target label) pairs each relationship may join.
#: Stores use this to declare their schema; the graph builder checks against it.
EDGE_ENDPOINTS: dict[RelType, tuple[tuple[NodeLabel, NodeLabel], ...]] = {
    **{role: tuple((NodeLabel.PAPER, lab) for lab in ENTITY_LABELS) for role in ROLE_TYPES},
    RelType.CITES: ((NodeLabel.PAPER, NodeLabel.PAPER),),
    RelType.CITES_INFERRED: ((NodeLabel.PAPER, NodeLabel.PAPER),),
    RelType.HAS_CODE: ((NodeLabel.PAPER, NodeLabel.REPOSITORY),),
    RelType.PUBLISHED_BY: ((NodeLabel.PAPER, NodeLabel.ORGANIZATION),),
    RelType.VARIANT_OF: tuple((lab, lab) for lab in ENTITY_LABELS),
    RelType.REPORTS: ((NodeLabel.PAPER, NodeLabel.RESULT),),
    RelType.ON_BENCHMARK: (
        (NodeLabel.RESULT, NodeLabel.BENCHMARK),
        (NodeLabel.RESULT, NodeLabel.DATASET),
    ),
    RelType.ACHIEVED_BY: (
        (NodeLabel.RESULT, NodeLabel.MODEL),
        (NodeLabel.RESULT, NodeLabel.METHOD),
    ),
    RelType.USES_METRIC: ((NodeLabel.RESULT, NodeLabel.METRIC),),
}
