"""Answer the disputes that need a response. README.md has the task, API.md the API."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from client import ApiError, PaymentsClient
from evidence import evidence_for
from orders import Order

OPEN = frozenset({"needs_response", "warning_needs_response"})
# Under these amounts a dispute costs more to fight than to lose (README.md), in major units.
ACCEPT_UNDER = {"usd": 25, "eur": 25, "gbp": 20, "jpy": 3_000}
# Minor units per major unit; jpy has no minor unit (API.md, "Money").
MINOR_PER_MAJOR = {"usd": 100, "eur": 100, "gbp": 100, "jpy": 1}


@dataclass
class SyncReport:
    """What one run did, by dispute id."""

    accepted: list[str] = field(default_factory=list)  # closed: cheaper to lose than fight
    submitted: list[str] = field(default_factory=list)  # evidence submitted
    needs_review: list[str] = field(default_factory=list)  # left for a person
    past_due: list[str] = field(default_factory=list)  # too late to respond
    checkpoint: int | None = None  # pass it as `since` next time

    def summary(self) -> str:
        lines = [
            f"{name.replace('_', ' ')}: {len(ids)}  {' '.join(ids)}".rstrip()
            for name, ids in vars(self).items()
            if isinstance(ids, list)
        ]
        return "\n".join([*lines, f"checkpoint: {self.checkpoint}"])


class Listing:
    """Disputes listed since a checkpoint, and the newest ``created`` among them."""

    def __init__(self, client: PaymentsClient, since: int | None) -> None:
        self.checkpoint = since
        filters = {} if since is None else {"created": {"gte": since}}
        self.disputes = list(client.list_all("/v1/disputes", **filters))
        for dispute in self.disputes:
            if self.checkpoint is None or dispute["created"] > self.checkpoint:
                self.checkpoint = dispute["created"]

    def open(self) -> list[dict[str, Any]]:
        return [dispute for dispute in self.disputes if dispute["status"] in OPEN]


def open_disputes(client: PaymentsClient, *, since: int | None = None) -> list[dict[str, Any]]:
    return Listing(client, since).open()


def accept_under(currency: str) -> int | None:
    """The threshold in the API's units (minor units), or None for a currency not in the table."""
    if currency not in ACCEPT_UNDER:
        return None
    return ACCEPT_UNDER[currency] * MINOR_PER_MAJOR[currency]


def sync_disputes(
    client: PaymentsClient, orders: dict[str, Order], *, since: int | None = None
) -> SyncReport:
    listing = Listing(client, since)
    report = SyncReport(checkpoint=listing.checkpoint)
    for dispute in listing.open():
        dispute_id, threshold = dispute["id"], accept_under(dispute["currency"])
        order = orders.get(dispute["charge"])
        if threshold is not None and dispute["amount"] < threshold:
            client.post(f"/v1/disputes/{dispute_id}/close", idempotency_key=f"{dispute_id}:close")
            report.accepted.append(dispute_id)
        elif threshold is not None and order is not None and order.shipping is not None:
            try:
                client.post(
                    f"/v1/disputes/{dispute_id}",
                    {"evidence": evidence_for(order), "submit": True},
                    idempotency_key=f"{dispute_id}:submit",
                )
            except ApiError as error:
                if error.code != "dispute_past_due":
                    raise
                report.past_due.append(dispute_id)
            else:
                report.submitted.append(dispute_id)
        else:
            report.needs_review.append(dispute_id)
    return report
