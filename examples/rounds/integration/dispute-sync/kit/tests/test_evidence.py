"""Orders and the evidence they give."""

import json
import unittest

from evidence import evidence_for
from orders import read_orders

ORDERS = json.dumps(
    [
        {
            "order_id": "ord_1",
            "charge_id": "ch_1",
            "customer_email": "ana@example.com",
            "product_description": "Desk lamp",
            "shipping": {"carrier": "UPS", "tracking_number": "1Z999", "shipped_on": "2024-02-01"},
        },
        {
            "order_id": "ord_2",
            "charge_id": "ch_2",
            "customer_email": "bo@example.com",
            "product_description": "Online course",
            "shipping": None,
        },
    ]
)


class EvidenceTest(unittest.TestCase):
    def test_orders_are_keyed_by_charge(self):
        self.assertEqual(sorted(read_orders(ORDERS)), ["ch_1", "ch_2"])

    def test_a_shipped_order_gives_its_tracking(self):
        evidence = evidence_for(read_orders(ORDERS)["ch_1"])
        self.assertEqual(evidence["shipping_tracking_number"], "1Z999")
        self.assertEqual(evidence["shipping_date"], "2024-02-01")

    def test_a_digital_order_gives_no_shipping_fields(self):
        evidence = evidence_for(read_orders(ORDERS)["ch_2"])
        self.assertNotIn("shipping_carrier", evidence)
