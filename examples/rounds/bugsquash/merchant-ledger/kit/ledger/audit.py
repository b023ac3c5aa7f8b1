"""The fee audit: the fee the processor took on each charge, against the contract."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .money import format_amount
from .pricing import FeeSchedule
from .records import Entry


@dataclass(frozen=True)
class FeeDiscrepancy:
    entry_id: str
    source: str
    amount: int
    currency: str
    expected: int  # by the contract
    charged: int  # by the processor

    @property
    def overcharge(self) -> int:
        return self.charged - self.expected


def audit_fees(
    entries: Iterable[Entry], schedule: FeeSchedule, merchant_country: str
) -> list[FeeDiscrepancy]:
    """Every charge whose fee differs from what the contract says, oldest first."""
    discrepancies = []
    for entry in entries:
        if not entry.is_charge:
            continue
        international = entry.card_country != merchant_country.upper()
        expected = schedule.fee_for(entry.amount, international=international)
        if expected != entry.fee:
            discrepancies.append(
                FeeDiscrepancy(
                    entry.id, entry.source, entry.amount, entry.currency, expected, entry.fee
                )
            )
    return discrepancies


def describe(item: FeeDiscrepancy) -> str:
    charge, expected, charged, overcharge = (
        format_amount(amount, item.currency)
        for amount in (item.amount, item.expected, item.charged, item.overcharge)
    )
    return (
        f"  {item.entry_id} ({item.source}): charge {charge}, contract fee {expected}, "
        f"charged {charged}, overcharged by {overcharge}"
    )


def render(discrepancies: list[FeeDiscrepancy], charges: int) -> str:
    if not discrepancies:
        return f"{charges} charges audited: every fee matches the contract."
    lines = [f"{charges} charges audited: {len(discrepancies)} fees differ from the contract."]
    lines.extend(describe(item) for item in discrepancies)
    total = sum(item.overcharge for item in discrepancies)
    currency = discrepancies[0].currency
    lines.append(f"Total overcharged: {format_amount(total, currency)}")
    return "\n".join(lines)
