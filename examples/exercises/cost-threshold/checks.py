"""Checks for the cost-threshold exercise: public ones first, then hidden edge cases."""

import math
import random
from fractions import Fraction
from itertools import groupby

from exercise_harness import Checks, Trial, close_to

checks = Checks()

INF = math.inf


def best(t: Trial, scores: list, labels: list, fp_cost: float, fn_cost: float) -> list:
    """The reader's (threshold, cost per record), as a list so that it compares."""
    threshold, cost = t.code("best_threshold")(scores, labels, fp_cost, fn_cost)
    return [threshold, cost]


def check_best(t: Trial, args: tuple, expected: list) -> None:
    t.expect(expected)
    t.got(close_to(best(t, *args), expected))


def rejected(t: Trial, *args: object) -> None:
    t.expect("raises ValueError")
    t.got(t.raises(lambda: best(t, *args)))


@checks.public(
    "a miss costs five false alarms",
    fed="best_threshold([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1], fp_cost=1, fn_cost=5)",
)
def example(t: Trial) -> None:
    check_best(t, ([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1], 1, 5), [0.35, 1 / 4])


@checks.public(
    "when false alarms are dear, flag nothing (threshold inf)",
    fed="best_threshold([0.2, 0.6, 0.9], [0, 1, 0], fp_cost=10, fn_cost=1)",
)
def flag_nothing(t: Trial) -> None:
    check_best(t, ([0.2, 0.6, 0.9], [0, 1, 0], 10, 1), [INF, 1 / 3])


@checks.public(
    "a tie in cost goes to the higher threshold",
    fed="best_threshold([0.9, 0.6, 0.3], [1, 0, 1], fp_cost=1, fn_cost=1)",
)
def tie_goes_higher(t: Trial) -> None:
    # 0.9 costs one miss, 0.3 one false alarm: equal, so the higher one wins.
    check_best(t, ([0.9, 0.6, 0.3], [1, 0, 1], 1, 1), [0.9, 1 / 3])


@checks.public("empty input is rejected", fed="best_threshold([], [], fp_cost=1, fn_cost=1)")
def empty(t: Trial) -> None:
    rejected(t, [], [], 1, 1)


@checks.hidden(
    "equal scores are flagged together, never split",
    fed="best_threshold([0.5, 0.5, 0.5, 0.2], [1, 1, 0, 0], fp_cost=1, fn_cost=1)",
)
def groups(t: Trial) -> None:
    # Cutting inside the 0.5 group after the two positives would cost 0: not allowed.
    check_best(t, ([0.5, 0.5, 0.5, 0.2], [1, 1, 0, 0], 1, 1), [0.5, 1 / 4])


@checks.hidden(
    "a free false alarm: the highest threshold that misses nothing",
    fed="best_threshold([0.1, 0.3, 0.8, 0.5], [0, 1, 1, 0], fp_cost=0, fn_cost=1)",
)
def free_false_alarm(t: Trial) -> None:
    check_best(t, ([0.1, 0.3, 0.8, 0.5], [0, 1, 1, 0], 0, 1), [0.3, 0.0])


@checks.hidden("one record", fed="best_threshold([0.4], [1], fp_cost=1, fn_cost=1)")
def one_record(t: Trial) -> None:
    check_best(t, ([0.4], [1], 1, 1), [0.4, 0.0])


@checks.hidden(
    "no positives: flag nothing, at no cost",
    fed="best_threshold([0.3, 0.9, 0.1], [0, 0, 0], fp_cost=1, fn_cost=100)",
)
def no_positives(t: Trial) -> None:
    check_best(t, ([0.3, 0.9, 0.1], [0, 0, 0], 1, 100), [INF, 0.0])


@checks.hidden(
    "no negatives: flag everything, at no cost",
    fed="best_threshold([0.3, 0.9, 0.1], [1, 1, 1], fp_cost=100, fn_cost=1)",
)
def no_negatives(t: Trial) -> None:
    check_best(t, ([0.3, 0.9, 0.1], [1, 1, 1], 100, 1), [0.1, 0.0])


@checks.hidden(
    "integer risk scores, as on a 0-99 scale",
    fed="best_threshold([12, 80, 75, 40, 99, 75], [0, 1, 0, 0, 1, 1], fp_cost=1, fn_cost=20)",
)
def integer_scores(t: Trial) -> None:
    check_best(t, ([12, 80, 75, 40, 99, 75], [0, 1, 0, 0, 1, 1], 1, 20), [75, 1 / 6])


