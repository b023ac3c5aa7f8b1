"""The shop's own records: orders.json, exported from the order database."""

from __future__ import annotations

import json
from dataclasses import dataclass


@dataclass(frozen=True)
class Shipment:
    carrier: str
    tracking_number: str
    shipped_on: str  # YYYY-MM-DD


@dataclass(frozen=True)
class Order:
    order_id: str
    charge_id: str
    customer_email: str
    product_description: str
    shipping: Shipment | None  # None: nothing was shipped (a digital product)


def read_orders(text: str) -> dict[str, Order]:
    """The orders in orders.json's text, by the id of the charge that paid for each."""
    orders = {}
    for row in json.loads(text):
        shipping = Shipment(**row["shipping"]) if row["shipping"] else None
        orders[row["charge_id"]] = Order(
            row["order_id"],
            row["charge_id"],
            row["customer_email"],
            row["product_description"],
            shipping,
        )
    return orders
