"""Answer the sandbox account's open disputes from orders.json: ``python main.py [--good-day]``.

Starts this kit's sandbox on 127.0.0.1 (sandbox/settings.json says which data
and seed), runs the sync over HTTP, prints what it did and what the sandbox
saw, and stops the sandbox. Everyday faults are on (rate limits, transient
errors, dropped connections, as API.md describes) unless you pass
``--good-day``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import sandbox
from client import PaymentsClient
from orders import read_orders
from sync import sync_disputes

HERE = Path(__file__).resolve().parent


def sync(transport: sandbox.Transport, sleep: Callable[[float], None]) -> str:
    orders = read_orders((HERE / "orders.json").read_text(encoding="utf-8"))
    return sync_disputes(PaymentsClient(transport, sleep=sleep), orders).summary()


if __name__ == "__main__":
    sandbox.run_kit(sync, __doc__)
