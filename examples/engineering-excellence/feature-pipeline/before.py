"""The "before" of the feature-pipeline review: card features that look right on the examples.

Kept messy on purpose. It passes the public checks, and a reviewer would still
block it: see docs/engineering-excellence/index.md.
"""


def card_features(payments):
    payments.sort(key=lambda p: p["time"])
    out = []
    for p in payments:
        try:
            n = 0
            amts = []
            for q in payments:
                if q["card"] == p["card"] and q["id"] != p["id"]:
                    if q["time"] <= p["time"] and p["time"] - q["time"] < 3600:
                        n += 1
                    if q["time"] <= p["time"]:
                        amts.append(q["amount"])
            p["n"] = n
            r = p["amount"] / (sum(amts) / len(amts)) if len(amts) > 0 else None
            out.append({"id": p["id"], "card_payments_1h": p["n"], "amount_vs_card_mean": r})
        except Exception:
            out.append({"id": p["id"], "card_payments_1h": 0, "amount_vs_card_mean": None})
    return out


if __name__ == "__main__":
    example = [
        {"id": "p1", "card": "card_a", "amount": 20.0, "time": 1_000},
        {"id": "p2", "card": "card_a", "amount": 50.0, "time": 1_600},
    ]
    print(card_features(example))
