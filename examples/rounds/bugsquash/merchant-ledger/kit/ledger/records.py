"""The processor's balance export: one CSV row per movement of the merchant's balance.

Columns: ``id, type, source, created, amount, fee, net, currency, card_country,
description``. Amounts are decimal strings in the currency's major unit
("25.00"); ``created`` is ISO 8601 in UTC ("2024-03-05T14:03:11Z");
``card_country`` is set on charges only. Types: ``charge``, ``refund``
(negative amount), ``adjustment`` (a dispute or a correction) and ``payout``
(negative amount: money sent to the bank).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from .money import MoneyError, parse_amount

TYPES = ("charge", "refund", "adjustment", "payout")
COLUMNS = (
    "id",
    "type",
    "source",
    "created",
    "amount",
    "fee",
    "net",
    "currency",
    "card_country",
    "description",
)


class ExportError(ValueError):
    """A row of the export that cannot be read; says which line and why."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(f"line {line}: {message}")
        self.line = line


@dataclass(frozen=True)
class Entry:
    id: str
    type: str
    source: str
    created: datetime
    amount: int
    fee: int
    net: int
    currency: str
    card_country: str | None
    description: str

    @property
    def is_charge(self) -> bool:
        return self.type == "charge"


def read_export(lines: Iterable[str]) -> list[Entry]:
    """Every row of an export, oldest first; the first bad row raises ``ExportError``."""
    reader = csv.DictReader(lines)
    missing = set(COLUMNS) - set(reader.fieldnames or ())
    if missing:
        raise ExportError(1, f"missing columns: {', '.join(sorted(missing))}")
    entries = [parse_row(row, reader.line_num) for row in reader]
    ids = [entry.id for entry in entries]
    if len(set(ids)) != len(ids):
        duplicate = next(entry_id for entry_id in ids if ids.count(entry_id) > 1)
        raise ExportError(reader.line_num, f"entry {duplicate} appears twice")
    return sorted(entries, key=lambda entry: (entry.created, entry.id))


def parse_row(row: dict[str, str], line: int) -> Entry:
    kind = row["type"].strip()
    if kind not in TYPES:
        raise ExportError(line, f"unknown type {kind!r}")
    currency = row["currency"].strip().lower()
    try:
        amount, fee, net = (parse_amount(row[name], currency) for name in ("amount", "fee", "net"))
    except MoneyError as error:
        raise ExportError(line, str(error)) from None
    if net != amount - fee:
        raise ExportError(line, f"net {row['net']} is not amount - fee")
    if kind in ("refund", "payout") and amount >= 0:
        raise ExportError(line, f"a {kind} must have a negative amount, not {row['amount']}")
    country = row["card_country"].strip().upper() or None
    if kind == "charge" and country is None:
        raise ExportError(line, "a charge needs the card's country")
    return Entry(
        id=row["id"].strip(),
        type=kind,
        source=row["source"].strip(),
        created=parse_time(row["created"], line),
        amount=amount,
        fee=fee,
        net=net,
        currency=currency,
        card_country=country,
        description=row["description"].strip(),
    )


def parse_time(text: str, line: int) -> datetime:
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise ExportError(line, f"{text!r} is not an ISO 8601 time") from None
    if moment.tzinfo is None:
        raise ExportError(line, f"{text!r} has no time zone; the export is in UTC")
    return moment.astimezone(UTC)
