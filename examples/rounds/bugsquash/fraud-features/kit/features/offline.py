"""The backtest: a day's payments scored in time order, as the model was trained.

Each payment is scored from the history before it, then added to that history.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from .events import Payment, in_time_order
from .features import compute
from .model import FRAUD_MODEL, Model, decide
from .state import FeatureState


@dataclass(frozen=True)
class Scored:
    payment_id: str
    features: dict[str, float]
    score: float
    decision: str  # allow, review or block


def backtest(payments: Iterable[Payment], model: Model = FRAUD_MODEL) -> list[Scored]:
    state = FeatureState()
    results = []
    for payment in in_time_order(payments):
        features = compute(payment, state)
        score = model.score(features)
        results.append(Scored(payment.id, features, score, decide(score)))
        state.observe(payment)
    return results


def decision_rates(results: list[Scored]) -> dict[str, float]:
    """The share of payments per decision, e.g. {"allow": 0.97, "review": 0.02, "block": 0.01}."""
    counts = Counter(result.decision for result in results)
    return {decision: counts[decision] / len(results) for decision in ("allow", "review", "block")}
