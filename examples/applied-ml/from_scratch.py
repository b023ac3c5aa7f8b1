# %% [markdown]
# # From scratch: logistic regression and neural networks in NumPy
#
# !!! question "The prompt"
#     No scikit-learn for the model this time. Implement logistic regression
#     and a neural network with one hidden layer in NumPy, train them with
#     gradient descent, and convince me your gradients are right.
#
# Interviewers ask for this to see whether you know what `fit` does: the loss,
# its gradient, the update, and how to test all three. This notebook writes both
# models as a loss-and-gradient function, checks every gradient against central
# differences, trains with full-batch gradient descent, and then checks the
# results against scikit-learn: the same optimum for the convex model, and the
# very same weights, step for step, for the network. Then it does the version
# the merchant-descriptor prompt asks for: a multi-class softmax network trained
# in mini-batches on text features (section 8), and a minimal version of it that
# you can write live in 30 minutes (section 9).
#
# **The data** for sections 1 to 7 is derived from `datasets/user_activity.csv`, loaded with
# `guide.load_dataset`: five usage columns and the churn label. It is
# **synthetic**: `scripts/make_datasets.py` draws churn with probability
# `sigmoid(-2.1 + 0.09 days_idle + 0.7 payment_failures + 0.35 tickets - 0.06
# sessions)`, and session length has no effect. A logistic model is therefore
# the right model here, and you know the answer it should find. The rows the
# generator corrupted on purpose (duplicated users, bots, a `9999` sentinel,
# gaps) are left out; the [churn notebook](churn_outliers.py) shows how to
# handle them properly (see also the [dataset card](../../datasets/index.md)).

# %%
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from guide import load_dataset
from guide.figures import show
from sklearn.model_selection import train_test_split

SEED = 0
FEATURES = [
    "days_since_last_login",
    "payment_failures_90d",
    "support_tickets_90d",
    "sessions_last_30d",
    "avg_session_minutes",
]
# The generator's churn model, per raw unit (scripts/make_datasets.py, make_user_activity).
PLANTED = {
    "days_since_last_login": 0.09,
    "payment_failures_90d": 0.7,
    "support_tickets_90d": 0.35,
    "sessions_last_30d": -0.06,
    "avg_session_minutes": 0.0,
}

users = load_dataset("user_activity").drop_duplicates()
clean = users[
    (users["sessions_last_30d"] <= 1_000) & (users["days_since_last_login"] != 9_999)
].dropna(subset=FEATURES)
train, test = train_test_split(clean, test_size=0.3, random_state=SEED, stratify=clean["churned"])

# Standardise with the training mean and spread: gradient descent needs features on one scale.
mean, std = train[FEATURES].mean(), train[FEATURES].std(ddof=0)
X_train = ((train[FEATURES] - mean) / std).to_numpy()
X_test = ((test[FEATURES] - mean) / std).to_numpy()
y_train = train["churned"].to_numpy(dtype=float)
y_test = test["churned"].to_numpy(dtype=float)
n, d = X_train.shape
print(f"{len(clean):,} of {len(users):,} users kept; train {n:,}, test {len(y_test):,}")
print(f"churn rate: train {y_train.mean():.1%}, test {y_test.mean():.1%}")

# %% [markdown]
# ## 1. Logistic regression as a loss and its gradient
#
# For weights `w` and bias `b`, the model is `p = sigmoid(X w + b)`. The loss is
# the mean cross-entropy plus an L2 penalty on the weights (not the bias):
#
# ```text
# loss = mean(log(1 + exp(z)) - y z) + (lam / 2) |w|^2,     z = X w + b
# d loss / d w = X^T (p - y) / n + lam w
# d loss / d b = mean(p - y)
# ```
#
# Writing the cross-entropy through `z` with `np.logaddexp(0, z)` keeps it finite
# for large scores, where `log(sigmoid(z))` would take the log of zero.

# %%
Params = dict[str, np.ndarray]
LAMBDA = 1e-3


def sigmoid(z: np.ndarray) -> np.ndarray:
    return 0.5 * (1.0 + np.tanh(0.5 * z))  # equal to 1 / (1 + exp(-z)), without overflow


def cross_entropy(z: np.ndarray, y: np.ndarray) -> float:
    """Mean binary cross-entropy from scores z (log-odds), computed stably."""
    return float(np.mean(np.logaddexp(0.0, z) - y * z))


