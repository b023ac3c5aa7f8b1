"""A card payment as the scorer sees it, and the checks that keep bad records out."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any


class PaymentError(ValueError):
    """A payment record that cannot be scored; says which field and why."""


@dataclass(frozen=True)
class Payment:
    id: str
    card: str  # the card's fingerprint: the same card always has the same one
    merchant: str
    amount: int  # in cents (usd)
    card_country: str  # where the card was issued
    ip_country: str  # where the buyer's IP address is
    created: float  # Unix seconds

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> Payment:
        for name in ("id", "card", "merchant", "card_country", "ip_country"):
            if not isinstance(record.get(name), str) or not record[name]:
                raise PaymentError(f"{name} must be a non-empty string, not {record.get(name)!r}")
        amount, created = record.get("amount"), record.get("created")
        if not isinstance(amount, int) or isinstance(amount, bool) or amount <= 0:
            raise PaymentError(f"amount must be a positive integer of cents, not {amount!r}")
        if not isinstance(created, int | float) or isinstance(created, bool):
            raise PaymentError(f"created must be a Unix time, not {created!r}")
        for name in ("card_country", "ip_country"):
            if len(record[name]) != 2 or not record[name].isalpha():
                raise PaymentError(
                    f"{name} must be a two-letter country code, not {record[name]!r}"
                )
        return cls(
            id=record["id"],
            card=record["card"],
            merchant=record["merchant"],
            amount=amount,
            card_country=record["card_country"].upper(),
            ip_country=record["ip_country"].upper(),
            created=float(created),
        )


def in_time_order(payments: Iterable[Payment]) -> list[Payment]:
    """Payments oldest first; ties keep a stable order by id."""
    return sorted(payments, key=lambda payment: (payment.created, payment.id))
