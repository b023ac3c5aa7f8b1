"""Shared by the hidden tests: a client on an in-process sandbox, and the right answers.

The answers come from the sandbox's own store (what really happened), never
through the API, so they do not share a mistake with the code under test.
"""

from __future__ import annotations

from typing import Any

import sandbox
from client import PaymentsClient
from orders import Order, read_orders
from sandbox import EPOCH, Account, Faults, Store

DAY = 86_400


def connect(
    store: Store, *, faults: Faults | None = None, seed: int = 0
) -> tuple[PaymentsClient, sandbox.InProcessTransport, sandbox.FakeClock]:
    transport, clock = sandbox.in_process(store, seed=seed, faults=faults)
    return PaymentsClient(transport, sleep=clock.sleep), transport, clock


def scenario_orders(scenario: sandbox.Scenario) -> list[Order]:
    return read_orders(scenario.files["orders.csv"].splitlines())


def orders_for(store: Store) -> list[Order]:
    """One order per charge that carries an order id in its metadata."""
    return [
        Order(charge["metadata"]["order_id"], charge["id"], charge["amount"], charge["currency"])
        for charge in store.objects["charges"].values()
        if "order_id" in charge["metadata"]
    ]


def payouts_of_one_charge(count: int, *, status: str = "paid", created: int | None = None):
    """An account with ``count`` payouts of one charge each (same ``created`` if given)."""
    account = Account(seed=count)
    for number in range(count):
        at = created if created is not None else EPOCH - (count - number) * 600
        _, txn = account.charge(1_000 + number, created=at, order_id=f"ord_{number}")
        account.payout([txn], created=at + 60, arrival_date=at + 2 * DAY, status=status)
    return account


def expected_payout(store: Store, payout_id: str, orders: list[Order]) -> dict[str, Any]:
    order_of_charge = {order.charge_id: order.order_id for order in orders}
    by_order: dict[str, int] = {}
    unmatched, malformed, net_total = set(), set(), 0
    for txn_id, paid_by in store.payout_of.items():
        if paid_by != payout_id:
            continue
        if txn_id in store.malformed:
            malformed.add(txn_id)
            continue
        txn = store.get("balance_transactions", txn_id)
        net_total += txn["net"]
        if txn["type"] == "charge":
            charge_id = txn["source"]
        elif txn["type"] == "refund":
            charge_id = store.get("refunds", txn["source"])["charge"]
        else:
            charge_id = None
        order_id = order_of_charge.get(charge_id)
        if order_id is None:
            unmatched.add(txn_id)
        else:
            by_order[order_id] = by_order.get(order_id, 0) + txn["net"]
    return {
        "by_order": by_order,
        "unmatched": unmatched,
        "malformed": malformed,
        "net_total": net_total,
    }


def got_payout(result: Any) -> dict[str, Any]:
    return {
        "by_order": dict(result.by_order),
        "unmatched": set(result.unmatched),
        "malformed": {txn_id for txn_id, _ in result.malformed},
        "net_total": result.net_total,
    }


def expected_unpaid(store: Store, orders: list[Order]) -> list[str]:
    paid = {
        store.get("balance_transactions", txn_id)["source"]
        for txn_id in store.payout_of
        if store.get("balance_transactions", txn_id)["type"] == "charge"
    }
    return sorted(order.order_id for order in orders if order.charge_id not in paid)
