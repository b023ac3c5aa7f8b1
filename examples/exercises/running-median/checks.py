"""Checks for the running-median exercise: public ones first, then hidden edge cases."""

import heapq
import math
import random
import statistics

from exercise_harness import Checks, Trial

checks = Checks()


def medians_after_each(t: Trial, values: list[float]) -> list[float]:
    stream = t.code("RunningMedian")()
    answers = []
    for x in values:
        stream.add(x)
        answers.append(stream.median())
    return answers


def expected_medians(values: list[float]) -> list[float]:
    return [statistics.median(values[: i + 1]) for i in range(len(values))]


@checks.public("one number is its own median", fed="add(5); median()")
def single(t: Trial) -> None:
    t.expect([5])
    t.got(medians_after_each(t, [5]))


@checks.public("odd and even counts", fed="add 5, 15, 1, 3; median() after each add")
def small_stream(t: Trial) -> None:
    t.expect([5, 10.0, 5, 4.0])
    t.got(medians_after_each(t, [5, 15, 1, 3]))


@checks.public("an empty stream has no median", fed="RunningMedian(); median()")
def empty(t: Trial) -> None:
    t.expect("raises ValueError")
    t.got(t.raises(lambda: t.code("RunningMedian")().median()))


@checks.hidden("an even count gives the mean of the middle two", fed="add 1, 2; median()")
def even_mean(t: Trial) -> None:
    t.expect(1.5)
    t.got(medians_after_each(t, [1, 2])[-1])


@checks.hidden("negatives and duplicates", fed="add -1, -1, -1, 2, 2, 2, 0; median() after each")
def duplicates(t: Trial) -> None:
    values = [-1, -1, -1, 2, 2, 2, 0]
    t.expect(expected_medians(values))
    t.got(medians_after_each(t, values))


@checks.hidden("floats", fed="add 0.5, 2.25, -3.75, 1e9; median() after each")
def floats(t: Trial) -> None:
    values = [0.5, 2.25, -3.75, 1e9]
    t.expect(expected_medians(values))
    t.got(medians_after_each(t, values))


@checks.hidden("ascending input", fed="add 1 .. 500 in order; median() after each")
def ascending(t: Trial) -> None:
    values = list(range(1, 501))
    t.expect(expected_medians(values))
    t.got(medians_after_each(t, values))


@checks.hidden("descending input", fed="add 500 .. 1 in order; median() after each")
def descending(t: Trial) -> None:
    values = list(range(500, 0, -1))
    t.expect(expected_medians(values))
    t.got(medians_after_each(t, values))


@checks.hidden("a string is rejected", fed="add('3')")
def string_input(t: Trial) -> None:
    t.expect("raises TypeError")
    t.got(t.raises(lambda: t.code("RunningMedian")().add("3")))


@checks.hidden("None is rejected", fed="add(None)")
def none_input(t: Trial) -> None:
    t.expect("raises TypeError")
    t.got(t.raises(lambda: t.code("RunningMedian")().add(None)))


@checks.hidden("a bool is not a number here", fed="add(True)")
def bool_input(t: Trial) -> None:
    t.expect("raises TypeError")
    t.got(t.raises(lambda: t.code("RunningMedian")().add(True)))


@checks.hidden("NaN and infinities are rejected", fed="add(nan), add(inf), add(-inf)")
def not_finite(t: Trial) -> None:
    t.expect(["raises ValueError"] * 3)
    stream = t.code("RunningMedian")()
    t.got([t.raises(lambda x=x: stream.add(float(x))) for x in ("nan", "inf", "-inf")])


@checks.hidden(
    "a refused value is not added",
    fed="add(1); add(True), add(nan), add('3') all refused; add(3); median()",
)
def refused_values_stay_out(t: Trial) -> None:
    t.expect(2.0)
    stream = t.code("RunningMedian")()
    stream.add(1)
    for bad in (True, float("nan"), "3"):
        t.raises(lambda bad=bad: stream.add(bad))
    stream.add(3)
    t.got(stream.median())


@checks.hidden(
    "the middle value itself for an odd count, a float mean for an even one",
    fed="add 7, 2, 4; median() after each, with its type",
)
def median_types(t: Trial) -> None:
    t.expect([(7, "int"), (4.5, "float"), (4, "int")])
    t.got([(m, type(m).__name__) for m in medians_after_each(t, [7, 2, 4])])


class TwoHeaps:
    """The checks' own plain solution: the time budget's baseline."""

    def __init__(self) -> None:
        self.low: list[float] = []  # the smaller half, negated
        self.high: list[float] = []

    def add(self, x: float) -> None:
        if isinstance(x, bool) or not isinstance(x, int | float) or not -math.inf < x < math.inf:
            raise ValueError(x)
        heapq.heappush(self.high, -heapq.heappushpop(self.low, -x))
        if len(self.high) > len(self.low):
            heapq.heappush(self.low, -heapq.heappop(self.high))

    def median(self) -> float:
        if len(self.low) > len(self.high):
            return -self.low[0]
        return (-self.low[0] + self.high[0]) / 2


LARGE = 15_000
CHECKPOINTS = (1, 2, 3, 1_000, LARGE // 2 - 1, LARGE // 2, LARGE - 1, LARGE)
TIMES = 8  # the budget: this many times what two heaps take, on this machine, right now


def medians_at_checkpoints(t: Trial, stream: object, values: list[int]) -> dict[int, float]:
    """Add every value with a median after each; keep the medians at the checkpoints."""
    seen = {}
    for n, x in enumerate(values, start=1):
        stream.add(x)
        median = stream.median()
        if n in CHECKPOINTS:
            seen[n] = median
        if n % 256 == 0:
            t.on_time(f"{n:,} of {len(values):,} numbers added")
    return seen


@checks.hidden(
    f"{LARGE:,} numbers with a median after each, within {TIMES} times two heaps' time",
    fed=f"{LARGE:,} random integers in [-2**20, 2**20) (seed 7); median() after every add",
)
def large_stream(t: Trial) -> None:
    rng = random.Random(7)
    values = [rng.getrandbits(21) - 2**20 for _ in range(LARGE)]
    t.expect({n: statistics.median(values[:n]) for n in CHECKPOINTS})
    t.budget_from(lambda: medians_at_checkpoints(t, TwoHeaps(), values), TIMES)
    t.got(medians_at_checkpoints(t, t.code("RunningMedian")(), values))
