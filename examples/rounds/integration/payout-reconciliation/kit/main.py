"""Reconcile the sandbox account's payouts against orders.csv: ``python main.py [--good-day]``.

Starts this kit's sandbox on 127.0.0.1 (sandbox/settings.json says which data
and seed), runs the reconciliation over HTTP, prints the report and what the
sandbox saw, and stops the sandbox. Everyday faults are on (rate limits,
transient errors, dropped connections, as API.md describes) unless you pass
``--good-day``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import sandbox
from client import PaymentsClient
from orders import read_orders
from reconcile import reconcile_all
from report import render

HERE = Path(__file__).resolve().parent


def reconcile(transport: sandbox.Transport, sleep: Callable[[float], None]) -> str:
    with open(HERE / "orders.csv", newline="", encoding="utf-8") as file:
        orders = read_orders(file)
    return render(reconcile_all(PaymentsClient(transport, sleep=sleep), orders))


if __name__ == "__main__":
    sandbox.run_kit(reconcile, __doc__)
