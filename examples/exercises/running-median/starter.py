"""The median of a stream of numbers, as they arrive.

Rules:
- `add(x)` takes an int or a float. Anything else raises TypeError; NaN raises ValueError.
- `median()` returns the middle value, or the mean of the two middle values
  when the count is even. An empty stream raises ValueError.
- Both calls should be fast on a stream of 200,000 numbers with a median
  after every add.
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
