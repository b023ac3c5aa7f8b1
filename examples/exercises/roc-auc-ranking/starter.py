"""ROC-AUC from scores, by ranking.

Contract:
- `roc_auc(scores, labels)` returns the ROC-AUC as a float: the probability
  that a randomly chosen positive scores higher than a randomly chosen negative,
  where a tie counts one half.
- Compute it with ranks (the Mann-Whitney U statistic), giving tied scores the
  average of the ranks they span: O(n log n). Counting all pairs is O(n²) and
  too slow for the hidden large check.
- Scores are ints or floats (infinities are fine); a score that is not (a bool
  included) raises TypeError. Labels are the ints 0 and 1. Raise ValueError for
  empty input, lists of different lengths, a label other than the int 0 or 1
  (True and 1.0 included), a NaN score, or labels of only one class (AUC is
  then undefined).
- Return U / (P * N) rounded once: U is a whole number of pairs or a half (sums
  of average ranks, which are halves, are exact in floats), so divide once.
"""


def roc_auc(scores: list[float], labels: list[int]) -> float:
    raise NotImplementedError("rank the scores, sum the positives' ranks, and normalise")


if __name__ == "__main__":
    print(roc_auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]))  # expect 0.75
    print(roc_auc([0.2, 0.5, 0.5, 0.9], [0, 1, 0, 1]))  # expect 0.875: one tie counts half
