"""Part 2: each open dispute is accepted, answered with evidence, or left for a person."""

import unittest

from dispute_answers import DAY, add_dispute, connect, expected, got, posts
from evidence import evidence_for
from sandbox import EPOCH, Account
from sync import sync_disputes


class RespondByTheRules(unittest.TestCase):
    def setUp(self):
        self.account, self.orders = Account(seed=5), {}

    def add(self, amount, **options):
        return add_dispute(self.account, self.orders, amount, **options)

    def sync(self):
        client, transport, _ = connect(self.account.store)
        return sync_disputes(client, self.orders), transport

    def stored(self, dispute):
        return self.account.store.get("disputes", dispute["id"])

    def test_a_small_dispute_is_accepted(self):
        """A 24.99 USD dispute is closed (accepted): status lost, no evidence sent."""
        small = self.add(2_499)
        report, _ = self.sync()
        self.assertEqual(report.accepted, [small["id"]])
        self.assertEqual(self.stored(small)["status"], "lost")
        self.assertEqual(self.stored(small)["evidence_details"]["submission_count"], 0)

    def test_at_the_threshold_evidence_is_submitted(self):
        """A 25.00 USD dispute on a shipped order is contested: the order's evidence, submitted."""
        dispute = self.add(2_500)
        report, _ = self.sync()
        self.assertEqual(report.submitted, [dispute["id"]])
        stored = self.stored(dispute)
        self.assertEqual(stored["status"], "under_review")
        self.assertEqual(stored["evidence_details"]["submission_count"], 1)
        wanted = evidence_for(self.orders[dispute["charge"]])
        self.assertEqual({k: stored["evidence"][k] for k in wanted}, wanted)

    def test_no_shipment_or_no_order_goes_to_a_person(self):
        """A digital order and a charge with no order: needs_review, and no request for either."""
        digital = self.add(9_000, shipped=False)
        unknown = self.add(9_000, shipped=None)
        report, transport = self.sync()
        self.assertEqual(sorted(report.needs_review), sorted([digital["id"], unknown["id"]]))
        self.assertEqual(posts(transport), [])

    def test_past_due_is_reported_and_the_run_goes_on(self):
        """Evidence refused as past due: reported in past_due; the next dispute still answered."""
        late = self.add(9_000, created=EPOCH - 3 * DAY, due_by=EPOCH - DAY)
        later = self.add(9_000, created=EPOCH - 4 * DAY)
        report, _ = self.sync()
        self.assertEqual(report.past_due, [late["id"]])
        self.assertEqual(report.submitted, [later["id"]])

    def test_an_inquiry_is_answered_the_same_way(self):
        """An inquiry (warning_needs_response) on a shipped order: evidence submitted."""
        inquiry = self.add(7_000, status="warning_needs_response")
        report, _ = self.sync()
        self.assertEqual(report.submitted, [inquiry["id"]])
        self.assertEqual(self.stored(inquiry)["status"], "warning_under_review")

    def test_a_mixed_night(self):
        """Twelve usd disputes of every kind, in the API's order, each in the right list."""
        for number, (amount, shipped) in enumerate(
            [(1_000, True), (2_600, True), (2_600, False), (40_000, None)] * 3
        ):
            self.add(amount + number, shipped=shipped, created=EPOCH - 6 * DAY + number * 300)
        answers = expected(self.account.store, self.orders)
        report, _ = self.sync()
        self.assertEqual(got(report), answers)
