"""Checks for the minor-units exercise: public ones first, then hidden edge cases."""

import random
from decimal import Decimal, localcontext

from exercise_harness import Checks, Trial

checks = Checks()

TABLE = {"USD": 2, "EUR": 2, "GBP": 2, "JPY": 0, "KRW": 0, "BHD": 3, "JOD": 3, "KWD": 3}


def minor(t: Trial, amount: object, currency: object) -> object:
    return t.code("to_minor_units")(amount, currency)


def totals(t: Trial, entries: list[tuple[object, object]]) -> list[tuple[str, int]]:
    """The totals as a list of pairs, so the order of the keys is compared too."""
    return list(t.code("totals_by_currency")(entries).items())


def oracle_minor(amount: str, currency: str) -> int | None:
    """Independent of the exercise's method: check characters by hand, let Decimal scale."""
    exponent = TABLE.get(currency.upper())
    body = amount[1:] if amount.startswith("-") else amount
    parts = body.split(".")
    if exponent is None or len(parts) > 2 or any(p == "" for p in parts):
        return None
    if any(ch not in "0123456789" for p in parts for ch in p):
        return None
    if len(parts) == 2 and len(parts[1]) > exponent:
        return None
    with localcontext() as context:
        context.prec = 200
        return int(Decimal(amount).scaleb(exponent))


@checks.public("19.99 USD is 1999 cents (float gives 1998)", fed="to_minor_units('19.99', 'USD')")
def nineteen_ninety_nine(t: Trial) -> None:
    t.expect(1999)
    t.got(minor(t, "19.99", "USD"))


@checks.public(
    "each currency's exponent: USD 2, JPY 0, KWD 3",
    fed="('12.5', 'USD'), ('500', 'JPY'), ('1.234', 'KWD'), ('7', 'BHD')",
)
def exponents(t: Trial) -> None:
    t.expect([1250, 500, 1234, 7000])
    pairs = [("12.5", "USD"), ("500", "JPY"), ("1.234", "KWD"), ("7", "BHD")]
    t.got([minor(t, a, c) for a, c in pairs])


@checks.public("too many decimals is an error, not a rounding", fed="('12.345', 'USD')")
def too_precise(t: Trial) -> None:
    t.expect("raises ValueError")
    t.got(t.raises(lambda: minor(t, "12.345", "USD")))


@checks.public(
    "totals per currency, keys in alphabetical order",
    fed="[('19.99', 'usd'), ('500', 'JPY'), ('1.5', 'KWD'), ('-0.99', 'USD')]",
)
def small_totals(t: Trial) -> None:
    t.expect([("JPY", 500), ("KWD", 1500), ("USD", 1900)])
    t.got(totals(t, [("19.99", "usd"), ("500", "JPY"), ("1.5", "KWD"), ("-0.99", "USD")]))


@checks.hidden(
    "zero-decimal currencies take no decimals at all",
    fed="('500.0', 'JPY'), ('500.', 'JPY'), ('1000', 'krw')",
)
def zero_decimal(t: Trial) -> None:
    t.expect(["raises ValueError", "raises ValueError", "returns 1000"])
    cases = [("500.0", "JPY"), ("500.", "JPY"), ("1000", "krw")]
    t.got([t.raises(lambda a=a, c=c: minor(t, a, c)) for a, c in cases])


@checks.hidden(
    "the count of decimals decides, even when they are zeros",
    fed="('1.230', 'USD'), ('1.2345', 'KWD'), ('1.2340', 'KWD')",
)
def trailing_zeros(t: Trial) -> None:
    t.expect(["raises ValueError"] * 3)
    cases = [("1.230", "USD"), ("1.2345", "KWD"), ("1.2340", "KWD")]
    t.got([t.raises(lambda a=a, c=c: minor(t, a, c)) for a, c in cases])


@checks.hidden(
    "small, zero and negative amounts",
    fed="('0.01', 'USD'), ('0', 'USD'), ('-0.00', 'EUR'), ('-5', 'GBP'), ('0.001', 'JOD'), "
    "('007.50', 'USD')",
)
def small_amounts(t: Trial) -> None:
    t.expect([1, 0, 0, -500, 1, 750])
    cases = [("0.01", "USD"), ("0", "USD"), ("-0.00", "EUR"), ("-5", "GBP"), ("0.001", "JOD")]
    t.got([minor(t, a, c) for a, c in [*cases, ("007.50", "USD")]])


@checks.hidden(
    "amounts beyond a float's 53 bits stay exact",
    fed="('92233720368547758.07', 'USD'), ('123456789012345678901234567890.123', 'KWD')",
)
def huge(t: Trial) -> None:
    t.expect([9_223_372_036_854_775_807, 123_456_789_012_345_678_901_234_567_890_123])
    t.got(
        [
            minor(t, "92233720368547758.07", "USD"),
            minor(t, "123456789012345678901234567890.123", "KWD"),
        ]
    )


BAD_AMOUNTS = [
    "",
    " 1.00",
    "1.00 ",
    "1.00\n",
    "+1.00",
    "1,000.00",
    "1_000",
    "1e3",
    "NaN",
    "inf",
    ".5",
    "5.",
    "--5",
    "-",
    "1.2.3",
    "0x10",
    "\u0661\u0662",
    "\uff11",
    "1.\u0665",
]


@checks.hidden(
    "malformed amounts are rejected",
    fed="to_minor_units(a, 'USD') for a in " + ", ".join(map(repr, BAD_AMOUNTS)),
)
def bad_amounts(t: Trial) -> None:
    t.expect({a: "raises ValueError" for a in BAD_AMOUNTS})
    t.got({a: t.raises(lambda a=a: minor(t, a, "USD")) for a in BAD_AMOUNTS})


