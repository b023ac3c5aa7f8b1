"""Answer the disputes that need a response. README.md has the task, API.md the API."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from client import PaymentsClient
from evidence import evidence_for
from orders import Order


@dataclass
class SyncReport:
    """What one run did, by dispute id."""

    accepted: list[str] = field(default_factory=list)  # closed: cheaper to lose than fight
    submitted: list[str] = field(default_factory=list)  # evidence submitted
    needs_review: list[str] = field(default_factory=list)  # left for a person
    past_due: list[str] = field(default_factory=list)  # too late to respond

    def summary(self) -> str:
        return "\n".join(
            f"{name.replace('_', ' ')}: {len(ids)}  {' '.join(ids)}".rstrip()
            for name, ids in vars(self).items()
        )


def open_disputes(client: PaymentsClient) -> list[dict[str, Any]]:
    return [
        dispute
        for dispute in client.list_all("/v1/disputes")
        if dispute["status"] == "needs_response"
    ]


def sync_disputes(client: PaymentsClient, orders: dict[str, Order]) -> SyncReport:
    report = SyncReport()
    for dispute in open_disputes(client):
        order = orders.get(dispute["charge"])
        if order is None:
            report.needs_review.append(dispute["id"])
            continue
        client.post(
            f"/v1/disputes/{dispute['id']}", {"evidence": evidence_for(order), "submit": True}
        )
        report.submitted.append(dispute["id"])
    return report
