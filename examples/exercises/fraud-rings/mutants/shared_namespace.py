"""Keeps accounts and identifiers in one namespace, so an account 'x' and an identifier 'x' meet."""


def _check_id(kind: str, value: object) -> None:
    if not isinstance(value, str):
        raise TypeError(f"{kind} must be a str, got {type(value).__name__}")
    if not value or value != value.strip():
        raise ValueError(f"{kind} must be non-empty, without surrounding whitespace: {value!r}")


class RingFinder:
    """A union-find over every id seen, accounts and identifiers alike; sizes count accounts."""

    def __init__(self) -> None:
        self._parent: dict[str, str] = {}
        self._accounts: dict[str, int] = {}  # root -> accounts in its ring
        self._is_account: set[str] = set()

    def _node(self, name: str) -> str:
        if name not in self._parent:
            self._parent[name] = name
            self._accounts[name] = 0
        return name

    def _root(self, name: str) -> str:
        parent = self._parent
        while parent[name] != name:
            parent[name] = parent[parent[name]]
            name = parent[name]
        return name

    def link(self, account: str, identifier: str) -> int:
        _check_id("account", account)
        _check_id("identifier", identifier)
        root = self._root(self._node(account))
        if account not in self._is_account:
            self._is_account.add(account)
            self._accounts[root] += 1
        other = self._root(self._node(identifier))
        if other != root:
            if self._accounts[root] < self._accounts[other]:
                root, other = other, root
            self._parent[other] = root
            self._accounts[root] += self._accounts.pop(other)
        return self._accounts[root]

    def rings(self, min_size: int = 2) -> list[list[str]]:
        if isinstance(min_size, bool) or not isinstance(min_size, int):
            raise TypeError(f"min_size must be an int, got {type(min_size).__name__}")
        if min_size < 1:
            raise ValueError(f"min_size must be at least 1, got {min_size}")
        members: dict[str, list[str]] = {}
        for account in self._is_account:
            members.setdefault(self._root(account), []).append(account)
        found = [sorted(ring) for ring in members.values() if len(ring) >= min_size]
        found.sort(key=lambda ring: (-len(ring), ring[0]))
        return found
