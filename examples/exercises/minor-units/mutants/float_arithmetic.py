"""Validates the string, then converts through a float: '19.99' USD becomes 1998."""

import re
from collections.abc import Iterable

EXPONENTS = {"USD": 2, "EUR": 2, "GBP": 2, "JPY": 0, "KRW": 0, "BHD": 3, "JOD": 3, "KWD": 3}
AMOUNT = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")


def currency_code(currency: str) -> str:
    if not isinstance(currency, str):
        raise TypeError(f"currency must be a str, got {type(currency).__name__}")
    code = currency.upper() if currency.isascii() else ""
    if code not in EXPONENTS:
        raise ValueError(f"unknown currency {currency!r}")
    return code


def to_minor_units(amount: str, currency: str) -> int:
    if not isinstance(amount, str):
        raise TypeError(f"amount must be a decimal string, got {type(amount).__name__}")
    code = currency_code(currency)
    if not AMOUNT.fullmatch(amount):
        raise ValueError(f"{amount!r} is not a decimal amount like '-12.34'")
    decimals = len(amount.partition(".")[2])
    if decimals > EXPONENTS[code]:
        raise ValueError(f"{amount!r} has {decimals} decimals; {code} allows {EXPONENTS[code]}")
    return int(float(amount) * 10 ** EXPONENTS[code])


def totals_by_currency(entries: Iterable[tuple[str, str]]) -> dict[str, int]:
    totals: dict[str, int] = {}
    for position, (amount, currency) in enumerate(entries):
        try:
            units = to_minor_units(amount, currency)
        except (TypeError, ValueError) as error:
            raise type(error)(f"entry {position}: {error}") from error
        code = currency_code(currency)
        totals[code] = totals.get(code, 0) + units
    return dict(sorted(totals.items()))