@checks.hidden(
    "fractional costs",
    fed="best_threshold([0.2, 0.4, 0.6, 0.8], [0, 1, 0, 1], fp_cost=0.5, fn_cost=1.25)",
)
def fractional_costs(t: Trial) -> None:
    check_best(t, ([0.2, 0.4, 0.6, 0.8], [0, 1, 0, 1], 0.5, 1.25), [0.4, 0.5 / 4])


@checks.hidden(
    "the inputs are not modified",
    fed="scores [0.7, 0.1, 0.5], labels [1, 0, 0]; the lists after the call",
)
def inputs_unchanged(t: Trial) -> None:
    scores, labels = [0.7, 0.1, 0.5], [1, 0, 0]
    t.expect([[0.7, 0.1, 0.5], [1, 0, 0]])
    best(t, scores, labels, 1, 1)
    t.got([scores, labels])


@checks.hidden(
    "lists of different lengths are rejected", fed="best_threshold([0.1, 0.2], [1], 1, 1)"
)
def mismatched(t: Trial) -> None:
    rejected(t, [0.1, 0.2], [1], 1, 1)


@checks.hidden(
    "a label other than 0 or 1 is rejected", fed="best_threshold([0.1, 0.2], [0, 2], 1, 1)"
)
def bad_label(t: Trial) -> None:
    rejected(t, [0.1, 0.2], [0, 2], 1, 1)


@checks.hidden(
    "a NaN or infinite score is rejected",
    fed="scores [0.1, nan] and then [0.1, inf], labels [0, 1]",
)
def bad_score(t: Trial) -> None:
    outcomes = [t.raises(lambda s=s: best(t, [0.1, s], [0, 1], 1, 1)) for s in (math.nan, INF)]
    t.expect(["raises ValueError"] * 2)
    t.got(outcomes)


@checks.hidden(
    "a negative, NaN or infinite cost is rejected",
    fed="fp_cost=-1, fn_cost=-1, fp_cost=nan, fn_cost=inf (scores [0.1, 0.2], labels [0, 1])",
)
def bad_cost(t: Trial) -> None:
    costs = ((-1, 1), (1, -1), (math.nan, 1), (1, INF))
    outcomes = [t.raises(lambda c=c: best(t, [0.1, 0.2], [0, 1], *c)) for c in costs]
    t.expect(["raises ValueError"] * 4)
    t.got(outcomes)


@checks.hidden(
    "a label must be the int 0 or 1: True and 1.0 are rejected",
    fed="labels [0, True], then [0, 1.0] (scores [0.1, 0.2])",
)
def label_types(t: Trial) -> None:
    outcomes = [t.raises(lambda y=y: best(t, [0.1, 0.2], y, 1, 1)) for y in ([0, True], [0, 1.0])]
    t.expect(["raises ValueError"] * 2)
    t.got(outcomes)


@checks.hidden(
    "scores and costs are ints or floats: a bool or a str is a TypeError",
    fed="scores [0.1, True]; scores [0.1, '0.2']; fp_cost=True; fn_cost='1'",
)
def not_numbers(t: Trial) -> None:
    calls = [
        ([0.1, True], 1, 1),
        ([0.1, "0.2"], 1, 1),
        ([0.1, 0.2], True, 1),
        ([0.1, 0.2], 1, "1"),
    ]
    t.expect(["raises TypeError"] * 4)
    t.got([t.raises(lambda c=c: best(t, c[0], [0, 1], c[1], c[2])) for c in calls])


@checks.hidden(
    "costs are compared exactly, not as float sums",
    fed="scores [0.9, 0.2, 0.5, 0.9, 0.9, 0.2], labels [1, 1, 1, 1, 0, 0], fp_cost=0.3, "
    "fn_cost=0.1: at 0.5 the cost is 0.3 + 0.1, at inf 4 * 0.1, equal in floats only",
)
def exact_tie(t: Trial) -> None:
    t.expect((0.5, 1 / 15))
    got = best(t, [0.9, 0.2, 0.5, 0.9, 0.9, 0.2], [1, 1, 1, 1, 0, 0], 0.3, 0.1)
    t.got(tuple(got))


@checks.hidden(
    "the cost per record is the exact cost divided by n, rounded once",
    fed="scores [0.9, 0.1, 0.1, 0.1, 0.9, 0.5], labels [0, 1, 0, 0, 1, 1], fp_cost=0.35, "
    "fn_cost=1.1",
)
def exact_cost_per_record(t: Trial) -> None:
    scores, labels = [0.9, 0.1, 0.1, 0.1, 0.9, 0.5], [0, 1, 0, 0, 1, 1]
    t.expect((0.1, float(3 * Fraction(0.35) / 6)))  # 3 false positives
    t.got(tuple(best(t, scores, labels, 0.35, 1.1)))


