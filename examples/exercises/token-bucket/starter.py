"""A token-bucket rate limiter: fill in the two methods.

Rules:
- Every key has its own bucket, which starts full (`capacity` tokens).
- Tokens refill continuously at `refill_rate` tokens per second, never above `capacity`.
- `allow(key, cost)` takes `cost` tokens and returns True when the bucket holds
  at least `cost`; otherwise it takes nothing and returns False.
- Time comes from `clock()` (seconds, a float), so tests can control it.
- Invalid arguments raise ValueError: capacity <= 0, refill_rate <= 0,
  cost <= 0 or cost > capacity.
"""

import time
from collections.abc import Callable


class TokenBucketLimiter:
    def __init__(
        self,
        capacity: float,
        refill_rate: float,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.capacity = capacity
        self.refill_rate = refill_rate
        self.clock = clock

    def allow(self, key: str, cost: float = 1) -> bool:
        raise NotImplementedError("decide whether `key` may spend `cost` tokens now")


if __name__ == "__main__":
    limiter = TokenBucketLimiter(capacity=3, refill_rate=1.0)
    print([limiter.allow("acct_1") for _ in range(4)])  # expect [True, True, True, False]
