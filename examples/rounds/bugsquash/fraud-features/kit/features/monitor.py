"""Drift between two runs: the population stability index (PSI) of each feature and the score.

PSI compares how a sample spreads over bins against a reference sample:
``sum((actual% - expected%) * ln(actual% / expected%))`` over the reference's
quantile bins. It is 0 for identical spreads and grows with the difference;
0.1 and 0.25 are the usual (conventional, not derived) lines for "look" and
"act".
"""

from __future__ import annotations

import bisect
import math
import statistics
from collections.abc import Sequence

from .features import FEATURES
from .offline import Scored

EMPTY_BIN = 1e-4  # a share for empty bins, so the logarithm stays finite


def psi(expected: Sequence[float], actual: Sequence[float], bins: int = 10) -> float:
    if len(expected) < 2 or not actual:
        raise ValueError("psi needs at least two reference values and one actual value")
    edges = sorted(set(statistics.quantiles(expected, n=bins, method="inclusive")))
    expected_shares = _shares(expected, edges)
    actual_shares = _shares(actual, edges)
    return sum(
        (a - e) * math.log(a / e) for e, a in zip(expected_shares, actual_shares, strict=True)
    )


def _shares(values: Sequence[float], edges: list[float]) -> list[float]:
    counts = [0] * (len(edges) + 1)
    for value in values:
        counts[bisect.bisect_right(edges, value)] += 1
    return [max(count / len(values), EMPTY_BIN) for count in counts]


def drift(reference: list[Scored], live: list[Scored]) -> list[tuple[str, float]]:
    """PSI of every feature and of the score, live against reference, largest first."""
    columns = {
        name: ([r.features[name] for r in reference], [r.features[name] for r in live])
        for name in FEATURES
    }
    columns["score"] = ([r.score for r in reference], [r.score for r in live])
    found = [(name, psi(expected, actual)) for name, (expected, actual) in columns.items()]
    return sorted(found, key=lambda item: item[1], reverse=True)
