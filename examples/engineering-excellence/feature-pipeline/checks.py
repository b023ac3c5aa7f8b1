"""Checks for the card-features pipeline: public ones first, then hidden edge cases."""

import copy
import random

from exercise_harness import Checks, Trial, close_to

checks = Checks()
HOUR = 3_600


def pay(payment_id: str, card: str, amount: float, time: int) -> dict:
    return {"id": payment_id, "card": card, "amount": amount, "time": time}


def reference(payments: list[dict]) -> list[dict]:
    """The specification, written plainly: quadratic, and obviously right."""
    first = {}
    for p in payments:
        first.setdefault(p["id"], p)

    def features(p: dict) -> dict:
        earlier = [q for q in first.values() if q["card"] == p["card"] and q["time"] < p["time"]]
        recent = [q for q in earlier if q["time"] >= p["time"] - HOUR]
        mean = sum(q["amount"] for q in earlier) / len(earlier) if earlier else None
        ratio = p["amount"] / mean if earlier else None
        return {"id": p["id"], "card_payments_1h": len(recent), "amount_vs_card_mean": ratio}

    return [features(first[p["id"]]) for p in payments]


def features(t: Trial, payments: list[dict]) -> list:
    """The reader's features for a copy of the payments (the originals stay untouched)."""
    return t.code("card_features")(copy.deepcopy(payments))


def check_features(t: Trial, payments: list[dict]) -> None:
    expected = reference(payments)
    t.expect(expected)
    t.got(close_to(features(t, payments), expected))


def random_payments(rng: random.Random, n: int, cards: int) -> list[dict]:
    """Unsorted payments with same-second ties and a few replays."""
    payments = [
        pay(
            f"p{i}",
            f"card_{rng.randrange(cards)}",
            round(rng.uniform(1, 500), 2),
            rng.randrange(0, 4 * HOUR, 60),
        )
        for i in range(n)
    ]
    payments += [dict(rng.choice(payments)) for _ in range(n // 20)]
    rng.shuffle(payments)
    return payments


@checks.public(
    "a card's first payment has no history",
    fed="card_features([pay('p1', 'card_a', 20.0, 1_000)])",
)
def first_payment(t: Trial) -> None:
    check_features(t, [pay("p1", "card_a", 20.0, 1_000)])


@checks.public(
    "a payment ten minutes later sees the first",
    fed="card_features([pay('p1', 'card_a', 20.0, 1_000), pay('p2', 'card_a', 50.0, 1_600)])",
)
def ten_minutes_later(t: Trial) -> None:
    check_features(t, [pay("p1", "card_a", 20.0, 1_000), pay("p2", "card_a", 50.0, 1_600)])


@checks.public(
    "two cards do not mix",
    fed="card_features([pay('p1', 'card_a', 20.0, 1_000), pay('p2', 'card_b', 50.0, 1_600)])",
)
def two_cards(t: Trial) -> None:
    check_features(t, [pay("p1", "card_a", 20.0, 1_000), pay("p2", "card_b", 50.0, 1_600)])


@checks.hidden(
    "a payment in the same second is not earlier",
    fed="card_features([pay('p1', 'card_a', 20.0, 1_000), pay('p2', 'card_a', 50.0, 1_000)])",
)
def same_second(t: Trial) -> None:
    check_features(t, [pay("p1", "card_a", 20.0, 1_000), pay("p2", "card_a", 50.0, 1_000)])


@checks.hidden(
    "exactly an hour earlier counts, 3,601 seconds earlier does not",
    fed="card_features([pay('p1', 'card_a', 20.0, 0), pay('p2', 'card_a', 20.0, 3_600), "
    "pay('p3', 'card_a', 20.0, 7_201)])",
)
def window_edges(t: Trial) -> None:
    check_features(
        t,
        [
            pay("p1", "card_a", 20.0, 0),
            pay("p2", "card_a", 20.0, 3_600),
            pay("p3", "card_a", 20.0, 7_201),
        ],
    )


@checks.hidden(
    "unsorted input: results follow the input order",
    fed="card_features([pay('p2', 'card_a', 50.0, 1_600), pay('p1', 'card_a', 20.0, 1_000)])",
)
def input_order(t: Trial) -> None:
    check_features(t, [pay("p2", "card_a", 50.0, 1_600), pay("p1", "card_a", 20.0, 1_000)])


@checks.hidden(
    "the caller's list keeps its order",
    fed="payments = [pay('p2', 'card_a', 50.0, 1_600), pay('p1', 'card_a', 20.0, 1_000)]; "
    "card_features(payments); [p['id'] for p in payments]",
)
def list_untouched(t: Trial) -> None:
    payments = [pay("p2", "card_a", 50.0, 1_600), pay("p1", "card_a", 20.0, 1_000)]
    t.expect(["p2", "p1"])
    t.code("card_features")(payments)
    t.got([p["id"] for p in payments])


@checks.hidden(
    "a replayed payment counts once",
    fed="card_features([pay('p1', 'card_a', 20.0, 1_000), pay('p1', 'card_a', 20.0, 1_000), "
    "pay('p2', 'card_a', 50.0, 1_600)])",
)
def replay(t: Trial) -> None:
    first = pay("p1", "card_a", 20.0, 1_000)
    check_features(t, [first, dict(first), pay("p2", "card_a", 50.0, 1_600)])


@checks.hidden(
    "a later payment never changes an earlier payment's features",
    fed="card_features(payments[:k]) against card_features(payments)[:k], "
    "for 200 payments in time order",
)
def no_future(t: Trial) -> None:
    payments = sorted(random_payments(random.Random(7), 200, 5), key=lambda p: p["time"])
    whole = features(t, payments)
    prefixes = [features(t, payments[:k])[-1] for k in range(1, len(payments) + 1)]
    t.expect(whole)
    t.got(close_to(prefixes, whole))


@checks.hidden(
    "a missing amount is rejected",
    fed="card_features([{'id': 'p1', 'card': 'card_a', 'time': 1_000}])",
)
def missing_amount(t: Trial) -> None:
    t.expect("raises ValueError")
    t.got(t.raises(lambda: features(t, [{"id": "p1", "card": "card_a", "time": 1_000}])))


@checks.hidden(
    "a negative amount is rejected",
    fed="card_features([pay('p1', 'card_a', 20.0, 1_000), pay('p2', 'card_a', -5.0, 1_600)])",
)
def negative_amount(t: Trial) -> None:
    t.expect("raises ValueError")
    bad = [pay("p1", "card_a", 20.0, 1_000), pay("p2", "card_a", -5.0, 1_600)]
    t.got(t.raises(lambda: features(t, bad)))


@checks.hidden(
    "2,000 random payments agree with a plain implementation",
    fed="2,000 unsorted payments on 40 cards over 4 hours, with ties and replays",
)
def random_agreement(t: Trial) -> None:
    check_features(t, random_payments(random.Random(11), 2_000, 40))


@checks.hidden(
    "10,000 payments in under a second",
    fed="growing prefixes of 10,000 payments on 500 cards",
)
def large(t: Trial) -> None:
    payments = random_payments(random.Random(13), 10_000, 500)
    card_features = t.code("card_features")
    t.expect("finished")
    t.budget(1.0)
    # Growing prefixes: a quadratic pipeline runs out of budget early instead of hanging.
    for n in (500, 1_000, 2_000, 5_000, len(payments)):
        card_features(payments[:n])
        t.on_time(f"{n:,} payments done")
    t.got("finished")
