"""Walks the whole ring breadth-first on every link to count it: O(ring) per link."""

from collections import deque


def _check_id(kind: str, value: object) -> None:
    if not isinstance(value, str):
        raise TypeError(f"{kind} must be a str, got {type(value).__name__}")
    if not value or value != value.strip():
        raise ValueError(f"{kind} must be non-empty, without surrounding whitespace: {value!r}")


class RingFinder:
    """The graph of accounts and identifiers as two adjacency maps; rings found by walking it."""

    def __init__(self) -> None:
        self._identifiers_of: dict[str, set[str]] = {}  # account -> identifiers it used
        self._accounts_of: dict[str, set[str]] = {}  # identifier -> accounts that used it

    def _ring(self, start: str) -> set[str]:
        """Every account reachable from `start` through shared identifiers."""
        seen_accounts, seen_identifiers = {start}, set()
        queue = deque([start])
        while queue:
            account = queue.popleft()
            for identifier in self._identifiers_of[account]:
                if identifier in seen_identifiers:
                    continue
                seen_identifiers.add(identifier)
                for other in self._accounts_of[identifier]:
                    if other not in seen_accounts:
                        seen_accounts.add(other)
                        queue.append(other)
        return seen_accounts

    def link(self, account: str, identifier: str) -> int:
        _check_id("account", account)
        _check_id("identifier", identifier)
        self._identifiers_of.setdefault(account, set()).add(identifier)
        self._accounts_of.setdefault(identifier, set()).add(account)
        return len(self._ring(account))

    def rings(self, min_size: int = 2) -> list[list[str]]:
        if isinstance(min_size, bool) or not isinstance(min_size, int):
            raise TypeError(f"min_size must be an int, got {type(min_size).__name__}")
        if min_size < 1:
            raise ValueError(f"min_size must be at least 1, got {min_size}")
        found, placed = [], set()
        for account in self._identifiers_of:
            if account not in placed:
                ring = self._ring(account)
                placed |= ring
                if len(ring) >= min_size:
                    found.append(sorted(ring))
        found.sort(key=lambda ring: (-len(ring), ring[0]))
        return found
