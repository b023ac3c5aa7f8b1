"""Returns its own member lists from rings(): a caller that changes one changes the ring."""


def _check_id(kind: str, value: object) -> None:
    if not isinstance(value, str):
        raise TypeError(f"{kind} must be a str, got {type(value).__name__}")
    if not value or value != value.strip():
        raise ValueError(f"{kind} must be non-empty, without surrounding whitespace: {value!r}")


class RingFinder:
    """Each ring as a label per account and a list of members; the smaller ring is relabelled."""

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
            if len(self._members[mine]) > len(self._members[theirs]):
                mine, theirs = theirs, mine
            for member in self._members[mine]:
                self._label[member] = theirs
            self._members[theirs] += self._members.pop(mine)
        return len(self._members[theirs])

    def rings(self, min_size: int = 2) -> list[list[str]]:
        if isinstance(min_size, bool) or not isinstance(min_size, int):
            raise TypeError(f"min_size must be an int, got {type(min_size).__name__}")
        if min_size < 1:
            raise ValueError(f"min_size must be at least 1, got {min_size}")
        found = [ring for ring in self._members.values() if len(ring) >= min_size]
        for ring in found:
            ring.sort()
        found.sort(key=lambda ring: (-len(ring), ring[0]))
        return found
