"""Merges rings by relabelling every account of one, whatever the sizes: O(ring) per merge."""


def _check_id(kind: str, value: object) -> None:
    if not isinstance(value, str):
        raise TypeError(f"{kind} must be a str, got {type(value).__name__}")
    if not value or value != value.strip():
        raise ValueError(f"{kind} must be non-empty, without surrounding whitespace: {value!r}")


class RingFinder:
    """Each account carries its ring's label; each label lists its accounts."""

    def __init__(self) -> None:
        self._label: dict[str, int] = {}  # account -> ring label
        self._members: dict[int, list[str]] = {}  # ring label -> its accounts
        self._first_user: dict[str, str] = {}

    def link(self, account: str, identifier: str) -> int:
        _check_id("account", account)
        _check_id("identifier", identifier)
        if account not in self._label:
            self._label[account] = len(self._label)
            self._members[self._label[account]] = [account]
        mine = self._label[account]
        theirs = self._label[self._first_user.setdefault(identifier, account)]
        if mine != theirs:
            for member in self._members[mine]:
                self._label[member] = theirs
            self._members[theirs] += self._members.pop(mine)
        return len(self._members[theirs])

    def rings(self, min_size: int = 2) -> list[list[str]]:
        if isinstance(min_size, bool) or not isinstance(min_size, int):
            raise TypeError(f"min_size must be an int, got {type(min_size).__name__}")
        if min_size < 1:
            raise ValueError(f"min_size must be at least 1, got {min_size}")
        found = [sorted(ring) for ring in self._members.values() if len(ring) >= min_size]
        found.sort(key=lambda ring: (-len(ring), ring[0]))
        return found
