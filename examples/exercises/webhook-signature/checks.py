"""Checks for the webhook-signature exercise: public ones first, then hidden edge cases."""

import hashlib
import hmac
import random
import secrets

from exercise_harness import Checks, Trial

checks = Checks()

SECRET = "whsec_test_secret"
PAYLOAD = '{"id": "evt_1", "type": "charge.succeeded"}'
T = 1_700_000_000


def sign(secret: str, timestamp: int, payload: str) -> str:
    message = f"{timestamp}.{payload}".encode()
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


GOOD = sign(SECRET, T, PAYLOAD)


def verify(t: Trial, header: str, now: float, payload: str = PAYLOAD, **kwargs: float) -> bool:
    return t.code("verify_signature")(payload, header, SECRET, now=now, **kwargs)


def parse(t: Trial, header: str) -> object:
    return t.code("parse_signature_header")(header)


@checks.public("a correct signature verifies", fed="header 't=<T>,v1=<good signature>', now=T+10")
def valid(t: Trial) -> None:
    t.expect(True)
    t.got(verify(t, f"t={T},v1={GOOD}", now=T + 10))


@checks.public(
    "a signature made with another secret does not",
    fed="header signed with 'whsec_other', now=T+10",
)
def wrong_secret(t: Trial) -> None:
    t.expect(False)
    t.got(verify(t, f"t={T},v1={sign('whsec_other', T, PAYLOAD)}", now=T + 10))


@checks.public("parsing keeps t and v1, ignores v0", fed="'t=1700000000,v1=abc,v0=def'")
def parse_basic(t: Trial) -> None:
    t.expect((1_700_000_000, ["abc"]))
    timestamp, signatures = parse(t, "t=1700000000,v1=abc,v0=def")
    t.got((timestamp, list(signatures)))


@checks.public("a stale timestamp fails", fed="a correct signature, now=T+301 (tolerance 300)")
def stale(t: Trial) -> None:
    t.expect(False)
    t.got(verify(t, f"t={T},v1={GOOD}", now=T + 301))


@checks.public("a header without t is malformed", fed=f"'v1={GOOD[:12]}...'")
def missing_t(t: Trial) -> None:
    t.expect("raises SignatureHeaderError")
    t.got(t.raises(lambda: parse(t, f"v1={GOOD}")))


@checks.hidden(
    "secret rotation: any matching v1 is accepted",
    fed="header 't=<T>,v1=<signed with old secret>,v1=<good signature>', now=T",
)
def rotation(t: Trial) -> None:
    t.expect(True)
    t.got(verify(t, f"t={T},v1={sign('whsec_old', T, PAYLOAD)},v1={GOOD}", now=T))


@checks.hidden("exactly at the tolerance is accepted", fed="a correct signature, now=T+300")
def at_tolerance(t: Trial) -> None:
    t.expect(True)
    t.got(verify(t, f"t={T},v1={GOOD}", now=T + 300))


@checks.hidden("a timestamp far in the future fails", fed="a correct signature, now=T-301")
def future(t: Trial) -> None:
    t.expect(False)
    t.got(verify(t, f"t={T},v1={GOOD}", now=T - 301))


@checks.hidden("a custom tolerance is honoured", fed="a correct signature, now=T+11, tolerance=10")
def custom_tolerance(t: Trial) -> None:
    t.expect(False)
    t.got(verify(t, f"t={T},v1={GOOD}", now=T + 11, tolerance=10))


@checks.hidden("a tampered payload fails", fed="the good header, payload with 'charge.failed'")
def tampered(t: Trial) -> None:
    t.expect(False)
    payload = PAYLOAD.replace("succeeded", "failed")
    t.got(verify(t, f"t={T},v1={GOOD}", now=T, payload=payload))


@checks.hidden(
    "unknown schemes are ignored when verifying",
    fed="header 't=<T>,v0=zzz,v1=<good signature>,foo=bar', now=T",
)
def unknown_schemes(t: Trial) -> None:
    t.expect(True)
    t.got(verify(t, f"t={T},v0=zzz,v1={GOOD},foo=bar", now=T))


