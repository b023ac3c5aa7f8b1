import unittest
from pathlib import Path

from ledger.journal import Journal
from ledger.records import read_export
from ledger.statements import month_bounds, monthly_statement, render

EXPORT = Path(__file__).parent.parent / "data" / "balance_export.csv"


class StatementTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        with open(EXPORT, newline="", encoding="utf-8") as file:
            cls.journal = Journal(read_export(file))

    def test_march_adds_up(self):
        statement = monthly_statement(self.journal, 2024, 3, "usd")
        moved = (
            statement.charges
            + statement.refunds
            + statement.fees
            + statement.adjustments
            + statement.payouts
        )
        self.assertEqual(statement.opening + moved, statement.closing)

    def test_one_month_closes_where_the_next_opens(self):
        february = monthly_statement(self.journal, 2024, 2, "usd")
        march = monthly_statement(self.journal, 2024, 3, "usd")
        self.assertEqual(february.closing, march.opening)

    def test_december_ends_at_new_year(self):
        start, end = month_bounds(2023, 12)
        self.assertEqual((end.year, end.month, end.day), (2024, 1, 1))
        self.assertLess(start, end)

    def test_render_shows_every_line(self):
        text = render(monthly_statement(self.journal, 2024, 3, "usd"))
        for label in ("Opening balance", "Charges", "Fees", "Payouts", "Closing balance"):
            self.assertIn(label, text)
