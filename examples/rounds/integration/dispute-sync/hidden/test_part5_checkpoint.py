"""Part 5: an incremental sync from a checkpoint that misses nothing and answers nothing twice."""

import unittest

from dispute_answers import (
    add_dispute,
    connect,
    expected,
    got,
    list_queries,
    posts,
    scenario_orders,
)
from sandbox import Account, scenarios
from sync import sync_disputes


class IncrementalSync(unittest.TestCase):
    def test_the_next_night(self):
        """Night 2 from night 1's checkpoint answers every new dispute, one from the same second."""
        scenario = scenarios.disputes(seed=7)
        store, orders = scenario.store, scenario_orders(scenario)
        client, transport, _ = connect(store)
        first = sync_disputes(client, orders)
        newest = max(dispute["created"] for dispute in store.objects["disputes"].values())
        self.assertEqual(first.checkpoint, newest)

        account = Account(seed=99, store=store)  # new disputes arrive in the same account
        same_second = add_dispute(account, orders, 8_000, created=newest)
        later = add_dispute(account, orders, 1_200, created=newest + 30)
        digital = add_dispute(account, orders, 9_900, created=newest + 60, shipped=False)
        answers = expected(store, orders, since=first.checkpoint)
        before = len(transport.sandbox.log)

        second = sync_disputes(client, orders, since=first.checkpoint)
        self.assertEqual(got(second), answers)
        for dispute in (same_second, later, digital):
            self.assertIn(dispute["id"], [i for ids in got(second).values() for i in ids])
        self.assertEqual(second.checkpoint, newest + 60)
        answered = {f"/v1/disputes/{i}/close" for i in answers["accepted"]}
        answered |= {f"/v1/disputes/{i}" for i in answers["submitted"] + answers["past_due"]}
        night_two = transport.sandbox.log[before:]
        self.assertEqual(
            {request.target for request in night_two if request.method == "POST"}, answered
        )

    def test_only_new_disputes_are_listed(self):
        """With since, every request that lists disputes asks for created[gte]=since."""
        scenario = scenarios.disputes(seed=8)
        client, transport, _ = connect(scenario.store)
        since = sorted(d["created"] for d in scenario.store.objects["disputes"].values())[-5]
        sync_disputes(client, scenario_orders(scenario), since=since)
        queries = list_queries(transport)
        self.assertTrue(queries)
        for query in queries:
            self.assertEqual(query.get("created[gte]"), [str(since)], query)

    def test_a_quiet_night_keeps_the_checkpoint(self):
        """Nothing created since the checkpoint: nothing answered, the checkpoint unchanged."""
        scenario = scenarios.disputes(seed=9)
        client, transport, _ = connect(scenario.store)
        since = max(d["created"] for d in scenario.store.objects["disputes"].values()) + 1
        report = sync_disputes(client, scenario_orders(scenario), since=since)
        self.assertEqual(report.checkpoint, since)
        self.assertEqual(posts(transport), [])
