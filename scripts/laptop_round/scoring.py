"""Scores with their uncertainty, the baselines around them, and the leak test."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from scipy.stats import rankdata

BOOTSTRAP_RESAMPLES = 1_000
RANDOM_HAND_INS = 20
# A hand-in "follows" the leak when it ranks rows by it within each class this
# well; a model that never reads the column sits at 0.5 give or take the noise.
LEAK_AUC = 0.8
LEAK_AGREEMENT = 0.5
MIN_LEAK_EVIDENCE = 10  # rows where the leak and the label disagree


# labels, predictions, and how many times each row counts (None: once).
Metric = Callable[[np.ndarray, np.ndarray, np.ndarray | None], float]


def average_precision(
    labels: np.ndarray, scores: np.ndarray, weights: np.ndarray | None = None
) -> float:
    """PR-AUC as scikit-learn's average_precision_score computes it, with row weights.

    Sorting is the cost; on scores already in ascending order it is linear.
    """
    weights = np.ones(len(labels)) if weights is None else weights
    order = np.argsort(scores, kind="stable")[::-1]  # descending, ties kept together
    labels, scores, weights = labels[order], scores[order], weights[order]
    last_of_tie = np.r_[np.flatnonzero(scores[1:] != scores[:-1]), len(scores) - 1]
    true_positives = np.cumsum(weights * labels)[last_of_tie]
    if true_positives[-1] == 0:
        return 0.0
    seen = np.cumsum(weights)[last_of_tie]
    precision = np.divide(true_positives, seen, out=np.zeros(len(seen)), where=seen > 0)
    recall = true_positives / true_positives[-1]
    return float(np.sum(np.diff(recall, prepend=0) * precision))


def macro_f1(labels: np.ndarray, predicted: np.ndarray, weights: np.ndarray | None = None) -> float:
    """Macro-F1 over the classes present in the labels; labels and predictions are codes."""
    n = int(max(labels.max(), predicted.max())) + 1
    counts = np.bincount(labels * n + predicted, weights=weights, minlength=n * n).reshape(n, n)
    present = counts.sum(axis=1) > 0
    f1 = 2 * np.diag(counts) / np.maximum(counts.sum(axis=0) + counts.sum(axis=1), 1e-12)
    return float(f1[present].mean())


def bootstrap_interval(
    metric: Metric, labels: np.ndarray, predicted: np.ndarray, seed: int
) -> tuple[float, float]:
    """A 95 % percentile interval over holdouts resampled with replacement.

    A resample is a count per row; rows are put in prediction order once, so a
    metric that sorts by prediction does it in linear time.
    """
    rng = np.random.default_rng(seed)
    order = np.argsort(predicted, kind="stable")
    labels, predicted, n = labels[order], predicted[order], len(labels)
    values = [
        metric(labels, predicted, np.bincount(rng.integers(0, n, n), minlength=n))
        for _ in range(BOOTSTRAP_RESAMPLES)
    ]
    low, high = np.percentile(values, [2.5, 97.5])
    return float(low), float(high)


def random_score(metric: Metric, labels: np.ndarray, binary: bool, seed: int) -> float:
    """The mean score of random hand-ins: uniform scores, or classes drawn at their rates."""
    rng = np.random.default_rng(seed)
    rates = np.bincount(labels) / len(labels)
    draws = [
        rng.random(len(labels)) if binary else rng.choice(len(rates), len(labels), p=rates)
        for _ in range(RANDOM_HAND_INS)
    ]
    return float(np.mean([metric(labels, draw, None) for draw in draws]))


def leak_auc(labels: np.ndarray, scores: np.ndarray, leak: np.ndarray) -> float | None:
    """How well the scores rank leak=1 above leak=0 within each class (pooled ROC-AUC).

    Given the label the leak is drawn independently of everything else, so a
    model that does not read it scores about 0.5 here, however good it is.
    None when too few rows disagree with the label to tell.
    """
    disagreeing = int(((leak == 1) & (labels == 0)).sum() + ((leak == 0) & (labels == 1)).sum())
    if disagreeing < MIN_LEAK_EVIDENCE:
        return None
    concordant, pairs = 0.0, 0
    for value in (0, 1):
        in_class = labels == value
        flagged = leak[in_class] == 1
        n_flagged, n_other = int(flagged.sum()), int((~flagged).sum())
        if n_flagged and n_other:
            ranks = rankdata(scores[in_class])
            concordant += ranks[flagged].sum() - n_flagged * (n_flagged + 1) / 2
            pairs += n_flagged * n_other
    return concordant / pairs if pairs else None


def leak_agreement(labels: np.ndarray, predicted: np.ndarray, leaked: np.ndarray) -> float | None:
    """Where the leaked class differs from the label, how often the prediction is the
    leaked class. A model that does not read the column rarely lands on it by chance."""
    disagree = leaked != labels
    if disagree.sum() < MIN_LEAK_EVIDENCE:
        return None
    return float((predicted[disagree] == leaked[disagree]).mean())
