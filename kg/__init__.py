"""kg: citation and concept knowledge graphs of ML research from paper abstracts."""
from __future__ import annotations

__version__ = "0.1.0"


def load(out="kg-out"):
    """Open the graph saved in OUT (a networkx MultiDiGraph).

    Example:
        >>> import kg
        >>> G = kg.load("kg-out")  # doctest: +SKIP
    """
    from kg.out import load_graph

    return load_graph(out)
