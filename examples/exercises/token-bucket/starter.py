"""A token-bucket rate limiter: fill in the two methods.

Rules:
- Every key has its own bucket, which starts full (`capacity` tokens) on the key's
  first call.
- Tokens refill continuously at `refill_rate` tokens per second, never above
  `capacity`; fractions of a token count.
- `allow(key, cost)` refills first, then takes `cost` tokens and returns True when
  the bucket holds at least `cost` (exactly `cost` is enough); otherwise it takes
  nothing and returns False.
- Time comes from `clock()` (seconds, an int or a float), read once per call, so
  tests can control it. It may repeat a value or jump far ahead (the bucket simply
  fills). It may step backwards: then nothing refills until it passes the latest
  time that bucket has seen.
- capacity, refill_rate and cost are ints or floats: anything else, a bool
  included, raises TypeError. capacity and refill_rate must be finite and > 0,
  and 0 < cost <= capacity; anything else (NaN included) raises ValueError.
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