@checks.hidden("a non-numeric t is malformed", fed="'t=soon,v1=abc'")
def non_numeric_t(t: Trial) -> None:
    t.expect("raises SignatureHeaderError")
    t.got(t.raises(lambda: parse(t, "t=soon,v1=abc")))


@checks.hidden("a negative t is malformed", fed="'t=-5,v1=abc'")
def negative_t(t: Trial) -> None:
    t.expect("raises SignatureHeaderError")
    t.got(t.raises(lambda: parse(t, "t=-5,v1=abc")))


@checks.hidden("a header with only v0 is malformed", fed="'t=1700000000,v0=abc'")
def no_v1(t: Trial) -> None:
    t.expect("raises SignatureHeaderError")
    t.got(t.raises(lambda: parse(t, "t=1700000000,v0=abc")))


def outcomes(t: Trial, headers: list[str]) -> dict[str, str]:
    """What parsing each header does: `raises X` or `returns (t, [v1...])`."""
    return {header: t.raises(lambda h=header: parse(t, h)) for header in headers}


WHITESPACE = [" ", "\t", "\n", "\u00a0", "\u2003"]


@checks.hidden(
    "whitespace of any kind is malformed",
    fed="'t=1700000000,<w>v1=abc' for w in space, tab, newline, no-break space, em space",
)
def whitespace(t: Trial) -> None:
    headers = [f"t=1700000000,{w}v1=abc" for w in WHITESPACE]
    t.expect(dict.fromkeys(headers, "raises SignatureHeaderError"))
    t.got(outcomes(t, headers))


TIMESTAMPS = [
    "+1700000000",
    "1_700_000_000",
    "01700000000",
    "\u0661\u0667\u0660\u0660",
    "\uff11\uff17",
]


@checks.hidden(
    "t is written in plain ASCII digits, with no sign or leading zero",
    fed="t = '+1700000000', '1_700_000_000', '01700000000', Arabic-Indic '1700', full-width '17'",
)
def timestamp_spelling(t: Trial) -> None:
    headers = [f"t={stamp},v1=abc" for stamp in TIMESTAMPS]
    t.expect(dict.fromkeys(headers, "raises SignatureHeaderError"))
    t.got(outcomes(t, headers))


@checks.hidden("t=0 is a timestamp like any other", fed="'t=0,v1=abc'")
def zero_timestamp(t: Trial) -> None:
    t.expect((0, ["abc"]))
    timestamp, signatures = parse(t, "t=0,v1=abc")
    t.got((timestamp, list(signatures)))


@checks.hidden(
    "empty items and empty schemes are malformed",
    fed="'t=1700000000,,v1=abc', 't=1700000000,v1=abc,', 't=1700000000,=abc,v1=abc'",
)
def empty_items(t: Trial) -> None:
    headers = ["t=1700000000,,v1=abc", "t=1700000000,v1=abc,", "t=1700000000,=abc,v1=abc"]
    t.expect(dict.fromkeys(headers, "raises SignatureHeaderError"))
    t.got(outcomes(t, headers))


@checks.hidden(
    "an item is split at its first '=' only",
    fed="header 't=<T>,v0=abc==,v1=<good signature>', now=T",
)
def value_with_equals(t: Trial) -> None:
    t.expect(True)
    t.got(verify(t, f"t={T},v0=abc==,v1={GOOD}", now=T))


@checks.hidden(
    "schemes are case-sensitive: 'T' and 'V1' are other schemes",
    fed="'T=1700000000,v1=abc' parsed; header 't=<T>,V1=<good>,v1=<wrong>' verified at now=T",
)
def scheme_case(t: Trial) -> None:
    t.expect(["raises SignatureHeaderError", False])
    wrong = sign("whsec_other", T, PAYLOAD)
    t.got(
        [
            t.raises(lambda: parse(t, "T=1700000000,v1=abc")),
            verify(t, f"t={T},V1={GOOD},v1={wrong}", now=T),
        ]
    )


