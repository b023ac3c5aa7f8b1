"""Generate the guide's synthetic datasets into datasets/.

Each generator takes a spec: a small, typed description of what to plant (the
rates, which traps, in which columns). The guide's datasets are one instance of
each spec (TRANSACTIONS, MERCHANTS, USER_ACTIVITY) with a fixed seed, and fixed
formatting, so regenerating gives the same bytes. The laptop-round kit
(scripts/laptop_round) draws other instances from a seed. No real people, cards
or merchants.

    python scripts/make_datasets.py            # write datasets/*.csv
    python scripts/make_datasets.py --check    # exit 1 if a committed file differs
"""

from __future__ import annotations

import argparse
import filecmp
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import dataset_cards
import numpy as np
import pandas as pd

DATASETS_DIR = Path(__file__).resolve().parents[1] / "datasets"
COUNTRIES = {"us": 0.5, "gb": 0.15, "de": 0.1, "fr": 0.08, "ca": 0.07, "nl": 0.05, "ie": 0.05}


# -- traps: written over the data after the label is drawn ------------------------
@dataclass(frozen=True)
class Missing:
    """About `rate` of the column's values are emptied."""

    column: str
    rate: float

    def describe(self) -> str:
        return f"about {self.rate:.1%} of `{self.column}` missing"

    def plant(self, df: pd.DataFrame, rng: np.random.Generator) -> None:
        if pd.api.types.is_integer_dtype(df[self.column]):
            df[self.column] = df[self.column].astype("Int64")  # stays integer in the CSV
        df[self.column] = df[self.column].mask(rng.random(len(df)) < self.rate)


@dataclass(frozen=True)
class Sentinel:
    """`count` values replaced by one impossible value (a parse error, "never")."""

    column: str
    count: int
    value: float

    def describe(self) -> str:
        return f"{self.count} values of `{self.column}` replaced by {self.value:.10g}"

    def plant(self, df: pd.DataFrame, rng: np.random.Generator) -> None:
        df.loc[rng.choice(len(df), self.count, replace=False), self.column] = self.value


@dataclass(frozen=True)
class Negated:
    """`count` values made negative (a sign lost or added by a parser)."""

    column: str
    count: int

    def describe(self) -> str:
        return f"{self.count} values of `{self.column}` made negative"

    def plant(self, df: pd.DataFrame, rng: np.random.Generator) -> None:
        rows = rng.choice(len(df), self.count, replace=False)
        df.loc[rows, self.column] = -df.loc[rows, self.column].abs()


@dataclass(frozen=True)
class UnitError:
    """`count` positive values recorded in another unit: `factor` times too large."""

    column: str
    count: int
    factor: float

    def describe(self) -> str:
        return (
            f"{self.count} values of `{self.column}` {self.factor:g} times too large (a unit error)"
        )

    def plant(self, df: pd.DataFrame, rng: np.random.Generator) -> None:
        rows = rng.choice(np.flatnonzero(df[self.column].to_numpy() > 0), self.count, replace=False)
        df.loc[rows, self.column] = (df.loc[rows, self.column] * self.factor).round(2)


@dataclass(frozen=True)
class Extreme:
    """`count` rows with integers drawn from [low, high): bots, test accounts."""

    column: str
    count: int
    low: int
    high: int

    def describe(self) -> str:
        return f"{self.count} rows with `{self.column}` from {self.low:,} to {self.high:,} (bots)"

    def plant(self, df: pd.DataFrame, rng: np.random.Generator) -> None:
        rows = rng.choice(len(df), self.count, replace=False)
        df.loc[rows, self.column] = rng.integers(self.low, self.high, self.count)


Trap = Missing | Sentinel | Negated | UnitError | Extreme


@dataclass(frozen=True)
class Leak:
    """A 0/1 column written after the outcome: set on `hit_rate` of positives and
    `false_rate` of negatives, so it predicts the label and is useless when scoring."""

    column: str
    hit_rate: float
    false_rate: float

    def describe(self) -> str:
        return (
            f"`{self.column}` leaks the label: set on {self.hit_rate:.0%} of positives and "
            f"{self.false_rate:.1%} of negatives, because it is written after the outcome"
        )

    def values(self, label: pd.Series, rng: np.random.Generator) -> np.ndarray:
        hits = rng.random(len(label)) < self.hit_rate
        false_alarms = rng.random(len(label)) < self.false_rate
        return np.where(label == 1, hits, false_alarms).astype(int)


