"""Deterministic accounts for the sandbox: the same seed gives the same data, byte for byte.

``Account`` builds consistent objects (a charge with its balance transaction,
a refund, a payout over the transactions it pays out); tests use it to make
exactly the case they need. The two scenarios use it to make a realistic
account, plus the merchant's own records of it (``Scenario.files``).
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import random
import string
from dataclasses import dataclass
from typing import Any

from .clock import EPOCH
from .store import PREFIXES, JsonObject, Store

DAY = 86_400
# What a scenario's damaged balance transactions get wrong (see Account.damage).
DAMAGE = ("net is missing", "amount is a string", "currency is missing", "net is not amount - fee")
# Smallest currency unit per unit of the currency: jpy is a zero-decimal currency.
MINOR_UNITS = {"usd": 100, "eur": 100, "gbp": 100, "jpy": 1}


@dataclass
class Scenario:
    store: Store
    name: str
    seed: int
    files: dict[str, str]  # the merchant's own records, by file name


class Account:
    """A merchant's account in the sandbox, built object by object."""

    def __init__(self, seed: int = 0, store: Store | None = None) -> None:
        self.store = store or Store()
        self.rng = random.Random(seed)

    def new_id(self, collection: str) -> str:
        return f"{PREFIXES[collection]}{self.rng.getrandbits(64):016x}"

    def charge(
        self,
        amount: int,
        *,
        created: int,
        currency: str = "usd",
        order_id: str | None = None,
        available_on: int | None = None,
    ) -> tuple[JsonObject, JsonObject]:
        """A succeeded card charge and its balance transaction (2.9% + 30 fee)."""
        charge_id = self.new_id("charges")
        fee = card_fee(amount)
        txn = self._transaction(
            amount,
            fee,
            kind="charge",
            source=charge_id,
            currency=currency,
            created=created,
            available_on=available_on or start_of_day(created) + 2 * DAY,
        )
        charge = self.store.add(
            "charges",
            {
                "id": charge_id,
                "object": "charge",
                "amount": amount,
                "amount_refunded": 0,
                "balance_transaction": txn["id"],
                "created": created,
                "currency": currency,
                "metadata": {"order_id": order_id} if order_id else {},
                "paid": True,
                "refunded": False,
                "status": "succeeded",
            },
        )
        return charge, txn

    def refund(
        self, charge: JsonObject, amount: int, *, created: int
    ) -> tuple[JsonObject, JsonObject]:
        """A refund of part or all of a charge; its balance transaction is negative."""
        refund_id = self.new_id("refunds")
        txn = self._transaction(
            -amount,
            0,
            kind="refund",
            source=refund_id,
            currency=charge["currency"],
            created=created,
            available_on=start_of_day(created),
        )
        charge["amount_refunded"] += amount
        charge["refunded"] = charge["amount_refunded"] == charge["amount"]
        refund = self.store.add(
            "refunds",
            {
                "id": refund_id,
                "object": "refund",
                "amount": amount,
                "balance_transaction": txn["id"],
                "charge": charge["id"],
                "created": created,
                "currency": charge["currency"],
                "status": "succeeded",
            },
        )
        return refund, txn

    def dispute(
        self,
        charge: JsonObject,
        *,
        created: int,
        status: str = "needs_response",
        reason: str = "fraudulent",
        due_by: int | None = None,
        amount: int | None = None,
    ) -> JsonObject:
        """A dispute on a charge, with an empty evidence form."""
        return self.store.add(
            "disputes",
            {
                "id": self.new_id("disputes"),
                "object": "dispute",
                "amount": charge["amount"] if amount is None else amount,
                "charge": charge["id"],
                "created": created,
                "currency": charge["currency"],
                "evidence": {},
                "evidence_details": {
                    "due_by": created + 21 * DAY if due_by is None else due_by,
                    "has_evidence": False,
                    "past_due": False,
                    "submission_count": 0,
                },
                "is_charge_refundable": False,
                "metadata": {},
                "reason": reason,
                "status": status,
            },
        )

    def dispute_withdrawal(self, dispute: JsonObject, *, created: int) -> JsonObject:
        """The adjustment that takes a lost dispute's amount and its 15.00 fee."""
        return self._transaction(
            -dispute["amount"],
            1500,
            kind="adjustment",
            source=dispute["id"],
            currency=dispute["currency"],
            created=created,
            available_on=start_of_day(created),
        )

    def payout(
        self, transactions: list[JsonObject], *, created: int, arrival_date: int, status: str
    ) -> JsonObject:
        """An automatic payout of exactly these transactions' net."""
        payout = self.store.add(
            "payouts",
            {
                "id": self.new_id("payouts"),
                "object": "payout",
                "amount": sum(txn["net"] for txn in transactions),
                "arrival_date": arrival_date,
                "automatic": True,
                "created": created,
                "currency": transactions[0]["currency"],
                "method": "standard",
                "status": status,
            },
        )
        for txn in transactions:
            self.store.payout_of[txn["id"]] = payout["id"]
        return payout

    def damage(self, txn: JsonObject, problem: str) -> None:
        """Break a balance transaction the way a buggy upstream export would."""
        if problem == "net is missing":
            del txn["net"]
        elif problem == "amount is a string":
            txn["amount"] = f"{txn['amount'] / 100:.2f}"
        elif problem == "currency is missing":
            txn["currency"] = None
        elif problem == "net is not amount - fee":
            txn["net"] += 100
        else:
            raise ValueError(f"unknown damage {problem!r}; choose one of {DAMAGE}")
        self.store.malformed[txn["id"]] = problem

    def _transaction(
        self,
        amount: int,
        fee: int,
        *,
        kind: str,
        source: str,
        currency: str,
        created: int,
        available_on: int,
    ) -> JsonObject:
        return self.store.add(
            "balance_transactions",
            {
                "id": self.new_id("balance_transactions"),
                "object": "balance_transaction",
                "amount": amount,
                "available_on": available_on,
                "created": created,
                "currency": currency,
                "fee": fee,
                "net": amount - fee,
                "source": source,
                "status": "available" if available_on <= EPOCH else "pending",
                "type": kind,
            },
        )


