"""What a node and an edge are: labels, relationship types and typed records."""
from schema.records import (
    Citation,
    Edge,
    ExtractedEntity,
    Node,
    Paper,
    PaperExtraction,
    Provenance,
    ResultRecord,
    SchemaError,
    Subgraph,
    check_endpoints,
    extraction_from_dict,
    extraction_to_dict,
    paper_text,
)
from schema.types import EDGE_ENDPOINTS, ENTITY_LABELS, ENTITY_TYPES, ROLE_TYPES, NodeLabel, RelType

__all__ = [
    "Citation", "Edge", "ExtractedEntity", "Node", "Paper", "PaperExtraction", "Provenance",
    "ResultRecord", "SchemaError", "Subgraph", "check_endpoints", "paper_text",
    "extraction_from_dict", "extraction_to_dict",
    "EDGE_ENDPOINTS", "ENTITY_LABELS", "ENTITY_TYPES", "ROLE_TYPES", "NodeLabel", "RelType",
]
