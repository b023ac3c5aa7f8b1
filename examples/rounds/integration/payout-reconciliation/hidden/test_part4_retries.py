"""Part 4: the client retries what may succeed later, waits as told, and gives up in time."""

import unittest

from client import ApiError
from payout_answers import (
    connect,
    expected_payout,
    got_payout,
    payouts_of_one_charge,
    scenario_orders,
)
from reconcile import reconcile_payout
from sandbox import Faults, RateLimit, scenarios

ALWAYS_FAILING = Faults(transient_rate=1.0, max_transient=10**9)


def statuses(transport):
    return [request.status for request in transport.sandbox.log]


class ABadDay(unittest.TestCase):
    def test_rate_limited_requests_wait_for_retry_after(self):
        """Rate limited to 1 request a second: 250 payouts listed, no request sent too early."""
        account = payouts_of_one_charge(250)
        client, transport, clock = connect(
            account.store, faults=Faults(rate_limit=RateLimit(burst=1, per_second=1))
        )
        self.assertEqual(len(list(client.list_all("/v1/payouts"))), 250)
        # A request that waited its Retry-After gets through on the next attempt.
        self.assertLessEqual(statuses(transport).count(429), statuses(transport).count(200))
        self.assertGreaterEqual(min(clock.sleeps), 1)

    def test_transient_server_errors_are_retried(self):
        """Half the requests fail with a 5xx once or twice: the reconciliation still matches."""
        scenario = scenarios.payouts(seed=8)
        store, orders = scenario.store, scenario_orders(scenario)
        client, transport, _ = connect(
            store, faults=Faults(transient_rate=0.5, max_transient=2), seed=8
        )
        payout = store.listing("payouts")[-1]
        result = reconcile_payout(client, payout["id"], orders)
        self.assertEqual(got_payout(result), expected_payout(store, payout["id"], orders))
        self.assertTrue(any(status >= 500 for status in statuses(transport)))

    def test_dropped_connections_are_retried(self):
        """Half the responses never arrive (ConnectionError): every payout is still listed."""
        account = payouts_of_one_charge(120)
        client, transport, _ = connect(account.store, faults=Faults(lost_response_rate=0.5))
        self.assertEqual(len(list(client.list_all("/v1/payouts", limit=5))), 120)
        self.assertIn(None, statuses(transport))

    def test_gives_up_after_five_attempts_backing_off(self):
        """A GET that always fails: 5 attempts, then ApiError; waits of at least 0.5, 1, 2, 4 s."""
        client, transport, clock = connect(payouts_of_one_charge(3).store, faults=ALWAYS_FAILING)
        with self.assertRaises(ApiError) as raised:
            client.get("/v1/payouts")
        self.assertIn(raised.exception.status, (500, 502, 503))
        self.assertEqual(transport.requests, 5)
        self.assertEqual(len(clock.sleeps), 4)
        for attempt, waited in enumerate(clock.sleeps):
            self.assertGreaterEqual(waited, 0.5 * 2**attempt)
            self.assertLessEqual(waited, 60)

    def test_other_client_errors_are_not_retried(self):
        """A 404 and a 400 are raised at once: one request each, no waiting."""
        client, transport, clock = connect(payouts_of_one_charge(3).store)
        with self.assertRaises(ApiError) as missing:
            client.get("/v1/payouts/po_doesnotexist")
        with self.assertRaises(ApiError) as unknown:
            client.get("/v1/payouts", startingAfter="po_1")
        self.assertEqual((missing.exception.status, unknown.exception.status), (404, 400))
        self.assertEqual(transport.requests, 2)
        self.assertEqual(clock.sleeps, [])

    def test_a_post_is_retried_only_with_an_idempotency_key(self):
        """A failing POST: sent once without a key, five times with one."""
        store = payouts_of_one_charge(1).store
        client, transport, _ = connect(store, faults=ALWAYS_FAILING)
        with self.assertRaises(ApiError):
            client.post("/v1/disputes/du_none/close")
        self.assertEqual(transport.requests, 1)
        with self.assertRaises(ApiError):
            client.post("/v1/disputes/du_none/close", idempotency_key="close-du_none")
        self.assertEqual(transport.requests, 6)