def logistic_loss_grad(params: Params, X: np.ndarray, y: np.ndarray) -> tuple[float, Params]:
    w, b = params["w"], params["b"]
    z = X @ w + b
    error = sigmoid(z) - y
    loss = cross_entropy(z, y) + 0.5 * LAMBDA * w @ w
    return loss, {"w": X.T @ error / len(y) + LAMBDA * w, "b": np.array(error.mean())}


# %% [markdown]
# ## 2. Check the gradient before trusting it
#
# Nudge each parameter by `h` both ways and take the slope: the central
# difference `(L(theta + h) - L(theta - h)) / 2h` is accurate to order `h^2`.
# Compare the two gradients with a relative error, which does not depend on the
# gradient's scale. Check at a random point, not at zero, where symmetric
# mistakes can cancel, and on a few dozen rows, since it costs two loss
# evaluations per parameter.


# %%
def numerical_gradient(loss_grad, params: Params, X: np.ndarray, y: np.ndarray, h: float = 1e-6):
    grad = {}
    for name, value in params.items():
        grad[name] = np.zeros_like(value)
        for index in np.ndindex(value.shape):
            shifted = {k: v.copy() for k, v in params.items()}
            shifted[name][index] = value[index] + h
            up = loss_grad(shifted, X, y)[0]
            shifted[name][index] = value[index] - h
            down = loss_grad(shifted, X, y)[0]
            grad[name][index] = (up - down) / (2 * h)
    return grad


def relative_error(a: Params, b: Params) -> float:
    flat_a = np.concatenate([np.ravel(a[k]) for k in sorted(a)])
    flat_b = np.concatenate([np.ravel(b[k]) for k in sorted(b)])
    return float(
        np.linalg.norm(flat_a - flat_b) / (np.linalg.norm(flat_a) + np.linalg.norm(flat_b))
    )


rng = np.random.default_rng(SEED)
CHECK_ROWS = 64
point = {"w": rng.normal(size=d), "b": np.array(rng.normal())}
logistic_check = relative_error(
    numerical_gradient(logistic_loss_grad, point, X_train[:CHECK_ROWS], y_train[:CHECK_ROWS]),
    logistic_loss_grad(point, X_train[:CHECK_ROWS], y_train[:CHECK_ROWS])[1],
)
assert logistic_check < 1e-6
print(f"logistic regression: relative error {logistic_check:.1e}")

# %% [markdown]
# A sign error or a missing `1 / n` puts the relative error near 1. Even a
# subtle slip lands orders of magnitude above the 1e-6 bar: here is what the
# check reports for a gradient that forgot the (small) penalty term:


# %%
def forgot_penalty(params: Params, X: np.ndarray, y: np.ndarray) -> tuple[float, Params]:
    loss, grad = logistic_loss_grad(params, X, y)
    return loss, {**grad, "w": grad["w"] - LAMBDA * params["w"]}


broken_check = relative_error(
    numerical_gradient(logistic_loss_grad, point, X_train[:CHECK_ROWS], y_train[:CHECK_ROWS]),
    forgot_penalty(point, X_train[:CHECK_ROWS], y_train[:CHECK_ROWS])[1],
)
assert broken_check > 1e-6
print(f"gradient without the penalty: relative error {broken_check:.1e}")

# %% [markdown]
# ## 3. Full-batch gradient descent
#
# One loop serves both models: evaluate the loss and gradient on the whole
# training set, step against the gradient, record the loss. The held-out loss
# is recorded for the plot only; nothing is tuned on it.


# %%
def gradient_descent(
    loss_grad, params: Params, learning_rate: float, steps: int, scores_test
) -> tuple[Params, np.ndarray, np.ndarray]:
    params = {k: v.copy() for k, v in params.items()}
    train_loss, test_loss = np.empty(steps), np.empty(steps)
    for step in range(steps):
        train_loss[step], grad = loss_grad(params, X_train, y_train)
        test_loss[step] = cross_entropy(scores_test(params), y_test)
        for name in params:
            params[name] -= learning_rate * grad[name]
    return params, train_loss, test_loss