@dataclass(frozen=True)
class LabelCode:
    """A multi-class leak: a code written when the label was (a review queue, a
    team), the label's own code on `hit_rate` of rows and a random one on the rest."""

    column: str
    hit_rate: float

    def describe(self) -> str:
        return (
            f"`{self.column}` leaks the label: its code matches the label on about "
            f"{self.hit_rate:.0%} of rows, because it is written when the label is"
        )

    def values(
        self, labels: np.ndarray, classes: list[str], rng: np.random.Generator
    ) -> np.ndarray:
        codes = pd.Series(labels).map({c: i for i, c in enumerate(classes)}).to_numpy()
        codes = np.where(
            rng.random(len(labels)) < self.hit_rate,
            codes,
            rng.integers(0, len(classes), len(labels)),
        )
        return np.char.add("Q", (codes + 1).astype(str))

    @staticmethod
    def decode(codes: pd.Series, classes: list[str]) -> pd.Series:
        """The class each code stands for."""
        return codes.str[1:].astype(int).map(lambda code: classes[code - 1])


@dataclass(frozen=True)
class Generated:
    """A generated dataset and what only the generator knows about it."""

    rows: pd.DataFrame  # what the CSV holds
    # Per row, the generator's own prediction of the label from everything it drew
    # except the label: the ceiling a model can hope for (the laptop-round kit's oracle).
    oracle: np.ndarray
    groups: np.ndarray | None = None  # per row, the entity it belongs to (a merchant)


def plant(df: pd.DataFrame, rng: np.random.Generator, traps: tuple[Trap, ...]) -> None:
    for trap in traps:
        trap.plant(df, rng)


def replayed(df: pd.DataFrame, rng: np.random.Generator, rate: float) -> pd.DataFrame:
    """About `rate` of the rows, to append again: ingestion replays, double exports."""
    return df.iloc[np.sort(rng.choice(len(df), int(len(df) * rate), replace=False))]


# -- transactions -------------------------------------------------------------------
@dataclass(frozen=True)
class Category:
    share: float  # of legitimate payments
    median_amount: float  # in dollars
    risk: float  # weight for stolen-card fraud


@dataclass(frozen=True)
class TransactionsSpec:
    """Card payments: who pays where, how fraud looks, and the traps over it."""

    start: str = "2026-01-01T00:00:00Z"
    days: int = 120
    n_cards: int = 3_000
    n_legit: int = 29_700
    n_stolen: int = 170  # stolen-card payments
    n_bursts: int = 16  # card-testing bursts
    burst_sizes: tuple[int, int] = (5, 13)  # payments per burst, fewest and most
    burst_window_seconds: int = 900  # a burst's payments all fall within it
    burst_amounts: tuple[float, float] = (0.5, 5.0)  # dollars, uniform
    late_days: int = 30
    late_fraud_boost: float = 2.0  # fraud is this many times likelier in the last late_days
    travel_rate: float = 0.03  # legitimate payments from an IP abroad
    stolen_foreign_ip_rate: float = 0.55
    stolen_new_device_rate: float = 0.7
    stolen_amount_boost: float = 1.0  # log-scale: stolen cards spend about e times more
    categories: dict[str, Category] = field(
        default_factory=lambda: {
            "grocery": Category(0.22, 38.0, 0.3),
            "restaurants": Category(0.18, 27.0, 0.3),
            "fuel": Category(0.10, 45.0, 0.5),
            "subscriptions": Category(0.08, 14.0, 0.5),
            "fashion": Category(0.09, 70.0, 1.0),
            "marketplace": Category(0.10, 42.0, 1.5),
            "travel": Category(0.05, 320.0, 1.5),
            "electronics": Category(0.06, 180.0, 3.0),
            "digital_goods": Category(0.08, 12.0, 3.0),
            "gift_cards": Category(0.04, 60.0, 5.0),
        }
    )
    merchants_per_category: int = 40
    countries: dict[str, float] = field(default_factory=lambda: dict(COUNTRIES))
    # Country -> currency; amounts are in the currency's major unit, per_dollar times
    # the dollar amount (2 decimals; 0 for zero-decimal currencies such as jpy).
    currencies: dict[str, str] = field(
        default_factory=lambda: {
            c: {"us": "usd", "ca": "usd", "gb": "gbp"}.get(c, "eur") for c in COUNTRIES
        }
    )
    per_dollar: dict[str, float] = field(
        default_factory=lambda: {"usd": 1.0, "eur": 1.0, "gbp": 1.0}
    )
    fraud_ip_countries: tuple[str, ...] = ("ng", "ru", "br", "vn", "id", "us", "gb")
    leak: Leak | None = Leak("dispute_filed", hit_rate=0.9, false_rate=0.002)
    traps: tuple[Trap, ...] = (
        Missing("ip_country", 0.03),
        Missing("amount", 0.005),
        Sentinel("amount", 8, 99_999.99),
        Negated("amount", 6),
    )
    duplicate_rate: float = 0.005
    # Readable ids say whose device it is (d<card><n>, and x/b for fraudsters': an
    # artefact that leaks the label); opaque ones are random tokens.
    readable_device_ids: bool = True

    def planted(self) -> list[str]:
        """The traps, in words."""
        traps = [self.leak.describe()] if self.leak else []
        traps += [trap.describe() for trap in self.traps if getattr(trap, "count", 1)]
        currencies = sorted(set(self.currencies.values()))
        if len(currencies) > 1:
            traps.append(f"amounts in {', '.join(currencies)}, each in its own unit")
        return traps


