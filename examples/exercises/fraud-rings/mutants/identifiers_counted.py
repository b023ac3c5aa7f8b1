"""Counts identifiers as well as accounts in a ring's size."""


def _check_id(kind: str, value: object) -> None:
    if not isinstance(value, str):
        raise TypeError(f"{kind} must be a str, got {type(value).__name__}")
    if not value or value != value.strip():
        raise ValueError(f"{kind} must be non-empty, without surrounding whitespace: {value!r}")


class RingFinder:
    """A union-find over both kinds of node, ("account", id) and ("identifier", id)."""

    def __init__(self) -> None:
        self._parent: dict[tuple[str, str], tuple[str, str]] = {}
        self._size: dict[tuple[str, str], int] = {}

    def _node(self, node: tuple[str, str]) -> tuple[str, str]:
        if node not in self._parent:
            self._parent[node] = node
            self._size[node] = 1
        return node

    def _root(self, node: tuple[str, str]) -> tuple[str, str]:
        parent = self._parent
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    def link(self, account: str, identifier: str) -> int:
        _check_id("account", account)
        _check_id("identifier", identifier)
        root = self._root(self._node(("account", account)))
        other = self._root(self._node(("identifier", identifier)))
        if other != root:
            if self._size[root] < self._size[other]:
                root, other = other, root
            self._parent[other] = root
            self._size[root] += self._size.pop(other)
        return self._size[root]

    def rings(self, min_size: int = 2) -> list[list[str]]:
        if isinstance(min_size, bool) or not isinstance(min_size, int):
            raise TypeError(f"min_size must be an int, got {type(min_size).__name__}")
        if min_size < 1:
            raise ValueError(f"min_size must be at least 1, got {min_size}")
        members: dict[tuple[str, str], list[str]] = {}
        for node in self._parent:
            if node[0] == "account":
                members.setdefault(self._root(node), []).append(node[1])
        found = [sorted(ring) for ring in members.values() if len(ring) >= min_size]
        found.sort(key=lambda ring: (-len(ring), ring[0]))
        return found
