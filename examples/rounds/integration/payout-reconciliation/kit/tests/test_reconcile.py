"""The reconciliation against small accounts made for each case."""

import unittest

import sandbox
from client import PaymentsClient
from orders import Order
from reconcile import reconcile_all, reconcile_payout
from sandbox import EPOCH, Account

DAY = 86_400


def connect(account):
    transport, clock = sandbox.in_process(account.store)
    return PaymentsClient(transport, sleep=clock.sleep)


def orders_of(account):
    return [
        Order(charge["metadata"]["order_id"], charge["id"], charge["amount"], charge["currency"])
        for charge in account.store.objects["charges"].values()
    ]


class ReconcileTest(unittest.TestCase):
    def test_a_small_payout_balances(self):
        account = Account(seed=1)
        txns = [
            account.charge(2_500 * n, created=EPOCH - 2 * DAY + n, order_id=f"ord_{n}")[1]
            for n in (1, 2, 3)
        ]
        payout = account.payout(txns, created=EPOCH - DAY, arrival_date=EPOCH, status="paid")
        result = reconcile_payout(connect(account), payout["id"], orders_of(account))
        self.assertTrue(result.balanced)
        self.assertEqual(result.by_order["ord_2"], txns[1]["net"])

    def test_a_refund_counts_against_its_order(self):  # part 2
        account = Account(seed=2)
        charge, charge_txn = account.charge(5_000, created=EPOCH - 3 * DAY, order_id="ord_1")
        _, refund_txn = account.refund(charge, 2_000, created=EPOCH - 2 * DAY)
        payout = account.payout(
            [charge_txn, refund_txn], created=EPOCH - DAY, arrival_date=EPOCH, status="paid"
        )
        result = reconcile_payout(connect(account), payout["id"], orders_of(account))
        self.assertEqual(result.by_order, {"ord_1": charge_txn["net"] - 2_000})

    def test_a_malformed_transaction_is_set_aside(self):  # part 3
        account = Account(seed=3)
        txns = [
            account.charge(1_000, created=EPOCH - 2 * DAY + n, order_id=f"ord_{n}")[1]
            for n in range(2)
        ]
        payout = account.payout(txns, created=EPOCH - DAY, arrival_date=EPOCH, status="paid")
        account.damage(txns[0], "amount is a string")
        result = reconcile_payout(connect(account), payout["id"], orders_of(account))
        self.assertEqual([txn_id for txn_id, _ in result.malformed], [txns[0]["id"]])
        self.assertEqual(result.net_total, txns[1]["net"])

    def test_orders_not_paid_out_yet(self):  # part 5
        account = Account(seed=4)
        _, paid = account.charge(1_000, created=EPOCH - 3 * DAY, order_id="ord_paid")
        account.charge(1_000, created=EPOCH - 3_600, order_id="ord_waiting")
        account.payout([paid], created=EPOCH - DAY, arrival_date=EPOCH, status="paid")
        result = reconcile_all(connect(account), orders_of(account))
        self.assertEqual(result.unpaid_orders, ["ord_waiting"])