@checks.hidden("a header that is not a str is a TypeError", fed="b't=1700000000,v1=abc'")
def bytes_header(t: Trial) -> None:
    t.expect("raises TypeError")
    t.got(t.raises(lambda: parse(t, b"t=1700000000,v1=abc")))


@checks.hidden(
    "now=0 is a time, not 'unset'",
    fed="header 't=0,v1=<good signature for t=0>', now=0",
)
def now_zero(t: Trial) -> None:
    t.expect(True)
    t.got(verify(t, f"t=0,v1={sign(SECRET, 0, PAYLOAD)}", now=0))


@checks.hidden("a NaN now is never within tolerance", fed="a correct signature, now=nan")
def nan_now(t: Trial) -> None:
    t.expect(False)
    t.got(verify(t, f"t={T},v1={GOOD}", now=float("nan")))


@checks.hidden("an empty header is malformed", fed="''")
def empty(t: Trial) -> None:
    t.expect("raises SignatureHeaderError")
    t.got(t.raises(lambda: parse(t, "")))


@checks.hidden("two timestamps are malformed", fed="'t=1,t=2,v1=abc'")
def two_timestamps(t: Trial) -> None:
    t.expect("raises SignatureHeaderError")
    t.got(t.raises(lambda: parse(t, "t=1,t=2,v1=abc")))


@checks.hidden("an item without '=' is malformed", fed="'t=1700000000,v1'")
def item_without_equals(t: Trial) -> None:
    t.expect("raises SignatureHeaderError")
    t.got(t.raises(lambda: parse(t, "t=1700000000,v1")))


@checks.hidden(
    "a non-ASCII signature is a mismatch, not a crash",
    fed="header 't=<T>,v1=é', now=T",
)
def non_ascii_signature(t: Trial) -> None:
    t.expect(False)
    t.got(verify(t, f"t={T},v1=é", now=T))


@checks.hidden(
    "signatures are compared with hmac.compare_digest",
    fed="a correct signature, now=T; counting calls to compare_digest",
)
def constant_time(t: Trial) -> None:
    t.expect("compare_digest used")
    calls: list[int] = []
    original = hmac.compare_digest

    def counting(a: object, b: object) -> bool:
        calls.append(1)
        return original(a, b)

    namespace = t.code("verify_signature").__globals__
    patched = {name for name in ("compare_digest",) if namespace.get(name) is original}
    hmac.compare_digest = secrets.compare_digest = counting
    for name in patched:
        namespace[name] = counting
    try:
        verify(t, f"t={T},v1={GOOD}", now=T)
    finally:
        hmac.compare_digest = secrets.compare_digest = original
        for name in patched:
            namespace[name] = original
    t.got("compare_digest used" if calls else "compared with == or another non-constant-time way")


@checks.hidden(
    "300 random headers agree with a direct HMAC",
    fed=(
        "random.Random(11): random payloads and secrets, 1-3 v1 signatures of which "
        "none, one or all are right, now = t plus an offset within or beyond 300 s"
    ),
)
def random_headers(t: Trial) -> None:
    rng = random.Random(11)
    verify_signature = t.code("verify_signature")
    disagreements = []
    for case in range(300):
        payload = "".join(rng.choices('{}":, abcdefxyz0123456789', k=rng.randint(0, 60)))
        secret = f"whsec_{rng.getrandbits(64):x}"
        timestamp = rng.randint(1_600_000_000, 1_800_000_000)
        good = sign(secret, timestamp, payload)
        bad = [sign(f"{secret}x", timestamp, payload) for _ in range(2)]
        signatures = rng.choice([[good], bad[:1], [bad[0], good], bad, [good, good, bad[1]]])
        offset = rng.choice([0, 1, 120, 299, 301, 5_000]) * rng.choice([1, -1])
        header = ",".join([f"t={timestamp}", *(f"v1={s}" for s in signatures)])
        expected = good in signatures and abs(offset) <= 300
        if verify_signature(payload, header, secret, now=timestamp + offset) != expected:
            disagreements.append(case)
    t.expect([])
    t.got(disagreements[:10])
