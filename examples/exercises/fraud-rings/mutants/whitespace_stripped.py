"""Strips surrounding whitespace from ids instead of refusing them."""


def _clean_id(kind: str, value: object) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{kind} must be a str, got {type(value).__name__}")
    value = value.strip()
    if not value:
        raise ValueError(f"{kind} must not be blank")
    return value


class RingFinder:
    """The rings (connected components) of accounts that share identifiers, kept up to date.

    Only accounts are nodes. An identifier remembers the first account that used
    it; a later account using it is joined to that one, which links it to the
    whole ring. A union-find over accounts, with union by size and path halving,
    makes each link amortised O(inverse Ackermann of n): below 5 for any n you will meet.
    """

    def __init__(self) -> None:
        self._parent: dict[str, str] = {}  # account -> its parent; a root is its own parent
        self._size: dict[str, int] = {}  # root -> accounts in its ring
        self._first_user: dict[str, str] = {}  # identifier -> the first account that used it

    def _root(self, account: str) -> str:
        parent = self._parent
        while parent[account] != account:
            parent[account] = parent[parent[account]]  # path halving: the tree flattens as we go
            account = parent[account]
        return account

    def link(self, account: str, identifier: str) -> int:
        """Record that `account` used `identifier`; the number of accounts in its ring now."""
        account = _clean_id("account", account)
        identifier = _clean_id("identifier", identifier)
        if account not in self._parent:
            self._parent[account] = account
            self._size[account] = 1
        root = self._root(account)
        other = self._root(self._first_user.setdefault(identifier, account))
        if other != root:
            if self._size[root] < self._size[other]:
                root, other = other, root
            self._parent[other] = root  # the smaller ring goes under the larger: trees stay shallow
            self._size[root] += self._size.pop(other)
        return self._size[root]

    def rings(self, min_size: int = 2) -> list[list[str]]:
        """Rings of at least `min_size` accounts, largest first, each sorted. O(n log n)."""
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


if __name__ == "__main__":
    finder = RingFinder()
    for account, identifier in [
        ("acct_1", "card_A"),
        ("acct_2", "card_A"),
        ("acct_3", "device_X"),
        ("acct_2", "device_X"),
        ("acct_4", "email_k"),
    ]:
        print(account, identifier, finder.link(account, identifier))  # 1, 2, 1, 3, 1
    print(finder.rings())  # [['acct_1', 'acct_2', 'acct_3']]
    print(finder.rings(min_size=1))  # [['acct_1', 'acct_2', 'acct_3'], ['acct_4']]
