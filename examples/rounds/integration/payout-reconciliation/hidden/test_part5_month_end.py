"""Part 5: reconcile_all reconciles every payout and names the orders no payout covered."""

import unittest

from payout_answers import (
    connect,
    expected_payout,
    expected_unpaid,
    got_payout,
    orders_for,
    scenario_orders,
)
from reconcile import reconcile_all
from sandbox import EPOCH, EVERYDAY_FAULTS, Account, scenarios


class MonthEnd(unittest.TestCase):
    def check_account(self, seed):
        scenario = scenarios.payouts(seed=seed)
        store, orders = scenario.store, scenario_orders(scenario)
        client, _, _ = connect(store, faults=EVERYDAY_FAULTS, seed=seed)
        result = reconcile_all(client, orders)
        self.assertEqual(
            [payout.payout_id for payout in result.payouts],
            [payout["id"] for payout in store.listing("payouts")],
        )
        for payout in result.payouts:
            with self.subTest(payout=payout.payout_id):
                self.assertEqual(
                    got_payout(payout), expected_payout(store, payout.payout_id, orders)
                )
        self.assertEqual(result.unpaid_orders, expected_unpaid(store, orders))
        self.assertTrue(result.unpaid_orders)

    def test_a_month_on_an_everyday_sandbox(self):
        """Seed 7, everyday faults: every payout matches the books, unpaid orders listed, sorted."""
        self.check_account(7)

    def test_another_account(self):
        """Seed 11, everyday faults: the same checks on different data."""
        self.check_account(11)

    def test_an_account_with_no_payouts_yet(self):
        """No payouts yet: no payout reconciliations, and every order is unpaid."""
        account = Account(seed=1)
        for number in (3, 1, 2):
            account.charge(1_500, created=EPOCH - 3_600 * number, order_id=f"ord_{number}")
        client, _, _ = connect(account.store)
        result = reconcile_all(client, orders_for(account.store))
        self.assertEqual(result.payouts, [])
        self.assertEqual(result.unpaid_orders, ["ord_1", "ord_2", "ord_3"])
