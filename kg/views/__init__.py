"""Views of the graph: HTML (:mod:`~kg.views.html`), exports (:mod:`~kg.views.export`),
DataFrames (:mod:`~kg.views.frames`), analytics and the leaderboard
(:mod:`~kg.views.analytics`), trends (:mod:`~kg.views.trends`), finding a node by name
(:mod:`~kg.views.lookup`).

Modules are imported on first use: ``kg.views.html.to_html(G, "graph.html")`` works after
a plain ``import kg``.
"""
from __future__ import annotations

from kg import lazy_modules

__getattr__, __dir__ = lazy_modules(__name__)
