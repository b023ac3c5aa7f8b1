"""The fix: fees round halves up, for any amount and any schedule; the rest is unchanged."""

import unittest
from decimal import Decimal
from pathlib import Path

from ledger.audit import audit_fees
from ledger.journal import Journal
from ledger.pricing import STANDARD, FeeSchedule
from ledger.records import read_export
from ledger.statements import monthly_statement

# The export as the kit shipped it, whatever happened to the reader's copy.
EXPORT = Path(__file__).parents[1] / "kit" / "data" / "balance_export.csv"


def contract_fee(amount, per_mille, fixed=30):
    """per_mille/1000 of the amount, halves rounded up, in integers only."""
    return (amount * per_mille + 500) // 1000 + fixed


def entries():
    with open(EXPORT, newline="", encoding="utf-8") as file:
        return read_export(file)


class FeeFix(unittest.TestCase):
    def test_every_amount_up_to_50_dollars(self):
        """Every amount from 0.01 to 50.00: the contract's fee, domestic and from abroad."""
        for amount in range(1, 5_001):
            self.assertEqual(
                STANDARD.fee_for(amount, international=False), contract_fee(amount, 29)
            )
            self.assertEqual(STANDARD.fee_for(amount, international=True), contract_fee(amount, 44))

    def test_every_half_cent_up_to_1000_dollars(self):
        """Every amount whose percentage ends in exactly half a cent, up to 1,000.00, rounds up."""
        for amount in range(500, 100_001, 1_000):  # 2.9% of these ends in .5
            self.assertEqual(
                STANDARD.fee_for(amount, international=False), contract_fee(amount, 29)
            )
        for amount in range(125, 100_001, 250):  # 4.4% of these ends in .5
            self.assertEqual(STANDARD.fee_for(amount, international=True), contract_fee(amount, 44))

    def test_any_schedule(self):
        """A 2.5% + 0.25 schedule rounds halves up too: 2.5% of 0.20 is 0.005, so 0.01."""
        schedule = FeeSchedule(percent=Decimal("2.5"), fixed=25)
        self.assertEqual(schedule.fee_for(20, international=False), 26)
        self.assertEqual(schedule.fee_for(60, international=False), 27)

    def test_amounts_must_still_be_positive(self):
        """A zero or negative charge amount is still refused."""
        for amount in (0, -2_500):
            with self.assertRaises(ValueError):
                STANDARD.fee_for(amount, international=False)

    def test_the_export_audits_clean(self):
        """The shipped export: no charge flagged, as the processor said."""
        self.assertEqual(audit_fees(entries(), STANDARD, "US"), [])

    def test_statements_are_unchanged(self):
        """March's statement still matches the export: the fix touched fees, not the books."""
        statement = monthly_statement(Journal(entries()), 2024, 3, "usd")
        self.assertEqual(
            (statement.opening, statement.charges, statement.fees, statement.closing),
            (27_145, 510_652, -22_467, 51_259),
        )