TRANSACTIONS = TransactionsSpec()
ZERO_DECIMAL_CURRENCIES = {"jpy", "krw"}


def _hour_shares(night_weight: float) -> np.ndarray:
    """Shares of the 24 hours: a daytime peak; night_weight scales the 00-05 hours."""
    weights = np.array(
        [night_weight] * 6 + [1, 2, 3, 4, 4, 5, 6, 5, 5, 5, 5, 5, 6, 6, 5, 4, 3, 2.0]
    )
    return weights / weights.sum()


LEGIT_NIGHT_WEIGHT, FRAUD_NIGHT_WEIGHT = 0.3, 3.0
AMOUNT_SIGMA = 0.6  # of log amount around a card's usual spend in a category


def _hours_of_day(rng: np.random.Generator, n: int, night_weight: float) -> np.ndarray:
    return rng.choice(24, size=n, p=_hour_shares(night_weight))


def _timestamps(
    rng: np.random.Generator, start: pd.Timestamp, days: np.ndarray, hours: np.ndarray
) -> pd.Series:
    seconds = rng.integers(0, 3_600, size=len(days))
    offsets = pd.to_timedelta(days * 86_400 + hours * 3_600 + seconds, unit="s")
    return pd.Series(start + offsets)


def _fraud_day_shares(spec: TransactionsSpec) -> np.ndarray:
    """Fraud is late_fraud_boost times denser in the last late_days."""
    weights = np.where(
        np.arange(spec.days) >= spec.days - spec.late_days, spec.late_fraud_boost, 1.0
    )
    return weights / weights.sum()


def _fraud_days(rng: np.random.Generator, n: int, spec: TransactionsSpec) -> np.ndarray:
    return rng.choice(spec.days, size=n, p=_fraud_day_shares(spec))


def _fraud_oracle(df: pd.DataFrame, cards: pd.DataFrame, spec: TransactionsSpec) -> np.ndarray:
    """The generator's own probability that each payment is fraud.

    Stolen-card payments against legitimate ones: the exact likelihood ratio of
    what the generator drew for each (card, day, hour, category, amount against
    the card's hidden spend level, IP country), and of a new device at the rates
    the draw produced. Card-testing bursts are what velocity shows: four or more
    other payments on the card within a burst's window.
    """
    card = cards.set_index("card_id").loc[df["card_id"]]
    categories = list(spec.categories)
    shares = np.array([c.share for c in spec.categories.values()])
    medians = np.array([c.median_amount for c in spec.categories.values()])
    risk = np.array([c.risk for c in spec.categories.values()])
    category = df["merchant_category"].map({c: i for i, c in enumerate(categories)}).to_numpy()
    day = (df["timestamp"] - pd.Timestamp(spec.start)).dt.days.to_numpy()
    hour = df["timestamp"].dt.hour.to_numpy()

    log_odds = np.log(spec.n_stolen / spec.n_legit)
    log_odds += np.log(cards["activity"].sum() / (spec.n_cards * card["activity"].to_numpy()))
    log_odds += np.log(_fraud_day_shares(spec)[day] * spec.days)
    log_odds += np.log(
        _hour_shares(FRAUD_NIGHT_WEIGHT)[hour] / _hour_shares(LEGIT_NIGHT_WEIGHT)[hour]
    )
    stolen_shares = shares * risk / (shares * risk).sum()
    log_odds += np.log(stolen_shares[category] / shares[category])
    usual = np.log(df["amount"].to_numpy() / (medians[category] * card["spend_scale"].to_numpy()))
    boost = spec.stolen_amount_boost
    log_odds += (boost * usual - boost**2 / 2) / AMOUNT_SIGMA**2
    home = (df["ip_country"] == df["card_country"]).to_numpy()
    travel, foreign = spec.travel_rate, spec.stolen_foreign_ip_rate
    legit_ip = (1 - travel) * home + travel / len(spec.countries) * df["ip_country"].isin(
        list(spec.countries)
    ).to_numpy()
    stolen_ip = (1 - foreign) * home + foreign / len(spec.fraud_ip_countries) * df[
        "ip_country"
    ].isin(spec.fraud_ip_countries).to_numpy()
    new = df["is_new_device"].to_numpy() == 1
    p_new = {kind: new[df["_kind"].to_numpy() == kind].mean() for kind in ("stolen", "legit")}
    device = np.where(new, p_new["stolen"], 1 - p_new["stolen"]) / np.where(
        new, p_new["legit"], 1 - p_new["legit"]
    )
    with np.errstate(divide="ignore"):
        log_odds += np.log(stolen_ip) - np.log(legit_ip) + np.log(device)
    stolen_card = 1 / (1 + np.exp(-log_odds))

    # Same-card payments within 15 minutes either side: cards far apart on one time line.
    seconds = (df["timestamp"] - pd.Timestamp(spec.start)).dt.total_seconds().to_numpy()
    line = df["card_id"].str[1:].astype(int).to_numpy() * 1e9 + seconds
    ordered = np.sort(line)
    neighbours = (
        np.searchsorted(ordered, line + spec.burst_window_seconds, "right")
        - np.searchsorted(ordered, line - spec.burst_window_seconds, "left")
        - 1
    )
    return np.where(neighbours >= spec.burst_sizes[0] - 1, 1.0, stolen_card)


