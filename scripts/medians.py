"""How the benchmarks print a figure: its median, and its range over the runs."""

from __future__ import annotations

import statistics

DIGITS = {"s": 2, "x": 1}  # seconds and ratios need decimals; ms, KiB and counts do not


def formatted(values: list[float], unit: str, scale: float = 1) -> tuple[str, str]:
    """The median of `values` times `scale`, with its unit, and "min-max" when there are several."""
    values = [value * scale for value in values]
    digits = DIGITS.get(unit, 0)
    median = f"{statistics.median(values):.{digits}f} {unit}".strip()
    spread = f"{min(values):.{digits}f}-{max(values):.{digits}f}" if len(values) > 1 else ""
    return median, spread
