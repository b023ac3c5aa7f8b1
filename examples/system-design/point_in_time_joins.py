# %% [markdown]
# # Point-in-time joins: what a leaky join does to your offline metric
#
# A training set for a fraud model is built by joining each payment with
# feature values from a feature store. Join the **latest** value of each feature
# and every historical payment sees values computed after it: counts that
# include the fraud burst that followed, disputes filed weeks later. Join **as
# of** the payment's timestamp and each payment sees what the scoring service
# would have seen.
#
# This notebook builds both training sets from the guide's synthetic
# transactions (see the [dataset card](../../datasets/index.md)), trains the
# same model on each, and measures the offline PR-AUC the leak invents. The
# concepts are on the [feature stores](../../system-design/feature-stores.md#point-in-time-joins)
# page.

# %%
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from guide import load_payments
from guide.figures import show

SEED = 0

payments = load_payments()
print(f"{len(payments):,} payments on {payments['card_id'].nunique():,} cards")

# %% [markdown]
# ## 1. Two feature logs, as a feature store would keep them
#
# A feature store keeps a history: one row each time a feature value changes,
# with the time it changed.
#
# - **Card activity**, written by the stream processor after each payment: the
#   card's payments in the last hour, its largest amount in the last 24 hours,
#   and the number of distinct devices it has used. Each row *includes* the
#   payment that triggered it.
# - **Disputes**, written when a dispute arrives. The dataset says which
#   payments were disputed, not when; we assume each dispute arrives 20 to 75
#   whole days after its payment (uniform, seeded), in line with disputes that
#   take weeks to months.

# %%
by_card = payments.sort_values(["card_id", "timestamp"], kind="stable")
card_windows = by_card.groupby("card_id").rolling(on="timestamp", window="1h")["amount"].count()
card_max_24h = by_card.groupby("card_id").rolling(on="timestamp", window="24h")["amount"].max()
activity_log = (
    by_card[["card_id", "timestamp"]]
    .assign(
        # The rolling results come back in by_card's (card, time) order.
        card_payments_1h=card_windows.to_numpy(),
        card_max_amount_24h=card_max_24h.to_numpy(),
        card_devices_seen=(~by_card.duplicated(["card_id", "device_id"]))
        .groupby(by_card["card_id"])
        .cumsum(),
    )
    .sort_values("timestamp", kind="stable")
)

rng = np.random.default_rng(SEED)
disputed = payments[payments["dispute_filed"] == 1]
dispute_log = (
    pd.DataFrame(
        {
            "card_id": disputed["card_id"],
            "timestamp": (
                disputed["timestamp"]
                + pd.to_timedelta(rng.uniform(20, 75, len(disputed)).round(), unit="D")
            ).astype(payments["timestamp"].dtype),
        }
    )
    .sort_values("timestamp", kind="stable")
    .assign(card_disputes_to_date=lambda d: d.groupby("card_id").cumcount() + 1)
)
print(f"activity log: {len(activity_log):,} rows; dispute log: {len(dispute_log):,} rows")
activity_log.head()

# %% [markdown]
# ## 2. The leaky join and the as-of join
#
# The leaky join takes each card's **latest** row from each log (the state of
# the store on the day the training set was built) and joins on `card_id`. The
# as-of join uses `pd.merge_asof` by card, on time, with
# `allow_exact_matches=False`: the newest row strictly before the payment, so a
# payment never sees the update its own arrival triggered.

# %%
CARD_FEATURES = [
    "card_payments_1h",
    "card_max_amount_24h",
    "card_devices_seen",
    "card_disputes_to_date",
]


def leaky_join(events: pd.DataFrame) -> pd.DataFrame:
    latest_activity = activity_log.groupby("card_id").tail(1).drop(columns="timestamp")
    latest_disputes = dispute_log.groupby("card_id").tail(1).drop(columns="timestamp")
    return (
        events.merge(latest_activity, on="card_id", how="left")
        .merge(latest_disputes, on="card_id", how="left")
        .fillna({name: 0 for name in CARD_FEATURES})
    )


def as_of_join(events: pd.DataFrame) -> pd.DataFrame:
    joined = events.sort_values("timestamp", kind="stable")
    for log in (activity_log, dispute_log):
        joined = pd.merge_asof(joined, log, on="timestamp", by="card_id", allow_exact_matches=False)
    return joined.fillna({name: 0 for name in CARD_FEATURES})


leaky = leaky_join(payments)
as_of = as_of_join(payments)
assert len(leaky) == len(as_of) == len(payments)

# %% [markdown]
# One fraudulent payment, seen through each join:

# %%
leaky_by_id, as_of_by_id = leaky.set_index("transaction_id"), as_of.set_index("transaction_id")
# A fraud on a card with some history, whose dispute only arrives later.
candidates = as_of_by_id[
    (as_of_by_id["is_fraud"] == 1)
    & (as_of_by_id["card_devices_seen"] > 0)
    & (as_of_by_id["card_disputes_to_date"] == 0)
].index
example_id = next(i for i in candidates if leaky_by_id.loc[i, "card_disputes_to_date"] > 0)
example = pd.DataFrame(
    {
        "leaky join": leaky_by_id.loc[example_id, CARD_FEATURES],
        "as-of join": as_of_by_id.loc[example_id, CARD_FEATURES],
    }
)
example

# %% [markdown]
# Across all payments, the mean of each feature for frauds and for legitimate
# payments. A feature whose gap between the classes is far larger under the
# leaky join is a feature that has read the future:

