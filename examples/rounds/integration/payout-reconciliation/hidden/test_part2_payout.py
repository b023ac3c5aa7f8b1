"""Part 2: reconcile_payout accounts for every transaction of a payout."""

import unittest

from payout_answers import DAY, connect, expected_payout, got_payout, orders_for, scenario_orders
from reconcile import reconcile_payout
from sandbox import EPOCH, Account, scenarios


class EverythingInAPayout(unittest.TestCase):
    def reconcile(self, account, payout, orders=None):
        client, _, _ = connect(account.store)
        orders = orders_for(account.store) if orders is None else orders
        return reconcile_payout(client, payout["id"], orders)

    def test_a_payout_over_many_pages(self):
        """A payout of 230 charges (three pages of transactions) counts all 230 orders."""
        account = Account(seed=1)
        txns = [
            account.charge(1_000 + n, created=EPOCH - 9_000 + n, order_id=f"ord_{n}")[1]
            for n in range(230)
        ]
        payout = account.payout(txns, created=EPOCH - 60, arrival_date=EPOCH, status="paid")
        result = self.reconcile(account, payout)
        self.assertEqual(len(result.by_order), 230)
        self.assertEqual(result.net_total, payout["amount"])
        self.assertTrue(result.balanced)

    def test_a_refund_counts_against_its_order(self):
        """A 50.00 charge and a 20.00 refund in one payout: the order nets 50.00 - fee - 20.00."""
        account = Account(seed=2)
        charge, charge_txn = account.charge(5_000, created=EPOCH - 3 * DAY, order_id="ord_1")
        _, refund_txn = account.refund(charge, 2_000, created=EPOCH - 2 * DAY)
        payout = account.payout(
            [charge_txn, refund_txn], created=EPOCH - DAY, arrival_date=EPOCH, status="paid"
        )
        result = self.reconcile(account, payout)
        self.assertEqual(result.by_order, {"ord_1": charge_txn["net"] - 2_000})
        self.assertEqual(result.unmatched, [])
        self.assertTrue(result.balanced)

    def test_a_refund_paid_out_after_its_charge(self):
        """A refund paid out a payout later than its charge counts negatively in the later one."""
        account = Account(seed=3)
        charge, charge_txn = account.charge(8_000, created=EPOCH - 5 * DAY, order_id="ord_7")
        account.payout([charge_txn], created=EPOCH - 3 * DAY, arrival_date=EPOCH, status="paid")
        _, refund_txn = account.refund(charge, 8_000, created=EPOCH - 2 * DAY)
        later = account.payout([refund_txn], created=EPOCH - DAY, arrival_date=EPOCH, status="paid")
        result = self.reconcile(account, later)
        self.assertEqual(result.by_order, {"ord_7": -8_000})

    def test_adjustments_and_charges_without_an_order_are_unmatched(self):
        """A lost dispute's adjustment and a charge missing from orders.csv go to unmatched."""
        account = Account(seed=4)
        charge, charge_txn = account.charge(3_000, created=EPOCH - 4 * DAY, order_id="ord_1")
        _, stray_txn = account.charge(1_200, created=EPOCH - 4 * DAY + 60)
        dispute = account.dispute(charge, created=EPOCH - 3 * DAY, status="lost")
        withdrawal = account.dispute_withdrawal(dispute, created=EPOCH - 3 * DAY)
        payout = account.payout(
            [charge_txn, stray_txn, withdrawal],
            created=EPOCH - DAY,
            arrival_date=EPOCH,
            status="paid",
        )
        result = self.reconcile(account, payout)
        self.assertEqual(set(result.unmatched), {stray_txn["id"], withdrawal["id"]})
        self.assertEqual(result.by_order, {"ord_1": charge_txn["net"]})
        self.assertEqual(result.net_total, payout["amount"])

    def test_the_payouts_of_a_realistic_account(self):
        """Every payout of a ten-day account whose records are all sound matches the books."""
        scenario = scenarios.payouts(seed=21)
        store, orders = scenario.store, scenario_orders(scenario)
        damaged = {store.payout_of[txn_id] for txn_id in store.malformed}
        client, _, _ = connect(store)
        for payout in store.listing("payouts"):
            if payout["id"] in damaged:
                continue
            with self.subTest(payout=payout["id"]):
                result = reconcile_payout(client, payout["id"], orders)
                self.assertEqual(got_payout(result), expected_payout(store, payout["id"], orders))
