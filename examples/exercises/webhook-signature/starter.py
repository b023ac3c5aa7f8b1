"""Verify a webhook signature header of the form `t=<unix seconds>,v1=<hex>[,v1=<hex>...]`.

Rules:
- `parse_signature_header(header)` returns `(timestamp, [v1 signatures])`, the
  signatures in header order. The header is a str (anything else raises
  TypeError) of comma-separated `scheme=value` items, each split at its first '='.
- It raises SignatureHeaderError (a ValueError) when the header is malformed:
  empty; any whitespace (spaces, tabs, newlines, Unicode spaces); an item that is
  empty, has no '=' or has an empty scheme; no `t` or more than one; a `t` that
  is not a whole number in ASCII digits with no sign and no leading zero ("0"
  itself is fine); or no `v1`. Schemes are case-sensitive: items with other
  schemes (`v0=...`, `V1=...`) are ignored.
- `verify_signature(payload, header, secret, now=None, tolerance=300)` returns
  True when some `v1` equals the hex HMAC-SHA256 of f"{t}.{payload}" keyed by
  `secret` (both UTF-8) and `abs(now - t) <= tolerance`, in either direction;
  otherwise False. `now` (seconds, an int or a float) defaults to time.time();
  `now=0` is a time like any other, and a NaN `now` is never within tolerance.
  A malformed header raises SignatureHeaderError; a `v1` that is not hex, even
  with non-ASCII characters, simply does not match.
- Compare signatures in constant time.
"""

import hashlib
import hmac
import time


class SignatureHeaderError(ValueError):
    """The signature header is malformed."""


def parse_signature_header(header: str) -> tuple[int, list[str]]:
    raise NotImplementedError("split the header into its timestamp and v1 signatures")


def verify_signature(
    payload: str,
    header: str,
    secret: str,
    now: float | None = None,
    tolerance: float = 300,
) -> bool:
    raise NotImplementedError("recompute the signature and compare")


if __name__ == "__main__":
    secret, payload, t = "whsec_demo", '{"id": "evt_1"}', 1_700_000_000
    signature = hmac.new(secret.encode(), f"{t}.{payload}".encode(), hashlib.sha256).hexdigest()
    print(verify_signature(payload, f"t={t},v1={signature}", secret, now=t + 5))  # expect True
    print(time.time() > t)
