"""Checks for the api-error-rates exercise: public ones first, then hidden edge cases."""

import random
import re
from collections.abc import Iterable, Iterator
from datetime import datetime
from fractions import Fraction

from exercise_harness import Checks, Trial

checks = Checks()

STAMP = "2024-03-01T12:00:00Z"


def line(merchant: str, status: int | str, method: str = "POST", path: str = "/v1/charges") -> str:
    return f"{STAMP} merchant={merchant} method={method} path={path} status={status} duration_ms=87"


def report(t: Trial, lines: Iterable[str], **kwargs: bool) -> tuple[list[tuple], int]:
    """Call error_rates and turn its answer into plain tuples, whatever it returned."""
    rates, malformed = t.code("error_rates")(lines, **kwargs)
    return [tuple(row) for row in rates], malformed


# -- An independent reading of the format, for the random logs ------------------------


STAMP_SHAPE = re.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z")


def oracle_parse(text: str) -> tuple[str, int] | None:
    tokens = text.split()
    if not STAMP_SHAPE.fullmatch(tokens[0]):
        return None
    try:  # the shape is right: are the numbers a real time?
        datetime(
            *(
                int(tokens[0][a:b])
                for a, b in ((0, 4), (5, 7), (8, 10), (11, 13), (14, 16), (17, 19))
            )
        )
    except ValueError:
        return None
    keys = [token.split("=", 1)[0] for token in tokens[1:]]
    if len(keys) != len(set(keys)):
        return None
    fields = {}
    for token in tokens[1:]:
        if "=" not in token or token.startswith("=") or token.endswith("="):
            return None
        key, value = token.split("=", 1)
        fields[key] = value
    needed = ("merchant", "method", "path", "status", "duration_ms")
    if any(key not in fields for key in needed):
        return None
    digits = set("0123456789")
    status, duration = fields["status"], fields["duration_ms"]
    if len(status) != 3 or not set(status) <= digits or status[0] not in "12345":
        return None
    if not duration or not set(duration) <= digits:
        return None
    return fields["merchant"], int(status)


def oracle(lines: list[str], include_4xx: bool = False) -> tuple[list[tuple], int]:
    seen: dict[str, list[int]] = {}
    malformed = 0
    for text in lines:
        if text.strip() == "":
            continue
        parsed = oracle_parse(text)
        if parsed is None:
            malformed += 1
        else:
            seen.setdefault(parsed[0], []).append(parsed[1])
    rows = []
    for merchant, statuses in seen.items():
        bad = sum(1 for s in statuses if s >= (400 if include_4xx else 500))
        rows.append((merchant, len(statuses), bad, bad / len(statuses)))
    rows.sort(key=lambda row: (-Fraction(row[2], row[1]), row[0]))
    return rows, malformed


# -- Public checks ---------------------------------------------------------------------

SAMPLE = [
    line("acct_1", 200),
    line("acct_2", 503),
    line("acct_1", 402),
    line("acct_2", 200),
    line("acct_1", 500),
    "2024-03-01T12:00:05Z merchant=acct_3 method=GET path=/v1/customers status=200",
]


@checks.public(
    "5xx error rates, worst first; the line without duration_ms is malformed",
    fed="acct_1: 200, 402, 500; acct_2: 503, 200; acct_3: a line missing duration_ms",
)
def sample(t: Trial) -> None:
    t.expect(([("acct_2", 2, 1, 0.5), ("acct_1", 3, 1, 1 / 3)], 1))
    t.got(report(t, SAMPLE))


@checks.public(
    "include_4xx=True counts 4xx as errors too",
    fed="the same log, include_4xx=True",
)
def sample_with_4xx(t: Trial) -> None:
    t.expect(([("acct_1", 3, 2, 2 / 3), ("acct_2", 2, 1, 0.5)], 1))
    t.got(report(t, SAMPLE, include_4xx=True))


@checks.public("an empty log", fed="[]")
def empty(t: Trial) -> None:
    t.expect(([], 0))
    t.got(report(t, []))


