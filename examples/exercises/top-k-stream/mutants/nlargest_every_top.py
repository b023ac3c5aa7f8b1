"""Runs heapq.nsmallest over every merchant on each top() call: O(m log k) per call."""

import heapq


class TopMerchants:
    """Running totals per merchant; the top k picked from all of them when asked."""

    def __init__(self, k: int) -> None:
        if isinstance(k, bool) or not isinstance(k, int):
            raise TypeError(f"k must be an int, got {type(k).__name__}")
        if k < 1:
            raise ValueError(f"k must be at least 1, got {k}")
        self.k = k
        self._totals: dict[str, int] = {}

    def add(self, merchant: str, amount: int) -> None:
        if not isinstance(merchant, str):
            raise TypeError(f"merchant must be a str, got {type(merchant).__name__}")
        if not merchant:
            raise ValueError("merchant must not be empty")
        if isinstance(amount, bool) or not isinstance(amount, int):
            raise TypeError(f"amount must be an int (minor units), got {type(amount).__name__}")
        if amount <= 0:
            raise ValueError(f"amount must be positive, got {amount}")
        self._totals[merchant] = self._totals.get(merchant, 0) + amount

    def top(self) -> list[tuple[str, int]]:
        # nsmallest on (-total, merchant): the largest totals, ties by merchant id.
        best = heapq.nsmallest(self.k, ((-total, m) for m, total in self._totals.items()))
        return [(merchant, -negated) for negated, merchant in best]
