import unittest
from decimal import Decimal

from ledger.money import Money, MoneyError, format_amount, parse_amount, round_minor


class ParseAmountTest(unittest.TestCase):
    def test_major_units_become_minor_units(self):
        self.assertEqual(parse_amount("25.00", "usd"), 2500)
        self.assertEqual(parse_amount("0.1", "usd"), 10)
        self.assertEqual(parse_amount("-4.05", "usd"), -405)

    def test_zero_decimal_currencies(self):
        self.assertEqual(parse_amount("1500", "jpy"), 1500)
        with self.assertRaises(MoneyError):
            parse_amount("1.5", "jpy")

    def test_too_many_decimals_are_refused_not_rounded(self):
        with self.assertRaises(MoneyError):
            parse_amount("12.345", "usd")

    def test_not_an_amount(self):
        for text in ("", "abc", "NaN", "1e400x"):
            with self.subTest(text=text), self.assertRaises(MoneyError):
                parse_amount(text, "usd")


class FormatTest(unittest.TestCase):
    def test_format(self):
        self.assertEqual(format_amount(123456, "usd"), "1,234.56 USD")
        self.assertEqual(format_amount(-5, "usd"), "-0.05 USD")
        self.assertEqual(format_amount(1500, "jpy"), "1,500 JPY")


class RoundingTest(unittest.TestCase):
    def test_halves_go_away_from_zero(self):
        self.assertEqual(round_minor(Decimal("72.5")), 73)
        self.assertEqual(round_minor(Decimal("-72.5")), -73)
        self.assertEqual(round_minor(Decimal("72.49")), 72)


class MoneyTest(unittest.TestCase):
    def test_sums_within_a_currency(self):
        self.assertEqual(
            Money(250, "usd") + Money(100, "usd") - Money(50, "usd"), Money(300, "usd")
        )

    def test_currencies_do_not_mix(self):
        with self.assertRaises(MoneyError):
            Money(250, "usd") + Money(100, "eur")
