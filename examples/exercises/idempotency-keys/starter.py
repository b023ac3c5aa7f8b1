"""Idempotent request handling, keyed by an idempotency key (as Stripe's API does).

Rules:
- `handle(key, request, handler)` runs `handler(request)` and returns its response.
- Requests are dicts of JSON values. Two are the same request when they encode
  to the same JSON with sorted keys: key order does not matter at any depth,
  and 1, 1.0 and True are different values. A request JSON cannot encode raises
  TypeError. Changing a request dict after the call changes nothing stored.
- The same key with the same request returns the stored response (the same
  object) without running the handler again; with a different request it
  raises KeyReusedError.
- A key is forgotten `ttl_seconds` after its first request: at `created + ttl`
  exactly it is new again, whatever the request. Time comes from `clock()`,
  read once per call (of handle, or of len). It may repeat a value or jump far
  ahead; if it steps backwards, treat time as standing still at the latest
  time it showed.
- If the handler raises, nothing is stored: the exception propagates unchanged
  and a retry with the same key runs the handler again. A response the handler
  returns (even one that describes an error) is stored.
- A call with a key whose handler is still running raises RequestInProgressError.
- Expired responses must not be kept: memory stays bounded by the keys of one
  TTL, and each call stays fast however many keys are stored. `len(store)` is
  the number of stored, unexpired responses.
- Keys are str of 1-255 characters: a non-str raises TypeError, a bad length
  ValueError. ttl_seconds is an int or a float (anything else, a bool
  included, raises TypeError) and must be > 0 (ValueError, NaN included).
"""

import time
from collections.abc import Callable
from typing import Any


class IdempotencyError(Exception):
    """Base class for requests the idempotency layer refuses."""


class KeyReusedError(IdempotencyError):
    """The key was first used with a different request."""


class RequestInProgressError(IdempotencyError):
    """A request with this key is still running."""


class IdempotencyStore:
    def __init__(
        self,
        ttl_seconds: float = 24 * 60 * 60,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.ttl_seconds = ttl_seconds
        self.clock = clock
        self.responses: dict[str, Any] = {}

    def handle(self, key: str, request: dict, handler: Callable[[dict], Any]) -> Any:
        if key not in self.responses:
            self.responses[key] = handler(request)
        return self.responses[key]

    def __len__(self) -> int:
        return len(self.responses)


if __name__ == "__main__":
    store = IdempotencyStore(ttl_seconds=60)
    calls = []

    def create_charge(request: dict) -> dict:
        calls.append(request)
        return {"id": f"ch_{len(calls)}", "amount": request["amount"]}

    first = store.handle("key-1", {"amount": 1000, "currency": "usd"}, create_charge)
    print(
        store.handle("key-1", {"amount": 1000, "currency": "usd"}, create_charge) is first
    )  # True
    try:
        store.handle("key-1", {"amount": 2000, "currency": "usd"}, create_charge)
        print("a different request with the same key was accepted: expect KeyReusedError")
    except KeyReusedError as error:
        print("refused:", error)
