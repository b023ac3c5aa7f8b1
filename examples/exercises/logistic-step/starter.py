"""One gradient-descent step of logistic regression, in plain Python lists.

Contract:
- `logistic_step(weights, bias, X, y, learning_rate, l2=0.0)` returns
  `(new_weights, new_bias, loss)`: `new_weights` a new list of floats,
  `new_bias` a float, and `loss` the mean log-loss of (weights, bias) on (X, y),
  measured before the step and without the L2 term.
- With z_i = weights·X[i] + bias and p_i = sigmoid(z_i), the step descends
  J = mean log-loss + (l2 / 2) * sum(w**2), so
      new_weights[j] = weights[j] - learning_rate * (mean((p_i - y_i) * X[i][j]) + l2 * weights[j])
      new_bias       = bias       - learning_rate *  mean(p_i - y_i)
  The bias is not regularised.
- No overflow and no log(0): scores of +-1000 must give a finite loss.
- Do not modify the arguments.
- Raise ValueError when X is empty, a row's length differs from len(weights),
  len(y) != len(X), a label is not the int 0 or 1 (True and 1.0 included), the
  learning_rate is not positive and finite, or l2 is negative or not finite
  (NaN included).
"""

import math


def logistic_step(
    weights: list[float],
    bias: float,
    X: list[list[float]],
    y: list[int],
    learning_rate: float,
    l2: float = 0.0,
) -> tuple[list[float], float, float]:
    raise NotImplementedError("compute the loss and the gradient, then take the step")


if __name__ == "__main__":
    new_weights, new_bias, loss = logistic_step(
        [0.0], 0.0, [[1.0], [2.0], [-1.0]], [1, 1, 0], learning_rate=0.1
    )
    print(new_weights, new_bias, loss)  # expect [0.0667], 0.0167, 0.6931 (= log 2)
    print(f"log 2 = {math.log(2):.4f}")
