import unittest

from ledger.audit import audit_fees, render
from ledger.pricing import STANDARD
from ledger.records import read_export

from tests.exports import charge, export


class AuditTest(unittest.TestCase):
    def test_a_fee_as_contracted_passes(self):
        entries = read_export(export(charge(1, "100.00", "3.20", "96.80")))
        self.assertEqual(audit_fees(entries, STANDARD, "US"), [])

    def test_an_overcharge_is_flagged(self):
        entries = read_export(export(charge(1, "100.00", "4.00", "96.00")))
        (found,) = audit_fees(entries, STANDARD, "US")
        self.assertEqual((found.entry_id, found.expected, found.charged), ("txn_00001", 320, 400))
        self.assertEqual(found.overcharge, 80)

    def test_cards_from_abroad_pay_more(self):
        entries = read_export(export(charge(1, "20.00", "1.18", "18.82", country="GB")))
        self.assertEqual(audit_fees(entries, STANDARD, "US"), [])

    def test_only_charges_are_audited(self):
        row = "txn_00002,refund,re_1,2024-03-05T09:00:00Z,-40.00,0.00,-40.00,usd,,"
        self.assertEqual(audit_fees(read_export(export(row)), STANDARD, "US"), [])

    def test_the_report_totals_the_overcharge(self):
        entries = read_export(export(charge(1, "100.00", "4.00", "96.00")))
        self.assertIn("Total overcharged: 0.80 USD", render(audit_fees(entries, STANDARD, "US"), 1))
