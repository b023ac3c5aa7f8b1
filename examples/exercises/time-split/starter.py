"""A time-aware train/validation split.

Contract:
- `time_split(timestamps, labels, validation_fraction)` returns a `TimeSplit`:
  `train` and `validation`, lists of record indices in ascending order, and
  `train_positive_rate` and `validation_positive_rate`, the mean label on each side.
- Every validation record is strictly later than every train record, so records
  with the same timestamp always stay on the same side. Both sides are non-empty.
- Among the splits that satisfy this, choose the one whose validation size is
  closest to `validation_fraction * len(timestamps)`; when two are equally close,
  choose the smaller validation set (the later cut). Compute the distances
  exactly (fractions.Fraction(0.45) is the float 0.45 exactly): in floats
  0.45 * 10 rounds to 4.5, a tie, but the float 0.45 is a hair above 0.45, so
  5 records are closer than 4.
- The positive rates are reported, not balanced: a split in time cannot also be
  stratified by label, so the two rates usually differ.
- Timestamps are ints or floats (e.g. Unix seconds), in any order; labels are
  the ints 0 and 1. A timestamp or a fraction that is not an int or a float (a
  bool included) raises TypeError. Raise ValueError for empty input, lists of
  different lengths, a label other than the int 0 or 1 (True and 1.0 included),
  a NaN timestamp, a fraction outside (0, 1), or fewer than two distinct
  timestamps (no split is possible).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class TimeSplit:
    train: list[int]
    validation: list[int]
    train_positive_rate: float
    validation_positive_rate: float


def time_split(timestamps: list[float], labels: list[int], validation_fraction: float) -> TimeSplit:
    raise NotImplementedError("choose the cut timestamp, then build the two index lists")


if __name__ == "__main__":
    print(time_split([5, 1, 9, 3, 7, 2, 10, 4, 8, 6], [0, 0, 1, 0, 1, 0, 1, 0, 0, 0], 0.2))
    # expect train [0, 1, 3, 4, 5, 7, 8, 9], validation [2, 6], rates 0.125 and 1.0