LOGISTIC_STEPS = 1_000
logistic, logistic_train_loss, logistic_test_loss = gradient_descent(
    logistic_loss_grad,
    {"w": np.zeros(d), "b": np.array(0.0)},
    learning_rate=1.0,
    steps=LOGISTIC_STEPS,
    scores_test=lambda p: X_test @ p["w"] + p["b"],
)
last_change = logistic_train_loss[-2] - logistic_train_loss[-1]
# Near the optimum, consecutive losses differ only by rounding (about 1e-16).
assert np.all(np.diff(logistic_train_loss) <= 1e-15) and last_change < 1e-12
print(f"training loss after {LOGISTIC_STEPS} steps: {logistic_train_loss[-1]:.6f}")
print(f"decrease in the last step: {last_change:.1e}")

# %% [markdown]
# The loss falls at every step and has stopped moving. With standardised
# features the problem is well conditioned, so a learning rate of 1 is safe: the
# cross-entropy's curvature is at most a quarter of the largest eigenvalue of
# `X^T X / n`, and a step size below 2 over the curvature cannot diverge.

# %%
curvature = np.linalg.eigvalsh(X_train.T @ X_train / n).max() / 4 + LAMBDA
assert 2 / curvature > 1.0
print(f"largest curvature {curvature:.3f}; safe step sizes are below {2 / curvature:.2f}")

# %% [markdown]
# ## 4. The same optimum as scikit-learn
#
# scikit-learn's `LogisticRegression` minimises `C * sum(cross-entropy) + |w|^2 / 2`.
# Divide by `C n` and it is the loss above with `lam = 1 / (C n)`, so
# `C = 1 / (n lam)` gives the same problem. Its solver (L-BFGS) is different;
# the optimum must not be.

# %%
from sklearn.linear_model import LogisticRegression

reference = LogisticRegression(C=1 / (n * LAMBDA), tol=1e-10, max_iter=10_000).fit(X_train, y_train)
coefficient_gap = max(
    np.abs(logistic["w"] - reference.coef_[0]).max(), abs(logistic["b"] - reference.intercept_[0])
)
assert coefficient_gap < 1e-6
print(f"largest difference from scikit-learn's coefficients: {coefficient_gap:.1e}")

# Back to raw units (per day, per failure...) to compare with the generator.
recovered = pd.DataFrame(
    {
        "planted (per raw unit)": pd.Series(PLANTED),
        "NumPy, per raw unit": logistic["w"] / std.to_numpy(),
        "scikit-learn, per raw unit": reference.coef_[0] / std.to_numpy(),
    }
)
signal = recovered.index[recovered["planted (per raw unit)"] != 0]
assert (
    np.sign(recovered.loc[signal, "NumPy, per raw unit"])
    == np.sign(recovered.loc[signal, "planted (per raw unit)"])
).all()
relative_gap = (
    recovered.loc[signal, "NumPy, per raw unit"] / recovered.loc[signal, "planted (per raw unit)"]
    - 1
).abs()
assert relative_gap.max() < 0.25
recovered.round(3)

# %% [markdown]
# Both fits find the planted directions, each with the right sign and within a
# quarter of the generator's size, though not equal to it: each label is a
# random draw, so a few thousand users pin a coefficient down only to within
# its sampling error.
#
# ## 5. A network with one hidden layer
#
# Sixteen `tanh` units, then a sigmoid output:
#
# ```text
# A = tanh(X W1 + b1)            hidden activations, n x 16
# z = A w2 + b2,  p = sigmoid(z)
# loss = mean cross-entropy + (alpha / 2n) (|W1|^2 + |w2|^2)
# ```
#
# Backpropagation is the chain rule, one layer at a time, reusing the forward
# pass's activations: `dz = (p - y) / n`; `dw2 = A^T dz`; `dA = dz w2^T`;
# `dZ1 = dA * (1 - A^2)` (the derivative of `tanh`); `dW1 = X^T dZ1`. The penalty
# is scaled by `alpha / n` because that is how scikit-learn's `MLPClassifier`
# scales it, which lets the two be compared exactly. `tanh` rather than ReLU
# keeps the loss smooth, so the finite-difference check is not upset by a kink.

# %%
HIDDEN = 16
ALPHA = 1e-2


