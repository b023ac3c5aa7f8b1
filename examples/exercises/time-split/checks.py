"""Checks for the time-split exercise: public ones first, then hidden edge cases."""

import math
import random
import statistics

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


@checks.hidden("a label other than 0 or 1 is rejected", fed="time_split([1, 2], [0, 2], 0.5)")
def bad_label(t: Trial) -> None:
    rejected(t, [1, 2], [0, 2], 0.5)


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
    """An independent answer: try every cut timestamp and keep the closest size."""
    n, best = len(timestamps), None
    for cut in sorted(set(timestamps))[1:]:  # ascending: `<=` keeps the later cut on a tie
        validation = [i for i in range(n) if timestamps[i] >= cut]
        distance = abs(len(validation) - fraction * n)
        if best is None or distance <= best[0]:
            best = (distance, validation)
    if best is None:
        return "raises ValueError"
    validation = best[1]
    chosen = set(validation)
    train = [i for i in range(n) if i not in chosen]
    return expected_split(train, validation, labels)


def outcome(t: Trial, *args: object) -> object:
    try:
        return split(t, *args)
    except ValueError:
        return "raises ValueError"


@checks.hidden(
    "matches a search over every cut on 300 random cases",
    fed=(
        "300 random cases (random.Random(41)): 1 to 40 records, integer timestamps 0 to 12 "
        "(many ties), random labels, fractions k/16; compared with the closest of every "
        "possible cut, rates to within 1e-9"
    ),
)
def random_cases(t: Trial) -> None:
    rng = random.Random(41)
    cases = []
    for _ in range(300):
        n = rng.randint(1, 40)
        timestamps = [rng.randint(0, rng.choice((1, 4, 12))) for _ in range(n)]
        labels = [int(rng.random() < 0.3) for _ in range(n)]
        cases.append((timestamps, labels, rng.randint(1, 15) / 16))
    expected = [brute_force(*case) for case in cases]
    t.expect(expected)
    t.got([close_to(outcome(t, *case), want) for case, want in zip(cases, expected, strict=True)])
