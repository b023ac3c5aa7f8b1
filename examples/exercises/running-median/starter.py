"""The median of a stream of numbers, as they arrive.

Rules:
- `add(x)` takes an int or a float. Anything else, a bool included, raises
  TypeError; NaN and infinities raise ValueError. A refused value is not added.
- `median()` returns the middle value itself (an int stays an int) when the
  count is odd, and the mean of the two middle values, (a + b) / 2, when it is
  even. An empty stream raises ValueError.
- Both calls must be fast: O(log n) per add, with a median after every add on
  a stream of tens of thousands of numbers.
"""

import heapq


class RunningMedian:
    def __init__(self) -> None:
        self.values: list[float] = []

    def add(self, x: float) -> None:
        self.values.append(x)

    def median(self) -> float:
        raise NotImplementedError("return the median of the values added so far")


if __name__ == "__main__":
    stream = RunningMedian()
    for x in [5, 15, 1, 3]:
        stream.add(x)
        print(x, stream.median())  # expect 5, 10.0, 5, 4.0
    print(heapq.nsmallest(2, stream.values))
