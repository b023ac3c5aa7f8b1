"""Shared by the hidden tests: a client on an in-process sandbox, and the right answers.

The answers come from the sandbox's own store, computed before the sync runs,
never through the API, so they do not share a mistake with the code under test.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import sandbox
from client import PaymentsClient
from orders import Order, Shipment, read_orders
from sandbox import EPOCH, Account, Faults, Store

DAY = 86_400
OPEN = ("needs_response", "warning_needs_response")
# The README's thresholds, in the API's units.
THRESHOLDS = {"usd": 2_500, "eur": 2_500, "gbp": 2_000, "jpy": 3_000}
CATEGORIES = ("accepted", "submitted", "needs_review", "past_due")


def connect(
    store: Store, *, faults: Faults | None = None, seed: int = 0
) -> tuple[PaymentsClient, sandbox.InProcessTransport, sandbox.FakeClock]:
    transport, clock = sandbox.in_process(store, seed=seed, faults=faults)
    return PaymentsClient(transport, sleep=clock.sleep), transport, clock


def scenario_orders(scenario: sandbox.Scenario) -> dict[str, Order]:
    return read_orders(scenario.files["orders.json"])


def add_dispute(
    account: Account,
    orders: dict[str, Order],
    amount: int,
    *,
    currency: str = "usd",
    status: str = "needs_response",
    created: int = EPOCH - 5 * DAY,
    shipped: bool | None = True,
    due_by: int = EPOCH + 10 * DAY,
) -> dict:
    """A dispute on a new charge; its order shipped (True), digital (False) or absent (None)."""
    charge, _ = account.charge(amount, created=created - 20 * DAY, currency=currency)
    if shipped is not None:
        shipping = Shipment("UPS", f"1Z{charge['id'][3:]}", "2024-02-01") if shipped else None
        orders[charge["id"]] = Order(
            f"ord_{charge['id'][3:]}", charge["id"], "buyer@example.com", "Desk lamp", shipping
        )
    return account.dispute(charge, created=created, status=status, due_by=due_by)


def expected(store: Store, orders: dict[str, Order], since: int | None = None) -> dict:
    """What a correct sync reports, by category, from the store before it runs."""
    report = {category: [] for category in CATEGORIES}
    for dispute in store.listing("disputes"):
        if dispute["status"] not in OPEN or (since is not None and dispute["created"] < since):
            continue
        threshold = THRESHOLDS.get(dispute["currency"])
        order = orders.get(dispute["charge"])
        due_by = dispute["evidence_details"]["due_by"]
        # A run moves the fake clock by its waits, minutes at most: keep due dates clear of that.
        assert not EPOCH <= due_by < EPOCH + 3_600, "test data: a due date too close to now"
        if threshold is not None and dispute["amount"] < threshold:
            report["accepted"].append(dispute["id"])
        elif threshold is not None and order is not None and order.shipping is not None:
            report["past_due" if due_by < EPOCH else "submitted"].append(dispute["id"])
        else:
            report["needs_review"].append(dispute["id"])
    return report


def got(report) -> dict:
    return {category: list(getattr(report, category)) for category in CATEGORIES}


def posts(transport: sandbox.InProcessTransport) -> list:
    return [request for request in transport.sandbox.log if request.method == "POST"]


def list_queries(transport: sandbox.InProcessTransport) -> list[dict[str, list[str]]]:
    """The query of every request that listed disputes."""
    return [
        parse_qs(urlsplit(request.target).query)
        for request in transport.sandbox.log
        if request.method == "GET" and urlsplit(request.target).path == "/v1/disputes"
    ]
