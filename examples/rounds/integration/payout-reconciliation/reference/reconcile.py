"""Which orders did each payout pay for? README.md has the task, API.md the API."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from client import PaymentsClient
from orders import Order

TRANSACTION_TYPES = frozenset({"charge", "refund", "adjustment"})


@dataclass
class PayoutReconciliation:
    """One payout, checked against the balance transactions it paid out."""

    payout_id: str
    payout_amount: int
    currency: str
    net_total: int = 0  # the net of every transaction counted
    by_order: dict[str, int] = field(default_factory=dict)  # order id -> net paid for it
    unmatched: list[str] = field(default_factory=list)  # ids of transactions of no order
    malformed: list[tuple[str, str]] = field(default_factory=list)  # (transaction id, problem)

    @property
    def difference(self) -> int:
        return self.payout_amount - self.net_total

    @property
    def balanced(self) -> bool:
        return self.difference == 0


@dataclass
class Reconciliation:
    payouts: list[PayoutReconciliation]
    unpaid_orders: list[str]  # orders whose charge no payout has paid out yet


def problem_with(txn: dict[str, Any]) -> str | None:
    """What makes a balance transaction unusable, or None if nothing does."""
    for name in ("amount", "fee", "net"):
        value = txn.get(name)
        # bool is an int in Python; a JSON true is never an amount.
        if not isinstance(value, int) or isinstance(value, bool):
            return f"{name} is {value!r}, not an integer"
    for name in ("id", "source", "currency"):
        if not isinstance(txn.get(name), str) or not txn[name]:
            return f"{name} is {txn.get(name)!r}, not a string"
    if txn.get("type") not in TRANSACTION_TYPES:
        return f"type {txn.get('type')!r} is unknown"
    if txn["net"] != txn["amount"] - txn["fee"]:
        return f"net {txn['net']} is not amount - fee ({txn['amount'] - txn['fee']})"
    return None


class Reconciler:
    """Reconciles payouts against orders, looking each refund up once."""

    def __init__(self, client: PaymentsClient, orders: list[Order]) -> None:
        self.client = client
        self.order_of_charge = {order.charge_id: order.order_id for order in orders}
        self.refunded_charge: dict[str, str] = {}
        self.paid_charges: set[str] = set()

    def payout(self, payout_id: str) -> PayoutReconciliation:
        payout = self.client.get(f"/v1/payouts/{payout_id}")
        result = PayoutReconciliation(payout["id"], payout["amount"], payout["currency"])
        for txn in self.client.list_all("/v1/balance_transactions", payout=payout_id):
            if txn.get("type") == "charge" and isinstance(txn.get("source"), str):
                self.paid_charges.add(txn["source"])
            problem = problem_with(txn)
            if problem is not None:
                result.malformed.append((str(txn.get("id")), problem))
                continue
            result.net_total += txn["net"]
            order_id = self.order_of_charge.get(self.charge_of(txn) or "")
            if order_id is None:
                result.unmatched.append(txn["id"])
            else:
                result.by_order[order_id] = result.by_order.get(order_id, 0) + txn["net"]
        return result

    def charge_of(self, txn: dict[str, Any]) -> str | None:
        if txn["type"] == "charge":
            return txn["source"]
        if txn["type"] == "refund":
            refund_id = txn["source"]
            if refund_id not in self.refunded_charge:
                self.refunded_charge[refund_id] = self.client.get(f"/v1/refunds/{refund_id}")[
                    "charge"
                ]
            return self.refunded_charge[refund_id]
        return None


def reconcile_payout(
    client: PaymentsClient, payout_id: str, orders: list[Order]
) -> PayoutReconciliation:
    return Reconciler(client, orders).payout(payout_id)


def reconcile_all(client: PaymentsClient, orders: list[Order]) -> Reconciliation:
    reconciler = Reconciler(client, orders)
    payouts = [reconciler.payout(payout["id"]) for payout in client.list_all("/v1/payouts")]
    unpaid = sorted(
        order.order_id for order in orders if order.charge_id not in reconciler.paid_charges
    )
    return Reconciliation(payouts, unpaid)
