"""The bug report: the streaming scorer sent six times as many payments to review as the backtest.

It added each payment to the card's history before computing the payment's
features, so every velocity feature counted the payment itself: features the
model never saw in training (training/serving skew).
"""

import unittest

from features.offline import backtest
from features.online import Scorer, replay
from features.simulate import simulate_day
from tests.payments import payment


class TrainingServingSkewTest(unittest.TestCase):
    def test_a_cards_first_payment_has_no_history(self):
        result = Scorer().score(payment(1, 0))
        self.assertEqual(result.features["card_payments_1h"], 0)
        self.assertEqual(result.features["card_merchants_24h"], 0)

    def test_the_scorer_sees_what_the_backtest_saw(self):
        day = simulate_day(3, cards=120)
        for live, offline in zip(replay(day), backtest(day), strict=True):
            self.assertEqual(live.features, offline.features, live.payment_id)
