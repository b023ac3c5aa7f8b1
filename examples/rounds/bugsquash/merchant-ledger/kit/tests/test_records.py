import unittest
from datetime import UTC, datetime

from ledger.records import ExportError, read_export

from tests.exports import HEADER, charge, export


class ReadExportTest(unittest.TestCase):
    def test_rows_become_entries_oldest_first(self):
        entries = read_export(
            export(
                charge(2, "20.00", "0.88", "19.12", day=5),
                charge(1, "100.00", "3.20", "96.80", day=4),
            )
        )
        self.assertEqual([entry.id for entry in entries], ["txn_00001", "txn_00002"])
        first = entries[0]
        self.assertEqual((first.amount, first.fee, first.net), (10_000, 320, 9_680))
        self.assertEqual(first.created, datetime(2024, 3, 4, 10, 0, 1, tzinfo=UTC))

    def test_net_must_be_amount_minus_fee(self):
        with self.assertRaises(ExportError) as raised:
            read_export(export(charge(1, "100.00", "3.20", "96.00")))
        self.assertEqual(raised.exception.line, 2)

    def test_missing_columns(self):
        with self.assertRaises(ExportError):
            read_export(["id,type,amount", "txn_1,charge,1.00"])

    def test_times_need_a_zone(self):
        row = charge(1, "1.00", "0.33", "0.67").replace("Z,", ",")
        with self.assertRaises(ExportError):
            read_export([HEADER, row])

    def test_a_refund_is_negative(self):
        row = "txn_00009,refund,re_1,2024-03-05T10:00:00Z,5.00,0.00,5.00,usd,,"
        with self.assertRaises(ExportError):
            read_export(export(row))

    def test_the_same_entry_twice(self):
        row = charge(1, "100.00", "3.20", "96.80")
        with self.assertRaises(ExportError):
            read_export(export(row, row))