def network_forward(params: Params, X: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    hidden = np.tanh(X @ params["W1"] + params["b1"])
    return hidden, hidden @ params["w2"] + params["b2"]


def network_loss_grad(params: Params, X: np.ndarray, y: np.ndarray) -> tuple[float, Params]:
    rows = len(y)
    hidden, z = network_forward(params, X)
    penalty = 0.5 * ALPHA / rows * ((params["W1"] ** 2).sum() + params["w2"] @ params["w2"])
    dz = (sigmoid(z) - y) / rows
    d_hidden = np.outer(dz, params["w2"]) * (1.0 - hidden**2)
    return cross_entropy(z, y) + penalty, {
        "W1": X.T @ d_hidden + ALPHA / rows * params["W1"],
        "b1": d_hidden.sum(axis=0),
        "w2": hidden.T @ dz + ALPHA / rows * params["w2"],
        "b2": np.array(dz.sum()),
    }


# %% [markdown]
# Start from Glorot-uniform weights, drawn exactly as scikit-learn draws them
# (a `RandomState` with the same seed; each layer's weights, then its biases,
# uniform within `sqrt(6 / (fan_in + fan_out))`). That is the only reason to
# copy its order: with the same start, the two trainings can be compared weight
# for weight.


# %%
def glorot_like_sklearn(n_inputs: int, n_hidden: int, seed: int) -> Params:
    state = np.random.RandomState(seed)
    params = {}
    for weight, bias, fan_in, fan_out in [
        ("W1", "b1", n_inputs, n_hidden),
        ("w2", "b2", n_hidden, 1),
    ]:
        bound = np.sqrt(6.0 / (fan_in + fan_out))
        params[weight] = state.uniform(-bound, bound, (fan_in, fan_out))
        params[bias] = state.uniform(-bound, bound, fan_out)
    params["w2"], params["b2"] = params["w2"][:, 0], np.array(params["b2"][0])
    return params


start = glorot_like_sklearn(d, HIDDEN, SEED)
network_check = relative_error(
    numerical_gradient(network_loss_grad, start, X_train[:CHECK_ROWS], y_train[:CHECK_ROWS]),
    network_loss_grad(start, X_train[:CHECK_ROWS], y_train[:CHECK_ROWS])[1],
)
assert network_check < 1e-6
n_params = sum(v.size for v in start.values())
print(f"network ({n_params} parameters): relative error {network_check:.1e}")

# %%
NETWORK_STEPS, NETWORK_RATE = 2_000, 0.5
network, network_train_loss, network_test_loss = gradient_descent(
    network_loss_grad,
    start,
    learning_rate=NETWORK_RATE,
    steps=NETWORK_STEPS,
    scores_test=lambda p: network_forward(p, X_test)[1],
)
print(f"training loss after {NETWORK_STEPS} steps: {network_train_loss[-1]:.6f}")

# %% [markdown]
# ## 6. The same weights as scikit-learn, step for step
#
# `MLPClassifier` with `solver="sgd"`, a batch as large as the training set, no
# momentum, a constant learning rate and no shuffling *is* full-batch gradient
# descent. Given the same seed it starts from the same weights, so after 2,000
# steps its weights should equal the NumPy network's up to floating-point
# rounding. The stopping rule is switched off (`tol=0`), so scikit-learn warns
# that it stopped at `max_iter`; that is expected, and silenced.

# %%
import warnings

from sklearn.exceptions import ConvergenceWarning
from sklearn.neural_network import MLPClassifier

sklearn_network = MLPClassifier(
    hidden_layer_sizes=(HIDDEN,),
    activation="tanh",
    solver="sgd",
    alpha=ALPHA,
    batch_size=n,
    learning_rate="constant",
    learning_rate_init=NETWORK_RATE,
    momentum=0.0,
    nesterovs_momentum=False,
    shuffle=False,
    max_iter=NETWORK_STEPS,
    tol=0.0,
    n_iter_no_change=NETWORK_STEPS,
    random_state=SEED,
)
with warnings.catch_warnings():
    warnings.simplefilter("ignore", ConvergenceWarning)
    sklearn_network.fit(X_train, y_train)

weight_gap = max(
    np.abs(sklearn_network.coefs_[0] - network["W1"]).max(),
    np.abs(sklearn_network.coefs_[1][:, 0] - network["w2"]).max(),
    np.abs(sklearn_network.intercepts_[0] - network["b1"]).max(),
    np.abs(sklearn_network.intercepts_[1][0] - network["b2"]),
)
curve_gap = np.abs(np.array(sklearn_network.loss_curve_) - network_train_loss).max()
assert sklearn_network.n_iter_ == NETWORK_STEPS
assert weight_gap < 1e-10 and curve_gap < 1e-10
print(f"largest weight difference after {NETWORK_STEPS} steps: {weight_gap:.1e}")
print(f"largest difference between the two loss curves: {curve_gap:.1e}")

# %% [markdown]
# ## 7. Loss curves, and what the hidden layer bought

# %%
fig, (ax_lr, ax_net) = plt.subplots(1, 2, figsize=(10, 3.8), sharey=True)
for ax, train_loss, test_loss, title in [
    (ax_lr, logistic_train_loss, logistic_test_loss, "Logistic regression (rate 1.0)"),
    (ax_net, network_train_loss, network_test_loss, f"{HIDDEN} tanh units (rate {NETWORK_RATE})"),
]:
    steps = np.arange(1, len(train_loss) + 1)  # step 1 is the loss before any update
    ax.plot(steps, train_loss, label="training loss (with penalty)")
    ax.plot(steps, test_loss, label="held-out cross-entropy")
    ax.set(xscale="log", xlabel="gradient-descent step (log scale)", title=title)
ax_net.plot(
    np.arange(1, NETWORK_STEPS + 1),
    sklearn_network.loss_curve_,
    linestyle=":",
    color="black",
    label="scikit-learn MLP",
)
ax_lr.set_ylabel("loss")
ax_net.legend()
fig.tight_layout()
show(
    fig,
    alt=f"Training and held-out loss against gradient-descent step (log scale), logistic "
    f"regression on the left, {HIDDEN} tanh units on the right. The network's held-out loss is "
    f"lowest at step {network_test_loss.argmin() + 1:,} of {NETWORK_STEPS:,} "
    f"({network_test_loss.min():.4f}, above logistic regression's {logistic_test_loss[-1]:.4f}), "
    f"then rises while its training loss keeps falling.",
)

# %%
from sklearn.metrics import log_loss, roc_auc_score

probabilities = {
    "logistic regression, NumPy": sigmoid(X_test @ logistic["w"] + logistic["b"]),
    "logistic regression, scikit-learn": reference.predict_proba(X_test)[:, 1],
    "one hidden layer, NumPy": sigmoid(network_forward(network, X_test)[1]),
    "one hidden layer, scikit-learn": sklearn_network.predict_proba(X_test)[:, 1],
}
comparison = pd.DataFrame(
    {
        name: {"test log-loss": log_loss(y_test, p), "test ROC-AUC": roc_auc_score(y_test, p)}
        for name, p in probabilities.items()
    }
).T
lr_auc = comparison.loc["logistic regression, NumPy", "test ROC-AUC"]
net_auc = comparison.loc["one hidden layer, NumPy", "test ROC-AUC"]
lr_train = cross_entropy(X_train @ logistic["w"] + logistic["b"], y_train)
net_train = cross_entropy(network_forward(network, X_train)[1], y_train)
best_test_step = int(network_test_loss.argmin()) + 1  # steps count from 1, as plotted
assert net_train < lr_train and net_auc < lr_auc and best_test_step < NETWORK_STEPS
assert network_test_loss.min() >= logistic_test_loss[-1]
print(f"training cross-entropy: logistic {lr_train:.4f}, network {net_train:.4f}")
print(
    f"the network's held-out loss is lowest at step {best_test_step:,} of {NETWORK_STEPS:,} "
    f"({network_test_loss.min():.4f}; logistic regression: {logistic_test_loss[-1]:.4f})"
)
comparison.round(4)

# %% [markdown]
# The network fits the training users better and the held-out users worse: its
# held-out loss bottoms out before the last step and then rises while the
# training loss keeps falling. Even stopped at its best step it does no better
# than the logistic model. That is the expected result on this data, whose
# churn was generated by a logistic model of these very columns; the extra
# capacity can only fit noise. On real data you would stop early on a
# validation split, raise `alpha`, or keep the linear model.
#
# ## 8. Many classes, mini-batches: a softmax network on merchant descriptors
#
# The merchant-descriptor prompt ("classify merchant descriptions into industry
# categories with a simple neural network") needs two changes to the network
# above: a **softmax** output over the categories instead of one sigmoid, and
# **mini-batches**, because real text data does not fit one gradient step.
#
# The data is the guide's synthetic `datasets/merchant_descriptors.csv` (read
# through `guide.load_dataset`; see the [dataset card](../../datasets/index.md)).
# Features are TF-IDF character n-grams of the lower-cased text with digits and
# punctuation removed; the [merchant descriptors notebook](merchant_descriptors.py)
# cleans the text more carefully and explains why. The split keeps every
# distinct cleaned string on one side, so the test set is text the model has
# not seen.

# %%
import re

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.model_selection import GroupShuffleSplit

descriptors = load_dataset("merchant_descriptors")
text = descriptors["descriptor"].map(
    lambda s: " ".join(re.sub(r"[^a-z ]+", " ", s.lower()).split())
)
categories = sorted(descriptors["category"].unique())
labels = descriptors["category"].map(categories.index).to_numpy()
text_train_idx, text_test_idx = next(
    GroupShuffleSplit(n_splits=1, test_size=0.25, random_state=SEED).split(text, groups=text)
)
vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), min_df=2, sublinear_tf=True)
T_train = vectorizer.fit_transform(text.iloc[text_train_idx])  # sparse rows, unit length
T_test = vectorizer.transform(text.iloc[text_test_idx])
c_train, c_test = labels[text_train_idx], labels[text_test_idx]
assert not set(text.iloc[text_test_idx]) & set(text.iloc[text_train_idx])
print(
    f"{len(descriptors):,} descriptors, {len(categories)} categories; "
    f"train {T_train.shape[0]:,} rows, test {T_test.shape[0]:,} rows, "
    f"{T_train.shape[1]:,} n-gram features"
)

