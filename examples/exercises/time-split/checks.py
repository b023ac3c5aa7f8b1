"""Checks for the time-split exercise: public ones first, then hidden edge cases."""

import math
import random
import statistics
from fractions import Fraction

from exercise_harness import Checks, Trial, close_to

checks = Checks()


def split(t: Trial, timestamps: list, labels: list, fraction: float) -> dict:
    """The reader's TimeSplit as a plain dict, so that it compares and prints."""
    result = t.code("time_split")(timestamps, labels, fraction)
    return {
        "train": list(result.train),
        "validation": list(result.validation),
        "train_positive_rate": result.train_positive_rate,
        "validation_positive_rate": result.validation_positive_rate,
    }


def expected_split(train: list, validation: list, labels: list) -> dict:
    return {
        "train": train,
        "validation": validation,
        "train_positive_rate": statistics.fmean(labels[i] for i in train),
        "validation_positive_rate": statistics.fmean(labels[i] for i in validation),
    }


def check_split(t: Trial, args: tuple, train: list, validation: list) -> None:
    expected = expected_split(train, validation, args[1])
    t.expect(expected)
    t.got(close_to(split(t, *args), expected))


def rejected(t: Trial, *args: object) -> None:
    t.expect("raises ValueError")
    t.got(t.raises(lambda: split(t, *args)))


@checks.public(
    "distinct timestamps: the latest 20% validate",
    fed="time_split([5, 1, 9, 3, 7, 2, 10, 4, 8, 6], [0, 0, 1, 0, 1, 0, 1, 0, 0, 0], 0.2)",
)
def distinct(t: Trial) -> None:
    args = ([5, 1, 9, 3, 7, 2, 10, 4, 8, 6], [0, 0, 1, 0, 1, 0, 1, 0, 0, 0], 0.2)
    check_split(t, args, [0, 1, 3, 4, 5, 7, 8, 9], [2, 6])


@checks.public(
    "records at the same time stay together",
    fed="time_split([1, 2, 3, 3, 3, 4], [0, 0, 1, 0, 0, 1], 0.5)",
)
def tie_block(t: Trial) -> None:
    # Asked for 3 of 6; the possible sizes are 5, 4 and 1: 4 is the closest.
    check_split(t, ([1, 2, 3, 3, 3, 4], [0, 0, 1, 0, 0, 1], 0.5), [0, 1], [2, 3, 4, 5])


@checks.public(
    "one timestamp for every record cannot be split",
    fed="time_split([7, 7, 7], [0, 1, 0], 0.3)",
)
def one_timestamp(t: Trial) -> None:
    rejected(t, [7, 7, 7], [0, 1, 0], 0.3)


@checks.hidden(
    "an equal distance goes to the smaller validation set",
    fed="time_split([1, 1, 2, 2, 3, 3], [0, 1, 0, 1, 0, 1], 0.5)",
)
def equal_distance(t: Trial) -> None:
    # Asked for 3; the cut at 2 gives 4 and the cut at 3 gives 2: both 1 away.
    check_split(t, ([1, 1, 2, 2, 3, 3], [0, 1, 0, 1, 0, 1], 0.5), [0, 1, 2, 3], [4, 5])


@checks.hidden(
    "a tiny fraction still validates on the latest time",
    fed="time_split([1, 2, 3, 4, 5], [0, 0, 0, 0, 1], 0.01)",
)
def tiny_fraction(t: Trial) -> None:
    check_split(t, ([1, 2, 3, 4, 5], [0, 0, 0, 0, 1], 0.01), [0, 1, 2, 3], [4])


@checks.hidden(
    "a huge fraction still trains on the earliest time",
    fed="time_split([1, 2, 3, 4, 5], [1, 0, 0, 0, 1], 0.99)",
)
def huge_fraction(t: Trial) -> None:
    check_split(t, ([1, 2, 3, 4, 5], [1, 0, 0, 0, 1], 0.99), [0], [1, 2, 3, 4])


