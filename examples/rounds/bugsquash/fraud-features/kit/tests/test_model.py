import unittest

from features.features import FEATURES
from features.model import BLOCK_AT, FRAUD_MODEL, REVIEW_AT, Model, decide

QUIET = dict.fromkeys(FEATURES, 0.0) | {"amount_log": 1.5, "amount_vs_card_mean": 1.0}


class ModelTest(unittest.TestCase):
    def test_scores_are_probabilities(self):
        score = FRAUD_MODEL.score(QUIET)
        self.assertGreater(score, 0)
        self.assertLess(score, REVIEW_AT)

    def test_velocity_raises_the_score(self):
        busy = QUIET | {"card_payments_1h": 6.0, "card_merchants_24h": 6.0}
        self.assertGreater(FRAUD_MODEL.score(busy), FRAUD_MODEL.score(QUIET))

    def test_decisions(self):
        self.assertEqual(
            [decide(0.0), decide(REVIEW_AT), decide(BLOCK_AT)], ["allow", "review", "block"]
        )

    def test_every_feature_needs_a_weight(self):
        with self.assertRaises(ValueError):
            Model(weights={"amount_log": 1.0}, bias=0.0)

    def test_contributions_explain_a_score(self):
        name, _ = FRAUD_MODEL.contributions(QUIET | {"ip_mismatch": 1.0})[0]
        self.assertEqual(name, "ip_mismatch")
