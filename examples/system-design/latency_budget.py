# %% [markdown]
# # A latency budget for real-time fraud scoring
#
# Stripe says Radar decides in under 100 ms
# ([How we built it: Stripe Radar](https://stripe.com/blog/how-we-built-it-stripe-radar));
# the issuer-side question in this guide asks for under 200 ms. Where do the
# milliseconds go, and what happens to the payments at the slow end?
#
# This notebook measures one part for real, the inference time of a gradient
# boosting model trained here on the guide's synthetic transactions (see the
# [dataset card](../../datasets/index.md)), and simulates the rest from stated
# assumptions: the network hops and the online feature store. It then compares
# the end-to-end p50 and p99 with the two budgets, with and without a timeout
# that falls back to a rules-only decision.
#
# Timings depend on the machine that builds this page; the conclusions printed
# at the end are computed from this run's numbers.

# %%
import time

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from guide import load_payments
from guide.figures import show

SEED = 0
rng = np.random.default_rng(SEED)

tx = load_payments()
by_card = tx.sort_values(["card_id", "timestamp"], kind="stable")
# Payments by the same card in the previous hour, excluding this one.
last_hour = by_card.groupby("card_id").rolling("1h", on="timestamp")["amount"].count() - 1
tx["card_payments_1h"] = pd.Series(last_hour.to_numpy(), index=by_card.index)

categories = sorted(tx["merchant_category"].unique())
features = pd.DataFrame(
    {
        "log_amount": np.log1p(tx["amount"]),
        "hour": tx["timestamp"].dt.hour,
        "country_mismatch": (tx["card_country"] != tx["ip_country"]).astype(int),
        "is_new_device": tx["is_new_device"],
        "card_payments_1h": tx["card_payments_1h"],
        "merchant_category": tx["merchant_category"].map(categories.index),
    }
)
X = features.to_numpy(dtype=np.float64)
y = tx["is_fraud"].to_numpy()
print(f"{len(X):,} payments, {X.shape[1]} features")

# %% [markdown]
# ## 1. Train the model the service would run
#
# A histogram gradient-boosting classifier: the usual first choice for tabular
# fraud features at this latency. Train on the first 90 days.

# %%
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import average_precision_score

train = (tx["timestamp"] < tx["timestamp"].min() + pd.Timedelta(days=90)).to_numpy()
model = HistGradientBoostingClassifier(
    max_iter=200,
    learning_rate=0.05,
    categorical_features=[features.columns.get_loc("merchant_category")],
    random_state=SEED,
).fit(X[train], y[train])
test_pr_auc = average_precision_score(y[~train], model.predict_proba(X[~train])[:, 1])
print(f"{model.n_iter_} trees; PR-AUC on the last 30 days: {test_pr_auc:.3f}")

# %% [markdown]
# ## 2. Measure single-payment inference
#
# A scoring service sees one payment at a time: time `predict_proba` on one row,
# many times, after a warm-up. For comparison, time one call on 1,000 rows and
# divide: the difference is per-call overhead (input validation, Python), not
# tree evaluation.

# %%
N_WARMUP, N_CALLS = 50, 500
rows = X[~train][rng.integers(0, (~train).sum(), N_WARMUP + N_CALLS)]
single_ms = []
for i, row in enumerate(rows):
    start = time.perf_counter()
    model.predict_proba(row.reshape(1, -1))
    elapsed_ms = (time.perf_counter() - start) * 1_000
    if i >= N_WARMUP:
        single_ms.append(elapsed_ms)
single_ms = np.array(single_ms)

batch = X[~train][:1_000]
start = time.perf_counter()
model.predict_proba(batch)
batch_per_row_ms = (time.perf_counter() - start) * 1_000 / len(batch)

inference = pd.Series(
    {
        "single row, p50 (ms)": np.percentile(single_ms, 50),
        "single row, p99 (ms)": np.percentile(single_ms, 99),
        "single row, max (ms)": single_ms.max(),
        "batch of 1,000, per row (ms)": batch_per_row_ms,
    },
    name="measured on this machine",
)
inference.round(3).to_frame()

# %%
fig, ax = plt.subplots(figsize=(7, 3.5))
ax.hist(single_ms, bins=60, color="tab:blue")
ax.axvline(batch_per_row_ms, color="black", linestyle="--", label="batch of 1,000, per row")
ax.set(
    xlabel="time per predict_proba call on one payment (ms)",
    ylabel="calls",
    title=f"Measured model inference ({N_CALLS} calls)",
)
ax.legend()
fig.tight_layout()
show(
    fig,
    alt=f"Histogram of {N_CALLS} timed predict_proba calls on one payment each, median "
    f"{np.percentile(single_ms, 50):.2f} ms, with a dashed line at the per-row cost in a batch of "
    f"{len(batch):,} ({batch_per_row_ms:.4f} ms). The gap is per-call overhead, not tree "
    f"evaluation.",
)

