"""The sandbox payments API: one ``handle`` answers every request, over HTTP or in process.

Modelled on the parts of Stripe's API that an integration meets first: cursor
pagination, error objects, rate limits, transient server errors and
idempotency keys. API.md, beside this file, is the reference a reader gets.

Every fault is a function of the seed and the request, never of the order in
which requests arrive; only rate limiting depends on time, and time comes from
the clock you pass in (a ``FakeClock`` in tests).
"""

from __future__ import annotations

import json
import math
import random
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from itertools import islice
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from .clock import Clock, RealClock
from .store import PREFIXES, JsonObject, Store
from .transport import Response

MAX_LIMIT = 100
DEFAULT_LIMIT = 10
MAX_KEY_LENGTH = 255
KEY_LIFETIME_SECONDS = 24 * 60 * 60
RANGE_OPERATORS = ("gt", "gte", "lt", "lte")
EVIDENCE_FIELDS = frozenset(
    {
        "customer_email_address",
        "customer_name",
        "product_description",
        "shipping_address",
        "shipping_carrier",
        "shipping_date",
        "shipping_tracking_number",
        "uncategorized_text",
    }
)
# Dispute statuses that still accept evidence, and where submitting or closing moves them.
OPEN_DISPUTES = {
    "needs_response": ("under_review", "lost"),
    "warning_needs_response": ("warning_under_review", "warning_closed"),
}


@dataclass(frozen=True)
class RateLimit:
    """A token bucket: ``burst`` requests at once, refilled at ``per_second``."""

    burst: int
    per_second: float


@dataclass(frozen=True)
class Faults:
    """What goes wrong, and how often. The default: nothing."""

    rate_limit: RateLimit | None = None
    # Share of distinct requests that fail with a 500, 502 or 503 before they succeed,
    # and how many attempts of one such request fail in a row, at most.
    transient_rate: float = 0.0
    max_transient: int = 2
    # Share of distinct requests whose response is lost after the request took effect.
    lost_response_rate: float = 0.0


@dataclass(frozen=True)
class LoggedRequest:
    at: float
    method: str
    target: str
    idempotency_key: str | None
    status: int | None  # None when the response was lost


@dataclass
class _Saved:
    fingerprint: tuple[Any, ...]
    response: Response
    at: float


@dataclass
class _Bucket:
    tokens: float
    at: float


class _Refused(Exception):
    """Raised inside the API to answer with an error response at once."""

    def __init__(self, response: Response) -> None:
        super().__init__(response.status)
        self.response = response


@dataclass(frozen=True)
class _Route:
    name: str
    run: Callable[[dict[str, Any]], JsonObject]
    allowed: Callable[[str], bool] = field(default=lambda name: False)