# %% [markdown]
# The loss is the mean cross-entropy of a softmax over the categories, plus an
# L2 penalty on the weights. Its gradient with respect to the scores is the
# reason softmax and cross-entropy come as a pair: `(p - onehot(y)) / n`, the
# predicted probabilities minus the truth. The hidden layer is ReLU this time,
# the usual choice; its derivative is 1 where the unit is active and 0 elsewhere.
#
# ```text
# A = relu(X W1 + b1)                 n x hidden
# Z = A W2 + b2,  P = softmax(Z)      n x classes
# dZ = (P - onehot(y)) / n
# dW2 = A^T dZ + lam W2;   dA = dZ W2^T;   dZ1 = dA * (A > 0);   dW1 = X^T dZ1 + lam W1
# ```
#
# Subtracting each row's largest score before `exp` keeps the softmax finite;
# it changes nothing else, because softmax ignores a constant added to a row.

# %%
SOFTMAX_LAMBDA = 1e-4


def log_softmax(Z: np.ndarray) -> np.ndarray:
    Z = Z - Z.max(axis=1, keepdims=True)
    return Z - np.log(np.exp(Z).sum(axis=1, keepdims=True))


def softmax_network(params: Params, X) -> tuple[np.ndarray, np.ndarray]:
    """Hidden activations and class scores; X may be a dense array or a sparse matrix."""
    hidden = np.maximum(X @ params["W1"] + params["b1"], 0.0)
    return hidden, hidden @ params["W2"] + params["b2"]