@checks.hidden(
    "unsorted input with ties, indices in ascending order",
    fed="time_split([30, 10, 20, 30, 10, 40, 20, 40], [1, 0, 0, 1, 0, 1, 1, 0], 0.25)",
)
def unsorted_ties(t: Trial) -> None:
    args = ([30, 10, 20, 30, 10, 40, 20, 40], [1, 0, 0, 1, 0, 1, 1, 0], 0.25)
    check_split(t, args, [0, 1, 2, 3, 4, 6], [5, 7])


@checks.hidden(
    "two timestamps: the only possible split",
    fed="time_split([5, 5, 5, 9], [0, 0, 1, 1], 0.75)",
)
def only_split(t: Trial) -> None:
    check_split(t, ([5, 5, 5, 9], [0, 0, 1, 1], 0.75), [0, 1, 2], [3])


@checks.hidden(
    "float Unix timestamps, no positives in validation",
    fed="time_split([1.7e9 + 0.5, 1.7e9, 1.7e9 + 0.25, 1.7e9 + 86400.0], [1, 1, 0, 0], 0.25)",
)
def float_timestamps(t: Trial) -> None:
    args = ([1.7e9 + 0.5, 1.7e9, 1.7e9 + 0.25, 1.7e9 + 86400.0], [1, 1, 0, 0], 0.25)
    check_split(t, args, [0, 1, 2], [3])


@checks.hidden(
    "the inputs are not modified",
    fed="timestamps [3, 1, 2], labels [1, 0, 0]; the lists after time_split(..., 0.3)",
)
def inputs_unchanged(t: Trial) -> None:
    timestamps, labels = [3, 1, 2], [1, 0, 0]
    t.expect([[3, 1, 2], [1, 0, 0]])
    split(t, timestamps, labels, 0.3)
    t.got([timestamps, labels])


@checks.hidden("empty input is rejected", fed="time_split([], [], 0.2)")
def empty(t: Trial) -> None:
    rejected(t, [], [], 0.2)


@checks.hidden("lists of different lengths are rejected", fed="time_split([1, 2, 3], [0, 1], 0.2)")
def mismatched(t: Trial) -> None:
    rejected(t, [1, 2, 3], [0, 1], 0.2)


@checks.hidden(
    "a label other than the int 0 or 1 is rejected",
    fed="labels [0, 2], [0, True], [0, 1.0] (timestamps [1, 2], fraction 0.5)",
)
def bad_label(t: Trial) -> None:
    t.expect(["raises ValueError"] * 3)
    t.got([t.raises(lambda y=y: split(t, [1, 2], y, 0.5)) for y in ([0, 2], [0, True], [0, 1.0])])


@checks.hidden(
    "timestamps and the fraction are ints or floats: a bool or a str is a TypeError",
    fed="timestamps [1, True]; timestamps [1, '2']; fraction True; fraction '0.5'",
)
def not_numbers(t: Trial) -> None:
    calls = [([1, True], 0.5), ([1, "2"], 0.5), ([1, 2], True), ([1, 2], "0.5")]
    t.expect(["raises TypeError"] * 4)
    t.got([t.raises(lambda c=c: split(t, c[0], [0, 1], c[1])) for c in calls])


@checks.hidden(
    "the distance is exact: 0.45 of 10 records is closer to 5 than to 4",
    fed="time_split(range(10), [0] * 10, 0.45): the float 0.45 is a hair above 0.45, so "
    "0.45 * 10 is a hair above 4.5, though in floats it rounds to 4.5",
)
def exact_distance(t: Trial) -> None:
    t.expect([5, 6, 7, 8, 9])
    t.got(split(t, list(range(10)), [0] * 10, 0.45)["validation"])


@checks.hidden("a NaN timestamp is rejected", fed="time_split([1, nan, 3], [0, 1, 0], 0.3)")
def nan_timestamp(t: Trial) -> None:
    rejected(t, [1, math.nan, 3], [0, 1, 0], 0.3)


