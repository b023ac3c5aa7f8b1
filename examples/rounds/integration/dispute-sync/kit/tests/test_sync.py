"""The sync against small accounts made for each case."""

import unittest

import sandbox
from client import PaymentsClient
from orders import Order, Shipment
from sandbox import EPOCH, Account, Faults
from sync import open_disputes, sync_disputes

DAY = 86_400


class SyncTest(unittest.TestCase):
    def setUp(self):
        self.account, self.orders = Account(seed=1), {}

    def dispute(self, amount, *, currency="usd", status="needs_response", created=None):
        created = created or EPOCH - 2 * DAY - len(self.orders)
        charge, _ = self.account.charge(amount, created=created - DAY, currency=currency)
        shipped = Shipment("UPS", "1Z999", "2024-03-01")
        self.orders[charge["id"]] = Order("ord", charge["id"], "a@example.com", "Lamp", shipped)
        return self.account.dispute(charge, created=created, status=status)

    def client(self, faults=None):
        transport, clock = sandbox.in_process(self.account.store, faults=faults)
        return PaymentsClient(transport, sleep=clock.sleep)

    def test_evidence_is_submitted_for_a_shipped_order(self):
        dispute = self.dispute(9_000)
        report = sync_disputes(self.client(), self.orders)
        self.assertEqual(report.submitted, [dispute["id"]])
        stored = self.account.store.get("disputes", dispute["id"])
        self.assertEqual(stored["evidence"]["shipping_tracking_number"], "1Z999")

    def test_inquiries_need_a_response_too(self):  # part 1
        inquiry = self.dispute(9_000, status="warning_needs_response")
        self.assertEqual([d["id"] for d in open_disputes(self.client())], [inquiry["id"]])

    def test_a_small_dispute_is_accepted(self):  # part 2
        small = self.dispute(1_000)
        report = sync_disputes(self.client(), self.orders)
        self.assertEqual(report.accepted, [small["id"]])

    def test_yen_have_no_minor_unit(self):  # part 3
        under_3000_yen = self.dispute(2_800, currency="jpy")
        report = sync_disputes(self.client(), self.orders)
        self.assertEqual(report.accepted, [under_3000_yen["id"]])

    def test_a_lost_response_is_not_submitted_twice(self):  # part 4
        dispute = self.dispute(9_000)
        report = sync_disputes(self.client(Faults(lost_response_rate=1.0)), self.orders)
        self.assertEqual(report.submitted, [dispute["id"]])
        stored = self.account.store.get("disputes", dispute["id"])
        self.assertEqual(stored["evidence_details"]["submission_count"], 1)

    def test_the_checkpoint_is_the_newest_dispute_listed(self):  # part 5
        self.dispute(9_000, created=EPOCH - DAY)
        self.dispute(9_000, created=EPOCH - 2 * DAY, status="won")
        report = sync_disputes(self.client(), self.orders, since=EPOCH - 3 * DAY)
        self.assertEqual(report.checkpoint, EPOCH - DAY)
