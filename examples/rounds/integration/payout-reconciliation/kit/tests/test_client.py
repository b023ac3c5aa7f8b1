"""The client against an in-process sandbox: no network, no waiting."""

import unittest

import sandbox
from client import ApiError, PaymentsClient, encode
from sandbox import EPOCH, Account, Faults, RateLimit


def account_with_payouts(count):
    account = Account(seed=count)
    for number in range(count):
        _, txn = account.charge(1_000, created=EPOCH - 3_600 * (number + 1))
        account.payout([txn], created=txn["created"] + 60, arrival_date=EPOCH, status="paid")
    return account


def connect(account, faults=None):
    transport, clock = sandbox.in_process(account.store, faults=faults)
    return PaymentsClient(transport, sleep=clock.sleep), clock


class ClientTest(unittest.TestCase):
    def test_get_returns_the_object(self):
        account = account_with_payouts(1)
        client, _ = connect(account)
        (payout,) = account.store.listing("payouts")
        self.assertEqual(client.get(f"/v1/payouts/{payout['id']}")["amount"], payout["amount"])

    def test_an_error_status_raises_api_error(self):
        client, _ = connect(account_with_payouts(1))
        with self.assertRaises(ApiError) as raised:
            client.get("/v1/payouts/po_missing")
        self.assertEqual(
            (raised.exception.status, raised.exception.code), (404, "resource_missing")
        )

    def test_nested_parameters_are_form_encoded(self):
        self.assertEqual(
            encode({"evidence": {"shipping_carrier": "UPS"}, "submit": True}),
            "evidence%5Bshipping_carrier%5D=UPS&submit=true",
        )

    def test_list_all_follows_the_cursor(self):  # part 1
        client, _ = connect(account_with_payouts(25))
        self.assertEqual(len(list(client.list_all("/v1/payouts"))), 25)

    def test_a_rate_limited_get_is_retried(self):  # part 4
        faults = Faults(rate_limit=RateLimit(burst=1, per_second=1))
        client, clock = connect(account_with_payouts(2), faults)
        client.get("/v1/payouts")
        client.get("/v1/payouts")  # over the limit: the sandbox says wait one second
        self.assertEqual(clock.sleeps, [1.0])
