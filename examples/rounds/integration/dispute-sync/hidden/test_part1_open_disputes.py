"""Part 1: open_disputes returns every dispute that needs a response, from every page."""

import unittest

from dispute_answers import DAY, OPEN, add_dispute, connect
from sandbox import EPOCH, Account
from sync import open_disputes

STATUSES = (
    "needs_response",
    "warning_needs_response",
    "under_review",
    "warning_under_review",
    "won",
    "lost",
    "warning_closed",
)


class EveryOpenDispute(unittest.TestCase):
    def test_every_page(self):
        """250 disputes that need a response: all 250, newest first."""
        account, orders = Account(seed=1), {}
        for number in range(250):
            add_dispute(account, orders, 5_000, created=EPOCH - 9 * DAY + number * 60)
        client, _, _ = connect(account.store)
        got = [dispute["id"] for dispute in open_disputes(client)]
        self.assertEqual(len(got), 250, "disputes listed")
        self.assertEqual(got, [dispute["id"] for dispute in account.store.listing("disputes")])

    def test_inquiries_too_and_nothing_closed(self):
        """140 disputes of every status: the needs_response and warning_needs_response ones only."""
        account, orders = Account(seed=2), {}
        for number in range(140):
            status = STATUSES[number % len(STATUSES)]
            add_dispute(account, orders, 5_000, status=status, created=EPOCH - 9 * DAY + number)
        client, _, _ = connect(account.store)
        got = [dispute["id"] for dispute in open_disputes(client)]
        wanted = [d["id"] for d in account.store.listing("disputes") if d["status"] in OPEN]
        self.assertEqual(len(got), len(wanted), "open disputes listed")
        self.assertEqual(got, wanted)

    def test_an_account_without_disputes(self):
        """No disputes at all: an empty list."""
        client, _, _ = connect(Account(seed=3).store)
        self.assertEqual(list(open_disputes(client)), [])
