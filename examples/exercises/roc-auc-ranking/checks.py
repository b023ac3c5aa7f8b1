"""Checks for the roc-auc-ranking exercise: public ones first, then hidden edge cases."""

import math
import random

from exercise_harness import Checks, Trial

checks = Checks()


def auc(t: Trial, scores: list, labels: list) -> object:
    return t.code("roc_auc")(scores, labels)


def check_auc(t: Trial, scores: list, labels: list, expected: float) -> None:
    """Exactly: U is a count of halves, so U / (P * N) needs one rounding, the last."""
    t.expect(expected)
    t.got(auc(t, scores, labels))


def rejected(t: Trial, scores: list, labels: list) -> None:
    t.expect("raises ValueError")
    t.got(t.raises(lambda: auc(t, scores, labels)))


@checks.public(
    "three of four pairs ranked right", fed="roc_auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])"
)
def example(t: Trial) -> None:
    check_auc(t, [0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1], 3 / 4)


@checks.public("a tied pair counts one half", fed="roc_auc([0.2, 0.5, 0.5, 0.9], [0, 1, 0, 1])")
def tie_counts_half(t: Trial) -> None:
    check_auc(t, [0.2, 0.5, 0.5, 0.9], [0, 1, 0, 1], 3.5 / 4)


@checks.public("one class only is rejected", fed="roc_auc([0.3, 0.6, 0.9], [1, 1, 1])")
def one_class(t: Trial) -> None:
    rejected(t, [0.3, 0.6, 0.9], [1, 1, 1])


@checks.hidden("a perfect ranking scores 1.0", fed="roc_auc([0.9, 0.1, 0.8, 0.2], [1, 0, 1, 0])")
def perfect(t: Trial) -> None:
    check_auc(t, [0.9, 0.1, 0.8, 0.2], [1, 0, 1, 0], 1.0)


@checks.hidden("a reversed ranking scores 0.0", fed="roc_auc([0.9, 0.1, 0.8, 0.2], [0, 1, 0, 1])")
def reversed_ranking(t: Trial) -> None:
    check_auc(t, [0.9, 0.1, 0.8, 0.2], [0, 1, 0, 1], 0.0)


@checks.hidden("all scores equal give 0.5", fed="roc_auc([0.7] * 5, [1, 0, 0, 1, 0])")
def all_equal(t: Trial) -> None:
    check_auc(t, [0.7] * 5, [1, 0, 0, 1, 0], 0.5)


@checks.hidden(
    "a long run of ties among many scores",
    fed="roc_auc([1, 2, 2, 2, 2, 3, 4], [0, 1, 0, 0, 1, 1, 0])",
)
def tie_block(t: Trial) -> None:
    # Positives 2, 2, 3 against negatives 1, 2, 2, 4: wins 1 + 1 + 3, ties 2 + 2 (count 1/2).
    check_auc(t, [1, 2, 2, 2, 2, 3, 4], [0, 1, 0, 0, 1, 1, 0], (5 + 4 / 2) / 12)


@checks.hidden("two records", fed="roc_auc([0.3, 0.2], [1, 0])")
def two_records(t: Trial) -> None:
    check_auc(t, [0.3, 0.2], [1, 0], 1.0)


@checks.hidden(
    "infinite scores still rank",
    fed="roc_auc([-inf, 0.5, inf, 0.5], [0, 1, 1, 0])",
)
def infinities(t: Trial) -> None:
    check_auc(t, [-math.inf, 0.5, math.inf, 0.5], [0, 1, 1, 0], 3.5 / 4)


@checks.hidden(
    "the inputs are not modified",
    fed="scores [0.7, 0.1, 0.5], labels [1, 0, 0]; the lists after the call",
)
def inputs_unchanged(t: Trial) -> None:
    scores, labels = [0.7, 0.1, 0.5], [1, 0, 0]
    t.expect([[0.7, 0.1, 0.5], [1, 0, 0]])
    auc(t, scores, labels)
    t.got([scores, labels])


@checks.hidden("only negatives are rejected", fed="roc_auc([0.3, 0.6], [0, 0])")
def only_negatives(t: Trial) -> None:
    rejected(t, [0.3, 0.6], [0, 0])


@checks.hidden("empty input is rejected", fed="roc_auc([], [])")
def empty(t: Trial) -> None:
    rejected(t, [], [])


@checks.hidden("lists of different lengths are rejected", fed="roc_auc([0.1, 0.2, 0.3], [0, 1])")
def mismatched(t: Trial) -> None:
    rejected(t, [0.1, 0.2, 0.3], [0, 1])


