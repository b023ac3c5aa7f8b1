"""Confusion-matrix metrics from the four counts of a binary classifier.

Contract:
- `confusion_metrics(tp, fp, fn, tn)` returns a dict with the keys "precision",
  "recall", "f1", "specificity" and "accuracy", each a float in [0, 1]: the
  ratio of counts below, as int / int gives it (unrounded).
- A ratio whose denominator is zero is 0.0 (scikit-learn's `zero_division=0.0`):
  no predicted positives gives precision 0.0, no actual positives gives
  recall 0.0, no actual negatives gives specificity 0.0, and F1 is
  2·TP / (2·TP + FP + FN), 0.0 when that denominator is zero.
- Each count must be an int (not a bool): anything else raises TypeError.
  A negative count raises ValueError, and so does a matrix of four zeros:
  with no records there is nothing to measure.
"""


def confusion_metrics(tp: int, fp: int, fn: int, tn: int) -> dict[str, float]:
    raise NotImplementedError("compute the five metrics from the four counts")


if __name__ == "__main__":
    print(confusion_metrics(tp=8, fp=2, fn=4, tn=86))
    # expect precision 0.8, recall 0.667, f1 0.727, specificity 0.977, accuracy 0.94
