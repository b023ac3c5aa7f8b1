"""Refuses a repeated key only among the five required ones."""

import re
from collections.abc import Iterable
from datetime import datetime
from typing import NamedTuple

REQUIRED_FIELDS = frozenset({"merchant", "method", "path", "status", "duration_ms"})
TIMESTAMP = re.compile(r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z", re.ASCII)


class MerchantErrorRate(NamedTuple):
    """One row of the report: `errors` of `requests` failed, so `rate` = errors / requests."""

    merchant: str
    requests: int
    errors: int
    rate: float


class ErrorReport(NamedTuple):
    """The rows, worst rate first, and how many non-blank lines were malformed."""

    rates: list[MerchantErrorRate]
    malformed: int


def _is_timestamp(text: str) -> bool:
    """True for `YYYY-MM-DDTHH:MM:SSZ` naming a real time (no month 13, no 25:00)."""
    match = TIMESTAMP.fullmatch(text)
    if match is None:
        return False
    try:
        # The constructor checks every range; fromisoformat accepts 24:00:00 from Python 3.14.
        datetime(*map(int, match.groups()))
    except ValueError:
        return False
    return True


def _is_ascii_number(text: str) -> bool:
    # str.isdigit alone accepts other scripts' digits and superscripts.
    return text.isascii() and text.isdigit()


def parse_line(line: str) -> tuple[str, int] | None:
    """The merchant and HTTP status of one log line, or None when the line is malformed.

    A line is a timestamp followed by key=value fields separated by whitespace.
    The five fields in REQUIRED_FIELDS must each appear exactly once with a
    non-empty value; other fields are allowed and ignored.
    """
    stamp, *items = line.split()
    if not _is_timestamp(stamp):
        return None
    fields: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not (sep and key and value) or (key in REQUIRED_FIELDS and key in fields):
            return None
        fields[key] = value
    if REQUIRED_FIELDS - fields.keys():
        return None
    status, duration = fields["status"], fields["duration_ms"]
    if not (len(status) == 3 and _is_ascii_number(status) and 100 <= int(status) <= 599):
        return None
    if not _is_ascii_number(duration):
        return None
    return fields["merchant"], int(status)


def error_rates(lines: Iterable[str], *, include_4xx: bool = False) -> ErrorReport:
    """Requests, errors and error rate per merchant, worst rate first, ties by merchant id.

    An error is a 5xx status, or any status from 400 up when `include_4xx` is set.
    Blank lines are ignored; malformed lines are skipped and counted. One pass
    over `lines`, so a file object of any size works.
    """
    requests: dict[str, int] = {}
    errors: dict[str, int] = {}
    malformed = 0
    threshold = 400 if include_4xx else 500
    for line in lines:
        if not line.strip():
            continue
        parsed = parse_line(line)
        if parsed is None:
            malformed += 1
            continue
        merchant, status = parsed
        requests[merchant] = requests.get(merchant, 0) + 1
        errors[merchant] = errors.get(merchant, 0) + (status >= threshold)
    rates = [
        MerchantErrorRate(merchant, count, errors[merchant], errors[merchant] / count)
        for merchant, count in requests.items()
    ]
    # Sorting on the float is exact: two different fractions whose denominators are
    # below 2**26 (67 million requests) never round to the same float.
    rates.sort(key=lambda row: (-row.rate, row.merchant))
    return ErrorReport(rates, malformed)


SAMPLE_LOG = """\
2024-03-01T12:00:00Z merchant=acct_1 method=POST path=/v1/charges status=200 duration_ms=87
2024-03-01T12:00:01Z merchant=acct_2 method=POST path=/v1/charges status=503 duration_ms=30
2024-03-01T12:00:02Z merchant=acct_1 method=GET path=/v1/balance status=402 duration_ms=41
2024-03-01T12:00:03Z merchant=acct_2 method=POST path=/v1/refunds status=200
"""


if __name__ == "__main__":
    log = SAMPLE_LOG.splitlines()
    print(error_rates(log))  # acct_2 at 1.0, acct_1 at 0.0; one malformed line
    print(error_rates(log, include_4xx=True))  # acct_2 at 1.0, acct_1 at 0.5