def make_transactions(rng: np.random.Generator, spec: TransactionsSpec = TRANSACTIONS) -> Generated:
    """Card payments with ~1% fraud.

    Planted signal: card-testing bursts (many small payments in minutes on one
    card), merchant-category risk, card/IP country mismatch, night hours, new
    devices, velocity, and amounts far above the card's usual spend. Planted
    traps (spec.traps, spec.leak): missing values, impossible amounts,
    duplicated rows, a leakage column and a fraud rate that rises in the last
    month.
    """
    start = pd.Timestamp(spec.start)
    names = list(spec.categories)
    shares = np.array([c.share for c in spec.categories.values()])
    medians = np.array([c.median_amount for c in spec.categories.values()])
    risk = np.array([c.risk for c in spec.categories.values()])
    countries = list(spec.countries)
    country_shares = list(spec.countries.values())
    n_cards, n_legit = spec.n_cards, spec.n_legit

    cards = pd.DataFrame(
        {
            "card_id": [f"c{i:05d}" for i in range(n_cards)],
            "card_country": rng.choice(countries, size=n_cards, p=country_shares),
            "activity": rng.gamma(2.0, 1.0, size=n_cards),
            "spend_scale": rng.lognormal(0.0, 0.35, size=n_cards),
            "n_devices": rng.choice([1, 2, 3], size=n_cards, p=[0.55, 0.35, 0.10]),
        }
    )
    per = spec.merchants_per_category
    merchants = {
        c: [f"m{i:04d}" for i in range(k * per, k * per + per)] for k, c in enumerate(names)
    }

    # Legitimate payments.
    card_idx = rng.choice(n_cards, size=n_legit, p=cards["activity"] / cards["activity"].sum())
    cat_idx = rng.choice(len(names), size=n_legit, p=shares)
    legit_cards = cards.iloc[card_idx].reset_index(drop=True)
    travelling = rng.random(n_legit) < spec.travel_rate
    legit = pd.DataFrame(
        {
            "timestamp": _timestamps(
                rng,
                start,
                rng.integers(0, spec.days, n_legit),
                _hours_of_day(rng, n_legit, LEGIT_NIGHT_WEIGHT),
            ),
            "card_id": legit_cards["card_id"],
            "merchant_category": np.array(names)[cat_idx],
            "amount": medians[cat_idx]
            * legit_cards["spend_scale"]
            * rng.lognormal(0.0, AMOUNT_SIGMA, n_legit),
            "card_country": legit_cards["card_country"],
            "ip_country": np.where(
                travelling, rng.choice(countries, size=n_legit), legit_cards["card_country"]
            ),
            "device_id": [
                f"d{c[1:]}{rng.integers(0, n)}"
                for c, n in zip(legit_cards["card_id"], legit_cards["n_devices"], strict=True)
            ],
            "is_fraud": 0,
            "_kind": "legit",
        }
    )

    # Stolen-card payments: risky categories, night, foreign IP, a new device, large amounts.
    n = spec.n_stolen
    victims = cards.iloc[rng.choice(n_cards, size=n)].reset_index(drop=True)
    cat_idx = rng.choice(len(names), size=n, p=shares * risk / (shares * risk).sum())
    stolen = pd.DataFrame(
        {
            "timestamp": _timestamps(
                rng, start, _fraud_days(rng, n, spec), _hours_of_day(rng, n, FRAUD_NIGHT_WEIGHT)
            ),
            "card_id": victims["card_id"],
            "merchant_category": np.array(names)[cat_idx],
            "amount": medians[cat_idx]
            * victims["spend_scale"]
            * rng.lognormal(spec.stolen_amount_boost, AMOUNT_SIGMA, n),
            "card_country": victims["card_country"],
            "ip_country": np.where(
                rng.random(n) < spec.stolen_foreign_ip_rate,
                rng.choice(spec.fraud_ip_countries, size=n),
                victims["card_country"],
            ),
            "device_id": np.where(
                rng.random(n) < spec.stolen_new_device_rate,
                [f"x{i:05d}" for i in range(n)],
                [f"d{c[1:]}0" for c in victims["card_id"]],
            ),
            "is_fraud": 1,
            "_kind": "stolen",
        }
    )

    # Card-testing bursts: one card, many small amounts within minutes, one fraudster device.
    bursts = []
    for burst, day in enumerate(_fraud_days(rng, spec.n_bursts, spec)):
        card = cards.iloc[rng.integers(n_cards)]
        size = int(rng.integers(spec.burst_sizes[0], spec.burst_sizes[1] + 1))
        burst_start = start + pd.Timedelta(days=int(day), hours=int(rng.integers(0, 24)))
        bursts.append(
            pd.DataFrame(
                {
                    "timestamp": burst_start
                    + pd.to_timedelta(
                        np.sort(rng.integers(0, spec.burst_window_seconds, size)), unit="s"
                    ),
                    "card_id": card["card_id"],
                    "merchant_category": rng.choice(["digital_goods", "marketplace"], size=size),
                    "amount": rng.uniform(*spec.burst_amounts, size),
                    "card_country": card["card_country"],
                    "ip_country": rng.choice(spec.fraud_ip_countries),
                    "device_id": f"b{burst:05d}",
                    "is_fraud": 1,
                    "_kind": "burst",
                }
            )
        )

    df = pd.concat([legit, stolen, *bursts], ignore_index=True)
    df["merchant_id"] = [rng.choice(merchants[c]) for c in df["merchant_category"]]
    df = df.sort_values(["timestamp", "card_id"], kind="stable").reset_index(drop=True)
    df["currency"] = df["card_country"].map(spec.currencies)
    df["is_new_device"] = (~df.duplicated(["card_id", "device_id"])).astype(int)
    df["_oracle"] = _fraud_oracle(df, cards, spec)
    if spec.leak:
        df[spec.leak.column] = spec.leak.values(df["is_fraud"], rng)
    dollars = df["amount"].round(2).clip(lower=0.5)
    zero_decimal = df["currency"].isin(ZERO_DECIMAL_CURRENCIES)
    local = dollars * df["currency"].map(spec.per_dollar)
    df["amount"] = local.round(2).where(~zero_decimal, local.round(0))

    plant(df, rng, spec.traps)
    df.insert(0, "transaction_id", [f"t{i:06d}" for i in range(1, len(df) + 1)])
    duplicates = replayed(df, rng, spec.duplicate_rate)
    df = pd.concat([df, duplicates]).sort_values(["timestamp", "transaction_id"], kind="stable")

    df["timestamp"] = df["timestamp"].dt.strftime("%Y-%m-%dT%H:%M:%SZ")
    if not spec.readable_device_ids:
        devices = df["device_id"].unique()
        tokens = rng.choice(16**8, size=len(devices), replace=False)
        df["device_id"] = df["device_id"].map(
            dict(zip(devices, [f"{t:08x}" for t in tokens], strict=True))
        )
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
        *([spec.leak.column] if spec.leak else []),
        "is_fraud",
    ]
    return Generated(df[columns], df["_oracle"].to_numpy())