# %% [markdown]
# ## 3. The rest of the path, as stated assumptions
#
# These are assumptions for the simulation, not measurements of any real
# system. Change them and rerun.
#
# | hop | assumed distribution |
# |---|---|
# | network, caller to scoring service and back | log-normal, median 12 ms, sigma 0.35 |
# | feature store, 6 lookups in parallel | each log-normal, median 5 ms, sigma 0.5 |
# | feature store slow path (cold read, retry) | probability 0.4 % per lookup |
# | ... when it happens, it adds | log-normal, median 120 ms, sigma 0.5 |
# | serialisation and rules | 2 ms, fixed |
# | model inference | resampled from the measurements above |
#
# The 6 lookups stand for the entities a fraud model reads (card, device, IP,
# merchant, customer, email).
# The request waits for the **slowest** of the 6 lookups.

# %%
N_REQUESTS = 200_000
NETWORK_MEDIAN_MS, NETWORK_SIGMA = 12.0, 0.35
N_LOOKUPS, LOOKUP_MEDIAN_MS, LOOKUP_SIGMA = 6, 5.0, 0.5
SLOW_PROBABILITY, SLOW_MEDIAN_MS, SLOW_SIGMA = 0.004, 120.0, 0.5
OVERHEAD_MS = 2.0

network = rng.lognormal(np.log(NETWORK_MEDIAN_MS), NETWORK_SIGMA, N_REQUESTS)
lookups = rng.lognormal(np.log(LOOKUP_MEDIAN_MS), LOOKUP_SIGMA, (N_REQUESTS, N_LOOKUPS))
slow = rng.random((N_REQUESTS, N_LOOKUPS)) < SLOW_PROBABILITY
lookups[slow] += rng.lognormal(np.log(SLOW_MEDIAN_MS), SLOW_SIGMA, slow.sum())
feature_fetch = lookups.max(axis=1)
model_time = rng.choice(single_ms, N_REQUESTS)
scoring = feature_fetch + model_time  # the part a timeout can cut short

no_timeout = network + scoring + OVERHEAD_MS
print(f"requests with at least one slow lookup: {slow.any(axis=1).mean():.2%}")

# %% [markdown]
# ## 4. Timeout and fallback
#
# The decision service gives the scoring call a deadline. If features and model
# are not back by then, it decides with rules on the fields already in the
# request (amount, country, merchant) and logs that it did. The payment is
# never held past the deadline; the price is a less accurate decision for the
# share that falls back.

# %%
SCORING_TIMEOUT_MS = 40.0
FALLBACK_MS = 1.0  # rules on the request payload

timed_out = scoring > SCORING_TIMEOUT_MS
with_timeout = (
    network + np.where(timed_out, SCORING_TIMEOUT_MS + FALLBACK_MS, scoring) + OVERHEAD_MS
)


def summarise(latency: np.ndarray) -> dict[str, float]:
    return {
        "p50 (ms)": np.percentile(latency, 50),
        "p99 (ms)": np.percentile(latency, 99),
        "p99.9 (ms)": np.percentile(latency, 99.9),
        "over 100 ms": (latency > 100).mean(),
        "over 200 ms": (latency > 200).mean(),
    }


summary = pd.DataFrame(
    {"no timeout": summarise(no_timeout), "timeout + fallback": summarise(with_timeout)}
).T
summary["fall back to rules"] = [0.0, timed_out.mean()]
summary.style.format(
    {
        "p50 (ms)": "{:.1f}",
        "p99 (ms)": "{:.1f}",
        "p99.9 (ms)": "{:.1f}",
        "over 100 ms": "{:.2%}",
        "over 200 ms": "{:.3%}",
        "fall back to rules": "{:.2%}",
    }
)

# %%
fig, ax = plt.subplots(figsize=(8, 4))
bins = np.logspace(np.log10(10), np.log10(max(no_timeout.max(), 400)), 120)
ax.hist(no_timeout, bins=bins, histtype="step", linewidth=1.5, label="no timeout")
ax.hist(with_timeout, bins=bins, histtype="step", linewidth=1.5, label="timeout + fallback")
ax.set(xscale="log", yscale="log")
for budget in (100, 200):
    ax.axvline(budget, color="grey", linestyle="--")
    ax.text(budget * 1.03, ax.get_ylim()[1] * 0.3, f"{budget} ms", color="grey")
ax.set(
    xlabel="end-to-end latency (ms, log scale)",
    ylabel="requests (log scale)",
    title="Simulated end-to-end latency, 200,000 payments",
)
ax.legend()
fig.tight_layout()
show(
    fig,
    alt=f"Step histograms of simulated end-to-end latency for {N_REQUESTS:,} payments on log "
    f"axes, dashed lines at the two budgets. Without a timeout p99 is "
    f"{summary.loc['no timeout', 'p99 (ms)']:.0f} ms and the slowest takes "
    f"{no_timeout.max():.0f} ms; with the {SCORING_TIMEOUT_MS:.0f} ms scoring timeout p99 is "
    f"{summary.loc['timeout + fallback', 'p99 (ms)']:.0f} ms and the slowest "
    f"{with_timeout.max():.0f} ms.",
)

