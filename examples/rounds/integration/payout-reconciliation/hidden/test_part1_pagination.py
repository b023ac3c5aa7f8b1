"""Part 1: list_all yields every object of a list endpoint, following the cursor."""

import unittest

from payout_answers import connect, payouts_of_one_charge
from sandbox import EPOCH, Account


class EveryPayout(unittest.TestCase):
    def ids(self, account, path="/v1/payouts", **params):
        client, transport, _ = connect(account.store)
        got = [obj["id"] for obj in client.list_all(path, **params)]
        return got, transport

    def test_every_object_once_newest_first(self):
        """250 payouts: all 250, once each, in the API's order (newest first)."""
        account = payouts_of_one_charge(250)
        got, _ = self.ids(account)
        self.assertEqual(len(got), 250, "payouts listed")
        self.assertEqual(got, [p["id"] for p in account.store.listing("payouts")])

    def test_pages_of_one_hundred(self):
        """250 payouts take 3 requests: pages of 100, the most the API allows."""
        _, transport = self.ids(payouts_of_one_charge(250))
        self.assertEqual(transport.requests, 3)

    def test_exactly_one_full_page_and_an_empty_list(self):
        """Exactly 100 payouts give 100; an account with none gives none."""
        self.assertEqual(len(self.ids(payouts_of_one_charge(100))[0]), 100)
        self.assertEqual(self.ids(payouts_of_one_charge(0))[0], [])

    def test_filters_pass_through(self):
        """list_all("/v1/payouts", status="in_transit") yields only those, across pages."""
        account = payouts_of_one_charge(140, status="in_transit")
        for payout in account.store.listing("payouts")[::2]:
            payout["status"] = "paid"
        got, _ = self.ids(account, status="in_transit")
        self.assertEqual(len(got), 70)

    def test_a_callers_limit_still_gives_everything(self):
        """With limit=7, list_all still yields all 30 payouts, in order."""
        account = payouts_of_one_charge(30)
        got, _ = self.ids(account, limit=7)
        self.assertEqual(len(got), 30, "payouts listed")
        self.assertEqual(got, [p["id"] for p in account.store.listing("payouts")])

    def test_objects_created_in_the_same_second(self):
        """150 payouts created in the same second: all 150, none twice (page by cursor)."""
        got, _ = self.ids(payouts_of_one_charge(150, created=EPOCH - 3_600))
        self.assertEqual(len(got), 150)
        self.assertEqual(len(set(got)), 150)

    def test_any_list_endpoint(self):
        """The balance transactions of one payout, 230 of them, come back in full."""
        account = Account(seed=3)
        txns = [account.charge(500, created=EPOCH - 9_000 + n)[1] for n in range(230)]
        payout = account.payout(txns, created=EPOCH - 60, arrival_date=EPOCH, status="paid")
        got, _ = self.ids(account, "/v1/balance_transactions", payout=payout["id"])
        self.assertEqual(sorted(got), sorted(txn["id"] for txn in txns))