# -- merchant descriptors -----------------------------------------------------------
@dataclass(frozen=True)
class Industry:
    share: float  # of descriptors
    words: tuple[str, ...]  # words in a name that say what the merchant does
    mccs: tuple[str, ...]  # the merchant category codes such merchants are filed under


@dataclass(frozen=True)
class MerchantsSpec:
    """Card-statement descriptors: which merchants exist, how they are filed, and how
    statements mangle their names."""

    n_rows: int = 6_000
    n_merchants: int = 800
    categories: dict[str, Industry] = field(
        default_factory=lambda: {
            "restaurants": Industry(
                0.21,
                (
                    "BISTRO",
                    "GRILL",
                    "CAFE",
                    "PIZZERIA",
                    "SUSHI",
                    "TACOS",
                    "KITCHEN",
                    "DINER",
                    "NOODLE BAR",
                    "BURGERS",
                    "TAVERN",
                    "TRATTORIA",
                    "BBQ",
                    "RAMEN",
                    "DELI",
                ),
                ("5812", "5814", "5813"),
            ),
            "retail": Industry(
                0.18,
                (
                    "OUTFITTERS",
                    "BOOKS",
                    "TOYS",
                    "APPAREL",
                    "HOME GOODS",
                    "ELECTRONICS",
                    "SHOES",
                    "BOUTIQUE",
                    "HARDWARE",
                    "SPORTS",
                    "GIFTS",
                    "FURNITURE",
                ),
                ("5311", "5942", "5732", "5651", "5945", "5941"),
            ),
            "grocery": Industry(
                0.14,
                (
                    "MARKET",
                    "GROCER",
                    "FOODS",
                    "FARMS MKT",
                    "SUPERMARKET",
                    "PANTRY",
                    "BUTCHER",
                    "PRODUCE",
                    "FRESH MART",
                    "DELI",
                ),
                ("5411", "5499"),
            ),
            "transport": Industry(
                0.12,
                (
                    "TRANSIT",
                    "CAB",
                    "TAXI",
                    "RIDES",
                    "PARKING",
                    "GARAGE",
                    "RAIL",
                    "SHUTTLE",
                    "SCOOTERS",
                    "FERRY",
                ),
                ("4111", "4121", "7523", "4112"),
            ),
            "software": Industry(
                0.10,
                (
                    "SOFTWARE",
                    "CLOUD",
                    "APPS",
                    "LABS",
                    "DATA",
                    "CODE",
                    "SAAS",
                    "DEVTOOLS",
                    "IO",
                    "ANALYTICS",
                    "GAMES",
                ),
                ("5734", "5817", "7372"),
            ),
            "entertainment": Industry(
                0.09,
                (
                    "CINEMA",
                    "THEATRE",
                    "GAMES",
                    "TICKETS",
                    "BOWLING",
                    "ARCADE",
                    "MUSIC",
                    "STREAMING",
                    "CONCERTS",
                    "KARAOKE",
                ),
                ("7832", "7922", "7933", "7994", "5815"),
            ),
            "travel": Industry(
                0.09,
                (
                    "AIR",
                    "AIRLINES",
                    "HOTEL",
                    "INN",
                    "RESORT",
                    "SUITES",
                    "TRAVEL",
                    "TOURS",
                    "LODGE",
                    "HOSTEL",
                ),
                ("4511", "7011", "4722"),
            ),
            "utilities": Industry(
                0.07,
                (
                    "WATER",
                    "ENERGY",
                    "POWER",
                    "GAS & ELECTRIC",
                    "TELECOM",
                    "MOBILE",
                    "FIBER",
                    "BROADBAND",
                    "WASTE SVC",
                    "CABLE",
                ),
                ("4900", "4814", "4899"),
            ),
        }
    )
    # Words that say nothing about the industry: places, colours, surnames.
    brand_words: tuple[str, ...] = (
        "ACME",
        "ALPINE",
        "APEX",
        "BLUE",
        "BRIGHT",
        "CEDAR",
        "CHEN",
        "CITY",
        "CORAL",
        "CORNER",
        "DAILY",
        "DUBOIS",
        "EAST",
        "EMBER",
        "EVERGREEN",
        "FALCON",
        "FIRST",
        "GARCIA",
        "GOLDEN",
        "GRANITE",
        "GREEN",
        "HANSEN",
        "HARBOR",
        "HAVEN",
        "HILLSIDE",
        "IRIS",
        "JUNIPER",
        "KESTREL",
        "KIM",
        "KOWALSKI",
        "LAKESIDE",
        "LOPEZ",
        "LUNA",
        "MAPLE",
        "MERIDIAN",
        "MORI",
        "MURPHY",
        "NGUYEN",
        "NORTH",
        "NOVA",
        "NOVAK",
        "OAK",
        "OKAFOR",
        "OLIVE",
        "PATEL",
        "PIONEER",
        "PRIME",
        "RIVER",
        "RIVERA",
        "ROSSI",
        "ROYAL",
        "SAGE",
        "SATO",
        "SILVA",
        "SILVER",
        "SOUTH",
        "STONE",
        "SUMMIT",
        "SUNSET",
        "TIDE",
        "TOWN",
        "UNION",
        "URBAN",
        "VALLEY",
        "VISTA",
        "WEST",
        "WILLOW",
        "ZENITH",
    )
    plain_name_rate: float = 0.15  # merchants named by brand words alone
    plain_suffixes: tuple[str, ...] = ("", " CO", " & SONS", " GROUP", " LLC", " INC")
    generic_mcc_rate: float = 0.1  # merchants filed under a catch-all code
    wrong_mcc_rate: float = 0.05  # merchants filed under another industry's code
    generic_mccs: tuple[str, ...] = ("5999", "7399")
    popularity: float = 0.7  # a merchant's share of rows falls off as rank ** -popularity
    processor_prefixes: tuple[str, ...] = ("", "", "", "SQ *", "SP * ", "PAYPAL *", "TST* ", "PY *")
    cities: tuple[str, ...] = (
        "SAN FRANCISCO CA",
        "NEW YORK NY",
        "AUSTIN TX",
        "SEATTLE WA",
        "CHICAGO IL",
        "LONDON",
        "DUBLIN",
    )
    vowel_drop_rate: float = 0.3  # processors often abbreviate
    store_number_rate: float = 0.5
    city_rate: float = 0.4
    truncation_rate: float = 0.3
    statement_width: int = 22  # many networks truncate the merchant name field
    label_noise: float = 0.02
    leak: LabelCode | None = None

    def planted(self) -> list[str]:
        """The traps, in words."""
        shares = [industry.share for industry in self.categories.values()]
        return [
            *([self.leak.describe()] if self.leak else []),
            f"about {self.label_noise:.0%} of labels replaced by a random category",
            f"classes from {min(shares):.0%} to {max(shares):.0%} of the rows",
            f"about {self.plain_name_rate:.0%} of merchants named without an industry word",
            f"about {self.generic_mcc_rate + self.wrong_mcc_rate:.0%} of merchants filed under "
            "a catch-all or another industry's MCC",
        ]


