"""The three laptop-round scenarios: what each seed draws, how the data splits, the reference.

A round is regenerated from its scenario and seed whenever it is needed: the
spec is drawn from the seed (base rate, size, the leaking column, which columns
carry outliers or gaps, the shift between training and holdout, duplicates,
the currency mix), the guide's own generators (scripts/make_datasets.py) make
the rows, and the holdout labels never leave this process.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import pandas as pd
from make_datasets import (
    MERCHANTS,
    TRANSACTIONS,
    USER_ACTIVITY,
    Extreme,
    Generated,
    LabelCode,
    Leak,
    MerchantsSpec,
    Missing,
    Negated,
    Sentinel,
    TransactionsSpec,
    UnitError,
    UserActivitySpec,
    make_merchant_descriptors,
    make_transactions,
    make_user_activity,
)
from sklearn.compose import make_column_transformer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from sklearn.svm import LinearSVC

CSV_FORMAT = {"index": False, "float_format": "%.2f", "lineterminator": "\n"}


@dataclass(frozen=True)
class Scenario:
    name: str
    title: str
    prompt: str  # as vague as the interviewer's
    id_column: str
    label: str
    binary: bool  # scores and PR-AUC; otherwise class names and macro-F1
    holdout_is: str  # which rows the holdout holds, for the round's README
    draw_spec: Callable[[np.random.Generator], Any]
    generate: Callable[[np.random.Generator, Any], Generated]
    in_holdout: Callable[[Generated, Any, np.random.Generator], np.ndarray]
    reference: Callable[[pd.DataFrame, pd.DataFrame, Any], np.ndarray]
    reference_summary: str

    @property
    def prediction(self) -> str:
        return "score" if self.binary else self.label

    @property
    def metric(self) -> str:
        return "PR-AUC (average precision)" if self.binary else "macro-F1"


@dataclass(frozen=True)
class Round:
    """One round's data. `labels`, `oracle` and `leak` cover the holdout's unique ids."""

    scenario: Scenario
    seed: int
    spec: Any
    train: pd.DataFrame
    holdout: pd.DataFrame
    labels: pd.Series
    oracle: pd.Series
    leak: pd.Series
    classes: list  # the label values, sorted

    @property
    def leak_column(self) -> str:
        return self.spec.leak.column

    def holdout_csv(self) -> str:
        return self.holdout.to_csv(**CSV_FORMAT)

    def holdout_sha256(self) -> str:
        return hashlib.sha256(self.holdout_csv().encode()).hexdigest()

    def reference_predictions(self) -> pd.Series:
        ids = self.holdout.drop_duplicates(self.scenario.id_column)
        values = self.scenario.reference(self.train, ids, self.spec)
        return pd.Series(values, index=ids[self.scenario.id_column]).loc[self.labels.index]


def _streams(seed: int) -> list[np.random.Generator]:
    """Independent draws from one seed: the spec, the rows, the split."""
    return [np.random.default_rng(child) for child in np.random.SeedSequence(seed).spawn(3)]


def spec_of(scenario: Scenario, seed: int) -> Any:
    return scenario.draw_spec(_streams(seed)[0])


def build(scenario: Scenario, seed: int) -> Round:
    spec_rng, data_rng, split_rng = _streams(seed)
    spec = scenario.draw_spec(spec_rng)
    generated = scenario.generate(data_rng, spec)
    rows, oracle = generated.rows.reset_index(drop=True), generated.oracle
    holdout = scenario.in_holdout(generated, spec, split_rng)
    train = rows[~holdout].reset_index(drop=True)
    test = rows[holdout].reset_index(drop=True)
    first = ~test[scenario.id_column].duplicated().to_numpy()  # replayed rows share an id
    ids = test[scenario.id_column][first]
    leak = test[spec.leak.column][first]
    classes = [0, 1] if scenario.binary else sorted(rows[scenario.label].unique())
    return Round(
        scenario=scenario,
        seed=seed,
        spec=spec,
        train=train,
        holdout=test.drop(columns=scenario.label),
        labels=pd.Series(test[scenario.label][first].to_numpy(), index=ids),
        oracle=pd.Series(oracle[holdout][first], index=ids),
        leak=pd.Series(leak.to_numpy(), index=ids),
        classes=classes,
    )


def _uniform(rng: np.random.Generator, low: float, high: float, digits: int = 3) -> float:
    return round(float(rng.uniform(low, high)), digits)


def _some(rng: np.random.Generator, options: tuple[str, ...], low: int, high: int) -> list[str]:
    """Between low and high (inclusive) of the options, in their listed order."""
    chosen = rng.choice(len(options), int(rng.integers(low, high + 1)), replace=False)
    return [options[i] for i in sorted(chosen)]


def _shares(rng: np.random.Generator, shares: dict[str, float], spread: float) -> dict[str, float]:
    """The same keys with shares drawn around the given ones (smaller spread: further)."""
    drawn = rng.dirichlet(spread * np.array(list(shares.values())))
    return {key: float(share) for key, share in zip(shares, drawn / drawn.sum(), strict=True)}


# -- fraud ----------------------------------------------------------------------------
FRAUD_LEAKS = (
    "dispute_filed",
    "chargeback_received",
    "refund_issued",
    "card_reissued",
    "issuer_fraud_report",
)
FRAUD_GAPS = ("ip_country", "amount", "merchant_category", "card_country", "device_id")
MIN_HOLDOUT_FRAUD = 60
CURRENCY_OF = {"us": "usd", "ca": "cad", "gb": "gbp", "jp": "jpy"}  # the rest pay in eur


def draw_transactions(rng: np.random.Generator) -> TransactionsSpec:
    n_legit = int(rng.integers(20_000, 40_001))
    days = int(rng.integers(90, 151))
    late_days = round(days * rng.uniform(0.22, 0.3))  # the holdout
    boost = round(float(np.exp(rng.uniform(np.log(0.6), np.log(3.0)))), 2)
    late_share = boost * late_days / (boost * late_days + days - late_days)
    # The base rate, but enough fraud in the holdout for a score to mean something.
    fraud_rows = max(n_legit * rng.uniform(0.006, 0.02), MIN_HOLDOUT_FRAUD / late_share)
    n_bursts = max(3, round(rng.uniform(0.15, 0.5) * fraud_rows / 9))  # 9 rows per burst
    countries = dict(TRANSACTIONS.countries)
    if rng.random() < 0.5:
        countries["jp"] = rng.uniform(0.03, 0.12)  # a zero-decimal currency in the mix
    countries = _shares(rng, countries, spread=30)
    start = pd.Timestamp("2025-01-01T00:00:00Z") + pd.Timedelta(days=int(rng.integers(0, 365)))
    return replace(
        TRANSACTIONS,
        start=start.strftime("%Y-%m-%dT%H:%M:%SZ"),
        days=days,
        n_cards=n_legit // int(rng.integers(8, 13)),
        n_legit=n_legit,
        n_stolen=max(40, round(fraud_rows - 9 * n_bursts)),
        n_bursts=n_bursts,
        late_days=late_days,
        late_fraud_boost=boost,
        travel_rate=_uniform(rng, 0.02, 0.06),
        stolen_foreign_ip_rate=_uniform(rng, 0.35, 0.7),
        stolen_new_device_rate=_uniform(rng, 0.5, 0.85),
        stolen_amount_boost=_uniform(rng, 0.6, 1.2),
        countries=countries,
        currencies={country: CURRENCY_OF.get(country, "eur") for country in countries},
        per_dollar={
            "usd": 1.0,
            "eur": _uniform(rng, 0.85, 0.95),
            "gbp": _uniform(rng, 0.74, 0.82),
            "cad": _uniform(rng, 1.3, 1.4),
            "jpy": _uniform(rng, 140, 160, 0),
        },
        leak=Leak(
            str(rng.choice(FRAUD_LEAKS)),
            hit_rate=_uniform(rng, 0.7, 0.95),
            false_rate=_uniform(rng, 0.003, 0.01, 4),
        ),
        traps=(
            *(
                Missing(column, _uniform(rng, 0.005, 0.05))
                for column in _some(rng, FRAUD_GAPS, 1, 3)
            ),
            Sentinel("amount", int(rng.integers(0, 13)), float(rng.choice([99_999.99, 999_999.0]))),
            UnitError("amount", int(rng.integers(0, 31)), 100),  # sent in minor units
            Negated("amount", int(rng.integers(0, 11))),
        ),
        duplicate_rate=_uniform(rng, 0.0, 0.015),
        readable_device_ids=False,
    )


def transactions_holdout(
    generated: Generated, spec: TransactionsSpec, rng: np.random.Generator
) -> np.ndarray:
    """The last late_days: later than all the training data, and where the shift is."""
    late = pd.Timestamp(spec.start) + pd.Timedelta(days=spec.days - spec.late_days)
    return (pd.to_datetime(generated.rows["timestamp"]) >= late).to_numpy()


def _payments_in_last_hour(payments: pd.DataFrame) -> np.ndarray:
    """Earlier payments on the same card in the hour before each one."""
    time = pd.to_datetime(payments["timestamp"])
    seconds = (time - time.min()).dt.total_seconds().to_numpy()
    card = payments["card_id"].astype("category").cat.codes.to_numpy().astype(np.int64)
    line = card * 1e10 + seconds  # cards far apart on one time line
    ordered = np.sort(line)
    return np.searchsorted(ordered, line, "left") - np.searchsorted(ordered, line - 3_600, "left")


def fraud_reference(
    train: pd.DataFrame, holdout: pd.DataFrame, spec: TransactionsSpec
) -> np.ndarray:
    """Logistic regression on six features a candidate builds in the first half hour."""
    train = train.drop_duplicates("transaction_id")
    payments = pd.concat([train, holdout]).drop_duplicates("transaction_id")
    payments = payments.reset_index(drop=True)
    hour = pd.to_datetime(payments["timestamp"]).dt.hour
    amount = payments["amount"].where(payments["amount"].between(0.01, 10_000))
    features = pd.DataFrame(
        {
            "log_amount": np.log1p(amount.fillna(amount.median())),
            "night": hour < 6,
            "country_mismatch": payments["ip_country"] != payments["card_country"],
            "new_device": payments["is_new_device"],
            "payments_last_hour": _payments_in_last_hour(payments),
            "merchant_category": payments["merchant_category"].fillna("missing"),
        }
    ).set_axis(payments["transaction_id"])
    numeric = [column for column in features if column != "merchant_category"]
    model = make_pipeline(
        make_column_transformer(
            (StandardScaler(), numeric),
            (OneHotEncoder(handle_unknown="ignore"), ["merchant_category"]),
        ),
        LogisticRegression(max_iter=1_000),
    )
    model.fit(features.loc[train["transaction_id"]], train["is_fraud"])
    return model.predict_proba(features.loc[holdout["transaction_id"]])[:, 1]


FRAUD = Scenario(
    name="fraud",
    title="Fraud on card payments",
    prompt=(
        "Here are our card payments for the last few months. "
        "Build a model that tells us which ones are fraudulent."
    ),
    id_column="transaction_id",
    label="is_fraud",
    binary=True,
    holdout_is="the payments after the last one in train.csv",
    draw_spec=draw_transactions,
    generate=make_transactions,
    in_holdout=transactions_holdout,
    reference=fraud_reference,
    reference_summary=(
        "logistic regression on log amount, night, IP/card country mismatch, new device, "
        "the card's payments in the last hour and the merchant category"
    ),
)


# -- churn ----------------------------------------------------------------------------
CHURN_LEAKS = (
    "exit_survey_completed",
    "retention_offer_sent",
    "account_closed",
    "refund_requested",
    "cancellation_email_opened",
)
CHURN_GAPS = (
    "avg_session_minutes",
    "monthly_spend",
    "country",
    "sessions_last_30d",
    "payment_failures_90d",
)


def draw_user_activity(rng: np.random.Generator) -> UserActivitySpec:
    signup_days = int(rng.integers(500, 901))
    bots = str(rng.choice(["sessions_last_30d", "avg_session_minutes"]))
    unit_error = [("monthly_spend", 100), ("avg_session_minutes", 60)][int(rng.integers(2))]
    sentinel = [("days_since_last_login", 9_999), ("support_tickets_90d", 999)][
        int(rng.integers(2))
    ]
    return replace(
        USER_ACTIVITY,
        n_users=int(rng.integers(4_000, 9_001)),
        signup_start=str(pd.Timestamp("2023-01-01") + pd.Timedelta(days=int(rng.integers(0, 365))))[
            :10
        ],
        signup_days=signup_days,
        base_logit=_uniform(rng, -2.8, -1.5, 2),
        late_days=signup_days // 4,
        late_churn_shift=_uniform(rng, -0.5, 1.0, 2),
        countries=_shares(rng, USER_ACTIVITY.countries, spread=30),
        leak=Leak(
            str(rng.choice(CHURN_LEAKS)),
            hit_rate=_uniform(rng, 0.6, 0.9),
            false_rate=_uniform(rng, 0.01, 0.04),
        ),
        traps=(
            Extreme(bots, int(rng.integers(10, 41)), 2_000, 9_000),
            UnitError(unit_error[0], int(rng.integers(20, 61)), unit_error[1]),
            Sentinel(sentinel[0], int(rng.integers(10, 41)), sentinel[1]),
            Sentinel("monthly_spend", int(rng.integers(0, 11)), -1.0),
            *(
                Missing(column, _uniform(rng, 0.005, 0.05))
                for column in _some(rng, CHURN_GAPS, 1, 3)
            ),
        ),
        duplicate_rate=_uniform(rng, 0.0, 0.006, 4),
    )


def user_activity_holdout(
    generated: Generated, spec: UserActivitySpec, rng: np.random.Generator
) -> np.ndarray:
    """The users who signed up in the last late_days: the newest cohort."""
    late = pd.Timestamp(spec.signup_start) + pd.Timedelta(days=spec.signup_days - spec.late_days)
    return (pd.to_datetime(generated.rows["signup_date"]) >= late).to_numpy()


USAGE_COLUMNS = [
    "sessions_last_30d",
    "avg_session_minutes",
    "support_tickets_90d",
    "payment_failures_90d",
    "days_since_last_login",
    "monthly_spend",
]


def churn_reference(
    train: pd.DataFrame, holdout: pd.DataFrame, spec: UserActivitySpec
) -> np.ndarray:
    """Logistic regression on the usage columns, clipped to the training 1st-99th
    percentiles and gaps filled with the median, plus the plan."""
    # As floats: a column with planted gaps is a nullable integer in memory, and
    # clipping it to fractional percentiles would not fit that type.
    seen = train[USAGE_COLUMNS].astype(float)
    low, high, median = seen.quantile(0.01), seen.quantile(0.99), seen.median()

    def features(users: pd.DataFrame) -> pd.DataFrame:
        usage = users[USAGE_COLUMNS].astype(float).clip(low, high, axis=1).fillna(median)
        return usage.assign(plan=users["plan"])

    users = train.drop_duplicates("user_id")
    model = make_pipeline(
        make_column_transformer(
            (StandardScaler(), USAGE_COLUMNS), (OneHotEncoder(handle_unknown="ignore"), ["plan"])
        ),
        LogisticRegression(max_iter=1_000),
    )
    model.fit(features(users), users["churned"])
    return model.predict_proba(features(holdout))[:, 1]


CHURN = Scenario(
    name="churn",
    title="Churn of a subscription product",
    prompt=(
        "Here is what our users did in the product. Analyse it, clean the outliers, "
        "and train a baseline model that predicts which users will churn."
    ),
    id_column="user_id",
    label="churned",
    binary=True,
    holdout_is="the users who signed up after the last signup in train.csv",
    draw_spec=draw_user_activity,
    generate=make_user_activity,
    in_holdout=user_activity_holdout,
    reference=churn_reference,
    reference_summary=(
        "logistic regression on the six usage columns (clipped to the training 1st-99th "
        "percentiles, gaps filled with the median) and the plan"
    ),
)


# -- merchants ------------------------------------------------------------------------
MERCHANT_LEAKS = ("review_queue", "assigned_team", "ops_tag")
NEW_MERCHANTS = 0.2  # share of merchants whose every descriptor is in the holdout
KNOWN_MERCHANT_ROWS = 0.1  # and this share of the other merchants' descriptors


def draw_merchants(rng: np.random.Generator) -> MerchantsSpec:
    shares = _shares(rng, {c: i.share for c, i in MERCHANTS.categories.items()}, spread=20)
    return replace(
        MERCHANTS,
        n_rows=int(rng.integers(4_000, 8_001)),
        n_merchants=int(rng.integers(400, 1_001)),
        categories={c: replace(i, share=shares[c]) for c, i in MERCHANTS.categories.items()},
        plain_name_rate=_uniform(rng, 0.1, 0.25),
        generic_mcc_rate=_uniform(rng, 0.05, 0.15),
        wrong_mcc_rate=_uniform(rng, 0.02, 0.08),
        popularity=_uniform(rng, 0.6, 1.0),
        vowel_drop_rate=_uniform(rng, 0.2, 0.4),
        store_number_rate=_uniform(rng, 0.3, 0.6),
        city_rate=_uniform(rng, 0.3, 0.5),
        truncation_rate=_uniform(rng, 0.2, 0.45),
        label_noise=_uniform(rng, 0.01, 0.05),
        leak=LabelCode(str(rng.choice(MERCHANT_LEAKS)), hit_rate=_uniform(rng, 0.85, 0.97)),
    )


def generate_merchants(rng: np.random.Generator, spec: MerchantsSpec) -> Generated:
    """The guide's descriptors, with an id per row to hand predictions in by."""
    generated = make_merchant_descriptors(rng, spec)
    rows = generated.rows
    rows.insert(0, "descriptor_id", [f"d{i:05d}" for i in range(1, len(rows) + 1)])
    return replace(generated, rows=rows)


