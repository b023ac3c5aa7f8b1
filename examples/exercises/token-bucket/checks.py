"""Checks for the token-bucket exercise: public ones first, then hidden edge cases."""

import random

from exercise_harness import Checks, FakeClock, Trial

checks = Checks()


def limiter(t: Trial, capacity: float, refill_rate: float, clock: FakeClock) -> object:
    return t.code("TokenBucketLimiter")(capacity, refill_rate, clock=clock)


def calls_at(t: Trial, bucket: object, clock: FakeClock, plan: list[tuple[float, str, float]]):
    """Call allow(key, cost) at each (time, key, cost) of the plan; collect the answers."""
    answers = []
    for now, key, cost in plan:
        clock.now = now
        answers.append(bucket.allow(key, cost))
    return answers


@checks.public(
    "a new bucket allows a burst of exactly `capacity`",
    fed="capacity=3, refill_rate=1.0; allow('a') four times at t=0",
)
def burst(t: Trial) -> None:
    t.expect([True, True, True, False])
    clock = FakeClock()
    bucket = limiter(t, 3, 1.0, clock)
    t.got([bucket.allow("a") for _ in range(4)])


@checks.public(
    "tokens refill with time",
    fed="capacity=2, refill_rate=1.0; allow('a') twice at t=0, then at t=0.5 and t=1.0",
)
def refill(t: Trial) -> None:
    t.expect([True, True, False, True])
    clock = FakeClock()
    bucket = limiter(t, 2, 1.0, clock)
    t.got(calls_at(t, bucket, clock, [(0, "a", 1), (0, "a", 1), (0.5, "a", 1), (1.0, "a", 1)]))


@checks.public(
    "each key has its own bucket",
    fed="capacity=1, refill_rate=1.0; at t=0: allow('a'), allow('a'), allow('b')",
)
def keys_are_independent(t: Trial) -> None:
    t.expect([True, False, True])
    clock = FakeClock()
    bucket = limiter(t, 1, 1.0, clock)
    t.got(calls_at(t, bucket, clock, [(0, "a", 1), (0, "a", 1), (0, "b", 1)]))


@checks.public("capacity 0 is rejected", fed="TokenBucketLimiter(capacity=0, refill_rate=1.0)")
def zero_capacity(t: Trial) -> None:
    t.expect("raises ValueError")
    t.got(t.raises(lambda: limiter(t, 0, 1.0, FakeClock())))


@checks.hidden(
    "a bucket never holds more than `capacity`",
    fed="capacity=2, refill_rate=1.0; allow('a') at t=0, idle until t=100, then three more",
)
def capped_at_capacity(t: Trial) -> None:
    t.expect([True, True, True, False])
    clock = FakeClock()
    bucket = limiter(t, 2, 1.0, clock)
    t.got(calls_at(t, bucket, clock, [(0, "a", 1)] + [(100, "a", 1)] * 3))


@checks.hidden(
    "a refused request takes nothing",
    fed="capacity=5, refill_rate=1.0; at t=0: allow('a', cost=3), allow('a', cost=3), "
    "allow('a', cost=2)",
)
def refusal_is_free(t: Trial) -> None:
    t.expect([True, False, True])
    clock = FakeClock()
    bucket = limiter(t, 5, 1.0, clock)
    t.got(calls_at(t, bucket, clock, [(0, "a", 3), (0, "a", 3), (0, "a", 2)]))


@checks.hidden(
    "the boundary: exactly enough tokens is enough",
    fed="capacity=1, refill_rate=0.5; allow('a') at t=0, t=1.5 and t=2.0",
)
def exact_boundary(t: Trial) -> None:
    t.expect([True, False, True])
    clock = FakeClock()
    bucket = limiter(t, 1, 0.5, clock)
    t.got(calls_at(t, bucket, clock, [(0, "a", 1), (1.5, "a", 1), (2.0, "a", 1)]))


@checks.hidden(
    "a new key starts full, whatever the time",
    fed="capacity=2, refill_rate=1.0; clock starts at t=1000; allow('new') three times",
)
def late_first_call(t: Trial) -> None:
    t.expect([True, True, False])
    clock = FakeClock(1000.0)
    bucket = limiter(t, 2, 1.0, clock)
    t.got(calls_at(t, bucket, clock, [(1000, "new", 1)] * 3))


@checks.hidden(
    "a clock that steps backwards mints no tokens",
    fed="capacity=1, refill_rate=1.0; allow('a') at t=10, then at t=4",
)
def clock_backwards(t: Trial) -> None:
    t.expect([True, False])
    clock = FakeClock(10.0)
    bucket = limiter(t, 1, 1.0, clock)
    t.got(calls_at(t, bucket, clock, [(10, "a", 1), (4, "a", 1)]))


@checks.hidden(
    "a clock that steps back neither drains the bucket nor refills it twice",
    fed="capacity=2, refill_rate=1.0; allow('a') at t=10, t=4, t=4, t=10 and t=11",
)
def clock_back_and_forth(t: Trial) -> None:
    # At t=4 one token is left; t=4 -> 10 only catches up with time already seen.
    t.expect([True, True, False, False, True])
    clock = FakeClock()
    bucket = limiter(t, 2, 1.0, clock)
    t.got(
        calls_at(
            t, bucket, clock, [(10, "a", 1), (4, "a", 1), (4, "a", 1), (10, "a", 1), (11, "a", 1)]
        )
    )


