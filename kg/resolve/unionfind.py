"""Union-find (disjoint sets) over hashable, orderable items: the one copy used by resolution.

The root of a set is always its smallest item, so the partition and the representative
do not depend on the order of the unions.

Example:
    >>> uf = UnionFind()
    >>> _ = uf.union("b", "a"), uf.union("c", "b")
    >>> uf.find("c"), sorted(uf.groups()["a"])
    ('a', ['a', 'b', 'c'])
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable
from typing import Any


class UnionFind:
    """Disjoint sets; :meth:`find` adds an unseen item as its own set."""

    def __init__(self) -> None:
        self.parent: dict[Any, Any] = {}

    def __contains__(self, item: Hashable) -> bool:
        return item in self.parent

    def find(self, x: Any) -> Any:
        """The root (smallest item) of ``x``'s set, with path compression."""
        self.parent.setdefault(x, x)
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: Any, b: Any) -> Any:
        """Join the sets of ``a`` and ``b``; returns the new root (the smaller of the two roots)."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return ra
        lo, hi = (ra, rb) if ra < rb else (rb, ra)
        self.parent[hi] = lo
        return lo

    def remove_set(self, items: list[Any]) -> None:
        """Forget ``items``, one whole set (no other item points into it), so that they can join another union-find.

        Example:
            >>> uf = UnionFind(); _ = uf.union("a", "b"); uf.find("c")
            'c'
            >>> uf.remove_set(["a", "b"]); sorted(uf.groups())
            ['c']
        """
        for item in items:
            self.parent.pop(item, None)

    def groups(self) -> dict[Any, list[Any]]:
        """Root -> items of its set (items in insertion order)."""
        out: dict[Any, list[Any]] = defaultdict(list)
        for item in list(self.parent):
            out[self.find(item)].append(item)
        return dict(out)
