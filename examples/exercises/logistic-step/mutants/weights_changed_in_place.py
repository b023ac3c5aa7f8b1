"""Updates the caller's weights list in place and returns it."""

import math


def sigmoid(z: float) -> float:
    """1 / (1 + e^-z), computed so that the exponent is never positive (no overflow)."""
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def log_loss(z: float, label: int) -> float:
    """-log(sigmoid(z)) for label 1, -log(1 - sigmoid(z)) for label 0, without log(0).

    Both equal softplus(z) - label * z, where softplus(z) = log(1 + e^z).
    """
    softplus = max(z, 0.0) + math.log1p(math.exp(-abs(z)))
    return softplus - label * z


def _validate(
    weights: list[float], X: list[list[float]], y: list[int], learning_rate: float, l2: float
) -> None:
    if not X:
        raise ValueError("X has no rows")
    if len(y) != len(X):
        raise ValueError(f"X has {len(X)} rows but y has {len(y)} labels")
    for i, row in enumerate(X):
        if len(row) != len(weights):
            raise ValueError(f"row {i} has {len(row)} features, expected {len(weights)}")
    # `type(...) is int` refuses True and 1.0, which `label in (0, 1)` would let through.
    if any(type(label) is not int or label not in (0, 1) for label in y):
        raise ValueError("every label must be the int 0 or 1")
    if not 0 < learning_rate < math.inf:  # also false for NaN
        raise ValueError(f"learning_rate must be positive and finite, got {learning_rate}")
    if not 0 <= l2 < math.inf:
        raise ValueError(f"l2 must be finite and >= 0, got {l2}")


def logistic_step(
    weights: list[float],
    bias: float,
    X: list[list[float]],
    y: list[int],
    learning_rate: float,
    l2: float = 0.0,
) -> tuple[list[float], float, float]:
    """One step of gradient descent on mean log-loss + (l2 / 2) * ||weights||².

    Returns ``(new_weights, new_bias, loss)`` where ``loss`` is the mean log-loss
    before the step, without the penalty. The bias is not regularised and the
    arguments are not modified. Raises ValueError on mismatched shapes, labels
    other than the ints 0 and 1, a learning rate that is not positive and finite, or
    an l2 that is negative or not finite (NaN included).
    """
    _validate(weights, X, y, learning_rate, l2)
    n = len(X)
    weight_gradient = [0.0] * len(weights)
    bias_gradient = 0.0
    total_loss = 0.0
    for row, label in zip(X, y, strict=True):
        z = sum(w * x for w, x in zip(weights, row, strict=True)) + bias
        error = sigmoid(z) - label  # d(loss)/dz for this row
        for j, x in enumerate(row):
            weight_gradient[j] += error * x
        bias_gradient += error
        total_loss += log_loss(z, label)
    for j, g in enumerate(weight_gradient):
        weights[j] -= learning_rate * (g / n + l2 * weights[j])
    new_weights = weights
    new_bias = bias - learning_rate * bias_gradient / n
    return new_weights, new_bias, total_loss / n


if __name__ == "__main__":
    new_weights, new_bias, loss = logistic_step(
        [0.0], 0.0, [[1.0], [2.0], [-1.0]], [1, 1, 0], learning_rate=0.1
    )
    print(new_weights, new_bias, loss)  # [0.0667], 0.0167, 0.6931 (= log 2)
