"""Sorts every number on each median() call: O(n log n) per median, far too slow for a stream."""

import math


class RunningMedian:
    """The median of every number added so far."""

    def __init__(self) -> None:
        self._values: list[float] = []

    def add(self, x: float) -> None:
        """Add a number; TypeError for a non-number (or a bool), ValueError for NaN or infinity."""
        if isinstance(x, bool) or not isinstance(x, int | float):
            raise TypeError(f"expected an int or a float, got {type(x).__name__}")
        if not -math.inf < x < math.inf:
            raise ValueError(f"expected a finite number, got {x!r}")
        self._values.append(x)

    def median(self) -> float:
        """The middle value as added, or (a + b) / 2 of the two middle values for an even count."""
        if not self._values:
            raise ValueError("the median of an empty stream is undefined")
        ordered = sorted(self._values)
        middle = len(ordered) // 2
        if len(ordered) % 2:
            return ordered[middle]
        return (ordered[middle - 1] + ordered[middle]) / 2
