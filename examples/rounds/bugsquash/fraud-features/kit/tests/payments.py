"""Payments for tests: one card's or one merchant's day, written out by hand."""

from features.events import Payment

START = 1_709_280_000  # 2024-03-01 08:00:00 UTC


def payment(number: int, minutes: float, *, card="card_1", merchant="m_1", amount=2_500, ip="US"):
    return Payment(
        id=f"pay_{number:04d}",
        card=card,
        merchant=merchant,
        amount=amount,
        card_country="US",
        ip_country=ip,
        created=START + minutes * 60,
    )
