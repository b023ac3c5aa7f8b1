"""A month's statement of the merchant's balance, from the journal.

Opening balance, then what moved it (charges, refunds, fees, adjustments,
payouts), then the closing balance. Months run from midnight UTC on the 1st,
like the export's timestamps.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

from .journal import Journal
from .money import format_amount, round_minor


class StatementError(ValueError):
    """A statement that does not add up: a bug in the ledger, never in the data."""


@dataclass(frozen=True)
class Statement:
    year: int
    month: int
    currency: str
    opening: int
    charges: int
    refunds: int
    fees: int
    adjustments: int
    payouts: int
    closing: int
    charge_count: int
    charge_fees: int  # the part of ``fees`` taken on charges (not on disputes)

    @property
    def average_fee(self) -> int:
        """The fee per charge this month, rounded half up to the minor unit."""
        if not self.charge_count:
            return 0
        return round_minor(Decimal(self.charge_fees) / self.charge_count)


def month_bounds(year: int, month: int) -> tuple[datetime, datetime]:
    if not 1 <= month <= 12:
        raise ValueError(f"month must be 1 to 12, not {month}")
    start = datetime(year, month, 1, tzinfo=UTC)
    end = datetime(year + month // 12, month % 12 + 1, 1, tzinfo=UTC)
    return start, end


def monthly_statement(journal: Journal, year: int, month: int, currency: str) -> Statement:
    start, end = month_bounds(year, month)

    def moved(account: str) -> int:
        return journal.total(account, currency, start=start, end=end)

    statement = Statement(
        year=year,
        month=month,
        currency=currency,
        opening=journal.total("balance", currency, end=start),
        # Counter-accounts are credits (negative) for money coming in: flip them to read naturally.
        charges=-moved("sales"),
        refunds=-moved("refunds"),
        fees=-moved("fees"),
        adjustments=-moved("adjustments"),
        payouts=-moved("bank"),
        closing=journal.total("balance", currency, end=end),
        charge_count=journal.count("charge", currency, start, end),
        charge_fees=journal.total("fees", currency, start=start, end=end, kind="charge"),
    )
    moved_total = (
        statement.charges
        + statement.refunds
        + statement.fees
        + statement.adjustments
        + statement.payouts
    )
    if statement.opening + moved_total != statement.closing:
        raise StatementError(
            f"{year}-{month:02d} {currency}: opening {statement.opening} + movements "
            f"{moved_total} is not the closing balance {statement.closing}"
        )
    return statement


def render(statement: Statement) -> str:
    def line(label: str, amount: int) -> str:
        return f"  {label:<22}{format_amount(amount, statement.currency):>18}"

    return "\n".join(
        [
            f"Statement {statement.year}-{statement.month:02d} ({statement.currency.upper()})",
            line("Opening balance", statement.opening),
            line(f"Charges ({statement.charge_count})", statement.charges),
            line("Refunds", statement.refunds),
            line("Fees", statement.fees),
            line("Adjustments", statement.adjustments),
            line("Payouts", statement.payouts),
            line("Closing balance", statement.closing),
            line("Average fee per charge", statement.average_fee),
        ]
    )