@checks.hidden(
    "the clock is read once per call",
    fed="capacity=2, refill_rate=1.0; allow('a') three times at t=0",
)
def one_clock_read(t: Trial) -> None:
    t.expect(3)
    clock = FakeClock()
    bucket = limiter(t, 2, 1.0, clock)
    for _ in range(3):
        bucket.allow("a")
    t.got(clock.reads)


@checks.hidden(
    "1,000 keys each get a full bucket",
    fed="capacity=2, refill_rate=1.0; at t=0, allow(f'k{i}') three times for i in range(1000)",
)
def many_keys(t: Trial) -> None:
    t.expect({"allowed": 2000, "refused": 1000})
    clock = FakeClock()
    bucket = limiter(t, 2, 1.0, clock)
    answers = [bucket.allow(f"k{i}") for i in range(1000) for _ in range(3)]
    t.got({"allowed": answers.count(True), "refused": answers.count(False)})


@checks.hidden("a negative refill rate is rejected", fed="capacity=5, refill_rate=-1.0")
def negative_rate(t: Trial) -> None:
    t.expect("raises ValueError")
    t.got(t.raises(lambda: limiter(t, 5, -1.0, FakeClock())))


@checks.hidden("a cost of zero is rejected", fed="capacity=5, refill_rate=1.0; allow('a', cost=0)")
def zero_cost(t: Trial) -> None:
    t.expect("raises ValueError")
    bucket = limiter(t, 5, 1.0, FakeClock())
    t.got(t.raises(lambda: bucket.allow("a", 0)))


@checks.hidden(
    "a cost above capacity is rejected (it could never succeed)",
    fed="capacity=5, refill_rate=1.0; allow('a', cost=6)",
)
def cost_above_capacity(t: Trial) -> None:
    t.expect("raises ValueError")
    bucket = limiter(t, 5, 1.0, FakeClock())
    t.got(t.raises(lambda: bucket.allow("a", 6)))


@checks.hidden(
    "NaN or infinite capacity and refill_rate are rejected",
    fed="(capacity, refill_rate) = (nan, 1), (inf, 1), (1, nan), (1, inf)",
)
def not_finite(t: Trial) -> None:
    nan, inf = float("nan"), float("inf")
    settings = [(nan, 1.0), (inf, 1.0), (1.0, nan), (1.0, inf)]
    t.expect(["raises ValueError"] * 4)
    t.got([t.raises(lambda c=c, r=r: limiter(t, c, r, FakeClock())) for c, r in settings])


@checks.hidden(
    "a cost that is NaN is rejected",
    fed="capacity=5, refill_rate=1.0; allow('a', cost=nan)",
)
def nan_cost(t: Trial) -> None:
    t.expect("raises ValueError")
    bucket = limiter(t, 5, 1.0, FakeClock())
    t.got(t.raises(lambda: bucket.allow("a", float("nan"))))


@checks.hidden(
    "bools and strings are not numbers here",
    fed="TokenBucketLimiter(True, 1.0), TokenBucketLimiter(5, '1'), allow('a', True)",
)
def not_numbers(t: Trial) -> None:
    t.expect(["raises TypeError"] * 3)
    bucket = limiter(t, 5, 1.0, FakeClock())
    t.got(
        [
            t.raises(lambda: limiter(t, True, 1.0, FakeClock())),
            t.raises(lambda: limiter(t, 5, "1", FakeClock())),
            t.raises(lambda: bucket.allow("a", True)),
        ]
    )


class ModelBucket:
    """The rules, written as plainly as possible, to compare with on random traffic."""

    def __init__(self, capacity: float, refill_rate: float) -> None:
        self.capacity, self.refill_rate = capacity, refill_rate
        self.tokens: dict[str, float] = {}
        self.seen: dict[str, float] = {}

    def allow(self, key: str, cost: float, now: float) -> bool:
        tokens = self.tokens.get(key, self.capacity)
        elapsed = now - self.seen.get(key, now)
        tokens = min(self.capacity, tokens + elapsed * self.refill_rate)
        self.seen[key] = now
        self.tokens[key] = tokens - cost if tokens >= cost else tokens
        return tokens >= cost


@checks.hidden(
    "2,000 random calls agree with a plain model",
    fed=(
        "random.Random(5): capacity 4, refill_rate 2.0, keys 'a'-'e', costs 1-3, "
        "time moving forward in steps of 0, 0.25, 0.5 or 1.5 s"
    ),
)
def random_traffic(t: Trial) -> None:
    rng = random.Random(5)
    clock = FakeClock()
    bucket, model = limiter(t, 4, 2.0, clock), ModelBucket(4, 2.0)
    disagreements = []
    # Quarter seconds and whole costs keep every float exact: no rounding to argue over.
    for call in range(2_000):
        clock.now += rng.choice([0, 0.25, 0.5, 1.5])
        key, cost = rng.choice("abcde"), rng.randint(1, 3)
        if bucket.allow(key, cost) != model.allow(key, cost, clock.now):
            disagreements.append(f"call {call}: allow({key!r}, {cost}) at t={clock.now}")
    t.expect([])
    t.got(disagreements[:5])
