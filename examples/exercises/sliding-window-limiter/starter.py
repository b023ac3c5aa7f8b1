"""A sliding-window-log rate limiter: fill in `allow`.

Rules:
- At most `limit` requests per key in any `window` seconds. A request at time t
  counts against its key while now - t < window: at exactly t + window it no
  longer counts.
- `allow(key)` returns True and records the request when the key has fewer than
  `limit` requests in the window; otherwise it returns False and records
  nothing (a refused request does not count).
- Time comes from `clock()` (seconds, an int or a float), read once per call, so
  tests can control it. It may repeat a value or jump far ahead. A clock that
  steps backwards must not let a request expire early: treat it as if time
  stood still at the latest time seen for that key.
- Each key has its own log; a refused request changes nothing.
- Invalid arguments: a limit that is not an int, or a window that is not an int
  or a float (a bool is neither), raises TypeError; limit < 1, or a window that
  is not positive and finite (NaN included), raises ValueError.
"""

import time
from collections import deque
from collections.abc import Callable


class SlidingWindowLimiter:
    def __init__(
        self,
        limit: int,
        window: float,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.limit = limit
        self.window = window
        self.clock = clock
        self._logs: dict[str, deque[float]] = {}

    def allow(self, key: str) -> bool:
        raise NotImplementedError("decide whether `key` may make a request now")


if __name__ == "__main__":
    limiter = SlidingWindowLimiter(limit=3, window=1.0)
    print([limiter.allow("acct_1") for _ in range(4)])  # expect [True, True, True, False]
