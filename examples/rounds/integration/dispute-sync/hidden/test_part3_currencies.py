"""Part 3: each currency's threshold applies in that currency's own units."""

import unittest

from dispute_answers import add_dispute, connect, expected, got, scenario_orders
from sandbox import Account, scenarios
from sync import sync_disputes

# (currency, amount in the API's units, where it belongs)
CASES = [
    ("eur", 2_499, "accepted"),
    ("eur", 2_500, "submitted"),
    ("gbp", 1_999, "accepted"),
    ("gbp", 2_200, "submitted"),  # over 20.00 GBP, though under 25.00
    ("jpy", 2_800, "accepted"),  # under 3,000 JPY: yen have no minor unit
    ("jpy", 3_000, "submitted"),
    ("jpy", 12_000, "submitted"),
    ("chf", 500, "needs_review"),  # not in the table: a person decides
]


class FourCurrencies(unittest.TestCase):
    def test_thresholds_in_each_currency(self):
        """Amounts just under and over each threshold, in eur, gbp and jpy, and a chf dispute."""
        for currency, amount, where in CASES:
            with self.subTest(currency=currency, amount=amount):
                account, orders = Account(seed=amount), {}
                dispute = add_dispute(account, orders, amount, currency=currency)
                client, _, _ = connect(account.store)
                report = sync_disputes(client, orders)
                self.assertEqual(getattr(report, where), [dispute["id"]])

    def test_a_realistic_account(self):
        """Seed 7's disputes in four currencies: every one in the right list, in order."""
        scenario = scenarios.disputes(seed=7)
        orders = scenario_orders(scenario)
        answers = expected(scenario.store, orders)
        client, _, _ = connect(scenario.store)
        self.assertEqual(got(sync_disputes(client, orders)), answers)
