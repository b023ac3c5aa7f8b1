"""Checks for the sliding-window-limiter exercise: public ones first, then hidden edge cases."""

import random
from bisect import bisect_right
from collections import deque

from exercise_harness import Checks, FakeClock, Trial

checks = Checks()


def limiter(t: Trial, limit: object, window: object, clock: FakeClock) -> object:
    return t.code("SlidingWindowLimiter")(limit, window, clock=clock)


def calls_at(t: Trial, limit: int, window: float, plan: list[tuple[float, str]]) -> list[bool]:
    """A fresh limiter; call allow(key) at each (time, key) of the plan; collect the answers."""
    clock = FakeClock(plan[0][0] if plan else 0.0)
    box = limiter(t, limit, window, clock)
    answers = []
    for now, key in plan:
        clock.now = now
        answers.append(box.allow(key))
    return answers


class Oracle:
    """The definition, without cleverness: keep every allowed time, count the recent ones."""

    def __init__(self, limit: int, window: float) -> None:
        self.limit, self.window = limit, window
        self.allowed: dict[str, list[float]] = {}
        self.latest: dict[str, float] = {}

    def allow(self, key: str, now: float) -> bool:
        now = max(now, self.latest.get(key, now))
        self.latest[key] = now
        times = self.allowed.setdefault(key, [])
        if sum(1 for x in times if now - x < self.window) >= self.limit:
            return False
        times.append(now)
        return True


@checks.public(
    "a new key gets exactly `limit` requests at once",
    fed="limit=3, window=1.0; allow('a') four times at t=0",
)
def burst(t: Trial) -> None:
    t.expect([True, True, True, False])
    t.got(calls_at(t, 3, 1.0, [(0, "a")] * 4))


@checks.public(
    "the window slides: a request stops counting `window` seconds after it was made",
    fed="limit=2, window=10; allow('a') at t=0, 5, 9, 10, 14, 15",
)
def slides(t: Trial) -> None:
    t.expect([True, True, False, True, False, True])
    t.got(calls_at(t, 2, 10, [(0, "a"), (5, "a"), (9, "a"), (10, "a"), (14, "a"), (15, "a")]))


@checks.public(
    "each key has its own window",
    fed="limit=1, window=1.0; at t=0: allow('a'), allow('a'), allow('b')",
)
def keys_are_independent(t: Trial) -> None:
    t.expect([True, False, True])
    t.got(calls_at(t, 1, 1.0, [(0, "a"), (0, "a"), (0, "b")]))


@checks.public("a limit of 0 is rejected", fed="SlidingWindowLimiter(limit=0, window=1.0)")
def zero_limit(t: Trial) -> None:
    t.expect("raises ValueError")
    t.got(t.raises(lambda: limiter(t, 0, 1.0, FakeClock()), show_value=False))


@checks.hidden(
    "the boundary: just before `window` still counts, exactly `window` does not",
    fed="limit=1, window=1.0; allow('a') at t=0, t=0.999, t=1.0",
)
def exact_boundary(t: Trial) -> None:
    t.expect([True, False, True])
    t.got(calls_at(t, 1, 1.0, [(0, "a"), (0.999, "a"), (1.0, "a")]))


@checks.hidden(
    "a refused request does not count",
    fed="limit=1, window=10; allow('a') at t=0, t=5 (refused), t=10",
)
def refusal_is_free(t: Trial) -> None:
    t.expect([True, False, True])
    t.got(calls_at(t, 1, 10, [(0, "a"), (5, "a"), (10, "a")]))


@checks.hidden(
    "no reset at a window boundary (a fixed window would allow 4 here)",
    fed="limit=2, window=60; allow('a') at t=59, 59, 60, 60, 118, 119",
)
def no_fixed_window(t: Trial) -> None:
    t.expect([True, True, False, False, False, True])
    t.got(calls_at(t, 2, 60, [(59, "a"), (59, "a"), (60, "a"), (60, "a"), (118, "a"), (119, "a")]))


@checks.hidden(
    "a clock that steps backwards frees no slot early",
    fed="limit=2, window=10; allow('a') at t=100, t=92, t=103, t=110",
)
def clock_backwards(t: Trial) -> None:
    t.expect([True, True, False, True])
    t.got(calls_at(t, 2, 10, [(100, "a"), (92, "a"), (103, "a"), (110, "a")]))


@checks.hidden(
    "a clock that steps back further than `window` frees no slot either",
    fed="limit=1, window=10; allow('a') at t=100, t=85, t=109, t=110",
)
def clock_far_backwards(t: Trial) -> None:
    t.expect([True, False, False, True])
    t.got(calls_at(t, 1, 10, [(100, "a"), (85, "a"), (109, "a"), (110, "a")]))


@checks.hidden(
    "the clock is read once per call",
    fed="limit=1, window=1.0; allow('a') three times at t=0",
)
def one_clock_read(t: Trial) -> None:
    t.expect(3)
    clock = FakeClock()
    box = limiter(t, 1, 1.0, clock)
    for _ in range(3):
        box.allow("a")
    t.got(clock.reads)


@checks.hidden(
    "a new key starts empty, whatever the time",
    fed="limit=2, window=5; clock at t=1,000,000; allow('new') three times",
)
def late_first_call(t: Trial) -> None:
    t.expect([True, True, False])
    t.got(calls_at(t, 2, 5, [(1_000_000, "new")] * 3))


@checks.hidden(
    "a fractional window",
    fed="limit=1, window=0.25; allow('a') at t=0, 0.125, 0.25, 0.375, 0.5",
)
def fractional_window(t: Trial) -> None:
    t.expect([True, False, True, False, True])
    t.got(calls_at(t, 1, 0.25, [(0, "a"), (0.125, "a"), (0.25, "a"), (0.375, "a"), (0.5, "a")]))


