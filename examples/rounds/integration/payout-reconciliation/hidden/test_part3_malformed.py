"""Part 3: malformed transactions are set aside, never crash the run, never reach a total."""

import unittest

from payout_answers import DAY, connect, expected_payout, got_payout, orders_for, scenario_orders
from reconcile import reconcile_payout
from sandbox import EPOCH, Account, scenarios
from sandbox.scenarios import DAMAGE


def payout_with_damage(problem):
    """Three charges in one payout; the second one's transaction damaged."""
    account = Account(seed=len(problem))
    txns = [
        account.charge(2_000 + n, created=EPOCH - 3 * DAY + n, order_id=f"ord_{n}")[1]
        for n in range(3)
    ]
    payout = account.payout(txns, created=EPOCH - DAY, arrival_date=EPOCH, status="paid")
    account.damage(txns[1], problem)
    return account, payout, txns


class BadRecords(unittest.TestCase):
    def test_each_kind_of_damage_is_set_aside(self):
        """A missing net, a string amount, a null currency, a wrong net: each set aside by id."""
        for problem in DAMAGE:
            with self.subTest(problem=problem):
                account, payout, txns = payout_with_damage(problem)
                client, _, _ = connect(account.store)
                result = reconcile_payout(client, payout["id"], orders_for(account.store))
                self.assertEqual([txn_id for txn_id, _ in result.malformed], [txns[1]["id"]])
                self.assertEqual(
                    result.by_order, {"ord_0": txns[0]["net"], "ord_2": txns[2]["net"]}
                )
                self.assertEqual(result.net_total, txns[0]["net"] + txns[2]["net"])
                self.assertEqual(result.unmatched, [])
                self.assertFalse(result.balanced)

    def test_malformed_entries_say_what_is_wrong(self):
        """Each malformed entry is (transaction id, a non-empty description of the problem)."""
        account, payout, txns = payout_with_damage("amount is a string")
        client, _, _ = connect(account.store)
        result = reconcile_payout(client, payout["id"], orders_for(account.store))
        ((txn_id, problem),) = result.malformed
        self.assertEqual(txn_id, txns[1]["id"])
        self.assertIsInstance(problem, str)
        self.assertTrue(problem.strip())

    def test_a_damaged_refund(self):
        """A refund transaction with no net is set aside; its charge still counts."""
        account = Account(seed=5)
        charge, charge_txn = account.charge(4_000, created=EPOCH - 3 * DAY, order_id="ord_1")
        _, refund_txn = account.refund(charge, 1_000, created=EPOCH - 2 * DAY)
        payout = account.payout(
            [charge_txn, refund_txn], created=EPOCH - DAY, arrival_date=EPOCH, status="paid"
        )
        account.damage(refund_txn, "net is missing")
        client, _, _ = connect(account.store)
        result = reconcile_payout(client, payout["id"], orders_for(account.store))
        self.assertEqual(result.by_order, {"ord_1": charge_txn["net"]})
        self.assertEqual([txn_id for txn_id, _ in result.malformed], [refund_txn["id"]])

    def test_every_payout_of_a_realistic_account(self):
        """Every payout of a ten-day account with four damaged records matches the books."""
        scenario = scenarios.payouts(seed=33)
        store, orders = scenario.store, scenario_orders(scenario)
        client, _, _ = connect(store)
        for payout in store.listing("payouts"):
            with self.subTest(payout=payout["id"]):
                result = reconcile_payout(client, payout["id"], orders)
                self.assertEqual(got_payout(result), expected_payout(store, payout["id"], orders))