def softmax_loss_grad(params: Params, X, y: np.ndarray) -> tuple[float, Params]:
    rows = len(y)
    hidden, Z = softmax_network(params, X)
    log_p = log_softmax(Z)
    penalty = 0.5 * SOFTMAX_LAMBDA * ((params["W1"] ** 2).sum() + (params["W2"] ** 2).sum())
    dZ = np.exp(log_p)
    dZ[np.arange(rows), y] -= 1.0
    dZ /= rows
    d_hidden = (dZ @ params["W2"].T) * (hidden > 0)
    return -log_p[np.arange(rows), y].mean() + penalty, {
        "W1": X.T @ d_hidden + SOFTMAX_LAMBDA * params["W1"],
        "b1": d_hidden.sum(axis=0),
        "W2": hidden.T @ dZ + SOFTMAX_LAMBDA * params["W2"],
        "b2": dZ.sum(axis=0),
    }


def he_init(n_inputs: int, n_hidden: int, n_classes: int, rng: np.random.Generator) -> Params:
    """Weights scaled by sqrt(2 / fan-in), the usual start for ReLU layers; zero biases."""
    return {
        "W1": rng.normal(0, np.sqrt(2 / n_inputs), (n_inputs, n_hidden)),
        "b1": np.zeros(n_hidden),
        "W2": rng.normal(0, np.sqrt(2 / n_hidden), (n_hidden, n_classes)),
        "b2": np.zeros(n_classes),
    }


