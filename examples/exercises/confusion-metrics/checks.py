"""Checks for the confusion-metrics exercise: public ones first, then hidden edge cases."""

import random
import statistics

from exercise_harness import Checks, Trial, close_to

checks = Checks()

KEYS = ("precision", "recall", "f1", "specificity", "accuracy")


def metrics(t: Trial, tp: object, fp: object, fn: object, tn: object) -> dict[str, object]:
    """The reader's five metrics (other keys they return are ignored)."""
    result = t.code("confusion_metrics")(tp=tp, fp=fp, fn=fn, tn=tn)
    return {k: result[k] for k in KEYS}


def check_metrics(t: Trial, counts: tuple[int, int, int, int], expected: dict) -> None:
    """Exactly: each metric is a ratio of counts, and int / int rounds it once, correctly."""
    t.expect(expected)
    t.got(metrics(t, *counts))


@checks.public("a typical matrix", fed="confusion_metrics(tp=8, fp=2, fn=4, tn=86)")
def typical(t: Trial) -> None:
    expected = {
        "precision": 8 / 10,
        "recall": 8 / 12,
        "f1": 16 / 22,
        "specificity": 86 / 88,
        "accuracy": 94 / 100,
    }
    check_metrics(t, (8, 2, 4, 86), expected)


@checks.public(
    "no predicted positives: precision and F1 are 0.0",
    fed="confusion_metrics(tp=0, fp=0, fn=5, tn=95)",
)
def nothing_flagged(t: Trial) -> None:
    expected = {"precision": 0.0, "recall": 0.0, "f1": 0.0, "specificity": 1.0, "accuracy": 0.95}
    check_metrics(t, (0, 0, 5, 95), expected)


@checks.public("a negative count is rejected", fed="confusion_metrics(tp=-1, fp=2, fn=3, tn=4)")
def negative(t: Trial) -> None:
    t.expect("raises ValueError")
    t.got(t.raises(lambda: metrics(t, -1, 2, 3, 4)))


@checks.hidden(
    "no actual positives: recall is 0.0", fed="confusion_metrics(tp=0, fp=3, fn=0, tn=7)"
)
def no_positives(t: Trial) -> None:
    expected = {"precision": 0.0, "recall": 0.0, "f1": 0.0, "specificity": 0.7, "accuracy": 0.7}
    check_metrics(t, (0, 3, 0, 7), expected)


@checks.hidden(
    "no actual negatives: specificity is 0.0", fed="confusion_metrics(tp=5, fp=0, fn=5, tn=0)"
)
def no_negatives(t: Trial) -> None:
    expected = {"precision": 1.0, "recall": 0.5, "f1": 10 / 15, "specificity": 0.0, "accuracy": 0.5}
    check_metrics(t, (5, 0, 5, 0), expected)


@checks.hidden("only true negatives", fed="confusion_metrics(tp=0, fp=0, fn=0, tn=9)")
def only_true_negatives(t: Trial) -> None:
    expected = {"precision": 0.0, "recall": 0.0, "f1": 0.0, "specificity": 1.0, "accuracy": 1.0}
    check_metrics(t, (0, 0, 0, 9), expected)


@checks.hidden("only true positives", fed="confusion_metrics(tp=4, fp=0, fn=0, tn=0)")
def only_true_positives(t: Trial) -> None:
    expected = {"precision": 1.0, "recall": 1.0, "f1": 1.0, "specificity": 0.0, "accuracy": 1.0}
    check_metrics(t, (4, 0, 0, 0), expected)


@checks.hidden(
    "F1 is 0.0, not a ZeroDivisionError, when precision and recall are both 0",
    fed="confusion_metrics(tp=0, fp=6, fn=4, tn=10)",
)
def f1_of_zeros(t: Trial) -> None:
    expected = {"precision": 0.0, "recall": 0.0, "f1": 0.0, "specificity": 10 / 16, "accuracy": 0.5}
    check_metrics(t, (0, 6, 4, 10), expected)


@checks.hidden("an empty matrix is rejected", fed="confusion_metrics(tp=0, fp=0, fn=0, tn=0)")
def empty(t: Trial) -> None:
    t.expect("raises ValueError")
    t.got(t.raises(lambda: metrics(t, 0, 0, 0, 0)))