# -- Hidden checks ---------------------------------------------------------------------


@checks.hidden(
    "equal rates are ordered by merchant id; merchants without errors are listed",
    fed="acct_b: 500, 200; acct_a: 502, 200; acct_c: 200",
)
def ties(t: Trial) -> None:
    log = [line("acct_b", 500), line("acct_b", 200), line("acct_a", 502), line("acct_a", 200)]
    log.append(line("acct_c", 200))
    t.expect(([("acct_a", 2, 1, 0.5), ("acct_b", 2, 1, 0.5), ("acct_c", 1, 0, 0.0)], 0))
    t.got(report(t, log))


@checks.hidden(
    "blank lines are ignored, not counted as malformed",
    fed="['', '   ', '\\n', <one good line ending in '\\n'>]",
)
def blank_lines(t: Trial) -> None:
    t.expect(([("acct_1", 1, 0, 0.0)], 0))
    t.got(report(t, ["", "   ", "\n", line("acct_1", 200) + "\n"]))


@checks.hidden(
    "the boundaries of an error: 499 and 500, 399 and 400",
    fed="acct_1 statuses 399, 400, 499, 500, 599; with and without include_4xx",
)
def status_boundaries(t: Trial) -> None:
    log = [line("acct_1", s) for s in (399, 400, 499, 500, 599)]
    t.expect({"5xx only": ([("acct_1", 5, 2, 0.4)], 0), "4xx too": ([("acct_1", 5, 4, 0.8)], 0)})
    t.got({"5xx only": report(t, log), "4xx too": report(t, log, include_4xx=True)})


MALFORMED = {
    "no timestamp": "merchant=acct_1 method=POST path=/v1/charges status=200 duration_ms=5",
    "timestamp 'yesterday'": line("acct_1", 200).replace(STAMP, "yesterday"),
    "month 13": line("acct_1", 200).replace(STAMP, "2024-13-01T12:00:00Z"),
    "hour 24": line("acct_1", 200).replace(STAMP, "2024-03-01T24:00:00Z"),
    "no Z": line("acct_1", 200).replace(STAMP, "2024-03-01T12:00:00"),
    "second 60": line("acct_1", 200).replace(STAMP, "2024-03-01T23:59:60Z"),
    "one-digit month, day and hour": line("acct_1", 200).replace(STAMP, "2024-3-1T1:02:03Z"),
    "no seconds": line("acct_1", 200).replace(STAMP, "2024-03-01T12:00Z"),
    "fractional seconds": line("acct_1", 200).replace(STAMP, "2024-03-01T12:00:00.5Z"),
    "ISO basic format": line("acct_1", 200).replace(STAMP, "20240301T120000Z"),
    "lower-case t and z": line("acct_1", 200).replace(STAMP, "2024-03-01t12:00:00z"),
    "timestamp in Arabic-Indic digits": line("acct_1", 200).replace(
        "2024", "\u0662\u0660\u0662\u0664"
    ),
    "status '5xx'": line("acct_1", "5xx"),
    "status 600": line("acct_1", 600),
    "status 99": line("acct_1", 99),
    "status in Arabic-Indic digits": line("acct_1", "\u0665\u0660\u0660"),
    "status '0503'": line("acct_1", "0503"),
    "status '5_03'": line("acct_1", "5_03"),
    "duration_ms in Arabic-Indic digits": line("acct_1", 200).replace("=87", "=\u0668\u0667"),
    "duration_ms=-3": line("acct_1", 200).replace("duration_ms=87", "duration_ms=-3"),
    "duration_ms=1.5": line("acct_1", 200).replace("duration_ms=87", "duration_ms=1.5"),
    "empty merchant": line("", 200),
    "status twice": line("acct_1", 200) + " status=500",
    "a field without '='": line("acct_1", 200) + " retried",
    "an unknown field twice": line("acct_1", 200) + " request_id=a request_id=b",
    "an unknown field with no value": line("acct_1", 200) + " request_id=",
    "a field with no key": line("acct_1", 200) + " =x",
    "no merchant field": line("acct_1", 200).replace("merchant=acct_1 ", ""),
    "truncated mid-line": line("acct_1", 200)[:40],
}


