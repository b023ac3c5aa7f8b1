"""Time for the sandbox: the real clock locally, a fake one in tests and in the browser.

Both start at the sandbox's epoch, so the data a seed generates (created times,
due dates, arrival dates) is the same whichever clock runs it.
"""

from __future__ import annotations

import time
from typing import Protocol

# 2024-03-15 00:00:00 UTC: "now" when a sandbox starts.
EPOCH = 1_710_460_800


class Clock(Protocol):
    def now(self) -> float:
        """Seconds since the Unix epoch, in sandbox time."""
        ...

    def sleep(self, seconds: float) -> None:
        """Wait this long; give it to your client as its ``sleep``."""
        ...


class RealClock:
    """Sandbox time that passes like wall-clock time, from ``start``."""

    def __init__(self, start: float = EPOCH) -> None:
        self._start = start
        self._origin = time.monotonic()

    def now(self) -> float:
        return self._start + time.monotonic() - self._origin

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


class FakeClock:
    """Sandbox time that moves only when something sleeps: tests never wait.

    ``sleeps`` records every wait, in order, so a test can check a back-off.
    """

    def __init__(self, start: float = EPOCH) -> None:
        self._now = float(start)
        self.sleeps: list[float] = []

    def now(self) -> float:
        return self._now

    def sleep(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError(f"sleep length must be non-negative, not {seconds!r}")
        self.sleeps.append(seconds)
        self._now += seconds
