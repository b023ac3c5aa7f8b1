"""Amounts in integer minor units (cents for USD, yen for JPY), per currency, with no float.

Rules:
- EXPONENTS gives each currency's decimals: USD 2 (1999 cents is 19.99), JPY 0,
  KWD 3. Currency codes are ASCII letters, accepted in any case ("usd") and
  reported upper-case. A currency not in the table (" USD", or "usd" with a
  long s, U+017F) raises ValueError; a currency that is not a str, TypeError.
- `to_minor_units(amount, currency)` parses a decimal string: an optional '-',
  ASCII digits, then optionally '.' and at least one digit. It may have fewer
  decimals than the currency allows ("12.5" USD is 1250), never more ("12.345"
  USD raises ValueError, as does "500.0" JPY). Anything else ('', ' 1', '+1',
  '1,000', '1e3', '.5', '5.', 'NaN') raises ValueError; an amount that is not
  a str (a float!) raises TypeError.
- `totals_by_currency(entries)` sums (amount, currency) pairs into a dict from
  upper-case code to total minor units, keys in alphabetical order, with every
  currency that appears, even one whose total is 0. No entries give {}. A bad
  entry raises ValueError or TypeError: no totals are returned.
"""

from collections.abc import Iterable

EXPONENTS = {"USD": 2, "EUR": 2, "GBP": 2, "JPY": 0, "KRW": 0, "BHD": 3, "JOD": 3, "KWD": 3}


def to_minor_units(amount: str, currency: str) -> int:
    # The tempting line, and why it is wrong: float("19.99") * 100 is 1998.9999999999998.
    return int(float(amount) * 10 ** EXPONENTS[currency.upper()])


def totals_by_currency(entries: Iterable[tuple[str, str]]) -> dict[str, int]:
    raise NotImplementedError("sum the minor units per currency")


if __name__ == "__main__":
    print(to_minor_units("19.99", "USD"))  # expect 1999
    print(totals_by_currency([("19.99", "usd"), ("500", "JPY"), ("1.5", "KWD")]))
