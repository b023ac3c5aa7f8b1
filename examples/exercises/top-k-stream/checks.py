"""Checks for the top-k-stream exercise: public ones first, then hidden edge cases."""

import heapq
import random
from bisect import bisect_left, insort

from exercise_harness import Checks, Trial

checks = Checks()


def board(t: Trial, k: object) -> object:
    return t.code("TopMerchants")(k)


def tops_after_each(t: Trial, k: int, payments: list[tuple[str, int]]) -> list[list]:
    """Feed the payments one at a time; collect top() after each, as plain tuples."""
    b = board(t, k)
    tops = []
    for merchant, amount in payments:
        b.add(merchant, amount)
        tops.append([tuple(pair) for pair in b.top()])
    return tops


def expected_top(totals: dict[str, int], k: int) -> list[tuple[str, int]]:
    """The plain definition: sort every merchant by (-total, merchant), keep k."""
    return sorted(totals.items(), key=lambda pair: (-pair[1], pair[0]))[:k]


def expected_tops(k: int, payments: list[tuple[str, int]]) -> list[list]:
    totals: dict[str, int] = {}
    tops = []
    for merchant, amount in payments:
        totals[merchant] = totals.get(merchant, 0) + amount
        tops.append(expected_top(totals, k))
    return tops


STREAM = [("acct_b", 500), ("acct_a", 300), ("acct_c", 200), ("acct_a", 200)]


@checks.public(
    "the top 2 after each payment",
    fed="k=2; add acct_b 500, acct_a 300, acct_c 200, acct_a 200; top() after each",
)
def small_stream(t: Trial) -> None:
    t.expect(
        [
            [("acct_b", 500)],
            [("acct_b", 500), ("acct_a", 300)],
            [("acct_b", 500), ("acct_a", 300)],
            [("acct_a", 500), ("acct_b", 500)],
        ]
    )
    t.got(tops_after_each(t, 2, STREAM))


@checks.public("an empty board has an empty top", fed="TopMerchants(3).top()")
def empty(t: Trial) -> None:
    t.expect([])
    t.got(list(board(t, 3).top()))


@checks.public("k=0 is rejected", fed="TopMerchants(0)")
def zero_k(t: Trial) -> None:
    t.expect("raises ValueError")
    t.got(t.raises(lambda: board(t, 0), show_value=False))


@checks.hidden(
    "equal totals: ascending merchant id",
    fed="k=3; add m3 100, m1 100, m2 100; top()",
)
def ties(t: Trial) -> None:
    t.expect([("m1", 100), ("m2", 100), ("m3", 100)])
    t.got(tops_after_each(t, 3, [("m3", 100), ("m1", 100), ("m2", 100)])[-1])


@checks.hidden(
    "a tie at the k-th place keeps the smaller id",
    fed="k=1; add m2 100, then m1 100; top() after each",
)
def tie_at_the_edge(t: Trial) -> None:
    t.expect([[("m2", 100)], [("m1", 100)]])
    t.got(tops_after_each(t, 1, [("m2", 100), ("m1", 100)]))


@checks.hidden(
    "a merchant outside the top climbs in and pushes the last out",
    fed="k=2; add a 50, b 40, c 30, c 30; top() after the last",
)
def climb_in(t: Trial) -> None:
    t.expect([("c", 60), ("a", 50)])
    t.got(tops_after_each(t, 2, [("a", 50), ("b", 40), ("c", 30), ("c", 30)])[-1])


@checks.hidden(
    "a merchant in the top moves up within it",
    fed="k=3; add a 30, b 20, c 10, c 25; top() after the last",
)
def move_up(t: Trial) -> None:
    t.expect([("c", 35), ("a", 30), ("b", 20)])
    t.got(tops_after_each(t, 3, [("a", 30), ("b", 20), ("c", 10), ("c", 25)])[-1])


@checks.hidden(
    "k larger than the number of merchants",
    fed="k=10; add a 1, b 2; top()",
)
def k_larger(t: Trial) -> None:
    t.expect([("b", 2), ("a", 1)])
    t.got(tops_after_each(t, 10, [("a", 1), ("b", 2)])[-1])


@checks.hidden(
    "one merchant paid many times",
    fed="k=3; add 'only' 7, 1,000 times; top()",
)
def one_merchant(t: Trial) -> None:
    t.expect([("only", 7_000)])
    t.got(tops_after_each(t, 3, [("only", 7)] * 1_000)[-1])