# %% [markdown]
# ## 5. Choosing the timeout
#
# A shorter deadline cuts the tail and sends more payments to the rules. Plot
# both against the deadline and pick the point the business can live with.

# %%
deadlines = np.arange(15, 121, 5)
tradeoff = pd.DataFrame(
    {
        "p99 (ms)": [
            np.percentile(network + np.minimum(scoring, d + FALLBACK_MS) + OVERHEAD_MS, 99)
            for d in deadlines
        ],
        "fallback share": [(scoring > d).mean() for d in deadlines],
    },
    index=pd.Index(deadlines, name="scoring timeout (ms)"),
)
fig, ax = plt.subplots(figsize=(7, 3.5))
ax.plot(tradeoff.index, tradeoff["p99 (ms)"], color="tab:blue", marker="o")
ax.set(xlabel="scoring timeout (ms)", ylabel="end-to-end p99 (ms)", title="Timeout trade-off")
share_ax = ax.twinx()
share_ax.plot(tradeoff.index, 100 * tradeoff["fallback share"], color="tab:red", marker="s")
share_ax.set_ylabel("payments falling back to rules (%)", color="tab:red")
fig.tight_layout()
assert tradeoff["p99 (ms)"].is_monotonic_increasing
assert tradeoff["fallback share"].is_monotonic_decreasing
shortest, longest = tradeoff.iloc[0], tradeoff.iloc[-1]
show(
    fig,
    alt=f"Two lines against the scoring timeout, from {deadlines[0]} to {deadlines[-1]} ms: the "
    f"end-to-end p99 rises from {shortest['p99 (ms)']:.0f} to {longest['p99 (ms)']:.0f} ms, and "
    f"the share of payments falling back to rules drops from {shortest['fallback share']:.1%} to "
    f"{longest['fallback share']:.1%}.",
)

# %% [markdown]
# ## 6. What the numbers say
#
# Generated from this run; the properties asserted below hold on any machine.

# %%
p99_without = np.percentile(no_timeout, 99)
p99_with = np.percentile(with_timeout, 99)
worst_with = with_timeout.max()
assert worst_with <= network.max() + SCORING_TIMEOUT_MS + FALLBACK_MS + OVERHEAD_MS + 1e-9
assert p99_with <= p99_without


def verdict(p99: float) -> str:
    return ", ".join(
        f"{'within' if p99 <= budget else 'over'} the {budget} ms budget" for budget in (100, 200)
    )


model_p50 = np.percentile(single_ms, 50)
print(
    f"Model inference takes {model_p50:.2f} ms per payment at the median on this machine, "
    f"{model_p50 / np.percentile(no_timeout, 50):.0%} of the median end-to-end time; in a batch "
    f"it costs {batch_per_row_ms:.4f} ms per row, so a single call spends about "
    f"{1 - batch_per_row_ms / model_p50:.1%} of its time on per-call overhead, not on trees. "
    f"The tail comes from the fan-out: with {N_LOOKUPS} parallel lookups, "
    f"{slow.any(axis=1).mean():.2%} of payments hit at least one slow lookup."
)
print(
    f"Without a timeout, p50 is {np.percentile(no_timeout, 50):.1f} ms and p99 is "
    f"{p99_without:.1f} ms ({verdict(p99_without)}); the slowest payment takes "
    f"{no_timeout.max():.0f} ms."
)
print(
    f"With a {SCORING_TIMEOUT_MS:.0f} ms scoring timeout, p99 is {p99_with:.1f} ms "
    f"({verdict(p99_with)}) and no payment takes longer than {worst_with:.0f} ms; "
    f"{timed_out.mean():.2%} of payments are decided by the fallback rules instead of the model."
)
if timed_out.mean() > 0.01:
    print(
        "Because more than 1% of payments reach the deadline, the p99 is the deadline itself "
        "(plus the network): in the trade-off plot it rises with the timeout for as long as "
        "more than 1% of payments reach it. Past that point, only a rarer slow path (caching, "
        "hedged requests) lowers the p99."
    )

# %% [markdown]
# What to say in the interview: give each hop an explicit slice of the budget;
# measure the p99 of the fan-out, not the mean of one call; put a deadline on
# scoring with a defined fallback (rules, a cached score, or "allow and review
# later" for low amounts), and monitor the fallback rate as a first-class
# metric: a rising fallback rate is an outage that does not page anyone unless
# you make it. Serving-side levers: fewer, pre-joined feature groups; in-process
# caches for hot keys; a compiled tree runtime instead of per-call Python
# overhead; hedged requests to a second replica for the slowest lookups. See
# [feature stores](../../system-design/feature-stores.md) for the online store.
