import unittest

from features.events import Payment, PaymentError, in_time_order

from tests.payments import payment

RECORD = {
    "id": "pay_1",
    "card": "card_1",
    "merchant": "m_1",
    "amount": 2_500,
    "card_country": "us",
    "ip_country": "US",
    "created": 1_709_280_000,
}


class PaymentTest(unittest.TestCase):
    def test_a_record_becomes_a_payment(self):
        paid = Payment.from_record(RECORD)
        self.assertEqual(
            (paid.amount, paid.card_country, paid.created), (2_500, "US", 1_709_280_000.0)
        )

    def test_bad_records_are_refused(self):
        for field, value in [
            ("amount", 0),
            ("amount", 25.0),
            ("amount", True),
            ("card", ""),
            ("ip_country", "USA"),
            ("created", "yesterday"),
        ]:
            with self.subTest(field=field, value=value), self.assertRaises(PaymentError):
                Payment.from_record({**RECORD, field: value})

    def test_time_order_breaks_ties_by_id(self):
        later, first, second = payment(3, 5), payment(2, 0), payment(1, 0)
        self.assertEqual(
            [p.id for p in in_time_order([later, first, second])],
            ["pay_0001", "pay_0002", "pay_0003"],
        )
