"""Generate the guide's synthetic datasets into datasets/.

Every file is deterministic: a fixed seed per dataset and fixed formatting, so
regenerating gives the same bytes. No real people, cards or merchants.

    python scripts/make_datasets.py            # write datasets/*.csv
    python scripts/make_datasets.py --check    # exit 1 if a committed file differs
"""

from __future__ import annotations

import argparse
import filecmp
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

DATASETS_DIR = Path(__file__).resolve().parents[1] / "datasets"

# -- transactions ---------------------------------------------------------------
START = pd.Timestamp("2026-01-01T00:00:00Z")
DAYS = 120
N_CARDS = 3_000
N_LEGIT = 29_700
N_CARD_TESTING_BURSTS = 16
N_STOLEN_CARD_PAYMENTS = 170
LATE_FRAUD_BOOST = 2.0  # fraud is this many times likelier in the last 30 days
DUPLICATE_RATE = 0.005

# category: (share of legitimate payments, median amount, risk weight for stolen-card fraud)
CATEGORIES = {
    "grocery": (0.22, 38.0, 0.3),
    "restaurants": (0.18, 27.0, 0.3),
    "fuel": (0.10, 45.0, 0.5),
    "subscriptions": (0.08, 14.0, 0.5),
    "fashion": (0.09, 70.0, 1.0),
    "marketplace": (0.10, 42.0, 1.5),
    "travel": (0.05, 320.0, 1.5),
    "electronics": (0.06, 180.0, 3.0),
    "digital_goods": (0.08, 12.0, 3.0),
    "gift_cards": (0.04, 60.0, 5.0),
}
COUNTRIES = {"us": 0.5, "gb": 0.15, "de": 0.1, "fr": 0.08, "ca": 0.07, "nl": 0.05, "ie": 0.05}
CURRENCY = {"us": "usd", "ca": "usd", "gb": "gbp"}  # the rest pay in eur
FRAUD_IP_COUNTRIES = ["ng", "ru", "br", "vn", "id", "us", "gb"]

# -- merchant descriptors ---------------------------------------------------------
N_DESCRIPTORS = 4_000
LABEL_NOISE = 0.02

# -- user activity --------------------------------------------------------------
N_USERS = 6_000


def _hours_of_day(rng: np.random.Generator, n: int, night_weight: float) -> np.ndarray:
    """Hours with a daytime peak; night_weight scales the 00-05 hours."""
    weights = np.array(
        [night_weight] * 6 + [1, 2, 3, 4, 4, 5, 6, 5, 5, 5, 5, 5, 6, 6, 5, 4, 3, 2.0]
    )
    return rng.choice(24, size=n, p=weights / weights.sum())


def _timestamps(rng: np.random.Generator, days: np.ndarray, hours: np.ndarray) -> pd.Series:
    seconds = rng.integers(0, 3_600, size=len(days))
    offsets = pd.to_timedelta(days * 86_400 + hours * 3_600 + seconds, unit="s")
    return pd.Series(START + offsets)


def _fraud_days(rng: np.random.Generator, n: int) -> np.ndarray:
    """Days for fraud events, LATE_FRAUD_BOOST times denser in the last 30 days."""
    weights = np.where(np.arange(DAYS) >= DAYS - 30, LATE_FRAUD_BOOST, 1.0)
    return rng.choice(DAYS, size=n, p=weights / weights.sum())


