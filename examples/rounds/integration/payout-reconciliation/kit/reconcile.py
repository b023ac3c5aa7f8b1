"""Which orders did each payout pay for? README.md has the task, API.md the API."""

from __future__ import annotations

from dataclasses import dataclass, field

from client import PaymentsClient
from orders import Order


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


def reconcile_payout(
    client: PaymentsClient, payout_id: str, orders: list[Order]
) -> PayoutReconciliation:
    payout = client.get(f"/v1/payouts/{payout_id}")
    result = PayoutReconciliation(payout["id"], payout["amount"], payout["currency"])
    order_of_charge = {order.charge_id: order.order_id for order in orders}
    for txn in client.list_all("/v1/balance_transactions", payout=payout_id):
        result.net_total += txn["net"]
        order_id = order_of_charge.get(txn["source"])
        if order_id is None:
            result.unmatched.append(txn["id"])
        else:
            result.by_order[order_id] = result.by_order.get(order_id, 0) + txn["net"]
    return result


def reconcile_all(client: PaymentsClient, orders: list[Order]) -> Reconciliation:
    return Reconciliation(
        [
            reconcile_payout(client, payout["id"], orders)
            for payout in client.list_all("/v1/payouts")
        ]
    )
