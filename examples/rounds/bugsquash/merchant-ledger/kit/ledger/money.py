"""Amounts of money as integers in a currency's minor unit (cents for usd).

Floats never hold money here: 0.1 + 0.2 is not 0.3 in binary floating point,
and a ledger that is off by a cent does not balance. Amounts are ``int``;
arithmetic that needs fractions (percentages) uses ``Decimal`` and comes back
to an ``int`` through ``round_minor``.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

# Digits after the decimal point, per ISO 4217, where it is not two.
EXPONENTS = {"bhd": 3, "jod": 3, "jpy": 0, "krw": 0, "kwd": 3, "vnd": 0}


class MoneyError(ValueError):
    """An amount that cannot be read, or arithmetic across two currencies."""


def exponent(currency: str) -> int:
    return EXPONENTS.get(currency.lower(), 2)


def parse_amount(text: str, currency: str) -> int:
    """``"25.00"`` in usd -> ``2500``. Refuses more decimals than the currency has."""
    try:
        value = Decimal(text.strip())
    except InvalidOperation:
        raise MoneyError(f"{text!r} is not an amount") from None
    if not value.is_finite():
        raise MoneyError(f"{text!r} is not an amount")
    scaled = value.scaleb(exponent(currency))
    if scaled != scaled.to_integral_value():
        raise MoneyError(f"{text!r} has more decimals than {currency.upper()} allows")
    return int(scaled)


def format_amount(minor: int, currency: str) -> str:
    """``123456, "usd"`` -> ``"1,234.56 USD"``; ``-5, "usd"`` -> ``"-0.05 USD"``."""
    digits = exponent(currency)
    sign = "-" if minor < 0 else ""
    units, fraction = divmod(abs(minor), 10**digits)
    text = f"{units:,}" + (f".{fraction:0{digits}d}" if digits else "")
    return f"{sign}{text} {currency.upper()}"


def round_minor(value: Decimal) -> int:
    """Round to a whole minor unit, halves away from zero: 72.5 -> 73, -72.5 -> -73."""
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def percent_of(minor: int, percent: Decimal) -> Decimal:
    """``percent`` % of an amount, exactly (not rounded)."""
    return Decimal(minor) * percent / 100


@dataclass(frozen=True, order=True)
class Money:
    """An amount with its currency, for sums that must not mix currencies."""

    amount: int
    currency: str

    @classmethod
    def zero(cls, currency: str) -> Money:
        return cls(0, currency)

    def __add__(self, other: Money) -> Money:
        self._same_currency(other)
        return Money(self.amount + other.amount, self.currency)

    def __sub__(self, other: Money) -> Money:
        self._same_currency(other)
        return Money(self.amount - other.amount, self.currency)

    def __neg__(self) -> Money:
        return Money(-self.amount, self.currency)

    def __str__(self) -> str:
        return format_amount(self.amount, self.currency)

    def _same_currency(self, other: Money) -> None:
        if not isinstance(other, Money):
            raise TypeError(f"cannot combine Money with {type(other).__name__}")
        if other.currency != self.currency:
            raise MoneyError(f"cannot combine {self.currency} with {other.currency}")
