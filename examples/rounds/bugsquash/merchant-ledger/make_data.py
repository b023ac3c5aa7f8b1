"""Write kit/data/balance_export.csv: February and March 2024 of a shop's balance export.

    python examples/rounds/bugsquash/merchant-ledger/make_data.py [--check]

Synthetic and deterministic (seeded). Fees follow the contract exactly: 2.9%
(+1.5% for cards from abroad) of the amount, rounded half up to the cent,
plus 0.30. The kit's tests and BUG_REPORT.md read this file; --check says
whether the committed copy is current.
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import sys
from datetime import UTC, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

KIT = Path(__file__).parent / "kit"
TARGET = KIT / "data" / "balance_export.csv"
sys.path.insert(0, str(KIT))
from ledger.records import COLUMNS  # after the path: the export's columns are the ledger's

# The shop's catalogue, in cents: round prices are common, as in any shop.
PRICES = (899, 1250, 1500, 1999, 2500, 2999, 3500, 4500, 4999, 6500, 8750, 10500, 12900)
ABROAD = ("GB", "DE", "CA", "FR", "JP")


def contract_fee(amount: int, international: bool) -> int:
    percent = Decimal("4.4") if international else Decimal("2.9")
    variable = (Decimal(amount) * percent / 100).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return int(variable) + 30


def rows(seed: int = 2024) -> list[list[str]]:
    rng = random.Random(seed)
    day, end = datetime(2024, 2, 1, tzinfo=UTC), datetime(2024, 4, 1, tzinfo=UTC)
    entries: list[tuple[datetime, str, str, int, int, str, str]] = []
    charges: list[tuple[str, int]] = []
    balance, number = 0, 0

    def add(at, kind, source, amount, fee, country="", description=""):
        nonlocal balance, number
        number += 1
        balance += amount - fee
        entries.append((at, f"txn_{number:05d}", kind, source, amount, fee, country, description))

    while day < end:
        if day.weekday() in (0, 3) and balance > 0:  # Mondays and Thursdays, before the day's sales
            add(day + timedelta(hours=6), "payout", f"po_{day:%Y%m%d}", -balance, 0, "", "payout")
        for _ in range(rng.randint(2, 5)):
            at = day + timedelta(seconds=rng.randrange(86_400))
            amount = rng.choice(PRICES)
            country = rng.choice(ABROAD) if rng.random() < 0.2 else "US"
            charge_id = f"ch_{len(charges) + 1:05d}"
            charges.append((charge_id, amount))
            add(at, "charge", charge_id, amount, contract_fee(amount, country != "US"), country)
        if rng.random() < 0.12 and charges:
            charge_id, amount = rng.choice(charges)
            refund = amount if rng.random() < 0.6 else amount // 2
            at = day + timedelta(hours=rng.randint(9, 17))
            add(at, "refund", f"re_{charge_id[3:]}", -refund, 0, "", f"refund of {charge_id}")
        if day.day in (9, 23) and charges:
            charge_id, amount = rng.choice(charges)
            at = day + timedelta(hours=11)
            add(
                at,
                "adjustment",
                f"du_{charge_id[3:]}",
                -amount,
                1500,
                "",
                f"dispute on {charge_id}",
            )
        day += timedelta(days=1)

    def money(cents: int) -> str:
        sign = "-" if cents < 0 else ""
        return f"{sign}{abs(cents) // 100}.{abs(cents) % 100:02d}"

    table = [list(COLUMNS)]
    for at, entry_id, kind, source, amount, fee, country, description in sorted(entries):
        table.append(
            [
                entry_id,
                kind,
                source,
                at.strftime("%Y-%m-%dT%H:%M:%SZ"),
                money(amount),
                money(fee),
                money(amount - fee),
                "usd",
                country,
                description,
            ]
        )
    return table


def render() -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows())
    return out.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only say whether the file is current")
    text = render()
    if parser.parse_args().check:
        current = TARGET.is_file() and TARGET.read_text(encoding="utf-8") == text
        print(f"{TARGET.name} is {'current' if current else 'out of date'}")
        return 0 if current else 1
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET} ({len(text.splitlines()) - 1} entries)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
