"""Per-merchant API error rates from a request log.

Each line of the log is a timestamp, then key=value fields, separated by whitespace:

    2024-03-01T12:00:00Z merchant=acct_123 method=POST path=/v1/charges status=402 duration_ms=87

Rules:
- The timestamp comes first: `YYYY-MM-DDTHH:MM:SSZ`, a real UTC date and time.
- merchant, method, path, status and duration_ms must each appear exactly once,
  in any order, with a non-empty value. Other fields are allowed and ignored.
  A value may contain '=' (split each field on the first one).
- status is three ASCII digits from 100 to 599; duration_ms is ASCII digits.
- A line breaking any rule is malformed: skip it and count it. Blank lines are
  ignored and not counted.
- An error is a 5xx status; with `include_4xx=True`, any status from 400 up.
- Return ErrorReport(rates, malformed): one MerchantErrorRate per merchant with
  a well-formed line, rate = errors / requests (unrounded), sorted by rate,
  highest first, then by merchant id.
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
