"""The fraud model: logistic regression over the features, and what to do with its score."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from .features import FEATURES

REVIEW_AT = 0.08  # a person looks at the payment first
BLOCK_AT = 0.9  # declined outright


@dataclass(frozen=True)
class Model:
    weights: Mapping[str, float]
    bias: float

    def __post_init__(self) -> None:
        missing = set(FEATURES) - set(self.weights)
        if missing:
            raise ValueError(f"no weight for {', '.join(sorted(missing))}")

    def score(self, features: Mapping[str, float]) -> float:
        """The probability that the payment is fraud, by the model."""
        logit = self.bias + sum(self.weights[name] * features[name] for name in FEATURES)
        return 1 / (1 + math.exp(-logit))

    def contributions(self, features: Mapping[str, float]) -> list[tuple[str, float]]:
        """Each feature's share of the logit, largest first: why a payment scored high."""
        parts = [(name, self.weights[name] * features[name]) for name in FEATURES]
        return sorted(parts, key=lambda part: abs(part[1]), reverse=True)


# Trained offline on three months of backtest features (the training code lives elsewhere).
FRAUD_MODEL = Model(
    weights={
        "card_payments_1h": 0.85,
        "card_merchants_24h": 0.45,
        "merchant_payments_1h_log": 0.05,
        "amount_log": -0.9,
        "amount_vs_card_mean": -0.15,
        "ip_mismatch": 1.7,
        "night": 0.6,
    },
    bias=-4.2,
)


def decide(score: float) -> str:
    if score >= BLOCK_AT:
        return "block"
    if score >= REVIEW_AT:
        return "review"
    return "allow"