@checks.hidden(
    "a label other than the int 0 or 1 is rejected",
    fed="labels [0, -1], [0, True], [0, 1.0] (scores [0.1, 0.2])",
)
def bad_label(t: Trial) -> None:
    t.expect(["raises ValueError"] * 3)
    t.got([t.raises(lambda y=y: auc(t, [0.1, 0.2], y)) for y in ([0, -1], [0, True], [0, 1.0])])


@checks.hidden(
    "a score that is not an int or a float is a TypeError",
    fed="scores [0.1, True], then [0.1, '0.2'] (labels [0, 1])",
)
def bad_score_type(t: Trial) -> None:
    t.expect(["raises TypeError"] * 2)
    t.got([t.raises(lambda s=s: auc(t, s, [0, 1])) for s in ([0.1, True], [0.1, "0.2"])])


@checks.hidden("a NaN score is rejected", fed="roc_auc([0.1, nan, 0.3], [0, 1, 1])")
def nan_score(t: Trial) -> None:
    rejected(t, [0.1, math.nan, 0.3], [0, 1, 1])


def pair_count(scores: list, labels: list) -> float:
    """An independent answer: every (positive, negative) pair, a win 1, a tie 1/2."""
    positives = [s for s, y in zip(scores, labels, strict=True) if y == 1]
    negatives = [s for s, y in zip(scores, labels, strict=True) if y == 0]
    wins = sum((p > n) + (p == n) / 2 for p in positives for n in negatives)
    return wins / (len(positives) * len(negatives))


@checks.hidden(
    "matches a brute-force pair count on 300 random cases",
    fed=(
        "300 random cases (random.Random(31)): 2 to 40 records with both classes, scores "
        "either integers 0 to 5 (many ties) or random floats; compared exactly with a "
        "count over every (positive, negative) pair"
    ),
)
def random_cases(t: Trial) -> None:
    rng = random.Random(31)
    cases = []
    for _ in range(300):
        n = rng.randint(2, 40)
        if rng.random() < 0.5:
            scores = [rng.randint(0, 5) for _ in range(n)]
        else:
            scores = [rng.gauss(0, 1) for _ in range(n)]
        labels = [int(rng.random() < 0.3) for _ in range(n)]
        i, j = rng.sample(range(n), 2)
        labels[i], labels[j] = 1, 0  # both classes, whatever the draw
        cases.append((scores, labels))
    expected = [pair_count(*case) for case in cases]
    t.expect(expected)
    t.got([auc(t, *case) for case in cases])


def sweep_count(scores: list, labels: list) -> float:
    """An independent O(n log n) answer: sweep blocks of equal scores upwards, counting
    the negatives already passed (each positive beats them) and the ties in each block."""
    order = sorted(range(len(scores)), key=scores.__getitem__)
    wins, negatives_below, i = 0.0, 0, 0
    while i < len(order):
        score, block_positives, block_negatives = scores[order[i]], 0, 0
        while i < len(order) and scores[order[i]] == score:
            block_positives += labels[order[i]]
            block_negatives += 1 - labels[order[i]]
            i += 1
        wins += block_positives * (negatives_below + block_negatives / 2)
        negatives_below += block_negatives
    positives = sum(labels)
    return wins / (positives * (len(labels) - positives))


def plain_solution(scores: list, labels: list) -> float:
    """The checks' own plain solution, the input checked too: the time budget's baseline."""
    if any(type(y) is not int or y not in (0, 1) for y in labels):
        raise ValueError("a label is not the int 0 or 1")
    if any(type(s) not in (int, float) or s != s for s in scores):
        raise ValueError("a score is not a number")
    return sweep_count(scores, labels)


LARGE = 5_000
TIMES = 12  # the budget: this many times the plain solution's time, on this machine, now


@checks.hidden(
    f"{LARGE:,} scores, within {TIMES} times a plain O(n log n) solution's time",
    fed=(
        f"{LARGE:,} scores rounded to 4 decimals (random.Random(37)), labels drawn with "
        "P(1) = score: about as many positives as negatives, so n² / 4 pairs"
    ),
)
def large_input(t: Trial) -> None:
    rng = random.Random(37)
    scores = [round(rng.random(), 4) for _ in range(LARGE)]
    labels = [int(rng.random() < s) for s in scores]
    expected = sweep_count(scores, labels)
    t.expect(expected)
    t.budget_from(lambda: plain_solution(scores, labels), TIMES)
    result = auc(t, scores, labels)
    t.on_time(f"{LARGE:,} records")
    t.got(result)
