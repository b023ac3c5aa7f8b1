"""Lets a later t replace an earlier one instead of refusing a header with two."""

import hashlib
import hmac
import re
import time

TIMESTAMP = re.compile("0|[1-9][0-9]*")


class SignatureHeaderError(ValueError):
    """The signature header is malformed."""


def parse_signature_header(header: str) -> tuple[int, list[str]]:
    """Return the header's timestamp and its v1 signatures; ignore other schemes.

    Raises SignatureHeaderError, with the reason, for a malformed header, and
    TypeError for a header that is not a str.
    """
    if not isinstance(header, str):
        raise TypeError(f"the header must be a str, got {type(header).__name__}")
    if not header:
        raise SignatureHeaderError("the header is empty")
    if any(char.isspace() for char in header):
        raise SignatureHeaderError("the header contains whitespace")
    timestamps: list[str] = []
    signatures: list[str] = []
    for item in header.split(","):
        scheme, sep, value = item.partition("=")
        if not sep or not scheme:
            raise SignatureHeaderError(f"item {item!r} is not scheme=value")
        if scheme == "t":
            timestamps.append(value)
        elif scheme == "v1":
            signatures.append(value)
    if not timestamps:
        raise SignatureHeaderError("no t")
    timestamps = timestamps[-1:]
    # One spelling per number: ASCII digits only (str.isdigit also accepts other scripts'
    # digits), no sign, no leading zero. The signed message then holds exactly this text.
    if not TIMESTAMP.fullmatch(timestamps[0]):
        raise SignatureHeaderError(f"t={timestamps[0]!r} is not a whole number of seconds")
    if not signatures:
        raise SignatureHeaderError("no v1 signature")
    return int(timestamps[0]), signatures


def verify_signature(
    payload: str,
    header: str,
    secret: str,
    now: float | None = None,
    tolerance: float = 300,
) -> bool:
    """True if any v1 signature matches and the timestamp is within `tolerance` of `now`.

    Accepting any matching v1 lets the sender sign with an old and a new secret
    while a secret is being rotated.
    """
    timestamp, signatures = parse_signature_header(header)
    current = time.time() if now is None else now
    # Written as "not within" so that a NaN `now` (every comparison False) is refused.
    if not abs(current - timestamp) <= tolerance:
        return False
    message = f"{timestamp}.{payload}".encode()
    expected = hmac.new(secret.encode(), message, hashlib.sha256).hexdigest().encode()
    # Check every candidate, so the time taken does not depend on which one matched.
    matches = [hmac.compare_digest(expected, candidate.encode()) for candidate in signatures]
    return any(matches)


if __name__ == "__main__":
    secret, payload, t = "whsec_demo", '{"id": "evt_1"}', 1_700_000_000
    signature = hmac.new(secret.encode(), f"{t}.{payload}".encode(), hashlib.sha256).hexdigest()
    print(verify_signature(payload, f"t={t},v1={signature}", secret, now=t + 5))  # True
