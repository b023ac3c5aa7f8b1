"""Part 4: retries with idempotency keys: nothing submitted twice, nothing lost."""

import unittest
from collections import defaultdict

from dispute_answers import DAY, add_dispute, connect, expected, got, posts, scenario_orders
from sandbox import EPOCH, EVERYDAY_FAULTS, Account, Faults, RateLimit, scenarios
from sync import sync_disputes

A_BAD_NIGHT = Faults(
    rate_limit=RateLimit(burst=3, per_second=1),
    transient_rate=0.3,
    lost_response_rate=0.4,
)


class RetriesThatNeverSubmitTwice(unittest.TestCase):
    def run_night(self, seed, faults):
        scenario = scenarios.disputes(seed=seed)
        orders = scenario_orders(scenario)
        answers = expected(scenario.store, orders)
        client, transport, _ = connect(scenario.store, faults=faults, seed=seed)
        return scenario.store, answers, sync_disputes(client, orders), transport

    def test_a_bad_night(self):
        """Rate limits, 5xx and 40% of responses lost: every dispute in the right list."""
        _, answers, report, _ = self.run_night(7, A_BAD_NIGHT)
        self.assertEqual(got(report), answers)

    def test_nothing_submitted_twice(self):
        """After a bad night, every submitted dispute has exactly one submission."""
        store, answers, _, _ = self.run_night(9, A_BAD_NIGHT)
        for dispute_id in answers["submitted"]:
            with self.subTest(dispute=dispute_id):
                details = store.get("disputes", dispute_id)["evidence_details"]
                self.assertEqual(details["submission_count"], 1)

    def test_one_key_per_action(self):
        """Every POST has a key; retries of an action reuse it; two actions never share one."""
        _, _, _, transport = self.run_night(11, EVERYDAY_FAULTS)
        keys_by_target = defaultdict(set)
        for request in posts(transport):
            self.assertIsNotNone(request.idempotency_key, f"no key on POST {request.target}")
            keys_by_target[request.target].add(request.idempotency_key)
        self.assertTrue(keys_by_target)
        for target, keys in keys_by_target.items():
            self.assertEqual(len(keys), 1, f"{target} was retried with different keys")
        all_keys = [key for keys in keys_by_target.values() for key in keys]
        self.assertEqual(len(all_keys), len(set(all_keys)), "two actions share a key")

    def test_a_refusal_is_not_retried(self):
        """Evidence refused as past due (a 400) is sent once, not retried."""
        account, orders = Account(seed=1), {}
        late = add_dispute(account, orders, 9_000, created=EPOCH - 3 * DAY, due_by=EPOCH - DAY)
        client, transport, _ = connect(account.store)
        report = sync_disputes(client, orders)
        self.assertEqual(report.past_due, [late["id"]])
        self.assertEqual(len(posts(transport)), 1)
