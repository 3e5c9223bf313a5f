"""Cypher stores: the embedded engine (:mod:`~kg.stores.embedded`) and Neo4j
(:mod:`~kg.stores.neo4j`), what both hold (:mod:`~kg.stores.base`), and every Cypher text
of the project (:mod:`~kg.stores.cypher`, :mod:`~kg.stores.queries`).

Modules are imported on first use: ``kg.stores.embedded`` works after a plain ``import kg``.
"""
from __future__ import annotations

from kg import lazy_modules

__getattr__, __dir__ = lazy_modules(__name__)
