"""Numbers the ranks from 0, so U comes out short by the number of positives."""


def _validate(scores: list[float], labels: list[int]) -> None:
    if not scores:
        raise ValueError("there are no records")
    if len(scores) != len(labels):
        raise ValueError(f"{len(scores)} scores but {len(labels)} labels")
    # `type(...) is int` refuses True and 1.0, which `label in (0, 1)` would let through.
    if any(type(label) is not int or label not in (0, 1) for label in labels):
        raise ValueError("every label must be the int 0 or 1")
    if any(isinstance(score, bool) or not isinstance(score, int | float) for score in scores):
        raise TypeError("every score must be an int or a float")
    if any(score != score for score in scores):  # only NaN differs from itself
        raise ValueError("a NaN score cannot be ranked")


def average_ranks(scores: list[float]) -> list[float]:
    """The 1-based rank of each score; equal scores share the mean of the ranks they span."""
    order = sorted(range(len(scores)), key=scores.__getitem__)
    ranks = [0.0] * len(scores)
    start = 0
    while start < len(order):
        end = start  # [start, end] will span one block of equal scores
        while end + 1 < len(order) and scores[order[end + 1]] == scores[order[start]]:
            end += 1
        shared = (start + end) / 2  # the mean of ranks start .. end
        for position in range(start, end + 1):
            ranks[order[position]] = shared
        start = end + 1
    return ranks


def roc_auc(scores: list[float], labels: list[int]) -> float:
    """The probability that a random positive outscores a random negative (ties count 1/2).

    Raises ValueError on empty or mismatched input, labels other than the ints 0
    and 1, NaN scores and labels of a single class, and TypeError on scores that
    are not numbers.
    """
    _validate(scores, labels)
    positives = sum(labels)
    negatives = len(labels) - positives
    if positives == 0 or negatives == 0:
        raise ValueError("ROC-AUC needs at least one positive and one negative")
    rank_sum = sum(rank for rank, label in zip(average_ranks(scores), labels, strict=True) if label)
    # U counts the (positive, negative) pairs the positive wins, a tie counting one half.
    # Ranks are halves, so these sums are exact floats (below 2**53): the one division
    # below is the only rounding.
    u = rank_sum - positives * (positives + 1) / 2
    return u / (positives * negatives)


if __name__ == "__main__":
    print(roc_auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]))  # 0.75
    print(roc_auc([0.2, 0.5, 0.5, 0.9], [0, 1, 0, 1]))  # 0.875