def merchants_holdout(
    generated: Generated, spec: MerchantsSpec, rng: np.random.Generator
) -> np.ndarray:
    """Every descriptor of some merchants, never seen in training, and a few of the rest."""
    merchants = np.unique(generated.groups)
    new = rng.choice(merchants, round(NEW_MERCHANTS * len(merchants)), replace=False)
    return np.isin(generated.groups, new) | (
        rng.random(len(generated.groups)) < KNOWN_MERCHANT_ROWS
    )


def merchants_reference(
    train: pd.DataFrame, holdout: pd.DataFrame, spec: MerchantsSpec
) -> np.ndarray:
    """A linear SVM on character 2- to 4-grams of the lower-cased descriptor and the
    merchant category code."""
    model = make_pipeline(
        make_column_transformer(
            (
                TfidfVectorizer(
                    analyzer="char_wb", ngram_range=(2, 4), min_df=2, sublinear_tf=True
                ),
                "descriptor",
            ),
            (OneHotEncoder(handle_unknown="ignore"), ["mcc"]),
        ),
        LinearSVC(random_state=0),
    )
    columns = ["descriptor", "mcc"]
    model.fit(train[columns].assign(descriptor=train["descriptor"].str.lower()), train["category"])
    return model.predict(holdout[columns].assign(descriptor=holdout["descriptor"].str.lower()))


MERCHANT_CATEGORIES = Scenario(
    name="merchants",
    title="Merchant descriptors to industry categories",
    prompt=(
        "Here are merchant descriptors as they appear on card statements, with each "
        "merchant's category code. Classify them into industry categories using a simple "
        "neural network."
    ),
    id_column="descriptor_id",
    label="category",
    binary=False,
    holdout_is=(
        "every descriptor of merchants that train.csv never shows, and some of merchants it does"
    ),
    draw_spec=draw_merchants,
    generate=generate_merchants,
    in_holdout=merchants_holdout,
    reference=merchants_reference,
    reference_summary=(
        "a linear SVM on character 2- to 4-grams of the descriptor and the category code"
    ),
)

SCENARIOS = {s.name: s for s in (FRAUD, MERCHANT_CATEGORIES, CHURN)}
