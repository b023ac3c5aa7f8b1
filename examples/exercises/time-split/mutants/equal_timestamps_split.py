"""Cuts at the closest position in time order, even between two equal timestamps."""

from dataclasses import dataclass


@dataclass(frozen=True)
class TimeSplit:
    """Indices of each side (ascending) and the share of positive labels on each side."""

    train: list[int]
    validation: list[int]
    train_positive_rate: float
    validation_positive_rate: float


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _validate(timestamps: list[float], labels: list[int], validation_fraction: float) -> None:
    if not timestamps:
        raise ValueError("there are no records")
    if len(timestamps) != len(labels):
        raise ValueError(f"{len(timestamps)} timestamps but {len(labels)} labels")
    # `type(...) is int` refuses True and 1.0, which `label in (0, 1)` would let through.
    if any(type(label) is not int or label not in (0, 1) for label in labels):
        raise ValueError("every label must be the int 0 or 1")
    if not all(_is_number(t) for t in timestamps):
        raise TypeError("every timestamp must be an int or a float")
    if any(t != t for t in timestamps):  # only NaN differs from itself
        raise ValueError("a NaN timestamp has no place in time")
    if not _is_number(validation_fraction):
        raise TypeError(f"validation_fraction must be a number, got {validation_fraction!r}")
    if not 0 < validation_fraction < 1:  # also rejects NaN
        raise ValueError(f"validation_fraction must be in (0, 1), got {validation_fraction}")


def time_split(timestamps: list[float], labels: list[int], validation_fraction: float) -> TimeSplit:
    """Split so that every validation record is strictly later than every train record.

    The validation set is every record at or after a cut timestamp; the cut is the
    one whose validation size is closest to ``validation_fraction * n``, the later
    cut on an equal distance, the distances computed exactly. Raises ValueError on
    invalid input and when fewer than two distinct timestamps leave no split, and
    TypeError on timestamps or a fraction that are not numbers. O(n log n).
    """
    _validate(timestamps, labels, validation_fraction)
    n = len(timestamps)
    # Exactly: a float is a binary fraction p / q, so each distance times q is an integer.
    # In floats 0.45 * 10 rounds to 4.5, a tie; exactly it is a hair above, and 5 is closer.
    p, q = validation_fraction.as_integer_ratio()
    order = sorted(range(n), key=timestamps.__getitem__)
    best_start = None  # position in `order` where validation begins
    # Walk the cut from the latest timestamp backwards: validation only grows, so a
    # strictly-better test keeps the later cut on an equal distance.
    for start in range(n - 1, 0, -1):
        if best_start is None or abs((n - start) * q - p * n) < abs((n - best_start) * q - p * n):
            best_start = start
    if best_start is None:
        raise ValueError("every record has the same timestamp: no split in time is possible")
    train = sorted(order[:best_start])
    validation = sorted(order[best_start:])
    return TimeSplit(
        train=train,
        validation=validation,
        train_positive_rate=sum(labels[i] for i in train) / len(train),
        validation_positive_rate=sum(labels[i] for i in validation) / len(validation),
    )


if __name__ == "__main__":
    split = time_split([5, 1, 9, 3, 7, 2, 10, 4, 8, 6], [0, 0, 1, 0, 1, 0, 1, 0, 0, 0], 0.2)
    print(split.train, split.validation)  # [0, 1, 3, 4, 5, 7, 8, 9] [2, 6]
    print(split.train_positive_rate, split.validation_positive_rate)  # 0.125 1.0
