"""Checks for the lru-cache exercise: public ones first, then hidden edge cases."""

import heapq
import random
from collections import OrderedDict

from exercise_harness import Checks, Trial

checks = Checks()


def cache(t: Trial, capacity: object) -> object:
    return t.code("LRUCache")(capacity)


def play(t: Trial, capacity: int, ops: list[tuple]) -> list:
    """Run ("put", key, value), ("get", key) and ("len",) operations; collect what gets return."""
    box = cache(t, capacity)
    seen = []
    for op in ops:
        if op[0] == "put":
            box.put(op[1], op[2])
        elif op[0] == "get":
            seen.append(box.get(op[1]))
        else:
            seen.append(len(box))
    return seen


class ListLRU:
    """The definition, slowly: a list of (key, value), least recently used first."""

    def __init__(self, capacity: int) -> None:
        self.capacity, self.items = capacity, []

    def _find(self, key: object) -> int:
        return next((i for i, (k, _) in enumerate(self.items) if k == key), -1)

    def get(self, key: object) -> object:
        i = self._find(key)
        if i < 0:
            return None
        self.items.append(self.items.pop(i))
        return self.items[-1][1]

    def put(self, key: object, value: object) -> None:
        i = self._find(key)
        if i >= 0:
            self.items.pop(i)
        elif len(self.items) == self.capacity:
            self.items.pop(0)
        self.items.append((key, value))


@checks.public(
    "a get makes a key recent, so the other one is evicted",
    fed="capacity=2; put a=1, put b=2, get a, put c=3; then get b, get a, get c, len",
)
def example(t: Trial) -> None:
    t.expect([1, None, 1, 3, 2])
    ops = [("put", "a", 1), ("put", "b", 2), ("get", "a"), ("put", "c", 3)]
    t.got(play(t, 2, [*ops, ("get", "b"), ("get", "a"), ("get", "c"), ("len",)]))


@checks.public(
    "updating a key in a full cache evicts nothing",
    fed="capacity=2; put a=1, put b=2, put a=10; then len, get b, get a",
)
def update_in_place(t: Trial) -> None:
    t.expect([2, 2, 10])
    ops = [("put", "a", 1), ("put", "b", 2), ("put", "a", 10), ("len",), ("get", "b"), ("get", "a")]
    t.got(play(t, 2, ops))


@checks.public("capacity 0 is rejected", fed="LRUCache(0)")
def zero_capacity(t: Trial) -> None:
    t.expect("raises ValueError")
    t.got(t.raises(lambda: cache(t, 0), show_value=False))


@checks.hidden(
    "a put also makes a key recent",
    fed="capacity=2; put a=1, put b=2, put a=3, put c=4; then get b, get a, get c",
)
def put_refreshes(t: Trial) -> None:
    t.expect([None, 3, 4])
    ops = [("put", "a", 1), ("put", "b", 2), ("put", "a", 3), ("put", "c", 4)]
    t.got(play(t, 2, [*ops, ("get", "b"), ("get", "a"), ("get", "c")]))


@checks.hidden(
    "a miss changes nothing",
    fed="capacity=2; put a=1, put b=2, get zzz, put c=3; then get a, get b, len",
)
def miss_is_a_read(t: Trial) -> None:
    t.expect([None, None, 2, 2])
    ops = [("put", "a", 1), ("put", "b", 2), ("get", "zzz"), ("put", "c", 3)]
    t.got(play(t, 2, [*ops, ("get", "a"), ("get", "b"), ("len",)]))


@checks.hidden(
    "capacity 1",
    fed="capacity=1; put a=1, put b=2; then get a, get b, len",
)
def capacity_one(t: Trial) -> None:
    t.expect([None, 2, 1])
    t.got(play(t, 1, [("put", "a", 1), ("put", "b", 2), ("get", "a"), ("get", "b"), ("len",)]))


@checks.hidden(
    "get returns the default on a miss, and a stored None is a hit",
    fed="capacity=2; put k=None; get('k', 'missing'), get('x', -1), get('x')",
)
def defaults(t: Trial) -> None:
    t.expect([None, -1, None])
    box = cache(t, 2)
    box.put("k", None)
    t.got([box.get("k", "missing"), box.get("x", -1), box.get("x")])


@checks.hidden(
    "falsy and unusual keys: 0, '', None, a tuple",
    fed="capacity=4; put 0='zero', ''='empty', None='none', (1, 2)='pair'; get each, len",
)
def unusual_keys(t: Trial) -> None:
    keys = [0, "", None, (1, 2)]
    values = ["zero", "empty", "none", "pair"]
    t.expect([*values, 4])
    ops = [("put", k, v) for k, v in zip(keys, values, strict=True)]
    t.got(play(t, 4, [*ops, *[("get", k) for k in keys], ("len",)]))


@checks.hidden(
    "never more than `capacity` items; the newest ones stay",
    fed="capacity=5; put i=i*i for i in range(100); len, then get 94 .. 99",
)
def bounded(t: Trial) -> None:
    t.expect([5, None, 95 * 95, 96 * 96, 97 * 97, 98 * 98, 99 * 99])
    ops = [("put", i, i * i) for i in range(100)]
    t.got(play(t, 5, [*ops, ("len",), *[("get", i) for i in range(94, 100)]]))