@checks.hidden("malformed lines are skipped and counted", fed=", ".join(MALFORMED))
def malformed(t: Trial) -> None:
    t.expect({name: ([], 1) for name in MALFORMED})
    got = {}
    for name, text in MALFORMED.items():
        try:
            got[name] = report(t, [text])
        except Exception as error:
            got[name] = f"raises {type(error).__name__}"
    t.got(got)


@checks.hidden(
    "unknown fields are ignored, field order does not matter, extra spaces are fine",
    fed="'<ts> status=503  request_id=req_9 duration_ms=12 path=/v1/refunds method=POST "
    "merchant=acct_7'",
)
def flexible_fields(t: Trial) -> None:
    text = (
        f"{STAMP} status=503  request_id=req_9 duration_ms=12 path=/v1/refunds "
        "method=POST merchant=acct_7"
    )
    t.expect(([("acct_7", 1, 1, 1.0)], 0))
    t.got(report(t, [text]))


@checks.hidden(
    "a value may contain '=' (a query string)",
    fed="path=/v1/charges?limit=3",
)
def equals_in_value(t: Trial) -> None:
    t.expect(([("acct_1", 1, 0, 0.0)], 0))
    t.got(report(t, [line("acct_1", 200, path="/v1/charges?limit=3")]))


@checks.hidden(
    "only malformed lines: an empty report with the count",
    fed="three lines: 'garbage', 'merchant=acct_1', '<ts> status=500'",
)
def all_malformed(t: Trial) -> None:
    t.expect(([], 3))
    t.got(report(t, ["garbage", "merchant=acct_1", f"{STAMP} status=500"]))


@checks.hidden(
    "the log is read once, as a stream (a generator works)",
    fed="a generator of 3 lines",
)
def generator_input(t: Trial) -> None:
    t.expect(([("acct_1", 2, 1, 0.5), ("acct_2", 1, 0, 0.0)], 0))
    lines = (text for text in [line("acct_1", 500), line("acct_2", 200), line("acct_1", 201)])
    t.got(report(t, lines))


def random_line(rng: random.Random, merchants: list[str]) -> str:
    """A log line, well formed or broken in one of many ways."""
    fields = {
        "merchant": rng.choice(merchants),
        "method": rng.choice(["GET", "POST", "DELETE"]),
        "path": rng.choice(["/v1/charges", "/v1/refunds", "/v1/customers?limit=3"]),
        "status": str(rng.choice([200, 201, 302, 400, 402, 404, 429, 499, 500, 502, 503])),
        "duration_ms": str(rng.randint(0, 3_000)),
    }
    month, day, hour = rng.randint(1, 12), rng.randint(1, 28), rng.randint(0, 23)
    stamp = f"2024-{month:02d}-{day:02d}T{hour:02d}:00:00Z"
    damage = rng.random()
    if damage < 0.08:
        del fields[rng.choice(list(fields))]
    elif damage < 0.14:
        fields[rng.choice(list(fields))] = ""
    elif damage < 0.18:
        fields["status"] = rng.choice(["5x0", "2000", "600", "-50", "050", "\uff12\uff10\uff10"])
    elif damage < 0.21:
        fields["duration_ms"] = rng.choice(["fast", "-1", "3.5", ""])
    elif damage < 0.24:
        # No hour 24 here: datetime.fromisoformat accepts it from Python 3.14 on, and
        # the verdict must not depend on the version (the malformed check has it).
        stamp = rng.choice(["2024-02-30T00:00:00Z", "2024-03-01T23:60:00Z", "2024-03-01", "-"])
    elif damage < 0.27:
        fields["request_id"] = f"req_{rng.randint(1, 99)}"
    items = [f"{key}={value}" for key, value in fields.items()]
    rng.shuffle(items)
    if rng.random() < 0.03:
        items.append(rng.choice(items))  # a repeated field
    if rng.random() < 0.02:
        return rng.choice(["", "  ", "\n"])
    separator = rng.choice([" ", " ", " ", "  ", "\t"])
    return separator.join([stamp, *items]) + rng.choice(["", "\n"])


