"""A fake payments API for practice rounds: local, deterministic, and unreliable on purpose.

    from sandbox import EVERYDAY_FAULTS, HttpTransport, in_process, scenarios

    scenario = scenarios.payouts(seed=7)
    transport, clock = in_process(scenario.store, seed=7, faults=EVERYDAY_FAULTS)
    # or, to a served sandbox: HttpTransport("http://127.0.0.1:8787")

API.md is the reference for what it serves. A kit's ``settings.json`` (beside
this file) says which scenario and seed the kit's own command runs.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from . import scenarios
from .api import Faults, LoggedRequest, RateLimit, Sandbox
from .clock import EPOCH, Clock, FakeClock, RealClock
from .scenarios import Account, Scenario
from .store import Store
from .transport import (
    HttpTransport,
    InProcessTransport,
    RequestBudgetExceeded,
    Response,
    Transport,
)

__all__ = [
    "EPOCH",
    "EVERYDAY_FAULTS",
    "Account",
    "Clock",
    "FakeClock",
    "Faults",
    "HttpTransport",
    "InProcessTransport",
    "LoggedRequest",
    "RateLimit",
    "RealClock",
    "RequestBudgetExceeded",
    "Response",
    "Sandbox",
    "Scenario",
    "Store",
    "Transport",
    "connect",
    "in_process",
    "kit_sandbox",
    "run_kit",
    "scenarios",
]

# An ordinary day at a busy provider: what a kit's own command runs against.
EVERYDAY_FAULTS = Faults(
    rate_limit=RateLimit(burst=20, per_second=20),
    transient_rate=0.05,
    lost_response_rate=0.02,
)
SETTINGS = Path(__file__).with_name("settings.json")
IN_BROWSER = sys.platform == "emscripten"  # Pyodide: no sockets, no threads


def in_process(
    store: Store, *, seed: int = 0, faults: Faults | None = None, max_requests: int = 5_000
) -> tuple[InProcessTransport, FakeClock]:
    """A transport to a new sandbox over ``store`` and the fake clock it runs on.

    What tests use: give the clock's ``sleep`` to the client, and read the
    sandbox's request log as ``transport.sandbox.log``.
    """
    clock = FakeClock()
    api = Sandbox(store, seed=seed, faults=faults, clock=clock)
    return InProcessTransport(api, max_requests=max_requests), clock


def kit_sandbox(
    faults: Faults = EVERYDAY_FAULTS, settings: Path = SETTINGS
) -> tuple[Sandbox, Scenario]:
    """The sandbox a kit's command runs: its scenario and seed (settings.json), and ``faults``.

    Time is real, except in the browser, where it is a ``FakeClock``: a wait
    there moves the sandbox's time instead of blocking the page.
    """
    chosen = json.loads(settings.read_text(encoding="utf-8"))
    scenario = scenarios.SCENARIOS[chosen["scenario"]](chosen["seed"])
    clock = FakeClock() if IN_BROWSER else RealClock()
    api = Sandbox(scenario.store, seed=chosen["seed"], faults=faults, clock=clock)
    return api, scenario


@contextmanager
def connect(api: Sandbox) -> Iterator[Transport]:
    """A transport to ``api``: over HTTP on 127.0.0.1 locally, in process in the browser.

    Locally the sandbox is served for as long as the ``with`` block runs and
    stopped when it ends.
    """
    if IN_BROWSER:
        yield InProcessTransport(api)
        return
    from .server import serve

    with serve(api) as base_url:
        yield HttpTransport(base_url)


def run_kit(command: Callable[[Transport, Callable[[float], None]], str], description: str) -> None:
    """What a kit's ``python main.py [--good-day]`` does around its own work.

    Serves the kit's sandbox (with everyday faults, or none with
    ``--good-day``), calls ``command(transport, sleep)`` and prints what it
    returns, then prints what the sandbox saw and stops it.
    """
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--good-day", action="store_true", help="run with no faults at all")
    faults = Faults() if parser.parse_args().good_day else EVERYDAY_FAULTS
    api, _ = kit_sandbox(faults)
    with connect(api) as transport:
        try:
            print(command(transport, api.clock.sleep))
        finally:
            print(f"\nsandbox: {api.traffic()}")