# The same check as before, on a network small enough to nudge every weight, at a
# random point: with zero biases an all-zero input row puts every ReLU exactly on its kink.
check_rng = np.random.default_rng(SEED)
small = {
    name: check_rng.normal(size=value.shape)
    for name, value in he_init(30, 4, len(categories), check_rng).items()
}
small_X = T_train[:CHECK_ROWS, :30].toarray()
softmax_check = relative_error(
    numerical_gradient(softmax_loss_grad, small, small_X, c_train[:CHECK_ROWS]),
    softmax_loss_grad(small, small_X, c_train[:CHECK_ROWS])[1],
)
assert softmax_check < 1e-6
print(f"softmax network: relative error {softmax_check:.1e}")

# %% [markdown]
# Mini-batch SGD: shuffle the training rows every epoch, cut them into batches
# of 64, and take one step per batch. Each step sees a noisy estimate of the
# full gradient, which is why the loss is tracked on the whole training set once
# per epoch rather than per step.

# %%
HIDDEN_UNITS, BATCH, EPOCHS, SOFTMAX_RATE = 64, 64, 12, 0.3
batch_rng = np.random.default_rng(SEED)
softmax_params = he_init(T_train.shape[1], HIDDEN_UNITS, len(categories), batch_rng)
epoch_loss, epoch_accuracy = [], []
for _ in range(EPOCHS):
    order = batch_rng.permutation(T_train.shape[0])
    for start_row in range(0, len(order), BATCH):
        batch = order[start_row : start_row + BATCH]
        _, grad = softmax_loss_grad(softmax_params, T_train[batch], c_train[batch])
        for name in softmax_params:
            softmax_params[name] -= SOFTMAX_RATE * grad[name]
    epoch_loss.append(softmax_loss_grad(softmax_params, T_train, c_train)[0])
    epoch_accuracy.append(
        (softmax_network(softmax_params, T_test)[1].argmax(axis=1) == c_test).mean()
    )
assert epoch_loss[-1] < epoch_loss[0] / 2
print(f"training loss by epoch: {' '.join(f'{v:.3f}' for v in epoch_loss)}")

# %%
from sklearn.metrics import accuracy_score, f1_score

linear = LogisticRegression(C=10, max_iter=2_000).fit(T_train, c_train)
softmax_predictions = softmax_network(softmax_params, T_test)[1].argmax(axis=1)
majority_share = np.bincount(c_test).max() / len(c_test)
text_results = pd.DataFrame(
    {
        name: {
            "test accuracy": accuracy_score(c_test, predicted),
            "test macro-F1": f1_score(c_test, predicted, average="macro"),
        }
        for name, predicted in {
            "softmax network, NumPy": softmax_predictions,
            "multinomial logistic regression, scikit-learn": linear.predict(T_test),
        }.items()
    }
).T
softmax_accuracy = text_results.loc["softmax network, NumPy", "test accuracy"]
linear_accuracy = text_results.loc["multinomial logistic regression, scikit-learn", "test accuracy"]
assert softmax_accuracy > 2 * majority_share and softmax_accuracy > linear_accuracy - 0.05
print(f"largest class: {majority_share:.1%} of test rows")
text_results.round(3)

# %%
fig, (ax_loss, ax_acc) = plt.subplots(1, 2, figsize=(10, 3.5))
epochs_axis = np.arange(1, EPOCHS + 1)
ax_loss.plot(epochs_axis, epoch_loss, marker="o")
ax_loss.set(xlabel="epoch", ylabel="training loss (with penalty)", title="Mini-batch SGD")
ax_acc.plot(epochs_axis, epoch_accuracy, marker="o", label="softmax network")
ax_acc.axhline(linear_accuracy, color="grey", linestyle="--", label="logistic regression")
ax_acc.set(xlabel="epoch", ylabel="test accuracy", title="Held-out descriptors")
ax_acc.legend()
fig.tight_layout()
show(
    fig,
    alt=f"Two panels over {EPOCHS} epochs of mini-batch SGD. The training loss goes from "
    f"{epoch_loss[0]:.2f} after the first epoch to {epoch_loss[-1]:.2f} after the last; the "
    f"network's test accuracy goes from {epoch_accuracy[0]:.1%} to {epoch_accuracy[-1]:.1%}, "
    f"against {linear_accuracy:.1%} for logistic regression, a dashed line.",
)

