"""kg: citation and concept knowledge graphs of ML research from paper abstracts.

The Python API: :func:`load` opens a built graph (a networkx ``MultiDiGraph``); the
subpackages are reachable after a plain ``import kg`` and imported on first use, so
``import kg`` stays light: ``kg.pipeline`` (build, remove), ``kg.views`` (html, export,
frames, analytics, trends, lookup), ``kg.stores`` (embedded Cypher, Neo4j).

Example:
    >>> import kg
    >>> G = kg.load("kg-out")  # doctest: +SKIP
    >>> kg.views.frames.nodes_frame(G).head()  # doctest: +SKIP
"""
from __future__ import annotations

import importlib

__version__ = "0.1.0"

def lazy_modules(package: str):
    """``__getattr__`` and ``__dir__`` for ``package`` that import its modules on first use (PEP 562).

    Example:
        >>> getattr_, dir_ = lazy_modules("kg")
        >>> getattr_("out").__name__, "views" in dir_()
        ('kg.out', True)
    """
    import pkgutil
    import sys

    def names() -> list[str]:
        return [info.name for info in pkgutil.iter_modules(sys.modules[package].__path__)
                if not info.name.startswith("_")]

    def getattr_(name: str):
        if name.startswith("_") or name not in names():
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return importlib.import_module(f"{package}.{name}")

    def dir_() -> list[str]:
        return sorted({*vars(sys.modules[package]), *names()})

    return getattr_, dir_


__getattr__, __dir__ = lazy_modules(__name__)


def load(out="kg-out"):
    """Open the graph saved in OUT (a networkx MultiDiGraph).

    Example:
        >>> import kg
        >>> G = kg.load("kg-out")  # doctest: +SKIP
    """
    from kg.out import load_graph

    return load_graph(out)
