"""The fix: the streaming scorer computes the features the model was trained on."""

import unittest

from features.events import Payment
from features.model import BLOCK_AT, FRAUD_MODEL, REVIEW_AT
from features.offline import backtest, decision_rates
from features.online import Scorer, replay
from features.simulate import simulate_day

START = 1_709_280_000
# The shipped backtest's decisions on simulate_day(7, cards=300): allow, review, block.
PINNED_COUNTS = [591, 16, 64]


def card_payment(number, minutes, merchant):
    return Payment(f"pay_{number}", "card_9", merchant, 2_000, "US", "US", START + 60 * minutes)


class ScorerFix(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.day = simulate_day(7, cards=300)
        cls.offline = backtest(cls.day)

    def test_every_payment_of_a_day(self):
        """A simulated day: each payment's streaming features and decision equal the backtest's."""
        for live, offline in zip(replay(self.day), self.offline, strict=True):
            differ = {
                name: (value, offline.features[name])
                for name, value in live.features.items()
                if value != offline.features[name]
            }
            if differ:
                self.fail(f"{live.payment_id}, (streaming, backtest): {differ}")
            self.assertEqual(live.decision, offline.decision, live.payment_id)

    def test_another_day(self):
        """A smaller simulated day 11: the same review and block rates both ways."""
        day = simulate_day(11, cards=100)
        self.assertEqual(decision_rates(replay(day)), decision_rates(backtest(day)))

    def test_history_counts_what_came_before(self):
        """Three payments of one card: the scorer counts 0, 1, then 2 earlier ones."""
        scorer = Scorer()
        payments = [
            card_payment(1, 0, "m_1"),
            card_payment(2, 10, "m_2"),
            card_payment(3, 20, "m_1"),
        ]
        results = [scorer.score(p) for p in payments]
        self.assertEqual([r.features["card_payments_1h"] for r in results], [0, 1, 2])
        self.assertEqual([r.features["card_merchants_24h"] for r in results], [0, 1, 2])

    def test_a_retry_still_counts_once(self):
        """A retried payment gets its first answer back and is not counted a second time."""
        scorer = Scorer()
        first = scorer.score(card_payment(1, 0, "m_1"))
        self.assertIs(scorer.score(card_payment(1, 0, "m_1")), first)
        self.assertEqual(scorer.score(card_payment(2, 5, "m_1")).features["card_payments_1h"], 1)
        self.assertEqual(scorer.state.observed, 2)

    def test_the_backtest_and_the_model_are_unchanged(self):
        """The backtest, the model and its thresholds are as shipped: the bug was not there."""
        self.assertEqual((REVIEW_AT, BLOCK_AT, FRAUD_MODEL.bias), (0.08, 0.9, -4.2))
        counts = [sum(r.decision == d for r in self.offline) for d in ("allow", "review", "block")]
        self.assertEqual(counts, PINNED_COUNTS)
