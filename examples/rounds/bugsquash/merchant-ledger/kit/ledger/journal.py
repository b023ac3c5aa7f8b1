"""Double-entry bookkeeping over the export: every entry becomes postings that sum to zero.

Accounts, with debits positive:

- ``balance``: the merchant's money held by the processor (an asset);
- ``bank``: money paid out to the merchant's bank account (an asset);
- ``sales`` and ``refunds``: what customers paid and got back (revenue, negative);
- ``fees``: what the processor charged (an expense);
- ``adjustments``: disputes and corrections.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from .records import Entry

ACCOUNTS = ("balance", "bank", "sales", "refunds", "fees", "adjustments")
# Where an entry's gross amount goes, by type; its net always lands in ``balance``.
COUNTER_ACCOUNT = {
    "charge": "sales",
    "refund": "refunds",
    "adjustment": "adjustments",
    "payout": "bank",
}


class JournalError(ValueError):
    """A transaction whose postings do not sum to zero, or an unknown account."""


@dataclass(frozen=True)
class Posting:
    account: str
    amount: int  # minor units; debit positive, credit negative


@dataclass(frozen=True)
class Transaction:
    entry_id: str
    kind: str  # the export entry's type
    created: datetime
    currency: str
    postings: tuple[Posting, ...]


class Journal:
    def __init__(self, entries: Iterable[Entry] = ()) -> None:
        self.transactions: list[Transaction] = []
        for entry in entries:
            self.record(entry)

    def record(self, entry: Entry) -> Transaction:
        """Post one export entry: its net to ``balance``, its fee to ``fees``, the rest across."""
        postings = (
            Posting("balance", entry.net),
            Posting("fees", entry.fee),
            Posting(COUNTER_ACCOUNT[entry.type], -entry.amount),
        )
        transaction = Transaction(entry.id, entry.type, entry.created, entry.currency, postings)
        self._check(transaction)
        self.transactions.append(transaction)
        return transaction

    def total(
        self,
        account: str,
        currency: str,
        *,
        start: datetime | None = None,
        end: datetime | None = None,
        kind: str | None = None,
    ) -> int:
        """The sum of an account's postings in ``[start, end)``; either bound may be open.

        ``kind`` keeps only the transactions of one entry type (``"charge"``...).
        """
        if account not in ACCOUNTS:
            raise JournalError(f"unknown account {account!r}; accounts are {', '.join(ACCOUNTS)}")
        return sum(
            posting.amount
            for transaction in self.transactions
            if transaction.currency == currency
            and (start is None or transaction.created >= start)
            and (end is None or transaction.created < end)
            and (kind is None or transaction.kind == kind)
            for posting in transaction.postings
            if posting.account == account
        )

    def count(self, kind: str, currency: str, start: datetime, end: datetime) -> int:
        """How many transactions of one entry type fall in ``[start, end)``."""
        return sum(
            1
            for transaction in self.transactions
            if transaction.kind == kind
            and transaction.currency == currency
            and start <= transaction.created < end
        )

    def currencies(self) -> list[str]:
        return sorted({transaction.currency for transaction in self.transactions})

    @staticmethod
    def _check(transaction: Transaction) -> None:
        total = sum(posting.amount for posting in transaction.postings)
        if total != 0:
            raise JournalError(
                f"{transaction.entry_id}: postings sum to {total}, not 0: the books would not "
                "balance"
            )