BAD_TYPES = {"12.5 (a float)": (12.5, "USD"), "1250 (an int)": (1250, "USD")}
BAD_TYPES |= {"Decimal('1.00')": (Decimal("1.00"), "USD"), "currency None": ("1.00", None)}


@checks.hidden("an amount that is not a str is a TypeError", fed=", ".join(BAD_TYPES))
def bad_types(t: Trial) -> None:
    t.expect({name: "raises TypeError" for name in BAD_TYPES})
    t.got({name: t.raises(lambda a=a: minor(t, *a)) for name, a in BAD_TYPES.items()})


# "u\u017fd".upper() is "USD": a long s (U+017F) is not an ASCII letter.
BAD_CURRENCIES = ["XYZ", "", " USD", "usd ", "US", "ISK", "dollars", "u\u017fd"]


@checks.hidden(
    "an unknown currency is an error, not a guess of 2 decimals",
    fed="to_minor_units('1', c) for c in " + ", ".join(map(repr, BAD_CURRENCIES)),
)
def bad_currencies(t: Trial) -> None:
    t.expect({c: "raises ValueError" for c in BAD_CURRENCIES})
    t.got({c: t.raises(lambda c=c: minor(t, "1", c)) for c in BAD_CURRENCIES})


@checks.hidden("no entries, no totals", fed="totals_by_currency([])")
def empty_totals(t: Trial) -> None:
    t.expect([])
    t.got(totals(t, []))


@checks.hidden(
    "a currency that nets to zero is still reported; cases merge",
    fed="[('10.00', 'eur'), ('0.1', 'USD'), ('0.2', 'usd'), ('-10', 'EUR'), ('1', 'Gbp')]",
)
def nets_to_zero(t: Trial) -> None:
    t.expect([("EUR", 0), ("GBP", 100), ("USD", 30)])
    entries = [("10.00", "eur"), ("0.1", "USD"), ("0.2", "usd"), ("-10", "EUR"), ("1", "Gbp")]
    t.got(totals(t, entries))


@checks.hidden(
    "one bad entry fails the whole batch",
    fed="[('1.00', 'USD'), ('2.001', 'USD'), ('3.00', 'USD')]; then [('1', 'USD'), ('1', 'XYZ')]",
)
def bad_entry(t: Trial) -> None:
    t.expect(["raises ValueError", "raises ValueError"])
    batches = [[("1.00", "USD"), ("2.001", "USD"), ("3.00", "USD")], [("1", "USD"), ("1", "XYZ")]]
    t.got([t.raises(lambda b=b: totals(t, b)) for b in batches])


def random_amount(rng: random.Random, exponent: int) -> str:
    """A decimal string, usually valid for `exponent`, sometimes not."""
    whole = str(rng.choice([0, rng.randint(0, 99), rng.randint(0, 10 ** rng.randint(1, 30))]))
    decimals = rng.randint(0, exponent + (1 if rng.random() < 0.15 else 0))
    fraction = "".join(rng.choice("0123456789") for _ in range(decimals))
    text = ("-" if rng.random() < 0.2 else "") + whole + ("." + fraction if decimals else "")
    if rng.random() < 0.06:
        text = rng.choice(
            [text + ".", "." + fraction, text.replace("-", "+"), text + "e2", " " + text]
        )
    return text


@checks.hidden(
    "200 random batches agree with a Decimal-based total",
    fed="200 batches (seed 37) of 0-12 entries: amounts up to 31 digits, 0 to exponent+1 "
    "decimals, refunds, currency codes in mixed case, a few malformed strings",
)
def random_batches(t: Trial) -> None:
    rng = random.Random(37)
    t.expect("all 200 agree")
    for n in range(200):
        entries = []
        for _ in range(rng.randint(0, 12)):
            code = rng.choice(list(TABLE))
            currency = rng.choice([code, code.lower(), code.title()])
            entries.append((random_amount(rng, TABLE[code]), currency))
        values = [oracle_minor(a, c) for a, c in entries]
        if None in values:
            want: object = "raises ValueError"
        else:
            sums: dict[str, int] = {}
            for (_, currency), value in zip(entries, values, strict=True):
                sums[currency.upper()] = sums.get(currency.upper(), 0) + value
            want = sorted(sums.items())
        got = t.raises(lambda entries=entries: totals(t, entries))
        if got != (want if isinstance(want, str) else f"returns {want!r}"):
            t.got(f"batch {n}: {entries} {got}, expected {want}")
            return
    t.got("all 200 agree")


LARGE = 10_000


@checks.hidden(
    f"{LARGE:,} entries total exactly",
    fed=f"{LARGE:,} valid entries (seed 41) over the 8 currencies, from -1,000,000 to "
    "10,000,000,000 minor units each",
)
def large_batch(t: Trial) -> None:
    rng = random.Random(41)
    codes = list(TABLE)
    entries, sums = [], dict.fromkeys(sorted(codes), 0)
    for _ in range(LARGE):
        code = rng.choice(codes)
        units = rng.randint(-(10**6), 10**10)
        sign, digits = ("-" if units < 0 else ""), str(abs(units)).rjust(TABLE[code] + 1, "0")
        cut = len(digits) - TABLE[code]
        entries.append((sign + digits[:cut] + ("." + digits[cut:] if TABLE[code] else ""), code))
        sums[code] += units
    t.expect(sorted(sums.items()))
    t.got(totals(t, entries))
