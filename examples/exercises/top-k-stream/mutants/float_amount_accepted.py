"""Accepts a float amount such as 12.5 instead of raising TypeError."""

from bisect import bisect_left, insort


class TopMerchants:
    """Running totals per merchant and the top k of them, ready after every payment.

    Amounts are positive, so a total only grows. A merchant outside the top k
    can only enter it by passing the current k-th, and a merchant inside it
    stays in it: `_ranked` holds just the top k, as `(-total, merchant)` in
    ascending order, which is best first with ties broken by merchant id.
    """

    def __init__(self, k: int) -> None:
        if isinstance(k, bool) or not isinstance(k, int):
            raise TypeError(f"k must be an int, got {type(k).__name__}")
        if k < 1:
            raise ValueError(f"k must be at least 1, got {k}")
        self.k = k
        self._totals: dict[str, int] = {}
        self._ranked: list[tuple[int, str]] = []

    def add(self, merchant: str, amount: int) -> None:
        """Add a payment of `amount` (a positive int, in minor units) to `merchant`'s total.

        O(log k) comparisons plus an O(k) shift of the list, done by memmove in C.
        """
        if not isinstance(merchant, str):
            raise TypeError(f"merchant must be a str, got {type(merchant).__name__}")
        if not merchant:
            raise ValueError("merchant must not be empty")
        if isinstance(amount, bool) or not isinstance(amount, int | float):
            raise TypeError(f"amount must be an int (minor units), got {type(amount).__name__}")
        if amount <= 0:
            raise ValueError(f"amount must be positive, got {amount}")
        old = self._totals.get(merchant, 0)
        new = old + amount
        self._totals[merchant] = new
        ranked = self._ranked
        if old:
            i = bisect_left(ranked, (-old, merchant))
            if i < len(ranked) and ranked[i] == (-old, merchant):
                del ranked[i]  # it moves up: take it out, put it back below
        entry = (-new, merchant)
        if len(ranked) < self.k:
            insort(ranked, entry)
        elif entry < ranked[-1]:
            insort(ranked, entry)
            ranked.pop()

    def top(self) -> list[tuple[str, int]]:
        """The top k as `(merchant, total)`, largest total first, ties by merchant id. O(k)."""
        return [(merchant, -negated) for negated, merchant in self._ranked]


if __name__ == "__main__":
    board = TopMerchants(k=2)
    for merchant, amount in [("acct_b", 500), ("acct_a", 300), ("acct_c", 200), ("acct_a", 200)]:
        board.add(merchant, amount)
        print(board.top())
    # the last: [('acct_a', 500), ('acct_b', 500)], a tie broken by merchant id
