"""Puts each number in the half with room instead of the half it belongs to."""

import heapq
import math


class RunningMedian:
    """The median of every number added so far.

    `_low` holds the smaller half as a max-heap (negated values); `_high` holds
    the larger half as a min-heap. `_low` has as many items as `_high`, or one more.
    """

    def __init__(self) -> None:
        self._low: list[float] = []
        self._high: list[float] = []

    def add(self, x: float) -> None:
        """Add a number; TypeError for a non-number (or a bool), ValueError for NaN or infinity."""
        if isinstance(x, bool) or not isinstance(x, int | float):
            raise TypeError(f"expected an int or a float, got {type(x).__name__}")
        # Also false for NaN, which has no place in an ordering; and the mean of
        # -inf and inf is undefined. (An int of any size passes: it is finite.)
        if not -math.inf < x < math.inf:
            raise ValueError(f"expected a finite number, got {x!r}")
        # Keep the halves the same size.
        if len(self._low) > len(self._high):
            heapq.heappush(self._high, x)
        else:
            heapq.heappush(self._low, -x)

    def median(self) -> float:
        """The middle value as added, or (a + b) / 2 of the two middle values for an even count."""
        if not self._low:
            raise ValueError("the median of an empty stream is undefined")
        if len(self._low) > len(self._high):
            return -self._low[0]
        return (-self._low[0] + self._high[0]) / 2


if __name__ == "__main__":
    stream = RunningMedian()
    for x in [5, 15, 1, 3]:
        stream.add(x)
        print(x, stream.median())  # 5, 10.0, 5, 4.0
