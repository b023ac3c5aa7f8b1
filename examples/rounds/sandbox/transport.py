"""How a client reaches the sandbox: over HTTP, or in the same process.

Both carry the same thing, an HTTP request (method, target, headers, body),
and return the same ``Response``, so code written against one runs against the
other unchanged:

- ``HttpTransport`` talks to ``python -m sandbox`` (or ``sandbox.serve``) on
  127.0.0.1 with the standard library's ``urllib``;
- ``InProcessTransport`` hands the request to a ``Sandbox`` object directly:
  what tests use, and what the browser uses (no sockets there).

A response that never arrives (the connection dropped) raises the built-in
``ConnectionError`` from either transport.
"""

from __future__ import annotations

import http.client
import json
import urllib.error
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from .api import Sandbox


@dataclass(frozen=True)
class Response:
    status: int
    body: str
    # Header names in lower case: HTTP header names are case-insensitive.
    headers: Mapping[str, str] = field(default_factory=dict)

    def header(self, name: str, default: str | None = None) -> str | None:
        return self.headers.get(name.lower(), default)

    def json(self) -> Any:
        return json.loads(self.body)


class Transport(Protocol):
    def send(
        self, method: str, target: str, headers: Mapping[str, str], body: str = ""
    ) -> Response:
        """Send one request; ``target`` is the path with its query, e.g. ``/v1/payouts?limit=3``."""
        ...


class RequestBudgetExceeded(BaseException):
    """The client made more requests than a run allows: a retry loop without a limit.

    It derives from BaseException, like KeyboardInterrupt, so that an
    ``except Exception`` in a retry loop cannot swallow it and loop forever.
    """


class InProcessTransport:
    """Requests handed straight to a ``Sandbox``: no network, no threads."""

    def __init__(self, sandbox: Sandbox, *, max_requests: int = 5_000) -> None:
        self.sandbox = sandbox
        self.max_requests = max_requests
        self.requests = 0

    def send(
        self, method: str, target: str, headers: Mapping[str, str], body: str = ""
    ) -> Response:
        self.requests += 1
        if self.requests > self.max_requests:
            raise RequestBudgetExceeded(
                f"more than {self.max_requests:,} requests in one run: "
                "does a retry or pagination loop never stop?"
            )
        response = self.sandbox.handle(method, target, headers, body)
        if response is None:
            raise ConnectionError("the connection closed before a response arrived")
        return response


class HttpTransport:
    """Requests over HTTP with ``urllib``, to a sandbox served at ``base_url``."""

    def __init__(self, base_url: str, *, timeout: float = 10.0) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout

    def send(
        self, method: str, target: str, headers: Mapping[str, str], body: str = ""
    ) -> Response:
        request = urllib.request.Request(
            self.base_url + target,
            data=body.encode() if body else None,
            headers=dict(headers),
            method=method,
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as reply:
                return _response(reply.status, reply.headers, reply.read())
        except urllib.error.HTTPError as error:  # 4xx and 5xx still carry a body
            with error:
                return _response(error.code, error.headers, error.read())
        except (urllib.error.URLError, http.client.HTTPException, OSError) as error:
            raise ConnectionError(f"no response from {self.base_url}: {error}") from error


def _response(status: int, headers: http.client.HTTPMessage, body: bytes) -> Response:
    return Response(
        status=status,
        body=body.decode("utf-8"),
        headers={name.lower(): value for name, value in headers.items()},
    )