@checks.hidden(
    "1,000 keys each get their own `limit`",
    fed="limit=2, window=1.0; at t=0, allow(f'k{i}') three times for i in range(1000)",
)
def many_keys(t: Trial) -> None:
    t.expect({"allowed": 2000, "refused": 1000})
    answers = calls_at(t, 2, 1.0, [(0, f"k{i}") for i in range(1000) for _ in range(3)])
    t.got({"allowed": answers.count(True), "refused": answers.count(False)})


BAD = {
    "limit=-1": ((-1, 1.0), "raises ValueError"),
    "limit=2.5": ((2.5, 1.0), "raises TypeError"),
    "limit=True": ((True, 1.0), "raises TypeError"),
    "limit='3'": (("3", 1.0), "raises TypeError"),
    "window=0": ((2, 0), "raises ValueError"),
    "window=-1.5": ((2, -1.5), "raises ValueError"),
    "window=nan": ((2, float("nan")), "raises ValueError"),
    "window=inf": ((2, float("inf")), "raises ValueError"),
    "window=True": ((2, True), "raises TypeError"),
    "window='1'": ((2, "1"), "raises TypeError"),
}


@checks.hidden("bad arguments are rejected", fed=", ".join(BAD))
def bad_arguments(t: Trial) -> None:
    t.expect({name: want for name, (_, want) in BAD.items()})
    got = {}
    for name, ((limit, window), _) in BAD.items():
        got[name] = t.raises(
            lambda limit=limit, window=window: limiter(t, limit, window, FakeClock()),
            show_value=False,
        )
    t.got(got)


@checks.hidden(
    "300 random plans agree with keeping every request and counting",
    fed="300 plans (seed 17): limit 1-5, window 1-10, 1-3 keys, 1-60 calls at whole-second "
    "times that mostly move forward and sometimes step back",
)
def random_plans(t: Trial) -> None:
    rng = random.Random(17)
    t.expect("all 300 agree")
    for n in range(300):
        limit, window = rng.randint(1, 5), rng.randint(1, 10)
        keys = ["a", "b", "c"][: rng.randint(1, 3)]
        now, plan = 0, []
        for _ in range(rng.randint(1, 60)):
            now += rng.choice([0, 0, 1, 1, 2, 3, 5, -4]) if rng.random() < 0.97 else 40
            plan.append((now, rng.choice(keys)))
        oracle = Oracle(limit, window)
        want = [oracle.allow(key, at) for at, key in plan]
        got = calls_at(t, limit, window, plan)
        if got != want:
            t.got(f"plan {n}, limit={limit}, window={window}: {plan} gave {got}, expected {want}")
            return
    t.got("all 300 agree")


class DequeLimiter:
    """The checks' own plain solution, a deque per key: the time budget's baseline."""

    def __init__(self, limit: int, window: float, clock: FakeClock) -> None:
        self.limit, self.window, self.clock = limit, window, clock
        self.logs: dict[str, deque[float]] = {}

    def allow(self, key: str) -> bool:
        log = self.logs.setdefault(key, deque())
        now = max(self.clock(), log[-1]) if log else self.clock()
        while log and now - log[0] >= self.window:
            log.popleft()
        if len(log) >= self.limit:
            return False
        log.append(now)
        return True


LARGE, TICK, LARGE_LIMIT, LARGE_WINDOW = 10_000, 1 / 4096, 2_000, 1.0
TIMES = 8  # the budget: this many times the plain solution's time, on this machine, now


def first_wrong_answer(t: Trial, box: object, clock: FakeClock, plan: list, want: list) -> str:
    """Replay the plan; say which request got the wrong answer, if any."""
    for n, (now, key) in enumerate(plan):
        clock.now = now
        if box.allow(key) != want[n]:
            return f"request {n:,} ({key!r} at t={now}) was answered {not want[n]}"
        if n % 128 == 0:
            t.on_time(f"{n:,} of {LARGE:,} requests")
    return f"all {LARGE:,} answers agree ({sum(want):,} allowed)"


@checks.hidden(
    f"{LARGE:,} requests, limit {LARGE_LIMIT:,} per {LARGE_WINDOW:g} s, within {TIMES} times "
    "a plain solution's time",
    fed=f"limit={LARGE_LIMIT}, window={LARGE_WINDOW:g}; {LARGE:,} requests (seed 23), 4 in 5 "
    "from 'hot' (over its limit), the rest spread over 100 other keys, about 2,700 a second",
)
def large_stream(t: Trial) -> None:
    rng = random.Random(23)
    plan, ticks = [], 0
    for _ in range(LARGE):
        ticks += rng.randint(0, 3)
        key = "hot" if rng.random() < 0.8 else f"acct_{rng.randrange(100):03d}"
        plan.append((ticks * TICK, key))
    # The expected answers, from a sorted list per key and a binary search.
    allowed: dict[str, list[float]] = {}
    want = []
    for now, key in plan:
        times = allowed.setdefault(key, [])
        ok = len(times) - bisect_right(times, now - LARGE_WINDOW) < LARGE_LIMIT
        if ok:
            times.append(now)
        want.append(ok)
    t.expect(f"all {LARGE:,} answers agree ({sum(want):,} allowed)")
    clock = FakeClock()
    baseline = DequeLimiter(LARGE_LIMIT, LARGE_WINDOW, clock)
    t.budget_from(lambda: first_wrong_answer(t, baseline, clock, plan, want), TIMES)
    clock.now = 0.0
    box = limiter(t, LARGE_LIMIT, LARGE_WINDOW, clock)
    t.got(first_wrong_answer(t, box, clock, plan, want))
