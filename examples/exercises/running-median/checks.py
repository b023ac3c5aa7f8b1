"""Checks for the running-median exercise: public ones first, then hidden edge cases."""

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


@checks.hidden("NaN is rejected", fed="add(float('nan'))")
def nan_input(t: Trial) -> None:
    t.expect("raises ValueError")
    t.got(t.raises(lambda: t.code("RunningMedian")().add(float("nan"))))


LARGE = 200_000
CHECKPOINTS = (1, 2, 3, 1_000, 99_999, 100_000, 199_999, 200_000)


@checks.hidden(
    "200,000 numbers with a median after each, in under 5 s",
    fed="200,000 random integers in [-1e6, 1e6] (seed 7); median() after every add",
)
def large_stream(t: Trial) -> None:
    rng = random.Random(7)
    values = [rng.randint(-1_000_000, 1_000_000) for _ in range(LARGE)]
    t.expect({n: statistics.median(values[:n]) for n in CHECKPOINTS})
    stream = t.code("RunningMedian")()
    seen = {}
    t.budget(5.0)
    for n, x in enumerate(values, start=1):
        stream.add(x)
        median = stream.median()
        if n in CHECKPOINTS:
            seen[n] = median
        if n % 256 == 0:
            t.on_time(f"{n:,} of {LARGE:,} numbers added")
    t.got(seen)