@checks.hidden("an unhashable key raises TypeError", fed="capacity=2; put([1], 'x')")
def unhashable(t: Trial) -> None:
    t.expect("raises TypeError")
    box = cache(t, 2)
    t.got(t.raises(lambda: box.put([1], "x"), show_value=False))


BAD_CAPACITY = {"-1": -1, "2.5": 2.5, "2.0": 2.0, "True": True, "'3'": "3", "None": None}
WANT = {"-1": "raises ValueError"}


@checks.hidden("bad capacities are rejected", fed="LRUCache(c) for c in " + ", ".join(BAD_CAPACITY))
def bad_capacity(t: Trial) -> None:
    t.expect({name: WANT.get(name, "raises TypeError") for name in BAD_CAPACITY})
    t.got(
        {
            name: t.raises(lambda c=c: cache(t, c), show_value=False)
            for name, c in BAD_CAPACITY.items()
        }
    )


@checks.hidden(
    "300 random runs agree with a plain list kept in recency order",
    fed="300 runs (seed 29): capacity 1-6, keys from 1-10 small ints, 1-80 puts and gets",
)
def random_runs(t: Trial) -> None:
    rng = random.Random(29)
    t.expect("all 300 agree")
    for n in range(300):
        capacity = rng.randint(1, 6)
        keys = range(rng.randint(1, 10))
        ops = [
            ("put", rng.choice(keys), rng.randint(0, 99))
            if rng.random() < 0.5
            else ("get", rng.choice(keys))
            for _ in range(rng.randint(1, 80))
        ]
        oracle = ListLRU(capacity)
        want = []
        for op in ops:
            if op[0] == "put":
                oracle.put(op[1], op[2])
            else:
                want.append(oracle.get(op[1]))
        want.append(len(oracle.items))
        got = play(t, capacity, [*ops, ("len",)])
        if got != want:
            t.got(f"run {n}, capacity={capacity}: {ops} gave {got}, expected {want}")
            return
    t.got("all 300 agree")


LARGE_OPS, LARGE_CAPACITY, LARGE_KEYS = 20_000, 4_000, 12_000
TIMES = 8  # the budget: this many times the plain solution's time, on this machine, now


def heap_lru(capacity: int, ops: list[tuple]) -> tuple[int, int, int]:
    """An independent O(log n) model: last-use ticks in a dict, evictions from a heap."""
    stored: dict[str, tuple[int, int]] = {}  # key -> (value, last use)
    heap: list[tuple[int, str]] = []
    hits = total = 0
    for tick, op in enumerate(ops):
        key = op[1]
        if op[0] == "get":
            if key in stored:
                value = stored[key][0]
                stored[key] = (value, tick)
                heapq.heappush(heap, (tick, key))
                hits += 1
                total += value
            continue
        if key not in stored and len(stored) == capacity:
            while True:
                used, old = heapq.heappop(heap)
                if old in stored and stored[old][1] == used:
                    del stored[old]
                    break
        stored[key] = (op[2], tick)
        heapq.heappush(heap, (tick, key))
    return hits, total, len(stored)


class PlainLRU:
    """The checks' own plain solution, on an OrderedDict: the time budget's baseline."""

    def __init__(self, capacity: int) -> None:
        self.capacity, self.items = capacity, OrderedDict()

    def get(self, key: str, default: object = None) -> object:
        if key not in self.items:
            return default
        self.items.move_to_end(key)
        return self.items[key]

    def put(self, key: str, value: object) -> None:
        if key in self.items:
            self.items.move_to_end(key)
        elif len(self.items) >= self.capacity:
            self.items.popitem(last=False)
        self.items[key] = value

    def __len__(self) -> int:
        return len(self.items)


def replay(t: Trial, box: object, ops: list[tuple]) -> tuple[int, int, int]:
    """Play the operations on a full cache: hits, the sum of the values hit, len at the end."""
    hits = total = 0
    for n, op in enumerate(ops):
        if op[0] == "put":
            box.put(op[1], op[2])
        else:
            value = box.get(op[1])
            if value is not None:
                hits += 1
                total += value
        if n % 256 == 0:
            t.on_time(f"{n:,} of {len(ops):,} operations")
    return hits, total, len(box)


@checks.hidden(
    f"{LARGE_OPS:,} operations on a full cache of {LARGE_CAPACITY:,}, within {TIMES} times "
    "a plain solution's time",
    fed=f"capacity={LARGE_CAPACITY:,}, filled with k0..k{LARGE_CAPACITY - 1}; {LARGE_OPS:,} "
    f"puts and gets (seed 31) over {LARGE_KEYS:,} keys, half of them to a hot fifth of the keys; "
    "hits, sum of hit values, len",
)
def large_run(t: Trial) -> None:
    rng = random.Random(31)
    ops = [("put", f"k{n}", n) for n in range(LARGE_CAPACITY)]
    for n in range(LARGE_OPS):
        hot = rng.random() < 0.5
        key = f"k{rng.randrange(LARGE_KEYS // 5 if hot else LARGE_KEYS)}"
        ops.append(("put", key, n) if rng.random() < 0.6 else ("get", key))
    t.expect(heap_lru(LARGE_CAPACITY, ops))
    t.budget_from(lambda: replay(t, PlainLRU(LARGE_CAPACITY), ops), TIMES)
    t.got(replay(t, cache(t, LARGE_CAPACITY), ops))
