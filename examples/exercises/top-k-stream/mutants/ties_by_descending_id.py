"""Ranks (total, merchant) pairs from the top, so equal totals come in descending id order."""

from bisect import bisect_left, insort


class TopMerchants:
    """Running totals per merchant; the top k kept as (total, merchant), smallest first."""

    def __init__(self, k: int) -> None:
        if isinstance(k, bool) or not isinstance(k, int):
            raise TypeError(f"k must be an int, got {type(k).__name__}")
        if k < 1:
            raise ValueError(f"k must be at least 1, got {k}")
        self.k = k
        self._totals: dict[str, int] = {}
        self._ranked: list[tuple[int, str]] = []  # ascending: the best is last

    def add(self, merchant: str, amount: int) -> None:
        if not isinstance(merchant, str):
            raise TypeError(f"merchant must be a str, got {type(merchant).__name__}")
        if not merchant:
            raise ValueError("merchant must not be empty")
        if isinstance(amount, bool) or not isinstance(amount, int):
            raise TypeError(f"amount must be an int (minor units), got {type(amount).__name__}")
        if amount <= 0:
            raise ValueError(f"amount must be positive, got {amount}")
        old = self._totals.get(merchant, 0)
        new = self._totals[merchant] = old + amount
        ranked = self._ranked
        if old:
            i = bisect_left(ranked, (old, merchant))
            if i < len(ranked) and ranked[i] == (old, merchant):
                del ranked[i]
        if len(ranked) < self.k or (new, merchant) > ranked[0]:
            insort(ranked, (new, merchant))
            if len(ranked) > self.k:
                del ranked[0]

    def top(self) -> list[tuple[str, int]]:
        return [(merchant, total) for total, merchant in reversed(self._ranked)]
