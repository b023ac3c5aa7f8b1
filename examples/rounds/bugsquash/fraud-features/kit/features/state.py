"""What the features remember between payments: recent history per card and per merchant."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from .events import Payment
from .windows import SlidingWindow

HOUR = 3_600
DAY = 24 * HOUR


@dataclass(frozen=True)
class History:
    """What the state knows about a card and a merchant at one moment."""

    card_payments_1h: int
    card_payments_24h: int
    card_amount_24h: int
    card_merchants_24h: int
    merchant_payments_1h: int

    @property
    def card_mean_amount_24h(self) -> float:
        return self.card_amount_24h / self.card_payments_24h if self.card_payments_24h else 0.0


class FeatureState:
    def __init__(self) -> None:
        self._card_hour: defaultdict[str, SlidingWindow] = defaultdict(lambda: SlidingWindow(HOUR))
        self._card_day: defaultdict[str, SlidingWindow] = defaultdict(lambda: SlidingWindow(DAY))
        self._merchant_hour: defaultdict[str, SlidingWindow] = defaultdict(
            lambda: SlidingWindow(HOUR)
        )
        self.observed = 0

    def observe(self, payment: Payment) -> None:
        """Add a payment to its card's and its merchant's history."""
        self._card_hour[payment.card].add(payment.created, payment.amount, payment.merchant)
        self._card_day[payment.card].add(payment.created, payment.amount, payment.merchant)
        self._merchant_hour[payment.merchant].add(payment.created, payment.amount, payment.card)
        self.observed += 1

    def history(self, card: str, merchant: str, now: float) -> History:
        """The card's and the merchant's history as of ``now`` (a card never seen has none)."""
        card_hour = self._current(self._card_hour, card, now)
        card_day = self._current(self._card_day, card, now)
        merchant_hour = self._current(self._merchant_hour, merchant, now)
        return History(
            card_payments_1h=card_hour.count if card_hour else 0,
            card_payments_24h=card_day.count if card_day else 0,
            card_amount_24h=card_day.total if card_day else 0,
            card_merchants_24h=card_day.distinct_labels if card_day else 0,
            merchant_payments_1h=merchant_hour.count if merchant_hour else 0,
        )

    @staticmethod
    def _current(
        windows: defaultdict[str, SlidingWindow], key: str, now: float
    ) -> SlidingWindow | None:
        window = windows.get(key)  # .get: reading must not create a window
        if window is not None:
            window.advance(now)
        return window
