"""Per-payment card features for a fraud model, computed only from earlier payments."""

from bisect import bisect_left
from collections import defaultdict
from itertools import accumulate

WINDOW_SECONDS = 3_600  # "in the last hour"
REQUIRED_KEYS = ("id", "card", "amount", "time")


def card_features(payments: list[dict]) -> list[dict]:
    """Features of each payment, from the same card's strictly earlier payments.

    ``card_payments_1h`` counts the card's payments at most one hour before this
    one; a payment in the same second is not earlier. ``amount_vs_card_mean``
    divides the amount by the mean of all the card's earlier amounts, and is
    None for a card's first payment. A repeated id is a replay: it counts once
    and gets the first occurrence's features. Results follow the input order;
    the caller's list and dicts are not changed. O(n log n) time, O(n) memory.
    """
    first_seen: dict[str, dict] = {}
    for payment in payments:
        _validate(payment)
        first_seen.setdefault(payment["id"], payment)
    histories: dict[str, list[dict]] = defaultdict(list)
    for payment in sorted(first_seen.values(), key=lambda p: p["time"]):
        histories[payment["card"]].append(payment)
    features: dict[str, dict] = {}
    for history in histories.values():
        features.update(_card_history_features(history))
    return [dict(features[payment["id"]]) for payment in payments]


def _validate(payment: dict) -> None:
    missing = [key for key in REQUIRED_KEYS if key not in payment]
    if missing:
        raise ValueError(f"payment {payment.get('id')!r} is missing {', '.join(missing)}")
    amount = payment["amount"]
    if isinstance(amount, bool) or not isinstance(amount, int | float) or not amount > 0:
        raise ValueError(
            f"payment {payment['id']!r} has amount {amount!r}; expected a positive number"
        )


def _card_history_features(history: list[dict]) -> dict[str, dict]:
    """Features of one card's payments, given in time order, keyed by payment id."""
    times = [payment["time"] for payment in history]
    spent_before = list(accumulate((payment["amount"] for payment in history), initial=0.0))
    features = {}
    for payment in history:
        earlier = bisect_left(times, payment["time"])  # payments strictly before this one
        in_window = earlier - bisect_left(times, payment["time"] - WINDOW_SECONDS)
        mean_before = spent_before[earlier] / earlier if earlier else None
        features[payment["id"]] = {
            "id": payment["id"],
            "card_payments_1h": in_window,
            "amount_vs_card_mean": payment["amount"] / mean_before if mean_before else None,
        }
    return features
