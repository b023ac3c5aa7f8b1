"""A token-bucket rate limiter with one bucket per key and an injectable clock."""

import time
from collections.abc import Callable


class TokenBucketLimiter:
    """Allow bursts of up to `capacity` requests per key, refilled at `refill_rate` per second.

    Each bucket stores its token count and the time it was last updated; tokens
    are refilled lazily on each call, so the limiter needs no background timer.
    """

    def __init__(
        self,
        capacity: float,
        refill_rate: float,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if capacity <= 0:
            raise ValueError(f"capacity must be positive, got {capacity!r}")
        if refill_rate <= 0:
            raise ValueError(f"refill_rate must be positive, got {refill_rate!r}")
        self.capacity = capacity
        self.refill_rate = refill_rate
        self.clock = clock
        # key -> (tokens left, time of the last update)
        self._buckets: dict[str, tuple[float, float]] = {}

    def allow(self, key: str, cost: float = 1) -> bool:
        """Spend `cost` tokens from `key`'s bucket if it holds enough; never spend partially."""
        if not 0 < cost <= self.capacity:
            raise ValueError(f"cost must be in (0, {self.capacity}], got {cost!r}")
        now = self.clock()
        tokens, last = self._buckets.get(key, (self.capacity, now))
        # A clock that steps backwards refills nothing (and does not drain the bucket).
        elapsed = max(0.0, now - last)
        tokens = min(self.capacity, tokens + elapsed * self.refill_rate)
        allowed = tokens >= cost
        if allowed:
            tokens -= cost
        self._buckets[key] = (tokens, max(now, last))
        return allowed


if __name__ == "__main__":
    limiter = TokenBucketLimiter(capacity=3, refill_rate=1.0)
    print([limiter.allow("acct_1") for _ in range(4)])  # [True, True, True, False]
