"""Per-merchant API error rates from a request log.

Each line of the log is a timestamp, then key=value fields, separated by whitespace:

    2024-03-01T12:00:00Z merchant=acct_123 method=POST path=/v1/charges status=402 duration_ms=87

Rules:
- Items are separated by runs of whitespace, as str.split() finds them (spaces,
  tabs, a trailing newline).
- The timestamp comes first: `YYYY-MM-DDTHH:MM:SSZ` in ASCII digits, naming a
  real UTC date and time (no month 13, no hour 24, no second 60).
- Every item after it is `key=value`, split at the first '=' (so a value may
  contain '='), with a non-empty key and a non-empty value, and no key twice.
  merchant, method, path, status and duration_ms must all be there; other keys
  are allowed and ignored.
- status is exactly three ASCII digits from 100 to 599; duration_ms is one or
  more ASCII digits.
- A line breaking any rule is malformed: skip it and count it. Blank lines
  (empty, or only whitespace) are ignored and not counted.
- An error is a status from 500 up; with `include_4xx=True`, from 400 up.
- Return ErrorReport(rates, malformed): one MerchantErrorRate per merchant with
  a well-formed line, rate = errors / requests (unrounded), sorted by rate,
  highest first; equal rates in ascending merchant id order.
- Read `lines` once: it may be a file or a generator.
"""

from collections.abc import Iterable
from datetime import datetime
from typing import NamedTuple


class MerchantErrorRate(NamedTuple):
    merchant: str
    requests: int
    errors: int
    rate: float


class ErrorReport(NamedTuple):
    rates: list[MerchantErrorRate]
    malformed: int


def error_rates(lines: Iterable[str], *, include_4xx: bool = False) -> ErrorReport:
    raise NotImplementedError("count requests and errors per merchant; skip malformed lines")


SAMPLE_LOG = """\
2024-03-01T12:00:00Z merchant=acct_1 method=POST path=/v1/charges status=200 duration_ms=87
2024-03-01T12:00:01Z merchant=acct_2 method=POST path=/v1/charges status=503 duration_ms=30
2024-03-01T12:00:02Z merchant=acct_1 method=GET path=/v1/balance status=402 duration_ms=41
2024-03-01T12:00:03Z merchant=acct_2 method=POST path=/v1/refunds status=200
"""


if __name__ == "__main__":
    log = SAMPLE_LOG.splitlines()
    print(error_rates(log))  # expect acct_2 at 1.0, acct_1 at 0.0, and 1 malformed line
    print(datetime(2024, 3, 1, 12))  # the constructor rejects month 13 or hour 24
