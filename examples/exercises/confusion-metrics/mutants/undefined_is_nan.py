"""Returns NaN for a ratio whose denominator is zero instead of 0.0."""

METRICS = ("precision", "recall", "f1", "specificity", "accuracy")


def _ratio(numerator: int, denominator: int) -> float:
    """numerator / denominator, or 0.0 when the denominator is zero."""
    return numerator / denominator if denominator else float("nan")


def confusion_metrics(tp: int, fp: int, fn: int, tn: int) -> dict[str, float]:
    """Precision, recall, F1, specificity and accuracy of one confusion matrix.

    Raises TypeError when a count is not an int (bools included) and
    ValueError when a count is negative or all four are zero.
    """
    counts = {"tp": tp, "fp": fp, "fn": fn, "tn": tn}
    for name, count in counts.items():
        if isinstance(count, bool) or not isinstance(count, int):
            raise TypeError(f"{name} must be an int, got {type(count).__name__}")
        if count < 0:
            raise ValueError(f"{name} must be >= 0, got {count}")
    total = tp + fp + fn + tn
    if total == 0:
        raise ValueError("the confusion matrix is empty: there are no records to measure")
    return {
        "precision": _ratio(tp, tp + fp),
        "recall": _ratio(tp, tp + fn),
        # From the counts: equal to 2PR / (P + R), and defined when P + R is zero.
        "f1": _ratio(2 * tp, 2 * tp + fp + fn),
        "specificity": _ratio(tn, tn + fp),
        "accuracy": (tp + tn) / total,
    }


if __name__ == "__main__":
    for name, value in confusion_metrics(tp=8, fp=2, fn=4, tn=86).items():
        print(f"{name:<12} {value:.3f}")
    # precision 0.800, recall 0.667, f1 0.727, specificity 0.977, accuracy 0.940
