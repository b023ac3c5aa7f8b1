"""Prices a threshold after each record, so equal scores are split across the cut."""

import math
from fractions import Fraction


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _validate(scores: list[float], labels: list[int], fp_cost: float, fn_cost: float) -> None:
    if not scores:
        raise ValueError("there are no records")
    if len(scores) != len(labels):
        raise ValueError(f"{len(scores)} scores but {len(labels)} labels")
    # `type(...) is int` refuses True and 1.0, which `label in (0, 1)` would let through.
    if any(type(label) is not int or label not in (0, 1) for label in labels):
        raise ValueError("every label must be the int 0 or 1")
    if not all(_is_number(score) for score in scores):
        raise TypeError("every score must be an int or a float")
    if not all(-math.inf < score < math.inf for score in scores):  # also false for NaN
        raise ValueError("every score must be a finite number")
    for name, cost in (("fp_cost", fp_cost), ("fn_cost", fn_cost)):
        if not _is_number(cost):
            raise TypeError(f"{name} must be an int or a float, got {type(cost).__name__}")
        if not 0 <= cost < math.inf:  # also false for NaN
            raise ValueError(f"{name} must be finite and >= 0, got {cost}")


def best_threshold(
    scores: list[float], labels: list[int], fp_cost: float, fn_cost: float
) -> tuple[float, float]:
    """The threshold with the lowest total cost, and that cost per record.

    A record is flagged when ``score >= threshold``; the candidates are the
    distinct scores and ``math.inf`` (flag nothing). The cost of a threshold is
    ``fp_cost * FP + fn_cost * FN``, compared exactly; ties go to the highest
    threshold. Raises ValueError on empty or mismatched input, labels other than
    the ints 0 and 1, non-finite scores and negative or non-finite costs, and
    TypeError on scores or costs that are not numbers.
    """
    _validate(scores, labels, fp_cost, fn_cost)
    # Floats are exact binary fractions: over one common denominator both costs are
    # integers, so every total below is exact and ties are real ties, not rounding.
    fp_exact, fn_exact = Fraction(fp_cost), Fraction(fn_cost)
    denominator = math.lcm(fp_exact.denominator, fn_exact.denominator)
    fp_units = fp_exact.numerator * (denominator // fp_exact.denominator)
    fn_units = fn_exact.numerator * (denominator // fn_exact.denominator)
    false_positives, false_negatives = 0, sum(labels)
    best = (math.inf, fn_units * false_negatives)
    # Walk down the distinct scores; each step flags one whole group of equal scores.
    ranked = sorted(zip(scores, labels, strict=True), key=lambda pair: pair[0], reverse=True)
    for score, label in ranked:
        false_positives += 1 - label
        false_negatives -= label
        cost = fp_units * false_positives + fn_units * false_negatives
        if cost < best[1]:  # strictly lower: a tie keeps the higher threshold
            best = (score, cost)
    threshold, total = best
    # int / int is correctly rounded: the exact cost per record, rounded once.
    return threshold, total / (denominator * len(scores))


if __name__ == "__main__":
    threshold, cost = best_threshold([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1], fp_cost=1, fn_cost=5)
    print(f"flag scores >= {threshold}: expected cost {cost} per record")  # 0.35, 0.25
