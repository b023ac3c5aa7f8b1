# %% [markdown]
# # Counterfactual evaluation: measuring a model that hides its own labels
#
# A fraud model that blocks payments destroys the evidence you need to
# evaluate it: a blocked payment never gets a chargeback, so you never learn
# whether it was fraud. Precision and recall computed on the payments you let
# through are biased, and a new model trained on them learns only the fraud the
# old one missed.
#
# The fix is to let a small, random share of would-be-blocked payments through,
# log the probability with which each payment was allowed (its **propensity**),
# and weight each observed outcome by one over that probability. Stripe
# described this approach in a talk by Michael Manapat at PyData Seattle in
# 2015 ([slides](https://www.slideshare.net/MichaelManapat/counterfactual-evaluation-of-machine-learning-models)),
# given again at [QCon.ai in 2018](https://qcon.ai/qconai2018/presentation/counterfactual-evaluation-machine-learning-models);
# its running example is a policy of "block if score > 50", with fraud labels
# that can take more than 60 days to arrive.
#
# Here everything is simulated, so the truth is known and each estimate can be
# checked against it.

# %%
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from guide.figures import show

SEED = 0
rng = np.random.default_rng(SEED)

# %% [markdown]
# ## 1. A world with known labels
#
# 300,000 payments, 1 % fraud, and a model score from 0 to 100 that is higher
# for fraud but overlaps (simulated: a logistic function of a noisy signal).
# The production policy blocks every payment scored above 50.

# %%
N, FRAUD_RATE, THRESHOLD = 300_000, 0.01, 50

fraud = rng.random(N) < FRAUD_RATE
score = 100 / (1 + np.exp(-(-3.0 + 4.0 * fraud + rng.normal(0, 1.3, N))))
would_block = score > THRESHOLD


def true_metrics(threshold: float) -> tuple[float, float]:
    """Precision and recall of "block if score > threshold", with every label known."""
    blocked = score > threshold
    return fraud[blocked].mean(), blocked[fraud].mean()


precision, recall = true_metrics(THRESHOLD)
print(
    f"{would_block.mean():.2%} of payments score above {THRESHOLD}; "
    f"true precision {precision:.1%}, true recall {recall:.1%}"
)

# %% [markdown]
# ## 2. Production with a small random allow-through
#
# Each payment above the threshold is allowed anyway with probability
# `ALLOW_RATE`; every payment below it is allowed. The propensity (probability
# of being allowed) is logged with the decision. Only allowed payments produce a
# label.