def make_transactions(rng: np.random.Generator) -> pd.DataFrame:
    """Card payments with ~1% fraud.

    Planted signal: card-testing bursts (many small payments in minutes on one
    card), merchant-category risk, card/IP country mismatch, night hours, new
    devices, velocity, and amounts far above the card's usual spend. Planted
    traps: missing values, impossible amounts, duplicated rows, a leakage column
    (dispute_filed) and a fraud rate that rises in the last month.
    """
    names = list(CATEGORIES)
    shares = np.array([CATEGORIES[c][0] for c in names])
    medians = np.array([CATEGORIES[c][1] for c in names])
    risk = np.array([CATEGORIES[c][2] for c in names])

    cards = pd.DataFrame(
        {
            "card_id": [f"c{i:05d}" for i in range(N_CARDS)],
            "card_country": rng.choice(list(COUNTRIES), size=N_CARDS, p=list(COUNTRIES.values())),
            "activity": rng.gamma(2.0, 1.0, size=N_CARDS),
            "spend_scale": rng.lognormal(0.0, 0.35, size=N_CARDS),
            "n_devices": rng.choice([1, 2, 3], size=N_CARDS, p=[0.55, 0.35, 0.10]),
        }
    )
    merchants = {c: [f"m{i:04d}" for i in range(k * 40, k * 40 + 40)] for k, c in enumerate(names)}

    # Legitimate payments.
    card_idx = rng.choice(N_CARDS, size=N_LEGIT, p=cards["activity"] / cards["activity"].sum())
    cat_idx = rng.choice(len(names), size=N_LEGIT, p=shares)
    legit_cards = cards.iloc[card_idx].reset_index(drop=True)
    travelling = rng.random(N_LEGIT) < 0.03
    legit = pd.DataFrame(
        {
            "timestamp": _timestamps(
                rng, rng.integers(0, DAYS, N_LEGIT), _hours_of_day(rng, N_LEGIT, 0.3)
            ),
            "card_id": legit_cards["card_id"],
            "merchant_category": np.array(names)[cat_idx],
            "amount": medians[cat_idx]
            * legit_cards["spend_scale"]
            * rng.lognormal(0.0, 0.6, N_LEGIT),
            "card_country": legit_cards["card_country"],
            "ip_country": np.where(
                travelling, rng.choice(list(COUNTRIES), size=N_LEGIT), legit_cards["card_country"]
            ),
            "device_id": [
                f"d{c[1:]}{rng.integers(0, n)}"
                for c, n in zip(legit_cards["card_id"], legit_cards["n_devices"], strict=True)
            ],
            "is_fraud": 0,
        }
    )

    # Stolen-card payments: risky categories, night, foreign IP, a new device, large amounts.
    n = N_STOLEN_CARD_PAYMENTS
    victims = cards.iloc[rng.choice(N_CARDS, size=n)].reset_index(drop=True)
    cat_idx = rng.choice(len(names), size=n, p=shares * risk / (shares * risk).sum())
    stolen = pd.DataFrame(
        {
            "timestamp": _timestamps(rng, _fraud_days(rng, n), _hours_of_day(rng, n, 3.0)),
            "card_id": victims["card_id"],
            "merchant_category": np.array(names)[cat_idx],
            "amount": medians[cat_idx] * victims["spend_scale"] * rng.lognormal(1.0, 0.6, n),
            "card_country": victims["card_country"],
            "ip_country": np.where(
                rng.random(n) < 0.55,
                rng.choice(FRAUD_IP_COUNTRIES, size=n),
                victims["card_country"],
            ),
            "device_id": np.where(
                rng.random(n) < 0.7,
                [f"x{i:05d}" for i in range(n)],
                [f"d{c[1:]}0" for c in victims["card_id"]],
            ),
            "is_fraud": 1,
        }
    )

    # Card-testing bursts: one card, many small amounts within minutes, one fraudster device.
    bursts = []
    for burst, day in enumerate(_fraud_days(rng, N_CARD_TESTING_BURSTS)):
        card = cards.iloc[rng.integers(N_CARDS)]
        size = int(rng.integers(5, 14))
        start = START + pd.Timedelta(days=int(day), hours=int(rng.integers(0, 24)))
        bursts.append(
            pd.DataFrame(
                {
                    "timestamp": start
                    + pd.to_timedelta(np.sort(rng.integers(0, 900, size)), unit="s"),
                    "card_id": card["card_id"],
                    "merchant_category": rng.choice(["digital_goods", "marketplace"], size=size),
                    "amount": rng.uniform(0.5, 5.0, size),
                    "card_country": card["card_country"],
                    "ip_country": rng.choice(FRAUD_IP_COUNTRIES),
                    "device_id": f"b{burst:05d}",
                    "is_fraud": 1,
                }
            )
        )

    df = pd.concat([legit, stolen, *bursts], ignore_index=True)
    df["merchant_id"] = [rng.choice(merchants[c]) for c in df["merchant_category"]]
    df = df.sort_values(["timestamp", "card_id"], kind="stable").reset_index(drop=True)
    df["currency"] = df["card_country"].map(CURRENCY).fillna("eur")
    df["is_new_device"] = (~df.duplicated(["card_id", "device_id"])).astype(int)
    df["dispute_filed"] = np.where(
        df["is_fraud"] == 1, rng.random(len(df)) < 0.9, rng.random(len(df)) < 0.002
    ).astype(int)
    df["amount"] = df["amount"].round(2).clip(lower=0.5)

    # Traps.
    df.loc[rng.random(len(df)) < 0.03, "ip_country"] = None
    df.loc[rng.random(len(df)) < 0.005, "amount"] = np.nan
    df.loc[rng.choice(len(df), 8, replace=False), "amount"] = 99_999.99
    negative = rng.choice(len(df), 6, replace=False)
    df.loc[negative, "amount"] = -df.loc[negative, "amount"].abs()
    df.insert(0, "transaction_id", [f"t{i:06d}" for i in range(1, len(df) + 1)])
    duplicates = df.iloc[np.sort(rng.choice(len(df), int(len(df) * DUPLICATE_RATE), replace=False))]
    df = pd.concat([df, duplicates]).sort_values(["timestamp", "transaction_id"], kind="stable")

    df["timestamp"] = df["timestamp"].dt.strftime("%Y-%m-%dT%H:%M:%SZ")
    columns = [
        "transaction_id",
        "timestamp",
        "card_id",
        "merchant_id",
        "merchant_category",
        "amount",
        "currency",
        "card_country",
        "ip_country",
        "device_id",
        "is_new_device",
        "dispute_filed",
        "is_fraud",
    ]
    return df[columns]


