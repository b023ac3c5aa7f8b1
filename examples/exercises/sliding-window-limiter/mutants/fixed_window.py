"""Counts requests in fixed windows (multiples of `window`): 2 x limit can pass at a boundary."""

import math
import time
from collections import deque
from collections.abc import Callable


class SlidingWindowLimiter:
    """Allow a request when fewer than `limit` of the key's requests fall in the last `window`.

    Each key keeps a log (a deque) of the times of its allowed requests, oldest
    first. A request at time t counts while now - t < window, so it stops
    counting at exactly t + window. Refused requests are not logged, and the log
    never holds more than `limit` times.
    """

    def __init__(
        self,
        limit: int,
        window: float,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if isinstance(limit, bool) or not isinstance(limit, int):
            raise TypeError(f"limit must be an int, got {type(limit).__name__}")
        if limit < 1:
            raise ValueError(f"limit must be at least 1, got {limit!r}")
        if isinstance(window, bool) or not isinstance(window, int | float):
            raise TypeError(f"window must be an int or a float, got {type(window).__name__}")
        if not 0 < window < math.inf:  # also false for NaN
            raise ValueError(f"window must be a positive finite number, got {window!r}")
        self.limit = limit
        self.window = window
        self.clock = clock
        self._logs: dict[str, deque[float]] = {}

    def allow(self, key: str) -> bool:
        """Log and allow the request if the key has room in the window; otherwise refuse it."""
        log = self._logs.setdefault(key, deque())
        now = self.clock()
        if log and now < log[-1]:
            # A clock that steps backwards is treated as standing still: the log stays
            # in order, and no request expires early.
            now = log[-1]
        window_start = now - now % self.window
        while log and log[0] < window_start:
            log.popleft()
        if len(log) >= self.limit:
            return False
        log.append(now)
        return True


if __name__ == "__main__":
    limiter = SlidingWindowLimiter(limit=3, window=1.0)
    print([limiter.allow("acct_1") for _ in range(4)])  # [True, True, True, False]