# %%
gap = pd.concat(
    {
        "leaky": leaky.groupby("is_fraud")[CARD_FEATURES].mean().T,
        "as-of": as_of.groupby("is_fraud")[CARD_FEATURES].mean().T,
    },
    axis=1,
).rename(columns={0: "legit", 1: "fraud"})
gap.round(2)

# %% [markdown]
# ## 3. The same model on each training set
#
# Features: the payment's own fields plus the four card features. Split by
# time: train on the first 90 days, test on the last 30. Three evaluations:
#
# 1. trained and tested on the leaky join (what the offline report would say);
# 2. trained and tested on the as-of join (the honest offline estimate);
# 3. trained on the leaky join, tested on as-of features (what production
#    would deliver, since the scoring service can only serve the past).

# %%
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import average_precision_score, precision_recall_curve


def add_payment_features(df: pd.DataFrame) -> pd.DataFrame:
    return df.assign(
        log_amount=np.log1p(df["amount"]),
        hour=df["timestamp"].dt.hour,
        country_mismatch=(df["card_country"] != df["ip_country"]).astype(int),
        merchant_category=df["merchant_category"].astype("category"),
    )


PAYMENT_FEATURES = ["log_amount", "hour", "country_mismatch", "is_new_device", "merchant_category"]
FEATURES = PAYMENT_FEATURES + CARD_FEATURES
cutoff = payments["timestamp"].min() + pd.Timedelta(days=90)


def split(df: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    df = add_payment_features(df)
    return df[df["timestamp"] < cutoff], df[df["timestamp"] >= cutoff]


def fit(train: pd.DataFrame) -> HistGradientBoostingClassifier:
    model = HistGradientBoostingClassifier(
        learning_rate=0.05, categorical_features="from_dtype", random_state=SEED
    )
    return model.fit(train[FEATURES], train["is_fraud"])


leaky_train, leaky_test = split(leaky)
as_of_train, as_of_test = split(as_of)
leaky_model, as_of_model = fit(leaky_train), fit(as_of_train)

scores = {
    "leaky join, offline": (
        leaky_test["is_fraud"],
        leaky_model.predict_proba(leaky_test[FEATURES]),
    ),
    "as-of join, offline": (
        as_of_test["is_fraud"],
        as_of_model.predict_proba(as_of_test[FEATURES]),
    ),
    "leaky model, served as-of features": (
        as_of_test["is_fraud"],
        leaky_model.predict_proba(as_of_test[FEATURES]),
    ),
}
pr_auc = pd.Series(
    {name: average_precision_score(y, p[:, 1]) for name, (y, p) in scores.items()},
    name="PR-AUC on the last 30 days",
)
base_rate = as_of_test["is_fraud"].mean()
pr_auc.round(3).to_frame()

# %%
fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4))
colors = ["tab:red", "tab:green", "tab:orange"]
left.barh(pr_auc.index, pr_auc.to_numpy(), color=colors)
left.axvline(base_rate, color="grey", linestyle="--", label=f"random ranking ({base_rate:.3f})")
left.invert_yaxis()
left.set(xlabel="PR-AUC (test: last 30 days)", xlim=(0, 1), title="Same model, three joins")
left.legend(loc="lower right")
for (name, (y, p)), color in zip(scores.items(), colors, strict=True):
    precision, recall, _ = precision_recall_curve(y, p[:, 1])
    right.plot(recall, precision, color=color, label=name)
right.set(xlabel="recall", ylabel="precision", title="Precision-recall curves")
right.legend()
fig.tight_layout()
assert pr_auc["leaky model, served as-of features"] < pr_auc["as-of join, offline"]
show(
    fig,
    alt=f"Left, bars of test PR-AUC for the three evaluations, with random ranking at "
    f"{base_rate:.3f}; right, their precision-recall curves. The leaky join reports "
    f"{pr_auc['leaky join, offline']:.3f} and the as-of join {pr_auc['as-of join, offline']:.3f}, "
    f"but the leaky model on the features the service can serve reaches "
    f"{pr_auc['leaky model, served as-of features']:.3f}.",
)

# %% [markdown]
# ## 4. What to take away
#
# The numbers below are computed from the results above.

# %%
offline_leaky = pr_auc["leaky join, offline"]
offline_honest = pr_auc["as-of join, offline"]
in_production = pr_auc["leaky model, served as-of features"]
assert offline_leaky > offline_honest
assert in_production < offline_leaky
print(
    f"The leaky join reports PR-AUC {offline_leaky:.3f} on the last 30 days; the as-of join, "
    f"{offline_honest:.3f}: the leak inflates the offline metric by "
    f"{offline_leaky - offline_honest:.3f}. Worse, the model "
    f"trained on leaky features, scored on what the service can really serve, reaches "
    f"{in_production:.3f}, against {offline_honest:.3f} for the model trained honestly. "
    f"A random ranking scores {base_rate:.3f}."
)

# %% [markdown]
# The dispute count is the worst offender: under the leaky join, almost every
# fraud sits on a card that *will* be disputed, which no scoring service can
# know at authorization time. The velocity features leak more quietly: the
# latest 1-hour count of a card is the count after its last burst, not before
# the payment. In an interview, say how you would catch this before it ships:
# build training sets only through as-of joins, compare the offline metric with
# a shadow deployment's metric on the same weeks, and treat a feature whose
# importance looks too good as a leak until proven otherwise.
