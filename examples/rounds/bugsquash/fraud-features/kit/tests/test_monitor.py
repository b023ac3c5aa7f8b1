import random
import unittest

from features.monitor import drift, psi
from features.offline import backtest
from features.simulate import simulate_day


class PsiTest(unittest.TestCase):
    def test_the_same_spread_is_stable(self):
        rng = random.Random(1)
        reference = [rng.gauss(0, 1) for _ in range(2_000)]
        same = [rng.gauss(0, 1) for _ in range(2_000)]
        self.assertLess(psi(reference, same), 0.02)

    def test_a_shifted_spread_is_not(self):
        rng = random.Random(2)
        reference = [rng.gauss(0, 1) for _ in range(2_000)]
        shifted = [rng.gauss(0.5, 1) for _ in range(2_000)]
        self.assertGreater(psi(reference, shifted), 0.2)

    def test_a_day_against_itself(self):
        results = backtest(simulate_day(3, cards=120))
        self.assertTrue(all(value < 1e-9 for _, value in drift(results, results)))

    def test_psi_needs_data(self):
        with self.assertRaises(ValueError):
            psi([1.0], [1.0])
