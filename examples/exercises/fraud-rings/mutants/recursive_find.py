"""Finds roots recursively, without union by size: a long chain of merges overflows the stack."""


def _check_id(kind: str, value: object) -> None:
    if not isinstance(value, str):
        raise TypeError(f"{kind} must be a str, got {type(value).__name__}")
    if not value or value != value.strip():
        raise ValueError(f"{kind} must be non-empty, without surrounding whitespace: {value!r}")


class RingFinder:
    """The textbook union-find: recursive find with path compression."""

    def __init__(self) -> None:
        self._parent: dict[str, str] = {}
        self._size: dict[str, int] = {}  # root -> accounts in its ring
        self._first_user: dict[str, str] = {}

    def _root(self, account: str) -> str:
        if self._parent[account] != account:
            self._parent[account] = self._root(self._parent[account])
        return self._parent[account]

    def link(self, account: str, identifier: str) -> int:
        _check_id("account", account)
        _check_id("identifier", identifier)
        if account not in self._parent:
            self._parent[account] = account
            self._size[account] = 1
        root = self._root(account)
        other = self._root(self._first_user.setdefault(identifier, account))
        if other != root:
            self._parent[other] = root
            self._size[root] += self._size.pop(other)
        return self._size[root]

    def rings(self, min_size: int = 2) -> list[list[str]]:
        if isinstance(min_size, bool) or not isinstance(min_size, int):
            raise TypeError(f"min_size must be an int, got {type(min_size).__name__}")
        if min_size < 1:
            raise ValueError(f"min_size must be at least 1, got {min_size}")
        members: dict[str, list[str]] = {}
        for account in self._parent:
            members.setdefault(self._root(account), []).append(account)
        found = [sorted(ring) for ring in members.values() if len(ring) >= min_size]
        found.sort(key=lambda ring: (-len(ring), ring[0]))
        return found
