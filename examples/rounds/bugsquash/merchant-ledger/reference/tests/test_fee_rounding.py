"""The bug report: the audit flagged fees the processor had right, one cent off each time."""

import unittest
from pathlib import Path

from ledger.audit import audit_fees
from ledger.pricing import STANDARD
from ledger.records import read_export

EXPORT = Path(__file__).parent.parent / "data" / "balance_export.csv"


class FeeRoundingTest(unittest.TestCase):
    def test_half_a_cent_rounds_up(self):
        # 2.9% of 25.00 is 0.725: 0.73 by the contract, plus 0.30. Decimal's
        # quantize() rounds halves to even by default and made it 0.72.
        self.assertEqual(STANDARD.fee_for(2_500, international=False), 103)
        self.assertEqual(STANDARD.fee_for(10_500, international=False), 335)
        # 4.4% of 8.75 is 0.385: 0.39, plus 0.30.
        self.assertEqual(STANDARD.fee_for(875, international=True), 69)

    def test_the_reported_charges_audit_clean(self):
        with open(EXPORT, newline="", encoding="utf-8") as file:
            entries = read_export(file)
        self.assertEqual(audit_fees(entries, STANDARD, "US"), [])