# %% [markdown]
# On character n-grams the hidden layer has little to add over the linear
# model: the n-grams already separate the merchants' names, and the table shows
# the two close. Say so in the interview. The network earns its place when the
# inputs are raw (learned character embeddings) or when categories depend on
# combinations of n-grams; until then the linear model is the baseline to beat.
#
# ## 9. The 30-minute version
#
# Everything above, cut to what you can write and explain live: one function,
# one hidden layer, softmax, mini-batch SGD, no penalty, no gradient check (say
# you would add it, and which one). Narrate the shapes as you write each line;
# that is most of what the interviewer is listening for.


# %%
def train_softmax_mlp(X, y, n_classes, hidden=64, epochs=10, batch=64, lr=0.3, seed=0):
    """One hidden ReLU layer, a softmax output, mini-batch SGD. Returns a predict function."""
    rng = np.random.default_rng(seed)
    W1 = rng.normal(0, np.sqrt(2 / X.shape[1]), (X.shape[1], hidden))  # (d, h)
    b1 = np.zeros(hidden)
    W2 = rng.normal(0, np.sqrt(2 / hidden), (hidden, n_classes))  # (h, k)
    b2 = np.zeros(n_classes)
    for _ in range(epochs):
        order = rng.permutation(len(y))
        for start in range(0, len(y), batch):
            rows = order[start : start + batch]
            xb, yb = X[rows], y[rows]
            h = np.maximum(xb @ W1 + b1, 0)  # (b, h)
            z = h @ W2 + b2  # (b, k)
            p = np.exp(z - z.max(axis=1, keepdims=True))
            p /= p.sum(axis=1, keepdims=True)  # softmax, each row sums to 1
            p[np.arange(len(yb)), yb] -= 1  # gradient of cross-entropy w.r.t. z, times b
            dz = p / len(yb)
            dh = (dz @ W2.T) * (h > 0)  # back through ReLU, before W2 changes
            W2 -= lr * h.T @ dz
            b2 -= lr * dz.sum(axis=0)
            W1 -= lr * xb.T @ dh
            b1 -= lr * dh.sum(axis=0)
    return lambda X_new: (np.maximum(X_new @ W1 + b1, 0) @ W2 + b2).argmax(axis=1)


predict = train_softmax_mlp(T_train, c_train, len(categories))
minimal_accuracy = (predict(T_test) == c_test).mean()
assert abs(minimal_accuracy - softmax_accuracy) < 0.05
print(
    f"30-minute version: test accuracy {minimal_accuracy:.3f} "
    f"(full version {softmax_accuracy:.3f}, logistic regression {linear_accuracy:.3f})"
)

# %% [markdown]
# Twenty-odd lines, and each has a sentence you can say: the initialisation
# scale for ReLU, the shapes, why the max is subtracted, why the gradient of
# softmax cross-entropy is `p - onehot(y)`, why `dh` is computed before `W2` is
# updated. If time is left: a gradient check on a tiny network (section 8), an
# L2 penalty, a validation split for early stopping, and the per-class errors,
# which is where the merchant notebook spends its time.
#
# ## 10. What you would say to the interviewer

# %%
print(
    f"I wrote both models as a loss-and-gradient function and checked each gradient against "
    f"central differences: relative errors {logistic_check:.0e} and {network_check:.0e}, "
    f"where a forgotten penalty term shows up as {broken_check:.0e}. Full-batch gradient "
    f"descent reaches scikit-learn's logistic-regression optimum to within "
    f"{coefficient_gap:.0e}, and with the same initial weights and plain full-batch SGD my "
    f"network ends {NETWORK_STEPS:,} steps within {weight_gap:.0e} of MLPClassifier's weights. "
    f"On held-out users the logistic model scores ROC-AUC {lr_auc:.3f} and the network "
    f"{net_auc:.3f}: the churn here is logistic in these columns, so the hidden layer only "
    f"fits noise, and I would ship the linear model. For the merchant descriptors, a softmax "
    f"network trained in mini-batches reaches {softmax_accuracy:.1%} test accuracy on unseen "
    f"descriptor text against {linear_accuracy:.1%} for multinomial logistic regression, and "
    f"the 30-minute version {minimal_accuracy:.1%}."
)
