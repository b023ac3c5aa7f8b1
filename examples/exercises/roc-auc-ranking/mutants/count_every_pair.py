"""Counts every (positive, negative) pair: right, and O(P x N), quadratic on large input."""


def _validate(scores: list[float], labels: list[int]) -> None:
    if not scores:
        raise ValueError("there are no records")
    if len(scores) != len(labels):
        raise ValueError(f"{len(scores)} scores but {len(labels)} labels")
    if any(type(label) is not int or label not in (0, 1) for label in labels):
        raise ValueError("every label must be the int 0 or 1")
    if any(isinstance(score, bool) or not isinstance(score, int | float) for score in scores):
        raise TypeError("every score must be an int or a float")
    if any(score != score for score in scores):  # only NaN differs from itself
        raise ValueError("a NaN score cannot be ranked")


def roc_auc(scores: list[float], labels: list[int]) -> float:
    """The probability that a random positive outscores a random negative (ties count 1/2)."""
    _validate(scores, labels)
    positive = [s for s, y in zip(scores, labels, strict=True) if y == 1]
    negative = [s for s, y in zip(scores, labels, strict=True) if y == 0]
    if not positive or not negative:
        raise ValueError("ROC-AUC needs at least one positive and one negative")
    doubled_wins = sum(2 if p > n else 1 if p == n else 0 for p in positive for n in negative)
    return doubled_wins / (2 * len(positive) * len(negative))