def card_fee(amount: int) -> int:
    """2.9% of the amount, rounded half up, plus 30 minor units (30 yen for jpy)."""
    return (amount * 29 + 500) // 1000 + 30


def start_of_day(timestamp: int) -> int:
    return timestamp - timestamp % DAY


def price(rng: random.Random, currency: str = "usd") -> int:
    """A basket total in minor units: most between 10 and 150, a long tail above."""
    major = min(rng.lognormvariate(3.6, 0.7), 900.0)
    return max(MINOR_UNITS[currency] * 5, round(major * MINOR_UNITS[currency] * _per_usd(currency)))


def _per_usd(currency: str) -> float:
    return {"usd": 1.0, "eur": 0.92, "gbp": 0.79, "jpy": 150.0}[currency]


# -- Payout reconciliation ---------------------------------------------------------


def payouts(seed: int, *, days: int = 10) -> Scenario:
    """Ten days of card payments in usd, with refunds, a lost dispute and daily payouts.

    Charges become available two days after the day they were made; each day's
    payout (created at 01:00) pays out what has become available. The last two
    days' charges are not paid out yet. Four paid-out balance transactions are
    damaged, one in each way ``DAMAGE`` lists, and two charges have no order in
    the merchant's ``orders.csv``.
    """
    account = Account(seed)
    rng = account.rng
    start = EPOCH - days * DAY
    transactions, orders = [], []
    for day in range(days):
        for _ in range(rng.randint(8, 20)):
            created = start + day * DAY + rng.randrange(DAY)
            order_id = f"ord_{len(orders) + 1001}"
            charge, txn = account.charge(price(rng), created=created, order_id=order_id)
            transactions.append(txn)
            orders.append([order_id, charge["id"], charge["amount"], charge["currency"]])
            refunded_at = created + rng.randint(1, 3) * DAY
            if rng.random() < 0.08 and refunded_at < EPOCH:
                amount = charge["amount"] if rng.random() < 0.5 else charge["amount"] // 2
                transactions.append(account.refund(charge, amount, created=refunded_at)[1])
        if day % 4 == 2:
            charge = account.store.get("charges", orders[rng.randrange(len(orders))][1])
            dispute = account.dispute(charge, created=start + day * DAY + 7_200, status="lost")
            transactions.append(account.dispute_withdrawal(dispute, created=dispute["created"]))

    paid: list[JsonObject] = []
    unpaid = sorted(transactions, key=lambda txn: txn["created"])
    for day in range(2, days):
        cutoff = start + day * DAY
        due = [txn for txn in unpaid if txn["available_on"] <= cutoff]
        if sum(txn["net"] for txn in due) <= 0:
            continue  # a negative balance waits for more charges
        arrival = cutoff + 2 * DAY
        account.payout(
            due,
            created=cutoff + 3_600,
            arrival_date=arrival,
            status="paid" if arrival <= EPOCH else "in_transit",
        )
        paid.extend(due)
        unpaid = [txn for txn in unpaid if txn["available_on"] > cutoff]

    for txn, problem in zip(rng.sample(paid, len(DAMAGE)), DAMAGE, strict=True):
        account.damage(txn, problem)
    for dropped in rng.sample(range(len(orders)), 2):
        orders[dropped] = None

    table = io.StringIO()
    writer = csv.writer(table, lineterminator="\n")
    writer.writerow(["order_id", "charge_id", "amount", "currency"])
    writer.writerows(row for row in orders if row is not None)
    return Scenario(account.store, "payouts", seed, {"orders.csv": table.getvalue()})