@checks.hidden(
    "150 random logs agree with a simple independent parser",
    fed="150 logs (seed 11) of 0-40 lines over 1-5 merchants: missing, empty, repeated and "
    "extra fields, bad statuses, durations and timestamps, blank lines, tabs; "
    "include_4xx at random",
)
def random_logs(t: Trial) -> None:
    rng = random.Random(11)
    t.expect("all 150 agree")
    for n in range(150):
        merchants = [f"acct_{i}" for i in range(rng.randint(1, 5))]
        lines = [random_line(rng, merchants) for _ in range(rng.randint(0, 40))]
        include_4xx = rng.random() < 0.5
        want = oracle(lines, include_4xx)
        got = report(t, list(lines), include_4xx=include_4xx)
        if got != want:
            t.got(f"log {n} (include_4xx={include_4xx}): {lines!r} gave {got}, expected {want}")
            return
    t.got("all 150 agree")


def plain_report(lines: Iterable[str]) -> tuple[list[tuple], int]:
    """The checks' own plain solution, one pass with two dicts: the time budget's baseline."""
    counts: dict[str, list[int]] = {}
    malformed = 0
    for text in lines:
        parsed = oracle_parse(text)
        if parsed is None:
            malformed += 1
            continue
        tally = counts.setdefault(parsed[0], [0, 0])
        tally[0] += 1
        tally[1] += parsed[1] >= 500
    rows = [(m, total, bad, bad / total) for m, (total, bad) in counts.items()]
    rows.sort(key=lambda row: (-row[3], row[0]))
    return rows, malformed


# One line per merchant: the merchants grow with the log, which is what a list of
# merchants searched with `in` cannot afford.
LARGE_LINES = LARGE_MERCHANTS = 16_000
TIMES = 10  # the budget: this many times the plain solution's time, on this machine, now


def timed(t: Trial, lines: list[str]) -> Iterator[str]:
    for n, text in enumerate(lines):
        if n % 256 == 0:
            t.on_time(f"{n:,} of {len(lines):,} lines read")
        yield text


@checks.hidden(
    f"{LARGE_LINES:,} lines from {LARGE_MERCHANTS:,} merchants, within {TIMES} times a "
    "plain one-pass solution's time",
    fed=f"{LARGE_LINES:,} lines (seed 5) in random merchant order, acct_00000 to "
    f"acct_{LARGE_MERCHANTS - 1:05d}, 1 in 50 a 503, 1 in 100 malformed; the report's size, "
    "first and last rows",
)
def large_log(t: Trial) -> None:
    merchants = [f"acct_{i:05d}" for i in range(LARGE_MERCHANTS)]
    random.Random(5).shuffle(merchants)
    lines = [
        f"{STAMP} merchant={m} status=500"
        if n % 100 == 99
        else line(m, 503 if n % 50 == 0 else 200)
        for n, m in enumerate(merchants)
    ]
    well_formed = [(m, n % 50 == 0) for n, m in enumerate(merchants) if n % 100 != 99]
    first = min(m for m, failed in well_formed if failed)
    last = max(m for m, failed in well_formed if not failed)
    t.expect((len(well_formed), (first, 1, 1, 1.0), (last, 1, 0, 0.0), LARGE_LINES // 100))
    t.budget_from(lambda: plain_report(timed(t, lines)), TIMES)
    got_rows, got_malformed = report(t, timed(t, lines))
    t.on_time("the report was built")
    t.got((len(got_rows), got_rows[0], got_rows[-1], got_malformed))
