"""The decision threshold with the lowest expected cost.

Contract:
- `best_threshold(scores, labels, fp_cost, fn_cost)` returns a tuple
  `(threshold, cost_per_record)`.
- A record is predicted positive when `score >= threshold`. The candidate
  thresholds are the distinct scores plus `math.inf` (flag nothing).
- The cost at a threshold is `fp_cost * FP + fn_cost * FN`; return the threshold
  with the lowest cost and that cost divided by the number of records.
  When several thresholds tie on cost, return the highest of them.
- Scores are finite ints or floats; labels are 0 or 1; costs are >= 0.
  Raise ValueError for empty input, lists of different lengths, a label that is
  not 0 or 1, a NaN or infinite score, or a negative (or NaN) cost.
- It must handle 200,000 records quickly: O(n log n), not one pass per threshold.
"""


def best_threshold(
    scores: list[float], labels: list[int], fp_cost: float, fn_cost: float
) -> tuple[float, float]:
    raise NotImplementedError("return (threshold, cost per record)")


if __name__ == "__main__":
    print(best_threshold([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1], fp_cost=1, fn_cost=5))
    # expect (0.35, 0.25)