@checks.hidden(
    "a fraction outside (0, 1) is rejected",
    fed="validation_fraction 0, 1, -0.1, 1.5 and nan, on timestamps [1, 2, 3]",
)
def bad_fraction(t: Trial) -> None:
    fractions = (0, 1, -0.1, 1.5, math.nan)
    outcomes = {repr(f): t.raises(lambda f=f: split(t, [1, 2, 3], [0, 1, 0], f)) for f in fractions}
    t.expect(dict.fromkeys(outcomes, "raises ValueError"))
    t.got(outcomes)


def brute_force(timestamps: list, labels: list, fraction: float) -> object:
    """An independent answer: try every cut timestamp and keep the closest size, exactly."""
    n, best = len(timestamps), None
    for cut in sorted(set(timestamps))[1:]:  # ascending: `<=` keeps the later cut on a tie
        validation = [i for i in range(n) if timestamps[i] >= cut]
        distance = abs(len(validation) - Fraction(fraction) * n)
        if best is None or distance <= best[0]:
            best = (distance, validation)
    if best is None:
        return "raises ValueError"
    validation = best[1]
    chosen = set(validation)
    train = [i for i in range(n) if i not in chosen]
    return expected_split(train, validation, labels)


@checks.hidden(
    "matches a search over every cut on 300 random cases",
    fed=(
        "300 random cases (random.Random(41)): 1 to 40 records, integer timestamps 0 to 12 "
        "(many ties), random labels, fractions k/16 or 0.05, 0.15, ..., 0.95; compared with "
        "the exactly closest of every possible cut, rates to within 1e-9"
    ),
)
def random_cases(t: Trial) -> None:
    rng = random.Random(41)
    cases = []
    for _ in range(300):
        n = rng.randint(1, 40)
        timestamps = [rng.randint(0, rng.choice((1, 4, 12))) for _ in range(n)]
        labels = [int(rng.random() < 0.3) for _ in range(n)]
        fraction = rng.choice((rng.randint(1, 15) / 16, rng.randint(0, 9) / 10 + 0.05))
        cases.append((timestamps, labels, fraction))
    expected = [brute_force(*case) for case in cases]
    t.expect(expected)
    got = [t.outcome(lambda case=case: split(t, *case)) for case in cases]
    t.got([close_to(g, want) for g, want in zip(got, expected, strict=True)])


def plain_solution(timestamps: list, labels: list, fraction: float) -> tuple[list, list]:
    """The checks' own plain solution, the input checked too: the time budget's baseline."""
    if any(type(y) is not int or y not in (0, 1) for y in labels):
        raise ValueError("a label is not the int 0 or 1")
    if not all(type(x) in (int, float) and x == x for x in timestamps):
        raise ValueError("a timestamp is not a number")
    n, (p, q) = len(timestamps), fraction.as_integer_ratio()
    order = sorted(range(n), key=timestamps.__getitem__)
    best = None
    for start in range(n - 1, 0, -1):
        if timestamps[order[start]] != timestamps[order[start - 1]] and (
            best is None or abs((n - start) * q - p * n) < abs((n - best) * q - p * n)
        ):
            best = start
    return sorted(order[:best]), sorted(order[best:])


LARGE = 3_000
TIMES = 10  # the budget: this many times the plain solution's time, on this machine, now


@checks.hidden(
    f"{LARGE:,} records, within {TIMES} times a plain O(n log n) solution's time",
    fed=f"{LARGE:,} distinct timestamps in random order (seed 43), random labels, "
    "fraction 0.2; the sizes of both sides and the first and last validation index",
)
def large_input(t: Trial) -> None:
    rng = random.Random(43)
    timestamps = rng.sample(range(10 * LARGE), LARGE)
    labels = [rng.randint(0, 1) for _ in range(LARGE)]
    cut = sorted(timestamps)[LARGE - LARGE // 5]
    validation = [i for i, x in enumerate(timestamps) if x >= cut]
    t.expect((LARGE - len(validation), len(validation), validation[0], validation[-1]))
    t.budget_from(lambda: plain_solution(timestamps, labels, 0.2), TIMES)
    got = split(t, timestamps, labels, 0.2)
    t.on_time(f"{LARGE:,} records")
    t.got((len(got["train"]), len(got["validation"]), got["validation"][0], got["validation"][-1]))