# Fictitious merchants per category: (name stems, how a statement abbreviates them).
MERCHANT_WORDS = {
    "restaurants": [
        "BLUE FIG BISTRO",
        "TACO LOCO",
        "NOODLE HOUSE",
        "CAFE ALBA",
        "PIZZERIA NOVA",
        "GRILL 44",
        "SUSHI KAI",
        "BURGER BARN",
    ],
    "grocery": [
        "FRESHMART",
        "GREEN GROCER",
        "CORNER MARKET",
        "DAILY FOODS",
        "VALLEY FARMS MKT",
        "SAVEWAY FOODS",
    ],
    "travel": [
        "SKYLINE AIR",
        "HOTEL MERIDIA",
        "TRAVELNEST",
        "ISLAND INN",
        "AIRLINK TKT",
        "HARBOR HOTEL",
    ],
    "transport": [
        "METRO TRANSIT",
        "CITYCAB",
        "RIDESHARE TRIP",
        "PARKRITE GARAGE",
        "RAILWAY TKTS",
        "SCOOTR RIDE",
    ],
    "software": [
        "CLOUDNOTE",
        "DEVTOOLS IO",
        "PIXELSUITE",
        "MAILJETTY",
        "CODEHOST",
        "DATAVAULT SAAS",
    ],
    "retail": [
        "ACME OUTDOOR",
        "HOME GOODS CO",
        "BOOKNOOK",
        "TECHWORLD",
        "STYLE LANE",
        "TOY HARBOR",
    ],
    "entertainment": [
        "STARLIGHT CINEMA",
        "STREAMFLIX",
        "GAMEZONE",
        "CONCERT TIX",
        "BOWL-A-RAMA",
        "MUSICBOX",
    ],
    "utilities": [
        "CITY WATER",
        "BRIGHT ENERGY",
        "TELCO MOBILE",
        "FIBERNET",
        "GAS & POWER CO",
        "WASTE SVC",
    ],
}
CATEGORY_SHARES = {
    "restaurants": 0.21,
    "retail": 0.18,
    "grocery": 0.14,
    "transport": 0.12,
    "software": 0.10,
    "entertainment": 0.09,
    "travel": 0.09,
    "utilities": 0.07,
}
PROCESSOR_PREFIXES = ["", "", "", "SQ *", "SP * ", "PAYPAL *", "TST* ", "PY *"]
CITIES = [
    "SAN FRANCISCO CA",
    "NEW YORK NY",
    "AUSTIN TX",
    "SEATTLE WA",
    "CHICAGO IL",
    "LONDON",
    "DUBLIN",
]
STATEMENT_WIDTH = 22  # many networks truncate the merchant name field


def make_merchant_descriptors(rng: np.random.Generator) -> pd.DataFrame:
    """Card-statement descriptors with an industry category.

    Planted signal: name stems per category survive prefixes, store numbers,
    city suffixes and truncation. Planted traps: class imbalance, ~2% wrong
    labels, and near-duplicates that leak across a random split.
    """
    categories = list(CATEGORY_SHARES)
    labels = rng.choice(categories, size=N_DESCRIPTORS, p=list(CATEGORY_SHARES.values()))
    rows = []
    for category in labels:
        name = str(rng.choice(MERCHANT_WORDS[category]))
        if rng.random() < 0.3:  # vowels dropped, as processors often abbreviate
            name = name[0] + "".join(ch for ch in name[1:] if ch not in "AEIOU")
        descriptor = str(rng.choice(PROCESSOR_PREFIXES)) + name
        if rng.random() < 0.5:
            descriptor += f" {rng.integers(1, 9999):04d}"
        if rng.random() < 0.4:
            descriptor += " " + str(rng.choice(CITIES))
        if rng.random() < 0.35:
            descriptor = descriptor[:STATEMENT_WIDTH]
        rows.append(descriptor.strip())
    noisy = rng.random(N_DESCRIPTORS) < LABEL_NOISE
    labels[noisy] = rng.choice(categories, size=noisy.sum())
    return pd.DataFrame({"descriptor": rows, "category": labels})