MERCHANTS = MerchantsSpec()


@dataclass(frozen=True)
class Merchant:
    name: str
    category: str
    mcc: str


def _merchants(rng: np.random.Generator, spec: MerchantsSpec) -> list[Merchant]:
    """spec.n_merchants fictitious merchants, split across industries by their shares."""
    merchants: list[Merchant] = []
    names: set[str] = set()
    for category, industry in spec.categories.items():
        others = [mcc for c, i in spec.categories.items() if c != category for mcc in i.mccs]
        while sum(m.category == category for m in merchants) < round(
            spec.n_merchants * industry.share
        ):
            brand = " ".join(rng.choice(spec.brand_words, int(rng.integers(1, 3)), replace=False))
            plain = rng.random() < spec.plain_name_rate
            name = brand + str(
                rng.choice(spec.plain_suffixes) if plain else " " + rng.choice(industry.words)
            )
            filing = rng.random()
            if filing < spec.generic_mcc_rate:
                mcc = rng.choice(spec.generic_mccs)
            elif filing < spec.generic_mcc_rate + spec.wrong_mcc_rate:
                mcc = rng.choice(others)
            else:
                mcc = rng.choice(industry.mccs)
            if name not in names:
                names.add(name)
                merchants.append(Merchant(name, category, str(mcc)))
    return merchants


