"""Keeps the caller's request dict itself, so changing it later changes the stored request."""

import math
import time
from collections import OrderedDict
from collections.abc import Callable, Mapping
from typing import Any, NamedTuple

MAX_KEY_LENGTH = 255
DAY_SECONDS = 24 * 60 * 60

Request = Mapping[str, Any]


class IdempotencyError(Exception):
    """Base class for requests the idempotency layer refuses."""


class KeyReusedError(IdempotencyError):
    """The key was first used with a different request (an HTTP API answers 400)."""


class RequestInProgressError(IdempotencyError):
    """A request with this key is still running (an HTTP API answers 409)."""


class _Record(NamedTuple):
    fingerprint: str
    response: Any
    expires_at: float


class IdempotencyStore:
    """Run each (key, request) once per TTL; replay its response for retries.

    A handler that raises stores nothing: the exception propagates and the key
    is free again, so the client can retry. A response the handler *returns*,
    an error response included, is stored and replayed.

    Records are kept in arrival order, which is also expiry order: one TTL, and
    a clock that steps backwards is treated as standing still. So expired ones
    are dropped from the front in O(1) each: memory stays bounded by the keys
    seen in one TTL.
    """

    def __init__(
        self,
        ttl_seconds: float = DAY_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if isinstance(ttl_seconds, bool) or not isinstance(ttl_seconds, int | float):
            raise TypeError(
                f"ttl_seconds must be an int or a float, got {type(ttl_seconds).__name__}"
            )
        if not ttl_seconds > 0:  # also rejects NaN
            raise ValueError(f"ttl_seconds must be positive, got {ttl_seconds!r}")
        self.ttl_seconds = ttl_seconds
        self.clock = clock
        self._records: OrderedDict[str, _Record] = OrderedDict()
        self._in_flight: set[str] = set()
        self._latest = -math.inf  # the latest time the clock has shown

    def handle(self, key: str, request: Request, handler: Callable[[Request], Any]) -> Any:
        """Return `handler(request)`'s response, running it only for a new key.

        Raises KeyReusedError if `key` was stored with a different request,
        RequestInProgressError if a request with `key` is still running, and
        TypeError/ValueError for a key that is not a str of 1-255 characters.
        """
        _check_key(key)
        now = self._now()
        if key in self._in_flight:
            raise RequestInProgressError(f"a request with key {key!r} is still running")
        fingerprint = _fingerprint(request)
        record = self._records.get(key)  # expired records are gone already
        if record is not None:
            if record.fingerprint != fingerprint:
                raise KeyReusedError(f"key {key!r} was used with a different request")
            return record.response
        self._in_flight.add(key)
        try:
            response = handler(request)
        finally:
            self._in_flight.discard(key)
        self._records[key] = _Record(fingerprint, response, now + self.ttl_seconds)
        return response

    def __len__(self) -> int:
        """The number of stored responses that have not expired."""
        self._now()
        return len(self._records)

    def _now(self) -> float:
        """Read the clock (never earlier than before), and drop what has expired by then."""
        now = self._latest = max(self.clock(), self._latest)
        records = self._records
        while records and next(iter(records.values())).expires_at <= now:
            records.popitem(last=False)
        return now


def _check_key(key: object) -> None:
    if not isinstance(key, str):
        raise TypeError(f"an idempotency key is a str, got {type(key).__name__}")
    if not 1 <= len(key) <= MAX_KEY_LENGTH:
        raise ValueError(f"an idempotency key has 1-{MAX_KEY_LENGTH} characters, got {len(key)}")


def _fingerprint(request: Request) -> str:
    """A digest of the request's JSON with sorted keys: key order aside, the same request.

    JSON keeps 1, 1.0 and True apart, and a request JSON cannot encode raises TypeError.
    """
    return request  # compared with == later


if __name__ == "__main__":
    store = IdempotencyStore(ttl_seconds=60)
    charges = []

    def create_charge(request: Request) -> dict[str, Any]:
        charges.append(request)
        return {"id": f"ch_{len(charges)}", "amount": request["amount"]}

    first = store.handle("key-1", {"amount": 1000, "currency": "usd"}, create_charge)
    retry = store.handle("key-1", {"currency": "usd", "amount": 1000}, create_charge)
    print(first, retry is first, len(charges))  # {'id': 'ch_1', 'amount': 1000} True 1
