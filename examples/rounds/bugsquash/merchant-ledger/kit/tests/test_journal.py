import unittest
from datetime import UTC, datetime

from ledger.journal import Journal, JournalError
from ledger.records import read_export

from tests.exports import charge, export

ROWS = export(
    charge(1, "100.00", "3.20", "96.80", day=4),
    "txn_00002,refund,re_00001,2024-03-05T09:00:00Z,-40.00,0.00,-40.00,usd,,",
    "txn_00003,adjustment,du_00001,2024-03-06T09:00:00Z,-20.00,15.00,-35.00,usd,,",
    "txn_00004,payout,po_1,2024-03-07T06:00:00Z,-21.80,0.00,-21.80,usd,,",
)


class JournalTest(unittest.TestCase):
    def setUp(self):
        self.journal = Journal(read_export(ROWS))

    def test_every_transaction_balances(self):
        for transaction in self.journal.transactions:
            self.assertEqual(sum(p.amount for p in transaction.postings), 0)

    def test_the_balance_after_everything_is_zero(self):
        self.assertEqual(self.journal.total("balance", "usd"), 0)

    def test_totals_by_account(self):
        self.assertEqual(self.journal.total("sales", "usd"), -10_000)
        self.assertEqual(self.journal.total("fees", "usd"), 320 + 1_500)
        self.assertEqual(self.journal.total("bank", "usd"), 2_180)

    def test_a_window_of_time(self):
        start = datetime(2024, 3, 5, tzinfo=UTC)
        self.assertEqual(self.journal.total("balance", "usd", end=start), 9_680)
        self.assertEqual(self.journal.total("balance", "usd", start=start), -9_680)

    def test_unknown_account(self):
        with self.assertRaises(JournalError):
            self.journal.total("cash", "usd")
