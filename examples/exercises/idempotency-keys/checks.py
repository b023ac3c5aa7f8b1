"""Checks for the idempotency-keys exercise: public ones first, then hidden edge cases."""

import gc
import json
import random
import weakref
from collections import OrderedDict

from exercise_harness import Checks, FakeClock, Trial

checks = Checks()

CHARGE = {"amount": 1000, "currency": "usd"}


class Response(dict):
    """A response dict that a weak reference can watch (to see whether it was freed)."""


class Handler:
    """A handler that counts its calls and returns a new numbered response each time."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, request: dict) -> Response:
        self.calls += 1
        return Response(id=f"ch_{self.calls}", amount=request.get("amount"))


class Declined(Exception):
    """What a failing handler raises in these checks."""


def store(t: Trial, ttl: float, clock: FakeClock) -> object:
    return t.code("IdempotencyStore")(ttl_seconds=ttl, clock=clock)


@checks.public(
    "a retry returns the stored response without running again",
    fed="handle('k1', {amount: 1000, currency: 'usd'}, handler) twice",
)
def replay(t: Trial) -> None:
    t.expect({"same object": True, "handler calls": 1})
    handler, idem = Handler(), store(t, 60, FakeClock())
    first = idem.handle("k1", CHARGE, handler)
    second = idem.handle("k1", dict(CHARGE), handler)
    t.got({"same object": second is first, "handler calls": handler.calls})


@checks.public(
    "the same key with a different request is refused",
    fed="handle('k1', {amount: 1000, ...}), then handle('k1', {amount: 2000, ...})",
)
def reused(t: Trial) -> None:
    t.expect("raises KeyReusedError")
    handler, idem = Handler(), store(t, 60, FakeClock())
    idem.handle("k1", CHARGE, handler)
    t.got(t.raises(lambda: idem.handle("k1", {**CHARGE, "amount": 2000}, handler)))


@checks.public(
    "after the TTL a key is new again",
    fed="ttl=60; handle('k1', ...) at t=0 and at t=60",
)
def after_ttl(t: Trial) -> None:
    t.expect({"responses": ["ch_1", "ch_2"], "handler calls": 2})
    clock = FakeClock()
    handler, idem = Handler(), store(t, 60, clock)
    ids = [idem.handle("k1", CHARGE, handler)["id"]]
    clock.now = 60
    ids.append(idem.handle("k1", CHARGE, handler)["id"])
    t.got({"responses": ids, "handler calls": handler.calls})


@checks.public("a TTL of 0 is rejected", fed="IdempotencyStore(ttl_seconds=0)")
def zero_ttl(t: Trial) -> None:
    t.expect("raises ValueError")
    t.got(t.raises(lambda: store(t, 0, FakeClock())))


@checks.hidden(
    "just before the TTL the response replays", fed="ttl=60; handle('k1') at t=0, t=59.999"
)
def before_ttl(t: Trial) -> None:
    t.expect(["ch_1", "ch_1"])
    clock = FakeClock()
    handler, idem = Handler(), store(t, 60, clock)
    ids = [idem.handle("k1", CHARGE, handler)["id"]]
    clock.now = 59.999
    ids.append(idem.handle("k1", CHARGE, handler)["id"])
    t.got(ids)


@checks.hidden(
    "an expired key may carry a different request",
    fed="ttl=60; handle('k1', amount 1000) at t=0, handle('k1', amount 2000) at t=61",
)
def expired_new_request(t: Trial) -> None:
    t.expect({"id": "ch_2", "amount": 2000})
    clock = FakeClock()
    handler, idem = Handler(), store(t, 60, clock)
    idem.handle("k1", CHARGE, handler)
    clock.now = 61
    t.got(dict(idem.handle("k1", {**CHARGE, "amount": 2000}, handler)))


@checks.hidden(
    "key order in the request does not matter",
    fed="handle('k1', {amount, currency}), then handle('k1', {currency, amount})",
)
def key_order(t: Trial) -> None:
    t.expect(["ch_1", "ch_1"])
    handler, idem = Handler(), store(t, 60, FakeClock())
    first = idem.handle("k1", {"amount": 1000, "currency": "usd"}, handler)["id"]
    second = idem.handle("k1", {"currency": "usd", "amount": 1000}, handler)["id"]
    t.got([first, second])


@checks.hidden(
    "nested request values are compared too",
    fed="handle('k1', {metadata: {order: 'A'}}), then handle('k1', {metadata: {order: 'B'}})",
)
def nested(t: Trial) -> None:
    t.expect("raises KeyReusedError")
    handler, idem = Handler(), store(t, 60, FakeClock())
    idem.handle("k1", {"amount": 5, "metadata": {"order": "A"}}, handler)
    t.got(t.raises(lambda: idem.handle("k1", {"amount": 5, "metadata": {"order": "B"}}, handler)))


@checks.hidden(
    "different keys are independent",
    fed="handle('k1', amount 1000), handle('k2', amount 2000), handle('k1', amount 1000)",
)
def independent_keys(t: Trial) -> None:
    t.expect(["ch_1", "ch_2", "ch_1"])
    handler, idem = Handler(), store(t, 60, FakeClock())
    t.got(
        [
            idem.handle("k1", CHARGE, handler)["id"],
            idem.handle("k2", {**CHARGE, "amount": 2000}, handler)["id"],
            idem.handle("k1", CHARGE, handler)["id"],
        ]
    )


@checks.hidden(
    "a handler that raises stores nothing: the retry runs again",
    fed="handler raises Declined on its first call; handle('k1') twice",
)
def raising_handler(t: Trial) -> None:
    t.expect({"first": "raises Declined", "retry": "ch_2", "handler calls": 2})
    handler, idem = Handler(), store(t, 60, FakeClock())

    def flaky(request: dict) -> Response:
        response = handler(request)
        if handler.calls == 1:
            raise Declined("the card network timed out")
        return response

    first = t.outcome(lambda: idem.handle("k1", CHARGE, flaky)["id"])
    retry = t.outcome(lambda: idem.handle("k1", CHARGE, flaky)["id"])
    t.got({"first": first, "retry": retry, "handler calls": handler.calls})


@checks.hidden(
    "after a handler raised, the key accepts a different request",
    fed="handle('k1', amount 1000) raises; then handle('k1', amount 2000)",
)
def raised_then_other_request(t: Trial) -> None:
    t.expect("ch_1")
    idem = store(t, 60, FakeClock())

    def failing(request: dict) -> Response:
        raise Declined("boom")

    t.outcome(lambda: idem.handle("k1", CHARGE, failing)["id"])
    t.got(t.outcome(lambda: idem.handle("k1", {**CHARGE, "amount": 2000}, Handler())["id"]))


@checks.hidden(
    "a returned error response is stored and replayed",
    fed="handler returns {status: 402, error: 'card_declined'}; handle('k1') twice",
)
def error_response_stored(t: Trial) -> None:
    t.expect({"same object": True, "handler calls": 1})
    calls = []

    def declined(request: dict) -> dict:
        calls.append(request)
        return {"status": 402, "error": "card_declined"}

    idem = store(t, 60, FakeClock())
    first = idem.handle("k1", CHARGE, declined)
    second = idem.handle("k1", CHARGE, declined)
    t.got({"same object": second is first, "handler calls": len(calls)})


@checks.hidden(
    "a key whose handler is still running is refused",
    fed="inside the handler for 'k1', handle('k1', same request) again",
)
def in_flight(t: Trial) -> None:
    t.expect({"inner": "raises RequestInProgressError", "outer": "ok"})
    idem = store(t, 60, FakeClock())
    seen = {}

    def reentrant(request: dict) -> str:
        seen["inner"] = t.raises(lambda: idem.handle("k1", request, Handler()))
        return "ok"

    seen["outer"] = idem.handle("k1", CHARGE, reentrant)
    t.got(seen)


@checks.hidden(
    "the in-flight mark is cleared when the handler raises",
    fed="handle('k1') with a handler that raises; then handle('k1') with one that returns",
)
def in_flight_cleared(t: Trial) -> None:
    t.expect(["raises Declined", "ch_1"])
    idem = store(t, 60, FakeClock())

    def failing(request: dict) -> Response:
        raise Declined("boom")

    t.got(
        [
            t.outcome(lambda: idem.handle("k1", CHARGE, failing)["id"]),
            t.outcome(lambda: idem.handle("k1", CHARGE, Handler())["id"]),
        ]
    )


@checks.hidden(
    "len() counts only unexpired responses",
    fed="ttl=10; keys a, b at t=0, c at t=5; len() at t=5, t=10, t=15",
)
def length(t: Trial) -> None:
    t.expect([3, 1, 0])
    clock = FakeClock()
    handler, idem = Handler(), store(t, 10, clock)
    idem.handle("a", CHARGE, handler)
    idem.handle("b", CHARGE, handler)
    clock.now = 5
    idem.handle("c", CHARGE, handler)
    sizes = []
    for now in (5, 10, 15):
        clock.now = now
        sizes.append(len(idem))
    t.got(sizes)


@checks.hidden("a 255-character key is accepted", fed="handle('k' * 255, ...)")
def longest_key(t: Trial) -> None:
    t.expect("ch_1")
    t.got(t.outcome(lambda: store(t, 60, FakeClock()).handle("k" * 255, CHARGE, Handler())["id"]))


@checks.hidden("a 256-character key is rejected", fed="handle('k' * 256, ...)")
def too_long_key(t: Trial) -> None:
    t.expect("raises ValueError")
    t.got(t.outcome(lambda: store(t, 60, FakeClock()).handle("k" * 256, CHARGE, Handler())["id"]))


@checks.hidden("an empty key is rejected", fed="handle('', ...)")
def empty_key(t: Trial) -> None:
    t.expect("raises ValueError")
    t.got(t.outcome(lambda: store(t, 60, FakeClock()).handle("", CHARGE, Handler())["id"]))


@checks.hidden("a key that is not a str is rejected", fed="handle(None, ...) and handle(42, ...)")
def non_str_key(t: Trial) -> None:
    t.expect(["raises TypeError", "raises TypeError"])
    idem = store(t, 60, FakeClock())
    t.got(
        [t.outcome(lambda key=key: idem.handle(key, CHARGE, Handler())["id"]) for key in (None, 42)]
    )


@checks.hidden("a negative TTL is rejected", fed="IdempotencyStore(ttl_seconds=-1)")
def negative_ttl(t: Trial) -> None:
    t.expect("raises ValueError")
    t.got(t.raises(lambda: store(t, -1, FakeClock())))


@checks.hidden("a rejected key runs nothing", fed="handle('', ...) with a counting handler")
def rejected_key_runs_nothing(t: Trial) -> None:
    t.expect(0)
    handler = Handler()
    t.outcome(lambda: store(t, 60, FakeClock()).handle("", CHARGE, handler)["id"])
    t.got(handler.calls)


@checks.hidden(
    "key order does not matter inside nested values either",
    fed="handle('k1', {metadata: {a: 1, b: 2}}), then handle('k1', {metadata: {b: 2, a: 1}})",
)
def nested_key_order(t: Trial) -> None:
    t.expect(["ch_1", "ch_1"])
    handler, idem = Handler(), store(t, 60, FakeClock())
    t.got(
        [
            t.outcome(lambda: idem.handle("k1", {"metadata": {"a": 1, "b": 2}}, handler)["id"]),
            t.outcome(lambda: idem.handle("k1", {"metadata": {"b": 2, "a": 1}}, handler)["id"]),
        ]
    )


@checks.hidden(
    "1, 1.0 and True are different values, as in JSON",
    fed="handle('k1', {capture: 1}), then {capture: True}; handle('k2', {amount: 1000}), "
    "then {amount: 1000.0}",
)
def json_values(t: Trial) -> None:
    t.expect(["raises KeyReusedError", "raises KeyReusedError"])
    handler, idem = Handler(), store(t, 60, FakeClock())
    idem.handle("k1", {"capture": 1}, handler)
    idem.handle("k2", {"amount": 1000}, handler)
    t.got(
        [
            t.raises(lambda: idem.handle("k1", {"capture": True}, handler)),
            t.raises(lambda: idem.handle("k2", {"amount": 1000.0}, handler)),
        ]
    )


@checks.hidden(
    "changing the request dict after the call changes nothing stored",
    fed="request = {amount: 1000}; handle('k1', request); request['amount'] = 2000; "
    "handle('k1', request)",
)
def request_changed_later(t: Trial) -> None:
    t.expect("raises KeyReusedError")
    handler, idem = Handler(), store(t, 60, FakeClock())
    request = {"amount": 1000, "currency": "usd"}
    idem.handle("k1", request, handler)
    request["amount"] = 2000
    t.got(t.raises(lambda: idem.handle("k1", request, handler)))


@checks.hidden(
    "a request JSON cannot encode is a TypeError, and runs nothing",
    fed="handle('k1', {tags: {'a', 'b'}}) (a set) with a counting handler",
)
def not_json(t: Trial) -> None:
    t.expect({"handle": "raises TypeError", "handler calls": 0})
    handler, idem = Handler(), store(t, 60, FakeClock())
    result = t.raises(lambda: idem.handle("k1", {"tags": {"a", "b"}}, handler))
    t.got({"handle": result, "handler calls": handler.calls})


@checks.hidden(
    "a clock that steps back is treated as standing still",
    fed="ttl=10; handle('a') at t=100; the clock steps back to 50: handle('b', amount 1000); "
    "at t=70, handle('b', amount 2000); len() at t=109 and t=110",
)
def clock_backwards(t: Trial) -> None:
    # 'b' arrives when the clock says 50, but 100 has been seen: it lives until 110.
    t.expect({"b reused at t=70": "raises KeyReusedError", "len at 109": 2, "len at 110": 0})
    clock = FakeClock(100)
    handler, idem = Handler(), store(t, 10, clock)
    idem.handle("a", CHARGE, handler)
    clock.now = 50
    idem.handle("b", CHARGE, handler)
    clock.now = 70
    reused = t.raises(lambda: idem.handle("b", {**CHARGE, "amount": 2000}, handler))
    clock.now = 109
    at_109 = len(idem)
    clock.now = 110
    t.got({"b reused at t=70": reused, "len at 109": at_109, "len at 110": len(idem)})


@checks.hidden(
    "the clock is read once per call",
    fed="handle('k1') (runs the handler), handle('k1') again (a replay), then len()",
)
def one_clock_read(t: Trial) -> None:
    t.expect(3)
    clock = FakeClock()
    handler, idem = Handler(), store(t, 60, clock)
    idem.handle("k1", CHARGE, handler)
    idem.handle("k1", CHARGE, handler)
    len(idem)
    t.got(clock.reads)


BAD_TTLS = {"True": True, "'60'": "60", "None": None, "nan": float("nan"), "-0.5": -0.5}


@checks.hidden("a TTL that is not a positive number is rejected", fed=", ".join(BAD_TTLS))
def bad_ttls(t: Trial) -> None:
    t.expect(
        {
            "True": "raises TypeError",
            "'60'": "raises TypeError",
            "None": "raises TypeError",
            "nan": "raises ValueError",
            "-0.5": "raises ValueError",
        }
    )
    t.got({name: t.raises(lambda v=v: store(t, v, FakeClock())) for name, v in BAD_TTLS.items()})


# -- A property check against a plain model of the rules. ------------------------


class Model:
    """The rules, written as plainly as possible: no eviction, every record kept."""

    def __init__(self, ttl: float) -> None:
        self.ttl = ttl
        self.records: dict[str, tuple[dict, str, float]] = {}
        self.calls = 0

    def handle(self, key: str, request: dict, fails: bool, now: float) -> str:
        record = self.records.get(key)
        if record is not None and now < record[2] + self.ttl:
            return record[1] if record[0] == request else "raises KeyReusedError"
        self.calls += 1
        if fails:
            return "raises Declined"
        response = f"ch_{self.calls}"
        self.records[key] = (request, response, now)
        return response


@checks.hidden(
    "2,000 random calls agree with a plain model of the rules",
    fed="ttl=10; keys from 5, requests from 3, time steps of 0-4 s, 1 in 8 handlers raise (seed 5)",
)
def random_calls(t: Trial) -> None:
    rng = random.Random(5)
    requests = [{"amount": 100}, {"amount": 200}, {"amount": 100, "currency": "eur"}]
    clock = FakeClock()
    model, idem = Model(10), store(t, 10, clock)
    calls = 0

    def handler(request: dict) -> dict:
        nonlocal calls
        calls += 1
        if fails:
            raise Declined("boom")
        return {"id": f"ch_{calls}"}

    t.expect("all 2,000 agree")
    for n in range(2_000):
        clock.now += rng.choice((0, 0, 1, 2, 3, 4))
        key, request = f"k{rng.randrange(5)}", rng.choice(requests)
        fails = rng.random() < 1 / 8
        want = model.handle(key, request, fails, clock.now)
        got = t.outcome(
            lambda key=key, request=request: idem.handle(key, dict(request), handler)["id"]
        )
        if got != want:
            t.got(
                f"call {n} at t={clock.now}: handle({key!r}, {request}) gave {got}, expected {want}"
            )
            return
    t.got("all 2,000 agree")


class PlainStore:
    """The checks' own plain solution, records in an OrderedDict: the time budget's baseline."""

    def __init__(self, ttl: float, clock: FakeClock) -> None:
        self.ttl, self.clock, self.records = ttl, clock, OrderedDict()

    def handle(self, key: str, request: dict, handler) -> object:
        now = self.clock()
        while self.records and next(iter(self.records.values()))[2] <= now:
            self.records.popitem(last=False)
        fingerprint = json.dumps(request, sort_keys=True)
        record = self.records.get(key)
        if record is not None:
            if record[0] != fingerprint:
                raise KeyError(key)
            return record[1]
        response = handler(request)
        self.records[key] = (fingerprint, response, now + self.ttl)
        return response


LARGE = 8_000
TTL = 2_000
TIMES = 8  # the budget: this many times the plain solution's time, on this machine, now


def feed(t: Trial, idem: object, handler: Handler, clock: FakeClock) -> tuple[list, bool]:
    """One new key a second, and every 10th second a retry of the key from 100 s before."""
    watched: list[weakref.ref] = []
    replays_ok = True
    for i in range(LARGE):
        clock.now = i
        watched.append(weakref.ref(idem.handle(f"k{i}", {"n": i}, handler)))
        if i % 10 == 0 and i >= 100:
            replay = idem.handle(f"k{i - 100}", {"n": i - 100}, handler)
            replays_ok = replays_ok and replay is watched[i - 100]()
        if i % 128 == 0:
            t.on_time(f"{i:,} of {LARGE:,} keys handled")
    return watched, replays_ok


@checks.hidden(
    f"{LARGE:,} keys, one a second, ttl={TTL:,}: expired responses are freed, within "
    f"{TIMES} times a plain solution's time",
    fed=f"ttl={TTL:,}; at t=i, handle(f'k{{i}}') for i in range({LARGE:,}), and every 10th "
    "step a retry of the key from 100 s before; then count the responses still in memory",
)
def large_and_bounded(t: Trial) -> None:
    t.expect({"handler calls": LARGE, "replays ok": True, "len": TTL, "responses alive": TTL})
    clock = FakeClock()
    t.budget_from(lambda: feed(t, PlainStore(TTL, clock), Handler(), clock), TIMES)
    clock.now = 0
    handler, idem = Handler(), store(t, TTL, clock)
    watched, replays_ok = feed(t, idem, handler, clock)
    gc.collect()
    alive = sum(ref() is not None for ref in watched)
    t.got(
        {
            "handler calls": handler.calls,
            "replays ok": replays_ok,
            "len": len(idem),
            "responses alive": alive,
        }
    )
