"""The feature vector of a payment: the payment itself, and what came before it.

Every feature describes the payment and the card's and merchant's history
*before* it: the model was trained on the backtest's features (offline.py),
which are computed that way.
"""

from __future__ import annotations

import math
from datetime import UTC, datetime

from .events import Payment
from .state import FeatureState

FEATURES = (
    "card_payments_1h",
    "card_merchants_24h",
    "merchant_payments_1h_log",
    "amount_log",
    "amount_vs_card_mean",
    "ip_mismatch",
    "night",
)


def compute(payment: Payment, state: FeatureState) -> dict[str, float]:
    history = state.history(payment.card, payment.merchant, payment.created)
    mean = history.card_mean_amount_24h
    hour = datetime.fromtimestamp(payment.created, UTC).hour
    return {
        "card_payments_1h": float(history.card_payments_1h),
        "card_merchants_24h": float(history.card_merchants_24h),
        "merchant_payments_1h_log": math.log1p(history.merchant_payments_1h),
        "amount_log": math.log10(payment.amount / 100),
        "amount_vs_card_mean": payment.amount / mean if mean else 1.0,
        "ip_mismatch": float(payment.ip_country != payment.card_country),
        "night": float(hour < 6),  # 00:00-06:00 UTC
    }