def make_merchant_descriptors(
    rng: np.random.Generator, spec: MerchantsSpec = MERCHANTS
) -> Generated:
    """Card-statement descriptors with their merchant's category code and industry.

    Planted signal: industry words in the name (shared by many merchants, so
    they carry to merchants never seen) survive prefixes, store numbers, city
    suffixes and truncation; the MCC agrees with the industry for most
    merchants. Planted traps: class imbalance, merchants whose name says
    nothing, MCCs that are catch-alls or wrong, wrong labels
    (spec.label_noise), and the same merchant recurring with small variations,
    which leaks across a random split.
    """
    merchants = _merchants(rng, spec)
    by_category = {
        category: [i for i, m in enumerate(merchants) if m.category == category]
        for category in spec.categories
    }
    categories = list(spec.categories)
    shares = [industry.share for industry in spec.categories.values()]
    labels = rng.choice(categories, size=spec.n_rows, p=shares)
    rows, who = [], []
    for category in labels:
        candidates = by_category[category]
        weights = 1 / np.arange(1, len(candidates) + 1) ** spec.popularity
        merchant = candidates[rng.choice(len(candidates), p=weights / weights.sum())]
        name = merchants[merchant].name
        if rng.random() < spec.vowel_drop_rate:
            name = name[0] + "".join(ch for ch in name[1:] if ch not in "AEIOU")
        descriptor = str(rng.choice(spec.processor_prefixes)) + name
        if rng.random() < spec.store_number_rate:
            descriptor += f" {rng.integers(1, 9999):04d}"
        if rng.random() < spec.city_rate:
            descriptor += " " + str(rng.choice(spec.cities))
        if rng.random() < spec.truncation_rate:
            descriptor = descriptor[: spec.statement_width]
        rows.append(descriptor.strip())
        who.append(merchant)
    true_labels = labels.copy()
    noisy = rng.random(spec.n_rows) < spec.label_noise
    labels[noisy] = rng.choice(categories, size=noisy.sum())
    df = pd.DataFrame(
        {"descriptor": rows, "mcc": [merchants[i].mcc for i in who], "category": labels}
    )
    if spec.leak:
        df.insert(2, spec.leak.column, spec.leak.values(labels, categories, rng))
    return Generated(df, true_labels, groups=np.array(who))