@checks.hidden(
    "a negative count in any position is rejected",
    fed="each of tp, fp, fn, tn set to -1 in turn, the others 5",
)
def negative_anywhere(t: Trial) -> None:
    outcomes = {}
    for position, name in enumerate(("tp", "fp", "fn", "tn")):
        counts = [5, 5, 5, 5]
        counts[position] = -1
        outcomes[name] = t.raises(lambda counts=counts: metrics(t, *counts))
    t.expect(dict.fromkeys(outcomes, "raises ValueError"))
    t.got(outcomes)


@checks.hidden(
    "a count that is not an int is rejected",
    fed="tp=2.5, then 8.0, '3', None, True and False (the others 5)",
)
def not_an_int(t: Trial) -> None:
    outcomes = {
        repr(bad): t.raises(lambda bad=bad: metrics(t, bad, 5, 5, 5))
        for bad in (2.5, 8.0, "3", None, True, False)
    }
    t.expect(dict.fromkeys(outcomes, "raises TypeError"))
    t.got(outcomes)


@checks.hidden(
    "F1 is 2·TP / (2·TP + FP + FN), exactly",
    fed="confusion_metrics(tp=1, fp=0, fn=4, tn=5) and (tp=1, fp=0, fn=8, tn=1)",
)
def f1_exact(t: Trial) -> None:
    t.expect([2 / 6, 2 / 10])
    t.got([metrics(t, *counts)["f1"] for counts in ((1, 0, 4, 5), (1, 0, 8, 1))])


@checks.hidden(
    "large counts",
    fed="confusion_metrics(tp=10**12, fp=10**12, fn=3 * 10**12, tn=10**15)",
)
def large_counts(t: Trial) -> None:
    tp, fp, fn, tn = 10**12, 10**12, 3 * 10**12, 10**15
    expected = {
        "precision": 0.5,
        "recall": 0.25,
        "f1": 2 / 6,
        "specificity": tn / (tn + fp),
        "accuracy": (tp + tn) / (tp + fp + fn + tn),
    }
    check_metrics(t, (tp, fp, fn, tn), expected)


def mean_or_zero(values: list[int]) -> float:
    """The mean of `values`, or 0.0 for an empty list (the zero_division=0.0 rule)."""
    return statistics.fmean(values) if values else 0.0


def metrics_from_labels(truth: list[int], predicted: list[int]) -> dict[str, float]:
    """An independent computation: each metric as a mean over the right subset of records."""
    precision = mean_or_zero([y for y, p in zip(truth, predicted, strict=True) if p == 1])
    recall = mean_or_zero([p for y, p in zip(truth, predicted, strict=True) if y == 1])
    return {
        "precision": precision,
        "recall": recall,
        "f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        "specificity": mean_or_zero(
            [1 - p for y, p in zip(truth, predicted, strict=True) if y == 0]
        ),
        "accuracy": statistics.fmean(int(y == p) for y, p in zip(truth, predicted, strict=True)),
    }


@checks.hidden(
    "matches metrics computed from the labels on 300 random cases",
    fed=(
        "300 random pairs of label lists (random.Random(11)), 1 to 40 records each, "
        "counted into tp, fp, fn, tn; compared with means over the labels, to within 1e-9"
    ),
)
def random_cases(t: Trial) -> None:
    rng = random.Random(11)
    cases = []
    for _ in range(300):
        n = rng.randint(1, 40)
        positive_rate, flag_rate = rng.choice((0.0, 0.1, 0.5, 0.9, 1.0)), rng.random()
        truth = [int(rng.random() < positive_rate) for _ in range(n)]
        predicted = [int(rng.random() < flag_rate) for _ in range(n)]
        cases.append((truth, predicted))
    expected = [metrics_from_labels(*case) for case in cases]
    t.expect(expected)
    got = []
    for (truth, predicted), want in zip(cases, expected, strict=True):
        pairs = list(zip(truth, predicted, strict=True))
        counts = [pairs.count(cell) for cell in ((1, 1), (0, 1), (1, 0), (0, 0))]
        got.append(close_to(metrics(t, *counts), want))
    t.got(got)