def make_user_activity(rng: np.random.Generator) -> pd.DataFrame:
    """Users of a subscription product, ~20% churned.

    Planted signal: churn rises with days since last login, payment failures and
    support tickets, and falls with sessions. Planted traps: missing values,
    bots, spend recorded in cents, a 9999 sentinel and duplicated users.
    """
    n = N_USERS
    plan = rng.choice(["free", "basic", "pro"], size=n, p=[0.5, 0.35, 0.15])
    sessions = rng.poisson(np.where(plan == "free", 8, 16))
    days_idle = np.minimum(rng.exponential(9.0, n).astype(int), 180)
    failures = rng.poisson(np.where(plan == "free", 0.05, 0.4))
    tickets = rng.poisson(0.6, n)
    spend = np.select([plan == "basic", plan == "pro"], [9.99, 29.99], 0.0) + np.where(
        plan == "free", 0.0, rng.gamma(2.0, 2.0, n)
    )
    logit = -2.1 + 0.09 * days_idle + 0.7 * failures + 0.35 * tickets - 0.06 * sessions
    churned = (rng.random(n) < 1 / (1 + np.exp(-logit))).astype(int)
    df = pd.DataFrame(
        {
            "user_id": [f"u{i:05d}" for i in range(n)],
            "signup_date": (
                pd.Timestamp("2024-01-01") + pd.to_timedelta(rng.integers(0, 700, n), unit="D")
            ).strftime("%Y-%m-%d"),
            "plan": plan,
            "country": rng.choice(list(COUNTRIES), size=n, p=list(COUNTRIES.values())),
            "sessions_last_30d": sessions,
            "avg_session_minutes": rng.gamma(3.0, 4.0, n).round(1),
            "support_tickets_90d": tickets,
            "payment_failures_90d": failures,
            "days_since_last_login": days_idle,
            "monthly_spend": spend.round(2),
            "churned": churned,
        }
    )
    # Traps: bots, spend in cents, a "never logged in" sentinel, gaps, duplicates.
    bots = rng.choice(n, 25, replace=False)
    df.loc[bots, "sessions_last_30d"] = rng.integers(2_000, 9_000, 25)
    cents = rng.choice(np.flatnonzero(plan != "free"), 40, replace=False)
    df.loc[cents, "monthly_spend"] = (df.loc[cents, "monthly_spend"] * 100).round(2)
    df.loc[rng.choice(n, 30, replace=False), "days_since_last_login"] = 9_999
    df.loc[rng.choice(n, 8, replace=False), "monthly_spend"] = -1.0
    df["avg_session_minutes"] = df["avg_session_minutes"].mask(rng.random(n) < 0.04)
    df["monthly_spend"] = df["monthly_spend"].mask(rng.random(n) < 0.02)
    df["country"] = df["country"].mask(rng.random(n) < 0.01)
    duplicates = df.iloc[np.sort(rng.choice(n, 12, replace=False))]
    return pd.concat([df, duplicates]).sort_values("user_id", kind="stable")


# name -> (generator, seed)
DATASETS: dict[str, tuple[Callable[[np.random.Generator], pd.DataFrame], int]] = {
    "transactions": (make_transactions, 20260101),
    "merchant_descriptors": (make_merchant_descriptors, 20260102),
    "user_activity": (make_user_activity, 20260103),
}


def write_all(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, (generate, seed) in DATASETS.items():
        path = out / f"{name}.csv"
        generate(np.random.default_rng(seed)).to_csv(
            path, index=False, float_format="%.2f", lineterminator="\n"
        )
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--out", type=Path, default=DATASETS_DIR, help="folder to write (default: datasets/)"
    )
    parser.add_argument(
        "--check", action="store_true", help="compare a fresh generation with --out"
    )
    args = parser.parse_args(argv)
    if not args.check:
        for path in write_all(args.out):
            print(f"wrote {path}")
        return 0
    with tempfile.TemporaryDirectory() as fresh:
        stale = [
            path.name
            for path in write_all(Path(fresh))
            if not (args.out / path.name).is_file()
            or not filecmp.cmp(path, args.out / path.name, shallow=False)
        ]
    for name in stale:
        print(f"{args.out / name} differs from a fresh generation", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