class Sandbox:
    """A fake payments API over a ``Store``, with faults drawn from ``seed``."""

    def __init__(
        self,
        store: Store,
        *,
        seed: int = 0,
        faults: Faults | None = None,
        clock: Clock | None = None,
    ) -> None:
        self.store = store
        self.seed = seed
        self.faults = faults or Faults()
        self.clock = clock or RealClock()
        self.log: list[LoggedRequest] = []
        self._attempts: dict[str, int] = {}
        self._lost: set[str] = set()
        self._saved: dict[str, _Saved] = {}
        self._bucket: _Bucket | None = None
        self._lock = threading.Lock()  # the HTTP server answers from several threads

    def handle(
        self, method: str, target: str, headers: Mapping[str, str], body: str = ""
    ) -> Response | None:
        """Answer one request; ``None`` means the response was lost on its way back."""
        headers = {name.lower(): value for name, value in headers.items()}
        with self._lock:
            key = headers.get("idempotency-key") if method == "POST" else None
            response = self._answer(method.upper(), target, headers, body, key)
            self.log.append(
                LoggedRequest(self.clock.now(), method, target, key, response and response.status)
            )
            return response

    def traffic(self) -> str:
        """One line on what the sandbox answered so far, for the end of a run."""
        answers = {"ok": 0, "rate limited": 0, "server errors": 0, "other errors": 0, "lost": 0}
        for request in self.log:
            if request.status is None:
                answers["lost"] += 1
            elif request.status < 400:
                answers["ok"] += 1
            elif request.status == 429:
                answers["rate limited"] += 1
            elif request.status >= 500:
                answers["server errors"] += 1
            else:
                answers["other errors"] += 1
        counts = ", ".join(f"{count} {name}" for name, count in answers.items() if count)
        return f"{len(self.log)} requests: {counts or 'none'}"

    # -- The order a request goes through --------------------------------------

    def _answer(
        self, method: str, target: str, headers: dict[str, str], body: str, key: str | None
    ) -> Response | None:
        identity = f"{method} {target}\n{body}"
        try:
            self._authenticate(headers)
            self._limit_rate()
            self._fail_transiently(identity)
            route, params = self._parse(method, target, headers, body)
            fingerprint = (method, urlsplit(target).path, tuple(sorted(_pairs(params))))
            if key is not None:
                replayed = self._replay(key, fingerprint)
                if replayed is not None:
                    return replayed
        except _Refused as refusal:
            return refusal.response
        # The endpoint starts executing: from here on its answer, error or not, is saved.
        try:
            response = _json_response(200, route.run(params))
        except _Refused as refusal:
            response = refusal.response
        if key is not None:
            self._saved[key] = _Saved(fingerprint, response, self.clock.now())
        if self._loses(identity):
            return None
        return response

    def _authenticate(self, headers: dict[str, str]) -> None:
        scheme, _, api_key = headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not api_key.startswith("sk_test_"):
            raise _Refused(
                _error(
                    401,
                    "authentication_error",
                    "No valid API key provided: send `Authorization: Bearer sk_test_...`.",
                )
            )

    def _limit_rate(self) -> None:
        limit = self.faults.rate_limit
        if limit is None:
            return
        now = self.clock.now()
        bucket = self._bucket or _Bucket(tokens=limit.burst, at=now)
        bucket.tokens = min(limit.burst, bucket.tokens + (now - bucket.at) * limit.per_second)
        bucket.at = now
        self._bucket = bucket
        if bucket.tokens >= 1:
            bucket.tokens -= 1
            return
        wait = max(1, math.ceil((1 - bucket.tokens) / limit.per_second))
        raise _Refused(
            _error(
                429,
                "invalid_request_error",
                "Too many requests hit the API too quickly. Wait for Retry-After seconds.",
                code="rate_limit",
                headers={"retry-after": str(wait)},
            )
        )

    def _fail_transiently(self, identity: str) -> None:
        attempt = self._attempts.get(identity, 0) + 1
        self._attempts[identity] = attempt
        chance = self._chance("transient", identity)
        if chance.random() >= self.faults.transient_rate:
            return
        if attempt <= chance.randint(1, self.faults.max_transient):
            status = chance.choice((500, 502, 503))
            raise _Refused(
                _error(status, "api_error", "Something went wrong on our end. Please retry.")
            )

    def _loses(self, identity: str) -> bool:
        if identity in self._lost:
            return False
        if self._chance("lost", identity).random() < self.faults.lost_response_rate:
            self._lost.add(identity)
            return True
        return False

    def _chance(self, purpose: str, identity: str) -> random.Random:
        return random.Random(f"{self.seed}|{purpose}|{identity}")

    def _replay(self, key: str, fingerprint: tuple[Any, ...]) -> Response | None:
        if not 1 <= len(key) <= MAX_KEY_LENGTH:
            raise _Refused(
                _error(
                    400,
                    "idempotency_error",
                    f"Idempotency keys are 1 to {MAX_KEY_LENGTH} characters long.",
                )
            )
        saved = self._saved.get(key)
        if saved is None or self.clock.now() - saved.at >= KEY_LIFETIME_SECONDS:
            return None
        if saved.fingerprint != fingerprint:
            raise _Refused(
                _error(
                    400,
                    "idempotency_error",
                    "Keys for idempotent requests can only be used with the same "
                    f"parameters they were first used with (key {key!r}).",
                )
            )
        return Response(
            saved.response.status,
            saved.response.body,
            {**saved.response.headers, "idempotent-replayed": "true"},
        )

    # -- Routing and parameters -------------------------------------------------

    def _parse(
        self, method: str, target: str, headers: dict[str, str], body: str
    ) -> tuple[_Route, dict[str, Any]]:
        url = urlsplit(target)
        route = self._route(method, url.path)
        if method == "POST":
            if body.lstrip().startswith(("{", "[")) or "json" in headers.get("content-type", ""):
                raise _Refused(
                    _invalid(
                        "Request bodies are form-encoded (application/x-www-form-urlencoded), "
                        "as in `evidence[shipping_carrier]=UPS&submit=true`, not JSON."
                    )
                )
            pairs = parse_qsl(body, keep_blank_values=True)
        else:
            pairs = parse_qsl(url.query, keep_blank_values=True)
        params: dict[str, Any] = {}
        for name, value in pairs:
            if not route.allowed(name):
                raise _Refused(_invalid(f"Received unknown parameter: {name}", param=name))
            outer, _, inner = name.partition("[")
            if inner:
                params.setdefault(outer, {})[inner.rstrip("]")] = value
            else:
                params[name] = value
        return route, params

    def _route(self, method: str, path: str) -> _Route:
        parts = path.strip("/").split("/")
        if parts[0] == "v1" and len(parts) > 1 and parts[1] in PREFIXES:
            collection, rest = parts[1], parts[2:]
            if method == "GET" and not rest:
                return _Route(
                    "list",
                    lambda params: self._list(collection, params),
                    lambda name: _list_parameter(collection, name),
                )
            if method == "GET" and len(rest) == 1:
                return _Route("retrieve", lambda params: self._retrieve(collection, rest[0]))
            if method == "POST" and collection == "disputes" and len(rest) == 1:
                return _Route(
                    "update",
                    lambda params: self._update_dispute(rest[0], params),
                    _dispute_parameter,
                )
            if method == "POST" and collection == "disputes" and rest[1:] == ["close"]:
                return _Route("close", lambda params: self._close_dispute(rest[0]))
        raise _Refused(
            _error(404, "invalid_request_error", f"Unrecognized request URL ({method}: {path}).")
        )

    # -- Endpoints ---------------------------------------------------------------

    def _list(self, collection: str, params: dict[str, Any]) -> JsonObject:
        limit = _integer(params.get("limit", DEFAULT_LIMIT), "limit")
        if not 1 <= limit <= MAX_LIMIT:
            raise _Refused(
                _invalid(f"limit must be between 1 and {MAX_LIMIT}, not {limit}.", param="limit")
            )
        after, before = params.get("starting_after"), params.get("ending_before")
        if after and before:
            raise _Refused(
                _invalid(
                    "starting_after and ending_before are mutually exclusive: send one.",
                    param="starting_after",
                )
            )
        listing = self.store.listing(collection)
        start, stop, step = 0, len(listing), 1
        if after or before:
            position = self.store.position(collection, after or before)
            if position is None:
                raise _Refused(
                    _invalid(
                        f"No such object: {after or before!r}",
                        param="starting_after" if after else "ending_before",
                        code="resource_missing",
                    )
                )
            # After the cursor: older objects, in order. Before it: newer ones, nearest first.
            start, stop, step = (position + 1, len(listing), 1) if after else (position - 1, -1, -1)
        candidates = (listing[n] for n in range(start, stop, step))
        # Read only as far as the page needs, plus one to know whether there is more.
        found = list(islice((obj for obj in candidates if self._matches(obj, params)), limit + 1))
        page = found[:limit]
        return {
            "object": "list",
            "url": f"/v1/{collection}",
            "has_more": len(found) > limit,
            "data": page[::-1] if before else page,
        }

    def _matches(self, obj: JsonObject, params: dict[str, Any]) -> bool:
        for name, wanted in params.items():
            if name in ("limit", "starting_after", "ending_before"):
                continue
            if name == "payout":
                if self.store.payout_of.get(obj["id"]) != wanted:
                    return False
            elif isinstance(wanted, dict) or name in ("created", "arrival_date"):
                if not _in_range(obj.get(name), wanted, name):
                    return False
            elif obj.get(name) != wanted:
                return False
        return True

    def _retrieve(self, collection: str, object_id: str) -> JsonObject:
        return self._find(collection, object_id)

    def _find(self, collection: str, object_id: str) -> JsonObject:
        obj = self.store.get(collection, object_id)
        if obj is None:
            singular = collection.removesuffix("s")
            raise _Refused(
                _error(
                    404,
                    "invalid_request_error",
                    f"No such {singular}: {object_id!r}",
                    code="resource_missing",
                )
            )
        return obj

    def _update_dispute(self, dispute_id: str, params: dict[str, Any]) -> JsonObject:
        dispute = self._find("disputes", dispute_id)
        submit = params.get("submit", "true")
        if submit not in ("true", "false"):
            raise _Refused(_invalid("submit must be true or false.", param="submit"))
        self._require_open(dispute)
        if submit == "true" and self.clock.now() > dispute["evidence_details"]["due_by"]:
            raise _Refused(
                _invalid(
                    f"The evidence for {dispute_id} was due by "
                    f"{dispute['evidence_details']['due_by']}; it can no longer be submitted.",
                    code="dispute_past_due",
                )
            )
        dispute["evidence"].update(
            {name: value or None for name, value in params.get("evidence", {}).items()}
        )
        dispute["metadata"].update(params.get("metadata", {}))
        details = dispute["evidence_details"]
        details["has_evidence"] = any(value for value in dispute["evidence"].values())
        if submit == "true":
            details["submission_count"] += 1
            dispute["status"] = OPEN_DISPUTES[dispute["status"]][0]
        return dispute

    def _close_dispute(self, dispute_id: str) -> JsonObject:
        dispute = self._find("disputes", dispute_id)
        self._require_open(dispute)
        dispute["status"] = OPEN_DISPUTES[dispute["status"]][1]
        return dispute

    def _require_open(self, dispute: JsonObject) -> None:
        if dispute["status"] not in OPEN_DISPUTES:
            raise _Refused(
                _invalid(
                    f"Dispute {dispute['id']} is {dispute['status']}: only a dispute that needs "
                    "a response can be updated or closed.",
                    code="dispute_not_open",
                )
            )