def brute_force(scores: list, labels: list, fp_cost: float, fn_cost: float) -> list:
    """An independent answer: every candidate, its cost counted record by record, exactly."""
    answer = None
    for threshold in [*sorted(set(scores)), INF]:  # ascending: `<=` moves a tie upwards
        fp = sum(1 for s, y in zip(scores, labels, strict=True) if s >= threshold and y == 0)
        fn = sum(1 for s, y in zip(scores, labels, strict=True) if s < threshold and y == 1)
        cost = Fraction(fp_cost) * fp + Fraction(fn_cost) * fn
        if answer is None or cost <= answer[1]:
            answer = [threshold, cost]
    return [answer[0], float(answer[1] / len(scores))]


RANDOM_COSTS = (0, 1, 5, 0.1, 0.2, 0.3, 0.7, 1.1, 2.5)


@checks.hidden(
    "matches an exact brute-force search on 300 random cases",
    fed=(
        "300 random cases (random.Random(23)): 1 to 30 scores in steps of 0.1 (many ties), "
        f"random labels, costs from {RANDOM_COSTS}; compared exactly with a cost counted "
        "in fractions at every candidate"
    ),
)
def random_cases(t: Trial) -> None:
    rng = random.Random(23)
    cases = []
    for _ in range(300):
        n = rng.randint(1, 30)
        scores = [rng.randint(0, 10) / 10 for _ in range(n)]
        labels = [int(rng.random() < s) for s in scores]
        cases.append((scores, labels, rng.choice(RANDOM_COSTS), rng.choice(RANDOM_COSTS)))
    expected = [brute_force(*case) for case in cases]
    t.expect(expected)
    t.got([list(best(t, *case)) for case in cases])


def sweep_upwards(scores: list, labels: list, fp_cost: float, fn_cost: float) -> list:
    """An independent O(n log n) answer for large input: sweep the thresholds upwards."""
    order = sorted(range(len(scores)), key=scores.__getitem__)
    fp, fn = len(labels) - sum(labels), 0  # threshold at the lowest score flags everything
    answer, i = None, 0
    while i < len(order):
        threshold = scores[order[i]]
        cost = fp_cost * fp + fn_cost * fn
        if answer is None or cost <= answer[1]:
            answer = [threshold, cost]
        while i < len(order) and scores[order[i]] == threshold:
            fp -= 1 - labels[order[i]]
            fn += labels[order[i]]
            i += 1
    if fn_cost * fn <= answer[1]:  # fn now counts every positive: the cost at +inf
        answer = [INF, fn_cost * fn]
    return [answer[0], answer[1] / len(scores)]


def plain_solution(scores: list, labels: list, fp_cost: float, fn_cost: float) -> list:
    """The checks' own plain solution, written the usual way: the time budget's baseline."""

    def finite_number(x: object) -> bool:
        return type(x) in (int, float) and -INF < x < INF

    if not all(finite_number(s) for s in scores):
        raise ValueError("a score is not a finite number")
    if any(type(y) is not int or y not in (0, 1) for y in labels):
        raise ValueError("a label is not the int 0 or 1")
    fp, fn = 0, sum(labels)
    answer = (INF, fn_cost * fn)
    ranked = sorted(zip(scores, labels, strict=True), key=lambda pair: pair[0], reverse=True)
    for score, group in groupby(ranked, key=lambda pair: pair[0]):
        for _, y in group:
            fp, fn = fp + 1 - y, fn - y
        if fp_cost * fp + fn_cost * fn < answer[1]:
            answer = (score, fp_cost * fp + fn_cost * fn)
    return [answer[0], answer[1] / len(scores)]


LARGE = 3_000
TIMES = 10  # the budget: this many times the plain solution's time, on this machine, now


@checks.hidden(
    f"{LARGE:,} scores, within {TIMES} times a plain O(n log n) solution's time",
    fed=(
        f"{LARGE:,} scores rounded to 6 decimals (random.Random(29)), labels drawn with "
        "P(1) = score / 4, fp_cost=1, fn_cost=30"
    ),
)
def large_input(t: Trial) -> None:
    rng = random.Random(29)
    scores = [round(rng.random(), 6) for _ in range(LARGE)]
    labels = [int(rng.random() < s / 4) for s in scores]
    expected = sweep_upwards(scores, labels, 1, 30)
    t.expect(expected)
    t.budget_from(lambda: plain_solution(scores, labels, 1, 30), TIMES)
    result = best(t, scores, labels, 1, 30)
    t.on_time(f"{LARGE:,} records")
    t.got(close_to(result, expected))