# -- user activity ------------------------------------------------------------------
@dataclass(frozen=True)
class UserActivitySpec:
    """Users of a subscription product, churn drawn from a logistic model of their usage."""

    n_users: int = 6_000
    signup_start: str = "2024-01-01"
    signup_days: int = 700
    base_logit: float = -2.1  # sets the churn rate, about 20 %
    # Users who signed up in the last late_days churn with this much more log-odds.
    late_days: int = 0
    late_churn_shift: float = 0.0
    countries: dict[str, float] = field(default_factory=lambda: dict(COUNTRIES))
    leak: Leak | None = None
    traps: tuple[Trap, ...] = (
        Extreme("sessions_last_30d", 25, 2_000, 9_000),  # bots
        UnitError("monthly_spend", 40, 100),  # spend recorded in cents
        Sentinel("days_since_last_login", 30, 9_999),  # "never logged in"
        Sentinel("monthly_spend", 8, -1.0),
        Missing("avg_session_minutes", 0.04),
        Missing("monthly_spend", 0.02),
        Missing("country", 0.01),
    )
    duplicate_rate: float = 0.002

    def planted(self) -> list[str]:
        """The traps, in words."""
        traps = [self.leak.describe()] if self.leak else []
        return traps + [trap.describe() for trap in self.traps if getattr(trap, "count", 1)]


USER_ACTIVITY = UserActivitySpec()


def make_user_activity(
    rng: np.random.Generator, spec: UserActivitySpec = USER_ACTIVITY
) -> Generated:
    """Users of a subscription product, ~20% churned.

    Planted signal: churn rises with days since last login, payment failures and
    support tickets, and falls with sessions. Planted traps (spec.traps): bots,
    spend recorded in cents, a 9999 sentinel, impossible values, missing values
    and duplicated users.
    """
    n = spec.n_users
    plan = rng.choice(["free", "basic", "pro"], size=n, p=[0.5, 0.35, 0.15])
    sessions = rng.poisson(np.where(plan == "free", 8, 16))
    days_idle = np.minimum(rng.exponential(9.0, n).astype(int), 180)
    failures = rng.poisson(np.where(plan == "free", 0.05, 0.4))
    tickets = rng.poisson(0.6, n)
    spend = np.select([plan == "basic", plan == "pro"], [9.99, 29.99], 0.0) + np.where(
        plan == "free", 0.0, rng.gamma(2.0, 2.0, n)
    )
    logit = spec.base_logit + 0.09 * days_idle + 0.7 * failures + 0.35 * tickets - 0.06 * sessions
    draw = rng.random(n)  # against the churn probability, once signup dates are known
    signup_day = rng.integers(0, spec.signup_days, n)
    df = pd.DataFrame(
        {
            "user_id": [f"u{i:05d}" for i in range(n)],
            "signup_date": (
                pd.Timestamp(spec.signup_start) + pd.to_timedelta(signup_day, unit="D")
            ).strftime("%Y-%m-%d"),
            "plan": plan,
            "country": rng.choice(list(spec.countries), size=n, p=list(spec.countries.values())),
            "sessions_last_30d": sessions,
            "avg_session_minutes": rng.gamma(3.0, 4.0, n).round(1),
            "support_tickets_90d": tickets,
            "payment_failures_90d": failures,
            "days_since_last_login": days_idle,
            "monthly_spend": spend.round(2),
        }
    )
    late = signup_day >= spec.signup_days - spec.late_days
    probability = 1 / (1 + np.exp(-(logit + spec.late_churn_shift * late)))
    df["churned"] = (draw < probability).astype(int)
    if spec.leak:
        df.insert(len(df.columns) - 1, spec.leak.column, spec.leak.values(df["churned"], rng))
    df["_oracle"] = probability
    plant(df, rng, spec.traps)
    df = pd.concat([df, replayed(df, rng, spec.duplicate_rate)]).sort_values(
        "user_id", kind="stable"
    )
    return Generated(df.drop(columns="_oracle"), df["_oracle"].to_numpy())


# name -> (generator, the guide's spec, seed)
DATASETS: dict[str, tuple[Callable[[np.random.Generator, Any], Generated], Any, int]] = {
    "transactions": (make_transactions, TRANSACTIONS, 20260101),
    "merchant_descriptors": (make_merchant_descriptors, MERCHANTS, 20260102),
    "user_activity": (make_user_activity, USER_ACTIVITY, 20260103),
}


def write_all(out: Path) -> list[Path]:
    """Write every dataset, then the cards computed from what was written."""
    out.mkdir(parents=True, exist_ok=True)
    written = {}
    for name, (generate, spec, seed) in DATASETS.items():
        path = out / f"{name}.csv"
        generate(np.random.default_rng(seed), spec).rows.to_csv(
            path, index=False, float_format="%.2f", lineterminator="\n"
        )
        written[name] = (path, spec)
    cards = out / "README.md"
    cards.write_text(dataset_cards.render(written), encoding="utf-8")
    return [path for path, _ in written.values()] + [cards]


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
