"""The shop's own records: one row per order, exported from the order database."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Order:
    order_id: str
    charge_id: str
    amount: int  # in the currency's smallest unit, as the API counts it
    currency: str


def read_orders(lines: Iterable[str]) -> list[Order]:
    """Orders from the lines of orders.csv (an open file will do)."""
    return [
        Order(row["order_id"], row["charge_id"], int(row["amount"]), row["currency"])
        for row in csv.DictReader(lines)
    ]