@checks.hidden("top() does not change the board", fed="k=2; add a 5, b 3; top() twice")
def top_is_a_read(t: Trial) -> None:
    t.expect([[("a", 5), ("b", 3)], [("a", 5), ("b", 3)]])
    b = board(t, 2)
    b.add("a", 5)
    b.add("b", 3)
    t.got([[tuple(pair) for pair in b.top()] for _ in range(2)])


BAD_K = {"k=-1": (-1, "raises ValueError"), "k=2.0": (2.0, "raises TypeError")}
BAD_K |= {"k=True": (True, "raises TypeError"), "k='3'": ("3", "raises TypeError")}
BAD_ADD = {
    "amount 0": (("a", 0), "raises ValueError"),
    "amount -5 (a refund)": (("a", -5), "raises ValueError"),
    "amount 1.5": (("a", 1.5), "raises TypeError"),
    "amount True": (("a", True), "raises TypeError"),
    "amount '100'": (("a", "100"), "raises TypeError"),
    "merchant ''": (("", 100), "raises ValueError"),
    "merchant None": ((None, 100), "raises TypeError"),
}


@checks.hidden("bad values of k are rejected", fed=", ".join(BAD_K))
def bad_k(t: Trial) -> None:
    t.expect({name: want for name, (_, want) in BAD_K.items()})
    t.got(
        {
            name: t.raises(lambda k=k: board(t, k), show_value=False)
            for name, (k, _) in BAD_K.items()
        }
    )


@checks.hidden("bad payments are rejected", fed="add(...) with " + ", ".join(BAD_ADD))
def bad_add(t: Trial) -> None:
    t.expect({name: want for name, (_, want) in BAD_ADD.items()})
    got = {}
    for name, (args, _) in BAD_ADD.items():
        b = board(t, 2)
        got[name] = t.raises(lambda b=b, args=args: b.add(*args), show_value=False)
    t.got(got)


@checks.hidden(
    "a rejected payment changes nothing",
    fed="k=2; add a 5; add a -5 and a True (both rejected); add a 1, b 1; top()",
)
def rejected_changes_nothing(t: Trial) -> None:
    t.expect([("a", 6), ("b", 1)])
    b = board(t, 2)
    b.add("a", 5)
    t.raises(lambda: b.add("a", -5))
    t.raises(lambda: b.add("a", True))
    b.add("a", 1)
    b.add("b", 1)
    t.got([tuple(pair) for pair in b.top()])


@checks.hidden(
    "changing the list top() returned changes nothing",
    fed="k=2; add a 5, b 3; clear the list top() returned; add c 1; top()",
)
def top_returns_a_copy(t: Trial) -> None:
    t.expect([("a", 5), ("b", 3)])
    b = board(t, 2)
    b.add("a", 5)
    b.add("b", 3)
    b.top().clear()
    b.add("c", 1)
    t.got([tuple(pair) for pair in b.top()])


@checks.hidden(
    "random streams with many ties agree with sorting every merchant",
    fed="200 streams (seed 3): k in 1-6, 1-12 merchants, 1-60 payments of 1-4; "
    "top() after each payment",
)
def random_streams(t: Trial) -> None:
    rng = random.Random(3)
    t.expect("all 200 agree")
    for n in range(200):
        k = rng.randint(1, 6)
        merchants = [f"acct_{i:02d}" for i in range(rng.randint(1, 12))]
        payments = [(rng.choice(merchants), rng.randint(1, 4)) for _ in range(rng.randint(1, 60))]
        want, got = expected_tops(k, payments), tops_after_each(t, k, payments)
        for i, (w, g) in enumerate(zip(want, got, strict=True)):
            if w != g:
                t.got(f"stream {n}, k={k}: after {payments[: i + 1]} top() gave {g}, expected {w}")
                return
    t.got("all 200 agree")


class PlainBoard:
    """The checks' own plain solution, the top k in a sorted list: the time budget's baseline."""

    def __init__(self, k: int) -> None:
        self.k, self.totals, self.ranked = k, {}, []

    def add(self, merchant: str, amount: int) -> None:
        old = self.totals.get(merchant, 0)
        new = self.totals[merchant] = old + amount
        i = bisect_left(self.ranked, (-old, merchant))
        if i < len(self.ranked) and self.ranked[i] == (-old, merchant):
            del self.ranked[i]
        if len(self.ranked) < self.k or (-new, merchant) < self.ranked[-1]:
            insort(self.ranked, (-new, merchant))
            del self.ranked[self.k :]

    def top(self) -> list[tuple[str, int]]:
        return [(merchant, -negated) for negated, merchant in self.ranked]


