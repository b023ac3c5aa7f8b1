"""A sliding time window over a stream: what happened in the last ``width`` seconds.

At time ``now`` the window holds the items added at a time ``t`` with
``now - width < t <= now``: an item exactly ``width`` seconds old has left.
Items must arrive in time order; each one is added and evicted once, so a
window costs O(1) amortised per item.
"""

from __future__ import annotations

from collections import Counter, deque
from dataclasses import dataclass


@dataclass(frozen=True)
class Item:
    at: float
    amount: int
    label: str  # e.g. the merchant, for counting distinct ones


class SlidingWindow:
    def __init__(self, width: float) -> None:
        if width <= 0:
            raise ValueError(f"a window must be wider than 0 seconds, not {width}")
        self.width = width
        self._items: deque[Item] = deque()
        self._total = 0
        self._labels: Counter[str] = Counter()
        self._now = float("-inf")

    def add(self, at: float, amount: int, label: str = "") -> None:
        if at < self._now:
            raise ValueError(f"items must arrive in time order: {at} is before {self._now}")
        self.advance(at)
        self._items.append(Item(at, amount, label))
        self._total += amount
        self._labels[label] += 1

    def advance(self, now: float) -> None:
        """Move the window's end to ``now``, dropping what is now too old."""
        if now < self._now:
            raise ValueError(f"a window cannot go back in time: {now} is before {self._now}")
        self._now = now
        while self._items and self._items[0].at <= now - self.width:
            item = self._items.popleft()
            self._total -= item.amount
            self._labels[item.label] -= 1
            if not self._labels[item.label]:
                del self._labels[item.label]

    @property
    def count(self) -> int:
        return len(self._items)

    @property
    def total(self) -> int:
        return self._total

    @property
    def distinct_labels(self) -> int:
        return len(self._labels)

    def mean(self) -> float:
        return self._total / len(self._items) if self._items else 0.0
