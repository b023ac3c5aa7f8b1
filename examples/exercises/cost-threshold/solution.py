"""The cost-minimising decision threshold, in one sorted sweep: O(n log n)."""

import math
from itertools import groupby


def _validate(scores: list[float], labels: list[int], fp_cost: float, fn_cost: float) -> None:
    if not scores:
        raise ValueError("there are no records")
    if len(scores) != len(labels):
        raise ValueError(f"{len(scores)} scores but {len(labels)} labels")
    if any(label not in (0, 1) for label in labels):
        raise ValueError("every label must be 0 or 1")
    if not all(math.isfinite(score) for score in scores):
        raise ValueError("every score must be a finite number")
    for name, cost in (("fp_cost", fp_cost), ("fn_cost", fn_cost)):
        if not cost >= 0:  # also catches NaN
            raise ValueError(f"{name} must be >= 0, got {cost}")


def best_threshold(
    scores: list[float], labels: list[int], fp_cost: float, fn_cost: float
) -> tuple[float, float]:
    """The threshold with the lowest total cost, and that cost per record.

    A record is flagged when ``score >= threshold``; the candidates are the
    distinct scores and ``math.inf`` (flag nothing). The cost of a threshold is
    ``fp_cost * FP + fn_cost * FN``; ties go to the highest threshold.
    Raises ValueError on empty or mismatched input, labels other than 0 and 1,
    non-finite scores and negative costs.
    """
    _validate(scores, labels, fp_cost, fn_cost)
    false_positives, false_negatives = 0, sum(labels)
    best = (math.inf, fn_cost * false_negatives)
    # Walk down the distinct scores; each step flags one whole group of equal scores.
    ranked = sorted(zip(scores, labels, strict=True), key=lambda pair: pair[0], reverse=True)
    for score, group in groupby(ranked, key=lambda pair: pair[0]):
        positives = negatives = 0
        for _, label in group:
            positives += label
            negatives += 1 - label
        false_positives += negatives
        false_negatives -= positives
        cost = fp_cost * false_positives + fn_cost * false_negatives
        if cost < best[1]:  # strictly lower: a tie keeps the higher threshold
            best = (score, cost)
    threshold, total = best
    return threshold, total / len(scores)


if __name__ == "__main__":
    threshold, cost = best_threshold([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1], fp_cost=1, fn_cost=5)
    print(f"flag scores >= {threshold}: expected cost {cost} per record")  # 0.35, 0.25
