"""Accepts a bare point: '.5' and '5.' parse as amounts."""

import re
from collections.abc import Iterable

# Digits after the decimal point, per ISO 4217 currency code (the currency's exponent).
EXPONENTS = {"USD": 2, "EUR": 2, "GBP": 2, "JPY": 0, "KRW": 0, "BHD": 3, "JOD": 3, "KWD": 3}

# An optional minus, ASCII digits, then optionally a point and at least one digit.
AMOUNT = re.compile(r"(-?)([0-9]*)(?:\.([0-9]*))?")


def currency_code(currency: str) -> str:
    """The upper-case code of a currency in EXPONENTS; ValueError for anything else."""
    if not isinstance(currency, str):
        raise TypeError(f"currency must be a str, got {type(currency).__name__}")
    # ASCII first: str.upper() turns some other letters into ASCII ones (U+017F into "S").
    code = currency.upper() if currency.isascii() else ""
    if code not in EXPONENTS:
        raise ValueError(f"unknown currency {currency!r}")
    return code


def to_minor_units(amount: str, currency: str) -> int:
    """`amount` in the currency's smallest unit: to_minor_units("19.99", "USD") == 1999.

    The amount is a decimal string; it may have fewer decimals than the currency
    allows, never more (no rounding: "1.005" USD is an error, not 100 or 101).
    """
    if not isinstance(amount, str):
        raise TypeError(f"amount must be a decimal string, got {type(amount).__name__}")
    code = currency_code(currency)
    exponent = EXPONENTS[code]
    match = AMOUNT.fullmatch(amount)
    if match is None:
        raise ValueError(f"{amount!r} is not a decimal amount like '-12.34'")
    sign, whole, fraction = match.group(1), match.group(2), match.group(3) or ""
    if len(fraction) > exponent:
        raise ValueError(f"{amount!r} has {len(fraction)} decimals; {code} allows {exponent}")
    if not whole and not fraction:
        raise ValueError(f"{amount!r} has no digits")
    units = int(whole or "0") * 10**exponent + int(fraction.ljust(exponent, "0") or "0")
    return -units if sign else units


def totals_by_currency(entries: Iterable[tuple[str, str]]) -> dict[str, int]:
    """Total (amount, currency) entries per upper-case currency code, in minor units.

    Keys are in alphabetical order. A bad entry raises ValueError (or TypeError)
    naming its position, and no totals are returned: money is never skipped.
    """
    totals: dict[str, int] = {}
    for position, (amount, currency) in enumerate(entries):
        try:
            units = to_minor_units(amount, currency)
        except (TypeError, ValueError) as error:
            raise type(error)(f"entry {position}: {error}") from error
        code = currency_code(currency)
        totals[code] = totals.get(code, 0) + units
    return dict(sorted(totals.items()))


if __name__ == "__main__":
    print(to_minor_units("19.99", "USD"), int(float("19.99") * 100))  # 1999 1998
    print(totals_by_currency([("19.99", "usd"), ("500", "JPY"), ("1.5", "KWD"), ("-0.99", "USD")]))