def random_payments(seed: int, count: int, merchants: int) -> list[tuple[str, int]]:
    rng = random.Random(seed)
    return [(f"acct_{rng.randrange(merchants):05d}", rng.randint(1, 10_000)) for _ in range(count)]


TIMES = 8  # the budgets: this many times the plain solution's time, on this machine, now
LIVE_PAYMENTS, LIVE_MERCHANTS, LIVE_K = 5_000, 1_000, 10
CHECKPOINTS = (1, 10, 1_000, 2_500, 5_000)


def live_tops(t: Trial, b: object, payments: list[tuple[str, int]]) -> dict[int, list]:
    """top() after every payment; the tops at the checkpoints."""
    seen = {}
    for n, (merchant, amount) in enumerate(payments, start=1):
        b.add(merchant, amount)
        top = b.top()
        if n in CHECKPOINTS:
            seen[n] = [tuple(pair) for pair in top]
        if n % 128 == 0:
            t.on_time(f"{n:,} of {len(payments):,} payments")
    return seen


@checks.hidden(
    f"{LIVE_PAYMENTS:,} payments to {LIVE_MERCHANTS:,} merchants, top {LIVE_K} after each, "
    f"within {TIMES} times a plain solution's time",
    fed=f"k={LIVE_K}; {LIVE_PAYMENTS:,} payments of 1-10,000 cents to random merchants "
    f"of {LIVE_MERCHANTS:,} (seed 7); top() after every payment",
)
def large_live(t: Trial) -> None:
    payments = random_payments(7, LIVE_PAYMENTS, LIVE_MERCHANTS)
    totals: dict[str, int] = {}
    want = {}
    for n, (merchant, amount) in enumerate(payments, start=1):
        totals[merchant] = totals.get(merchant, 0) + amount
        if n in CHECKPOINTS:
            want[n] = expected_top(totals, LIVE_K)
    t.expect(want)
    t.budget_from(lambda: live_tops(t, PlainBoard(LIVE_K), payments), TIMES)
    t.got(live_tops(t, board(t, LIVE_K), payments))


WIDE_PAYMENTS, WIDE_MERCHANTS, WIDE_K, WIDE_EVERY = 10_000, 5_000, 2_000, 2_500


def wide_tops(t: Trial, b: object, payments: list[tuple[str, int]]) -> dict[int, tuple]:
    """top() every WIDE_EVERY payments: its length, first and last pairs."""
    seen = {}
    for n, (merchant, amount) in enumerate(payments, start=1):
        b.add(merchant, amount)
        if n % WIDE_EVERY == 0:
            top = [tuple(pair) for pair in b.top()]
            seen[n] = (len(top), top[0], top[-1]) if top else (0, None, None)
        if n % 128 == 0:
            t.on_time(f"{n:,} of {len(payments):,} payments")
    return seen


@checks.hidden(
    f"{WIDE_PAYMENTS:,} payments, k={WIDE_K:,}, top() every {WIDE_EVERY:,} payments, "
    f"within {TIMES} times a plain solution's time",
    fed=f"k={WIDE_K:,}; {WIDE_PAYMENTS:,} payments of 1-10,000 cents to random merchants "
    f"of {WIDE_MERCHANTS:,} (seed 8); top() after every {WIDE_EVERY:,}th payment",
)
def large_wide(t: Trial) -> None:
    payments = random_payments(8, WIDE_PAYMENTS, WIDE_MERCHANTS)
    totals: dict[str, int] = {}
    want = {}
    for n, (merchant, amount) in enumerate(payments, start=1):
        totals[merchant] = totals.get(merchant, 0) + amount
        if n % WIDE_EVERY == 0:
            top = heapq.nsmallest(WIDE_K, totals.items(), key=lambda pair: (-pair[1], pair[0]))
            want[n] = (len(top), top[0], top[-1])
    t.expect(want)
    t.budget_from(lambda: wide_tops(t, PlainBoard(WIDE_K), payments), TIMES)
    t.got(wide_tops(t, board(t, WIDE_K), payments))
