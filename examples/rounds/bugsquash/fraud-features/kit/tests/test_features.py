import unittest

from features.features import FEATURES, compute
from features.offline import backtest
from features.state import FeatureState

from tests.payments import payment


class FeaturesTest(unittest.TestCase):
    def test_a_card_never_seen_has_no_history(self):
        features = compute(payment(1, 0), FeatureState())
        self.assertEqual(features["card_payments_1h"], 0)
        self.assertEqual(features["card_merchants_24h"], 0)
        self.assertEqual(features["amount_vs_card_mean"], 1.0)
        self.assertEqual(set(features), set(FEATURES))

    def test_the_backtest_counts_what_came_before(self):
        day = [payment(1, 0, merchant="m_1"), payment(2, 10, merchant="m_2"), payment(3, 20)]
        counts = [r.features["card_payments_1h"] for r in backtest(day)]
        self.assertEqual(counts, [0, 1, 2])
        merchants = [r.features["card_merchants_24h"] for r in backtest(day)]
        self.assertEqual(merchants, [0, 1, 2])

    def test_an_hour_later_the_hour_is_empty(self):
        day = [payment(1, 0), payment(2, 60)]
        self.assertEqual(backtest(day)[1].features["card_payments_1h"], 0)

    def test_amount_against_the_cards_mean(self):
        day = [payment(1, 0, amount=1_000), payment(2, 30, amount=3_000)]
        self.assertEqual(backtest(day)[1].features["amount_vs_card_mean"], 3.0)

    def test_ip_from_another_country(self):
        self.assertEqual(compute(payment(1, 0, ip="GB"), FeatureState())["ip_mismatch"], 1.0)