# %%
def run_production(allow_rate: float, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Which payments were allowed (and so labelled), and each one's propensity."""
    propensity = np.where(would_block, allow_rate, 1.0)
    allowed = rng.random(N) < propensity
    return allowed, propensity


ALLOW_RATE = 0.05
allowed, propensity = run_production(ALLOW_RATE, rng)
print(
    f"allowed through despite a score above {THRESHOLD}: {(allowed & would_block).sum():,} "
    f"payments, of which {(allowed & would_block & fraud).sum():,} fraud"
)

# %% [markdown]
# ## 3. Naive and inverse-propensity estimates
#
# The **naive** estimate treats the observed payments as if they were all the
# payments. The **inverse-propensity-weighted** (IPW) estimate counts each
# observed payment 1 / propensity times: an allowed payment above the threshold,
# seen with probability 5 %, stands for 20 payments like it.


# %%
def estimated_metrics(
    threshold: float, allowed: np.ndarray, propensity: np.ndarray, weighted: bool
) -> tuple[float, float]:
    w = np.where(allowed, 1 / propensity if weighted else 1.0, 0.0)
    blocked = score > threshold
    fraud_blocked = (w * (blocked & fraud)).sum()
    return fraud_blocked / (w * blocked).sum(), fraud_blocked / (w * fraud).sum()


thresholds = np.arange(20, 91, 2)
estimators = {
    "truth": true_metrics,
    "naive": lambda t: estimated_metrics(t, allowed, propensity, weighted=False),
    "IPW": lambda t: estimated_metrics(t, allowed, propensity, weighted=True),
}
index = pd.Index(thresholds, name="block if score >")
curves = pd.concat(
    {
        name: pd.DataFrame(
            [fn(t) for t in thresholds], index=index, columns=["precision", "recall"]
        )
        for name, fn in estimators.items()
    },
    axis=1,
)
curves.loc[[THRESHOLD, 70]].round(3)

# %% [markdown]
# Both production questions from the talk are answered from the same logged
# data: how good is the current policy (threshold 50), and what would happen
# with "block if score > 70"?

# %%
fig, axes = plt.subplots(1, 2, figsize=(11, 4), sharex=True)
styles = {"truth": ("black", "-"), "naive": ("tab:red", "--"), "IPW": ("tab:blue", ":")}
for ax, metric in zip(axes, ["precision", "recall"], strict=True):
    for estimate, (color, line) in styles.items():
        ax.plot(thresholds, curves[(estimate, metric)], color=color, linestyle=line, label=estimate)
    ax.axvline(THRESHOLD, color="grey", alpha=0.4)
    ax.set(xlabel="policy: block if score >", ylabel=metric, ylim=(0, 1.02), title=metric)
axes[0].legend()
fig.suptitle(f"Estimates from production data with {ALLOW_RATE:.0%} allow-through")
fig.tight_layout()
recall_at = curves.loc[THRESHOLD].xs("recall", level=1)
assert recall_at["naive"] < recall_at["truth"] / 2
show(
    fig,
    alt=f"Precision (left) and recall (right) of 'block if score > t' for t from {thresholds[0]} "
    f"to {thresholds[-1]}: the truth, the naive estimate and the IPW estimate. At the production "
    f"threshold of {THRESHOLD} the true recall is {recall_at['truth']:.1%}; the naive estimate "
    f"says {recall_at['naive']:.1%}, IPW {recall_at['IPW']:.1%}.",
)

# %% [markdown]
# The naive recall is the worst error: frauds above the threshold are observed
# only at the allow-through rate, so the naive estimate says the policy catches
# a small share of the fraud it really catches. Naive precision is also wrong
# below the threshold, where it mixes payments observed at different rates.
# Above the threshold every payment had the same propensity, so the naive
# precision happens to be right there: weights only matter when they differ.

# %% [markdown]
# ## 4. The price of the estimate: variance against allow-through
#
# Every fraud allowed through is a real loss. A smaller allow-through rate
# costs less but gives a noisier estimate. Repeat production 300 times at each
# rate and look at the spread of the IPW recall estimate.

# %%
N_REPEATS = 300
allow_rates = [0.005, 0.01, 0.02, 0.05, 0.10]
rows = []
for rate in allow_rates:
    estimates = []
    for _ in range(N_REPEATS):
        allowed_r, propensity_r = run_production(rate, rng)
        estimates.append(estimated_metrics(THRESHOLD, allowed_r, propensity_r, weighted=True))
    estimates = np.array(estimates)
    rows.append(
        {
            "allow-through rate": rate,
            "mean IPW recall": estimates[:, 1].mean(),
            "std of IPW recall": estimates[:, 1].std(),
            "std of IPW precision": estimates[:, 0].std(),
            "frauds let through per 100k payments": rate * (would_block & fraud).sum() * 1e5 / N,
        }
    )
spread = pd.DataFrame(rows).set_index("allow-through rate")
spread.round(4)

# %%
fig, ax = plt.subplots(figsize=(7, 4))
ax.plot(spread.index, spread["std of IPW recall"], marker="o", label="std of IPW recall")
ax.plot(spread.index, spread["std of IPW precision"], marker="s", label="std of IPW precision")
ax.set(
    xscale="log",
    xlabel="allow-through rate (log scale)",
    ylabel=f"standard deviation over {N_REPEATS} runs",
    title="A cheaper experiment is a noisier estimate",
)
ax.legend(loc="upper right")
cost_ax = ax.twinx()
cost_ax.plot(
    spread.index,
    spread["frauds let through per 100k payments"],
    color="tab:red",
    linestyle="--",
    marker="^",
)
cost_ax.set_ylabel("frauds let through per 100k payments", color="tab:red")
fig.tight_layout()
cheapest, dearest = spread.iloc[0], spread.iloc[-1]
assert spread["std of IPW recall"].is_monotonic_decreasing
assert spread["frauds let through per 100k payments"].is_monotonic_increasing
show(
    fig,
    alt=f"Standard deviation of the IPW recall and precision estimates against the allow-through "
    f"rate (log scale), with frauds let through on a second axis. From {cheapest.name:.1%} to "
    f"{dearest.name:.0%}, the recall's spread falls from {cheapest['std of IPW recall']:.3f} to "
    f"{dearest['std of IPW recall']:.3f} and frauds let through rise from "
    f"{cheapest['frauds let through per 100k payments']:.1f} to "
    f"{dearest['frauds let through per 100k payments']:.1f} per 100,000 payments.",
)

# %% [markdown]
# ## 5. What the numbers say

# %%
truth_p, truth_r = true_metrics(THRESHOLD)
naive_p, naive_r = estimated_metrics(THRESHOLD, allowed, propensity, weighted=False)
ipw_p, ipw_r = estimated_metrics(THRESHOLD, allowed, propensity, weighted=True)
assert naive_r < truth_r / 2
assert abs(spread["mean IPW recall"] - truth_r).max() < 0.02  # unbiased at every rate
assert spread["std of IPW recall"].is_monotonic_decreasing
low, high = spread.iloc[0], spread.iloc[-1]
print(
    f"For the production policy (block above {THRESHOLD}) the true recall is {truth_r:.1%}. "
    f"Measured naively on the payments that were let through, it looks like {naive_r:.1%}; "
    f"the IPW estimate from the same {ALLOW_RATE:.0%} allow-through is {ipw_r:.1%}. "
    f"Precision: truth {truth_p:.1%}, IPW {ipw_p:.1%}."
)
print(
    f"Averaged over {N_REPEATS} runs, the IPW recall is unbiased at every rate tried. Its "
    f"standard deviation falls from {low['std of IPW recall']:.3f} at "
    f"{low.name:.1%} allow-through to {high['std of IPW recall']:.3f} at {high.name:.0%}, while "
    f"the frauds let through rise from {low['frauds let through per 100k payments']:.1f} to "
    f"{high['frauds let through per 100k payments']:.1f} per 100,000 payments."
)

# %% [markdown]
# ## 6. Where weighting cannot help: payments that are never allowed
#
# Inverse-propensity weighting divides by the probability that a payment was
# allowed. A payment that could never be allowed has no weight to give: it
# never produces a label, and nothing computed from the allowed payments says
# what it was. In production such payments exist: hard rules that block
# outright and skip the randomisation (a card on a blocklist, a sanctions hit, a
# merchant's own block rule). They are the limit of the method, not the model's
# scores: every payment here was scored, and the ones above 50 are still
# estimable because each kept a 5 % chance of being allowed.
#
# Add such a rule: a blocklist that blocks with probability 1. Rules like it
# exist for the fraud the model misses, so say it catches 60 % of the fraud
# scored 50 or below, 10 % of the fraud above 50, and 0.2 % of the legitimate
# payments. Then estimate the recall of "block if score > 50" over all fraud, as
# before.

# %%
rule_rng = np.random.default_rng(SEED + 1)
on_blocklist = rule_rng.random(N) < np.where(fraud, np.where(would_block, 0.10, 0.60), 0.002)


def recall_ipw(allowed: np.ndarray, propensity: np.ndarray) -> float:
    """IPW recall of "block if score > 50", counting only payments that were allowed."""
    w = np.where(allowed, 1 / np.where(allowed, propensity, 1.0), 0.0)
    return (w * (would_block & fraud)).sum() / (w * fraud).sum()


def production_with_rule(rule_allow_rate: float) -> tuple[np.ndarray, np.ndarray]:
    """The score policy with 5 % allow-through, plus the blocklist at its own rate."""
    propensity = np.where(on_blocklist, rule_allow_rate, np.where(would_block, ALLOW_RATE, 1.0))
    return rule_rng.random(N) < propensity, propensity


recall_all = would_block[fraud].mean()
recall_off_list = would_block[fraud & ~on_blocklist].mean()
# Averaged over repeated runs of production, as in section 4: the bias is what is left.
no_support = np.mean([recall_ipw(*production_with_rule(0.0)) for _ in range(N_REPEATS)])
with_support = np.mean([recall_ipw(*production_with_rule(ALLOW_RATE)) for _ in range(N_REPEATS)])
zero_propensity = pd.Series(
    {
        "truth, all fraud": recall_all,
        "truth, fraud not on the blocklist": recall_off_list,
        f"IPW, blocklist never allowed (propensity 0), mean of {N_REPEATS} runs": no_support,
        f"IPW, blocklist also allowed at {ALLOW_RATE:.0%}, mean of {N_REPEATS} runs": with_support,
    },
    name='recall of "block if score > 50"',
)
zero_propensity.round(3).to_frame()

# %%
assert abs(no_support - recall_off_list) < 0.02 < abs(no_support - recall_all)
assert abs(with_support - recall_all) < 0.02
print(
    f"With the blocklist's payments never allowed, the IPW estimate ({no_support:.1%}) is "
    f"the recall on the fraud that is not on the blocklist ({recall_off_list:.1%}), not on "
    f"all fraud ({recall_all:.1%}): the {on_blocklist[fraud].mean():.0%} of fraud the list "
    f"catches is invisible, and no weight brings it back. Allow the blocklisted payments "
    f"through at {ALLOW_RATE:.0%} as well and the estimate returns to {with_support:.1%}."
)

# %% [markdown]
# So either give every hard rule a small, logged allow-through where the risk
# allows it, or state the scope of every estimate: "recall on payments not
# blocked by a hard rule". The same holds for a new model: you can evaluate any
# policy that differs from the old one only on payments with a non-zero chance
# of being allowed, and nothing about what it would do on the rest.
#
# ## 7. In a design answer
#
# - Randomise only where the policy acts (above the block threshold), at a
#   small rate, ideally higher for low amounts and capped per merchant, so the
#   experiment's losses are bounded and known in advance.
# - Log the propensity **at decision time** with the payment; an estimate
#   built from propensities reconstructed later is only as good as the
#   reconstruction.
# - Every payment needs a non-zero chance of being allowed. Randomising above
#   the threshold and allowing everything below it gives every scored payment
#   one, so any threshold can be evaluated; a hard rule that always blocks gives
#   its payments none, and what it blocks stays unmeasured (section 6).
# - Train the next model on the same weighted sample, so it learns from the
#   world without the old model rather than from the fraud the old model
#   missed.
# - Labels still mature slowly: the estimate for a week's payments is final
#   only when its disputes have arrived (see [drift](../../system-design/drift.md#label-delay)).
