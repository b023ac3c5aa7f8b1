import unittest

from ledger.pricing import STANDARD, FeeSchedule


class FeeTest(unittest.TestCase):
    def test_a_domestic_card(self):
        # 2.9% of 100.00 is 2.90, plus 0.30
        self.assertEqual(STANDARD.fee_for(10_000, international=False), 320)

    def test_a_card_from_abroad(self):
        # 4.4% of 20.00 is 0.88, plus 0.30
        self.assertEqual(STANDARD.fee_for(2_000, international=True), 118)

    def test_fractions_of_a_cent_are_rounded(self):
        # 2.9% of 9.99 is 0.28971: 0.29, plus 0.30
        self.assertEqual(STANDARD.fee_for(999, international=False), 59)

    def test_a_custom_schedule(self):
        schedule = FeeSchedule(fixed=25)
        self.assertEqual(schedule.fee_for(10_000, international=False), 315)

    def test_amounts_must_be_positive(self):
        with self.assertRaises(ValueError):
            STANDARD.fee_for(0, international=False)