# -- Parameters -------------------------------------------------------------------

LIST_FILTERS = {
    "charges": ("created",),
    "refunds": ("charge", "created"),
    "balance_transactions": ("payout", "type", "source", "created"),
    "payouts": ("status", "arrival_date", "created"),
    "disputes": ("charge", "created"),
}
RANGE_FILTERS = ("created", "arrival_date")


def _list_parameter(collection: str, name: str) -> bool:
    if name in ("limit", "starting_after", "ending_before"):
        return True
    outer, bracket, inner = name.partition("[")
    if outer not in LIST_FILTERS[collection]:
        return False
    return not bracket or (outer in RANGE_FILTERS and inner.rstrip("]") in RANGE_OPERATORS)


def _dispute_parameter(name: str) -> bool:
    outer, bracket, inner = name.partition("[")
    if outer == "submit":
        return not bracket
    if outer == "evidence":
        return inner.rstrip("]") in EVIDENCE_FIELDS
    return outer == "metadata" and bool(inner.rstrip("]"))


def _in_range(value: Any, wanted: str | dict[str, str], name: str) -> bool:
    if not isinstance(wanted, dict):
        return value == _integer(wanted, name)
    checks = {
        "gt": lambda bound: value > bound,
        "gte": lambda bound: value >= bound,
        "lt": lambda bound: value < bound,
        "lte": lambda bound: value <= bound,
    }
    return all(checks[op](_integer(bound, f"{name}[{op}]")) for op, bound in wanted.items())


def _integer(value: Any, param: str) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise _Refused(
            _invalid(f"{param} must be an integer, not {value!r}.", param=param)
        ) from None


def _pairs(params: dict[str, Any]) -> list[tuple[str, str]]:
    pairs = []
    for name, value in params.items():
        if isinstance(value, dict):
            pairs.extend((f"{name}[{inner}]", item) for inner, item in value.items())
        else:
            pairs.append((name, value))
    return pairs


# -- Responses --------------------------------------------------------------------


def _json_response(
    status: int, payload: JsonObject, headers: dict[str, str] | None = None
) -> Response:
    return Response(
        status,
        json.dumps(payload),
        {"content-type": "application/json", **(headers or {})},
    )


def _error(
    status: int,
    error_type: str,
    message: str,
    *,
    code: str | None = None,
    param: str | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    error = {"type": error_type, "message": message}
    if code:
        error["code"] = code
    if param:
        error["param"] = param
    return _json_response(status, {"error": error}, headers)


def _invalid(message: str, *, param: str | None = None, code: str | None = None) -> Response:
    return _error(400, "invalid_request_error", message, code=code, param=param)
