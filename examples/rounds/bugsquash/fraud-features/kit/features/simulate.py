"""A synthetic day of card payments, deterministic for a seed, with a card-testing attack in it.

Most cards pay once or a few times, hours apart, at a handful of merchants,
from their own country. A few stolen cards are tested the way fraudsters do:
many small payments within an hour, at many merchants, from abroad.
"""

from __future__ import annotations

import random

from .events import Payment, in_time_order
from .state import DAY, HOUR

START = 1_709_251_200  # 2024-03-01 00:00:00 UTC
COUNTRIES = ("US", "GB", "DE", "CA", "FR")
HOME_WEIGHTS = (80, 6, 5, 5, 4)


def simulate_day(
    seed: int = 7, *, cards: int = 1_200, merchants: int = 80, stolen: int = 4
) -> list[Payment]:
    rng = random.Random(seed)
    shops = [f"m_{number:03d}" for number in range(merchants)]
    records: list[dict] = []
    for number in range(cards):
        card, home = f"card_{number:05d}", rng.choices(COUNTRIES, HOME_WEIGHTS)[0]
        favourites = rng.sample(shops, 3)
        at = START + rng.randrange(DAY - 2 * HOUR)
        for _ in range(rng.choices((1, 2, 3, 4, 6), weights=(50, 25, 12, 8, 5))[0]):
            abroad = rng.random() < 0.04
            records.append(
                {
                    "card": card,
                    "merchant": rng.choice(favourites) if rng.random() < 0.8 else rng.choice(shops),
                    "amount": max(100, round(rng.lognormvariate(8.2, 0.9))),
                    "card_country": home,
                    "ip_country": rng.choice(COUNTRIES) if abroad else home,
                    "created": at,
                }
            )
            at += rng.randrange(10 * 60, 5 * HOUR)
    for number in range(stolen):
        card = f"card_{cards + number:05d}"
        at = START + rng.randrange(DAY - 2 * HOUR)
        for _ in range(rng.randint(12, 30)):
            records.append(
                {
                    "card": card,
                    "merchant": rng.choice(shops),
                    "amount": rng.randint(100, 500),
                    "card_country": "US",
                    "ip_country": rng.choice(COUNTRIES[1:]),
                    "created": at,
                }
            )
            at += rng.randrange(30, 300)
    ordered = sorted(records, key=lambda record: (record["created"], record["card"]))
    return in_time_order(
        Payment.from_record({"id": f"pay_{number:06d}", **record})
        for number, record in enumerate(ordered, 1)
    )
