import unittest

from features.online import Scorer

from tests.payments import payment


class ScorerTest(unittest.TestCase):
    def test_a_payment_gets_a_decision(self):
        result = Scorer().score(payment(1, 0))
        self.assertEqual(result.payment_id, "pay_0001")
        self.assertIn(result.decision, ("allow", "review", "block"))
        self.assertTrue(0 < result.score < 1)

    def test_a_retry_gets_the_same_answer_and_counts_once(self):
        scorer = Scorer()
        first = scorer.score(payment(1, 0))
        self.assertIs(scorer.score(payment(1, 0)), first)
        self.assertEqual(scorer.state.observed, 1)

    def test_a_card_testing_burst_is_blocked(self):
        scorer = Scorer()
        burst = [payment(n, n, merchant=f"m_{n}", amount=150, ip="GB") for n in range(1, 13)]
        decisions = [scorer.score(p).decision for p in burst]
        self.assertEqual(decisions[-1], "block")