# -- Dispute sync ------------------------------------------------------------------

CARRIERS = ("UPS", "USPS", "DHL", "Royal Mail", "Japan Post")
PRODUCTS = ("Merino wool sweater", "Espresso grinder", "Trail running shoes", "Desk lamp")
DIGITAL = ("Annual photo-editing licence", "Online course: watercolour basics")
REASONS = ("fraudulent", "product_not_received", "duplicate", "subscription_canceled")
STATUSES = {
    "needs_response": 50,
    "warning_needs_response": 12,
    "under_review": 14,
    "won": 12,
    "lost": 12,
}


def disputes(seed: int, *, count: int = 36) -> Scenario:
    """Disputes on usd, eur, gbp and jpy charges, most of them waiting for a response.

    About a quarter of the orders are digital (no shipment to prove), and a few
    open disputes are already past their due date.
    """
    account = Account(seed)
    rng = account.rng
    orders = []
    for number in range(count):
        currency = rng.choices(("usd", "eur", "gbp", "jpy"), weights=(5, 2, 1, 2))[0]
        paid_at = EPOCH - rng.randint(25, 60) * DAY + rng.randrange(DAY)
        order_id = f"ord_{number + 5001}"
        charge, _ = account.charge(
            price(rng, currency), created=paid_at, currency=currency, order_id=order_id
        )
        opened = paid_at + rng.randint(4, 30) * DAY
        account.dispute(
            charge,
            created=opened,
            status=rng.choices(list(STATUSES), weights=list(STATUSES.values()))[0],
            reason=rng.choice(REASONS),
            due_by=opened + rng.choice((7, 21, 21, 30)) * DAY,
        )
        orders.append(_order(rng, order_id, charge, shipped=rng.random() < 0.75))
    return Scenario(
        account.store, "disputes", seed, {"orders.json": json.dumps(orders, indent=2) + "\n"}
    )


def _order(
    rng: random.Random, order_id: str, charge: JsonObject, *, shipped: bool
) -> dict[str, Any]:
    customer = f"customer{rng.randint(100, 999)}@example.com"
    if not shipped:
        return {
            "order_id": order_id,
            "charge_id": charge["id"],
            "customer_email": customer,
            "product_description": rng.choice(DIGITAL),
            "shipping": None,
        }
    shipped_at = charge["created"] + rng.randint(0, 2) * DAY
    return {
        "order_id": order_id,
        "charge_id": charge["id"],
        "customer_email": customer,
        "product_description": rng.choice(PRODUCTS),
        "shipping": {
            "carrier": rng.choice(CARRIERS),
            "tracking_number": "".join(rng.choices(string.ascii_uppercase + string.digits, k=12)),
            "shipped_on": _date(shipped_at),
        },
    }


def _date(timestamp: int) -> str:
    return datetime.datetime.fromtimestamp(timestamp, datetime.UTC).date().isoformat()


SCENARIOS = {"payouts": payouts, "disputes": disputes}
