"""The decision threshold with the lowest expected cost.

Contract:
- `best_threshold(scores, labels, fp_cost, fn_cost)` returns a tuple
  `(threshold, cost_per_record)`.
- A record is predicted positive when `score >= threshold`. The candidate
  thresholds are the distinct scores plus `math.inf` (flag nothing).
- The cost at a threshold is `fp_cost * FP + fn_cost * FN`; return the threshold
  with the lowest cost and that cost divided by the number of records (a float).
  When several thresholds tie on cost, return the highest of them.
- Costs are compared exactly, as the exact values of the numbers given
  (`fractions.Fraction(0.1)` is the float 0.1 exactly), not as float sums: in
  floats 0.3 + 0.1 == 4 * 0.1, yet exactly, 0.3 + 0.1 is a hair smaller.
- Scores are finite ints or floats; labels are the ints 0 and 1; costs are
  finite ints or floats >= 0. A score or cost that is not an int or a float (a
  bool included) raises TypeError. Raise ValueError for empty input, lists of
  different lengths, a label other than the int 0 or 1 (True and 1.0 included),
  a NaN or infinite score, or a negative, NaN or infinite cost.
- It must handle large inputs quickly: O(n log n), not one pass per threshold.
"""


def best_threshold(
    scores: list[float], labels: list[int], fp_cost: float, fn_cost: float
) -> tuple[float, float]:
    raise NotImplementedError("return (threshold, cost per record)")


if __name__ == "__main__":
    print(best_threshold([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1], fp_cost=1, fn_cost=5))
    # expect (0.35, 0.25)
